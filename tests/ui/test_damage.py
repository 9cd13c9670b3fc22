"""Partial repaints: a frame repaints only what changed, and looks exactly like a whole one.

Each panel says where it may paint over the background (`drawn_rects`); the show view
works out from that what changed since the frame it painted last (`damage`), and the
window repaints only there. Both are checked against whole frames, pixel for pixel:
a panel never paints outside its rectangles at any moment of its entrance, and a
screen kept up to date by partial repaints through a whole story (fades, slides,
count-ups, touches, a swipe during a transition, a language switch, a press on a
control) shows at every frame what a whole repaint shows (Qt rounds a blend through a
clip differently: by one level of 255, two where a sprite with an opacity (a quote's
mark entering) is drawn over a picture beside it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QRegion

from kiosk.core.content.model import Content
from kiosk.core.show.frame import CONTROLS_FADE_SECONDS, CONTROLS_VISIBLE_SECONDS
from kiosk.core.show.timing import FRAME_SECONDS
from kiosk.ui.stage import Stage
from tests.support import ROOT, FakeClock, as_source
from tests.ui.photo import PHOTO, QR, media_document, save_photo
from tests.ui.support import PaintedShow
from tests.ui.test_media_panels import every_kind

SIZES = [(1920, 1080), (1080, 1920), (1280, 720)]
BLEND_ROUNDING = 2  # Qt blends clipped and whole pictures with different roundings
MOMENTS = (0.0, 0.04, 0.12, 0.25, 0.4, 0.6, 0.9, 1.4, 2.0)


def shipped() -> Content:
    return Content.model_validate(json.loads((ROOT / "content.json").read_text("utf-8")))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("damage")
    save_photo(path / PHOTO, 900, 600)
    return path


def pixels(image: QImage) -> np.ndarray:
    """The image's pixels as a (height, width) array of 32-bit values."""
    data = np.frombuffer(image.constBits(), dtype=np.uint32)
    return data.reshape(image.height(), image.bytesPerLine() // 4)[:, : image.width()].copy()


def channels(image: QImage) -> np.ndarray:
    """The image's colour channels as a (height, width, 4) array of ints."""
    return pixels(image).view(np.uint8).reshape(image.height(), image.width(), 4).astype(int)


def mask(region: QRegion, size: tuple[int, int]) -> np.ndarray:
    """True inside `region`."""
    inside = np.zeros((size[1], size[0]), dtype=bool)
    for rect in region:
        inside[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1] = True
    return inside


def stage_frame(stage: Stage, index: int, size: tuple[int, int], t: float) -> np.ndarray:
    image = QImage(*size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    stage.paint(painter, QRectF(0, 0, *size), index, "en", t)
    painter.end()
    return pixels(image)


def outside_drawn(stage: Stage, index: int, size: tuple[int, int]) -> list[float]:
    """The moments at which panel `index` paints a pixel outside its drawn region."""
    rect = QRectF(0, 0, *size)
    region = stage.drawn_region(index, "en", rect)
    assert region is not None
    image = QImage(*size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    stage.paint_background(painter, rect)
    painter.end()
    background, allowed = pixels(image), mask(region, size)
    settle = stage.settle_seconds(index, "en")
    moments = sorted({*(t for t in MOMENTS if t < settle), settle, settle + 1.0})
    return [t for t in moments
            if ((stage_frame(stage, index, size, t) != background) & ~allowed).any()]


def story(name: str) -> Content:
    """The shipped story; every kind with a picture beside and a QR code; or a code only."""
    if name == "shipped":
        return shipped()
    document = every_kind({"file": PHOTO, "place": "beside"}, qr=True)
    if name == "QR codes":
        for panel in document["panels"]:
            if panel["kind"] not in ("photo", "quote"):
                del panel["image"]
    return Content.model_validate(document)


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait", "720p"])
@pytest.mark.parametrize("name", ["shipped", "pictures beside", "QR codes"])
def test_no_panel_paints_outside_its_drawn_rects(qapp, folder, size, name) -> None:
    content = story(name)
    stage = Stage(content, folder)
    checked = 0
    for index, panel in enumerate(content.panels):
        if stage.drawn_region(index, "en", QRectF(0, 0, *size)) is None:
            continue  # a photo, or a picture behind the text (stats, more than 4 cards)
        assert outside_drawn(stage, index, size) == [], f"{panel.id} paints outside"
        checked += 1
    assert checked >= 3


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait", "720p"])
def test_a_count_up_changes_only_its_figures_and_chart_once_the_header_is_in(
    qapp, folder, size
) -> None:
    content = shipped()
    stage = Stage(content, folder)
    index = next(i for i, panel in enumerate(content.panels) if panel.kind == "stats")
    rect = QRectF(0, 0, *size)
    assert stage.moving_region(index, "en", rect, 0.1) == stage.drawn_region(index, "en", rect)
    t = 0.7  # the header has entered (0.58 s); the figures count until about 2.5 s
    moving = stage.moving_region(index, "en", rect, t)
    assert moving is not None
    drawn = stage.drawn_region(index, "en", rect)
    assert drawn is not None and moving.subtracted(drawn).isEmpty() and moving != drawn
    allowed, first = mask(moving, size), stage_frame(stage, index, size, t)
    changed = False
    for later in (0.8, 1.2, 2.0, stage.settle_seconds(index, "en") + 0.5):
        frame = stage_frame(stage, index, size, later)
        assert not ((frame != first) & ~allowed).any(), f"a change outside at {later}"
        changed |= bool((frame != first).any())
    assert changed  # the figures did count up in there


def test_what_may_paint_anywhere_says_so(qapp, folder) -> None:
    document = every_kind({"file": PHOTO, "place": "behind"}, qr=True)
    content = Content.model_validate(document)
    stage = Stage(content, folder)
    rect = QRectF(0, 0, 1280, 720)
    assert all(stage.drawn_region(i, "en", rect) is None for i in range(len(content.panels)))


# a whole story, repainted in parts and as a whole -----------------------------------
class Screens:
    """The same show twice on one clock: one screen repainted in parts, one as a whole."""

    def __init__(self, content: Content, folder: Path, clock: FakeClock, size: tuple[int, int]):
        source = as_source(content, folder=folder)
        self.clock, self.size = clock, size
        self.parts, self.whole = (PaintedShow(source, clock.now, size) for _ in range(2))
        self.screen = QImage(*size, QImage.Format.Format_RGB32)
        self.repainted: list[float] = []  # the share of the screen each frame repainted
        self.pressed: str | None = None

    def both(self, act: str, *args: Any) -> None:
        """Ask both shows the same thing at the same time."""
        for painted in (self.parts, self.whole):
            getattr(painted.show, act)(*args, self.clock.now)

    def frame(self) -> float | None:
        """Tick both, repaint the one in parts, paint the other whole: they must agree.

        Returns when the show wants its next tick.
        """
        now, rect = self.clock.now, QRectF(0, 0, *self.size)
        due = self.parts.tick(now)
        self.whole.tick(now)
        region = self.parts.view.damage(rect, now, self.pressed)
        if region is None or not region.isEmpty():
            painter = QPainter(self.screen)
            if region is not None:
                painter.setClipRegion(region)
            self.parts.view.paint(painter, rect, now, self.pressed, region)
            painter.end()
        whole = QImage(*self.size, QImage.Format.Format_RGB32)
        painter = QPainter(whole)
        self.whole.view.paint(painter, rect, now, self.pressed)
        painter.end()
        area = self.size[0] * self.size[1]
        share = 1.0 if region is None else sum(r.width() * r.height() for r in region) / area
        self.repainted.append(share)
        off = np.abs(channels(self.screen) - channels(whole)).max()
        assert off <= BLEND_ROUNDING, f"the repainted screen differs by {off} at {now:.3f}"
        return due

    def run(self, seconds: float) -> None:
        """Frames as the ticker makes them: one a frame apart while things move."""
        end = self.clock.now + seconds
        while self.clock.now < end:
            due = self.frame()
            step = FRAME_SECONDS if due is None else max(FRAME_SECONDS, due - self.clock.now)
            self.clock.now = min(self.clock.now + step, end)


@pytest.mark.parametrize("transition", ["fade", "slide"])
def test_partial_repaints_show_exactly_the_whole_frames(qapp, folder, transition) -> None:
    document = json.loads((ROOT / "content.json").read_text("utf-8"))
    document.pop("$schema", None)
    document["settings"].update(dwell_seconds=2.5, transition=transition)
    for panel in document["panels"]:
        panel.pop("dwell_seconds", None)
    clock = FakeClock(1000.0)
    screens = Screens(Content.model_validate(document), folder, clock, (640, 360))
    screens.run(2.5 * 6)  # every panel: its transition in, its entrance, its still dwell
    screens.both("touch")  # the arrows appear, then fade out
    screens.run(CONTROLS_VISIBLE_SECONDS + CONTROLS_FADE_SECONDS + 0.2)
    screens.both("next")
    screens.run(0.2)
    screens.both("next")  # a swipe during the transition
    screens.run(1.0)
    screens.pressed = "lang"  # a finger on the language button
    screens.run(0.1)
    screens.pressed = None
    screens.both("toggle_language")
    screens.run(3.0)
    repainted = screens.repainted
    assert min(repainted) == 0.0  # still frames repaint nothing
    if transition == "fade":
        assert sorted(repainted)[len(repainted) // 2] < 0.9  # most frames repaint a part


def test_a_story_with_pictures_and_photos_repaints_exactly_too(qapp, folder) -> None:
    document = media_document()
    document["panels"] += every_kind({"file": PHOTO, "place": "beside"}, qr=True)["panels"][:3]
    document["panels"][-1]["qr"] = QR
    document["settings"] = {"dwell_seconds": 2.0}
    clock = FakeClock(1000.0)
    screens = Screens(Content.model_validate(document), folder, clock, (640, 360))
    screens.run(2.0 * len(document["panels"]) + 1.0)
    assert min(screens.repainted) < 0.6  # entrances beside a picture repaint a part
