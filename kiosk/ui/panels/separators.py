"""Clear gaps around the separators of a figure, so that "$7.1" never reads "$71".

Inter tucks the period under the 7's arm and kerns it up to the 1: from two metres,
and to a text recogniser, "$7.1 billion" read "$71 billion". The figures' digits
are tabular (`tnum`: every digit as wide as the others) and unkerned
(`figure_font`), and `spaced` moves glyphs apart until every decimal or grouping
mark has at least `MARK_GAP` of the type size clear of ink on both sides, and
the digit groups on either side of a space (French "148 200") at least `GROUP_GAP`.
The gaps are shares of the size, so they hold at every size, in every language.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QRawFont

from kiosk.ui.panels.glyphs import Glyph, shape

MARK_GAP = 0.1  # of the size: clear space on each side of "." and ","
GROUP_GAP = 0.24  # of the size: clear space between two digit groups split by a space
MARKS = ".,'\u2019\u00b7\u066b\u066c"  # decimal and grouping marks
SPACES = " \u00a0\u202f\u2009\u2007"  # spaces between digit groups (or before a unit)


def figure_font(family: str, pixel_size: float, weight: QFont.Weight) -> QFont:
    """The digits' font: tabular figures, no kerning (no mark tucked under a 7)."""
    font = QFont(family)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


def _kinds(raw: QRawFont) -> tuple[set[int], set[int]]:
    """The glyph indexes of the marks and of the spaces in `raw`."""
    return set(raw.glyphIndexesForString(MARKS)), set(raw.glyphIndexesForString(SPACES))


def spaced(font: QFont, text: str) -> list[Glyph]:
    """`text` shaped in `font`, its glyphs moved apart around marks and spaces.

    Only ever moves glyphs right, so a figure's left end stays on its baseline's origin.
    """
    size = float(font.pixelSize())
    out: list[Glyph] = []
    kinds: dict[str, tuple[set[int], set[int]]] = {}
    shift, last_ink, last_was_mark, after_space = 0.0, None, False, False
    for raw, index, position in shape(font, text):
        marks, spaces = kinds.setdefault(raw.familyName() + raw.styleName(), _kinds(raw))
        moved = QPointF(position.x() + shift, position.y())
        if index in spaces:
            after_space = True
            out.append((raw, index, moved))
            continue
        ink = raw.boundingRect(index)
        is_mark = index in marks
        need = GROUP_GAP if after_space else MARK_GAP if is_mark or last_was_mark else 0.0
        if last_ink is not None and need:
            short = need * size - (moved.x() + ink.left() - last_ink)
            if short > 0:
                shift += short
                moved = QPointF(moved.x() + short, moved.y())
        out.append((raw, index, moved))
        last_ink, last_was_mark, after_space = moved.x() + ink.right(), is_mark, False
    return out


def advance(glyphs: list[Glyph]) -> float:
    """How far shaped `glyphs` reach: the last one's origin plus its advance."""
    if not glyphs:
        return 0.0
    raw, index, position = glyphs[-1]
    return position.x() + raw.advancesForGlyphIndexes([index])[0].x()
