"""Doctor checks of the display: is one reachable, which screen, are Qt's libraries there."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosk.display import OFFSCREEN, PLATFORM_VAR, WHAT_TO_DO, Display
from kiosk.doctor.result import Result, fail, ok, warn
from kiosk.qtlibs import debian_package

MIN_REFRESH_HZ = 50.0  # below this, counting figures and transitions visibly stutter
MIN_SIZE = (800, 480)  # the smallest screen the layout is designed for


@dataclass(frozen=True)
class ScreenInfo:
    """One screen as Qt reports it."""

    name: str
    width: int
    height: int
    refresh_hz: float


def display_result(display: Display | None, problem: str | None = None) -> Result:
    """Whether a display answers, and which platform the kiosk would use.

    Parameters
    ----------
    display
        What `kiosk.display.find_display` chose, or None when no display answers.
    problem
        Why there is no display (`DisplayUnavailable.reason`).
    """
    if display is None:
        return fail("display", f"no display: {problem or 'none answers'}", WHAT_TO_DO)
    if display.platform == OFFSCREEN:
        message = f"{PLATFORM_VAR}={OFFSCREEN}: the kiosk would show nothing on any screen"
        return warn("display", message, f"unset {PLATFORM_VAR} (offscreen is for tests)")
    platform = f" (Qt platform {display.platform})" if display.platform else ""
    notes = "".join(f"; passed over: {note}" for note in display.notes)
    return ok("display", f"{display.description}{platform}{notes}")


def screen_result(screens: Sequence[ScreenInfo] | None, index: int = 0) -> Result:
    """The screen the kiosk fills: its size and refresh rate.

    Parameters
    ----------
    screens
        The screens Qt sees, or None when there is no display to ask.
    index
        The screen the kiosk uses (``kiosk run --screen``).
    """
    if screens is None:
        return warn("screen", "not checked: no display", "fix the display first")
    if not screens:
        return fail("screen", "the display has no screen", "connect and switch on the screen")
    screen = screens[index] if 0 <= index < len(screens) else screens[0]
    found = f"{screen.width}x{screen.height} at {screen.refresh_hz:.0f} Hz ({screen.name})"
    if len(screens) > 1:
        found += f", screen {screens.index(screen)} of {len(screens)}"
    if min(screen.width, screen.height) < min(MIN_SIZE) or max(
        screen.width, screen.height
    ) < max(MIN_SIZE):
        return warn("screen", f"{found}: smaller than 800x480", "use a larger screen")
    if 0 < screen.refresh_hz < MIN_REFRESH_HZ:
        return warn(
            "screen",
            f"{found}: motion will stutter below {MIN_REFRESH_HZ:.0f} Hz",
            "choose a 60 Hz mode in the display settings",
        )
    return ok("screen", found)


def libraries_result(platform: str, missing: list[str] | None) -> Result:
    """Whether the system libraries Qt's platform plugin needs are installed.

    Parameters
    ----------
    platform
        Qt's platform (``xcb``, ``wayland``); empty where there is nothing to check.
    missing
        `kiosk.qtlibs.missing_libraries` for it: None when it cannot be told.
    """
    if not platform or platform == OFFSCREEN:
        return ok("qt libraries", "nothing to check for this platform")
    if missing is None:
        return warn(
            "qt libraries",
            f"could not check the libraries of Qt's {platform} platform (no ldd?)",
            "if the kiosk does not start, install them: see docs/running-a-booth.md",
        )
    if missing:
        packages = " ".join(sorted({debian_package(name) for name in missing}))
        return fail(
            "qt libraries",
            f"Qt's {platform} platform needs {', '.join(missing)}, which are missing",
            f"sudo apt install {packages}",
        )
    return ok("qt libraries", f"everything Qt's {platform} platform needs is installed")


def platform_to_check(display: Display | None, env: Mapping[str, str]) -> str:
    """The platform whose libraries matter: the display's, else X11's where DISPLAY is set."""
    if display is not None:
        return display.platform.split(";")[0]
    return "wayland" if env.get("WAYLAND_DISPLAY") else "xcb"
