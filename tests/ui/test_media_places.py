"""What the views and the video player read stays inside the content folder (issues 12, 17).

Staff's content passed validate; then a release swaps a picture, a poster or a video
for a link to a file elsewhere on the booth PC (or the last good content names a file
that is now such a link). Each view draws what it would for a missing file (a
placeholder, the poster), the player never opens the video, and the log names the file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from kiosk.core.content.model import Content
from kiosk.ui import videoscreen
from kiosk.ui.panels.video import VideoView
from kiosk.ui.render import render_panel_image
from kiosk.ui.stage import Stage
from kiosk.ui.videoscreen import VideoScreen
from tests.ui.photo import PHOTO, media_document, save_photo

SIZE = (480, 270)
LINKED = "pictures/linked.jpg"


def video_panel(video: str = "media/clip.mp4", poster: str = PHOTO) -> dict[str, Any]:
    return {"id": "trailer", "kind": "video", "video": video, "poster": poster,
            "caption": {"en": "Our latest trailer", "fr": "Notre dernière bande-annonce"}}


def with_picture(panel: dict[str, Any], name: str) -> dict[str, Any]:
    """`panel` with its picture (or poster) renamed `name`."""
    if panel["kind"] == "video":
        return {**panel, "poster": name}
    image = panel["image"]
    return {**panel, "image": {**image, "file": name} if isinstance(image, dict) else name}


PANELS = {
    "photo": media_document()["panels"][0],
    "quote portrait": media_document()["panels"][1],
    "title picture": {"id": "t", "kind": "title", "title": "Producers", "image": PHOTO},
    "video poster": video_panel(),
}


def content_of(*panels: dict[str, Any]) -> Content:
    return Content.model_validate({"languages": ["en", "fr"], "default_language": "en",
                                   "panels": list(panels)})


def open_show(content: Content, site: Path) -> SimpleNamespace:
    """What the video screen asks of the show: its first panel on screen, the booth open."""
    return SimpleNamespace(content=content, index=0, open=True,
                           source=SimpleNamespace(content_dir=site))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A content folder with the photo, and the same photo outside it."""
    folder = tmp_path / "site"
    (folder / "pictures").mkdir(parents=True)
    (folder / "media").mkdir()
    save_photo(folder / PHOTO, 900, 600)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    save_photo(elsewhere / "secret.jpg", 900, 600)
    return folder


@pytest.mark.parametrize("kind", list(PANELS))
def test_a_picture_linked_from_outside_is_drawn_as_a_missing_one(
    qapp, site: Path, caplog, kind: str
) -> None:
    panel = PANELS[kind]
    missing = render_panel_image(content_of(with_picture(panel, "pictures/gone.jpg")), site, 0,
                                 SIZE, "en")
    shown = render_panel_image(content_of(panel), site, 0, SIZE, "en")
    (site / LINKED).symlink_to(site.parent / "elsewhere" / "secret.jpg")
    with caplog.at_level(logging.WARNING):
        refused = render_panel_image(content_of(with_picture(panel, LINKED)), site, 0, SIZE, "en")
    assert shown != missing  # the photo is drawn when it lies inside the folder
    assert refused == missing  # the same photo through a link out of it is not
    assert f"'{LINKED}' is a link that leads outside the content folder" in caplog.text


def test_a_video_linked_from_outside_is_never_played(qapp, site: Path, caplog, monkeypatch):
    (site / "media" / "clip.mp4").symlink_to(site.parent / "elsewhere" / "secret.jpg")
    content = content_of(video_panel())
    played: list[Path] = []
    monkeypatch.setattr(VideoScreen, "play", lambda self, path, *a, **k: played.append(path))
    screen = VideoScreen()
    with caplog.at_level(logging.WARNING):
        view = Stage(content, site, videos=screen).view(0, "en")
        screen.show_panel(open_show(content, site), QWidget())  # type: ignore[arg-type]
    assert isinstance(view, VideoView) and view.video is None
    assert not view.live and view.frame() is None
    assert played == []
    assert "video 'media/clip.mp4' is a link that leads outside the content folder" in (
        caplog.text)


def test_a_video_inside_the_folder_is_handed_to_the_player(qapp, site: Path, monkeypatch):
    (site / "media" / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom" + b"\x00" * 200)
    content = content_of(video_panel())
    played: list[Path] = []
    monkeypatch.setattr(VideoScreen, "play", lambda self, path, *a, **k: played.append(path))
    VideoScreen().show_panel(open_show(content, site), QWidget())  # type: ignore[arg-type]
    assert played == [(site / "media" / "clip.mp4").resolve()]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_the_player_never_opens_a_named_pipe(qapp, tmp_path: Path, caplog, monkeypatch):
    fifo = tmp_path / "clip.mp4"
    os.mkfifo(fifo)
    made: list[Path] = []
    monkeypatch.setattr(videoscreen, "video_support", lambda: None)
    monkeypatch.setattr(videoscreen, "VideoPlayer", lambda path, *a, **k: made.append(path))
    screen = VideoScreen()
    with caplog.at_level(logging.WARNING):
        assert not screen.play(fifo, QSize(*SIZE))
    assert made == []
    assert "is a named pipe (FIFO), not a video file; its poster is shown" in caplog.text
