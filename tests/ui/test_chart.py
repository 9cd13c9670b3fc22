"""The stats panel's bar chart: growth with t, localized labels, plain text, no mouse."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.core.content.model import Chart
from kiosk.core.content.model import Theme as ThemeSettings
from kiosk.core.content.numbers import format_figure
from kiosk.core.show.easing import staggered
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.chart import BarChart
from kiosk.ui.panels.chart_items import Timing, nice_ticks

DIRECT = [21100, 3200, 21500, 12500]
SPIN_OFF = [32600, 4900, 33100, 19300]
TIMING = Timing(duration=1.5, stagger=0.1, delay=0.3)
PANELS = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "panels"


def make_chart(language: str = "en", series_name: str = "Direct", stacked: bool = True) -> BarChart:
    chart = Chart.model_validate(
        {
            "title": {"en": "FTE jobs by sector", "fr": "Emplois ETP par secteur"},
            "categories": [
                {"en": "Canadian TV", "fr": "Télé canadienne"},
                "<b>x</b>",
                {"en": "Foreign location", "fr": "Tournages étrangers"},
                {"en": "Broadcaster in-house", "fr": "Diffuseurs"},
            ],
            "series": [
                {"name": {"en": series_name, "fr": "Directs"}, "values": DIRECT},
                {"name": {"en": "Spin-off", "fr": "Indirects"}, "values": SPIN_OFF},
            ],
            "stacked": stacked,
        }
    )
    return BarChart(chart, language, "en", Theme.from_settings(ThemeSettings()), TIMING)


@pytest.fixture
def chart(qapp) -> BarChart:
    return make_chart()


def test_bar_heights_are_value_times_eased_progress(chart: BarChart) -> None:
    t = 0.9
    heights = chart.bar_heights(t)
    for series, values in zip(heights, (DIRECT, SPIN_OFF), strict=True):
        for index, (height, value) in enumerate(zip(series, values, strict=True)):
            progress = staggered(t, index, duration=1.5, stagger=0.1, delay=0.3)
            assert 0.0 < progress < 1.0
            assert height == pytest.approx(value * progress)


def test_bars_are_zero_at_start_and_exactly_the_values_once_settled(chart: BarChart) -> None:
    assert chart.bar_heights(0.0) == [[0.0] * 4, [0.0] * 4]
    assert chart.bar_heights(chart.settle_seconds) == [DIRECT, SPIN_OFF]
    assert chart.bar_heights(100.0) == [DIRECT, SPIN_OFF]
    assert chart.settle_seconds == pytest.approx(0.3 + 3 * 0.1 + 1.5)


def test_totals_are_stacked_sums_in_the_language(qapp) -> None:
    en, fr = make_chart("en"), make_chart("fr")
    assert en.total_texts(10.0) == ["53,700", "8,100", "54,600", "31,800"]
    assert fr.total_texts(10.0)[0] == format_figure(53700, "number", "fr")
    assert fr.total_texts(10.0)[0] != "53,700"
    assert en.total_texts(0.0) == ["0"] * 4


def test_side_by_side_bars_are_as_long_as_the_longest_series(qapp) -> None:
    chart = make_chart(stacked=False)
    assert chart.totals() == [max(a, b) for a, b in zip(DIRECT, SPIN_OFF, strict=True)]


def test_strings_reach_pyqtgraph_escaped_and_show_literally(qapp) -> None:
    chart = make_chart(series_name="<b>x</b>")
    assert chart.legend_labels()[0] == "&lt;b&gt;x&lt;/b&gt;"
    shown = [label.item.toPlainText() for _, label in chart.legend.items]
    assert shown == ["<b>x</b>", "Spin-off"]
    assert "<b>x</b>" in chart.visible_texts()


def test_localized_labels(qapp) -> None:
    chart = make_chart("fr")
    assert chart.title == "Emplois ETP par secteur"
    assert chart.categories[0] == "Télé canadienne"
    assert chart.series_names == ["Directs", "Indirects"]


def test_tick_labels_use_the_language_number_style(qapp) -> None:
    chart = make_chart("fr")
    ticks = chart.geometry((620.0, 590.0)).ticks
    assert len(ticks) >= 3
    assert all(text == format_figure(value, "number", "fr") for value, text in ticks)
    assert ticks[1][1] not in ("20,000", "20000")


def test_nice_ticks_are_round_and_few() -> None:
    assert nice_ticks(63000, 4) == [0, 20000, 40000, 60000]
    assert nice_ticks(9, 4) == [0, 5]
    assert nice_ticks(0, 4) == [0.0]


def test_chart_ignores_the_mouse(chart: BarChart) -> None:
    assert chart.scene.views() == [chart.view]  # pyqtgraph's pixels, never shown
    assert not chart.view.isVisible() and not chart.view.isInteractive()
    assert chart.bar_scene.views() == []
    items = chart.scene.items() + chart.bar_scene.items()
    assert items
    assert all(item.acceptedMouseButtons() == Qt.MouseButton.NoButton for item in items)
    assert not chart.plot.getViewBox().state["mouseEnabled"][0]


def paint(chart: BarChart, t: float) -> QImage:
    image = QImage(700, 640, QImage.Format.Format_RGB32)
    image.fill(QColor("#0F1B2D"))
    painter = QPainter(image)
    rect = QRectF(40, 20, 620, 600)
    chart.paint_static(painter, rect, 1.0)
    chart.paint_dynamic(painter, rect, 1.0, t)
    painter.end()
    return image


def amber_pixels(image: QImage) -> int:
    amber = QColor("#F5B041").rgb()
    return sum(
        image.pixel(x, y) == amber for x in range(0, image.width(), 4) for y in range(0, 640, 4)
    )


def test_bars_grow_on_screen(chart: BarChart) -> None:
    start, middle, end = (amber_pixels(paint(chart, t)) for t in (0.0, 0.9, 5.0))
    assert start < middle < end  # at 0 only the legend's swatch is amber
    assert paint(chart, 5.0) == paint(chart, 50.0)


def test_the_chart_uses_no_private_attribute_of_pyqtgraph() -> None:
    """Only `self._x` of our own objects: nothing reaches into pyqtgraph's internals."""
    private = []
    for module in ("chart.py", "chart_items.py"):
        path = PANELS / module
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            own = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and (
                node.value.id in ("self", "cls"))
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not own:
                private.append(f"{module}:{node.lineno} {node.attr}")
            dunder = node.name.startswith("__") if isinstance(node, ast.FunctionDef) else True
            if isinstance(node, ast.FunctionDef) and node.name.endswith("_") and not dunder:
                private.append(f"{module}:{node.lineno} overrides {node.name}")
    assert private == []
