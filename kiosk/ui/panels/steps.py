"""The steps panel: a sequence of steps, icons in circles joined by amber connectors."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from kiosk.core.content.model import StepsPanel
from kiosk.core.show.easing import eased
from kiosk.ui.drawing.icons import draw_icon
from kiosk.ui.drawing.scale import SPACE_L, SPACE_M, Scale
from kiosk.ui.panels.base import ViewContext
from kiosk.ui.panels.common import (
    LaidOutView,
    PanelLayout,
    appearing,
    entrance,
    entrance_end,
    layout_header,
    paint_header,
)
from kiosk.ui.panels.layout import ItemFrame, draw_item, layout_items, place_item

STEP_TITLE = 52  # design px
CIRCLE = 184
CIRCLE_TALL = 240  # design px: the circles of a column (portrait), which has height to spare
RING = 5
LINE = 6
CONNECTOR_GAP = 24  # design px between a circle and its connector
ROW_MAX = 400  # design px: the tallest a step row gets in portrait
ROW_SLACK = 0.3  # a row of steps sits this share of the free height down its area
STEP_DELAY = 0.16  # seconds: the steps start after the header
STEP_STAGGER = 0.22  # seconds between steps, so each connector can be seen growing
CONNECTOR_SECONDS = 0.35


class StepsView(LaidOutView):
    """Paints a steps panel: left to right in landscape, top to bottom in portrait."""

    panel: StepsPanel

    def __init__(self, panel: StepsPanel, ctx: ViewContext) -> None:
        super().__init__(panel, ctx)
        self.title = ctx.text(panel.title)
        self.intro = ctx.text(panel.intro)
        self.step_titles = [ctx.text(step.title) for step in panel.steps]
        self.step_texts = [ctx.text(step.text) for step in panel.steps]
        count = len(panel.steps)
        self.settle_seconds = max(
            entrance_end(count, stagger=STEP_STAGGER, delay=STEP_DELAY),
            connector_start(count - 2) + CONNECTOR_SECONDS,
        )

    def visible_texts(self) -> list[str]:
        """The title, the intro if any, then each step's title and text."""
        pairs = zip(self.step_titles, self.step_texts, strict=True)
        head = [self.title, self.intro] if self.intro else [self.title]
        return [*head, *(text for pair in pairs for text in pair)]

    def _items(self) -> tuple[list[str], list[str]]:
        """The steps' titles and texts."""
        return self.step_titles, self.step_texts

    def build_layout(self, rect: QRectF, scale: Scale) -> PanelLayout:
        """Lay out the header, then the steps as a row (landscape) or a column (portrait)."""
        layout = PanelLayout()
        area = self.content_area(layout, scale)
        top = layout_header(layout, scale, area, self.ctx.theme, self.title, self.intro)
        top += scale.px(SPACE_L)
        body = QRectF(area.left(), top, area.width(), area.bottom() - top)
        if scale.portrait:
            self._layout_column(layout, scale, body)
        else:
            self._layout_row(layout, scale, body)
        return layout

    def _layout_row(self, layout: PanelLayout, scale: Scale, body: QRectF) -> None:
        """Steps side by side: circle on top, title and text left-aligned under it."""
        count = len(self.step_titles)
        gap = scale.px(SPACE_L)
        width = (body.width() - (count - 1) * gap) / count
        side = min(scale.px(CIRCLE), width * 0.5, body.height() * 0.3)
        room = ItemFrame(width, body.height() - side - scale.px(SPACE_M))

        def lowered(stack: float) -> float:  # the row sits 30% down the room it leaves
            return max(0.0, (room.height - stack) * ROW_SLACK)

        heights = layout_items(
            layout, "step", self._items(), room, scale, self.ctx.theme, STEP_TITLE, lowered
        )
        top = body.top() + lowered(heights)
        for index in range(count):
            left = body.left() + index * (width + gap)
            layout.shapes[f"circle:{index}"] = QRectF(left, top, side, side)
            place_item(layout, "step", index, left, top + side + scale.px(SPACE_M))
        self._layout_connectors(layout, scale, count)

    def _layout_column(self, layout: PanelLayout, scale: Scale, body: QRectF) -> None:
        """Steps one under another: circle on the left, title and text beside it.

        The circles are spread over the height (rows at most `ROW_MAX` apart) and the
        column, from the first circle's top to the last one's bottom, is centred.
        """
        count = len(self.step_titles)
        gap = scale.px(SPACE_M)
        side = min(scale.px(CIRCLE_TALL), body.height() / count * 0.7)
        pitch = min(scale.px(ROW_MAX) + gap, (body.height() - side) / max(1, count - 1))
        indent = side + scale.px(SPACE_L)
        room = ItemFrame(body.width() - indent, max(side, pitch - gap))

        def beside_circle(stack: float) -> float:  # centred on the circle when shorter
            return max(0.0, (side - stack) / 2)

        heights = layout_items(
            layout, "step", self._items(), room, scale, self.ctx.theme, STEP_TITLE, beside_circle
        )
        top = body.top() + (body.height() - ((count - 1) * pitch + side)) / 2
        for index in range(count):
            row_top = top + index * pitch
            layout.shapes[f"circle:{index}"] = QRectF(body.left(), row_top, side, side)
            text_top = row_top + beside_circle(heights)
            place_item(layout, "step", index, body.left() + indent, text_top)
        self._layout_connectors(layout, scale, count)

    @staticmethod
    def _layout_connectors(layout: PanelLayout, scale: Scale, count: int) -> None:
        """A connector between each pair of neighbouring circles, clear of both."""
        gap = scale.px(CONNECTOR_GAP)
        for index in range(count - 1):
            start = layout.shapes[f"circle:{index}"]
            end = layout.shapes[f"circle:{index + 1}"]
            if scale.portrait:
                x = start.center().x()
                line = QRectF(QPointF(x, start.bottom() + gap), QPointF(x, end.top() - gap))
            else:
                y = start.center().y()
                line = QRectF(QPointF(start.right() + gap, y), QPointF(end.left() - gap, y))
            layout.shapes[f"connector:{index}"] = line

    def paint_layout(self, painter: QPainter, layout: PanelLayout, scale: Scale, t: float) -> None:
        """Paint the header, the growing connectors, then each step, staggered."""
        theme = self.ctx.theme
        paint_header(painter, layout, scale, theme, t)
        for index in range(len(self.step_titles) - 1):
            grow = eased(t, connector_start(index), CONNECTOR_SECONDS)
            paint_connector(painter, layout.shapes[f"connector:{index}"], scale, theme.accent, grow)
        for index, step in enumerate(self.panel.steps):
            amount = entrance(t, index, stagger=STEP_STAGGER, delay=STEP_DELAY)
            with appearing(painter, scale, amount) as visible:
                if not visible:
                    continue
                circle = layout.shapes[f"circle:{index}"]
                paint_circle(painter, circle, scale, theme.surface, theme.accent)
                icon = circle.adjusted(*(circle.width() * f for f in (0.25, 0.25, -0.25, -0.25)))
                draw_icon(painter, icon, step.icon, theme.accent)
                draw_item(painter, layout, "step", index, theme.family)


def connector_start(index: int) -> float:
    """When connector `index` (after step `index`) starts growing: once its step is in."""
    return STEP_DELAY + index * STEP_STAGGER + STEP_STAGGER


def paint_circle(painter: QPainter, rect: QRectF, scale: Scale, fill: QColor, ring: QColor) -> None:
    """A filled circle with an accent ring, inside `rect`."""
    width = scale.px(RING)
    painter.save()
    painter.setPen(QPen(ring, width))
    painter.setBrush(fill)
    painter.drawEllipse(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2))
    painter.restore()


def paint_connector(
    painter: QPainter, line: QRectF, scale: Scale, color: QColor, grow: float
) -> None:
    """Draw the connector along `line` grown to `grow` (0..1), an arrowhead at its tip."""
    if grow <= 0.0:
        return
    start = line.topLeft()
    tip = start + (line.bottomRight() - start) * grow
    pen = QPen(color, scale.px(LINE), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.save()
    painter.setPen(pen)
    painter.drawLine(QLineF(start, tip))
    head = scale.px(18)
    direction = QLineF(tip, start).unitVector()
    for angle in (35.0, -35.0):
        arm = QLineF(direction)
        arm.setAngle(direction.angle() + angle)
        arm.setLength(head)
        painter.drawLine(QLineF(tip, arm.p2()))
    painter.restore()
