"""The cards panel: a title and a grid of equal cards (icon, title, one line of text).

A card wider than tall puts its icon beside its title, so the text under them gets
the card's height; a squarer card stacks icon, title and text. Either way the
contents of every card sit at one height, centred in the card.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from kiosk.core.content.model import CardsPanel
from kiosk.ui.drawing.icons import draw_icon
from kiosk.ui.drawing.scale import SPACE_L, SPACE_M, Scale
from kiosk.ui.panels.base import ViewContext
from kiosk.ui.panels.common import (
    CARD_RADIUS,
    LaidOutView,
    PanelLayout,
    appearing,
    entrance,
    entrance_end,
    layout_header,
    paint_card,
    paint_header,
)
from kiosk.ui.panels.layout import ItemFrame, draw_item, layout_items, place_item

CARD_TITLE = 48  # design px
CARD_PADDING = 36
ICON = 72
ICON_BESIDE_ASPECT = 1.3  # a card this much wider than tall has its icon beside its title
MAX_ASPECT = 1.0  # a card is never taller than it is wide
LANDSCAPE_COLUMNS = {1: 1, 2: 2, 3: 3, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4}
WIDE_AREA = 1.4  # a text area at least this much wider than tall gets the landscape grid


def grid_shape(count: int, portrait: bool) -> tuple[int, int]:
    """Columns and rows for `count` cards: 3 x 2 for six in landscape, 2 wide in portrait.

    `portrait` means a narrow body: a portrait screen, or a landscape one beside a picture.
    """
    if portrait:
        columns = 1 if count <= 3 else 2
    else:
        columns = LANDSCAPE_COLUMNS.get(count, 4)
    columns = max(1, min(columns, count))
    return columns, math.ceil(count / columns)


def grid_cells(area: QRectF, count: int, portrait: bool, gap: float) -> list[QRectF]:
    """Equal cells for `count` cards, row by row, from near the top of `area`."""
    columns, rows = grid_shape(count, portrait)
    width = (area.width() - (columns - 1) * gap) / columns
    height = min((area.height() - (rows - 1) * gap) / rows, width * MAX_ASPECT)
    slack = area.height() - (rows * height + (rows - 1) * gap)
    top = area.top() + min(slack * 0.4, gap * 3)
    return [
        QRectF(
            area.left() + (i % columns) * (width + gap),
            top + (i // columns) * (height + gap),
            width,
            height,
        )
        for i in range(count)
    ]


class CardsView(LaidOutView):
    """Paints a cards panel; cards enter one after another, 80 ms apart."""

    panel: CardsPanel
    on_cards = ("card:",)  # card texts sit on opaque cards: no veil over a picture behind

    def __init__(self, panel: CardsPanel, ctx: ViewContext) -> None:
        super().__init__(panel, ctx)
        self.title = ctx.text(panel.title)
        self.card_titles = [ctx.text(card.title) for card in panel.cards]
        self.card_texts = [ctx.text(card.text) for card in panel.cards]
        self.settle_seconds = entrance_end(len(panel.cards) + 1)

    def visible_texts(self) -> list[str]:
        """The panel title, then each card's title and text."""
        pairs = zip(self.card_titles, self.card_texts, strict=True)
        return [self.title, *(text for pair in pairs for text in pair)]

    def build_layout(self, rect: QRectF, scale: Scale) -> PanelLayout:
        """Lay out the header, the card grid and, uniformly, every card's texts."""
        layout = PanelLayout()
        area = self.content_area(layout, scale)
        top = layout_header(layout, scale, area, self.ctx.theme, self.title) + scale.px(SPACE_L)
        body = QRectF(area.left(), top, area.width(), area.bottom() - top)
        narrow = area.width() < area.height() * WIDE_AREA  # portrait, or beside a picture
        cells = grid_cells(body, len(self.card_titles), narrow, scale.px(SPACE_M))
        for index, cell in enumerate(cells):
            layout.shapes[f"card:{index}"] = cell
        self._layout_card_texts(layout, scale, cells)
        return layout

    def _layout_card_texts(self, layout: PanelLayout, scale: Scale, cells: list[QRectF]) -> None:
        """Icons, titles and texts inside the cards, each role at one common size."""
        cell = cells[0]
        pad = min(scale.px(CARD_PADDING), cell.width() * 0.08)
        icon = min(scale.px(ICON), cell.height() * 0.25)
        inner = cell.adjusted(pad, pad, -pad, -pad)
        beside = cell.width() >= cell.height() * ICON_BESIDE_ASPECT
        gap = scale.px(SPACE_M)
        above = 0.0 if beside else icon + gap
        if beside:
            frame = ItemFrame(inner.width(), inner.height(), indent=icon + gap, row=icon)
        else:
            frame = ItemFrame(inner.width(), inner.height() - above)
        items = (self.card_titles, self.card_texts)

        def centred(stack: float) -> float:
            return max(0.0, (inner.height() - above - stack) / 2)

        texts = layout_items(
            layout, "card", items, frame, scale, self.ctx.theme, CARD_TITLE, centred
        )
        top = centred(texts)
        for index, cell in enumerate(cells):
            inner = cell.adjusted(pad, pad, -pad, -pad)
            place_item(layout, "card", index, inner.left(), inner.top() + top + above)
            title = layout.texts[f"card:{index}:title"].rect
            icon_top = title.center().y() - icon / 2 if beside else inner.top() + top
            layout.shapes[f"icon:{index}"] = QRectF(inner.left(), icon_top, icon, icon)

    def paint_layout(self, painter: QPainter, layout: PanelLayout, scale: Scale, t: float) -> None:
        """Paint the header, then each card with its icon and texts, staggered."""
        theme = self.ctx.theme
        paint_header(painter, layout, scale, theme, t)
        for index, card in enumerate(self.panel.cards):
            with appearing(painter, scale, entrance(t, index + 1)) as visible:
                if not visible:
                    continue
                cell = layout.shapes[f"card:{index}"]
                paint_card(painter, cell, theme.surface, scale.px(CARD_RADIUS))
                draw_icon(painter, layout.shapes[f"icon:{index}"], card.icon, theme.accent)
                draw_item(painter, layout, "card", index, theme.family)
