"""Doctor checks of what ships with the kiosk: its fonts and its icons."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from kiosk.doctor.result import Result, fail, ok

REINSTALL = (
    "install the kiosk again: pipx reinstall producers-story-kiosk, or pip install "
    "--force-reinstall <the wheel>"
)


def fonts_result(families: Sequence[str], folder: Path, needed: str = "Inter") -> Result:
    """Whether the bundled typeface is there and Qt could load it.

    Parameters
    ----------
    families
        The font families registered from `folder` (`kiosk.ui.drawing.theme.register_fonts`).
    folder
        Where the fonts ship.
    needed
        The family every panel is drawn in.
    """
    if needed not in families:
        return fail(
            "fonts",
            f"the {needed} font is missing from {folder}: text would use the system's "
            "fallback font, and long titles would wrap badly",
            REINSTALL,
        )
    return ok("fonts", f"{', '.join(families)} from {folder}")


def broken_icons(names: Iterable[str], folder: Path, valid: Callable[[Path], bool]) -> list[str]:
    """The icons among `names` whose SVG file is missing from `folder` or not valid."""
    broken = []
    for name in names:
        path = folder / f"{name}.svg"
        if not path.is_file() or not valid(path):
            broken.append(name)
    return broken


def icons_result(broken: Sequence[str], total: int, folder: Path) -> Result:
    """Whether every icon content.json may name can be drawn."""
    if broken:
        return fail(
            "icons",
            f"{len(broken)} of {total} icons missing or broken in {folder}: "
            f"{', '.join(broken)} (cards would show an empty box)",
            REINSTALL,
        )
    return ok("icons", f"all {total} icons from {folder}")
