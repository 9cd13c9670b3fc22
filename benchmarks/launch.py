"""Launch the kiosk or the Chromium peer on the benchmark's X screen, and watch it.

Each app starts in a new session (so its whole process tree can be accounted
for and stopped together) with its own fresh data folder or browser profile.
The moment of first paint is read off the screen for both apps the same way:
the time from spawn until probe points in a plain-background part of the
screen show the theme's background colour (the app's first frame is there).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import procfs
from cpulimit import CpuLimit
from xscreen import Pixels

ROOT = Path(__file__).resolve().parents[1]
BACKGROUND = (0x0F, 0x1B, 0x2D)  # the theme's background (#0F1B2D)
TOLERANCE = 12  # per channel: gradients and dithering stay within this
PROBES = ((0.97, 0.45), (0.95, 0.70), (0.85, 0.80))  # fractions of the screen, glow-free
HEADLINE_ROWS = 12  # rows scanned between 20% and 65% of the height for the headline
BRIGHT = 128  # a channel above this is text or the accent bar, never the background
CHROMIUM_FLAGS = (
    "--kiosk",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
)


def chromium_binary() -> str | None:
    """Debian's chromium launcher, if installed."""
    return shutil.which("chromium")


@dataclass
class AppSpec:
    """How to start one app: its name, command, extra environment, and its log (if any)."""

    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    log: Path | None = None


FIRST_FRAME_LINE = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) .*first frame on screen")


def kiosk_spec(content: Path, data_dir: Path) -> AppSpec:
    """The kiosk, full screen, as `kiosk run` starts it on the booth."""
    argv = [sys.executable, str(ROOT / "main.py"), "run", "--content", str(content)]
    argv += ["--data-dir", str(data_dir)]
    return AppSpec("kiosk", argv, {"QT_QPA_PLATFORM": "xcb"}, data_dir / "kiosk.log")


def logged_first_frame(log: Path | None) -> float | None:
    """Wall time (epoch s) of the kiosk's log line "first frame on screen", if it is there.

    The kiosk logs that line right after its first paint; the log's stamps are
    local time to the millisecond.
    """
    try:
        lines = log.read_text(encoding="utf-8").splitlines() if log else []
    except OSError:
        return None
    for line in lines:
        if found := FIRST_FRAME_LINE.match(line):
            return datetime.strptime(found[1], "%Y-%m-%d %H:%M:%S,%f").timestamp()
    return None


def chromium_spec(page: Path, dwell: float, profile: Path, size: tuple[int, int]) -> AppSpec:
    """Chromium in kiosk mode on the web peer, software rendering, fresh profile.

    Xvfb has no window manager to make the kiosk window full screen, so its
    position and size are given (the kiosk sets its own geometry the same way).
    """
    url = page.resolve().as_uri() + f"?dwell={dwell:g}"
    argv = [chromium_binary() or "chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}"]
    argv += ["--window-position=0,0", f"--window-size={size[0]},{size[1]}", url]
    return AppSpec("chromium", argv)


class Launch:
    """A running app: its process tree, CPU and memory, and its first frame.

    With `limit`, the app runs in that cgroup from its first instruction on.
    """

    def __init__(
        self,
        spec: AppSpec,
        display: str,
        screen: Pixels,
        size: tuple[int, int],
        limit: CpuLimit | None = None,
    ) -> None:
        self.spec = spec
        self.screen = screen
        self.size = size
        self.log = Path(tempfile.gettempdir()) / f"kiosk-bench-{spec.name}.log"
        env = {**os.environ, **spec.env, "DISPLAY": display}
        env.pop("WAYLAND_DISPLAY", None)
        with self.log.open("ab") as log:
            self.wall_start = time.time()
            self.start = time.monotonic()
            self.process = subprocess.Popen(
                spec.argv, env=env, stdout=log, stderr=log, start_new_session=True,
                preexec_fn=limit.join if limit else None,
            )

    # screen -----------------------------------------------------------------
    def _point(self, fx: float, fy: float) -> tuple[int, int]:
        return int(self.size[0] * fx), int(self.size[1] * fy)

    def background_shown(self) -> bool:
        """True when every probe point shows the theme background."""
        for fx, fy in PROBES:
            pixel = self.screen.pixel(*self._point(fx, fy))
            if any(abs(a - b) > TOLERANCE for a, b in zip(pixel, BACKGROUND, strict=True)):
                return False
        return True

    def headline_shown(self) -> bool:
        """True when a bright (text or accent) pixel is in the headline band."""
        x, _ = self._point(0.15, 0)
        width = int(self.size[0] * 0.7)
        for row in range(HEADLINE_ROWS):
            _, y = self._point(0, 0.2 + 0.45 * row / (HEADLINE_ROWS - 1))
            if self.screen.brightest(x, y, width, 1) > BRIGHT:
                return True
        return False

    def wait_until(self, test: str, timeout: float = 30.0, poll: float = 0.002) -> float | None:
        """Seconds from spawn until `test` (a method name) holds, None on timeout or exit."""
        check = getattr(self, test)
        deadline = self.start + timeout
        while time.monotonic() < deadline:
            if check():
                return time.monotonic() - self.start
            if self.process.poll() is not None:
                return None
            time.sleep(poll)
        return None

    # accounting ---------------------------------------------------------------
    def pids(self) -> list[int]:
        """Every living process of this app."""
        return procfs.tree(self.process.pid)

    def cpu(self) -> float:
        """CPU seconds used so far by the app's process tree."""
        return procfs.cpu_seconds(self.pids())

    def pss_mb(self) -> float:
        """PSS of the app's process tree in MB."""
        return procfs.pss_kib(self.pids()) / 1024

    def sleep_until(self, seconds_after_start: float) -> None:
        """Sleep until `seconds_after_start` after spawn."""
        time.sleep(max(0.0, self.start + seconds_after_start - time.monotonic()))

    def stop(self) -> None:
        """SIGTERM the app's session; SIGKILL what is left after 10 s."""
        self._signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        for pid in procfs.session(self.process.pid):  # stragglers that left the group
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def _signal(self, number: int) -> None:
        try:
            os.killpg(self.process.pid, number)
        except ProcessLookupError:
            pass


def wait_for_blank(screen: Pixels, size: tuple[int, int], timeout: float = 5.0) -> bool:
    """Wait until the previous app's window is gone (the probes show the black root)."""
    deadline = time.monotonic() + timeout
    point = (int(size[0] * PROBES[0][0]), int(size[1] * PROBES[0][1]))
    while time.monotonic() < deadline:
        if max(screen.pixel(*point)) <= 2:
            return True
        time.sleep(0.02)
    return False
