"""Icons: every content icon exists, is valid SVG, renders and takes the tint."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kiosk.core.content.model import ICON_NAMES
from kiosk.ui.drawing.icons import ICONS_DIR, PLACEHOLDER, draw_icon, icon_image

TINT = QColor("#F5B041")
ALL_ICONS = (*ICON_NAMES, PLACEHOLDER)


def _opaque_pixels(image: QImage) -> list[QColor]:
    """Every pixel with alpha 255, converted to straight (non-premultiplied) colour."""
    plain = image.convertToFormat(QImage.Format.Format_ARGB32)
    return [
        plain.pixelColor(x, y)
        for y in range(plain.height())
        for x in range(plain.width())
        if plain.pixelColor(x, y).alpha() == 255
    ]


@pytest.mark.parametrize("name", ALL_ICONS)
def test_icon_file_is_valid_svg(qapp, name: str) -> None:
    renderer = QSvgRenderer(str(ICONS_DIR / f"{name}.svg"))
    assert renderer.isValid()
    assert renderer.viewBoxF() == QRectF(0, 0, 64, 64)


@pytest.mark.parametrize("name", ALL_ICONS)
def test_icon_renders_in_the_tint_colour(qapp, name: str) -> None:
    image = icon_image(name, 64, TINT)
    assert image.width() == image.height() == 64
    opaque = _opaque_pixels(image)
    assert len(opaque) > 100
    assert all(c.rgb() == TINT.rgb() for c in opaque)


@pytest.mark.parametrize("name", ALL_ICONS)
def test_icon_keeps_the_margin(qapp, name: str) -> None:
    image = icon_image(name, 64, TINT).convertToFormat(QImage.Format.Format_ARGB32)
    border = [(x, y) for y in range(64) for x in range(64) if min(x, y, 63 - x, 63 - y) < 5]
    assert all(image.pixelColor(x, y).alpha() == 0 for x, y in border)


def test_icon_is_cached(qapp) -> None:
    assert icon_image("star", 48, TINT) is icon_image("star", 48, QColor(TINT))


def test_unknown_icon_is_the_placeholder(qapp, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.drawing.icons"):
        image = icon_image("no-such-icon", 64, TINT)
        icon_image("no-such-icon", 32, TINT)
    assert image == icon_image(PLACEHOLDER, 64, TINT)
    assert sum("no-such-icon" in r.getMessage() for r in caplog.records) == 1


def test_path_like_name_is_the_placeholder(qapp) -> None:
    assert icon_image("../icons/star", 40, TINT) == icon_image(PLACEHOLDER, 40, TINT)


def test_icons_differ_from_each_other(qapp) -> None:
    images = [icon_image(name, 32, TINT) for name in ALL_ICONS]
    assert len({bytes(image.constBits()) for image in images}) == len(ALL_ICONS)


def test_draw_icon_centres_the_largest_square(qapp) -> None:
    canvas = QImage(200, 100, QImage.Format.Format_ARGB32)
    canvas.fill(QColor("#0F1B2D"))
    painter = QPainter(canvas)
    draw_icon(painter, QRectF(0, 0, 200, 100), "search", TINT)
    painter.end()
    reference = icon_image("search", 100, TINT).convertToFormat(QImage.Format.Format_ARGB32)
    opaque = [
        (x, y) for y in range(100) for x in range(100) if reference.pixelColor(x, y).alpha() == 255
    ]
    assert opaque
    assert all(canvas.pixelColor(x + 50, y).rgb() == TINT.rgb() for x, y in opaque)
    assert canvas.pixelColor(10, 50).rgb() == QColor("#0F1B2D").rgb()
    assert canvas.pixelColor(190, 50).rgb() == QColor("#0F1B2D").rgb()


def test_draw_icon_in_an_empty_rect_draws_nothing(qapp) -> None:
    canvas = QImage(20, 20, QImage.Format.Format_ARGB32)
    canvas.fill(QColor("#0F1B2D"))
    painter = QPainter(canvas)
    draw_icon(painter, QRectF(5, 5, 0, 10), "star", TINT)
    painter.end()
    assert canvas.pixelColor(5, 10).rgb() == QColor("#0F1B2D").rgb()
