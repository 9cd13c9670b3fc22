"""Sprites: large text drawn from a picture is the same picture; smaller text is drawn."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.ui.drawing.scale import Scale
from kiosk.ui.drawing.text import draw_text
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.common import PanelLayout
from kiosk.ui.panels.sprites import needs_sprite, paint_sprite, text_sprite
from kiosk.ui.panels.textblocks import TextBlock, draw_block, fit_block, text_style
from tests.support import sample_content
from tests.ui.support import make_view

SIZE = (1920, 1080)


@pytest.fixture
def theme(qapp) -> Theme:
    """The sample content's theme."""
    return Theme.from_settings(sample_content().settings.theme)


def canvas(theme: Theme, paint) -> QImage:
    """The background colour with `paint(painter)` drawn over it, at SIZE."""
    image = QImage(*SIZE, QImage.Format.Format_RGB32)
    image.fill(theme.background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    paint(painter)
    painter.end()
    return image


def block(theme: Theme, text: str, design_px: float, top: float = 300.3) -> TextBlock:
    """`text` fitted at `design_px` (scaled to SIZE) in a wide box at a fractional place."""
    style = text_style(Scale(QRectF(0, 0, *SIZE)), design_px, design_px)
    box = QRectF(100.4, top, 1600, 600)
    return fit_block(text, box, theme.family, style, theme.text)


def test_large_text_drawn_from_its_sprite_is_the_same_picture(theme) -> None:
    headline = make_view(sample_content(), 0).layout(QRectF(0, 0, *SIZE)).texts["headline"]
    assert needs_sprite(headline)
    direct = canvas(theme, lambda p: draw_block(p, headline, theme.family))
    sprite = canvas(theme, lambda p: text_sprite(headline, theme.family).draw(p))
    assert sprite == direct


def test_only_text_too_large_for_the_glyph_cache_gets_a_sprite(theme) -> None:
    texts = {"big": block(theme, "Big", 92), "small": block(theme, "Small", 38, 800.0)}
    layout = PanelLayout(texts=texts)
    canvas(theme, lambda p: [layout.draw_text(p, key, theme.family) for key in layout.texts])
    assert set(layout.sprites) == {"big"}
    layout.release_sprites()
    assert layout.sprites == {}


def test_a_text_sprite_has_room_for_accents_and_descenders(theme) -> None:
    tall = block(theme, "ÉÂÇ gjpqy ÿ", 150)
    image = text_sprite(tall, theme.family).image
    border = [(x, 0) for x in range(image.width())]
    border += [(x, image.height() - 1) for x in range(image.width())]
    border += [(0, y) for y in range(image.height())]
    border += [(image.width() - 1, y) for y in range(image.height())]
    assert all(image.pixelColor(x, y).alpha() == 0 for x, y in border)
    assert image.format() == QImage.Format.Format_ARGB32_Premultiplied


def test_a_sprite_covers_its_rectangles_on_whole_pixels(theme) -> None:
    rects = [QRectF(10.5, 20.25, 30, 40), QRectF(100.2, 5.7, 10, 10)]
    sprite = paint_sprite(rects, lambda p: None, margin=2.0)
    assert sprite.rect.contains(rects[0].united(rects[1]))
    assert sprite.rect == QRectF(sprite.rect.toAlignedRect())
    assert sprite.image.size() == sprite.rect.size().toSize()


def test_text_under_an_opacity_keeps_the_painters_opacity(theme) -> None:
    seen = []

    def paint(painter: QPainter) -> None:
        painter.setOpacity(0.4)
        style = text_style(Scale(QRectF(0, 0, *SIZE)), 38, 38)
        draw_text(painter, QRectF(100, 100, 800, 200), "Hello", theme.family, style,
                  QColor(Qt.GlobalColor.white))
        seen.append(painter.opacity())

    faint = canvas(theme, paint)
    assert seen == [0.4]
    assert faint != canvas(theme, lambda p: None)  # the text is there, only fainter
