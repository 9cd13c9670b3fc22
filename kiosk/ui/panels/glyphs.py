"""Big text drawn from glyph pictures painted once: the counting figures.

Qt's raster engine keeps glyph images only up to 64 px; it fills bigger glyphs as
paths every time they are drawn, which made the figures (about 130 px at 1920x1080,
250 px at 3840x2160, redrawn every frame while they count up) the costliest part of
a count-up frame. `GlyphPainter` shapes the text with QTextLayout, so the font's
kerning and spacing are exactly Qt's, then draws each glyph from a picture of that
glyph, filled once from the same outline Qt would fill, at the same offset to half
a device pixel (a difference no one sees at this size). The pictures live as long
as the panel's layout: a settled panel lets them go with the rest of its layout.
`draw_glyphs` draws glyphs already shaped (`shape`), and maybe moved: the figures
widen the gaps around their separators that way (`kiosk.ui.panels.separators`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import groupby

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QColor,
    QFont,
    QGlyphRun,
    QImage,
    QPainter,
    QRawFont,
    QTextLayout,
    QTransform,
)

from kiosk.ui.drawing.text import QT_GLYPH_CACHE_PX

SUBPIXEL_STEPS = 2  # glyph pictures per device pixel of offset, across and down

Glyph = tuple[QRawFont, int, QPointF]  # a glyph's font, its index there, its origin


def _split(value: float) -> tuple[int, int]:
    """A device coordinate as whole pixels and sub-pixel steps (0 to SUBPIXEL_STEPS - 1)."""
    steps = round(value * SUBPIXEL_STEPS)
    return steps // SUBPIXEL_STEPS, steps % SUBPIXEL_STEPS


@dataclass
class GlyphPainter:
    """Draws text in one font as glyph pictures, each painted on first use.

    `pictures` holds them, by font, glyph, sub-pixel offset, colour and pixel ratio;
    they go with the panel's layout (see `kiosk.ui.drawing.cache`).
    """

    font: QFont
    pictures: dict[tuple[object, ...], tuple[QImage, int, int]] = field(default_factory=dict)

    def draw(self, painter: QPainter, baseline: QPointF, text: str) -> None:
        """Draw `text` in the painter's pen colour with its left end on `baseline`."""
        self.draw_glyphs(painter, baseline, shape(self.font, text))

    def draw_glyphs(self, painter: QPainter, baseline: QPointF, glyphs: list[Glyph]) -> None:
        """Draw shaped `glyphs` in the painter's pen colour, their origin on `baseline`."""
        ratio = painter.device().devicePixelRatioF()
        moved = painter.transform()
        if self.font.pixelSize() * ratio <= QT_GLYPH_CACHE_PX or not _moves_only(moved):
            _draw_runs(painter, baseline, glyphs)  # Qt's glyph cache serves it, or scaled
            return
        colour = painter.pen().color()
        painter.save()
        painter.resetTransform()  # positions below are the device's, to the pixel
        for raw, index, position in glyphs:
            at = moved.map(baseline + position) * ratio
            (x_px, x_step), (y_px, y_step) = _split(at.x()), _split(at.y())
            image, left, top = self._picture(raw, index, (x_step, y_step), colour, ratio)
            painter.drawImage(QPointF((x_px + left) / ratio, (y_px + top) / ratio), image)
        painter.restore()

    def _picture(
        self, raw: QRawFont, index: int, steps: tuple[int, int], colour: QColor, ratio: float
    ) -> tuple[QImage, int, int]:
        # a glyph index means something only in its font (a fallback font may serve a glyph)
        key = (raw.familyName(), raw.styleName(), index, *steps, colour.rgba(), ratio)
        found = self.pictures.get(key)
        if found is None:
            offset = QPointF(steps[0], steps[1]) / SUBPIXEL_STEPS
            found = _paint_glyph(raw, index, offset, colour, ratio)
            self.pictures[key] = found
        return found


def _moves_only(transform: QTransform) -> bool:
    """True for a transform that only translates (pictures drawn 1:1 stay sharp)."""
    return transform.type().value <= QTransform.TransformationType.TxTranslate.value


def _draw_runs(painter: QPainter, baseline: QPointF, glyphs: list[Glyph]) -> None:
    """Draw `glyphs` as Qt's own glyph runs, one per font, at their (possibly moved) places."""
    for raw, group in groupby(glyphs, key=lambda glyph: glyph[0]):
        run = QGlyphRun()
        run.setRawFont(raw)
        items = list(group)
        run.setGlyphIndexes([index for _, index, _ in items])
        run.setPositions([position for _, _, position in items])
        painter.drawGlyphRun(baseline, run)


def shape(font: QFont, text: str) -> list[Glyph]:
    """Each glyph of `text` in `font`: its font, index and position from the baseline origin."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    ascent = line.ascent()
    glyphs = []
    for run in layout.glyphRuns():
        raw = run.rawFont()
        for index, position in zip(run.glyphIndexes(), run.positions(), strict=True):
            glyphs.append((raw, index, QPointF(position.x(), position.y() - ascent)))
    return glyphs


def _paint_glyph(
    raw: QRawFont, index: int, offset: QPointF, colour: QColor, ratio: float
) -> tuple[QImage, int, int]:
    """Glyph `index` filled into a picture at `offset` device pixels from its origin.

    Returns the picture (device pixel ratio `ratio`) and its top-left corner in device
    pixels from the glyph's origin.
    """
    path = QTransform.fromScale(ratio, ratio).map(raw.pathForGlyph(index))
    bounds = path.boundingRect().translated(offset)
    left, top = math.floor(bounds.left()) - 1, math.floor(bounds.top()) - 1
    width = max(1, math.ceil(bounds.right()) + 1 - left)
    height = max(1, math.ceil(bounds.bottom()) + 1 - top)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(offset.x() - left, offset.y() - top)
    painter.fillPath(path, colour)
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image, left, top
