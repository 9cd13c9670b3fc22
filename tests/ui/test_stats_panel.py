"""The statistics panel: count-up figures, settled picture, layout at every screen size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.numbers import parse_decimal
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from kiosk.core.content.model import Content
from kiosk.core.content.numbers import format_figure, locale_for
from kiosk.ui.drawing.scale import CHROME_HEIGHT, LABEL, Scale
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.base import ViewContext
from kiosk.ui.panels.figures import split_figure
from kiosk.ui.panels.registry import build_view
from kiosk.ui.panels.stats import StatsView
from tests.support import STATS_PANEL

SIZES = [(1280, 720), (1920, 1080), (1080, 1920), (3840, 2160)]

def make_view(language: str = "en", reduced_motion: bool = False) -> StatsView:
    content = Content.model_validate(
        {"languages": ["en", "fr"], "default_language": "en", "panels": [STATS_PANEL]}
    )
    theme = Theme.from_settings(content.settings.theme)
    ctx = ViewContext(content, language, theme, Path("."), reduced_motion)
    view = build_view(content.panels[0], ctx)
    assert isinstance(view, StatsView)
    return view


def render(view: StatsView, t: float, size: tuple[int, int] = (960, 540)) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(view.ctx.theme.background)
    painter = QPainter(image)
    view.paint(painter, QRectF(0, 0, *size), t)
    painter.end()
    return image


@pytest.fixture
def view(qapp) -> StatsView:
    return make_view()


def test_mid_count_frame_differs_from_settled(view: StatsView) -> None:
    assert render(view, 0.3) != render(view, 10.0)


def test_settled_frame_is_final(view: StatsView) -> None:
    assert 1.5 <= view.settle_seconds <= 2.5
    assert render(view, view.settle_seconds) == render(view, 100.0)


def test_reduced_motion_shows_the_settled_frame_at_once(qapp) -> None:
    moving, still = make_view(), make_view(reduced_motion=True)
    assert render(still, 0.0) == render(moving, 100.0)
    assert still.figure_texts(0.0) == moving.figure_texts(100.0)


def test_settled_figures_in_english(view: StatsView) -> None:
    assert view.figure_texts(view.settle_seconds) == [
        "$7.1 billion", "$8.9 billion", "$3.2 billion", "148,200"]


def test_settled_figures_in_french(qapp) -> None:
    texts = make_view("fr").figure_texts(100.0)
    space = format_figure(148200, "number", "fr")[3]
    assert space.isspace() and space != " "
    assert texts[0] == "7,1 milliards\u00a0$"
    assert texts[3] == f"148{space}200"


def number_in(text: str, language: str) -> float:
    """The number a figure shows, read back with the language's separators."""
    digits = re.sub(r"[^\d,.\s]", "", split_figure(text)[0]).strip()
    return float(parse_decimal(digits, locale=locale_for(language), strict=True))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_figures_count_up_from_zero_without_going_back(qapp, language: str) -> None:
    view = make_view(language)
    start = view.figure_texts(0.0)
    assert all(number_in(text, language) == 0 for text in start)
    previous = [0.0] * len(start)
    for step in range(1, 61):
        values = [number_in(text, language) for text in view.figure_texts(step * 0.04)]
        assert all(now >= before for now, before in zip(values, previous, strict=True))
        previous = values
    assert previous == [7.1, 8.9, 3.2, 148200]


def test_figures_are_the_largest_type(view: StatsView) -> None:
    layout = view.layout(QRectF(0, 0, 1920, 1080))
    title = layout.texts.texts["title"].pixel_size
    assert layout.figure.digits.pixelSize() > title
    assert layout.figure.digits.pixelSize() >= 110
    labels = [b.pixel_size for k, b in layout.texts.texts.items() if k.startswith("label:")]
    assert min(labels) >= LABEL - 0.5


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_source_is_inside_and_above_the_chrome(qapp, size: tuple[int, int], language: str) -> None:
    view = make_view(language)
    rect = QRectF(0, 0, *size)
    source = view.layout(rect).texts.texts["source"]
    chrome_top = rect.bottom() - Scale(rect).px(CHROME_HEIGHT)
    assert rect.contains(source.rect)
    assert source.rect.bottom() <= chrome_top + 0.5
    assert source.pixel_size >= Scale(rect).px(24) - 0.5
    assert " ".join(source.fitted.lines).replace("  ", " ") == view.source


@pytest.mark.parametrize("size", SIZES)
def test_figures_and_chart_stay_inside_the_content_area(qapp, size: tuple[int, int]) -> None:
    view = make_view("fr")
    rect = QRectF(0, 0, *size)
    layout = view.layout(rect)
    area = Scale(rect).content_rect().adjusted(-1, -1, 1, 1)
    texts = view.figure_texts(100.0)
    for baseline, text in zip(layout.baselines, texts, strict=True):
        assert area.contains(baseline)
        assert baseline.x() + layout.figure.width(text) <= area.right()
    assert area.contains(layout.chart_rect)
    assert layout.chart_rect.bottom() <= layout.texts.texts["source"].rect.top()


def test_split_figure_keeps_digits_big_and_words_small() -> None:
    assert split_figure("$7.1 billion") == ("$7.1", " billion")
    assert split_figure("7,1 milliards\u00a0$") == ("7,1", " milliards\u00a0$")
    assert split_figure("148,200") == ("148,200", "")
    assert split_figure("12\u00a0%") == ("12\u00a0%", "")


def test_content_text_stays_plain(view: StatsView) -> None:
    assert "<b>x</b>" in view.visible_texts()
    assert view.source in view.visible_texts()
