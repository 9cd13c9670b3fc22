"""A panel's picture and QR code: where they go, and how they are drawn around its text.

Every panel kind may carry a picture and a QR code. `PanelMedia.place` takes the
panel's content area and returns a `MediaLayout`: the rectangle the panel lays its
own text out in, and where the picture and the code go.

- A picture placed "beside" (the default) takes a column on the right in landscape,
  a band on top in portrait; its share of the area depends on the kind. Where that
  would leave the text too little room (`kiosk.core.content.media.picture_place`:
  statistics, more than four cards or steps) the picture goes behind instead.
- A picture placed "behind" covers the whole panel; the text keeps its usual place
  and a veil, measured on the photo under the text (`kiosk.ui.drawing.scrim`),
  keeps it at 7:1 contrast, as it does the chrome band at the bottom.
- A QR code comes on a light card with its caption, dark on light (so it reads over
  any photo): at the bottom of that right-hand column in landscape, right of the picture
  in portrait (caption above the code); without a picture in portrait, in a band at the
  bottom (caption beside the code).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import (
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

from kiosk.core.content.media import Picture, QrCode, picture_of, picture_place
from kiosk.core.show.strings import ui_text
from kiosk.ui.drawing.pictures import CENTRE, draw_picture, load_content_picture
from kiosk.ui.drawing.qrcode import QR_SIDE, draw_qr
from kiosk.ui.drawing.scale import BODY_MIN, SPACE_L, SPACE_M, Scale
from kiosk.ui.drawing.scrim import TEXT_CONTRAST, veil_alpha
from kiosk.ui.panels.base import ViewContext
from kiosk.ui.panels.textblocks import (
    TextBlock,
    balanced_block,
    draw_block,
    shifted,
    text_style,
)
from kiosk.ui.panels.veils import (
    CHROME_CONTRAST,
    VEIL_FADE,
    VEIL_PADDING,
    Veil,
    paint_veils,
)

QR_CAPTION = 34  # design px
QR_CAPTION_LINES = 3
QR_CARD_RADIUS = 12  # design px: less than the quiet zone, so the code keeps all of it
QR_CAPTION_SHARE = 1.2  # of the code's width: the caption beside it in portrait, at most
PICTURE_RADIUS = 28  # design px


@dataclass(frozen=True)
class Shares:
    """How much of the content area a picture beside the text takes, per orientation."""

    landscape: float = 0.38  # of the width, on the right
    portrait: float = 0.3  # of the height, on top


@dataclass
class MediaLayout:
    """Where a panel's text, picture and QR code go in one rectangle.

    Attributes
    ----------
    text
        The area the panel lays its own text out in.
    picture
        The box of a picture beside (or above) the text; None otherwise.
    qr, qr_card, qr_caption
        The square the QR code is centred in, the light card around it and its caption
        (dark on the card); None without a code.
    veils
        The veils over a picture behind the text (measured by `PanelMedia.measure`).
    backdrop
        The picture behind the text exactly as drawn, panel-sized; painted on use.
    """

    text: QRectF
    picture: QRectF | None = None
    qr: QRectF | None = None
    qr_card: QRectF | None = None
    qr_caption: TextBlock | None = None
    veils: list[Veil] = field(default_factory=list)
    backdrop: QImage | None = None


class PanelMedia:
    """The picture and QR code of one panel in one language."""

    def __init__(
        self, panel: object, ctx: ViewContext, shares: Shares | None = None, own: bool = False
    ) -> None:
        self.ctx = ctx
        self.own = own  # the view draws the picture itself (a photo, a portrait)
        self.place_of_picture = picture_place(panel)
        self.picture: Picture | None = picture_of(getattr(panel, "image", None))
        self.qr: QrCode | None = getattr(panel, "qr", None)
        self.shares = shares or Shares()
        self.alt = ctx.text(self.picture.alt) if self.picture else ""

    @property
    def behind(self) -> bool:
        """True when the picture covers the whole panel, behind the text."""
        return not self.own and self.place_of_picture == "behind"

    @property
    def beside(self) -> bool:
        """True when the picture goes beside (landscape) or above (portrait) the text."""
        return not self.own and self.place_of_picture == "beside"

    @property
    def focus(self) -> tuple[float, float]:
        """The picture's focal point (x, y), as fractions of the picture."""
        return (self.picture.focus[0], self.picture.focus[1]) if self.picture else CENTRE

    def qr_caption_text(self) -> str:
        """The words beside the QR code: the content's, else the kiosk's own."""
        caption = self.ctx.text(self.qr.caption) if self.qr else ""
        return caption or ui_text("qr_caption", self.ctx.language)

    def image(self, size: QSize) -> QImage | None:
        """The picture, decoded at about `size` (enough to cover it when it fills)."""
        if self.picture is None:
            return None
        bounds = (size.width(), size.height())
        return load_content_picture(
            self.ctx.content_dir, self.picture.file, bounds, cover=self.picture.fit == "fill"
        )

    # -- placement --------------------------------------------------------------------------
    def place(self, scale: Scale, area: QRectF) -> MediaLayout:
        """Split `area` between the panel's text, a picture beside it and the QR code."""
        layout = MediaLayout(QRectF(area))
        if self.qr is None and not self.beside:
            return layout
        gap = scale.px(SPACE_L)
        if scale.portrait:
            self._place_portrait(layout, scale, area, gap)
        else:
            self._place_landscape(layout, scale, area, gap)
        return layout

    def _place_landscape(self, layout: MediaLayout, scale: Scale, area: QRectF, gap: float) -> None:
        """A column on the right: the picture on top, the QR card (caption over code) below."""
        side = scale.px(QR_SIDE) if self.qr else 0.0
        width = max(area.width() * self.shares.landscape if self.beside else 0.0, side)
        column = QRectF(area.right() - width, area.top(), width, area.height())
        layout.text = QRectF(area.left(), area.top(), area.width() - width - gap, area.height())
        bottom = column.bottom()
        if self.qr is not None:
            bottom = self._upright_card(layout, scale, column.bottomRight()).top() - gap
        if self.beside:
            layout.picture = QRectF(column.left(), column.top(), width, bottom - column.top())

    def _place_portrait(self, layout: MediaLayout, scale: Scale, area: QRectF, gap: float) -> None:
        """A band on top: the picture, and the QR card right of it; or the card at the bottom.

        Without a picture the card lies in a band at the bottom: caption beside the code.
        """
        top, bottom = area.top(), area.bottom()
        if self.beside:
            height = area.height() * self.shares.portrait
            right = area.right()
            if self.qr is not None:
                corner = QPointF(area.right(), top + height)
                right = self._upright_card(layout, scale, corner).left() - gap
            layout.picture = QRectF(area.left(), top, right - area.left(), height)
            top += height + gap
        elif self.qr is not None:
            side = scale.px(QR_SIDE)
            self._lying_card(layout, scale, QRectF(area.left(), bottom - side, area.width(), side))
            bottom -= side + gap
        layout.text = QRectF(area.left(), top, area.width(), bottom - top)

    def _upright_card(self, layout: MediaLayout, scale: Scale, corner: QPointF) -> QRectF:
        """The QR card standing with its bottom right at `corner`: caption over the code."""
        side, pad = scale.px(QR_SIDE), scale.px(SPACE_M)
        box = QRectF(corner.x() - side + pad, 0.0, side - 2 * pad, scale.px(QR_CAPTION) * 4)
        caption = self._caption_block(scale, box)
        height = pad + caption.rect.height() + side
        layout.qr_card = QRectF(corner.x() - side, corner.y() - height, side, height)
        layout.qr_caption = shifted(caption, 0.0, layout.qr_card.top() + pad)
        layout.qr = QRectF(layout.qr_card.left(), corner.y() - side, side, side)
        return layout.qr_card

    def _lying_card(self, layout: MediaLayout, scale: Scale, row: QRectF) -> None:
        """The QR card at the right end of `row` (as tall as the code): caption, then code."""
        side, pad = row.height(), scale.px(SPACE_M)
        words = min(row.width() - side, side * QR_CAPTION_SHARE)
        layout.qr_card = QRectF(row.right() - side - words, row.top(), side + words, side)
        layout.qr = QRectF(row.right() - side, row.top(), side, side)
        box = QRectF(layout.qr_card.left() + pad, row.top() + pad, words - pad, side - 2 * pad)
        caption = self._caption_block(scale, box)
        layout.qr_caption = shifted(caption, 0.0, (box.height() - caption.rect.height()) / 2)

    def _caption_block(self, scale: Scale, box: QRectF) -> TextBlock:
        """The QR code's caption fitted in `box`, dark for the light card."""
        style = text_style(scale, QR_CAPTION, BODY_MIN, QFont.Weight.Medium,
                           max_lines=QR_CAPTION_LINES)
        theme = self.ctx.theme
        return balanced_block(self.qr_caption_text(), box, theme.family, style, theme.background)

    # -- the picture behind the text -------------------------------------------------------------
    def measure(self, layout: MediaLayout, rect: QRectF, regions: list[QRectF]) -> None:
        """Find the veils that keep the text in `regions`, and the chrome, legible over the photo.

        `regions` are where the panel's text lies (in `rect`'s coordinates): one
        rounded veil covers them all, at the opacity their least luminous colour needs
        for 7:1 over the brightest photo pixel under them; the chrome band at the
        bottom gets a veil of its own, fading in from above.
        """
        if not self.behind:
            return
        backdrop, scale = self.backdrop(layout, rect), Scale(rect)
        if regions:
            box = _united(regions).adjusted(*_pad(scale.px(VEIL_PADDING))).intersected(rect)
            alpha = self.veil_for(backdrop, [box.translated(-rect.topLeft())])
            layout.veils.append(Veil(box, alpha))
        band = scale.chrome_rect()
        alpha = self.veil_for(backdrop, [band.translated(-rect.topLeft())], CHROME_CONTRAST)
        layout.veils.append(Veil(band, alpha, scale.px(VEIL_FADE)))

    def veil_for(self, photo: QImage, regions: list[QRectF], ratio: float = TEXT_CONTRAST) -> float:
        """The veil opacity that gives the theme's text colours `ratio` over `photo` there."""
        theme = self.ctx.theme
        return veil_alpha(photo, regions, theme.background, (theme.text, theme.muted), ratio)

    def backdrop(self, layout: MediaLayout, rect: QRectF) -> QImage:
        """The picture behind the text as drawn in `rect` (painted once, then kept)."""
        size = rect.size().toSize()
        if layout.backdrop is None or layout.backdrop.size() != size:
            layout.backdrop = self.paint_backdrop_image(size)
        return layout.backdrop

    def paint_backdrop_image(self, size: QSize) -> QImage:
        """A panel-sized image of the picture over the theme's background, fill or fit."""
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(self.ctx.theme.background)
        painter = QPainter(image)
        self.draw_full(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image

    def draw_full(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the picture over all of `rect`, square-cornered (fill or fit)."""
        theme = self.ctx.theme
        fit = self.picture.fit if self.picture else "fill"
        picture = self.image(rect.size().toSize())
        draw_picture(painter, rect, picture, (theme.surface, theme.muted), 0.0, fit=fit,
                     focus=self.focus, alt=self.alt)

    def paint_behind(self, painter: QPainter, layout: MediaLayout, rect: QRectF) -> None:
        """Paint the picture behind the text and its veils (nothing for other placements)."""
        if not self.behind:
            return
        painter.drawImage(rect.topLeft(), self.backdrop(layout, rect))
        paint_veils(painter, layout.veils, self.ctx.theme.background)

    # -- beside the text -------------------------------------------------------------------
    def paint_beside(self, painter: QPainter, layout: MediaLayout, scale: Scale) -> None:
        """Paint the picture beside the text and the QR code with its caption."""
        theme = self.ctx.theme
        if layout.picture is not None and self.picture is not None:
            image = self.image(layout.picture.size().toSize())
            draw_picture(painter, layout.picture, image, (theme.surface, theme.muted),
                         scale.px(PICTURE_RADIUS), fit=self.picture.fit, focus=self.focus,
                         alt=self.alt)
        self.paint_qr(painter, layout)

    def paint_qr(self, painter: QPainter, layout: MediaLayout) -> None:
        """Paint the QR card: the light card, the code dark on it, and the caption."""
        if self.qr is None or layout.qr is None or layout.qr_card is None:
            return
        theme = self.ctx.theme
        radius = QR_CARD_RADIUS * layout.qr.width() / QR_SIDE  # scaled like the code
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(layout.qr_card, radius, radius)
        painter.strokePath(path, QPen(theme.background, radius / 2))  # an edge on a light photo
        painter.fillPath(path, theme.text)
        painter.restore()
        draw_qr(painter, layout.qr, self.qr.url, theme.background, theme.text)
        if layout.qr_caption is not None:
            draw_block(painter, layout.qr_caption, theme.family)

    def release(self, layout: MediaLayout) -> None:
        """Let the backdrop picture go; it is painted again when next needed."""
        layout.backdrop = None


def _united(rects: list[QRectF]) -> QRectF:
    """The bounding box of `rects`."""
    box = QRectF(rects[0])
    for rect in rects[1:]:
        box = box.united(rect)
    return box


def _pad(amount: float) -> tuple[float, float, float, float]:
    """Arguments to `QRectF.adjusted` that grow a rectangle by `amount` on every side."""
    return (-amount, -amount, amount, amount)

