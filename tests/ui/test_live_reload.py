"""The whole kiosk under live edits: good, broken, deleted, restored, renamed in; never blank."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning

from kiosk.core.content.load import load
from kiosk.core.records.paths import STATUS_FILE
from kiosk.logsetup import install_excepthook
from kiosk.ui.app import KioskApp, RunOptions
from kiosk.ui.qtlog import install_qt_message_handler
from tests.support import read_status

WAIT_MS = 10_000  # generous: returns as soon as the condition holds


def document(title: str) -> bytes:
    panels = [{"id": f"p{n}", "kind": "title", "title": f"{title} {n}"} for n in range(2)]
    doc = {
        "languages": ["en"],
        "default_language": "en",
        "settings": {"dwell_seconds": 1, "transition": "none"},
        "panels": panels,
    }
    return json.dumps(doc).encode()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def replace_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(".content.json.partial")
    tmp.write_bytes(data)
    os.rename(tmp, path)


class Booth:
    """A kiosk on a content folder and a data folder, with what an operator can check."""

    def __init__(self, tmp_path: Path) -> None:
        self.content = tmp_path / "content" / "content.json"
        self.content.parent.mkdir(exist_ok=True)
        self.data = tmp_path / "data"
        self.data.mkdir(exist_ok=True)
        self.app: KioskApp | None = None

    def start(self) -> KioskApp:
        options = RunOptions(content_path=self.content, data_dir=self.data, windowed=True)
        self.app = KioskApp(options, self.data)
        return self.app

    def stop(self) -> None:
        if self.app is not None:
            self.app.shutdown()
            self.app = None

    def status(self) -> dict:
        return read_status(self.data / STATUS_FILE) or {}

    def shown_title(self) -> str:
        """Cross a panel boundary, as the rotation would, and say what is on screen."""
        assert self.app is not None
        show = self.app.show
        show.next(self.app.clock(), cause=None)
        return show.content.panels[show.index].title


@pytest.fixture
def booth(tmp_path: Path, qtbot) -> Iterator[Booth]:
    booth = Booth(tmp_path)
    yield booth
    booth.stop()


def test_good_broken_deleted_restored_renamed_in(booth: Booth, qtbot):
    booth.content.write_bytes(document("One"))
    app = booth.start()
    assert booth.status()["content_sha256"] == sha(document("One"))

    replace_atomically(booth.content, document("Two"))
    qtbot.waitUntil(
        lambda: booth.status()["content_sha256"] == sha(document("Two")), timeout=WAIT_MS
    )
    assert booth.shown_title().startswith("Two")
    assert booth.status()["last_error"] is None

    booth.content.write_bytes(document("Three")[:30])  # a broken save in place
    qtbot.waitUntil(lambda: booth.status()["last_error"] is not None, timeout=WAIT_MS)
    status = booth.status()
    assert status["content_sha256"] == sha(document("Two"))
    assert status["using_last_good"] is True
    assert app.show.problem is not None
    assert booth.shown_title().startswith("Two")

    booth.content.unlink()
    qtbot.waitUntil(
        lambda: "does not exist" in (booth.status()["last_error"] or ""), timeout=WAIT_MS
    )
    assert booth.shown_title().startswith("Two")
    assert booth.status()["content_sha256"] == sha(document("Two"))

    booth.content.write_bytes(document("Two"))  # restored as it was
    qtbot.waitUntil(lambda: booth.status()["last_error"] is None, timeout=WAIT_MS)
    assert app.show.problem is None
    assert booth.status()["using_last_good"] is False
    assert booth.shown_title().startswith("Two")

    replace_atomically(booth.content, document("Four"))  # a sync tool renames it in
    qtbot.waitUntil(
        lambda: booth.status()["content_sha256"] == sha(document("Four")), timeout=WAIT_MS
    )
    assert booth.shown_title().startswith("Four")


def test_start_broken_after_a_good_run_shows_the_last_good(booth: Booth, qtbot):
    booth.content.write_bytes(document("Good"))
    booth.start()
    booth.stop()
    booth.content.write_text('{"languages": [', encoding="utf-8")
    app = booth.start()
    status = booth.status()
    assert status["using_last_good"] is True
    assert status["content_sha256"] == sha(document("Good"))
    assert "content.json:1:" in status["last_error"]
    assert app.show.problem is not None
    assert booth.shown_title().startswith("Good")
    booth.content.write_bytes(document("Fixed"))
    qtbot.waitUntil(lambda: booth.status()["last_error"] is None, timeout=WAIT_MS)
    assert booth.shown_title().startswith("Fixed")


def test_fixing_the_file_ends_the_fallback_screen_without_a_restart(booth: Booth, qtbot):
    app = booth.start()  # no content.json, no good content ever: the calm fallback
    assert app.show.panel_id == "fallback"
    booth.content.write_bytes(document("Alive"))
    qtbot.waitUntil(lambda: app.show.panel_id == "p0", timeout=WAIT_MS)
    assert app.show.content.panels[0].title == "Alive 0"
    assert booth.status()["last_error"] is None


def test_a_vanished_data_folder_never_stops_the_show(booth: Booth, qtbot, caplog):
    booth.content.write_bytes(document("One"))
    app = booth.start()
    shutil.rmtree(booth.data)  # disk gone, read-only remount, full: no write succeeds
    replace_atomically(booth.content, document("Two"))
    qtbot.waitUntil(lambda: app.show.pending is not None, timeout=WAIT_MS)
    for _ in range(5):
        app.tick(app.clock())
    assert booth.shown_title().startswith("Two")
    assert "could not write" in caplog.text or "could not save" in caplog.text


def test_an_exception_in_a_slot_is_logged_and_the_kiosk_goes_on(
    booth: Booth, qtbot, caplog, monkeypatch
):
    booth.content.write_bytes(document("One"))
    app = booth.start()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_excepthook()

    def explode(*_args: object) -> None:
        raise RuntimeError("boom in a slot")

    monkeypatch.setattr("kiosk.ui.app.usable_source", explode)
    app.watcher.changed.emit(load(booth.content))
    assert "boom in a slot" in caplog.text
    assert "Traceback" in caplog.text
    assert app.tick(app.clock()) is not None
    assert booth.shown_title().startswith("One")


def test_qt_messages_go_to_the_log(caplog):
    caplog.set_level(logging.WARNING, logger="qt")
    previous = install_qt_message_handler()
    try:
        qWarning("a warning from Qt")
    finally:
        qInstallMessageHandler(previous)  # type: ignore[arg-type]
    assert [r.getMessage() for r in caplog.records if r.name == "qt"] == ["a warning from Qt"]
