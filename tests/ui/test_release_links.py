"""A deploy by folder link keeps each content version with its own pictures (finding V1).

``current -> releases/v1`` is switched to a broken release: the story of v1 stays on
screen, and so do v1's pictures (its folder as it was when it loaded). A good release
switches the story and its pictures together. Real links, real pictures.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.core.content.lastgood import last_good_path
from kiosk.ui.app import KioskApp, RunOptions
from kiosk.ui.drawing.pictures import load_content_picture

WAIT_MS = 10_000
PICTURE = "pictures/p.png"
RED, BLUE = QColor(200, 0, 0), QColor(0, 0, 200)


def document() -> bytes:
    panels = [{"id": "welcome", "kind": "title", "title": "Welcome", "image": PICTURE},
              {"id": "second", "kind": "title", "title": "Second"}]
    doc = {"languages": ["en"], "default_language": "en",
           "settings": {"dwell_seconds": 1, "transition": "none"}, "panels": panels}
    return json.dumps(doc).encode()


def release(root: Path, name: str, colour: QColor | None, content: bytes = b"") -> Path:
    folder = root / "releases" / name
    (folder / "pictures").mkdir(parents=True)
    (folder / "content.json").write_bytes(content or document())
    if colour is not None:
        image = QImage(16, 16, QImage.Format.Format_RGB32)
        image.fill(colour)
        assert image.save(str(folder / PICTURE))
    return folder


def switch(link: Path, target: Path) -> None:
    """ln -s target current.new && mv -T current.new current: the deploy of the finding."""
    new = link.with_name(link.name + ".new")
    new.symlink_to(target)
    os.rename(new, link)


def shown_colour(app: KioskApp) -> QColor | None:
    """The colour of the welcome picture as the views of the content on screen load it."""
    image = load_content_picture(app.show.source.content_dir, PICTURE, (16, 16))
    return None if image is None else image.pixelColor(8, 8)


@pytest.fixture
def booth(tmp_path: Path, qtbot) -> Iterator[tuple[Path, Path, KioskApp]]:
    release(tmp_path, "v1", RED)
    current = tmp_path / "current"
    current.symlink_to(tmp_path / "releases" / "v1")
    data = tmp_path / "data"
    data.mkdir()
    options = RunOptions(content_path=current / "content.json", data_dir=data, windowed=True)
    app = KioskApp(options, data)
    yield tmp_path, current, app
    app.shutdown()


def test_a_broken_release_keeps_the_last_good_story_with_its_own_pictures(booth, qtbot, caplog):
    root, current, app = booth
    assert shown_colour(app) == RED
    bad = release(root, "bad", None, b'{"broken": ')
    caplog.set_level(logging.WARNING)
    switch(current, bad)
    qtbot.waitUntil(lambda: app.show.problem is not None, timeout=WAIT_MS)
    assert app.show.content.panels[0].title == "Welcome"
    assert shown_colour(app) == RED
    assert app.show.source.content_dir == (root / "releases" / "v1").resolve()
    assert "is missing" not in caplog.text


def test_a_good_release_switches_story_and_pictures_together(booth, qtbot):
    root, current, app = booth
    v2 = release(root, "v2", BLUE)  # the same content.json, new pictures
    switch(current, v2)
    qtbot.waitUntil(lambda: app.show.pending is not None, timeout=WAIT_MS)
    app.show.next(app.clock(), cause=None)  # the panel boundary: v2 goes on screen
    assert app.show.source.content_dir == v2.resolve()
    assert shown_colour(app) == BLUE
    assert app.watcher.path == current.absolute() / "content.json"  # watched as given


def test_a_damaged_last_good_copy_is_logged_and_the_broken_file_only_once(tmp_path, caplog):
    content = tmp_path / "content" / "content.json"
    content.parent.mkdir()
    content.write_bytes(b'{"languages": [')
    data = tmp_path / "data"
    data.mkdir()
    last_good_path(data).write_bytes(b"\x00 not json")
    caplog.set_level(logging.INFO)
    app = KioskApp(RunOptions(content_path=content, data_dir=data, windowed=True), data)
    try:
        assert app.show.source.origin == "fallback"
        assert "last good copy" in caplog.text and "damaged" in caplog.text
        caplog.clear()
        app.watcher.plan.check_at = app.watcher.plan.last_event = -1e9  # long settled
        app.watcher.run_due()
        assert "does not load" not in caplog.text
        assert "content problem" not in caplog.text
    finally:
        app.shutdown()


def test_a_last_good_copy_that_is_a_folder_is_logged_too(tmp_path, caplog):
    from kiosk.core.content.source import initial_source

    data = tmp_path / "data"
    last_good_path(data).mkdir(parents=True)
    source = initial_source(tmp_path / "content" / "content.json", data)
    assert source.origin == "fallback"
    assert "last good copy" in caplog.text and "unreadable" in caplog.text
