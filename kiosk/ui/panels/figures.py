"""The statistics panel's figures: their typography and the grid they stand in.

A figure such as "$7.1 billion" is drawn as bold digits with its unit words at
half their size (`FigureType`), so the number itself reads from across the room.
`layout_figure_grid` places up to four figures with their labels in a grid
(one column for a single figure, otherwise two), all figures at one size, the
largest at which every settled figure fits its cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from kiosk.ui.drawing.scale import SPACE_L, SPACE_S, Scale
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.common import PanelLayout, fit_block, text_style, uniform_blocks
from kiosk.ui.panels.glyphs import GlyphPainter

FIGURE = 150  # design px: the largest the figures get
FIGURE_FAMILY = "Inter Display"
UNIT_SHARE = 0.5  # a figure's unit word ("billion") at half the size of its digits
UNIT_GAP = 0.04  # extra space before the unit word, as a share of the digit size
FIGURE_DEPTH = 0.22  # room under the baseline for "$" and ",", as a share of the size
LABEL, LABEL_MIN = 36, 34


def split_figure(text: str) -> tuple[str, str]:
    """Split a formatted figure into its digits and its unit words.

    "$7.1 billion" -> ("$7.1", " billion"); "7,1 milliards $" -> ("7,1", " milliards $");
    a figure without words ("148,200", "12 %") stays whole.
    """
    last = max((i for i, c in enumerate(text) if c.isdigit()), default=len(text) - 1)
    head, tail = text[: last + 1], text[last + 1 :]
    return (head, tail) if any(c.isalpha() for c in tail) else (text, "")


@dataclass(frozen=True)
class FigureType:
    """The two fonts of the figures, digits and unit words, and their glyph painters."""

    digits: QFont
    unit: QFont
    painters: tuple[GlyphPainter, GlyphPainter] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        glyphs = (GlyphPainter(self.digits), GlyphPainter(self.unit))
        object.__setattr__(self, "painters", glyphs)  # frozen: set once, here

    @classmethod
    def at(cls, pixel_size: float) -> FigureType:
        """The figure fonts for digits `pixel_size` pixels high."""
        digits = QFont(FIGURE_FAMILY)
        digits.setPixelSize(max(1, round(pixel_size)))
        digits.setWeight(QFont.Weight.Bold)
        digits.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        unit = QFont(digits)
        unit.setPixelSize(max(1, round(pixel_size * UNIT_SHARE)))
        unit.setWeight(QFont.Weight.DemiBold)
        return cls(digits, unit)

    def width(self, text: str) -> float:
        """Width of `text` drawn as digits plus unit."""
        head, tail = split_figure(text)
        gap = self.digits.pixelSize() * UNIT_GAP if tail else 0.0
        return (QFontMetricsF(self.digits).horizontalAdvance(head) + gap
                + QFontMetricsF(self.unit).horizontalAdvance(tail))

    def draw(self, painter: QPainter, baseline: QPointF, text: str) -> None:
        """Draw `text` with its left end on `baseline`, in the painter's pen colour."""
        head, tail = split_figure(text)
        digits, unit = self.painters
        digits.draw(painter, baseline, head)
        if tail:
            x = baseline.x() + QFontMetricsF(self.digits).horizontalAdvance(head)
            x += self.digits.pixelSize() * UNIT_GAP
            unit.draw(painter, QPointF(x, baseline.y()), tail)


def layout_figure_grid(
    texts: PanelLayout, scale: Scale, area: QRectF, labels: list[str], settled: list[str],
    theme: Theme,
) -> tuple[FigureType, list[QPointF]]:
    """A grid of figures with their labels in `area`; all figures share one size.

    Each label's block goes into `texts` as ``label:<i>``. `settled` are the figures
    as they end up, which decide the size. Returns the figure fonts and the baseline
    of each figure.
    """
    count = len(labels)
    columns = 1 if count == 1 else 2
    rows = (count + columns - 1) // columns
    gap_x, gap_y = scale.px(SPACE_L), scale.px(SPACE_L)
    cell_w = (area.width() - (columns - 1) * gap_x) / columns
    cell_h = (area.height() - (rows - 1) * gap_y) / rows
    style = text_style(scale, LABEL, LABEL_MIN, QFont.Weight.Medium, max_lines=3)
    box = QRectF(0, 0, cell_w, cell_h * 0.45)
    blocks = uniform_blocks(labels, box, theme.family, style, theme.text)
    label_h = max(block.rect.height() for block in blocks)
    room = cell_h - label_h - scale.px(SPACE_S)
    size = figure_size(settled, cell_w, room, scale.px(FIGURE))
    figure = FigureType.at(size)
    block_h = QFontMetricsF(figure.digits).capHeight() + size * FIGURE_DEPTH
    used = rows * (block_h + scale.px(SPACE_S) + label_h) + (rows - 1) * gap_y
    top = area.top() + (0.0 if scale.portrait else max(0.0, area.height() - used) * 0.3)
    baselines = []
    for i, label in enumerate(blocks):
        left = area.left() + (i % columns) * (cell_w + gap_x)
        cell_top = top + (i // columns) * (block_h + scale.px(SPACE_S) + label_h + gap_y)
        baselines.append(QPointF(left, cell_top + block_h - size * FIGURE_DEPTH))
        label_top = cell_top + block_h + scale.px(SPACE_S)
        texts.texts[f"label:{i}"] = fit_block(
            label.text, QRectF(left, label_top, cell_w, label_h), theme.family,
            label.style, label.color)
    return figure, baselines


def figure_size(settled: list[str], width: float, height: float, largest: float) -> float:
    """The largest digit size at which every figure in `settled` fits `width` x `height`."""
    probe = FigureType.at(100.0)
    widest = max(probe.width(text) for text in settled)
    depth = QFontMetricsF(probe.digits).capHeight() / 100.0 + FIGURE_DEPTH
    return max(1.0, min(largest, 98.0 * width / max(1.0, widest), height / depth))
