"""Separators keep a clear gap on both sides at every size: "$7.1" never reads "$71"."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from kiosk.ui.drawing.theme import register_fonts
from kiosk.ui.panels.figures import FigureType
from kiosk.ui.panels.glyphs import shape
from kiosk.ui.panels.separators import GROUP_GAP, MARK_GAP, spaced

SIZES = [24, 43, 64, 65, 96, 119, 150, 250]  # 43: the figures' floor on an 800x480 screen
TEXTS = ["$7.1", "7,1", "$1.1", "$7.7", "148,200", "148\u00a0200", "12,5", "1.1.1", "$0.04"]


@pytest.fixture(autouse=True)
def fonts(qapp) -> None:
    register_fonts()


def ink_gaps(text: str, size: int) -> list[tuple[str, float]]:
    """(kind, gap) between each pair of inked glyphs: 'mark', 'group' or 'digits'."""
    glyphs = spaced(FigureType.at(size).digits, text)
    inked = [(raw.boundingRect(index), position) for raw, index, position in glyphs]
    gaps, last, after_space = [], None, False
    for char, (ink, position) in zip(text, inked, strict=True):
        if ink.isEmpty():
            after_space = True
            continue
        left, right = position.x() + ink.left(), position.x() + ink.right()
        if last is not None:
            beside_mark = "mark" in (char_kind(char), last[1])
            kind = "group" if after_space else "mark" if beside_mark else ""
            gaps.append((kind, left - last[0]))
        last, after_space = (right, char_kind(char)), False
    return gaps


def char_kind(char: str) -> str:
    return "mark" if char in ".," else "digit"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text", TEXTS)
def test_marks_and_digit_groups_keep_their_gap(text, size) -> None:
    for kind, gap in ink_gaps(text, size):
        if kind == "mark":
            assert gap >= MARK_GAP * size - 0.01, f"{text!r} at {size}px: {gap:.2f}px"
        elif kind == "group":
            assert gap >= GROUP_GAP * size - 0.01, f"{text!r} at {size}px: {gap:.2f}px"


def test_digits_are_tabular_so_a_count_up_keeps_its_width() -> None:
    figure = FigureType.at(120)
    widths = {round(figure.width(f"${digit}.{digit} billion")) for digit in "0123456789"}
    assert len(widths) == 1


def test_without_the_gaps_inter_would_tuck_the_period_under_the_seven() -> None:
    """Why the figures turn kerning off: Inter kerns "7." until the period is under the 7."""
    font = QFont(FigureType.at(120).digits)
    font.setKerning(True)
    font.setFeature(QFont.Tag("tnum"), 0)
    (seven, seven_index, _), (dot, dot_index, dot_at) = shape(font, "7.")
    assert dot_at.x() + dot.boundingRect(dot_index).left() < seven.boundingRect(
        seven_index
    ).right()
