"""Video panels: the poster always, frames that change on screen with the player installed."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.core.content.filetypes import video_seconds
from kiosk.core.content.model import Content
from kiosk.core.show.timing import FRAME_SECONDS, SHORTEST_VIDEO_DWELL, panel_dwell
from kiosk.mpvlib import video_support
from kiosk.ui import videoscreen
from kiosk.ui.panels.video import VideoView
from kiosk.ui.render import render_panel_image
from kiosk.ui.stage import Stage
from kiosk.ui.videoscreen import VideoScreen
from tests.support import write_content
from tests.ui.photo import PHOTO, save_photo
from tests.ui.support import KioskApps

FFMPEG = shutil.which("ffmpeg")
NO_PLAYER = video_support()
SIZE = (480, 270)


def make_clip(path: Path, seconds: float = 2.0) -> Path:
    """A short test-pattern clip (ffmpeg's testsrc: a counter and moving colours)."""
    subprocess.run([FFMPEG, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    f"testsrc=size=320x180:rate=25:duration={seconds}", "-pix_fmt", "yuv420p",
                    "-c:v", "libx264", "-preset", "ultrafast", str(path)],
                   check=True, timeout=120)
    return path


def video_content(poster: str | None = PHOTO, video: str = "clip.mp4") -> Content:
    panel = {"id": "trailer", "kind": "video", "video": video,
             "caption": {"en": "Our latest trailer", "fr": "Notre dernière bande-annonce"}}
    if poster is not None:
        panel["poster"] = poster
    return Content.model_validate({"languages": ["en", "fr"], "default_language": "en",
                                   "panels": [panel]})


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("video")
    save_photo(path / PHOTO, 900, 600)
    (path / "broken.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom" + b"\x00" * 200)
    if FFMPEG is not None:
        make_clip(path / "clip.mp4")
    return path


def paint_stage(stage: Stage, t: float) -> QImage:
    image = QImage(*SIZE, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    stage.paint(painter, QRectF(0, 0, *SIZE), 0, "en", t)
    painter.end()
    return image


def looks_like_the_poster(image: QImage) -> bool:
    """The test photo's red jacket is on screen (left of centre), nothing black."""
    jacket = QColor(image.pixel(int(SIZE[0] * 0.3), int(SIZE[1] * 0.62)))
    return jacket.red() > 120 and jacket.green() < 80 and image.pixel(10, 10) != 0xFF000000


# the poster ------------------------------------------------------------------------------------
def test_kiosk_render_draws_the_poster(qapp, folder) -> None:
    image = render_panel_image(video_content(), folder, 0, SIZE, "en")
    assert looks_like_the_poster(image)


def test_without_a_poster_the_caption_shows_on_a_placeholder_not_black(qapp, folder) -> None:
    image = render_panel_image(video_content(poster=None), folder, 0, SIZE, "en")
    surface = QColor(video_content().settings.theme.surface)
    assert image.pixel(240, 60) == surface.rgb()


def test_without_the_player_the_poster_stays_and_the_reason_is_logged(
    qapp, folder, monkeypatch, caplog
) -> None:
    monkeypatch.setattr(videoscreen, "video_support", lambda: "the video player is not installed")
    screen = VideoScreen()
    stage = Stage(video_content(), folder, videos=screen)
    with caplog.at_level(logging.WARNING):
        assert not screen.play(folder / "clip.mp4", QSize(*SIZE))
        assert not screen.play(folder / "clip.mp4", QSize(*SIZE))
    assert [r.message for r in caplog.records].count(
        "videos show their poster: the video player is not installed") == 1
    assert looks_like_the_poster(paint_stage(stage, 100.0))
    assert not stage.view(0, "en").live


# with the player ------------------------------------------------------------------------------
needs_player = pytest.mark.skipif(
    NO_PLAYER is not None or FFMPEG is None,
    reason=f"videos cannot play here: {NO_PLAYER or 'ffmpeg is not installed'}",
)


@needs_player
def test_a_playing_clip_changes_the_screen_and_stops_with_the_panel(qtbot, folder) -> None:
    screen = VideoScreen()
    stage = Stage(video_content(), folder, videos=screen)
    view = stage.view(0, "en")
    assert isinstance(view, VideoView)
    poster = paint_stage(stage, 100.0)
    assert looks_like_the_poster(poster)
    repaints: list[int] = []
    screen.frame_ready.connect(lambda: repaints.append(1))
    assert screen.play(view.video, QSize(*SIZE))
    qtbot.waitUntil(lambda: view.live, timeout=10_000)
    first = paint_stage(stage, 100.0)
    count = len(repaints)
    qtbot.waitUntil(lambda: len(repaints) >= count + 5, timeout=10_000)  # 5 frames later
    later = paint_stage(stage, 100.0)
    assert first != poster and later != first  # the frames change on screen
    screen.stop()
    assert not view.live
    settled = paint_stage(stage, 100.0)
    stopped = len(repaints)
    qtbot.wait(300)
    assert len(repaints) == stopped  # no repaint asked once the panel has gone
    assert paint_stage(stage, 100.0) == settled  # the last frame stays for the way out


@needs_player
def test_a_file_that_does_not_play_leaves_the_poster(qtbot, folder, caplog) -> None:
    screen = VideoScreen()
    stage = Stage(video_content(video="broken.mp4"), folder, videos=screen)
    with caplog.at_level(logging.WARNING):
        assert screen.play(folder / "broken.mp4", QSize(*SIZE))
        qtbot.waitUntil(lambda: "does not play" in caplog.text, timeout=10_000)
    assert not stage.view(0, "en").live
    assert looks_like_the_poster(paint_stage(stage, 100.0))
    assert not screen.play(folder / "broken.mp4", QSize(*SIZE))  # not tried again


# the length, read from the file ------------------------------------------------------------
@pytest.mark.skipif(FFMPEG is None, reason="ffmpeg is not installed")
def test_the_length_of_an_mp4_is_read_from_its_header(folder) -> None:
    assert video_seconds(folder / "clip.mp4") == pytest.approx(2.0, abs=0.05)
    assert video_seconds(folder / "broken.mp4") is None
    assert video_seconds(folder / PHOTO) is None


# in the running kiosk ----------------------------------------------------------------------
@pytest.fixture
def make_app(qtbot, tmp_path: Path):
    apps = KioskApps(tmp_path)
    yield apps.build
    apps.shutdown_all()


def kiosk_on_a_clip(make_app, folder: Path, tmp_path: Path, **extra: Any):
    """A windowed kiosk (fake clock) whose first panel is the clip, then a title panel.

    `extra` are more top-level keys of its content (a schedule, say).
    """
    document = {"languages": ["en"], "default_language": "en",
                "settings": {"transition": "none"},
                "panels": [{"id": "clip", "kind": "video", "video": "clip.mp4", "poster": PHOTO},
                           {"id": "after", "kind": "title", "title": "After the clip"}],
                **extra}
    site = tmp_path / "site"
    site.mkdir()
    for name in ("clip.mp4", PHOTO):
        shutil.copy(folder / name, site / name)
    return make_app(write_content(site, document), size=SIZE)


@needs_player
def test_the_kiosk_plays_a_video_panel_and_stops_when_it_goes(qtbot, make_app, folder, tmp_path):
    app = kiosk_on_a_clip(make_app, folder, tmp_path)
    clock = app.clock
    assert app.show.tick(clock()) is not None  # the clip's length is its dwell
    app.start()
    qtbot.waitExposed(app.window)
    view = app.stages.stage_for(app.show.source).view(0, "en")
    qtbot.waitUntil(lambda: view.live, timeout=10_000)
    clock.now = app.show.settle_at() + 0.01  # the caption is in: the show is still
    due = app.tick(clock.now)
    assert due is not None and due - clock.now > 10 * FRAME_SECONDS  # frames repaint, no ticks
    first = app.window.grab().toImage()
    qtbot.waitUntil(lambda: app.window.grab().toImage() != first, timeout=10_000)  # frames show
    assert panel_dwell(app.show.source, 0) == max(2.0, SHORTEST_VIDEO_DWELL)  # the clip's length
    clock.now = 1000.0 + panel_dwell(app.show.source, 0) + 0.01
    app.tick(clock.now)  # the clip is over: the next panel
    assert app.show.panel_id == "after" and not view.live
    assert not app.videos.playing(view.video)


@needs_player
def test_a_video_panel_does_not_play_while_the_booth_is_closed(qtbot, make_app, folder, tmp_path):
    app = kiosk_on_a_clip(make_app, folder, tmp_path, schedule={"hours": {}})  # never open
    app.start()
    qtbot.waitExposed(app.window)
    view = app.stages.stage_for(app.show.source).view(0, "en")
    qtbot.wait(500)
    assert not app.show.open and app.show.panel_id == "clip"
    assert not view.live and not app.videos.playing(view.video)
