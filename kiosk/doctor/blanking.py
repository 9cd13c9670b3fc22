"""Doctor check: would the screen blank or switch off while the booth is open.

A booth that nobody touches for ten minutes must not go dark. On X11 ``xset q`` tells
whether the screen saver or DPMS would blank the screen, and after how long. On
Wayland there is no common way to ask: the check looks for ``swayidle`` (Raspberry Pi
OS's screen blanking under labwc) and GNOME's idle delay.

Blanking fires after some minutes without a touch whenever the booth is open, so what
matters is whether the booth has opening hours at all (`booth_hours`): without a
``schedule`` it is open whenever the kiosk runs; with one, blanking fails the check as
long as an opening lies ahead, whether or not the booth is open at the moment the
doctor runs. Outside opening hours the kiosk itself shows its closed screen or, with
``"outside_hours": "screen_off"``, switches the display off (`kiosk.screenpower`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.doctor.result import Result, fail, ok, warn
from kiosk.programs import run_quietly
from kiosk.shipped import resource_dir

if TYPE_CHECKING:
    from kiosk.core.content.model import Content

Runner = Callable[[list[str]], str | None]

SAVER_TIMEOUT = re.compile(r"^\s*timeout:\s*(\d+)", re.MULTILINE)
DPMS_TIMES = re.compile(r"Standby:\s*(\d+)\s+Suspend:\s*(\d+)\s+Off:\s*(\d+)")
GNOME_DELAY = re.compile(r"(\d+)\s*$")
IDLE_DAEMONS = ("swayidle", "xidlehook", "xss-lock")
NO_DPMS = "does not have the DPMS Extension"  # xset q, on an X server without DPMS


@dataclass(frozen=True)
class Blanking:
    """When the screen would blank without input: seconds, or None for never."""

    after_seconds: float | None
    by: str  # what blanks it, in words


@dataclass(frozen=True)
class BoothHours:
    """When the booth is open, for the blanking check.

    Attributes
    ----------
    opens
        Whether the booth has opening hours ahead (always, without a schedule).
    words
        When, in words: "open now, until 18:00", "next open Saturday 2026-12-05 10:00".
    screen_off
        Whether the kiosk switches the display off itself outside opening hours.
    """

    opens: bool
    words: str
    screen_off: bool = False


ALWAYS_OPEN = BoothHours(True, "whenever the kiosk runs: content.json has no schedule")


def booth_hours(content: Content | None, epoch: float, zone: tzinfo) -> BoothHours:
    """When the booth of `content` is open, seen from `epoch` (the machine's zone `zone`)."""
    schedule = None if content is None else content.schedule
    if content is None or schedule is None:
        return ALWAYS_OPEN
    from kiosk.core.content.schedule import opening_hours, state_at
    from kiosk.core.show.calendar import content_zone

    local = content_zone(content, zone)
    state = state_at(opening_hours(schedule), epoch, local)
    off = schedule.outside_hours == "screen_off"
    if state.inside:
        until = "" if state.changes_at is None else f", until {_when(state.changes_at, local)}"
        return BoothHours(True, f"open now{until}", off)
    if state.next_start is None:
        return BoothHours(False, "the schedule has no opening hours ahead", off)
    return BoothHours(True, f"next open {_when(state.next_start, local)}", off)


def _when(epoch: float, zone: tzinfo) -> str:
    from kiosk.core.content.schedule import local_time

    return f"{local_time(epoch, zone):%A %Y-%m-%d %H:%M}"


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


def dpms_missing(platform: str, env: Mapping[str, str], run: Runner = run_quietly) -> bool:
    """Whether the X server has no DPMS, so that ``xset dpms force off`` does nothing.

    xset then says so and exits 0; the kiosk's screen-off takes that as a failure.
    """
    if platform != "xcb":
        return False
    output = run(["xset", "-display", env.get("DISPLAY", ""), "q"])
    return output is not None and NO_DPMS.lower() in output.lower()


def blanking_result(
    blanking: list[Blanking] | None, hours: BoothHours = ALWAYS_OPEN, no_dpms: bool = False
) -> Result:
    """FAIL when something would blank the screen during the booth's opening hours.

    Parameters
    ----------
    blanking
        `find_blanking`'s answer.
    hours
        When the booth is open (`booth_hours`).
    no_dpms
        The X server has no DPMS (`dpms_missing`): a schedule's ``screen_off`` cannot
        switch the display off (WARN).
    """
    if blanking is None:
        return warn(
            "screen blanking",
            "could not check whether the screen blanks",
            "turn screen blanking and power saving off in the desktop's settings",
        )
    if hours.screen_off and no_dpms:
        tail = ("; outside opening hours the kiosk cannot switch the display off: the X "
                "server has no DPMS, so the closed screen stays on")
    elif hours.screen_off:
        tail = "; outside opening hours the kiosk switches the display off itself"
    else:
        tail = ""
    if not blanking:
        if hours.screen_off and no_dpms:
            return warn("screen blanking", f"nothing blanks the screen{tail}",
                        "a display that must go dark needs an X server with DPMS "
                        "(Xorg has it), or HDMI-CEC (schedule.hdmi_cec)")
        return ok("screen blanking", f"nothing blanks the screen{tail}")
    what = "; ".join(_words(b) for b in blanking)
    if not hours.opens:
        return ok("screen blanking", f"{what} (never during opening hours: {hours.words})")
    script = resource_dir("deploy") / "keep-awake.sh"
    return fail(
        "screen blanking",
        f"{what}: that would happen during opening hours ({hours.words}){tail}",
        f"X11: run {script} once per session (xset s off -dpms s noblank); Raspberry Pi: "
        "raspi-config > Display > Screen Blanking: off; GNOME: Settings > Power > Screen "
        "Blank: Never",
    )


def _words(blanking: Blanking) -> str:
    if blanking.after_seconds is None:
        return f"{blanking.by} is running and may switch the screen off"
    return f"{blanking.by} blanks the screen after {blanking.after_seconds:.0f} s without input"
