"""Drawing helpers every panel shares: background, header, text blocks, cards, entrances.

A panel is laid out once per rectangle (`LaidOutView.layout`) into named text
blocks and shapes; `paint` then only draws that layout at time `t`. Tests read
the same layout to check that no text is too small, overlaps another or the
chrome band at the bottom.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QRadialGradient

from kiosk.core.easing import stagger_end, staggered
from kiosk.ui.panels.base import PanelView, ViewContext
from kiosk.ui.scale import BODY, BODY_MIN, SPACE_M, SPACE_S, TITLE, TITLE_MIN, Scale
from kiosk.ui.text import FittedText, TextStyle, draw_fitted, fit_text
from kiosk.ui.theme import Theme

ENTRANCE_SECONDS = 0.5
STAGGER_SECONDS = 0.08
SLIDE_DESIGN_PX = 40
INTRO = 44  # design px of a panel's intro line
ACCENT_BAR = (112, 10)  # design px: the amber bar that marks a title
RED_TICK = 28  # design px: the short red segment after the amber bar
CARD_RADIUS = 28
TITLE_FLOOR = 30  # design px: the smallest an item title shrinks before it wraps further

Align = Qt.AlignmentFlag


@dataclass(frozen=True)
class TextBlock:
    """A text fitted to its box; `rect` is the area its lines occupy."""

    text: str
    rect: QRectF
    fitted: FittedText
    style: TextStyle
    color: QColor

    @property
    def pixel_size(self) -> float:
        """The font size the text was fitted at, in device pixels."""
        return self.fitted.pixel_size


@dataclass
class PanelLayout:
    """A panel laid out in one rectangle: named text blocks and named shapes."""

    texts: dict[str, TextBlock] = field(default_factory=dict)
    shapes: dict[str, QRectF] = field(default_factory=dict)

    def text_rects(self) -> dict[str, QRectF]:
        """The rectangle each text occupies, by name."""
        return {key: block.rect for key, block in self.texts.items()}


def text_style(
    scale: Scale,
    size: float,
    minimum: float,
    weight: QFont.Weight = QFont.Weight.Normal,
    *,
    align: Align = Align.AlignLeft,
    max_lines: int = 0,
    line_height: float = 1.18,
) -> TextStyle:
    """A text style from design pixel sizes, scaled to the panel."""
    return TextStyle(
        line_height=line_height,
        pixel_size=scale.px(size),
        min_pixel_size=scale.px(minimum),
        weight=weight,
        align=align,
        max_lines=max_lines,
    )


def fit_block(text: str, box: QRectF, family: str, style: TextStyle, color: QColor) -> TextBlock:
    """Fit `text` into the top of `box`; the block's rect is where its lines are drawn."""
    fitted = fit_text(text, family, style, box.width(), box.height())
    rect = QRectF(box.left(), box.top(), box.width(), fitted.height)
    return TextBlock(text, rect, fitted, style, color)


def shifted(block: TextBlock, dx: float, dy: float) -> TextBlock:
    """The same block moved by (`dx`, `dy`)."""
    return replace(block, rect=block.rect.translated(dx, dy))


def uniform_blocks(
    texts: list[str], box: QRectF, family: str, style: TextStyle, color: QColor
) -> list[TextBlock]:
    """Fit each of `texts` into `box` at one common size, so siblings look uniform.

    Each text is fitted on its own; all are then laid out at the smallest size found.
    """
    sizes = [fit_text(text, family, style, box.width(), box.height()).pixel_size for text in texts]
    shared = replace(style, pixel_size=min(sizes, default=style.pixel_size))
    return [fit_block(text, box, family, shared, color) for text in texts]


def layout_items(
    layout: PanelLayout,
    prefix: str,
    items: tuple[list[str], list[str]],
    room: QRectF,
    scale: Scale,
    theme: Theme,
    title_size: float,
) -> float:
    """Lay out the (titles, texts) of a list of items, each role at one common size.

    Every item gets a bold title (up to two lines) over a muted text, never larger
    than the titles (the hierarchy holds when titles must shrink), laid out at
    the top-left of `room` under the keys ``{prefix}:{i}:title`` and
    ``{prefix}:{i}:text``; each text follows its own title. Move them into place
    with `place_item`. Returns the height of the tallest title-and-text stack.
    """
    titles, texts = items
    style = text_style(scale, title_size, TITLE_FLOOR, QFont.Weight.Bold, max_lines=2)
    box = QRectF(room.left(), room.top(), room.width(), room.height() * 0.45)
    title_blocks = uniform_blocks(titles, box, theme.family, style, theme.text)
    gap = scale.px(SPACE_S)
    tallest = max(block.rect.height() for block in title_blocks) + gap
    body = text_style(scale, BODY, BODY_MIN)
    body = replace(body, pixel_size=min(body.pixel_size, title_blocks[0].pixel_size))
    worst = QRectF(room.left(), room.top(), room.width(), room.height() - tallest)
    shared = uniform_blocks(texts, worst, theme.family, body, theme.muted)[0].style
    bottom = room.top()
    for index, (title, text) in enumerate(zip(title_blocks, texts, strict=True)):
        top = title.rect.bottom() + gap
        box = QRectF(room.left(), top, room.width(), room.bottom() - top)
        block = fit_block(text, box, theme.family, shared, theme.muted)
        layout.texts[f"{prefix}:{index}:title"] = title
        layout.texts[f"{prefix}:{index}:text"] = block
        bottom = max(bottom, block.rect.bottom())
    return bottom - room.top()


def place_item(layout: PanelLayout, prefix: str, index: int, dx: float, dy: float) -> None:
    """Move item `index`'s title and text (laid out by `layout_items`) by (dx, dy)."""
    for role in ("title", "text"):
        key = f"{prefix}:{index}:{role}"
        layout.texts[key] = shifted(layout.texts[key], dx, dy)


def draw_block(painter: QPainter, block: TextBlock, family: str) -> None:
    """Draw a fitted text block where it was laid out."""
    draw_fitted(painter, block.rect, block.fitted, family, block.style, block.color)


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
    layout.texts["title"] = fit_block(title, box, theme.family, style, theme.text)
    bottom = layout.texts["title"].rect.bottom()
    if intro:
        style = text_style(scale, INTRO, BODY_MIN, max_lines=2)
        box = QRectF(area.left(), bottom + scale.px(SPACE_S), area.width(), area.height() * 0.15)
        layout.texts["intro"] = fit_block(intro, box, theme.family, style, theme.muted)
        bottom = layout.texts["intro"].rect.bottom()
    return bottom


def paint_header(
    painter: QPainter, layout: PanelLayout, scale: Scale, theme: Theme, t: float
) -> None:
    """Paint what `layout_header` laid out, entering as items 0 (bar, title) and 1 (intro)."""
    with appearing(painter, scale, entrance(t, 0)) as visible:
        if visible:
            paint_accent_bar(painter, layout.shapes["accent"], theme, entrance(t, 0))
            draw_block(painter, layout.texts["title"], theme.family)
    if "intro" in layout.texts:
        with appearing(painter, scale, entrance(t, 1)) as visible:
            if visible:
                draw_block(painter, layout.texts["intro"], theme.family)


class LaidOutView(PanelView):
    """A panel view that lays itself out once per rectangle and paints that layout."""

    def __init__(self, panel: object, ctx: ViewContext) -> None:
        super().__init__(panel, ctx)
        self._layout_cache: tuple[tuple[float, ...], PanelLayout] | None = None

    def layout(self, rect: QRectF) -> PanelLayout:
        """The panel laid out in `rect` (cached for the last rectangle)."""
        key = (rect.x(), rect.y(), rect.width(), rect.height())
        cached = self._layout_cache
        if cached is None or cached[0] != key:
            cached = (key, self.build_layout(QRectF(rect), Scale(QRectF(rect))))
            self._layout_cache = cached
        return cached[1]

    @abstractmethod
    def build_layout(self, rect: QRectF, scale: Scale) -> PanelLayout:
        """Lay the panel out in `rect`."""

    def paint(self, painter: QPainter, rect: QRectF, t: float) -> None:
        """Paint the panel into `rect` as it looks `t` seconds after it appeared."""
        layout = self.layout(rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint_layout(painter, layout, Scale(QRectF(rect)), self.effective_time(t))
        painter.restore()

    @abstractmethod
    def paint_layout(self, painter: QPainter, layout: PanelLayout, scale: Scale, t: float) -> None:
        """Paint `layout` at the effective time `t`."""
