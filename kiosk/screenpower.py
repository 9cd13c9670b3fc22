"""Switching the display off and on for the schedule (``outside_hours: "screen_off"``).

What works depends on the machine, so the kiosk tries, in order:

- X11: DPMS, ``xset dpms force off``; back on with ``xset dpms force on``, then
  ``xset -dpms`` (forcing DPMS switches it on, and a booth must not blank during its
  hours: `kiosk doctor` checks that);
- Wayland: the compositor's output power (``wlopm --off '*'``, wlroots compositors
  such as labwc on Raspberry Pi OS), else ``wlr-randr --output NAME --off`` for each
  output (it disables them: the kiosk goes back full screen once they are back);
- with ``schedule.hdmi_cec``, also a TV's standby and wake over HDMI-CEC
  (``cec-ctl``, else ``cec-client``), for TVs that ignore the computer's power saving.

When none of them is there, the kiosk paints the screen black and its ticker sleeps:
the display stays lit, showing nothing. When they fail (an X server without DPMS:
xset says so and exits 0), the failure is logged, `off_failed` says which, and the
kiosk keeps its closed screen drawn until the booth opens (`kiosk.ui.app`). Commands
run one after another on a worker thread, so a slow CEC bus never holds up the screen;
each outcome is logged.
"""

from __future__ import annotations

import logging
import queue
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.programs import run_quietly

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 15.0
REFUSALS = ("does not have extension",)  # xset without DPMS: exit 0, nothing done
Which = Callable[[str], str | None]


@dataclass(frozen=True)
class Command:
    """One command line, and what it reads on its standard input (cec-client)."""

    argv: tuple[str, ...]
    stdin: str | None = None


def wlr_outputs(listing: str) -> list[str]:
    """Output names from ``wlr-randr``'s listing: each unindented line starts with one."""
    return [line.split()[0] for line in listing.splitlines() if line[:1].strip()]


def display_commands(platform: str, on: bool, which: Which, outputs: list[str]) -> list[Command]:
    """The commands that switch the display of `platform` off (or `on`); [] if none is there."""
    state = "on" if on else "off"
    if platform == "xcb" and which("xset"):
        commands = [Command(("xset", "dpms", "force", state))]
        return [*commands, Command(("xset", "-dpms"))] if on else commands
    if platform.startswith("wayland"):
        if which("wlopm"):
            return [Command(("wlopm", f"--{state}", "*"))]
        if which("wlr-randr"):
            return [Command(("wlr-randr", "--output", name, f"--{state}")) for name in outputs]
    return []


def cec_commands(on: bool, which: Which) -> list[Command]:
    """The HDMI-CEC command that wakes the TV (or puts it on standby); [] without a tool."""
    if which("cec-ctl"):
        action = "--image-view-on" if on else "--standby"
        return [Command(("cec-ctl", "--playback", "--to", "0", action))]
    if which("cec-client"):
        return [Command(("cec-client", "-s", "-d", "1"), "on 0\n" if on else "standby 0\n")]
    return []


def describe(platform: str, cec: bool, which: Which) -> str:
    """How the display is switched off here, in words, for status.json and the log."""
    tools = [c.argv[0] for c in display_commands(platform, False, which, ["OUTPUT"])[:1]]
    if cec:
        tools += [c.argv[0] for c in cec_commands(False, which)]
    return " + ".join(tools) if tools else "none: a black screen"


class ScreenPower:
    """Switches the display off and on, in the background (see the module docstring).

    Parameters
    ----------
    platform
        Qt's platform name: ``xcb``, ``wayland``, ``wayland-egl``...
    which
        Finds a program on PATH (`shutil.which`).
    run
        Runs a command and returns its standard output, or None when it failed.
    """

    def __init__(self, platform: str, which: Which = shutil.which,
                 run: Callable[[Command], str | None] | None = None) -> None:
        self.platform = platform
        self.which = which
        self.run = run or run_command
        self._outputs: list[str] = []
        self.off_failed: str | None = None  # the commands that did not switch it off
        self._jobs: queue.Queue[tuple[bool, bool] | None] = queue.Queue()
        self._worker: threading.Thread | None = None

    def describe(self, cec: bool) -> str:
        """How the display is switched off here, in words (and whether that failed)."""
        if self.off_failed is not None:
            return f"none: {self.off_failed} failed, the closed screen stays on"
        return describe(self.platform, cec, self.which)

    def switch(self, on: bool, cec: bool = False) -> None:
        """Switch the display on or off (and the TV over HDMI-CEC with `cec`), soon."""
        if not on:
            self.off_failed = None  # known once this try has run
        if self._worker is None:
            self._worker = threading.Thread(target=self._serve, name="screen-power", daemon=True)
            self._worker.start()
        self._jobs.put((on, cec))

    def wait(self) -> None:
        """Block until every switch asked for so far has run (tests, shutdown)."""
        if self._worker is not None:
            self._jobs.join()

    def close(self) -> None:
        """Stop the worker once it has run what was asked."""
        if self._worker is not None:
            self._jobs.put(None)
            self._worker.join(timeout=TIMEOUT_SECONDS)
            self._worker = None

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                self._switch(*job)
            except Exception:  # the screen's power never stops the show
                log.exception("switching the screen %s failed", "on" if job[0] else "off")
            finally:
                self._jobs.task_done()
        self._jobs.task_done()

    def _switch(self, on: bool, cec: bool) -> None:
        if not on and self.platform.startswith("wayland") and not self.which("wlopm"):
            listing = self._run(Command(("wlr-randr",))) if self.which("wlr-randr") else None
            self._outputs = wlr_outputs(listing or "") or self._outputs
        commands = display_commands(self.platform, on, self.which, self._outputs)
        tv = cec_commands(on, self.which) if cec else []
        ordered = commands + tv if on else tv + commands  # the TV wakes last, sleeps first
        done = [command for command in ordered if self._run(command) is not None]
        state = "on" if on else "off"
        if not ordered:
            log.info("screen %s by the schedule: no way to switch the display here, so it "
                     "shows a black screen", state)
        elif len(done) < len(ordered):
            failed = ", ".join(" ".join(c.argv) for c in ordered if c not in done)
            log.warning("screen %s by the schedule: %s failed%s", state, failed,
                        "" if on else "; the closed screen stays on instead")
            if not on:
                self.off_failed = failed
        else:
            log.info("screen %s by the schedule: %s", state,
                     "; ".join(" ".join(c.argv) for c in done))


    def _run(self, command: Command) -> str | None:
        """Run `command` with its program where `which` found it."""
        program = self.which(command.argv[0]) or command.argv[0]
        return self.run(Command((program, *command.argv[1:]), command.stdin))


def run_command(command: Command) -> str | None:
    """Run `command`; its standard output, or None when it cannot run, fails or hangs."""
    return run_quietly(command.argv, command.stdin, TIMEOUT_SECONDS, REFUSALS)
