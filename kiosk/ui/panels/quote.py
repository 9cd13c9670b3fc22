"""The quote panel: someone's own words in large type, their name and role, their portrait.

A large amber opening quotation mark (“ in English, « in French) leads the words,
left-aligned for reading; an accent bar, the name and the role follow. A portrait
(the panel's `image`) is drawn as a circle cropped around its focal point: left of
the words in landscape, above them in portrait. Placed "behind", the picture covers
the panel under a measured veil like any other panel's.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPen

from kiosk.core.content.model import QuotePanel
from kiosk.ui.drawing.pictures import draw_picture
from kiosk.ui.drawing.scale import (
    BODY_MIN,
    ITEM_TITLE_MIN,
    QUOTE_MIN,
    SPACE_L,
    SPACE_M,
    SPACE_S,
    Scale,
)
from kiosk.ui.drawing.text import make_font
from kiosk.ui.panels.base import ViewContext
from kiosk.ui.panels.common import (
    LaidOutView,
    PanelLayout,
    accent_bar_rect,
    appearing,
    entrance,
    entrance_end,
    paint_accent_bar,
)
from kiosk.ui.panels.textblocks import balanced_block, fit_block, shifted, text_style

QUOTE = 80  # design px: the words (their floor, QUOTE_MIN, sits between titles and body)
QUOTE_LINES = 7
NAME = 48  # design px; its floor is an item title's
ROLE = 36
MARK = 220  # design px: the size of the font the quotation mark is cut from
MARKS = {"fr": "«"}  # the opening mark of each language; “ otherwise
PORTRAIT_SHARE = 0.3  # of the text area's width (landscape) or height (portrait), at most
RING = 6  # design px: the accent ring around the portrait


class QuoteView(LaidOutView):
    """Paints a quote panel: mark and words (item 0), name and role (item 1), portrait (0)."""

    panel: QuotePanel
    veiled_shapes = ("accent", "mark")

    def __init__(self, panel: QuotePanel, ctx: ViewContext) -> None:
        super().__init__(panel, ctx)
        self.quote = ctx.text(panel.quote)
        self.name = ctx.text(panel.name)
        self.role = ctx.text(panel.role)
        self.mark = MARKS.get(ctx.language, "\u201c")
        self.settle_seconds = entrance_end(2)
        self.portrait = self.media.place_of_picture == "beside"
        self.media.own = self.portrait  # drawn here as a circle; one placed behind is shared

    def visible_texts(self) -> list[str]:
        """The words, the name and, when there is one, the role."""
        return [text for text in (self.quote, self.name, self.role) if text]

    def build_layout(self, rect: QRectF, scale: Scale) -> PanelLayout:
        """Portrait beside or above; then mark, words and attribution, centred as a stack."""
        layout = PanelLayout()
        area = self.content_area(layout, scale)
        if self.portrait:
            area = self._place_portrait(layout, scale, area)
        self._layout_words(layout, scale, area)
        if self.portrait and scale.portrait:  # the circle right above the words, all centred
            self._close_up(layout, scale, area)
        return layout

    def _close_up(self, layout: PanelLayout, scale: Scale, area: QRectF) -> None:
        """Put the portrait right above the words, and centre both in the room they share."""
        circle, gap = layout.shapes["portrait"], scale.px(SPACE_L)
        words_top = layout.shapes["mark"].top()
        words_bottom = max(block.rect.bottom() for block in layout.texts.values())
        stack = circle.height() + gap + (words_bottom - words_top)
        circle_top = circle.top() + max(0.0, (area.bottom() - circle.top() - stack) / 2)
        dy = circle_top + circle.height() + gap - words_top
        layout.shapes["portrait"] = circle.translated(0.0, circle_top - circle.top())
        layout.texts = {key: shifted(block, 0.0, dy) for key, block in layout.texts.items()}
        for key in ("mark", "accent"):
            layout.shapes[key] = layout.shapes[key].translated(0.0, dy)

    def _place_portrait(self, layout: PanelLayout, scale: Scale, area: QRectF) -> QRectF:
        """The portrait's circle; returns the area left for the words."""
        gap = scale.px(SPACE_L)
        if scale.portrait:
            side = min(area.width() * 0.5, area.height() * PORTRAIT_SHARE)
            layout.shapes["portrait"] = QRectF(area.left(), area.top(), side, side)
            return area.adjusted(0, side + gap, 0, 0)
        side = min(area.width() * PORTRAIT_SHARE, area.height() * 0.7)
        circle = QRectF(area.left(), area.center().y() - side / 2, side, side)
        layout.shapes["portrait"] = circle
        return area.adjusted(side + gap * 1.5, 0, 0, 0)

    def _layout_words(self, layout: PanelLayout, scale: Scale, area: QRectF) -> None:
        """Mark, words, bar, name and role, top to bottom, the stack centred in `area`."""
        theme, left, width = self.ctx.theme, area.left(), area.width()
        mark = self._mark_path(scale)
        bounds = mark.boundingRect()
        layout.shapes["mark"] = QRectF(left, area.top(), bounds.width(), bounds.height())
        top = area.top() + bounds.height() + scale.px(SPACE_M)
        name_room = scale.px(NAME + ROLE) * 1.4 + scale.px(SPACE_L)
        style = text_style(scale, QUOTE, QUOTE_MIN, QFont.Weight.Medium, max_lines=QUOTE_LINES,
                           line_height=1.22)
        box = QRectF(left, top, width, area.bottom() - top - name_room)
        layout.texts["quote"] = balanced_block(self.quote, box, theme.family, style, theme.text)
        top = layout.texts["quote"].rect.bottom() + scale.px(SPACE_L)
        bar = accent_bar_rect(scale, left, top)
        layout.shapes["accent"] = bar
        top = bar.bottom() + scale.px(SPACE_M)
        style = text_style(scale, NAME, ITEM_TITLE_MIN, QFont.Weight.Bold, max_lines=2)
        box = QRectF(left, top, width, scale.px(NAME) * 2.6)
        layout.texts["name"] = fit_block(self.name, box, theme.family, style, theme.text)
        bottom = layout.texts["name"].rect.bottom()
        if self.role:
            style = text_style(scale, ROLE, BODY_MIN, max_lines=2)
            box = QRectF(left, bottom + scale.px(SPACE_S), width, scale.px(ROLE) * 2.6)
            layout.texts["role"] = fit_block(self.role, box, theme.family, style, theme.muted)
            bottom = layout.texts["role"].rect.bottom()
        dy = max(0.0, (area.height() - (bottom - area.top())) / 2)
        layout.texts = {key: shifted(block, 0.0, dy) for key, block in layout.texts.items()}
        for key in ("mark", "accent"):
            layout.shapes[key] = layout.shapes[key].translated(0.0, dy)

    def _mark_path(self, scale: Scale) -> QPainterPath:
        """The opening quotation mark as a filled outline, its top-left corner at (0, 0)."""
        path = QPainterPath()
        path.addText(QPointF(0, 0), make_font(self.ctx.theme.family, scale.px(MARK),
                                              QFont.Weight.Bold), self.mark)
        bounds = path.boundingRect()
        return path.translated(-bounds.left(), -bounds.top())

    def paint_layout(self, painter: QPainter, layout: PanelLayout, scale: Scale, t: float) -> None:
        """Portrait and words enter first, the attribution one step later."""
        theme, family = self.ctx.theme, self.ctx.theme.family
        with appearing(painter, scale, entrance(t, 0)) as visible:
            if visible:
                if "portrait" in layout.shapes:
                    self._paint_portrait(painter, layout.shapes["portrait"], scale)
                mark = layout.shapes["mark"]
                painter.fillPath(self._mark_path(scale).translated(mark.topLeft()), theme.accent)
                layout.draw_text(painter, "quote", family)
        with appearing(painter, scale, entrance(t, 1)) as visible:
            if visible:
                paint_accent_bar(painter, layout.shapes["accent"], theme, entrance(t, 1))
                for key in ("name", "role"):
                    if key in layout.texts:
                        layout.draw_text(painter, key, family)

    def _paint_portrait(self, painter: QPainter, circle: QRectF, scale: Scale) -> None:
        """The portrait cropped to a circle around its focal point, in an amber ring."""
        theme, radius = self.ctx.theme, circle.width() / 2
        image = self.media.image(circle.size().toSize())
        fit = "fill"  # a circle is always filled: "fit" would leave it half empty
        draw_picture(painter, circle, image, (theme.surface, theme.muted), radius, fit=fit,
                     focus=self.media.focus, alt=self.media.alt)
        ring = scale.px(RING)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.accent, ring))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle.adjusted(-ring / 2, -ring / 2, ring / 2, ring / 2))
        painter.restore()
