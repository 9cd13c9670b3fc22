"""Only what a visitor can see counts: the window's exposure drives proof-of-play, the
heartbeat, systemd's READY=1 and WATCHDOG=1, and status.json's screen problem."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.core.records.paths import STATUS_FILE
from kiosk.core.records.recorder import NOT_ON_SCREEN_YET
from kiosk.ui.app import KioskApp
from kiosk.ui.exposure import HIDDEN, ScreenWatch
from tests.support import titles_content, write_content
from tests.ui.support import KioskApps, flush_summary, tick


def read_status(app: KioskApp) -> dict[str, Any]:
    return json.loads((app.data_dir / STATUS_FILE).read_text(encoding="utf-8"))


@pytest.fixture
def notified(monkeypatch) -> list[str]:
    """What the kiosk would tell systemd."""
    sent: list[str] = []
    monkeypatch.setattr("kiosk.ui.app.notify", sent.append)
    monkeypatch.setattr("kiosk.core.records.recorder.notify", sent.append)
    return sent


@pytest.fixture
def app(qtbot, tmp_path: Path, notified) -> Iterator[KioskApp]:
    """A windowed kiosk of three title panels (2 s, 5 s, 3 s), not started yet."""
    document = titles_content().model_dump(mode="json", exclude_none=True)
    apps = KioskApps(tmp_path)
    yield apps.build(write_content(tmp_path / "c", document), size=(480, 270))
    apps.shutdown_all()


def test_a_kiosk_not_yet_shown_has_a_screen_problem_and_no_watchdog(app, notified) -> None:
    for _ in range(3):
        tick(app, 10.0)
    status = read_status(app)
    assert (status["on_screen"], status["screen_problem"]) == (False, NOT_ON_SCREEN_YET)
    assert status["current_panel"] is None
    assert notified == []
    assert flush_summary(app)["panels"] == {}


def test_the_first_frame_on_screen_sends_ready_and_counts(app, qtbot, notified) -> None:
    app.start()
    qtbot.waitUntil(lambda: app.screen_watch.on_screen)
    assert notified[0] == "READY=1" and notified.count("READY=1") == 1
    status = read_status(app)
    assert status["on_screen"] and status["screen_problem"] is None
    assert status["screen"]["exposed"] and status["screen"]["window"] == [480, 270]
    tick(app, 0.5)
    assert "WATCHDOG=1" in notified
    assert flush_summary(app)["panels"]["alpha"]["shown"] == 1


def test_a_hidden_window_stops_counting_until_it_is_back(app, qtbot, notified) -> None:
    app.start()
    qtbot.waitUntil(lambda: app.screen_watch.on_screen)
    app.window.hide()
    qtbot.waitUntil(lambda: not read_status(app)["on_screen"])
    assert read_status(app)["screen_problem"] == HIDDEN
    notified.clear()
    tick(app, 2.5)  # beta's turn comes while nobody can see it (and a heartbeat is due)
    assert app.show.panel_id == "beta"
    assert "WATCHDOG=1" not in notified
    assert "beta" not in flush_summary(app)["panels"]
    app.window.show()
    qtbot.waitUntil(lambda: read_status(app)["on_screen"])
    tick(app, 0.1)
    assert "WATCHDOG=1" in notified
    assert notified.count("READY=1") == 0  # once per life
    assert flush_summary(app)["panels"]["beta"]["shown"] == 1


def test_the_watch_needs_a_painted_frame_after_each_exposure(qtbot) -> None:
    reports: list[tuple[bool, str | None]] = []
    widget = QWidget()
    qtbot.addWidget(widget)
    watch = ScreenWatch(widget, lambda on, problem, _facts: reports.append((on, problem)))
    widget.show()
    watch.attach()
    qtbot.waitUntil(lambda: watch.exposed)
    assert not watch.on_screen  # exposed, but no frame of ours yet
    watch.frame_painted()
    assert reports[-1] == (True, None)
    widget.hide()
    qtbot.waitUntil(lambda: not watch.exposed)
    assert reports[-1] == (False, HIDDEN)
    watch.detach()
    widget.show()
    assert reports[-1] == (False, HIDDEN)  # detached: no more news
