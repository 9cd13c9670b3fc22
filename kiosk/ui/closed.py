"""The closed screen: a calm sign that says, in every language, when the booth opens again.

It paints the model's `ClosedScreen` (`kiosk.core.show.closed`): on the panels'
background, centred, "Closed" and "Open again tomorrow at 9:00" in the default
language, large, and below a short amber rule the same in the other languages,
smaller and quieter; the notice banner over it when one is up. Nothing on it moves,
so a closed kiosk paints only when the words change (at midnight) or the window is
exposed. A screen the schedule switched off (`dark`) is painted black: if the
display ignored the order to switch off, it still shows nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from kiosk.core.show.closed import ClosedScreen
from kiosk.ui.chrome.notice import paint_notice
from kiosk.ui.drawing.scale import BODY_MIN, TITLE_MIN, Scale
from kiosk.ui.drawing.text import TextStyle, draw_fitted, fit_text
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.common import paint_background

CENTRE = Qt.AlignmentFlag.AlignHCenter
# design px: (size, floor) of the first language's heading and line, then the others'
HEADING = (108.0, TITLE_MIN)
LINE = (54.0, BODY_MIN)
OTHER_HEADING = (64.0, BODY_MIN)
OTHER_LINE = (42.0, BODY_MIN)
GAP = 28.0
RULE = (160.0, 8.0)  # the amber rule between the languages: width, height
WIDTH = 0.8  # of the screen's width, at most, for the words


@dataclass(frozen=True)
class Line:
    """One line of words on the closed screen, its style and colour."""

    text: str
    style: TextStyle
    colour: QColor


def paint_closed(painter: QPainter, rect: QRectF, closed: ClosedScreen, theme: Theme) -> None:
    """Paint the closed screen (black when the schedule switched the display off)."""
    if closed.dark:
        painter.fillRect(rect, QColor(0, 0, 0))
        return
    paint_background(painter, rect, theme)
    scale = Scale(rect)
    width = min(rect.width() * WIDTH, rect.width() - 2 * scale.margin_x)
    blocks = _blocks(closed, scale, theme)
    fitted = [[fit_text(line.text, theme.family, line.style, width, rect.height() / 4)
               for line in block] for block in blocks]
    gap, rule = scale.px(GAP), scale.px(RULE[1])
    heights = [sum(f.height for f in block) + gap * (len(block) - 1) for block in fitted]
    total = sum(heights) + (len(blocks) - 1) * (2 * gap + rule)
    top = rect.center().y() - total / 2
    left = rect.center().x() - width / 2
    for number, (block, sizes) in enumerate(zip(blocks, fitted, strict=True)):
        if number:
            _paint_rule(painter, rect.center().x(), top + gap, scale, theme)
            top += 2 * gap + rule
        for line, fit in zip(block, sizes, strict=True):
            area = QRectF(left, top, width, fit.height)
            draw_fitted(painter, area, fit, theme.family, line.style, line.colour)
            top += fit.height + gap
        top -= gap
    if closed.notice:
        paint_notice(painter, rect, closed.notice, theme)


def _blocks(closed: ClosedScreen, scale: Scale, theme: Theme) -> list[list[Line]]:
    """The words of each language as lines: the first language large, the others quieter."""
    blocks = []
    for number, words in enumerate(closed.words):
        heading, line = (HEADING, LINE) if number == 0 else (OTHER_HEADING, OTHER_LINE)
        heading_colour = theme.text if number == 0 else theme.muted
        blocks.append([
            Line(words.heading, _style(scale, heading, QFont.Weight.Bold), heading_colour),
            Line(words.reopening, _style(scale, line, QFont.Weight.DemiBold), theme.accent),
        ])
    return blocks


def _style(scale: Scale, size: tuple[float, float], weight: QFont.Weight) -> TextStyle:
    return TextStyle(scale.px(size[0]), scale.px(size[1]), weight, CENTRE, max_lines=2)


def _paint_rule(painter: QPainter, centre_x: float, top: float, scale: Scale,
                theme: Theme) -> None:
    width, height = scale.px(RULE[0]), scale.px(RULE[1])
    area = QRectF(centre_x - width / 2, top, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.accent)
    painter.drawRoundedRect(area, height / 2, height / 2)
    painter.restore()
