"""Plain-text drawing that wraps, and shrinks to fit instead of clipping.

Content text is only ever drawn through this module with `QPainter.drawText`,
which never interprets markup: a title of `<b>Hi</b>` shows those characters.
Fitting is cached, so a panel repainted every frame measures its text once.
Text fading in is drawn in a translucent colour rather than under a painter
opacity (`opacity_as_alpha`): Qt's raster engine takes a much slower path for
text under an opacity below 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

HARD_FLOOR_PX = 6.0
SHRINK_STEP = 0.94


@dataclass(frozen=True)
class TextStyle:
    """How a block of text looks: its preferred and smallest size, weight and alignment."""

    pixel_size: float
    min_pixel_size: float
    weight: QFont.Weight = QFont.Weight.Normal
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    line_height: float = 1.18
    max_lines: int = 0  # 0: as many as fit


@dataclass(frozen=True)
class FittedText:
    """A text laid out for a box: the font size chosen and its lines."""

    pixel_size: float
    lines: tuple[str, ...]
    line_step: float
    width: float

    @property
    def height(self) -> float:
        """Height of the laid-out block in pixels."""
        return self.line_step * len(self.lines)


def make_font(family: str, pixel_size: float, weight: QFont.Weight) -> QFont:
    """A font of `family` at a (possibly fractional) pixel size."""
    font = QFont(family)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def wrap_lines(text: str, font: QFont, width: float) -> tuple[tuple[str, ...], float]:
    """Wrap `text` to `width` with `font`; return its lines and the widest line's width.

    Explicit newlines start new lines; words longer than the width break anywhere.
    """
    lines: list[str] = []
    widest = 0.0
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            start, length = line.textStart(), line.textLength()
            lines.append(paragraph[start : start + length].rstrip())
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
    return tuple(lines), widest


@lru_cache(maxsize=2048)
def fit_text(
    text: str, family: str, style: TextStyle, width: float, height: float
) -> FittedText:
    """Find the largest size (from `style.pixel_size` down) at which `text` fits the box.

    Below `style.min_pixel_size` it keeps shrinking rather than clip: a long edit by
    staff stays whole on screen, only smaller.
    """
    size = style.pixel_size
    while True:
        font = make_font(family, size, style.weight)
        lines, widest = wrap_lines(text, font, width)
        step = QFontMetricsF(font).height() * style.line_height / 1.2
        fits_lines = style.max_lines == 0 or len(lines) <= style.max_lines
        if (fits_lines and step * len(lines) <= height and widest <= width + 0.5) or (
            size <= HARD_FLOOR_PX
        ):
            return FittedText(size, lines, step, widest)
        size = max(HARD_FLOOR_PX, size * SHRINK_STEP)


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
