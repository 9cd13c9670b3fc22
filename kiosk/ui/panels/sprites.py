"""Sprites: parts of a panel painted once into transparent images, then only blitted.

Large text is costly to draw: above Qt's glyph cache size (64 px) every glyph is
filled as a path, each time. An entrance redraws the same text blocks, faded and
slid, for dozens of frames; a sprite holds such a part pre-rendered (premultiplied
ARGB, placed on whole pixels so its glyphs keep their place on the pixel grid), so
a frame costs one blend per part, whatever the text.

A sprite of large text holds exactly the pixels Qt would draw. Smaller text is not
worth one (`needs_sprite`): Qt draws it from its glyph cache, cheaply, and blends
those glyphs gamma-corrected onto opaque pixels only, so the same text painted on
a transparent sprite would get slightly different edges than on the panel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from kiosk.ui.drawing.text import QT_GLYPH_CACHE_PX
from kiosk.ui.panels.textblocks import TextBlock, draw_block

MARGIN_PX = 2.0  # room around a sprite's parts for antialiasing
TEXT_OVERHANG = 0.3  # of the font size: room for glyphs reaching out of their lines


@dataclass
class Sprite:
    """A transparent picture of part of a panel, and the rectangle it covers.

    Attributes
    ----------
    rect : QRectF
        Where the picture goes, in the panel's coordinates (whole pixels).
    image : QImage
        The picture, ``Format_ARGB32_Premultiplied``, of `rect`'s size.
    """

    rect: QRectF
    image: QImage

    def draw(self, painter: QPainter) -> None:
        """Draw the picture in place, with the painter's opacity and transform."""
        painter.drawImage(self.rect.topLeft(), self.image)


def paint_sprite(
    rects: list[QRectF], paint: Callable[[QPainter], object], margin: float = MARGIN_PX
) -> Sprite:
    """Paint `paint` into a transparent sprite covering `rects`.

    Parameters
    ----------
    rects : list of QRectF
        What `paint` draws in, in panel coordinates; the sprite covers their union.
    paint : callable
        Draws with the painter it is given, in panel coordinates.
    margin : float
        Extra room around the union, in pixels, for whatever `paint` draws outside it.

    Returns
    -------
    Sprite
        The picture, placed on whole pixels.
    """
    bounds = QRectF()
    for rect in rects:
        bounds = bounds.united(rect)
    aligned = bounds.adjusted(-margin, -margin, margin, margin).toAlignedRect()
    image = QImage(max(1, aligned.width()), max(1, aligned.height()),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.translate(-aligned.left(), -aligned.top())
    paint(painter)
    painter.end()
    return Sprite(QRectF(aligned), image)


def needs_sprite(block: TextBlock) -> bool:
    """True when Qt draws `block`'s glyphs as paths (too large for its glyph cache)."""
    return round(block.pixel_size) > QT_GLYPH_CACHE_PX


def text_bounds(block: TextBlock) -> QRectF:
    """Where `block`'s glyphs may reach: its rectangle and room for glyph overhangs."""
    margin = MARGIN_PX + block.pixel_size * TEXT_OVERHANG
    return block.rect.adjusted(-margin, -margin, margin, margin)


def text_sprite(block: TextBlock, family: str) -> Sprite:
    """A sprite of text `block` as `draw_block` draws it, glyph overhangs included."""
    return paint_sprite([text_bounds(block)], lambda painter: draw_block(painter, block, family),
                        0.0)
