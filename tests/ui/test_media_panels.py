"""Pictures on every panel kind, the photo and quote panels, veils over photographs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QColor, QImage

from kiosk.core.content.model import Content
from kiosk.ui.drawing.pictures import crop_source, fit_rect
from kiosk.ui.drawing.scrim import colour_luminance, contrast
from kiosk.ui.panels.base import view_context
from kiosk.ui.panels.photo import ZOOM, PhotoView
from kiosk.ui.panels.quote import QUOTE_MIN, QuoteView
from kiosk.ui.panels.registry import build_view
from kiosk.ui.panels.textblocks import ink_rect
from kiosk.ui.render import render_panel_image
from tests.support import sample_document
from tests.ui.photo import PHOTO, QR, media_document, save_photo
from tests.ui.support import paint_view as paint

ORIENTATIONS = [(1920, 1080), (1080, 1920)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content folder with the camera-like photo and a white picture."""
    path = tmp_path_factory.mktemp("media")
    save_photo(path / PHOTO, 900, 600)
    white = QImage(1600, 900, QImage.Format.Format_RGB32)
    white.fill(QColor("#FFFFFF"))
    assert white.save(str(path / "white.png"))
    return path


def content(document: dict[str, Any], **settings: Any) -> Content:
    return Content.model_validate({**document, "settings": settings})


def view_of(document: dict[str, Any], index: int, folder: Path, language: str = "en", **kw: Any):
    data = content(document, **kw)
    return build_view(data.panels[index], view_context(data, folder, language))


# cropping ----------------------------------------------------------------------------------
def test_a_fill_crop_keeps_the_focal_point_in_view() -> None:
    photo = QSizeF(1600, 900)  # "BOOTH PHOTO 1600x900" in a tall box (issue 13, point 5)
    tall = QRectF(0, 0, 400, 800)
    centred = crop_source(photo, tall)
    assert centred.center().x() == pytest.approx(800)
    left = crop_source(photo, tall, (0.1, 0.5))
    assert left.left() == pytest.approx(0.0)  # pushed back inside the picture
    assert left.contains(160, 450)
    right = crop_source(photo, tall, (0.8, 0.5))
    assert right.contains(1280, 450) and right.right() <= 1600
    assert right.width() / right.height() == pytest.approx(0.5)


def test_fit_shows_the_whole_picture_in_its_own_shape() -> None:
    box = fit_rect(QSizeF(1600, 900), QRectF(0, 0, 400, 800))
    assert (box.width(), box.height()) == pytest.approx((400, 225))
    assert box.center().y() == pytest.approx(400)


# pictures on every kind --------------------------------------------------------------------
def every_kind(picture: dict[str, Any] | str, qr: bool) -> dict[str, Any]:
    document = copy.deepcopy(sample_document())
    stats = {"id": "stats", "kind": "stats", "title": {"en": "Numbers", "fr": "Chiffres"},
             "figures": [{"value": 7100000000, "format": "currency-compact", "label": "Volume"}],
             "chart": {"title": "Jobs", "categories": ["TV", "Film"],
                       "series": [{"name": "Direct", "values": [21100, 3200]}]},
             "source": "Source: CMPA"}
    document["panels"] += [stats, *media_document()["panels"]]
    for panel in document["panels"]:
        panel["image"] = picture
        if qr:
            panel["qr"] = QR
    return document


@pytest.mark.parametrize("size", ORIENTATIONS, ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("place", ["beside", "behind"])
def test_every_kind_paints_a_picture_and_a_qr_code(qapp, folder, size, language, place) -> None:
    document = every_kind({"file": PHOTO, "place": place, "focus": [0.3, 0.5]}, qr=True)
    data = content(document)
    for index, panel in enumerate(data.panels):
        image = render_panel_image(data, folder, index, size, language)
        colours = {image.pixel(x, y) for x in range(0, size[0], 7) for y in range(0, size[1], 7)}
        assert len(colours) > 200, f"{panel.kind}: no photograph on the panel"


def test_a_missing_picture_shows_its_words_not_a_hole(qapp, folder) -> None:
    words = {"en": "The crew on set", "fr": "L'équipe"}
    document = every_kind({"file": "gone.jpg", "alt": words}, qr=False)
    view = view_of(document, 4, folder)  # the photo panel
    assert isinstance(view, PhotoView)
    image = paint(view, (960, 540), 100.0)
    surface = QColor(view.ctx.theme.surface).rgb()
    assert image.pixel(480, 100) == surface  # the placeholder fills the screen
    assert view.media.alt == "The crew on set"


# veils ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", ORIENTATIONS, ids=["landscape", "portrait"])
@pytest.mark.parametrize("index", [0, 1, 2, 5], ids=["title", "cards", "steps", "quote"])
def test_text_over_a_white_picture_keeps_seven_to_one(qapp, folder, size, index) -> None:
    document = every_kind({"file": "white.png", "place": "behind"}, qr=False)
    view = view_of(document, index, folder)
    rect = QRectF(0, 0, *size)
    layout = view.layout(rect)
    veil = layout.media.veils[0]
    image = paint(view, size, 100.0)
    edge = veil.rect.left() + 6, veil.rect.center().y()  # in the veil's padding: no text
    behind = QColor(image.pixel(round(edge[0]), round(edge[1])))
    text = min(colour_luminance(view.ctx.theme.text), colour_luminance(view.ctx.theme.muted))
    assert contrast(text, colour_luminance(behind)) >= 7.0
    for key, block in layout.texts.items():
        if not key.startswith("card:"):  # card texts are on opaque cards
            assert veil.rect.contains(ink_rect(block).adjusted(1, 1, -1, -1)), f"{key} unveiled"


def test_a_dark_photo_needs_no_veil_and_a_white_one_a_heavy_one(qapp, folder, tmp_path) -> None:
    dark = QImage(1600, 900, QImage.Format.Format_RGB32)
    dark.fill(QColor("#101418"))
    assert dark.save(str(tmp_path / "dark.png"))
    for name, low, high in (("dark.png", 0.0, 0.0), ("white.png", 0.7, 1.0)):
        source = tmp_path if name == "dark.png" else folder
        view = view_of(every_kind({"file": name, "place": "behind"}, qr=False), 0, source)
        alpha = view.layout(QRectF(0, 0, 1280, 720)).media.veils[0].alpha
        assert low <= alpha <= high, (name, alpha)


# the photo panel -------------------------------------------------------------------------------
def test_photo_zooms_back_to_its_framing_then_stays_still(qapp, folder) -> None:
    view = view_of(media_document(), 0, folder)
    assert isinstance(view, PhotoView)
    assert view.zoom(0.0) == pytest.approx(ZOOM)
    assert view.zoom(view.settle_seconds) == pytest.approx(1.0)
    size = (480, 270)
    start, middle = paint(view, size, 0.0), paint(view, size, view.settle_seconds / 2)
    settled = paint(view, size, view.settle_seconds)
    assert start != middle != settled
    assert paint(view, size, view.settle_seconds + 30) == settled  # a settled panel is still


def test_reduced_motion_shows_the_framing_at_once(qapp, folder) -> None:
    moving = view_of(media_document(), 0, folder)
    still = view_of(media_document(), 0, folder, reduced_motion=True)
    size = (480, 270)
    assert paint(still, size, 0.0) == paint(moving, size, moving.settle_seconds)


def test_a_short_dwell_shortens_the_zoom(qapp, folder) -> None:
    document = media_document()
    document["panels"][0]["dwell_seconds"] = 4
    view = view_of(document, 0, folder)
    assert view.settle_seconds <= 3.0 + 1e-9


@pytest.mark.parametrize("size", ORIENTATIONS, ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_photo_caption_is_legible_above_the_chrome(qapp, folder, size, language) -> None:
    view = view_of(media_document(), 0, folder, language)
    rect = QRectF(0, 0, *size)
    layout = view.layout(rect)
    assert view.visible_texts()[0] == ("Day 12 on set" if language == "en" else
                                       "Jour 12 de tournage")
    band = layout.media.veils[0]
    for block in layout.texts.values():
        assert band.rect.contains(ink_rect(block).adjusted(1, 1, -1, -1))
        assert block.rect.bottom() <= rect.bottom() - view.ctx.theme.font(10).pixelSize()


# the quote panel -------------------------------------------------------------------------------
@pytest.mark.parametrize("size", ORIENTATIONS, ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_quote_shows_words_name_and_role_clear_of_the_portrait(qapp, folder, size, language):
    view = view_of(media_document(), 1, folder, language)
    assert isinstance(view, QuoteView)
    assert view.mark == ("«" if language == "fr" else "\u201c")
    layout = view.layout(QRectF(0, 0, *size))
    portrait = layout.shapes["portrait"]
    assert portrait.width() == pytest.approx(portrait.height())
    u = min(size) / 1080
    for key, block in layout.texts.items():
        assert not block.rect.intersects(portrait), f"{key} overlaps the portrait"
    assert layout.texts["quote"].pixel_size >= QUOTE_MIN * u - 0.5
    assert layout.texts["name"].rect.top() > layout.texts["quote"].rect.bottom()
    assert view.visible_texts()[1:] == ["Jane Doe", "Producer" if language == "en" else
                                        "Productrice"]
