"""The bar chart's words: its heading, category names and series names, fitted to their room.

Each is fitted like every panel text (`kiosk.ui.drawing.text.fit_text`): it shrinks down to
the body floor, then ends with "…", so a long name never runs out of the chart. The legend
holds at most `LEGEND_COLUMNS` names side by side, in rows, so each keeps room to be read.
Sizes are the chart's design pixels (1080 on the screen's short side).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont

from kiosk.ui.drawing.text import FittedText, TextStyle, fit_text
from kiosk.ui.panels.chart_items import ChartStyle, Swatch

HEADING_SHARE = 0.2  # of the chart's height, at most, for its heading
LEGEND_COLUMNS = 2
LEGEND_PADDING = 12  # design px around a legend label's text (pyqtgraph's text item margins)
UNLIMITED = 1e6  # design px: no limit on a legend label's width


@dataclass(frozen=True)
class ChartTexts:
    """The chart's texts in one language, plain, and how they are fitted."""

    title: str
    categories: list[str]
    series_names: list[str]
    style: ChartStyle
    family: str

    @property
    def legend_columns(self) -> int:
        """Series names side by side in the legend: two at most, in rows, so each has room."""
        return max(1, min(LEGEND_COLUMNS, len(self.series_names)))

    @property
    def heading_style(self) -> TextStyle:
        """The chart's heading: up to two lines, shrinking to the body floor."""
        st = self.style
        return TextStyle(st.heading, st.label_min, QFont.Weight.DemiBold, max_lines=2)

    @property
    def label_style(self) -> TextStyle:
        """The category names over the bars, shrinking to the body floor."""
        return TextStyle(self.style.label, self.style.label_min, QFont.Weight.Medium)

    def heading_fit(self, size: tuple[float, float]) -> FittedText:
        """The heading fitted to the top of a chart of `size`."""
        return fit_text(self.title, self.family, self.heading_style, size[0],
                        size[1] * HEADING_SHARE)

    def name_fits(self, rows: tuple[QRectF, ...]) -> list[FittedText]:
        """Each category name fitted to the band over its bar."""
        return [fit_text(name, self.family, self.label_style, band.width(), band.height())
                for band, name in zip(rows, self.categories, strict=True)]

    def legend_fits(self, width: float) -> list[FittedText]:
        """Each series name fitted, on one line, to its column of a legend `width` wide."""
        st, count = self.style, self.legend_columns
        sample = Swatch.lead + Swatch.size + st.legend_spacing + LEGEND_PADDING
        column = max(1.0, (width + 8 - count * sample) / count)
        style = TextStyle(st.legend, st.legend, QFont.Weight.Medium, max_lines=1)
        return [fit_text(name, self.family, style, column, st.legend_row)
                for name in self.series_names]

    def legend_labels(self, width: float | None = None) -> list[str]:
        """The (escaped) strings handed to pyqtgraph's legend, which reads HTML.

        Given the chart's `width`, each name is cut short to its column (`legend_fits`).
        """
        if width is None:
            return [html.escape(name) for name in self.series_names]
        return [html.escape(" ".join(fitted.lines)) for fitted in self.legend_fits(width)]

    def visible(self) -> list[str]:
        """Every content text the chart shows, as plain text."""
        return [self.title, *self.categories, *self.series_names]


def relabel_legend(legend: pg.LegendItem, labels: list[str]) -> None:
    """Give pyqtgraph's `legend` new (escaped) `labels`, each label as wide as its text.

    pyqtgraph keeps a label as wide as its longest text so far; a name cut short for a
    narrower chart must not keep the room of the longer one.
    """
    for (_, label), text in zip(legend.items, labels, strict=True):
        label.setMaximumWidth(UNLIMITED)
        label.setText(text)
        label.setMaximumWidth(label.minimumWidth())
    legend.layout.invalidate()
    legend.adjustSize()
    legend.layout.activate()
