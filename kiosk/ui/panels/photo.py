"""The photo panel: one photograph over the whole screen, its caption and credit.

The photo enters with a slow pull-back (Ken Burns): it starts `ZOOM` times larger
around its focal point and eases back to the framing staff chose, then stops. The
motion is part of the panel's entrance, so the rule "a settled panel is still"
holds: after `settle_seconds` the picture no longer changes, the stage caches it and
the app asks for no more frames; under `reduced_motion` the framing is shown at once.

The caption sits at the bottom left over a veil that fades in from above; its
opacity is measured on the photo under the text, over the whole zoom (the pixels
behind the caption change as the photo moves), for 7:1 contrast. The veil runs
down over the chrome band, so the progress dots stay visible on a bright photo.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QImage, QPainter

from kiosk.core.content.model import PhotoPanel
from kiosk.core.show.easing import eased
from kiosk.ui.drawing.pictures import crop_source
from kiosk.ui.drawing.scale import BODY_MIN, CAPTION_MIN, SPACE_S, Scale
from kiosk.ui.panels.base import ViewContext
from kiosk.ui.panels.common import LaidOutView, PanelLayout, appearing, entrance, entrance_end
from kiosk.ui.panels.textblocks import balanced_block, ink_rect, shifted, text_style
from kiosk.ui.panels.veils import (
    CHROME_CONTRAST,
    VEIL_FADE,
    VEIL_PADDING,
    Veil,
    paint_veils,
)

CAPTION = 46  # design px
CAPTION_LINES = 3
CREDIT = 26  # design px: a credit line is a caption (its floor: CAPTION_MIN)
ZOOM = 1.08  # the photo starts this much larger and eases back to its framing
KEN_BURNS_SECONDS = 9.0
DWELL_SHARE = 0.75  # the zoom ends within this share of a short dwell


class PhotoView(LaidOutView):
    """Paints a photo panel: the photo (zooming back), its caption, its credit, a QR code."""

    panel: PhotoPanel
    own_picture = True  # the photo is drawn here, zooming, not by the shared media code
    zoom_limit = KEN_BURNS_SECONDS  # the longest the zoom lasts

    def __init__(self, panel: PhotoPanel, ctx: ViewContext) -> None:
        super().__init__(panel, ctx)
        self.caption = ctx.text(panel.caption)
        self.credit = ctx.text(getattr(panel, "credit", None))  # a video has none
        dwell = panel.dwell_seconds or ctx.content.settings.dwell_seconds
        self.zoom_seconds = min(self.zoom_limit, dwell * DWELL_SHARE)
        self.settle_seconds = max(self.zoom_seconds, entrance_end(3))

    def visible_texts(self) -> list[str]:
        """The caption and the credit, when there are."""
        return [text for text in (self.caption, self.credit) if text]

    def zoom(self, t: float) -> float:
        """How much larger than its framing the photo is drawn at (effective) time `t`."""
        if self.zoom_seconds <= 0:
            return 1.0
        return 1.0 + (ZOOM - 1.0) * (1.0 - eased(t, 0.0, self.zoom_seconds))

    # -- layout ---------------------------------------------------------------------------
    def build_layout(self, rect: QRectF, scale: Scale) -> PanelLayout:
        """The QR code at the bottom right (or in a band at the bottom); the caption at the left."""
        layout = PanelLayout()
        media = layout.media = self.media.place(scale, scale.content_rect())
        self._layout_caption(layout, scale, media.text)
        return layout

    def _layout_caption(self, layout: PanelLayout, scale: Scale, area: QRectF) -> None:
        """Caption over credit, their stack's bottom on `area`'s bottom."""
        theme, bottom = self.ctx.theme, area.bottom()
        if self.credit:
            style = text_style(scale, CREDIT, CAPTION_MIN, max_lines=2)
            box = QRectF(area.left(), area.top(), area.width(), scale.px(CREDIT) * 3)
            block = balanced_block(self.credit, box, theme.family, style, theme.muted)
            layout.texts["credit"] = shifted(block, 0.0, bottom - block.rect.bottom())
            bottom = layout.texts["credit"].rect.top() - scale.px(SPACE_S)
        if self.caption:
            style = text_style(scale, CAPTION, BODY_MIN, max_lines=CAPTION_LINES)
            box = QRectF(area.left(), area.top(), area.width(), area.height() * 0.4)
            block = balanced_block(self.caption, box, theme.family, style, theme.text)
            layout.texts["caption"] = shifted(block, 0.0, bottom - block.rect.bottom())

    # -- the photo ---------------------------------------------------------------------------
    def photo(self, layout: PanelLayout, rect: QRectF) -> QImage:
        """The photo in its framing, `ZOOM` times the panel's size (painted once, kept)."""
        media = layout.media
        assert media is not None
        size = QSize(math.ceil(rect.width() * ZOOM), math.ceil(rect.height() * ZOOM))
        if media.backdrop is None or media.backdrop.size() != size:
            media.backdrop = self.media.paint_backdrop_image(size)
        return media.backdrop

    def focus_point(self, rect: QRectF) -> QPointF:
        """Where on the panel the photo's focal point lies in its framing (the zoom's centre)."""
        picture = self.media.picture
        if picture is None or picture.fit == "fit":
            return rect.center()
        image = self.media.image(rect.size().toSize())
        if image is None:
            return rect.center()
        crop = crop_source(image.size().toSizeF(), rect, self.media.focus)
        x = (self.media.focus[0] * image.width() - crop.left()) / crop.width()
        y = (self.media.focus[1] * image.height() - crop.top()) / crop.height()
        return QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())

    def zoomed_rect(self, rect: QRectF, zoom: float) -> QRectF:
        """Where the photo goes at `zoom`: `rect` grown by `zoom` around the focal point."""
        centre = self.focus_point(rect)
        top_left = centre + (rect.topLeft() - centre) * zoom
        return QRectF(top_left.x(), top_left.y(), rect.width() * zoom, rect.height() * zoom)

    def finish_layout(self, layout: PanelLayout, rect: QRectF) -> None:
        """Measure the bottom veil over the whole zoom."""
        if layout.media is not None:
            layout.media.veils = self._measure_veil(layout, rect)

    def _measure_veil(self, layout: PanelLayout, rect: QRectF) -> list[Veil]:
        """The bottom veil, at the opacity the text needs over the worst pixel it ever has.

        The caption and credit need 7:1, the progress dots in the chrome band 4.5:1,
        over whatever part of the photo lies under them at any moment of the zoom.
        """
        scale = Scale(rect)
        hi = self.veiled_picture(layout, rect)
        start = self.zoomed_rect(rect, ZOOM)  # the photo at the start of the zoom

        def seen(region: QRectF) -> list[QRectF]:
            """`region` on the panel, as pixels of `hi` it ever shows during the zoom."""
            ever = region.united(_unzoomed(region, start, rect)).translated(-rect.topLeft())
            factor = hi.width() / rect.width()
            return [QRectF(ever.topLeft() * factor, ever.size() * factor)]

        band = scale.chrome_rect()
        alpha = self.media.veil_for(hi, seen(band), CHROME_CONTRAST)
        texts = [ink_rect(block) for block in layout.texts.values()]
        if texts:
            alpha = max(alpha, *(self.media.veil_for(hi, seen(r)) for r in texts))
        top = min((r.top() for r in texts), default=band.top()) - scale.px(VEIL_PADDING)
        band.setTop(min(band.top(), top))
        return [Veil(band, alpha, scale.px(VEIL_FADE))]

    def veiled_picture(self, layout: PanelLayout, rect: QRectF) -> QImage:
        """What the veil is measured on: the photo, `ZOOM` times the panel's size."""
        return self.photo(layout, rect)

    def drawn_rects(self, rect: QRectF) -> list[QRectF] | None:
        """Anywhere: the photo fills the panel, and zooms."""
        return None

    # -- painting ----------------------------------------------------------------------------
    def paint(self, painter: QPainter, rect: QRectF, t: float) -> None:
        """Paint the photo at its zoom at `t`, then the veil, caption, credit and QR code."""
        layout, scale, t = self.layout(rect), Scale(QRectF(rect)), self.effective_time(t)
        media = layout.media
        assert media is not None
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setClipRect(rect)
        self.paint_picture(painter, layout, rect, t)
        painter.setClipping(False)
        paint_veils(painter, media.veils, self.ctx.theme.background)
        self.paint_layout(painter, layout, scale, t)
        painter.restore()

    def paint_picture(self, painter: QPainter, layout: PanelLayout, rect: QRectF, t: float) -> None:
        """The photo at its zoom at (effective) time `t`."""
        painter.drawImage(self.zoomed_rect(rect, self.zoom(t)), self.photo(layout, rect))

    def paint_layout(self, painter: QPainter, layout: PanelLayout, scale: Scale, t: float) -> None:
        """Caption (item 1), credit (item 2) and the QR code (item 2), staggered."""
        family = self.ctx.theme.family
        for index, key in ((1, "caption"), (2, "credit")):
            if key in layout.texts:
                with appearing(painter, scale, entrance(t, index)) as visible:
                    if visible:
                        layout.draw_text(painter, key, family)
        if layout.media is not None:
            with appearing(painter, scale, entrance(t, 2)) as visible:
                if visible:
                    self.media.paint_qr(painter, layout.media)


def _unzoomed(band: QRectF, zoomed: QRectF, rect: QRectF) -> QRectF:
    """The part of the framed photo (in `rect`) that shows in `band` when drawn in `zoomed`."""
    sx, sy = rect.width() / zoomed.width(), rect.height() / zoomed.height()
    left = rect.left() + (band.left() - zoomed.left()) * sx
    top = rect.top() + (band.top() - zoomed.top()) * sy
    return QRectF(left, top, band.width() * sx, band.height() * sy)
