"""The kiosk on Wayland, under weston's headless backend (pixman renderer, desktop shell):
it starts, fills the screen, follows a rotated output, keeps its lockdown and PIN exit, and
ends with exit code 0 on SIGTERM. Skipped where weston is not installed.

Each compositor gets a private XDG_RUNTIME_DIR, so its socket cannot meet anyone else's.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.core.records.batching import COMMIT_ENV
from kiosk.core.records.paths import EVENTS_DB, LOG_FILE, STATUS_FILE
from kiosk.core.records.report import summarize
from tests.support import (
    ROOT,
    dwell_copy,
    logged,
    read_status,
    sample_document,
    stand_ins,
    start_kiosk,
    stop_kiosk,
    write_content,
)

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Wayland is Linux's"),
    pytest.mark.skipif(shutil.which("weston") is None,
                       reason="weston is not installed (apt-get install weston)"),
]

SOCKET = "wayland-kiosk-test"
STOP_SECONDS = 5.0


@dataclass(frozen=True)
class Compositor:
    """A running weston: its environment for clients, and its output size."""

    env: dict[str, str]
    size: tuple[int, int]


def start_weston(runtime: Path, transform: str) -> subprocess.Popen[bytes]:
    command = ["weston", "--backend=headless-backend.so", f"--socket={SOCKET}", "--width=1920",
               "--height=1080", "--use-pixman", f"--transform={transform}", "--idle-time=0",
               "--no-config", f"--log={runtime / 'weston.log'}"]
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(params=["normal", "rotate-90"])
def weston(request) -> Iterator[Compositor]:
    """weston with a 1920x1080 output, as it is or turned a quarter (a portrait screen)."""
    runtime = Path(tempfile.mkdtemp(prefix="kiosk-wl-"))  # short: socket paths are limited
    runtime.chmod(0o700)
    proc = start_weston(runtime, request.param)
    try:
        deadline = time.monotonic() + 15
        while not (runtime / SOCKET).exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                log = (runtime / "weston.log").read_text(errors="replace")[-2000:]
                pytest.fail(f"weston did not start:\n{log}")
            time.sleep(0.05)
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
        env.update(XDG_RUNTIME_DIR=str(runtime), WAYLAND_DISPLAY=SOCKET)
        size = (1080, 1920) if request.param == "rotate-90" else (1920, 1080)
        yield Compositor(env, size)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(runtime, ignore_errors=True)


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_full_screen_on_wayland_and_sigterm_exits_0(weston, tmp_path) -> None:
    content = dwell_copy(ROOT / "content.json", tmp_path / "content", 1)
    data = tmp_path / "data"
    # DISPLAY points nowhere: with both set, the kiosk takes Wayland (docs/running-a-booth.md)
    env = {**weston.env, "DISPLAY": ":4299", COMMIT_ENV: "1"}
    proc = subprocess.Popen(
        [sys.executable, "main.py", "run", "--content", str(content), "--data-dir", str(data)],
        cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True,
    )
    try:
        def on_screen() -> bool:
            assert proc.poll() is None, proc.communicate()[1]
            status = read_status(data / STATUS_FILE)
            return bool(status and status["on_screen"])

        wait_for(on_screen, 30, "the kiosk on screen")
        status = read_status(data / STATUS_FILE)
        assert status is not None
        assert status["screen"]["platform"] == "wayland"
        assert status["screen"]["window"] == list(weston.size)
        assert status["screen"]["screen"]["size"] == list(weston.size)
        # status.json names the panel at its heartbeat only (every few minutes); the event
        # log, committed every second here, shows the rotation going on
        wait_for(lambda: len(summarize(data / EVENTS_DB)["panels"]) >= 2, 15, "the next panel")
        proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        _, stderr = proc.communicate(timeout=30)
        stopped_in = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, stderr
    assert stopped_in < STOP_SECONDS
    log = (data / LOG_FILE).read_text(encoding="utf-8")
    assert f"display: Wayland display {SOCKET} (Qt platform wayland)" in log
    assert "Traceback" not in log


def test_lockdown_and_the_pin_exit_hold_on_wayland(weston, tmp_path) -> None:
    content = dwell_copy(ROOT / "content.json", tmp_path / "content", 5)
    done = subprocess.run(
        [sys.executable, "-m", "tests.wayland.lockdown_probe", str(content), str(tmp_path / "d")],
        cwd=ROOT, env={**weston.env, "QT_QPA_PLATFORM": "wayland"}, capture_output=True,
        text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"platform": "wayland", "full_screen": True, "size": list(weston.size),
                    "close_refused": True, "pad_open": True, "exit_code": 0}


@pytest.mark.parametrize("weston", ["normal"], indirect=True)
def test_outside_hours_on_wayland_the_outputs_go_off_with_wlr_randr(weston, tmp_path) -> None:
    """weston has no output power protocol: a stand-in wlr-randr shows what the kiosk runs."""
    document = {**sample_document(),
                "schedule": {"hours": {}, "outside_hours": "screen_off", "timezone": "UTC"}}
    content = write_content(tmp_path / "content", document)  # a booth that never opens
    log, data = tmp_path / "ran.log", tmp_path / "data"
    folder = stand_ins(tmp_path / "bin", log, "wlr-randr",
                       listings={"wlr-randr": 'HEADLESS-1 "headless"\n  Enabled: yes\n'})
    env = {**weston.env, "QT_QPA_PLATFORM": "wayland",
           "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    kiosk = start_kiosk(content, data, windowed=False, env=env)
    try:
        wait_for(lambda: logged(log) == ["wlr-randr ", "wlr-randr --output HEADLESS-1 --off"],
                 30, "wlr-randr switching the output off")
        wait_for(lambda: (read_status(data / STATUS_FILE) or {}).get("screen_state")
                 == "off_by_schedule", 15, "status.json to say off_by_schedule")
        assert (read_status(data / STATUS_FILE) or {})["screen_power"] == "wlr-randr"
    finally:
        rest = stop_kiosk(kiosk)
    assert kiosk.returncode == 0, rest
    # the operator stopped the kiosk at night: the outputs are switched on again
    assert logged(log)[-1] == "wlr-randr --output HEADLESS-1 --on"
