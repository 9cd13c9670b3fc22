"""Switching the display off and on: the commands run, in order, by stand-ins on a PATH.

Each stand-in is a shell script that writes its name and arguments to a log, so the
test sees exactly what the kiosk ran (no display is switched off here).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from kiosk.screenpower import ScreenPower, describe, wlr_outputs
from tests.support import logged, stand_ins

LISTING = """HDMI-A-1 "Dell Inc. DELL U2415 (HDMI-A-1)"
  Enabled: yes
  Modes:
    1920x1200 px, 59.950001 Hz (preferred, current)
DP-2 "Unknown (DP-2)"
  Enabled: yes
"""

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


def power(tmp_path: Path, platform: str, *names: str, failing: tuple[str, ...] = ()
          ) -> tuple[ScreenPower, Path]:
    log = tmp_path / "ran.log"
    folder = stand_ins(tmp_path / "bin", log, *names, failing=failing,
                       listings={"wlr-randr": LISTING})
    return ScreenPower(platform, which=lambda name: shutil.which(name, path=str(folder))), log


def test_x11_dpms_off_then_on_and_blanking_off_again(tmp_path: Path) -> None:
    screen, log = power(tmp_path, "xcb", "xset")
    screen.switch(False)
    screen.switch(True)
    screen.wait()
    assert logged(log) == ["xset dpms force off", "xset dpms force on", "xset -dpms"]
    assert screen.describe(cec=False) == "xset"


def test_wayland_prefers_the_compositors_output_power(tmp_path: Path) -> None:
    screen, log = power(tmp_path, "wayland", "wlopm", "wlr-randr")
    screen.switch(False)
    screen.switch(True)
    screen.wait()
    assert logged(log) == ["wlopm --off *", "wlopm --on *"]


def test_wayland_with_wlr_randr_switches_every_output(tmp_path: Path) -> None:
    screen, log = power(tmp_path, "wayland-egl", "wlr-randr")
    screen.switch(False)
    screen.switch(True)
    screen.wait()
    assert logged(log) == [
        "wlr-randr ",  # the listing, for the outputs' names
        "wlr-randr --output HDMI-A-1 --off", "wlr-randr --output DP-2 --off",
        "wlr-randr --output HDMI-A-1 --on", "wlr-randr --output DP-2 --on",
    ]


def test_a_tv_sleeps_first_and_wakes_last_over_hdmi_cec(tmp_path: Path) -> None:
    screen, log = power(tmp_path, "xcb", "xset", "cec-ctl")
    screen.switch(False, cec=True)
    screen.switch(True, cec=True)
    screen.wait()
    assert logged(log) == [
        "cec-ctl --playback --to 0 --standby", "xset dpms force off",
        "xset dpms force on", "xset -dpms", "cec-ctl --playback --to 0 --image-view-on",
    ]
    assert screen.describe(cec=True) == "xset + cec-ctl"


def test_cec_client_reads_its_order_from_stdin(tmp_path: Path) -> None:
    screen, log = power(tmp_path, "offscreen", "cec-client")
    screen.switch(False, cec=True)
    screen.wait()
    assert logged(log) == ["cec-client -s -d 1", "  stdin: standby 0"]


def test_without_any_tool_the_screen_stays_black_and_says_so(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.screenpower")
    screen, log = power(tmp_path, "xcb")
    screen.switch(False)
    screen.wait()
    assert logged(log) == [] and screen.describe(cec=True) == "none: a black screen"
    assert "no way to switch the display here, so it shows a black screen" in caplog.text


def test_a_failing_tool_is_logged_and_the_show_goes_on(tmp_path: Path, caplog) -> None:
    screen, log = power(tmp_path, "xcb", "xset", failing=("xset",))
    screen.switch(False)
    screen.wait()
    screen.close()
    assert logged(log) == ["xset dpms force off"]
    assert "xset dpms force off failed; the closed screen stays on instead" in caplog.text


def test_output_names_come_from_unindented_lines() -> None:
    assert wlr_outputs(LISTING) == ["HDMI-A-1", "DP-2"]
    assert wlr_outputs("") == []
    assert describe("offscreen", False, lambda _name: "/usr/bin/x") == "none: a black screen"


def test_xset_on_a_server_without_dpms_is_a_failure(tmp_path: Path, caplog) -> None:
    """xset prints "server does not have extension for dpms option" and exits 0 (O7)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    xset = folder / "xset"
    xset.write_text('#!/bin/sh\necho "server does not have extension for dpms option" >&2\n'
                    "exit 0\n", encoding="utf-8")
    xset.chmod(0o755)
    screen = ScreenPower("xcb", which=lambda name: shutil.which(name, path=str(folder)))
    screen.switch(False)
    screen.wait()
    screen.close()
    assert screen.off_failed == "xset dpms force off"
    assert screen.describe(cec=False) == (
        "none: xset dpms force off failed, the closed screen stays on")
    assert "server does not have extension for dpms option" in caplog.text
    assert "xset dpms force off failed; the closed screen stays on instead" in caplog.text
