"""Which content.json the kiosk reads: the first place, in a fixed order, that has one.

The order is ``--content``, ``$KIOSK_CONTENT``, ``./content.json``, ``content.json`` in
the user config folder (where `kiosk init` writes), and last the producers' story
shipped inside the package. A file named on the command line or in the environment is
taken even when it is missing or broken: the operator asked for it, so the kiosk keeps
showing the last good copy and says what is wrong rather than quietly showing something
else. The other places count only when they hold a file, so a fresh install shows the
shipped story, never the fallback screen.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.records.paths import APP_NAME
from kiosk.shipped import STORY_FILE, story_file

ENV_VAR = "KIOSK_CONTENT"

FROM_OPTION = "--content"
FROM_ENV = f"${ENV_VAR}"
FROM_CWD = f"./{STORY_FILE}"
FROM_CONFIG = "config folder"
FROM_SHIPPED = "shipped story"

SEARCH_ORDER = (FROM_OPTION, FROM_ENV, FROM_CWD, FROM_CONFIG, FROM_SHIPPED)


@dataclass(frozen=True)
class ContentLocation:
    """A content file and which place in the search order it came from.

    Attributes
    ----------
    path
        The content file, absolute.
    origin
        One of `SEARCH_ORDER`, e.g. ``"$KIOSK_CONTENT"``.
    """

    path: Path
    origin: str

    def describe(self) -> str:
        """One line for the log and the terminal, e.g. ``/x/content.json (from ./content.json)``."""
        return f"{self.path} (from {self.origin})"


def user_config_dir() -> Path:
    """The user's config folder for the kiosk (``~/.config/producers-story-kiosk`` on Linux)."""
    import platformdirs  # only when the search gets this far: start-up time

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def locate_content(
    option: Path | None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    config_dir: Callable[[], Path] = user_config_dir,
) -> ContentLocation:
    """Find the content file to read, in the search order.

    Parameters
    ----------
    option
        The path given with ``--content`` (or to ``kiosk validate``), if any.
    env
        The environment to read ``$KIOSK_CONTENT`` from (default: ``os.environ``).
    cwd
        The working folder (default: the process's).
    config_dir
        Gives the user config folder; only called when the search gets that far.

    Returns
    -------
    ContentLocation
        The first of: `option`; ``$KIOSK_CONTENT``; ``./content.json`` if it exists;
        the config folder's ``content.json`` if it exists; the shipped story.
    """
    environ = os.environ if env is None else env
    here = Path.cwd() if cwd is None else cwd
    named = [(option, FROM_OPTION), (environ.get(ENV_VAR, "").strip() or None, FROM_ENV)]
    for given, origin in named:
        if given is not None:
            return ContentLocation(_absolute(Path(given), here), origin)
    local = here / STORY_FILE
    if local.is_file():
        return ContentLocation(_absolute(local, here), FROM_CWD)
    configured = config_dir() / STORY_FILE
    if configured.is_file():
        return ContentLocation(_absolute(configured, here), FROM_CONFIG)
    return ContentLocation(story_file(), FROM_SHIPPED)


def _absolute(path: Path, cwd: Path) -> Path:
    """`path` with ``~`` expanded, made absolute against `cwd` (symlinks kept)."""
    path = path.expanduser()
    return path if path.is_absolute() else cwd / path
