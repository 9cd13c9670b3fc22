"""Big figures drawn from glyph pictures look like Qt's own text, and reuse their pictures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from kiosk.ui.drawing.theme import register_fonts
from kiosk.ui.panels.glyphs import GlyphPainter

INK = QColor("#F5B041")
SIZE = (900, 300)


@pytest.fixture(autouse=True)
def fonts(qapp) -> None:
    register_fonts()


def figure_font(pixel_size: int) -> QFont:
    font = QFont("Inter Display")
    font.setPixelSize(pixel_size)
    font.setWeight(QFont.Weight.Bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def canvas(ratio: float = 1.0) -> QImage:
    image = QImage(int(SIZE[0] * ratio), int(SIZE[1] * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#0F1B2D"))
    return image


def draw(image: QImage, how, scale: float = 1.0) -> None:
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(INK)
    painter.translate(10.25, 0.5)  # positions are rarely whole pixels
    painter.scale(scale, scale)
    how(painter)
    painter.end()


def red_ink(image: QImage) -> list[int]:
    """The red channel of every pixel (the ink is bright red-orange on dark blue)."""
    return [image.pixel(x, y) >> 16 & 0xFF for y in range(image.height())
            for x in range(image.width())]  # fmt: skip


def qt_text(font: QFont, text: str):
    def how(painter: QPainter) -> None:
        painter.setFont(font)
        painter.drawText(QPointF(20.3, 200.7), text)

    return how


def assert_alike(ours: QImage, qts: QImage) -> None:
    a, b = red_ink(ours), red_ink(qts)
    inked = sum(1 for v in b if v > 64)
    assert inked > 1000, "the reference drew nothing"
    far = sum(1 for x, y in zip(a, b, strict=True) if abs(x - y) > 64)
    assert far < 0.01 * inked, f"{far} pixels differ clearly from Qt's text ({inked} inked)"
    assert abs(sum(a) - sum(b)) < 0.02 * sum(b), "not as much ink as Qt's text"


@pytest.mark.parametrize("ratio", [1.0, 2.0])
@pytest.mark.parametrize("text", ["$7.1 148,200", "7\u5186 1\u20b9 1\u0416"])  # with fallbacks
def test_big_text_matches_qts_own_drawing(ratio: float, text: str) -> None:
    font = figure_font(150)
    glyphs = GlyphPainter(font)
    ours, qts = canvas(ratio), canvas(ratio)
    draw(ours, lambda p: glyphs.draw(p, QPointF(20.3, 200.7), text))
    draw(qts, qt_text(font, text))
    assert_alike(ours, qts)
    assert len(glyphs.pictures) > 0


def test_pictures_are_reused_for_the_same_glyphs() -> None:
    glyphs = GlyphPainter(figure_font(150))
    image = canvas()
    draw(image, lambda p: glyphs.draw(p, QPointF(20, 200), "$7.1"))
    count = len(glyphs.pictures)
    draw(image, lambda p: glyphs.draw(p, QPointF(20, 200), "$7.1"))
    draw(image, lambda p: glyphs.draw(p, QPointF(20, 200), "$1.7"))  # same glyphs, moved
    assert count <= len(glyphs.pictures) <= 2 * count  # a half-pixel variant at most
    assert count <= 4 * 2


def test_small_text_is_left_to_qts_glyph_cache() -> None:
    font = figure_font(48)
    glyphs = GlyphPainter(font)
    ours, qts = canvas(), canvas()
    draw(ours, lambda p: glyphs.draw(p, QPointF(20.3, 200.7), "$7.1 billion"))
    draw(qts, qt_text(font, "$7.1 billion"))
    assert len(glyphs.pictures) == 0
    assert red_ink(ours) == red_ink(qts)


def test_a_scaled_painter_gets_qts_text_not_stretched_pictures() -> None:
    font = figure_font(150)
    glyphs = GlyphPainter(font)
    ours, qts = canvas(), canvas()
    draw(ours, lambda p: glyphs.draw(p, QPointF(20.3, 200.7), "$7.1"), scale=0.5)
    draw(qts, qt_text(font, "$7.1"), scale=0.5)
    assert len(glyphs.pictures) == 0
    assert red_ink(ours) == red_ink(qts)
