"""A real kiosk process against the files and kills of issue 12.

One kiosk starts with a named pipe (FIFO) where content.json should be, then is
given good content through a symlink deploy, then sees content.json swapped for a
FIFO, a link to /dev/zero and a 1 GB sparse file. Through all of it the last good
content stays on screen, status.json names the file and says what it is, the
heartbeat that systemd watches keeps coming ($NOTIFY_SOCKET), memory stays
bounded, and SIGTERM ends it with exit code 0 within 2 s. A second kiosk is
killed with SIGKILL: its database and status.json are intact, with the
proof-of-play of all but the last commit period.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.records.batching import BEAT_SECONDS, COMMIT_ENV, WATCHDOG_SECONDS
from tests.support import ROOT, dwell_copy

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="FIFOs, /dev/zero, /proc and sd_notify: Linux"
)

STOP_SECONDS = 2.0
WAIT_SECONDS = 15.0  # generous: each wait returns as soon as its condition holds
RSS_LIMIT_KIB = 600_000  # a kiosk runs in ~150 MB; a 1 GB read would blow through this
COMMIT_SECONDS = 2.0


class Kiosk:
    """A kiosk process with its data folder and a socket that receives its sd_notify lines."""

    def __init__(self, tmp_path: Path, content: Path, env: dict[str, str]) -> None:
        self.data = tmp_path / "data"
        self.notify_dir = Path(tempfile.mkdtemp(prefix="k12-"))  # short: socket paths are limited
        self.notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.notify.bind(str(self.notify_dir / "notify.sock"))
        self.notify.setblocking(False)
        self.notices: list[tuple[float, str]] = []
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
        env["NOTIFY_SOCKET"] = str(self.notify_dir / "notify.sock")
        command = [sys.executable, "main.py", "run", "--windowed", "--content", str(content),
                   "--data-dir", str(self.data)]
        self.proc = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)

    def status(self) -> dict[str, Any]:
        try:
            return json.loads((self.data / "status.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def heard(self) -> list[str]:
        """Every sd_notify message so far."""
        while True:
            try:
                self.notices.append((time.monotonic(), self.notify.recv(256).decode()))
            except BlockingIOError:
                return [text for _, text in self.notices]

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def wait_for(
        self, condition: Callable[[], bool], what: str, seconds: float = WAIT_SECONDS
    ) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            assert self.proc.poll() is None, f"the kiosk ended while waiting for {what}"
            assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
            assert self.rss_kib() < RSS_LIMIT_KIB, f"memory grew to {self.rss_kib()} KiB"
            time.sleep(0.1)

    def started(self) -> None:
        """Wait for the "kiosk starting" log line (content is read right after it)."""
        assert self.proc.stderr is not None
        while "kiosk starting" not in self.proc.stderr.readline():
            assert self.proc.poll() is None, "the kiosk ended before it started"

    def error_says(self, *words: str) -> Callable[[], bool]:
        return lambda: all(word in (self.status().get("last_error") or "") for word in words)

    def stop(self, sign: signal.Signals = signal.SIGTERM) -> tuple[int, float, str]:
        started = time.monotonic()
        self.proc.send_signal(sign)
        _, stderr = self.proc.communicate(timeout=STOP_SECONDS + 3)
        return self.proc.returncode, time.monotonic() - started, stderr

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()
        self.notify.close()
        shutil.rmtree(self.notify_dir, ignore_errors=True)


@pytest.fixture
def kiosks(tmp_path: Path) -> Iterator[Callable[..., Kiosk]]:
    made: list[Kiosk] = []

    def start(content: Path, **env: str) -> Kiosk:
        made.append(Kiosk(tmp_path, content, env))
        return made[-1]

    yield start
    for kiosk in made:
        kiosk.close()


def swap_link(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}.swap")
    tmp.symlink_to(target)
    os.rename(tmp, link)


def test_fifo_devices_and_huge_files_never_stop_the_kiosk(
    tmp_path: Path, shipped_content_path: Path, kiosks: Callable[..., Kiosk]
) -> None:
    good = dwell_copy(shipped_content_path, tmp_path / "releases" / "v1", 2)
    content = tmp_path / "content.json"
    os.mkfifo(content)
    kiosk = kiosks(content)
    kiosk.wait_for(kiosk.error_says("content.json", "named pipe (FIFO)"), "the FIFO at start")
    kiosk.wait_for(lambda: kiosk.status().get("current_panel") == "fallback", "the calm screen")

    content.unlink()
    content.symlink_to(good)  # a symlink deploy brings the first good content
    kiosk.wait_for(lambda: kiosk.status().get("last_error") is None, "the good content")
    sha = kiosk.status()["content_sha256"]

    faults = [("named pipe (FIFO)", tmp_path / "fifo"), ("character device", Path("/dev/zero")),
              ("too large (1073.7 MB)", tmp_path / "huge.json")]
    os.mkfifo(tmp_path / "fifo")
    with (tmp_path / "huge.json").open("wb") as stream:
        stream.truncate(1 << 30)
    beats_before = kiosk.heard().count("WATCHDOG=1")
    for words, target in faults:
        swap_link(content, target)
        kiosk.wait_for(kiosk.error_says("content.json", words), words)
        status = kiosk.status()
        assert status["content_sha256"] == sha and status["using_last_good"] is True
        assert status["errors"] == 1
    kiosk.wait_for(  # the watchdog's beat comes every 10 s: two of them within 25 s
        lambda: kiosk.heard().count("WATCHDOG=1") >= beats_before + 2,
        "two more heartbeats",
        2 * WATCHDOG_SECONDS + 5,
    )
    assert kiosk.rss_kib() < RSS_LIMIT_KIB
    code, seconds, stderr = kiosk.stop()
    assert code == 0, stderr
    assert seconds < STOP_SECONDS
    assert "Traceback" not in stderr


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_sigterm_while_starting_on_a_fifo_or_a_device_exits_in_time(
    tmp_path: Path, kiosks: Callable[..., Kiosk], kind: str
) -> None:
    content = tmp_path / "content.json"
    if kind == "fifo":
        os.mkfifo(content)
    else:
        content.symlink_to(kind)
    kiosk = kiosks(content)
    kiosk.started()
    code, seconds, stderr = kiosk.stop()
    assert code == 0, stderr
    assert seconds < STOP_SECONDS


def test_a_sigkill_leaves_an_intact_database_and_status(
    tmp_path: Path, shipped_content_path: Path, kiosks: Callable[..., Kiosk]
) -> None:
    """The commit period is shortened to COMMIT_SECONDS here (a minute by default)."""
    content = dwell_copy(shipped_content_path, tmp_path / "content", 1)
    kiosk = kiosks(content, **{COMMIT_ENV: str(COMMIT_SECONDS)})
    kiosk.wait_for(lambda: "READY=1" in kiosk.heard(), "the kiosk to be ready")
    ready = next(at for at, text in kiosk.notices if text == "READY=1")
    time.sleep(BEAT_SECONDS + 3 * COMMIT_SECONDS + 0.5)  # the log opens after the first beat
    killed_after = time.monotonic() - ready
    code, _, _ = kiosk.stop(signal.SIGKILL)
    assert code == -signal.SIGKILL
    conn = sqlite3.connect(kiosk.data / "events.sqlite3")
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        shown = conn.execute("SELECT COALESCE(SUM(seconds), 0) FROM showings").fetchone()[0]
    finally:
        conn.close()
    assert shown >= killed_after - COMMIT_SECONDS - 1  # all but the last commit period
    status = kiosk.status()
    assert status["pid"] == kiosk.proc.pid and status["events_enabled"] is True
