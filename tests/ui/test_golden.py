"""Golden images: small renders compared with approved PNGs in tests/images.

Panels (title, cards, steps; the statistics panel settled, mid count-up, on a portrait
screen in French; cards in French; photo and quote over the camera-like test photograph of
tests/ui/photo.py, made afresh: no photo lives in the repository), the controls after a
touch, the PIN pad, and a card text at its floor.

Re-approve after an intended visual change (then look at the PNGs before committing)::

    KIOSK_APPROVE_GOLDEN=1 python -m pytest tests/ui/test_golden.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from kiosk.core.content.model import Content
from kiosk.core.show.frame import ChromeState
from kiosk.core.show.pinpad import KEY_NAMES, PadState
from kiosk.ui.chrome.controls import paint_chrome
from kiosk.ui.chrome.pinpad_paint import paint_pad
from kiosk.ui.drawing.scale import BODY_MIN, Scale
from kiosk.ui.drawing.text import ELLIPSIS
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.common import paint_background
from kiosk.ui.render import render_panel_image
from tests.support import STATS_PANEL, sample_content, sample_document
from tests.ui.golden import MAX_DIFFERENT_SHARE, different_share
from tests.ui.photo import PHOTO, media_document, save_photo
from tests.ui.support import make_view

IMAGES = Path(__file__).resolve().parents[1] / "images"
SIZE = WIDE = (480, 270)
TALL = (270, 480)
APPROVE = os.environ.get("KIOSK_APPROVE_GOLDEN") == "1"


def test_different_share_counts_changed_pixels(qapp) -> None:
    blank = QImage(10, 10, QImage.Format.Format_RGB32)
    blank.fill(0x102030)
    changed = blank.copy()
    changed.setPixel(3, 4, 0xFFFFFF)
    changed.setPixel(5, 5, 0x102031)  # within tolerance
    assert different_share(blank, blank) == 0.0
    assert different_share(changed, blank) == pytest.approx(0.01)


def assert_golden(actual: QImage, name: str) -> None:
    """`actual` matches the approved tests/images/golden-`name`.png (or becomes it)."""
    path = IMAGES / f"golden-{name}.png"
    if APPROVE:
        assert actual.save(str(path), "PNG")
    assert path.is_file(), f"{path.name} is missing; approve with KIOSK_APPROVE_GOLDEN=1"
    share = different_share(actual, QImage(str(path)))
    if share > MAX_DIFFERENT_SHARE:
        actual.save(str(IMAGES / f"actual-{name}.png"), "PNG")
    assert share <= MAX_DIFFERENT_SHARE, (
        f"{share:.2%} of the pixels differ from {path.name}; see actual-{name}.png"
    )


@pytest.mark.parametrize(("index", "name"), [(0, "title"), (1, "cards"), (2, "steps")])
def test_panel_matches_its_golden_image(qapp, index, name) -> None:
    actual = render_panel_image(sample_content(), IMAGES, index, SIZE, "en")
    assert_golden(actual, f"{name}-480x270")


@pytest.fixture(scope="module")
def media_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content folder holding the test photograph."""
    folder = tmp_path_factory.mktemp("golden")
    save_photo(folder / PHOTO, 900, 600)
    return folder


@pytest.mark.parametrize(("index", "name"), [(0, "photo"), (1, "quote")])
def test_photo_and_quote_match_their_golden_images(qapp, media_folder, index, name) -> None:
    content = Content.model_validate(media_document())
    actual = render_panel_image(content, media_folder, index, SIZE, "en")
    assert_golden(actual, f"{name}-480x270")


def stats_content() -> Content:
    """The sample content with the statistics panel (`STATS`)."""
    document = sample_document()
    document["panels"].append(STATS_PANEL)
    return Content.model_validate(document)


STATS = 3  # the statistics panel's index in `stats_content`


def panel(index: int, size: tuple[int, int], language: str = "en",
          at: float | None = None) -> Callable[[], QImage]:
    """Panel `index` of the sample content (with the stats panel) as `kiosk render` paints it."""
    content = stats_content if index == STATS else sample_content
    return lambda: render_panel_image(content(), IMAGES, index, size, language, at)


def overlay(paint: Callable[[QPainter, QRectF, Theme], None]) -> Callable[[], QImage]:
    """`paint` over the bare background, at the wide size."""

    def render() -> QImage:
        image = QImage(*WIDE, QImage.Format.Format_RGB32)
        theme = Theme.from_settings(sample_content().settings.theme)
        rect = QRectF(0, 0, *WIDE)
        painter = QPainter(image)
        paint_background(painter, rect, theme)
        paint(painter, rect, theme)
        painter.end()
        return image

    return render


TOUCHED = ChromeState(4, 1, "en", "fr", controls_opacity=1.0, pressed="next", countdown=None)
PAD = PadState("fr", 3, "5", frozenset(KEY_NAMES), None, False, None)

CASES: dict[str, Callable[[], QImage]] = {
    "stats-480x270": panel(STATS, WIDE),
    "stats-counting-480x270": panel(STATS, WIDE, at=0.9),  # mid count-up, bars growing
    "stats-fr-270x480": panel(STATS, TALL, "fr"),  # portrait, in French
    "cards-fr-480x270": panel(1, WIDE, "fr"),
    "controls-480x270": overlay(lambda p, r, t: paint_chrome(p, r, TOUCHED, t)),
    "pinpad-fr-480x270": overlay(lambda p, r, t: paint_pad(p, r, PAD, t)),
}
OTHERS = {"title-480x270", "cards-480x270", "steps-480x270", "cards-long-960x540",
          "photo-480x270", "quote-480x270"}


@pytest.mark.parametrize("name", list(CASES))
def test_render_matches_its_golden_image(qapp, name: str) -> None:
    assert_golden(CASES[name](), name)


def test_every_golden_image_is_rendered_by_a_test() -> None:
    on_disk = {path.stem.removeprefix("golden-") for path in IMAGES.glob("golden-*.png")}
    assert on_disk <= set(CASES) | OTHERS, f"golden images no test renders: {on_disk}"


LONG_SIZE = (960, 540)  # large enough to see the ellipsis at the 14 px floor
FAR_TOO_LONG = "A card text far too long for a booth, written as if visitors had all day. " * 7


def long_card_content() -> Content:
    document = sample_document()
    document["panels"][1]["cards"][0]["text"] = FAR_TOO_LONG
    return Content.model_validate(document)


def test_a_card_text_at_its_floor_matches_its_golden_image(qapp) -> None:
    """The first card's text at the body floor, ending with "…"; the other cards unchanged."""
    content = long_card_content()
    layout = make_view(content, 1).layout(QRectF(0, 0, *LONG_SIZE))
    first = layout.texts["card:0:text"]
    assert first.pixel_size == pytest.approx(Scale(QRectF(0, 0, *LONG_SIZE)).px(BODY_MIN))
    assert first.fitted.lines[-1].endswith(ELLIPSIS)
    assert_golden(render_panel_image(content, IMAGES, 1, LONG_SIZE, "en"), "cards-long-960x540")


def test_the_other_cards_look_exactly_as_without_the_long_text(qapp) -> None:
    rect = QRectF(0, 0, *LONG_SIZE)
    long = render_panel_image(long_card_content(), IMAGES, 1, LONG_SIZE, "en")
    plain = render_panel_image(sample_content(), IMAGES, 1, LONG_SIZE, "en")
    layout = make_view(sample_content(), 1).layout(rect)
    for index in range(1, 6):
        card = layout.shapes[f"card:{index}"].toAlignedRect()
        assert long.copy(card) == plain.copy(card), f"card {index} changed"
    first = layout.shapes["card:0"].toAlignedRect()
    assert long.copy(first) != plain.copy(first)
