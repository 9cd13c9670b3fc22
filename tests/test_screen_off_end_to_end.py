"""A real kiosk outside opening hours on an X screen switches the display off, and on for a touch.

Xvfb has no DPMS, so a stand-in `xset` first on PATH writes down its arguments: the
test sees exactly the commands the kiosk runs. The kiosk starts full screen on a
closed booth with ``"outside_hours": "screen_off"``: it runs ``xset dpms force off``,
paints black, status.json says ``off_by_schedule``, and it costs next to no CPU (no
frame ticks). A click wakes it: ``xset dpms force on`` and ``xset -dpms``, the closed
screen on the X screen, status.json ``closed_screen``. SIGTERM ends it with exit code 0.

Xvfb takes the first free display, or ``$KIOSK_TEST_DISPLAY`` (``:152``) when set.
Skipped without Xvfb and xdotool.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.records.paths import STATUS_FILE
from tests.support import (
    ROOT,
    logged,
    read_status,
    sample_document,
    stand_ins,
    start_kiosk,
    stop_kiosk,
    write_content,
)

sys.path.insert(0, str(ROOT / "benchmarks"))
from procfs import cpu_seconds, tree
from xscreen import Screen, xvfb

SIZE = (1280, 720)
pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux"),
    pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
                       reason="needs Xvfb and xdotool (apt-get install xvfb xdotool)"),
]


def wait_for(check: Callable[[], Any], seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"waited {seconds} s for {what}")


def settle_after_start_up(pid: int, seconds: float = 20.0) -> None:
    """Wait for a second in which the kiosk is nearly idle: its warm-up after the first
    frame (imports, panel views) takes longer on a loaded CI machine than the 1 s this
    test used to allow, and is start-up, not what a dark kiosk costs while it waits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        before = cpu_seconds(tree(pid))
        time.sleep(1.0)
        if cpu_seconds(tree(pid)) - before < 0.05:
            return
    raise AssertionError(f"the dark kiosk never went quiet within {seconds} s")


def test_outside_hours_the_kiosk_switches_the_display_off_and_a_touch_wakes_it(
    tmp_path: Path,
) -> None:
    document = {**sample_document(),
                "schedule": {"hours": {}, "outside_hours": "screen_off", "timezone": "UTC"}}
    content = write_content(tmp_path / "content", document)  # a booth that never opens
    log, data = tmp_path / "xset.log", tmp_path / "data"
    folder = stand_ins(tmp_path / "bin", log, "xset")
    with xvfb(*SIZE, os.environ.get("KIOSK_TEST_DISPLAY")) as display:
        env = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "",
               "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
        kiosk = start_kiosk(content, data, windowed=False, env=env)
        screen = Screen(display)
        try:
            wait_for(lambda: logged(log) == ["xset dpms force off"], 20, "xset dpms force off")
            state = wait_for(lambda: read_status(data / STATUS_FILE), 5, "status.json")
            wait_for(lambda: (read_status(data / STATUS_FILE) or state)["screen_state"]
                     == "off_by_schedule", 15, "status.json to say off_by_schedule")
            status = json.loads((data / STATUS_FILE).read_text(encoding="utf-8"))
            assert (status["open"], status["current_panel"], status["screen_power"]) == \
                (False, None, "xset")
            assert screen.brightest(0, 0, *SIZE) == 0  # black, in case the display stays lit
            settle_after_start_up(kiosk.pid)
            before = cpu_seconds(tree(kiosk.pid))
            time.sleep(5.0)
            idle = cpu_seconds(tree(kiosk.pid)) - before
            print(f"CPU of a dark kiosk over 5 s: {idle:.3f} s")  # with -s
            assert idle < 0.25  # frame ticks would paint 300 frames

            subprocess.run(["xdotool", "mousemove", "640", "360", "click", "1"],
                           env={**os.environ, **env}, check=True)
            wait_for(lambda: logged(log)[1:] == ["xset dpms force on", "xset -dpms"], 10, "xset on")
            wait_for(lambda: screen.brightest(0, 0, *SIZE) > 200, 10, "the closed screen")
            wait_for(lambda: (read_status(data / STATUS_FILE) or {}).get("screen_state")
                     == "closed_screen", 15, "status.json to say closed_screen")
        finally:
            screen.close()
            err = stop_kiosk(kiosk)
    assert kiosk.returncode == 0, err
    assert "Traceback" not in err
