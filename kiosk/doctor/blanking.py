"""Doctor check: would the screen blank or switch off while the booth is open.

A booth that nobody touches for ten minutes must not go dark. On X11 ``xset q`` tells
whether the screen saver or DPMS would blank the screen, and after how long. On
Wayland there is no common way to ask: the check looks for ``swayidle`` (Raspberry Pi
OS's screen blanking under labwc) and GNOME's idle delay.

Opening hours do not exist yet: until they do (issue #15, a ``schedule`` in
content.json), the booth counts as open whenever the kiosk runs. `blanking_result`
takes ``open_now`` so a schedule can decide; a schedule may even want blanking outside
its hours.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.doctor.result import Result, fail, ok, warn
from kiosk.shipped import resource_dir

Runner = Callable[[list[str]], str | None]

SAVER_TIMEOUT = re.compile(r"^\s*timeout:\s*(\d+)", re.MULTILINE)
DPMS_TIMES = re.compile(r"Standby:\s*(\d+)\s+Suspend:\s*(\d+)\s+Off:\s*(\d+)")
GNOME_DELAY = re.compile(r"(\d+)\s*$")
IDLE_DAEMONS = ("swayidle", "xidlehook", "xss-lock")


@dataclass(frozen=True)
class Blanking:
    """When the screen would blank without input: seconds, or None for never."""

    after_seconds: float | None
    by: str  # what blanks it, in words


def always_open() -> bool:
    """Until the kiosk has opening hours (issue #15), the booth is open whenever it runs."""
    return True


def run_quietly(command: list[str]) -> str | None:
    """The standard output of `command`, or None when it cannot run or fails."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def x11_blanking(xset_q: str) -> list[Blanking]:
    """Parse ``xset q``: the screen saver and DPMS timeouts that are switched on."""
    found = []
    saver = SAVER_TIMEOUT.search(xset_q)
    if saver and int(saver[1]) > 0:
        found.append(Blanking(float(saver[1]), "the X screen saver"))
    dpms = DPMS_TIMES.search(xset_q)
    if dpms and "DPMS is Enabled" in xset_q:
        times = [int(value) for value in dpms.groups() if int(value) > 0]
        if times:
            found.append(Blanking(float(min(times)), "DPMS (the screen's power saving)"))
    return found


def wayland_blanking(processes: Iterable[str], gnome_idle: str | None) -> list[Blanking]:
    """Idle daemons running and GNOME's idle delay (``gsettings get ... idle-delay``)."""
    found = [Blanking(None, name) for name in sorted(set(processes) & set(IDLE_DAEMONS))]
    delay = GNOME_DELAY.search(gnome_idle or "")
    if delay and int(delay[1]) > 0:
        found.append(Blanking(float(delay[1]), "GNOME's screen blank"))
    return found


def running_processes(proc: Path = Path("/proc")) -> list[str]:
    """The names of running processes (Linux ``/proc/*/comm``); empty elsewhere."""
    names = []
    for comm in proc.glob("[0-9]*/comm"):
        try:
            names.append(comm.read_text(encoding="utf-8").strip())
        except OSError:
            continue
    return names


def find_blanking(
    platform: str, env: Mapping[str, str], run: Runner = run_quietly
) -> list[Blanking] | None:
    """What would blank the screen under `platform`; None when it cannot be told."""
    if platform == "xcb":
        output = run(["xset", "-display", env.get("DISPLAY", ""), "q"])
        return None if output is None else x11_blanking(output)
    if platform.startswith("wayland"):
        gnome = run(["gsettings", "get", "org.gnome.desktop.session", "idle-delay"])
        return wayland_blanking(running_processes(), gnome)
    return None


def blanking_result(
    blanking: list[Blanking] | None, open_now: Callable[[], bool] = always_open
) -> Result:
    """FAIL when something would blank the screen while the booth is open.

    Parameters
    ----------
    blanking
        `find_blanking`'s answer.
    open_now
        Whether the booth is open (the hook for opening hours, issue #15).
    """
    if blanking is None:
        return warn(
            "screen blanking",
            "could not check whether the screen blanks",
            "turn screen blanking and power saving off in the desktop's settings",
        )
    if not blanking:
        return ok("screen blanking", "nothing blanks the screen")
    what = "; ".join(_words(b) for b in blanking)
    if not open_now():
        return ok("screen blanking", f"{what} (outside opening hours)")
    script = resource_dir("deploy") / "keep-awake.sh"
    return fail(
        "screen blanking",
        what,
        f"X11: run {script} once per session (xset s off -dpms s noblank); Raspberry Pi: "
        "raspi-config > Display > Screen Blanking: off; GNOME: Settings > Power > Screen "
        "Blank: Never",
    )


def _words(blanking: Blanking) -> str:
    if blanking.after_seconds is None:
        return f"{blanking.by} is running and may switch the screen off"
    return f"{blanking.by} blanks the screen after {blanking.after_seconds:.0f} s without input"
