"""`kiosk run` start-up before Qt: the content is loaded first, a stop signal is noted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from kiosk import boot
from tests.support import ROOT, write_content

DOCUMENT = {
    "languages": ["en"],
    "default_language": "en",
    "panels": [{"id": "p", "kind": "title", "title": "Hello"}],
}


@pytest.fixture
def startup_signals() -> Iterator[None]:
    """Install the start-up handlers; put the previous ones back afterwards."""
    previous = {number: signal.getsignal(number) for number in boot.STOP_SIGNALS}
    boot.install_startup_signals()
    yield
    boot.stopped_during_startup()  # forget what a test left noted
    for number, handler in previous.items():
        signal.signal(number, handler)


@pytest.mark.parametrize("number", boot.STOP_SIGNALS)
def test_a_stop_signal_during_startup_is_noted_once(startup_signals, number) -> None:
    assert not boot.stopped_during_startup()
    os.kill(os.getpid(), number)
    assert boot.stopped_during_startup()
    assert not boot.stopped_during_startup()


def test_prepare_loads_the_content_before_qt_is_imported(tmp_path) -> None:
    content = write_content(tmp_path / "c", DOCUMENT)
    code = (
        "import sys; from pathlib import Path; from kiosk import boot;"
        f"p = boot.prepare(boot.RunOptions(Path({str(content)!r}), Path({str(tmp_path)!r})));"
        "assert p.source.origin == 'file', p.source;"
        "qt = ('PySide6', 'shiboken6', 'pyqtgraph');"
        "bad = [m for m in sys.modules if m.split('.')[0] in qt];"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_sigterm_as_soon_as_the_kiosk_starts_exits_cleanly(tmp_path) -> None:
    content = write_content(tmp_path / "c", DOCUMENT)
    command = [sys.executable, "main.py", "run", "--windowed", "--content", str(content),
               "--data-dir", str(tmp_path / "data")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        while "kiosk starting" not in proc.stderr.readline():
            assert proc.poll() is None, "the kiosk ended before it started"
        proc.send_signal(signal.SIGTERM)  # the content is loaded; Qt is not yet up
        _, rest = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, rest
    assert "Traceback" not in rest


def test_freed_pictures_go_back_to_the_system_on_linux() -> None:
    from kiosk.boot import return_big_blocks_to_the_system

    assert return_big_blocks_to_the_system() is sys.platform.startswith("linux")
