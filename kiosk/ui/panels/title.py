"""The title panel: a centred hero headline, its subtitle and an optional picture."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QImage, QPainter

from kiosk.core.content.model import TitlePanel
from kiosk.ui.drawing.pictures import draw_picture, load_picture
from kiosk.ui.drawing.scale import BODY_MIN, HERO, HERO_MIN, SPACE_L, SPACE_M, Scale
from kiosk.ui.panels.base import ViewContext
from kiosk.ui.panels.common import (
    CARD_RADIUS,
    LaidOutView,
    PanelLayout,
    accent_bar_rect,
    appearing,
    entrance,
    entrance_end,
    paint_accent_bar,
)
from kiosk.ui.panels.textblocks import Align, balanced_block, shifted, text_style

SUBTITLE = 52  # design px
SUBTITLE_GAP = 48
PICTURE_SHARE_PORTRAIT = 0.42  # of the content height, on top
PICTURE_MAX_SIZE = (2048, 2048)
HERO_LEADING = 1.08  # tight display leading (text.draw_fitted does not clip descenders)
HERO_LINES = 3
HERO_LINES_PORTRAIT = 4  # a narrow screen breaks a long headline more, rather than shrink it


class TitleView(LaidOutView):
    """Paints a title panel: accent bar, hero headline, subtitle, picture.

    Entrance: the bar grows and the headline fades and slides up (item 0), the
    subtitle follows one stagger step later (item 1).
    """

    panel: TitlePanel

    def __init__(self, panel: TitlePanel, ctx: ViewContext) -> None:
        super().__init__(panel, ctx)
        self.headline = ctx.text(panel.title)
        self.subtitle = ctx.text(panel.subtitle)
        self.settle_seconds = entrance_end(2)
        self._picture: QImage | None = None
        self._picture_loaded = False

    def visible_texts(self) -> list[str]:
        """The headline and, when there is one, the subtitle."""
        return [text for text in (self.headline, self.subtitle) if text]

    def picture(self) -> QImage | None:
        """The panel's picture, loaded on first use (None when absent or unreadable)."""
        if not self._picture_loaded and self.panel.image:
            path = self.ctx.content_dir / self.panel.image
            self._picture = load_picture(path, PICTURE_MAX_SIZE)
        self._picture_loaded = True
        return self._picture

    def build_layout(self, rect: QRectF, scale: Scale) -> PanelLayout:
        """Split the content area between picture and text, then centre the text stack."""
        layout = PanelLayout()
        area = scale.content_rect()
        if self.panel.image:
            area, layout.shapes["picture"] = split_for_picture(area, scale)
        self._layout_text(layout, scale, area)
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
        if "picture" in layout.shapes:
            with appearing(painter, scale, first) as visible:
                if visible:
                    draw_picture(
                        painter,
                        layout.shapes["picture"],
                        self.picture(),
                        theme.surface,
                        theme.muted,
                        scale.px(CARD_RADIUS),
                    )
        with appearing(painter, scale, first) as visible:
            if visible:
                paint_accent_bar(painter, layout.shapes["accent"], theme, first)
                layout.draw_text(painter, "headline", theme.family)
        if "subtitle" in layout.texts:
            with appearing(painter, scale, entrance(t, 1)) as visible:
                if visible:
                    layout.draw_text(painter, "subtitle", theme.family)


def split_for_picture(area: QRectF, scale: Scale) -> tuple[QRectF, QRectF]:
    """Split `area` into (text area, picture area): picture right in landscape, top in portrait."""
    gap = scale.px(SPACE_L)
    if scale.portrait:
        height = area.height() * PICTURE_SHARE_PORTRAIT
        picture = QRectF(area.left(), area.top(), area.width(), height)
        text = QRectF(
            area.left(), picture.bottom() + gap, area.width(), area.height() - height - gap
        )
        return text, picture
    half = (area.width() - gap) / 2
    text = QRectF(area.left(), area.top(), half, area.height())
    picture = QRectF(area.right() - half, area.top(), half, area.height())
    return text, picture
