"""The bar chart's style and the pyqtgraph items it is built from.

`ChartStyle` holds the sizes of the chart's parts; `series_colours` and
`nice_ticks` choose its colours and axis ticks; `Swatch` is the legend's sample.
Like `kiosk.ui.panels.chart`, this module imports pyqtgraph, so only the chart imports it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from kiosk.ui.drawing.scale import BODY_MIN
from kiosk.ui.drawing.theme import Theme

pg.setConfigOptions(antialias=True)


@dataclass(frozen=True)
class ChartStyle:
    """Sizes of the chart's parts, in design pixels (1080 on the short side)."""

    heading: float = 36
    legend: float = 30
    label: float = 32
    label_min: float = BODY_MIN
    total: float = 32
    tick: float = 28
    tick_len: float = 10
    tick_gap: float = 10
    axis_height: float = 52
    legend_row: float = 44
    legend_spacing: float = 10
    gap: float = 18
    row_gap: float = 26
    label_gap: float = 6
    pitch_max: float = 150
    bottom_pad: float = 14
    edge: float = 24  # room left of the plot for the "0" tick label
    tip_gap: float = 14
    bar_min: float = 26
    bar_floor: float = 10  # bars get this thin, if they must, to leave names room to be read
    bar_max: float = 64
    max_ticks: int = 4


@dataclass(frozen=True)
class Timing:
    """When the bars grow: each category starts `stagger` after the previous one."""

    duration: float = 1.5
    stagger: float = 0.1
    delay: float = 0.0


@dataclass(frozen=True)
class Geometry:
    """Where the parts of the chart sit, in design pixels of the scene."""

    size: tuple[float, float]
    heading: QRectF
    plot: QRectF
    rows: tuple[QRectF, ...]  # the label band above each bar
    x_max: float
    ticks: tuple[tuple[float, str], ...]  # the value axis' ticks: value and label


def series_colours(theme: Theme, count: int) -> list[QColor]:
    """Bar colours that tell the series apart on the dark background.

    The first series is the amber accent, the second the red accent; further
    series take lighter tints of them.
    """
    palette = [theme.accent, theme.accent_red, _mix(theme.accent, theme.text, 0.55),
               _mix(theme.accent_red, theme.text, 0.55)]
    return palette[:count]


def _mix(a: QColor, b: QColor, share_b: float) -> QColor:
    """`a` blended with `share_b` of `b`."""
    pairs = zip((a.redF(), a.greenF(), a.blueF()), (b.redF(), b.greenF(), b.blueF()), strict=True)
    return QColor.fromRgbF(*(x + (y - x) * share_b for x, y in pairs))


def nice_ticks(top: float, most: int) -> list[float]:
    """At most `most` round values from 0 to at most `top` (steps of 1, 2 or 5 x 10^n)."""
    if top <= 0:
        return [0.0]
    raw = top / max(1, most)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return [i * step for i in range(int(top // step) + 1)]


class Swatch(pg.ItemSample):
    """A legend sample: a rounded square in the series' colour, sized like the text."""

    size = 26.0
    lead = 28.0  # space before the square, which separates legend entries

    def boundingRect(self) -> QRectF:
        """The square and the space before it."""
        return QRectF(0, 0, self.lead + self.size, self.size + 8)

    def paint(self, painter: QPainter, *args: object) -> None:
        """Paint the square."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pg.mkBrush(self.item.opts["brush"]))
        painter.drawRoundedRect(QRectF(self.lead, 4, self.size, self.size), 5, 5)
