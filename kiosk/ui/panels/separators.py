"""Clear gaps around the separators of a figure, so that "$7.1" never reads "$71".

Inter tucks the period under the 7's arm and kerns it up to the 1: from two metres,
and to a text recogniser, "$7.1 billion" read "$71 billion". The figures' digits
are tabular (`tnum`: every digit as wide as the others) and unkerned
(`figure_font`), and `spaced` moves glyphs apart so that every decimal or grouping
mark has at least `MARK_GAP` of the type size clear of ink on both sides, and the
digit groups on either side of a space (French "148 200") at least `GROUP_GAP`,
beside any digit: the room is fixed per font (`spacing`), so a figure keeps its
width while it counts up. The gaps are shares of the size, so they hold at every
size, in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QRawFont

from kiosk.ui.drawing.theme import make_font
from kiosk.ui.panels.glyphs import Glyph, shape

MARK_GAP = 0.1  # of the size: clear space on each side of "." and ","
GROUP_GAP = 0.36  # of the size: clear space between two digit groups split by a space
MARKS = ".,'\u2019\u00b7\u066b\u066c"  # decimal and grouping marks
SPACES = " \u00a0\u202f\u2009\u2007"  # spaces between digit groups (or before a unit)


def figure_font(family: str, pixel_size: float, weight: QFont.Weight) -> QFont:
    """The digits' font: tabular figures, no kerning (no mark tucked under a 7)."""
    font = make_font(family, pixel_size, weight)
    font.setKerning(False)
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


@dataclass(frozen=True)
class Spacing:
    """The room added around each mark and space of a figure in one font, in pixels.

    Fixed per font, whatever digits stand beside a mark, so that tabular figures keep
    their width while they count up: each is the most any digit would need.
    """

    marks: dict[tuple[str, int], tuple[float, float]]  # glyph -> (before, after)
    spaces: dict[tuple[str, int], float]  # glyph -> after


@lru_cache(maxsize=64)
def spacing(font: QFont) -> Spacing:
    """How much room `font`'s marks and spaces need to keep their gaps beside any digit."""
    size = float(font.pixelSize())
    digits = [shape(font, digit)[0] for digit in "0123456789"]
    right = min(_advance(raw, index) - raw.boundingRect(index).right() for raw, index, _ in digits)
    left = min(raw.boundingRect(index).left() for raw, index, _ in digits)
    marks = {}
    for raw, index, _ in (shape(font, char)[0] for char in MARKS):
        ink = raw.boundingRect(index)
        before = MARK_GAP * size - (right + ink.left())
        after = MARK_GAP * size - (_advance(raw, index) - ink.right() + left)
        marks[(_font_key(raw), index)] = (max(0.0, before), max(0.0, after))
    spaces = {}
    for raw, index, _ in (shape(font, char)[0] for char in SPACES):
        gap = right + _advance(raw, index) + left
        spaces[(_font_key(raw), index)] = max(0.0, GROUP_GAP * size - gap)
    return Spacing(marks, spaces)


def spaced(font: QFont, text: str) -> list[Glyph]:
    """`text` shaped in `font`, its glyphs moved apart around marks and spaces (`spacing`).

    Only ever moves glyphs right, so a figure's left end stays on its baseline's origin.
    """
    room = spacing(font)
    out: list[Glyph] = []
    shift = 0.0
    for raw, index, position in shape(font, text):
        glyph = (_font_key(raw), index)
        before, after = room.marks.get(glyph, (0.0, room.spaces.get(glyph, 0.0)))
        shift += before
        out.append((raw, index, QPointF(position.x() + shift, position.y())))
        shift += after
    return out


def advance(glyphs: list[Glyph]) -> float:
    """How far shaped `glyphs` reach: the last one's origin plus its advance."""
    if not glyphs:
        return 0.0
    raw, index, position = glyphs[-1]
    return position.x() + _advance(raw, index)


def _advance(raw: QRawFont, index: int) -> float:
    return float(raw.advancesForGlyphIndexes([index])[0].x())


def _font_key(raw: QRawFont) -> str:
    return raw.familyName() + "/" + raw.styleName()
