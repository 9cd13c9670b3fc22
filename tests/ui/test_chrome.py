"""The chrome: touch targets big enough, on screen, clear of the bezel and of each other."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.core.content.model import Theme as ThemeSettings
from kiosk.core.show.frame import ChromeState, next_language, resting_chrome
from kiosk.ui.chrome.controls import (
    BOTTOM_GAP,
    EDGE_GAP,
    chrome_layout,
    hit_test,
    language_label,
    paint_chrome,
)
from kiosk.ui.drawing.scale import CHROME_HEIGHT, Scale
from kiosk.ui.drawing.theme import Theme

SIZES = [(1280, 720), (1920, 1080), (1080, 1920), (3840, 2160), (720, 1280)]
MIN_TARGET = 64  # design px
LANGUAGES = ["en", "fr"]


def screen(size: tuple[int, int]) -> QRectF:
    return QRectF(0, 0, *size)


def state(count: int, language: str = "en", opacity: float = 1.0) -> ChromeState:
    return ChromeState(
        count, 0, language, next_language(LANGUAGES, language), controls_opacity=opacity
    )


def overlapping_pairs(rects: dict[str, QRectF]) -> list[tuple[str, str]]:
    """Pairs of controls sharing more than a rounding error of area (neighbours may touch)."""
    pairs = itertools.combinations(rects.items(), 2)
    return [(a, b) for (a, ra), (b, rb) in pairs if area(ra.intersected(rb)) > 0.01]


def area(rect: QRectF) -> float:
    return max(0.0, rect.width()) * max(0.0, rect.height())


@pytest.mark.parametrize(("size", "count"), list(itertools.product(SIZES, [1, 3, 6, 7])))
def test_touch_targets_are_big_enough_on_screen_and_clear_of_the_edges(size, count) -> None:
    rect = screen(size)
    scale = Scale(rect)
    layout = chrome_layout(rect, state(count))
    assert set(layout) == {"lang", "prev", "next", *(f"dot:{i}" for i in range(count))}
    side, bottom = scale.px(EDGE_GAP), scale.px(BOTTOM_GAP)
    for name, area in layout.items():
        assert area.width() >= scale.px(MIN_TARGET) - 0.01, name
        assert area.height() >= scale.px(MIN_TARGET) - 0.01, name
        assert area.left() >= side - 0.01 and area.right() <= rect.right() - side + 0.01, name
        assert area.bottom() <= rect.bottom() - bottom + 0.01, name
        assert area.top() >= rect.bottom() - scale.px(CHROME_HEIGHT), f"{name} above the band"


@pytest.mark.parametrize(("size", "count"), list(itertools.product(SIZES, [1, 3, 6, 7])))
def test_no_two_controls_overlap(size, count) -> None:
    assert overlapping_pairs(chrome_layout(screen(size), state(count))) == []


def test_dots_stay_centred_when_there_is_room() -> None:
    rect = screen((1920, 1080))
    layout = chrome_layout(rect, state(6))
    middle = (layout["dot:0"].left() + layout["dot:5"].right()) / 2
    assert middle == pytest.approx(960)


@pytest.mark.parametrize("size", SIZES)
def test_many_panels_pack_the_dots_on_screen_without_overlap(size) -> None:
    rect = screen(size)
    layout = chrome_layout(rect, state(50))
    assert all(rect.contains(area) for area in layout.values())
    assert overlapping_pairs(layout) == []


def test_a_single_language_has_no_language_button() -> None:
    layout = chrome_layout(screen((1920, 1080)), ChromeState(3, 0, "en", None))
    assert "lang" not in layout
    assert language_label(ChromeState(3, 0, "en", None)) == ""


@pytest.mark.parametrize(("language", "label"), [("en", "Français"), ("fr", "English")])
def test_language_button_names_the_other_language(language, label) -> None:
    assert language_label(resting_chrome(LANGUAGES, 6, 0, language)) == label


def test_next_language_cycles_and_ignores_unknown() -> None:
    assert next_language(["en", "fr", "de"], "fr") == "de"
    assert next_language(["en", "fr", "de"], "de") == "en"
    assert next_language(["en", "fr"], "es") is None
    assert next_language(["en"], "en") is None


@pytest.mark.parametrize("size", SIZES)
def test_hit_test_finds_each_control_at_its_centre(size) -> None:
    rect = screen(size)
    shown = state(6)
    for name, area in chrome_layout(rect, shown).items():
        assert hit_test(rect, shown, area.center()) == name


def test_hidden_arrows_do_not_answer_but_dots_and_language_do() -> None:
    rect = screen((1920, 1080))
    hidden = state(6, opacity=0.0)
    layout = chrome_layout(rect, hidden)
    assert hit_test(rect, hidden, layout["prev"].center()) is None
    assert hit_test(rect, hidden, layout["next"].center()) is None
    assert hit_test(rect, hidden, layout["dot:2"].center()) == "dot:2"
    assert hit_test(rect, hidden, layout["lang"].center()) == "lang"


def test_the_panel_itself_is_not_a_control() -> None:
    rect = screen((1920, 1080))
    assert hit_test(rect, state(6), QPointF(960, 400)) is None
    assert hit_test(rect, state(6), QPointF(5, 1075)) is None


# painting ------------------------------------------------------------------------------
def paint(shown: ChromeState, size: tuple[int, int] = (960, 540)) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    paint_chrome(painter, screen(size), shown, Theme.from_settings(ThemeSettings()))
    painter.end()
    return image


def colour_at(image: QImage, point: QPointF) -> QColor:
    return image.pixelColor(round(point.x()), round(point.y()))


def test_current_dot_is_in_the_accent_colour(qapp) -> None:
    theme = ThemeSettings()
    shown = ChromeState(6, 2, "en", "fr")
    layout = chrome_layout(screen((960, 540)), shown)
    image = paint(shown)
    assert colour_at(image, layout["dot:2"].center()) == QColor(theme.accent)
    assert colour_at(image, layout["dot:3"].center()) != QColor(theme.accent)


def test_arrows_appear_only_with_the_controls(qapp) -> None:
    layout = chrome_layout(screen((960, 540)), state(6))
    hidden, shown = paint(state(6, opacity=0.0)), paint(state(6, opacity=1.0))
    centre = layout["next"].center()
    assert colour_at(hidden, centre) == QColor("#000000")
    assert colour_at(shown, centre) != QColor("#000000")


def test_language_labels_paint_differently(qapp) -> None:
    assert paint(state(6, "en")) != paint(state(6, "fr"))


def test_countdown_and_problem_marker_are_painted(qapp) -> None:
    plain = paint(state(6, opacity=0.0))
    counting = paint(ChromeState(6, 0, "en", "fr", countdown=3))
    marked = paint(ChromeState(6, 0, "en", "fr", problem_marker=True))
    top_band = plain.copy(0, 0, 960, 100)
    chrome_band = plain.copy(0, 480, 960, 60)
    # The countdown sits in the chrome band, where the dots were: it covers no content.
    assert counting.copy(0, 480, 960, 60) != chrome_band
    assert counting.copy(0, 0, 960, 480) == plain.copy(0, 0, 960, 480)
    assert marked.copy(0, 0, 960, 100) != top_band
