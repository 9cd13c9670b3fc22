"""A display that is really there: the platform choice, the socket probes, and `kiosk run`
without a usable display (one sentence, a non-zero exit, never Qt's abort)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import EXIT_NO_DISPLAY
from kiosk.core.records.paths import LOG_FILE
from kiosk.display import (
    DESKTOP,
    OFFSCREEN,
    Display,
    DisplayUnavailable,
    confirm_platform,
    find_display,
    socket_listening,
    wayland_problem,
    x_display_problem,
)
from tests.support import ROOT

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland")
SENTENCE = "No display to show the kiosk on"
DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM")


def answers(*platforms: str):
    """A probe under which only `platforms` answer."""
    return lambda platform, _env: None if platform in platforms else f"{platform} is silent"


# the choice of platform -----------------------------------------------------------------
def test_wayland_is_chosen_when_both_displays_answer() -> None:
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    display = find_display(env, "linux", answers("wayland", "xcb"))
    assert (display.platform, display.explicit, display.notes) == ("wayland", False, ())
    assert display.description == "Wayland display wayland-0"


def test_x11_is_chosen_when_the_wayland_socket_is_stale_and_the_reason_is_kept() -> None:
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    display = find_display(env, "linux", answers("xcb"))
    assert (display.platform, display.description) == ("xcb", "X display :0")
    assert display.notes == ("wayland is silent",)


def test_a_platform_is_only_tried_when_its_display_is_named() -> None:
    display = find_display({"DISPLAY": ":0"}, "linux", answers("wayland", "xcb"))
    assert display.platform == "xcb"


def test_qt_qpa_platform_is_obeyed_and_its_display_still_checked() -> None:
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}
    assert find_display(env, "linux", answers("xcb", "wayland")).platform == "xcb"
    with pytest.raises(DisplayUnavailable, match="xcb is silent"):
        find_display(env, "linux", answers("wayland"))


def test_offscreen_happens_only_when_asked_for() -> None:
    display = find_display({"QT_QPA_PLATFORM": "offscreen"}, "linux", answers("offscreen"))
    assert (display.platform, display.explicit) == (OFFSCREEN, True)
    assert display.qt_request() == "offscreen"
    with pytest.raises(DisplayUnavailable, match="neither DISPLAY nor WAYLAND_DISPLAY is set"):
        find_display({}, "linux", answers("offscreen", "xcb", "wayland"))


def test_the_sentence_names_the_display_and_what_to_do() -> None:
    with pytest.raises(DisplayUnavailable) as info:
        find_display({"DISPLAY": ":99"}, "linux", lambda *_: "no X server answers at DISPLAY=:99")
    sentence = str(info.value)
    assert sentence.startswith(SENTENCE) and sentence.endswith(".")
    assert sentence.count(". ") == 0  # one sentence
    for words in ("DISPLAY=:99", "desktop session", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM=offscreen"):
        assert words in sentence
    assert info.value.reason == "no X server answers at DISPLAY=:99"


def test_windows_and_macos_are_not_checked() -> None:
    assert find_display({}, "win32", answers()) is DESKTOP
    assert find_display({}, "darwin", answers()) is DESKTOP
    assert DESKTOP.qt_request() == ""


def test_qt_is_asked_for_the_platform_with_offscreen_as_a_trap() -> None:
    assert Display("xcb", "X display :0").qt_request() == "xcb;offscreen"


def test_qt_falling_back_to_the_trap_is_a_display_problem(monkeypatch) -> None:
    monkeypatch.setattr("kiosk.qtlibs.missing_libraries", lambda platform, run=None: [])
    display = Display("xcb", "X display :0")
    confirm_platform(display, "xcb")
    confirm_platform(Display(OFFSCREEN, "offscreen", explicit=True), OFFSCREEN)
    with pytest.raises(DisplayUnavailable, match="Qt could not open the X display :0"):
        confirm_platform(display, OFFSCREEN)


# probes ----------------------------------------------------------------------------------
@pytest.fixture
def listening(tmp_path: Path) -> Iterator[Path]:
    """A Unix socket that accepts connections, as a compositor's does."""
    path = tmp_path / "wayland-test"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(4)
    yield path
    server.close()


@pytest.fixture
def stale(tmp_path: Path) -> Path:
    """A socket file nobody listens on any more (a compositor that died)."""
    path = tmp_path / "wayland-stale"
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()
    return path


@linux_only
def test_a_listening_wayland_socket_answers(listening) -> None:
    env = {"XDG_RUNTIME_DIR": str(listening.parent), "WAYLAND_DISPLAY": listening.name}
    assert wayland_problem(env) is None
    assert wayland_problem({"WAYLAND_DISPLAY": str(listening)}) is None  # absolute name


@linux_only
def test_a_stale_wayland_socket_does_not(stale) -> None:
    env = {"XDG_RUNTIME_DIR": str(stale.parent), "WAYLAND_DISPLAY": stale.name}
    problem = wayland_problem(env)
    assert problem is not None and "stale socket" in problem and str(stale) in problem
    assert "XDG_RUNTIME_DIR is not set" in str(wayland_problem({"WAYLAND_DISPLAY": "wayland-0"}))


def free_display_number() -> int:
    """An X display number with no server, by either of the ways X listens locally."""
    for number in range(4242, 4342):
        if x_display_problem(f":{number}") is not None:
            return number
    pytest.skip("no free X display number")


@linux_only
def test_an_x_display_with_no_server_does_not_answer() -> None:
    number = free_display_number()
    assert f"DISPLAY=:{number}, no socket there" in str(x_display_problem(f":{number}"))
    assert "not a display name" in str(x_display_problem("nonsense"))


@linux_only
def test_an_x_server_listening_on_its_abstract_socket_answers() -> None:
    number = free_display_number()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")
        server.listen(1)
        assert x_display_problem(f":{number}") is None
        assert x_display_problem(f"unix:{number}.0") is None


UNIX_TABLE = """\
Num       RefCount Protocol Flags    Type St Inode Path
00000000b387fb6e: 00000002 00000000 00010000 0001 01 27442 /tmp/.X11-unix/X7
00000000c22165e9: 00000002 00000000 00010000 0001 01 27441 @/tmp/.X11-unix/X8
00000000f395f563: 00000003 00000000 00000000 0001 03  1528 /tmp/.X11-unix/X9
"""


def test_a_listening_x_socket_is_found_in_the_table_without_connecting(tmp_path) -> None:
    table = tmp_path / "unix"
    table.write_text(UNIX_TABLE, encoding="utf-8")
    assert socket_listening("/tmp/.X11-unix/X7", str(table))
    assert socket_listening("/tmp/.X11-unix/X8", str(table))  # abstract only, as Xwayland may
    assert not socket_listening("/tmp/.X11-unix/X9", str(table))  # connected, not listening
    assert not socket_listening("/tmp/.X11-unix/X7", str(tmp_path / "missing"))


# `kiosk run` without a usable display -------------------------------------------------------
def run_kiosk(
    tmp_path: Path, command: str = "run", **env: str
) -> tuple[subprocess.CompletedProcess[str], float]:
    clean = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARS}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "main.py", command, "--data-dir", str(tmp_path / "data")],
        cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60,
    )
    return done, time.monotonic() - started


def assert_one_sentence(done: subprocess.CompletedProcess[str], tmp_path: Path) -> str:
    assert done.returncode == EXIT_NO_DISPLAY, done.stderr
    lines = [line for line in done.stderr.splitlines() if SENTENCE in line]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and "Aborted" not in done.stderr
    sentence = lines[0][lines[0].index(SENTENCE):]
    assert sentence in (tmp_path / "data" / LOG_FILE).read_text(encoding="utf-8")
    return sentence


@linux_only
def test_the_preview_without_a_display_says_so_in_one_sentence(tmp_path) -> None:
    done, _ = run_kiosk(tmp_path, "preview")
    assert "neither DISPLAY nor WAYLAND_DISPLAY is set" in assert_one_sentence(done, tmp_path)


@linux_only
def test_no_display_at_all_stops_within_five_seconds_with_one_sentence(tmp_path) -> None:
    done, seconds = run_kiosk(tmp_path)
    sentence = assert_one_sentence(done, tmp_path)
    assert "neither DISPLAY nor WAYLAND_DISPLAY is set" in sentence
    assert seconds < 5.0


@linux_only
def test_a_display_pointing_nowhere_is_caught_before_qt_can_abort(tmp_path) -> None:
    number = free_display_number()
    done, _ = run_kiosk(tmp_path, DISPLAY=f":{number}")
    assert f"DISPLAY=:{number}" in assert_one_sentence(done, tmp_path)
    assert "xcb-cursor0" not in done.stderr  # Qt's misleading hint never comes up


@linux_only
def test_a_stale_wayland_socket_stops_the_kiosk_too(tmp_path, stale) -> None:
    done, _ = run_kiosk(tmp_path, XDG_RUNTIME_DIR=str(stale.parent), WAYLAND_DISPLAY=stale.name)
    assert "stale socket" in assert_one_sentence(done, tmp_path)


@linux_only
def test_an_x_server_that_hangs_up_is_reported_not_aborted(tmp_path) -> None:
    """The socket answers, then Qt cannot talk to it: the offscreen trap turns the abort
    Qt would make into the same plain sentence."""
    number = free_display_number()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")
        server.listen(8)
        server.settimeout(0.2)
        proc = subprocess.Popen(
            [sys.executable, "main.py", "run", "--data-dir", str(tmp_path / "data")],
            cwd=ROOT, stderr=subprocess.PIPE, text=True,
            env={**{k: v for k, v in os.environ.items() if k not in DISPLAY_VARS},
                 "DISPLAY": f":{number}"},
        )
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                server.accept()[0].close()  # hang up on every client
            except TimeoutError:
                pass
        _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == EXIT_NO_DISPLAY, stderr
    assert "Qt could not open the X display" in stderr
    assert "Aborted" not in stderr and "Traceback" not in stderr


def test_render_and_validate_need_no_display(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARS}
    env["DISPLAY"] = ":4299"  # pointing nowhere, as on a booth before its session
    for command in (["validate"], ["render", "--out", str(tmp_path), "--panel", "welcome"]):
        done = subprocess.run(
            [sys.executable, "main.py", *command],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in tmp_path.glob("*.png"))
    assert written == ["01-welcome-en.png", "01-welcome-fr.png"]
