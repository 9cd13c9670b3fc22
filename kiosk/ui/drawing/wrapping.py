"""Breaking text into lines, and cutting a text short with "…" where it must end.

`wrap_lines` breaks at word boundaries (anywhere inside a word too long for a line);
`wrap_bounded` lays out only as much of a very long text (10,000 emoji) as needed to
know it overflows. `elide` keeps the lines that fit and ends the last with "…", after
a whole word when that keeps most of the line. Qt counts in UTF-16 (an emoji is two),
Python in characters: `utf16_to_index` maps one to the other.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

ELLIPSIS = "\u2026"
NARROWEST_EM = 0.15  # no run of text averages narrower glyphs (to bound what is laid out)
WORD_BREAK_SHARE = 0.65  # an ellipsis goes after a whole word if that keeps this much of the line
TRAILING = " ,;:.-\u2013\u2014"  # left out before an ellipsis

WrapMode = QTextOption.WrapMode


@dataclass(frozen=True)
class Wrapped:
    """A text broken into lines: each line, where it starts in the text, the widest width."""

    lines: tuple[str, ...]
    starts: tuple[int, ...]
    widest: float


@dataclass(frozen=True)
class Elided:
    """The lines of a text cut short, the widest line's width, and how many characters show."""

    lines: tuple[str, ...]
    widest: float
    shown: int


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


def wrap_bounded(text: str, font: QFont, width: float, room: int) -> Wrapped:
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


def elide(text: str, wrapped: Wrapped, font: QFont, width: float, room: int) -> Elided:
    """The first `room` lines of `wrapped`, the last one ending with "…" where it is cut."""
    if room <= 0:
        return Elided((), 0.0, 0)
    start = wrapped.starts[room - 1]
    last, kept = last_line(text[start:], font, width)
    lines = (*wrapped.lines[: room - 1], last)
    metrics = QFontMetricsF(font)
    widest = max(metrics.horizontalAdvance(line) for line in lines)
    return Elided(lines, widest, start + kept)


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
