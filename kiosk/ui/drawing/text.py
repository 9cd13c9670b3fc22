"""Plain-text drawing that wraps, shrinks to its legibility floor, then ends with "…".

Content text is only ever drawn through this module with `QPainter.drawText`,
which never interprets markup: a title of `<b>Hi</b>` shows those characters.
A text that does not fit its box shrinks down to its style's floor (the smallest
size read from two metres, `kiosk.core.content.limits`); if it still does not
fit, its last line that fits ends with an ellipsis. Nothing is drawn outside the
box. Fitting is cached, so a panel repainted every frame measures its text once.
Text fading in is drawn in a translucent colour rather than under a painter
opacity (`opacity_as_alpha`): Qt's raster engine takes a much slower path for
text under an opacity below 1.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from kiosk.ui.drawing.theme import make_font as make_font
from kiosk.ui.drawing.wrapping import ELLIPSIS as ELLIPSIS
from kiosk.ui.drawing.wrapping import elide, wrap_bounded

SHRINK_STEP = 0.94
# Qt's raster engine draws text up to this size (device px) from its glyph cache; bigger
# glyphs are filled as paths on every draw (sprites and glyph pictures take over there).
QT_GLYPH_CACHE_PX = int(os.environ.get("QT_MAX_CACHED_GLYPH_SIZE") or 64)


@dataclass(frozen=True)
class TextStyle:
    """How a block of text looks: its preferred size, its floor, weight and alignment.

    `min_pixel_size` is the floor: the text shrinks no further, it ends with "…".
    """

    pixel_size: float
    min_pixel_size: float
    weight: QFont.Weight = QFont.Weight.Normal
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    line_height: float = 1.18
    max_lines: int = 0  # 0: as many as fit


@dataclass(frozen=True)
class FittedText:
    """A text laid out for a box: the font size chosen, its lines, and how much of it shows.

    Attributes
    ----------
    shown
        How many characters of the text are on the lines (all of them unless elided).
    elided
        True when the text did not fit at its floor: its last line ends with "…".
    """

    pixel_size: float
    lines: tuple[str, ...]
    line_step: float
    width: float
    shown: int = 0
    elided: bool = False

    @property
    def height(self) -> float:
        """Height of the laid-out block in pixels."""
        return self.line_step * len(self.lines)


def line_step(family: str, style: TextStyle, pixel_size: float) -> float:
    """The distance between two lines of `style` at `pixel_size`."""
    font = make_font(family, pixel_size, style.weight)
    return QFontMetricsF(font).height() * style.line_height / 1.2


def line_room(style: TextStyle, step: float, height: float) -> int:
    """How many lines of `step` pixels the style allows in `height`."""
    room = math.floor((height + 0.01) / step) if step > 0 else 0
    return min(room, style.max_lines) if style.max_lines else room


@lru_cache(maxsize=2048)
def fit_text(
    text: str, family: str, style: TextStyle, width: float, height: float
) -> FittedText:
    """Find the largest size (from `style.pixel_size` down to its floor) at which `text` fits.

    At the floor, a text that still does not fit keeps the lines that fit, the last
    one ending with "…" (`elide`): it is never drawn smaller, nor outside the box.
    """
    size, floor = style.pixel_size, min(style.min_pixel_size, style.pixel_size)
    while True:
        font = make_font(family, size, style.weight)
        step = line_step(family, style, size)
        room = line_room(style, step, height)
        wrapped = wrap_bounded(text, font, width, room)
        if len(wrapped.lines) <= room and wrapped.widest <= width + 0.5:
            return FittedText(size, wrapped.lines, step, wrapped.widest, len(text))
        if size <= floor:
            cut = elide(text, wrapped, font, width, room)
            return FittedText(size, cut.lines, step, cut.widest, cut.shown, cut.shown < len(text))
        size = max(floor, size * SHRINK_STEP)


def draw_fitted(
    painter: QPainter,
    rect: QRectF,
    fitted: FittedText,
    family: str,
    style: TextStyle,
    color: QColor,
    vertical: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> QRectF:
    """Draw already-fitted text in `rect`; return the rectangle the lines occupy."""
    painter.setFont(make_font(family, fitted.pixel_size, style.weight))
    with opacity_as_alpha(painter) as tint:
        painter.setPen(tint(color))
        return _draw_lines(painter, rect, fitted, style, vertical)


@contextmanager
def opacity_as_alpha(painter: QPainter) -> Iterator[Callable[[QColor], QColor]]:
    """Move the painter's opacity into the colours it draws with, for a moment.

    For a line of text, drawing at an opacity below 1 and drawing in a colour that
    much more translucent blend alike, but Qt's raster engine draws text several
    times slower at the first, and blends its glyph edges unlike opaque text, so a
    fade ended with a slight jump to the text at rest; in a translucent colour it
    ends smoothly.

    Yields
    ------
    callable
        ``tint(color)``: `color` with its alpha multiplied by the painter's opacity.
        Meanwhile the painter draws at opacity 1; its opacity is restored after.
    """
    opacity = painter.opacity()
    painter.setOpacity(1.0)
    try:
        yield lambda color: faded(color, opacity)
    finally:
        painter.setOpacity(opacity)


def faded(color: QColor, opacity: float) -> QColor:
    """`color` with its alpha multiplied by `opacity` (0..1), to whole 8-bit steps.

    Whole steps keep a colour that rounds to opaque exactly opaque, so the end of a
    fade blends its glyphs as the text at rest does.
    """
    if opacity >= 1.0:
        return color
    result = QColor(color)
    result.setAlpha(round(color.alpha() * opacity))
    return result


def _draw_lines(
    painter: QPainter,
    rect: QRectF,
    fitted: FittedText,
    style: TextStyle,
    vertical: Qt.AlignmentFlag,
) -> QRectF:
    """Draw `fitted`'s lines with the painter's font and pen; return where they are."""
    top = rect.top()
    if vertical == Qt.AlignmentFlag.AlignVCenter:
        top += (rect.height() - fitted.height) / 2
    elif vertical == Qt.AlignmentFlag.AlignBottom:
        top += rect.height() - fitted.height
    flags = int(
        style.align
        | Qt.AlignmentFlag.AlignVCenter
        | Qt.TextFlag.TextSingleLine
        | Qt.TextFlag.TextDontClip
    )
    for number, line in enumerate(fitted.lines):
        line_top = top + number * fitted.line_step
        line_rect = QRectF(rect.left(), line_top, rect.width(), fitted.line_step)
        painter.drawText(line_rect, flags, line)
    return QRectF(QPointF(rect.left(), top), QPointF(rect.right(), top + fitted.height))


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    family: str,
    style: TextStyle,
    color: QColor,
    vertical: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> QRectF:
    """Fit `text` into `rect` and draw it; return the rectangle the lines occupy."""
    fitted = fit_text(text, family, style, rect.width(), rect.height())
    return draw_fitted(painter, rect, fitted, family, style, color, vertical)
