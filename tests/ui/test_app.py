"""The running kiosk (windowed, offscreen): status.json, plain text, the first frame, signals."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.core.content.model import Content
from kiosk.core.records.batching import HEARTBEAT_SECONDS
from kiosk.core.records.paths import LOG_FILE, STATUS_FILE
from kiosk.ui.app import KioskApp
from kiosk.ui.render import render_panel_image
from tests.support import FakeClock, run_kiosk_process, write_content
from tests.ui.support import KIOSK_START, KioskApps

MARKUP = "<b>Hi</b> <img src=x>"
STATUS_FIELDS = {
    "pid", "started_at", "heartbeat_at", "content_path", "content_from", "content_sha256",
    "loaded_at", "last_error", "current_panel", "language", "on_screen", "screen_problem",
    "screen",
}


def document(*titles: str) -> dict[str, Any]:
    panels = [{"id": f"p{i}", "kind": "title", "title": text} for i, text in enumerate(titles)]
    return {"languages": ["en", "fr"], "default_language": "en", "panels": panels}


@pytest.fixture
def make_app(qtbot, tmp_path: Path) -> Iterator[Callable[..., KioskApp]]:
    """Build KioskApps on a fake clock in windowed mode; shut them all down afterwards."""
    apps = KioskApps(tmp_path)
    yield apps.build
    apps.shutdown_all()


def read_status(app: KioskApp) -> dict[str, Any]:
    return json.loads((app.data_dir / STATUS_FILE).read_text(encoding="utf-8"))


def on_screen(app: KioskApp, qtbot) -> dict[str, Any]:
    """Start `app` and wait until a visitor could see it; its status.json then."""
    app.start()
    qtbot.waitUntil(lambda: read_status(app)["on_screen"])
    return read_status(app)


# status.json ---------------------------------------------------------------------------
def test_status_file_has_every_field_at_start(make_app, tmp_path, qtbot) -> None:
    path = write_content(tmp_path / "content", document("Hello", "World"))
    app = make_app(path)
    status = read_status(app)
    assert STATUS_FIELDS <= set(status)
    assert status["pid"] == os.getpid()
    assert status["content_path"] == str(path.resolve())
    assert status["content_from"] == "--content"
    assert status["content_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert status["last_error"] is None
    # Not on a screen yet: nothing is "shown", and status.json says why.
    assert (status["current_panel"], status["on_screen"]) == (None, False)
    assert "not been shown on a screen" in status["screen_problem"]
    status = on_screen(app, qtbot)
    assert (status["current_panel"], status["language"]) == ("p0", "en")
    assert status["screen_problem"] is None
    assert status["screen"]["platform"] == "offscreen"
    assert status["screen"]["window"] == list(app.window.size().toTuple())
    for stamp in ("started_at", "heartbeat_at", "loaded_at"):
        assert datetime.fromisoformat(status[stamp]).tzinfo is not None


def test_status_file_reports_broken_content(make_app, tmp_path, qtbot) -> None:
    path = tmp_path / "content.json"
    path.write_text('{"languages": ["en"], "panels": [', encoding="utf-8")
    status = on_screen(make_app(path), qtbot)
    assert STATUS_FIELDS <= set(status)
    assert status["last_error"] and "content.json" in status["last_error"]
    assert status["current_panel"] == "fallback"
    assert status["errors"] == 1 and status["problems"] >= 1  # counts of the file just read


def test_heartbeat_is_rewritten_by_the_ticker(make_app, tmp_path, qtbot) -> None:
    app = make_app(write_content(tmp_path / "c", document("Hello")))
    (app.data_dir / STATUS_FILE).unlink()
    app.start()
    app.clock.advance(HEARTBEAT_SECONDS)  # the next heartbeat is due
    app.ticker.kick()
    qtbot.waitUntil(lambda: (app.data_dir / STATUS_FILE).exists())
    qtbot.waitUntil(lambda: read_status(app)["current_panel"] == "p0")


def test_shutdown_ends_the_showing_in_the_status(make_app, tmp_path) -> None:
    app = make_app(write_content(tmp_path / "c", document("Hello")))
    app.records.close()
    assert read_status(app)["current_panel"] is None


# what the visitor sees ------------------------------------------------------------------
def test_windowed_kiosk_shows_the_first_panel(make_app, tmp_path, qtbot) -> None:
    path = write_content(tmp_path / "c", document("Hello there", "Second"))
    clock = FakeClock(KIOSK_START)
    app = make_app(path, clock, size=(640, 360))
    app.start()
    qtbot.waitUntil(lambda: app.ticker.tick_count >= 1)
    clock.now += 5.0  # the headline has settled
    assert app.window.isVisible() and app.window.size().toTuple() == (640, 360)
    shot = app.window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    content = Content.model_validate(document("Hello there", "Second"))
    assert shot == render_panel_image(content, path.parent, 0, (640, 360), "en")


def ink(image: QImage, colour: QColor) -> int:
    """How many pixels are close to the text colour."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green()) < 60:
                count += 1
    return count


def test_markup_in_content_is_shown_as_plain_characters(make_app, tmp_path, qtbot) -> None:
    clock = FakeClock(KIOSK_START)
    markup = make_app(write_content(tmp_path / "a", document(MARKUP)), clock, size=(640, 360))
    plain = make_app(write_content(tmp_path / "b", document("Hi")), clock, size=(640, 360))
    view = markup.stages.stage_for(markup.show.source).view(0, "en")
    assert view is not None and view.visible_texts() == [MARKUP]
    for app in (markup, plain):
        app.start()
        qtbot.waitUntil(lambda app=app: app.ticker.tick_count >= 1)
    clock.now += 5.0
    shots = [app.window.grab().toImage() for app in (markup, plain)]
    text = markup.view.theme.text
    # Twenty-one visible characters, not a bold "Hi" and a broken image.
    assert ink(shots[0], text) > 4 * ink(shots[1], text) > 0


# signals -------------------------------------------------------------------------------
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_stop_signals_end_the_kiosk_cleanly(tmp_path, stop) -> None:
    content = write_content(tmp_path / "c", document("Hello"))
    data = tmp_path / "data"
    code, rest = run_kiosk_process(content, data, run_seconds=3, stop=stop, stop_seconds=2,
                                   extra_args=("--size", "640x360"))
    assert code == 0, rest
    log = (data / LOG_FILE).read_text(encoding="utf-8")
    assert f"received {stop.name}" in log
    assert "kiosk stopped with exit code 0" in log
    assert json.loads((data / STATUS_FILE).read_text())["current_panel"] is None
