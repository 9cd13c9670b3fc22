"""Where the content on screen comes from: file, last good copy, fallback; reloads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.core.content.lastgood import load_last_good, save_last_good
from kiosk.core.content.load import load, load_bytes
from kiosk.core.content.model import Content
from kiosk.core.content.source import (
    error_summary,
    initial_source,
    picture_paths,
    usable_source,
)


def document(title: str = "Hello", images: tuple[str | None, ...] = (None,)) -> dict:
    panels = []
    for number, image in enumerate(images):
        panel = {"id": f"p{number}", "kind": "title", "title": f"{title} {number}"}
        if image is not None:
            panel["image"] = image
        panels.append(panel)
    return {"languages": ["en"], "default_language": "en", "panels": panels}


def write(path: Path, doc: dict) -> bytes:
    data = json.dumps(doc).encode()
    path.write_bytes(data)
    return data


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    return folder / "content.json"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def test_reload_of_good_content_is_staged_and_kept_as_last_good(content, data_dir):
    data = write(content, document("New"))
    source = usable_source(load(content), content, data_dir)
    assert source is not None
    assert source.origin == "file"
    assert source.content.panels[0].title == "New 0"
    assert source.content_dir == content.parent
    assert load_last_good(data_dir) == data


def test_reload_of_broken_content_keeps_what_is_shown(content, data_dir):
    save_last_good(data_dir, b"previous")
    content.write_text('{"languages": ["en"], "panels": [', encoding="utf-8")
    result = load(content)
    assert usable_source(result, content, data_dir) is None
    assert load_last_good(data_dir) == b"previous"
    assert "content.json:1:" in (error_summary(result, content) or "")


def test_reload_of_missing_file_says_it_does_not_exist(content, data_dir):
    result = load(content)
    assert usable_source(result, content, data_dir) is None
    assert "does not exist" in (error_summary(result, content) or "")


def test_start_with_broken_file_after_a_good_run_shows_last_good(content, data_dir):
    write(content, document("Good"))
    usable_source(load(content), content, data_dir)
    content.write_text("{", encoding="utf-8")
    source = initial_source(content, data_dir)
    assert source.origin == "last_good"
    assert source.content.panels[0].title == "Good 0"
    assert source.error is not None


def test_start_with_nothing_good_ever_shows_the_fallback(content, data_dir):
    source = initial_source(content, data_dir)
    assert source.origin == "fallback"
    assert source.sha256 is None
    assert "does not exist" in (source.error or "")


def test_picture_paths_lists_inside_pictures_once_in_order(tmp_path):
    doc = document(images=("b.png", None, "images/a.png", "b.png", "../x.png", "/etc/y.png"))
    result = load_bytes(json.dumps(doc).encode(), tmp_path)
    # pictures outside the folder are errors, so the model is checked directly
    content = Content.model_validate(doc)
    assert result.content is None
    assert picture_paths(content, tmp_path) == [tmp_path / "b.png", tmp_path / "images/a.png"]


def test_picture_paths_of_no_content_is_empty(tmp_path):
    assert picture_paths(None, tmp_path) == []
