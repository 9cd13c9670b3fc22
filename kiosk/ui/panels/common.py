"""Drawing helpers every panel shares: background, header, cards, entrances.

A panel is laid out once per rectangle (`LaidOutView.layout`) into named text
blocks and shapes; `paint` then only draws that layout at time `t`, large text
from a sprite painted on its first use (`PanelLayout.draw_text`), so an entrance
does not fill its glyphs as paths again every frame. Tests read the same layout
to check that no text is too small, overlaps another or the chrome band at the
bottom.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QRadialGradient

from kiosk.core.show.easing import stagger_end, staggered
from kiosk.ui.drawing.cache import Cached
from kiosk.ui.drawing.scale import BODY_MIN, SPACE_M, SPACE_S, TITLE, TITLE_MIN, Scale
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.base import PanelView, ViewContext
from kiosk.ui.panels.media import MediaLayout, PanelMedia, Shares
from kiosk.ui.panels.sprites import Sprite, needs_sprite, text_bounds, text_sprite
from kiosk.ui.panels.textblocks import (
    TextBlock,
    balanced_block,
    draw_block,
    ink_rect,
    text_style,
)
from kiosk.ui.panels.textblocks import fit_block as fit_block
from kiosk.ui.panels.textblocks import shifted as shifted
from kiosk.ui.panels.textblocks import uniform_blocks as uniform_blocks

ENTRANCE_SECONDS = 0.5
STAGGER_SECONDS = 0.08
SLIDE_DESIGN_PX = 40
SHAPE_REACH = 24  # design px a shape's drawing may reach past its rectangle (pens, arrowheads)
INTRO = 44  # design px of a panel's intro line
ACCENT_BAR = (112, 10)  # design px: the amber bar that marks a title
RED_TICK = 28  # design px: the short red segment after the amber bar
CARD_RADIUS = 28


@dataclass
class PanelLayout:
    """A panel laid out in one rectangle: named text blocks and named shapes.

    `sprites` holds the large text blocks already painted by `draw_text`, by name;
    `release_sprites` lets them go (they are painted again when next drawn).
    """

    texts: dict[str, TextBlock] = field(default_factory=dict)
    shapes: dict[str, QRectF] = field(default_factory=dict)
    sprites: dict[str, Sprite] = field(default_factory=dict)
    media: MediaLayout | None = None

    def draw_text(self, painter: QPainter, key: str, family: str) -> None:
        """Draw text block `key` where it was laid out: from its sprite, if it has one.

        Large text gets its sprite here, on first use (see `sprites.needs_sprite`).
        """
        block, sprite = self.texts[key], self.sprites.get(key)
        if sprite is None and needs_sprite(block):
            sprite = self.sprites[key] = text_sprite(block, family)
        if sprite is None:
            draw_block(painter, block, family)
        else:
            sprite.draw(painter)

    def release_sprites(self) -> None:
        """Let the text sprites go; the next `draw_text` paints them again."""
        self.sprites.clear()


def drawn_area(
    layout: PanelLayout, scale: Scale, extra: list[QRectF] | None = None
) -> list[QRectF]:
    """Where `layout` paints at any moment of its entrance (see `PanelView.drawn_rects`).

    Every text with room for its glyphs, every shape (and each of `extra`) with room
    for its pen and arrowheads, the picture beside the text and the QR card; each
    also where it starts its entrance, slid down.
    """
    reach = scale.px(SHAPE_REACH)
    media = layout.media
    shapes = [*layout.shapes.values(), *(extra or [])]
    if media is not None:
        shapes += [box for box in (media.picture, media.qr_card) if box is not None]
    rects = [text_bounds(block) for block in layout.texts.values()]
    rects += [shape.adjusted(-reach, -reach, reach, reach) for shape in shapes]
    slide = scale.px(SLIDE_DESIGN_PX)
    return [rect.united(rect.translated(0.0, slide)) for rect in rects]


def paint_background(painter: QPainter, rect: QRectF, theme: Theme) -> None:
    """Fill `rect` with the background and a soft stage-light glow from the top left."""
    painter.fillRect(rect, theme.background)
    glow = QColor(theme.surface)
    glow.setAlpha(170)
    centre = QPointF(rect.left() + rect.width() * 0.12, rect.top() - rect.height() * 0.15)
    gradient = QRadialGradient(centre, max(rect.width(), rect.height()) * 0.85)
    gradient.setColorAt(0.0, glow)
    gradient.setColorAt(1.0, QColor(0, 0, 0, 0))
    painter.fillRect(rect, gradient)


def accent_bar_rect(scale: Scale, left: float, top: float) -> QRectF:
    """Where the amber accent bar (with its red tick) goes, from its top-left corner."""
    width, height = ACCENT_BAR
    return QRectF(left, top, scale.px(width + RED_TICK + height), scale.px(height))


def paint_accent_bar(painter: QPainter, rect: QRectF, theme: Theme, grow: float = 1.0) -> None:
    """Paint the amber bar and its short red tick, grown to `grow` (0..1) of its width."""
    height = rect.height()
    tick = rect.width() * RED_TICK / (ACCENT_BAR[0] + RED_TICK + ACCENT_BAR[1])
    amber = QRectF(rect.left(), rect.top(), (rect.width() - tick - height) * grow, height)
    red = QRectF(amber.right() + height, rect.top(), tick, height)
    paint_card(painter, amber, theme.accent, height / 2)
    painter.save()
    painter.setOpacity(painter.opacity() * grow)
    paint_card(painter, red, theme.accent_red, height / 2)
    painter.restore()


def paint_card(painter: QPainter, rect: QRectF, color: QColor, radius: float) -> None:
    """Paint a rounded rectangle of `color`: a card's surface, or a bar."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(rect, radius, radius)
    painter.restore()


def entrance(
    t: float, index: int, *, stagger: float = STAGGER_SECONDS, delay: float = 0.0
) -> float:
    """Eased 0..1 entrance of item `index` of a staggered list at time `t`."""
    return staggered(t, index, duration=ENTRANCE_SECONDS, stagger=stagger, delay=delay)


def entrance_end(count: int, *, stagger: float = STAGGER_SECONDS, delay: float = 0.0) -> float:
    """When the last of `count` staggered entrances has settled."""
    return stagger_end(count, ENTRANCE_SECONDS, stagger, delay)


@contextmanager
def appearing(painter: QPainter, scale: Scale, amount: float) -> Iterator[bool]:
    """Paint inside this block faded in and slid up by `amount` (0 hidden, 1 in place).

    Yields False when nothing would be visible, so the caller can skip drawing.
    """
    painter.save()
    painter.setOpacity(painter.opacity() * amount)
    painter.translate(0.0, scale.px(SLIDE_DESIGN_PX) * (1.0 - amount))
    try:
        yield amount > 0.0
    finally:
        painter.restore()


def layout_header(
    layout: PanelLayout,
    scale: Scale,
    area: QRectF,
    theme: Theme,
    title: str,
    intro: str = "",
) -> float:
    """Lay out a panel's accent bar, title and optional intro at the top of `area`.

    Returns the y where the panel's body may start.
    """
    bar = accent_bar_rect(scale, area.left(), area.top())
    layout.shapes["accent"] = bar
    style = text_style(scale, TITLE, TITLE_MIN, QFont.Weight.Bold, max_lines=2)
    box = QRectF(area.left(), bar.bottom() + scale.px(SPACE_M), area.width(), area.height() * 0.3)
    layout.texts["title"] = balanced_block(title, box, theme.family, style, theme.text)
    bottom = layout.texts["title"].rect.bottom()
    if intro:
        style = text_style(scale, INTRO, BODY_MIN, max_lines=2)
        box = QRectF(area.left(), bottom + scale.px(SPACE_S), area.width(), area.height() * 0.15)
        layout.texts["intro"] = balanced_block(intro, box, theme.family, style, theme.muted)
        bottom = layout.texts["intro"].rect.bottom()
    return bottom


def paint_header(
    painter: QPainter, layout: PanelLayout, scale: Scale, theme: Theme, t: float
) -> None:
    """Paint what `layout_header` laid out, entering as items 0 (bar, title) and 1 (intro)."""
    with appearing(painter, scale, entrance(t, 0)) as visible:
        if visible:
            paint_accent_bar(painter, layout.shapes["accent"], theme, entrance(t, 0))
            layout.draw_text(painter, "title", theme.family)
    if "intro" in layout.texts:
        with appearing(painter, scale, entrance(t, 1)) as visible:
            if visible:
                layout.draw_text(painter, "intro", theme.family)


class LaidOutView(PanelView):
    """A panel view that lays itself out once per rectangle and paints that layout.

    The panel's picture and QR code (`media`) are placed around its text: a view
    lays its text out in `content_area`, and `paint` draws a picture behind the text
    first, and a picture beside it and the QR code after it (see `kiosk.ui.panels.media`).
    """

    shares = Shares()  # how much room a picture beside the text takes
    on_cards: tuple[str, ...] = ()  # prefixes of texts drawn on opaque cards (no veil needed)
    own_picture = False  # the view draws its picture itself (a photo, a portrait)
    veiled_shapes: tuple[str, ...] = ("accent",)  # shapes a veil must cover, with the texts

    def __init__(self, panel: object, ctx: ViewContext) -> None:
        super().__init__(panel, ctx)
        self.media = PanelMedia(panel, ctx, self.shares, self.own_picture)
        self._layout: Cached[tuple[float, ...], PanelLayout] = Cached()

    def layout(self, rect: QRectF) -> PanelLayout:
        """The panel laid out in `rect` (cached for the last rectangle)."""
        key = (rect.x(), rect.y(), rect.width(), rect.height())
        return self._layout.get(key, lambda: self._laid_out(QRectF(rect)))

    def _laid_out(self, rect: QRectF) -> PanelLayout:
        """The panel laid out in `rect`, then finished (`finish_layout`)."""
        layout = self.build_layout(rect, Scale(rect))
        self.finish_layout(layout, rect)
        return layout

    def finish_layout(self, layout: PanelLayout, rect: QRectF) -> None:
        """After laying out: measure the veils over a picture behind the text."""
        if layout.media is not None:
            self.media.measure(layout.media, rect, self.veiled_rects(layout))

    def content_area(self, layout: PanelLayout, scale: Scale) -> QRectF:
        """Where the panel's own text goes: the content area less the picture and QR code."""
        layout.media = self.media.place(scale, scale.content_rect())
        return layout.media.text

    def veiled_rects(self, layout: PanelLayout) -> list[QRectF]:
        """Where text lies over a picture behind it: every text not on a card, the bar."""
        rects = [ink_rect(b) for k, b in layout.texts.items() if not k.startswith(self.on_cards)]
        return rects + [layout.shapes[key] for key in self.veiled_shapes if key in layout.shapes]

    def drawn_rects(self, rect: QRectF) -> list[QRectF] | None:
        """Its texts, shapes, picture and QR card; anywhere with a picture behind the text."""
        if self.media.behind:
            return None
        return drawn_area(self.layout(rect), Scale(QRectF(rect)))

    def release(self) -> None:
        """Let the text sprites and the backdrop go; the layout itself (cheap to keep) stays."""
        if (laid_out := self._layout.value) is not None:
            laid_out.release_sprites()
            if laid_out.media is not None:
                self.media.release(laid_out.media)

    @abstractmethod
    def build_layout(self, rect: QRectF, scale: Scale) -> PanelLayout:
        """Lay the panel out in `rect`."""

    def paint(self, painter: QPainter, rect: QRectF, t: float) -> None:
        """Paint the panel into `rect` as it looks `t` seconds after it appeared."""
        layout, scale, t = self.layout(rect), Scale(QRectF(rect)), self.effective_time(t)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if layout.media is not None:
            self.media.paint_behind(painter, layout.media, rect)
        self.paint_layout(painter, layout, scale, t)
        if layout.media is not None:
            with appearing(painter, scale, entrance(t, 0)) as visible:
                if visible:
                    self.media.paint_beside(painter, layout.media, scale)
        painter.restore()

    @abstractmethod
    def paint_layout(self, painter: QPainter, layout: PanelLayout, scale: Scale, t: float) -> None:
        """Paint `layout` at the effective time `t`."""
