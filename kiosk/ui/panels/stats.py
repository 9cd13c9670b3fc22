"""The statistics panel: huge figures that count up, a growing bar chart, the source.

Everything that does not move (title, labels, the chart's axis and names, the
source line) is painted once per panel size into transparent sprites; a frame
blits them and draws only the counting figures and the growing bars, so a
count-up frame costs a few milliseconds even at 4K with software rendering.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter

from kiosk.core.content.model import StatsPanel
from kiosk.core.content.numbers import format_count
from kiosk.core.show.easing import stagger_end
from kiosk.ui.drawing.cache import Cached
from kiosk.ui.drawing.scale import CAPTION_MIN, SPACE_L, SPACE_M, Scale
from kiosk.ui.panels.base import PanelView, ViewContext
from kiosk.ui.panels.common import (
    PanelLayout,
    appearing,
    drawn_area,
    entrance,
    entrance_end,
    fit_block,
    layout_header,
    paint_header,
    shifted,
    text_style,
)
from kiosk.ui.panels.figures import FigureGrid, FigureType, layout_figure_grid
from kiosk.ui.panels.media import PanelMedia
from kiosk.ui.panels.sprites import TEXT_OVERHANG, Sprite, paint_sprite, text_sprite
from kiosk.ui.panels.textblocks import draw_block, ink_rect

if TYPE_CHECKING:
    from kiosk.ui.panels.chart import BarChart

SOURCE = 30
SOURCE_SHARE = 0.14  # of the content height, at most, for the source line
FIGURES_SHARE = 0.62  # of the width, in landscape
HEADER_ITEMS = 2  # the header enters as items 0 (bar, title; a picture beside) and 1 (intro)
COUNT_SECONDS, COUNT_STAGGER, COUNT_DELAY = 1.5, 0.12, 0.15
CHART_STAGGER, CHART_DELAY = 0.1, 0.3


@dataclass
class StatsLayout:
    """The panel laid out in a rectangle of a given size (origin at 0, 0)."""

    scale: Scale
    texts: PanelLayout
    grid: FigureGrid
    chart_rect: QRectF | None
    sprites: dict[str, Sprite]

    @property
    def figure(self) -> FigureType:
        """The fonts the figures share."""
        return self.grid.shared

    @property
    def baselines(self) -> list[QPointF]:
        """Where each figure stands."""
        return self.grid.baselines


class StatsView(PanelView):
    """Paints a statistics panel: title, counting figures with labels, chart, source."""

    panel: StatsPanel

    def __init__(self, panel: StatsPanel, ctx: ViewContext) -> None:
        super().__init__(panel, ctx)
        self.title = ctx.text(panel.title)
        self.labels = [ctx.text(figure.label) for figure in panel.figures]
        self.source = ctx.text(panel.source)
        self.chart = _make_chart(panel, ctx)
        self.media = PanelMedia(panel, ctx)  # its picture goes behind: figures need the width
        ends = [entrance_end(1), self._count_end()]
        if self.chart is not None:
            ends.append(self.chart.settle_seconds)
        self.settle_seconds = max(ends)
        self._layout: Cached[tuple[float, float], StatsLayout] = Cached()

    def _count_end(self) -> float:
        """When the last figure has finished counting."""
        return stagger_end(len(self.panel.figures), COUNT_SECONDS, COUNT_STAGGER, COUNT_DELAY)

    def figure_texts(self, t: float) -> list[str]:
        """The figures as shown at `t`, formatted for the panel's language."""
        t = self.effective_time(t)
        return [
            format_count(f.value, t, f.format, self.ctx.language, f.currency, f.decimals,
                         duration=COUNT_SECONDS, delay=COUNT_DELAY + i * COUNT_STAGGER)
            for i, f in enumerate(self.panel.figures)
        ]

    def visible_texts(self) -> list[str]:
        """Title, settled figures, labels, chart texts and source, in the panel's language."""
        chart = self.chart.visible_texts() if self.chart is not None else []
        figures = self.figure_texts(self.settle_seconds)
        return [self.title, *figures, *self.labels, *chart, self.source]

    # -- layout ---------------------------------------------------------------------------

    def layout(self, rect: QRectF) -> StatsLayout:
        """The panel laid out for `rect`'s size, with its static sprites (cached)."""
        key = (rect.width(), rect.height())
        return self._layout.get(key, lambda: self._build(QRectF(0, 0, *key)))

    def _build(self, rect: QRectF) -> StatsLayout:
        """Lay out header, source, figures and chart; paint the sprites."""
        scale, theme = Scale(rect), self.ctx.theme
        texts = PanelLayout()
        texts.media = self.media.place(scale, scale.content_rect())
        area = texts.media.text
        top = layout_header(texts, scale, area, theme, self.title) + scale.px(SPACE_L)
        source = self._layout_source(texts, scale, area)
        body = QRectF(area.left(), top, area.width(), source.top() - scale.px(SPACE_M) - top)
        figures, chart_rect = self._split(body, scale)
        settled = self.figure_texts(self.settle_seconds)
        grid = layout_figure_grid(texts, scale, figures, self.labels, settled, theme)
        if chart_rect is not None and scale.portrait:
            labels = [texts.texts[f"label:{i}"].rect for i in range(len(self.labels))]
            top = max(r.bottom() for r in labels) + scale.px(SPACE_L) * 1.5
            chart_rect = QRectF(body.left(), top, body.width(), body.bottom() - top)
        layout = StatsLayout(scale, texts, grid, chart_rect, {})
        self._paint_sprites(layout)
        veiled = [ink_rect(block) for block in texts.texts.values()] + [figures, texts.shapes[
            "accent"]] + ([chart_rect] if chart_rect is not None else [])
        self.media.measure(texts.media, rect, veiled)
        return layout

    def _layout_source(self, texts: PanelLayout, scale: Scale, area: QRectF) -> QRectF:
        """Fit the source line at the bottom of `area`; return its rectangle."""
        style = text_style(scale, SOURCE, CAPTION_MIN)
        height = area.height() * SOURCE_SHARE
        box = QRectF(area.left(), area.bottom() - height, area.width(), height)
        block = fit_block(self.source, box, self.ctx.theme.family, style, self.ctx.theme.muted)
        block = shifted(block, 0.0, box.bottom() - block.rect.bottom())
        texts.texts["source"] = block
        return block.rect

    def _split(self, body: QRectF, scale: Scale) -> tuple[QRectF, QRectF | None]:
        """Figures left and chart right (landscape), or figures on top (portrait)."""
        if self.chart is None:
            return body, None
        gap = scale.px(SPACE_L)
        if scale.portrait:  # the chart goes under the figures, wherever they end
            return QRectF(body.left(), body.top(), body.width(), body.height() * 0.5), body
        width = body.width() * FIGURES_SHARE
        figures = QRectF(body.left(), body.top(), width, body.height())
        chart = QRectF(figures.right() + gap, body.top(), body.width() - width - gap,
                       body.height())
        return figures, chart

    # -- painting -------------------------------------------------------------------------

    def _paint_sprites(self, layout: StatsLayout) -> None:
        """Paint everything static once: title, labels, source, the chart's frame.

        The title's sprite goes with the header's texts, where `paint_header` finds it.
        """
        theme, texts, scale = self.ctx.theme, layout.texts, layout.scale
        texts.sprites["title"] = text_sprite(texts.texts["title"], theme.family)
        labels = [b for k, b in texts.texts.items() if k.startswith("label:")]

        def paint_labels(painter: QPainter) -> None:
            for block in labels:
                draw_block(painter, block, theme.family)

        layout.sprites["labels"] = paint_sprite([b.rect for b in labels], paint_labels)
        source = texts.texts["source"]
        layout.sprites["source"] = paint_sprite([source.rect], lambda p: draw_block(
            p, source, theme.family))
        chart, box = self.chart, layout.chart_rect
        if chart is not None and box is not None:
            bounds = chart.static_bounds(box, scale.u)
            layout.sprites["chart"] = paint_sprite([bounds], lambda p: chart.paint_static(
                p, box, scale.u))

    def drawn_rects(self, rect: QRectF) -> list[QRectF] | None:
        """Header, labels, source, picture and QR card, the figures' cells and the chart."""
        if self.media.behind:
            return None
        layout = self.layout(rect)
        counting = self._counting_area(layout)
        origin = rect.topLeft()
        return [box.translated(origin) for box in drawn_area(layout.texts, layout.scale, counting)]

    def moving_rects(self, rect: QRectF, t: float) -> list[QRectF] | None:
        """Once the header (and a picture beside) has entered: the figures and the chart."""
        if self.media.behind or self.effective_time(t) < entrance_end(HEADER_ITEMS):
            return None
        origin = rect.topLeft()
        return [box.translated(origin) for box in self._counting_area(self.layout(rect))]

    def _counting_area(self, layout: StatsLayout) -> list[QRectF]:
        """Where the figures count up and the chart grows: the cells and the chart's bounds."""
        figure = layout.figure.digits.pixelSize() * TEXT_OVERHANG
        cells = [cell.adjusted(-figure, -figure, figure, figure) for cell in layout.grid.cells]
        if self.chart is not None and layout.chart_rect is not None:
            cells.append(self.chart.static_bounds(layout.chart_rect, layout.scale.u))
        return cells

    def release(self) -> None:
        """Let the layout and its sprites go; the next paint builds them again."""
        self._layout.drop()

    def paint(self, painter: QPainter, rect: QRectF, t: float) -> None:
        """Paint the panel into `rect` as it looks `t` seconds after it appeared."""
        t = self.effective_time(t)
        layout = self.layout(rect)
        painter.save()
        painter.translate(rect.topLeft())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        media = layout.texts.media
        if media is not None:
            self.media.paint_behind(painter, media, QRectF(0, 0, rect.width(), rect.height()))
        for sprite in layout.sprites.values():
            sprite.draw(painter)
        paint_header(painter, layout.texts, layout.scale, self.ctx.theme, t)
        if self.chart is not None and layout.chart_rect is not None:
            self.chart.paint_dynamic(painter, layout.chart_rect, layout.scale.u, t)
        painter.setPen(self.ctx.theme.accent)
        grid = layout.grid
        for figure, baseline, text in zip(
            grid.types, grid.baselines, self.figure_texts(t), strict=True
        ):
            figure.draw(painter, baseline, text)
        if media is not None:
            with appearing(painter, layout.scale, entrance(t, 0)) as visible:
                if visible:
                    self.media.paint_beside(painter, media, layout.scale)
        painter.restore()


def _make_chart(panel: StatsPanel, ctx: ViewContext) -> BarChart | None:
    """The panel's bar chart, importing pyqtgraph only when there is one."""
    if panel.chart is None:
        return None
    from kiosk.ui.panels.chart import BarChart
    from kiosk.ui.panels.chart_items import Timing

    timing = Timing(COUNT_SECONDS, CHART_STAGGER, CHART_DELAY)
    return BarChart(panel.chart, ctx.language, ctx.content.default_language, ctx.theme, timing)
