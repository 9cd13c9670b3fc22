"""Is there a screen to show the kiosk on? Answered before Qt starts, so Qt never aborts.

Left to itself, Qt aborts the process (exit code 134, a core dump and a misleading hint
about reinstalling) when its platform cannot reach a display. The kiosk looks first,
and when nothing answers it stops with one plain sentence and a non-zero exit code, so
a service manager tries again once the desktop session is up.

Which platform, on Linux and the other Unix desktops:

1. ``QT_QPA_PLATFORM``, when set, is obeyed (``offscreen`` only ever comes from here);
   an X11 or Wayland platform named there must still answer.
2. Otherwise Wayland, when ``WAYLAND_DISPLAY`` names a socket that answers: a native
   Wayland window, also when Xwayland sets ``DISPLAY`` beside it (Raspberry Pi OS).
3. Otherwise X11 (``xcb``), when the X server named by ``DISPLAY`` answers.

Windows and macOS have one platform each and are not checked. Qt-free.
"""

from __future__ import annotations

import errno
import os
import re
import socket
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

PLATFORM_VAR = "QT_QPA_PLATFORM"
X11 = "xcb"
WAYLAND = "wayland"
OFFSCREEN = "offscreen"
CONNECT_SECONDS = 2.0  # a remote X server that does not answer in this time is not there
ACCEPTING = 0x10000  # __SO_ACCEPTCON in /proc/net/unix's Flags: a listening socket

WHAT_TO_DO = (
    "start the kiosk from the desktop session (its autostart or the systemd user unit), "
    "set DISPLAY or WAYLAND_DISPLAY to a running display, "
    f"or set {PLATFORM_VAR}={OFFSCREEN} for tests"
)


class DisplayUnavailable(Exception):
    """No display answers; the message is one sentence: what is missing and what to do.

    Parameters
    ----------
    reason
        What is missing, e.g. ``neither DISPLAY nor WAYLAND_DISPLAY is set``.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"No display to show the kiosk on ({reason}): {WHAT_TO_DO}.")
        self.reason = reason


@dataclass(frozen=True)
class Display:
    """The platform Qt will use and the display behind it.

    Attributes
    ----------
    platform
        Qt's platform name (``xcb``, ``wayland``, ``offscreen``...); empty where Qt has
        one platform only (Windows, macOS).
    description
        The display in words, e.g. ``X display :0`` or ``Wayland display wayland-0``.
    explicit
        True when ``QT_QPA_PLATFORM`` chose the platform.
    notes
        What was tried and passed over, e.g. a stale Wayland socket.
    """

    platform: str
    description: str
    explicit: bool = False
    notes: tuple[str, ...] = ()

    def qt_request(self) -> str:
        """The value for ``QT_QPA_PLATFORM``: this platform, then ``offscreen`` as a trap.

        Qt falls back to the next platform in the list instead of aborting, so a display
        that stops answering between the check and Qt's start (or Qt libraries that are
        missing) leaves Qt on ``offscreen``, which `confirm_platform` turns into the
        same plain sentence. An empty platform (Windows, macOS) asks for nothing.
        """
        if not self.platform or OFFSCREEN in self.platform.split(";"):
            return self.platform
        return f"{self.platform};{OFFSCREEN}"


DESKTOP = Display("", "the desktop")  # Windows, macOS: Qt's only platform, not checked

Probe = Callable[[str, Mapping[str, str]], "str | None"]


def find_display(
    env: Mapping[str, str] | None = None,
    system: str = sys.platform,
    probe: Probe | None = None,
) -> Display:
    """Choose Qt's platform and check that its display answers.

    Parameters
    ----------
    env
        The environment (default: ``os.environ``).
    system
        ``sys.platform`` of the machine.
    probe
        ``probe(platform, env)`` returns None when the display of `platform` answers,
        else why not (default: `probe_display`).

    Returns
    -------
    Display
        The platform to ask Qt for.

    Raises
    ------
    DisplayUnavailable
        When no display answers.
    """
    environ = os.environ if env is None else env
    check = probe or probe_display
    if system.startswith(("win", "darwin", "cygwin")):
        return DESKTOP
    requested = environ.get(PLATFORM_VAR, "").strip()
    candidates = requested.split(";") if requested else [WAYLAND, X11]
    reasons: list[str] = []
    for platform in filter(None, (c.strip() for c in candidates)):
        if not requested and not _named(platform, environ):
            continue
        reason = check(platform, environ)
        if reason is None:
            return Display(platform, describe(platform, environ), bool(requested), tuple(reasons))
        reasons.append(reason)
    raise DisplayUnavailable(_reason(reasons, requested))


def describe(platform: str, env: Mapping[str, str]) -> str:
    """The display of `platform` in words, for the log and `kiosk doctor`."""
    if platform == X11:
        return f"X display {env.get('DISPLAY', '')}"
    if platform.startswith(WAYLAND):
        return f"Wayland display {env.get('WAYLAND_DISPLAY') or 'wayland-0'}"
    return f"Qt platform {platform} ({PLATFORM_VAR})"


def _named(platform: str, env: Mapping[str, str]) -> bool:
    """Whether the environment names a display for `platform` (without a choice of platform)."""
    if platform == WAYLAND:
        return bool(env.get("WAYLAND_DISPLAY") or env.get("WAYLAND_SOCKET"))
    return bool(env.get("DISPLAY"))


def _reason(reasons: list[str], requested: str) -> str:
    if reasons:
        return "; ".join(reasons)
    if requested:
        return f"{PLATFORM_VAR}={requested} names no platform"
    return "neither DISPLAY nor WAYLAND_DISPLAY is set"


def probe_display(platform: str, env: Mapping[str, str]) -> str | None:
    """None when the display of Qt's `platform` answers, else why not, in words.

    X11 and Wayland are checked by connecting to their socket; other platforms
    (``offscreen``, ``eglfs``, ``linuxfb``...) are taken at their word.
    """
    if platform == X11:
        return x_display_problem(env.get("DISPLAY", ""))
    if platform.startswith(WAYLAND):
        return wayland_problem(env)
    return None


DISPLAY_NAME = re.compile(r"^(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?$")


def x_display_problem(name: str) -> str | None:
    """None when an X server answers at display `name` (e.g. ``:0``), else why not."""
    if not name:
        return "DISPLAY is not set"
    match = DISPLAY_NAME.match(name)
    if match is None:
        return f"DISPLAY={name} is not a display name like :0"
    host, number = match["host"], int(match["number"])
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        if socket_listening(path):
            return None
        addresses: list[str | tuple[str, int]] = [path]
        if sys.platform.startswith("linux"):
            addresses.insert(0, "\0" + path)  # Xorg and Xvfb also listen here
        error = _connect_first(socket.AF_UNIX, addresses)
    else:
        error = _connect_first(socket.AF_INET, [(host, 6000 + number)])
    return None if error is None else f"no X server answers at DISPLAY={name}, {error}"


def wayland_problem(env: Mapping[str, str]) -> str | None:
    """None when the Wayland compositor named by the environment answers, else why not."""
    if env.get("WAYLAND_SOCKET"):
        return None  # a socket handed over by the compositor that started the kiosk
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    if os.path.isabs(name):
        path = name
    else:
        runtime = env.get("XDG_RUNTIME_DIR", "")
        if not runtime:
            return f"WAYLAND_DISPLAY={name} but XDG_RUNTIME_DIR is not set"
        path = os.path.join(runtime, name)
    error = _connect_first(socket.AF_UNIX, [path])
    return None if error is None else f"no Wayland compositor answers at {path}, {error}"


def socket_listening(path: str, table: str = "/proc/net/unix") -> bool:
    """Whether a Unix socket at `path` (or its abstract twin) is listening, per Linux's table.

    Looking is better than connecting for X: a server whose only client hangs up
    regenerates itself, which would cost Qt's own connection a few dozen milliseconds.
    False whenever the table cannot tell (not Linux, another network namespace).
    """
    try:
        with open(table, encoding="utf-8", errors="replace") as rows:
            next(rows, None)  # the header
            for row in rows:
                fields = row.split()
                listening = len(fields) >= 8 and int(fields[3], 16) & ACCEPTING
                if listening and fields[7] in (path, "@" + path):
                    return True
    except (OSError, ValueError):
        pass
    return False



def _connect_first(family: int, addresses: list[str | tuple[str, int]]) -> str | None:
    """None once one address accepts a connection, else the last error in words."""
    error = "nothing to connect to"
    for address in addresses:
        try:
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                sock.settimeout(CONNECT_SECONDS)
                sock.connect(address)
            return None
        except OSError as exc:
            error = _in_words(exc)
    return error


def _in_words(exc: OSError) -> str:
    """A connection error as an operator would say it."""
    if isinstance(exc, TimeoutError):
        return f"no answer in {CONNECT_SECONDS:.0f} s"
    words = {
        errno.ENOENT: "no socket there",
        errno.ECONNREFUSED: "a stale socket: nothing listens",
        errno.EACCES: "not allowed to connect",
    }
    return words.get(exc.errno or 0, (exc.strerror or str(exc)).lower())


def confirm_platform(display: Display, actual: str) -> None:
    """Check that Qt started on the platform asked for, not on the offscreen trap.

    Parameters
    ----------
    display
        What `find_display` chose.
    actual
        ``QGuiApplication.platformName()``.

    Raises
    ------
    DisplayUnavailable
        When Qt fell back to ``offscreen`` although a real display was asked for.
    """
    asked = display.platform.split(";")
    if not display.platform or actual in asked or actual != OFFSCREEN:
        return
    from kiosk.qtlibs import missing_libraries_hint  # only on this rare path

    why = missing_libraries_hint(asked[0]) or (
        "the X server refused it: check XAUTHORITY; Qt's own words are in the log"
        if asked[0] == X11
        else "Qt's own words are in the log"
    )
    raise DisplayUnavailable(f"Qt could not open the {display.description}: {why}")
