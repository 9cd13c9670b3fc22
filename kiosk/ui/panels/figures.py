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

from kiosk.core.content.numbers import split_figure
from kiosk.ui.drawing.scale import BODY_MIN, SPACE_L, SPACE_S, Scale
from kiosk.ui.drawing.theme import Theme, make_font
from kiosk.ui.panels.common import PanelLayout, fit_block, text_style, uniform_blocks
from kiosk.ui.panels.glyphs import GlyphPainter
from kiosk.ui.panels.separators import advance, figure_font, spaced
from kiosk.ui.panels.textblocks import shared_size

FIGURE = 150  # design px: the largest the figures get
FIGURE_FAMILY = "Inter"  # its text cut: Inter Display's tabular figures are not all one width
UNIT_SHARE = 0.5  # a figure's unit words ("billion") at half the size of its digits
UNIT_GAP = 0.04  # extra space before the unit word, as a share of the digit size
FIGURE_DEPTH = 0.22  # room under the baseline for "$" and ",", as a share of the size
LABEL = 36


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
        digits = figure_font(FIGURE_FAMILY, pixel_size, QFont.Weight.Bold)
        unit = make_font(FIGURE_FAMILY, pixel_size * UNIT_SHARE, QFont.Weight.DemiBold)
        return cls(digits, unit)

    def width(self, text: str) -> float:
        """Width of `text` drawn as digits plus unit."""
        head, tail = split_figure(text)
        gap = self.digits.pixelSize() * UNIT_GAP if tail else 0.0
        return (advance(spaced(self.digits, head)) + gap
                + QFontMetricsF(self.unit).horizontalAdvance(tail))

    def boxes(self, baseline: QPointF, text: str) -> list[tuple[str, QRectF]]:
        """Where `text`'s digits and its unit words (if any) are drawn from `baseline`.

        Each box spans the part's advance, from its font's ascent to its descent.
        """
        head, tail = split_figure(text)
        width = advance(spaced(self.digits, head))
        found = [(head, _span(self.digits, baseline, width))]
        if tail:
            x = baseline.x() + width + self.digits.pixelSize() * UNIT_GAP
            tail_width = QFontMetricsF(self.unit).horizontalAdvance(tail)
            found.append((tail, _span(self.unit, QPointF(x, baseline.y()), tail_width)))
        return found

    def draw(self, painter: QPainter, baseline: QPointF, text: str) -> None:
        """Draw `text` with its left end on `baseline`, in the painter's pen colour."""
        head, tail = split_figure(text)
        digits, unit = self.painters
        glyphs = spaced(self.digits, head)
        digits.draw_glyphs(painter, baseline, glyphs)
        if tail:
            x = baseline.x() + advance(glyphs) + self.digits.pixelSize() * UNIT_GAP
            unit.draw(painter, QPointF(x, baseline.y()), tail)


def _span(font: QFont, baseline: QPointF, width: float) -> QRectF:
    """A run `width` wide of `font` from `baseline`: from its ascent down to its descent."""
    metrics = QFontMetricsF(font)
    return QRectF(baseline.x(), baseline.y() - metrics.ascent(), width, metrics.height())


@dataclass(frozen=True)
class FigureGrid:
    """Where the figures stand: each one's type, baseline, and the room it had.

    Attributes
    ----------
    types
        Each figure's fonts: one shared `FigureType`, but a figure far wider than the
        others (`textblocks.shared_size`) gets its own smaller one.
    baselines
        Where each figure's left end stands on its baseline.
    cells
        The room each figure's digits had: its cell's width, the height above its label.
    """

    types: list[FigureType]
    baselines: list[QPointF]
    cells: list[QRectF]

    @property
    def shared(self) -> FigureType:
        """The figures' common type (the largest)."""
        return max(self.types, key=lambda figure: figure.digits.pixelSize())


def layout_figure_grid(
    texts: PanelLayout, scale: Scale, area: QRectF, labels: list[str], settled: list[str],
    theme: Theme,
) -> FigureGrid:
    """A grid of figures with their labels in `area`; the figures share one size.

    Each label's block goes into `texts` as ``label:<i>``. `settled` are the figures
    as they end up, which decide the size: the largest at which each fits its cell.
    A figure is never cut short; one far too wide for the size the others share
    shrinks on its own (below its floor, if it must: `kiosk validate` warns).
    """
    count = len(labels)
    columns = 1 if count == 1 else 2
    rows = (count + columns - 1) // columns
    gap_x, gap_y = scale.px(SPACE_L), scale.px(SPACE_L)
    cell_w = (area.width() - (columns - 1) * gap_x) / columns
    cell_h = (area.height() - (rows - 1) * gap_y) / rows
    style = text_style(scale, LABEL, BODY_MIN, QFont.Weight.Medium, max_lines=3)
    box = QRectF(0, 0, cell_w, cell_h * 0.45)
    blocks = uniform_blocks(labels, box, theme.family, style, theme.text)
    label_h = max(block.rect.height() for block in blocks)
    room = cell_h - label_h - scale.px(SPACE_S)
    sizes = [figure_size([text], cell_w, room, scale.px(FIGURE)) for text in settled]
    shared = shared_size(sizes)
    types = figure_types([min(shared, size) for size in sizes])
    block_h = QFontMetricsF(types[sizes.index(shared)].digits).capHeight() + shared * FIGURE_DEPTH
    used = rows * (block_h + scale.px(SPACE_S) + label_h) + (rows - 1) * gap_y
    top = area.top() + (0.0 if scale.portrait else max(0.0, area.height() - used) * 0.3)
    baselines, cells = [], []
    for i, label in enumerate(blocks):
        left = area.left() + (i % columns) * (cell_w + gap_x)
        cell_top = top + (i // columns) * (block_h + scale.px(SPACE_S) + label_h + gap_y)
        baselines.append(QPointF(left, cell_top + block_h - shared * FIGURE_DEPTH))
        cells.append(QRectF(left, cell_top, cell_w, room))
        label_top = cell_top + block_h + scale.px(SPACE_S)
        texts.texts[f"label:{i}"] = fit_block(
            label.text, QRectF(left, label_top, cell_w, label_h), theme.family,
            label.style, label.color)
    return FigureGrid(types, baselines, cells)


def figure_types(sizes: list[float]) -> list[FigureType]:
    """A `FigureType` for each size; figures of one size share one (and its glyph pictures)."""
    made: dict[float, FigureType] = {}
    return [made.setdefault(size, FigureType.at(size)) for size in sizes]


def figure_size(settled: list[str], width: float, height: float, largest: float) -> float:
    """The largest digit size at which every figure in `settled` fits `width` x `height`."""
    probe = FigureType.at(100.0)
    widest = max(probe.width(text) for text in settled)
    depth = QFontMetricsF(probe.digits).capHeight() / 100.0 + FIGURE_DEPTH
    return max(1.0, min(largest, 98.0 * width / max(1.0, widest), height / depth))
