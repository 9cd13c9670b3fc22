"""Fitting text: shrink to the floor, never below, then end with "…", never outside the box."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from kiosk.ui.drawing.text import ELLIPSIS, TextStyle, fit_text, make_font
from kiosk.ui.drawing.theme import register_fonts

FAMILY = "Inter"
STYLE = TextStyle(pixel_size=38, min_pixel_size=28)
SENTENCE = "Independent producers turn the spark of an idea into a story told on screen. "


@pytest.fixture(autouse=True)
def fonts(qapp) -> None:
    register_fonts()


def widest(fitted, style: TextStyle = STYLE) -> float:
    metrics = QFontMetricsF(make_font(FAMILY, fitted.pixel_size, style.weight))
    return max((metrics.horizontalAdvance(line) for line in fitted.lines), default=0.0)


def test_a_text_that_fits_keeps_its_size_and_every_character() -> None:
    fitted = fit_text("Pitch shows and raise money", FAMILY, STYLE, 600, 200)
    assert fitted.pixel_size == 38
    assert not fitted.elided and fitted.shown == len("Pitch shows and raise money")


def test_a_longer_text_shrinks_but_not_below_its_floor() -> None:
    fitted = fit_text(SENTENCE * 2, FAMILY, STYLE, 500, 200)
    assert 28 <= fitted.pixel_size < 38
    assert not fitted.elided


def test_a_text_too_long_at_its_floor_ends_with_an_ellipsis_inside_its_box() -> None:
    text = SENTENCE * 10
    fitted = fit_text(text, FAMILY, STYLE, 500, 200)
    assert fitted.pixel_size == 28
    assert fitted.elided and fitted.lines[-1].endswith(ELLIPSIS)
    assert fitted.height <= 200 and widest(fitted) <= 500.5
    assert 0 < fitted.shown < len(text)
    shown = " ".join(fitted.lines)[: -len(ELLIPSIS)]
    assert text.startswith(shown)  # the beginning, in order, nothing skipped


@pytest.mark.parametrize("width", [300, 420, 500, 640])
def test_the_cut_goes_after_a_whole_word(width) -> None:
    text = SENTENCE * 10
    fitted = fit_text(text, FAMILY, STYLE, width, 100)
    assert text[fitted.shown] in " .,"  # what is cut off starts between two words
    assert not fitted.lines[-1][: -len(ELLIPSIS)].endswith((" ", ",", "."))


def test_max_lines_is_a_limit_at_the_floor_too() -> None:
    style = TextStyle(92, 56, max_lines=2)
    fitted = fit_text(SENTENCE * 5, FAMILY, style, 1600, 900)
    assert fitted.pixel_size == 56 and len(fitted.lines) == 2 and fitted.elided


def test_lines_of_their_own_that_do_not_fit_are_cut_short() -> None:
    fitted = fit_text("a\n" * 50, FAMILY, STYLE, 500, 200)
    assert fitted.elided and fitted.height <= 200
    assert fitted.lines[-1].endswith(ELLIPSIS)


def test_a_box_without_room_for_one_line_at_the_floor_shows_nothing() -> None:
    fitted = fit_text("Anything", FAMILY, STYLE, 500, 10)
    assert fitted.lines == () and fitted.elided and fitted.shown == 0


def test_ten_thousand_emoji_end_with_an_ellipsis_on_whole_characters() -> None:
    text = "\U0001f600" * 10000
    style = TextStyle(92, 56, max_lines=2)
    fitted = fit_text(text, FAMILY, style, 1600, 300)
    assert fitted.pixel_size == 56 and len(fitted.lines) == 2 and fitted.elided
    assert set("".join(fitted.lines)) == {"\U0001f600", ELLIPSIS}  # no half a character
    assert widest(fitted, style) <= 1600.5


def test_joined_emoji_stay_whole_at_the_cut() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    fitted = fit_text(f"{family} " * 300, FAMILY, TextStyle(92, 56, max_lines=2), 1600, 300)
    last = fitted.lines[-1][: -len(ELLIPSIS)].rstrip()
    assert last.endswith(family)


def test_lines_with_characters_beyond_the_basic_plane_keep_their_text() -> None:
    """Qt counts an emoji as two; the lines must still be the text's own characters."""
    text = "Stories \U0001f3ac on every screen \U0001f30e for everyone " * 3
    fitted = fit_text(text, FAMILY, STYLE, 400, 1000)
    assert not fitted.elided
    assert " ".join(fitted.lines).split() == text.split()
