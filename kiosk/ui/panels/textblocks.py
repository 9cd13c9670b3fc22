"""Text blocks: a text fitted to its box, at a size siblings can share, on even lines.

Every panel text goes through `fit_block` (or `balanced_block`), which never
breaks a word while a smaller size down to the style's floor would keep it
whole; `uniform_blocks` and `shared_style` give sibling texts one common size.
Siblings shrink together only down to `TOGETHER` of the largest size among them: a
text that needs less (a card text far longer than the others) shrinks on its own,
down to its floor and then "…", and its siblings keep their size.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from kiosk.ui.drawing.scale import Scale
from kiosk.ui.drawing.text import (
    SHRINK_STEP,
    FittedText,
    TextStyle,
    draw_fitted,
    fit_text,
)
from kiosk.ui.drawing.theme import make_font

BALANCE_TRIALS = 24  # narrower widths tried when balancing lines
TOGETHER = 0.8  # of the largest sibling's size: siblings shrink together down to this
NARROWEST = 0.4  # of the full width: the narrowest width tried

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


def keeps_words_whole(text: str, fitted: FittedText) -> bool:
    """True when `fitted` breaks its lines only between words of `text`."""
    return " ".join(fitted.lines).split() == text.split()


def fit_whole_words(
    text: str, family: str, style: TextStyle, width: float, height: float
) -> FittedText:
    """Like `fit_text`, but shrinks further (down to the style's minimum) to keep words whole.

    `fit_text` breaks a word too long for the width anywhere; a smaller size that
    fits the word on one line reads better, so it is tried first.
    """
    fitted = fit_text(text, family, style, width, height)
    while not keeps_words_whole(text, fitted) and fitted.pixel_size > style.min_pixel_size:
        smaller = replace(style, pixel_size=fitted.pixel_size * SHRINK_STEP)
        fitted = fit_text(text, family, smaller, width, height)
    return fitted


def fit_block(text: str, box: QRectF, family: str, style: TextStyle, color: QColor) -> TextBlock:
    """Fit `text` into the top of `box`; the block's rect is where its lines are drawn."""
    fitted = fit_whole_words(text, family, style, box.width(), box.height())
    rect = QRectF(box.left(), box.top(), box.width(), fitted.height)
    return TextBlock(text, rect, fitted, style, color)


def ink_rect(block: TextBlock) -> QRectF:
    """Where `block`'s lines actually are: its rect narrowed to its widest line, as aligned."""
    width = min(block.fitted.width, block.rect.width())
    rect = QRectF(block.rect.left(), block.rect.top(), width, block.rect.height())
    if block.style.align & Align.AlignHCenter:
        rect.moveLeft(block.rect.center().x() - width / 2)
    elif block.style.align & Align.AlignRight:
        rect.moveRight(block.rect.right())
    return rect


def shifted(block: TextBlock, dx: float, dy: float) -> TextBlock:
    """The same block moved by (`dx`, `dy`)."""
    return replace(block, rect=block.rect.translated(dx, dy))


def shared_size(sizes: list[float]) -> float:
    """The size siblings share: the smallest of their own `sizes`, leaving out the outliers.

    A size under `TOGETHER` of the largest is an outlier's (a text far longer than
    its siblings): it does not pull the others down.
    """
    largest = max(sizes)
    return min(size for size in sizes if size >= largest * TOGETHER - 1e-6)


def shared_style(texts: list[str], boxes: list[QRectF], family: str, style: TextStyle) -> TextStyle:
    """`style` at the size siblings share (`shared_size`), each of `texts` in its own box.

    A text that does not fit at that size shrinks further on its own when fitted.
    """
    sizes = [
        fit_whole_words(text, family, style, box.width(), box.height()).pixel_size
        for text, box in zip(texts, boxes, strict=True)
    ]
    return replace(style, pixel_size=shared_size(sizes) if sizes else style.pixel_size)


def uniform_blocks(
    texts: list[str], box: QRectF, family: str, style: TextStyle, color: QColor
) -> list[TextBlock]:
    """Fit each of `texts` into `box` at one common size, so siblings look uniform.

    Each text is fitted on its own; all are then laid out at the size they share
    (`shared_style`), an outlier at its own smaller size.
    """
    shared = shared_style(texts, [box] * len(texts), family, style)
    return [fit_block(text, box, family, shared, color) for text in texts]


def draw_block(painter: QPainter, block: TextBlock, family: str) -> None:
    """Draw a fitted text block where it was laid out."""
    draw_fitted(painter, block.rect, block.fitted, family, block.style, block.color)


def line_spread(fitted: FittedText, family: str, style: TextStyle) -> float:
    """How uneven `fitted`'s lines are: the widest line's width minus the narrowest's."""
    metrics = QFontMetricsF(make_font(family, fitted.pixel_size, style.weight))
    widths = [metrics.horizontalAdvance(line) for line in fitted.lines]
    return max(widths, default=0.0) - min(widths, default=0.0)


def balanced_width(text: str, family: str, style: TextStyle, box: QRectF) -> float:
    """The width, at most `box`'s, at which `text`'s lines are most even.

    Only widths that keep the size and the number of lines of the full-width fit
    are considered, from the full width down to `NARROWEST` of it.
    """
    full = fit_whole_words(text, family, style, box.width(), box.height())
    if full.elided:  # cut short at its floor: its lines are as full as they can be
        return box.width()
    best, best_spread = box.width(), line_spread(full, family, style)
    for step in range(1, BALANCE_TRIALS + 1):
        width = box.width() * (1.0 - (1.0 - NARROWEST) * step / BALANCE_TRIALS)
        trial = fit_whole_words(text, family, style, width, box.height())
        if trial.pixel_size != full.pixel_size or len(trial.lines) != len(full.lines):
            continue
        spread = line_spread(trial, family, style)
        if spread < best_spread - 0.5:
            best, best_spread = width, spread
    return best


def balanced_block(
    text: str, box: QRectF, family: str, style: TextStyle, color: QColor
) -> TextBlock:
    """Like `fit_block`, but with lines of even length: no lone word on a line.

    The text keeps the size and number of lines it has at full width, broken at
    the width that makes its lines most even (keeping the box's centre, or its left
    edge for left-aligned text). The block's rect keeps the full width of `box`.
    """
    width = balanced_width(text, family, style, box)
    centred = bool(style.align & Align.AlignHCenter)
    left = box.center().x() - width / 2 if centred else box.left()
    block = fit_block(text, QRectF(left, box.top(), width, box.height()), family, style, color)
    rect = QRectF(box.left(), block.rect.top(), box.width(), block.rect.height())
    return replace(block, rect=rect)
