"""The title panel: a centred hero headline, its subtitle, an optional picture and QR code."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter

from kiosk.core.content.model import TitlePanel
from kiosk.ui.drawing.scale import BODY_MIN, HERO, HERO_MIN, SPACE_M, Scale
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
from kiosk.ui.panels.media import Shares
from kiosk.ui.panels.textblocks import Align, balanced_block, shifted, text_style

SUBTITLE = 52  # design px
SUBTITLE_GAP = 48
HERO_LEADING = 1.08  # tight display leading (text.draw_fitted does not clip descenders)
HERO_LINES = 3
HERO_LINES_PORTRAIT = 4  # a narrow screen breaks a long headline more, rather than shrink it


class TitleView(LaidOutView):
    """Paints a title panel: accent bar, hero headline, subtitle (and a picture, a QR code).

    Entrance: the bar grows and the headline fades and slides up (item 0), the
    subtitle follows one stagger step later (item 1).
    """

    panel: TitlePanel
    shares = Shares(landscape=0.5, portrait=0.42)

    def __init__(self, panel: TitlePanel, ctx: ViewContext) -> None:
        super().__init__(panel, ctx)
        self.headline = ctx.text(panel.title)
        self.subtitle = ctx.text(panel.subtitle)
        self.settle_seconds = entrance_end(2)

    def visible_texts(self) -> list[str]:
        """The headline and, when there is one, the subtitle."""
        return [text for text in (self.headline, self.subtitle) if text]

    def build_layout(self, rect: QRectF, scale: Scale) -> PanelLayout:
        """Place the picture and QR code, then centre the text stack in what is left."""
        layout = PanelLayout()
        self._layout_text(layout, scale, self.content_area(layout, scale))
        return layout

    def _layout_text(self, layout: PanelLayout, scale: Scale, area: QRectF) -> None:
        """Stack bar, headline and subtitle, centred horizontally and vertically in `area`."""
        theme = self.ctx.theme
        width, left = area.width(), area.left()
        bar = accent_bar_rect(scale, 0.0, area.top())
        bar.moveLeft(area.center().x() - bar.width() / 2)
        hero_style = text_style(
            scale,
            HERO,
            HERO_MIN,
            QFont.Weight.Bold,
            align=Align.AlignHCenter,
            max_lines=HERO_LINES_PORTRAIT if scale.portrait else HERO_LINES,
            line_height=HERO_LEADING,
        )
        top = bar.bottom() + scale.px(SPACE_M)
        box = QRectF(left, top, width, area.height() * 0.62)
        headline = balanced_block(self.headline, box, theme.family, hero_style, theme.text)
        layout.texts["headline"] = headline
        bottom = headline.rect.bottom()
        if self.subtitle:
            sub_style = text_style(scale, SUBTITLE, BODY_MIN, align=Align.AlignHCenter, max_lines=3)
            box = QRectF(left, bottom + scale.px(SUBTITLE_GAP), width, area.height() * 0.22)
            layout.texts["subtitle"] = balanced_block(
                self.subtitle, box, theme.family, sub_style, theme.muted
            )
            bottom = layout.texts["subtitle"].rect.bottom()
        dy = (area.height() - (bottom - bar.top())) / 2
        layout.shapes["accent"] = bar.translated(0.0, dy)
        layout.texts = {key: shifted(block, 0.0, dy) for key, block in layout.texts.items()}

    def paint_layout(self, painter: QPainter, layout: PanelLayout, scale: Scale, t: float) -> None:
        """Paint picture, accent bar, headline and subtitle at time `t`."""
        theme = self.ctx.theme
        first = entrance(t, 0)
        with appearing(painter, scale, first) as visible:
            if visible:
                paint_accent_bar(painter, layout.shapes["accent"], theme, first)
                layout.draw_text(painter, "headline", theme.family)
        if "subtitle" in layout.texts:
            with appearing(painter, scale, entrance(t, 1)) as visible:
                if visible:
                    layout.draw_text(painter, "subtitle", theme.family)

