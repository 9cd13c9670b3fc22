"""The statistics panel's bar chart: horizontal stacked bars drawn by pyqtgraph.

Two scenes, laid out in design pixels (1080 on the short side of the screen) and
painted into the panel with their `render`, scaled to the screen: pyqtgraph's
public API only, and nothing accepts the mouse.

- The static scene belongs to a `pg.GraphicsView` (never shown, deaf to input:
  pyqtgraph measures tick labels in its view's pixels) and holds a `PlotItem` with
  its value `AxisItem`, and the `LegendItem`. With the heading and the category
  names, it is rendered once per panel size into the panel's sprite (the view is
  per language).
- The bar scene holds a `ViewBox` over the plot's, with the same range, and one
  `BarGraphItem` per series. Each frame sets the bars' lengths,
  ``value * eased progress(t)``, renders that scene, and draws the totals at the
  tips. It has no view: pyqtgraph then measures no pixels for the bars every frame.

Content strings handed to pyqtgraph (legend names) are HTML-escaped, because
pyqtgraph's labels interpret HTML; category names and the heading are drawn
with `QPainter.drawText` through `kiosk.ui.drawing.text`, which never does.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from kiosk.core.content.cleantext import localized_text
from kiosk.core.content.model import Chart
from kiosk.core.content.numbers import format_figure
from kiosk.core.show.easing import stagger_end, staggered
from kiosk.ui.drawing.cache import Cached
from kiosk.ui.drawing.text import draw_fitted, line_step
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.chart_items import (
    ChartStyle,
    Geometry,
    Swatch,
    Timing,
    nice_ticks,
    series_colours,
)
from kiosk.ui.panels.chart_texts import ChartTexts, relabel_legend


class BarChart:
    """A localized bar chart that grows with `t` and paints into a panel.

    Parameters
    ----------
    chart : Chart
        The chart from the content.
    language, fallback : str
        The language to show, and the content's default language.
    theme : Theme
        Colours and font family.
    timing : Timing
        When each category's bar grows.
    """

    def __init__(
        self, chart: Chart, language: str, fallback: str, theme: Theme, timing: Timing
    ) -> None:
        self.language = language
        self.theme = theme
        self.timing = timing
        self.style = ChartStyle()
        self.texts = ChartTexts(
            localized_text(chart.title, language, fallback),
            [localized_text(c, language, fallback) for c in chart.categories],
            [localized_text(s.name, language, fallback) for s in chart.series],
            self.style,
            theme.family,
        )
        self.title, self.categories = self.texts.title, self.texts.categories
        self.series_names = self.texts.series_names
        count = len(self.categories)
        self.values = [[(s.values[i] if i < len(s.values) else 0.0) for i in range(count)]
                       for s in chart.series]
        self.stacked = chart.stacked
        self.colours = series_colours(theme, len(self.values))
        self.view = pg.GraphicsView(background=None)  # pyqtgraph's pixels; never shown
        self.view.setInteractive(False)
        self.scene: QGraphicsScene = self.view.scene()
        self.bar_scene = QGraphicsScene()
        self.bar_scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # bars move
        self._geometry: Cached[tuple[float, float], Geometry] = Cached()
        self._build_items()

    # -- time ---------------------------------------------------------------------------

    @property
    def settle_seconds(self) -> float:
        """When the last bar has finished growing."""
        t = self.timing
        return stagger_end(len(self.categories), t.duration, t.stagger, t.delay)

    def progress(self, t: float) -> list[float]:
        """Eased growth 0..1 of each category's bar at `t`."""
        tm = self.timing
        return [staggered(t, i, duration=tm.duration, stagger=tm.stagger, delay=tm.delay)
                for i in range(len(self.categories))]

    def bar_heights(self, t: float) -> list[list[float]]:
        """Length of every bar segment at `t`, per series then category: value * progress."""
        grown = self.progress(t)
        return [[v * p for v, p in zip(row, grown, strict=True)] for row in self.values]

    def totals(self) -> list[float]:
        """Final length of each category's bar (the sum when stacked, else the longest)."""
        if self.stacked:
            return [math.fsum(col) for col in zip(*self.values, strict=True)]
        return [max(col) for col in zip(*self.values, strict=True)]

    def total_texts(self, t: float) -> list[str]:
        """The number shown at the tip of each bar at `t`, in the chart's language."""
        return [format_figure(v * p, "number", self.language)
                for v, p in zip(self.totals(), self.progress(t), strict=True)]

    def legend_labels(self) -> list[str]:
        """The (escaped) series names handed to pyqtgraph's legend, as the content has them."""
        return self.texts.legend_labels()

    def visible_texts(self) -> list[str]:
        """Every content text the chart shows, as plain text."""
        return self.texts.visible()

    # -- pyqtgraph items ------------------------------------------------------------------

    def _build_items(self) -> None:
        """Create the plot and its axis, the bars' view box, one bar item per series, the legend."""
        self.plot = pg.PlotItem(enableMenu=False)
        self.plot.hideButtons()
        self.plot.hideAxis("left")
        self.bar_box = pg.ViewBox(enableMenu=False)
        for box in (self.plot.getViewBox(), self.bar_box):
            box.setMouseEnabled(x=False, y=False)
            box.invertY(True)
            box.disableAutoRange()
        self.bar_scene.addItem(self.bar_box)
        self.bars = []
        for colour in self.colours:
            bar = pg.BarGraphItem(x0=[0.0], y0=[0.0], width=[0.0], height=[0.0],
                                  brush=colour, pen=pg.mkPen(None))
            self.bar_box.addItem(bar)
            self.bars.append(bar)
        self.legend = None
        if len(self.bars) > 1:
            self.legend = pg.LegendItem(
                colCount=self.texts.legend_columns, labelTextColor=self.theme.text,
                labelTextSize=f"{self.style.legend}px", horSpacing=self.style.legend_spacing,
                sampleType=Swatch)
            self.legend.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
            for bar, label in zip(self.bars, self.legend_labels(), strict=True):
                self.legend.addItem(bar, label)
            self.scene.addItem(self.legend)
        self.scene.addItem(self.plot)
        self._style_items()
        for item in [*self.scene.items(), *self.bar_scene.items()]:
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            item.setAcceptHoverEvents(False)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, False)

    def _style_items(self) -> None:
        """Kiosk colours and sizes instead of pyqtgraph's grey-on-black defaults."""
        st, th = self.style, self.theme
        axis = self.plot.getAxis("bottom")
        axis.setStyle(tickFont=th.font(st.tick, QFont.Weight.Medium), tickLength=-st.tick_len,
                      tickTextOffset=st.tick_gap, hideOverlappingLabels=False)
        axis.setTextPen(pg.mkPen(th.muted))
        axis.setPen(pg.mkPen(QColor(th.muted.red(), th.muted.green(), th.muted.blue(), 110),
                             width=2))
        axis.setHeight(st.axis_height)
        if self.legend is not None:
            for sample, label in self.legend.items:
                label.item.setFont(th.font(st.legend, QFont.Weight.Medium))
                sample.setFixedWidth(Swatch.lead + Swatch.size)
                sample.setFixedHeight(Swatch.size + 8)

    # -- layout ---------------------------------------------------------------------------

    def geometry(self, size: tuple[float, float]) -> Geometry:
        """Lay the chart out in a scene of `size` design pixels (cached per size)."""
        return self._geometry.get(size, lambda: self._layout(size))

    def _layout(self, size: tuple[float, float]) -> Geometry:
        """Place the heading, legend, plot and label bands; configure the view range."""
        width, height = size
        st = self.style
        heading = QRectF(0, 0, width, self.texts.heading_fit(size).height)
        top = heading.bottom() + st.gap
        if self.legend is not None:
            relabel_legend(self.legend, self.texts.legend_labels(width))
            self.legend.setPos(-8 - Swatch.lead, top - 6)
            top += st.legend_row * math.ceil(len(self.bars) / self.texts.legend_columns)
        room = height - top - st.gap
        rows_h = min(room - st.axis_height, len(self.categories) * st.pitch_max + st.bottom_pad)
        plot = QRectF(0, top + st.gap, width, max(1.0, rows_h + st.axis_height))
        self.plot.setGeometry(plot)
        self.plot.layout.activate()
        x_max = self._x_max(width)
        plot_box = self.plot.getViewBox()
        self.bar_box.setGeometry(self.plot.mapRectToScene(plot_box.geometry()))
        rows = self._place_bars(x_max)
        ticks = self._ticks(x_max, width)
        self.plot.getAxis("bottom").setTicks([ticks])
        return Geometry(size, heading, plot, rows, x_max, tuple(ticks))

    def _x_max(self, width: float) -> float:
        """View range that leaves room for the total at the tip of the longest bar."""
        st = self.style
        font = self.theme.font(st.total, QFont.Weight.DemiBold)
        longest = max(self.total_texts(self.settle_seconds), key=len)
        room = QFontMetricsF(font).horizontalAdvance(longest) + st.tip_gap + 4
        biggest = max(self.totals()) or 1.0
        return biggest * width / max(1.0, width - room)

    def _ticks(self, x_max: float, width: float) -> list[tuple[float, str]]:
        """A few round ticks along the value axis whose labels fit, in the language's style."""
        metrics = QFontMetricsF(self.theme.font(self.style.tick, QFont.Weight.Medium))
        ticks = [(v, format_figure(v, "number", self.language))
                 for v in nice_ticks(x_max, self.style.max_ticks)]
        right = width + self.style.edge
        return [(v, text) for v, text in ticks
                if v / x_max * width + metrics.horizontalAdvance(text) / 2 <= right]

    def _place_bars(self, x_max: float) -> tuple[QRectF, ...]:
        """Rows of equal pitch, a label band over each bar; set the view ranges to match.

        One view unit on the y axis is one row; rows count down from the top.
        """
        st, count = self.style, len(self.categories)
        box = self.bar_box.sceneBoundingRect()
        pitch = max(1.0, (box.height() - st.bottom_pad) / max(1, count))
        for view_box in (self.plot.getViewBox(), self.bar_box):
            view_box.setRange(xRange=(0, x_max), yRange=(0, box.height() / pitch), padding=0)
            view_box.updateMatrix()
        row_gap = min(st.row_gap, pitch * 0.16)
        bar = min(st.bar_max, max(st.bar_min, pitch * 0.36))
        name_line = line_step(self.theme.family, self.texts.label_style, st.label_min) + 0.5
        bar = max(st.bar_floor, min(bar, pitch - row_gap - st.label_gap - name_line))
        self._bar_frac = bar / pitch
        rows = []
        for i in range(count):
            band_top = box.top() + i * pitch + row_gap
            band_h = pitch - bar - row_gap - st.label_gap
            rows.append(QRectF(box.left(), band_top, box.width(), max(1.0, band_h)))
        return tuple(rows)

    def _set_bar_data(self, lengths: list[list[float]]) -> None:
        """Give each series' bar item the segment lengths, stacked or side by side."""
        count, parts = len(self.categories), len(self.bars)
        base = [0.0] * count
        for index, (bar, row) in enumerate(zip(self.bars, lengths, strict=True)):
            if self.stacked:
                y0 = [i + 1 - self._bar_frac for i in range(count)]
                height = [self._bar_frac] * count
                x0 = list(base)
                base = [b + v for b, v in zip(base, row, strict=True)]
            else:
                sub = self._bar_frac / parts
                y0 = [i + 1 - self._bar_frac + index * sub for i in range(count)]
                height = [sub] * count
                x0 = [0.0] * count
            bar.setOpts(x0=x0, y0=y0, width=row, height=height)

    # -- painting -------------------------------------------------------------------------

    def paint_static(self, painter: QPainter, rect: QRectF, u: float) -> None:
        """Paint what never moves (heading, legend, axis, category names) into `rect`."""
        geo = self.geometry(_design_size(rect, u))
        painter.save()
        painter.translate(rect.topLeft())
        painter.scale(u, u)
        edge = self.style.edge
        area = QRectF(-edge, 0, geo.size[0] + 2 * edge, geo.size[1])
        self.scene.render(painter, area, area, Qt.AspectRatioMode.IgnoreAspectRatio)
        self._paint_labels(painter, geo)
        painter.restore()

    def static_bounds(self, rect: QRectF, u: float) -> QRectF:
        """Where `paint_static` may paint: `rect` and a little room on both sides."""
        return rect.adjusted(-self.style.edge * u, 0, self.style.edge * u, 0)

    def _paint_labels(self, painter: QPainter, geo: Geometry) -> None:
        """The heading and each category's name above its bar (plain text)."""
        th, texts = self.theme, self.texts
        heading = texts.heading_fit(geo.size)
        draw_fitted(painter, geo.heading, heading, th.family, texts.heading_style, th.text)
        for band, name in zip(geo.rows, texts.name_fits(geo.rows), strict=True):
            draw_fitted(painter, band, name, th.family, texts.label_style, th.text,
                        Qt.AlignmentFlag.AlignBottom)

    def paint_dynamic(self, painter: QPainter, rect: QRectF, u: float, t: float) -> None:
        """Paint the bars at their lengths for `t`, and the total at each tip."""
        geo = self.geometry(_design_size(rect, u))
        self._set_bar_data(self.bar_heights(t))
        painter.save()
        painter.translate(rect.topLeft())
        painter.scale(u, u)
        self.bar_scene.render(painter, geo.plot, geo.plot, Qt.AspectRatioMode.IgnoreAspectRatio)
        self._paint_totals(painter, geo, t)
        painter.restore()

    def _paint_totals(self, painter: QPainter, geo: Geometry, t: float) -> None:
        """Each bar's current total just past its tip, in the text colour."""
        st = self.style
        painter.setFont(self.theme.font(st.total, QFont.Weight.DemiBold))
        painter.setPen(self.theme.text)
        vb = self.bar_box
        grown = self.progress(t)
        for i, (text, total) in enumerate(zip(self.total_texts(t), self.totals(), strict=True)):
            tip = vb.mapViewToScene(QPointF(total * grown[i], i + 1 - self._bar_frac / 2))
            box = QRectF(tip.x() + st.tip_gap, tip.y() - st.total, geo.size[0], 2 * st.total)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             text)


def _design_size(rect: QRectF, u: float) -> tuple[float, float]:
    """`rect`'s size in design pixels, rounded so that equal screens share a layout."""
    return (round(rect.width() / u, 1), round(rect.height() / u, 1))
