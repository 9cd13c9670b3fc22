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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

SHRINK_STEP = 0.94
ELLIPSIS = "\u2026"
NARROWEST_EM = 0.15  # no run of text averages narrower glyphs (to bound what is laid out)
WORD_BREAK_SHARE = 0.65  # an ellipsis goes after a whole word if that keeps this much of the line
TRAILING = " ,;:.-\u2013\u2014"  # left out before an ellipsis

WrapMode = QTextOption.WrapMode


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


@dataclass(frozen=True)
class Wrapped:
    """A text broken into lines: each line, where it starts in the text, the widest width."""

    lines: tuple[str, ...]
    starts: tuple[int, ...]
    widest: float


def make_font(family: str, pixel_size: float, weight: QFont.Weight) -> QFont:
    """A font of `family` at a (possibly fractional) pixel size."""
    font = QFont(family)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def _option(mode: WrapMode) -> QTextOption:
    option = QTextOption()
    option.setWrapMode(mode)
    return option


def utf16_to_index(text: str) -> Callable[[int], int]:
    """Map a Qt (UTF-16) offset into `text` to a Python string index.

    Qt counts a character beyond U+FFFF (most emoji) as two; Python as one.
    """
    if text.isascii() or all(ord(char) <= 0xFFFF for char in text):
        return lambda offset: offset
    indexes = [0]
    for index, char in enumerate(text, start=1):
        indexes.extend([index] * (2 if ord(char) > 0xFFFF else 1))
    return lambda offset: indexes[min(offset, len(indexes) - 1)]


def wrap_lines(text: str, font: QFont, width: float) -> Wrapped:
    """Wrap `text` to `width` with `font`.

    Explicit newlines start new lines; words longer than the width break anywhere.
    """
    lines: list[str] = []
    starts: list[int] = []
    widest, offset = 0.0, 0
    option = _option(WrapMode.WrapAtWordBoundaryOrAnywhere)
    for paragraph in text.split("\n"):
        index = utf16_to_index(paragraph)
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            start = index(line.textStart())
            end = index(line.textStart() + line.textLength())
            lines.append(paragraph[start:end].rstrip())
            starts.append(offset + start)
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
        offset += len(paragraph) + 1
    return Wrapped(tuple(lines), tuple(starts), widest)


def line_step(family: str, style: TextStyle, pixel_size: float) -> float:
    """The distance between two lines of `style` at `pixel_size`."""
    font = make_font(family, pixel_size, style.weight)
    return QFontMetricsF(font).height() * style.line_height / 1.2


def line_room(style: TextStyle, step: float, height: float) -> int:
    """How many lines of `step` pixels the style allows in `height`."""
    room = math.floor((height + 0.01) / step) if step > 0 else 0
    return min(room, style.max_lines) if style.max_lines else room


def _wrap_bounded(text: str, font: QFont, width: float, room: int) -> Wrapped:
    """`wrap_lines`, laying out only as much of a very long text as can tell it overflows.

    A prefix that already needs more than `room` lines shows the text overflows, and
    its first lines are the text's first lines; otherwise the whole text is wrapped.
    """
    bound = 2 * (room + 1) * (math.ceil(width / (NARROWEST_EM * font.pixelSize())) + 2) + 64
    if len(text) > bound:
        wrapped = wrap_lines(text[:bound], font, width)
        if len(wrapped.lines) > room:
            return wrapped
    return wrap_lines(text, font, width)


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
        wrapped = _wrap_bounded(text, font, width, room)
        if len(wrapped.lines) <= room and wrapped.widest <= width + 0.5:
            return FittedText(size, wrapped.lines, step, wrapped.widest, len(text))
        if size <= floor:
            return elide(text, wrapped, font, width, room, step)
        size = max(floor, size * SHRINK_STEP)


def elide(
    text: str, wrapped: Wrapped, font: QFont, width: float, room: int, step: float
) -> FittedText:
    """The first `room` lines of `wrapped`, the last one ending with "…" where it is cut."""
    size = float(font.pixelSize())
    if room <= 0:
        return FittedText(size, (), step, 0.0, 0, True)
    start = wrapped.starts[room - 1]
    last, kept = last_line(text[start:], font, width)
    lines = (*wrapped.lines[: room - 1], last)
    metrics = QFontMetricsF(font)
    widest = max(metrics.horizontalAdvance(line) for line in lines)
    shown = start + kept
    return FittedText(size, lines, step, widest, shown, shown < len(text))


def last_line(rest: str, font: QFont, width: float) -> tuple[str, int]:
    """The last line shown of a text cut short: as much of `rest` as fits, then "…".

    The cut goes after a whole word when that keeps most of the line. Returns the
    line and how many characters of `rest` it shows.
    """
    metrics = QFontMetricsF(font)
    room = max(1.0, width - metrics.horizontalAdvance(ELLIPSIS))
    flat = rest[: math.ceil(width / (NARROWEST_EM * font.pixelSize())) + 8].replace("\n", " ")
    if len(flat) == len(rest) and metrics.horizontalAdvance(flat) <= width:
        return flat, len(rest)  # only its line breaks did not fit: it shows whole on one line
    anywhere = _first_line_length(flat, font, room, WrapMode.WrapAnywhere)
    words = _first_line_length(flat, font, room, WrapMode.WrapAtWordBoundaryOrAnywhere)
    kept = flat[: words if words >= WORD_BREAK_SHARE * anywhere else anywhere].rstrip(TRAILING)
    return kept + ELLIPSIS, len(kept)


def _first_line_length(text: str, font: QFont, width: float, mode: WrapMode) -> int:
    """How many characters of `text` the first line of `width` pixels holds."""
    layout = QTextLayout(text, font)
    layout.setTextOption(_option(mode))
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    length = line.textLength()
    layout.endLayout()
    return utf16_to_index(text)(length)


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
