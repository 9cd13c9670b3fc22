"""The notice banner over every panel: "Back at 14:00", in the language on screen.

An amber band across the top of the screen with a megaphone and the notice in the
background's dark colour (about 9:1 against the amber). One line fits the panels'
top margin, so it covers nothing; a second line grows the band down over the top of
the panel. The text shrinks to the notice's floor (`FLOORS["notice"]`), then ends
with "…" (`kiosk validate` warns with the same limit).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from kiosk.ui.drawing.icons import draw_icon
from kiosk.ui.drawing.scale import NOTICE_MIN, Scale
from kiosk.ui.drawing.text import FittedText, TextStyle, draw_fitted, fit_text
from kiosk.ui.drawing.theme import Theme

NOTICE_SIZE = 42  # design px: the banner's text
NOTICE_LINES = 2
PADDING = 12  # above and below the text
ICON_SIZE = 48
ICON_GAP = 24


@dataclass(frozen=True)
class NoticeLayout:
    """Where the banner, its icon and its text go, and the text fitted to its place."""

    band: QRectF
    icon: QRectF
    text: QRectF
    fitted: FittedText


def notice_style(scale: Scale) -> TextStyle:
    """The notice's text style at `scale`."""
    return TextStyle(scale.px(NOTICE_SIZE), scale.px(NOTICE_MIN), QFont.Weight.DemiBold,
                     max_lines=NOTICE_LINES, line_height=1.1)


def notice_layout(rect: QRectF, text: str, family: str) -> NoticeLayout:
    """The banner of `text` across the top of `rect`, as tall as its lines."""
    scale = Scale(rect)
    style = notice_style(scale)
    left = rect.left() + scale.margin_x
    icon = scale.px(ICON_SIZE)
    text_left = left + icon + scale.px(ICON_GAP)
    width = rect.right() - scale.margin_x - text_left
    room = style.pixel_size * style.line_height * 1.3 * NOTICE_LINES
    fitted = fit_text(text, family, style, width, room)
    height = max(scale.margin_y, fitted.height + 2 * scale.px(PADDING))
    band = QRectF(rect.left(), rect.top(), rect.width(), height)
    text_rect = QRectF(text_left, band.top(), width, height)
    icon_rect = QRectF(left, band.center().y() - icon / 2, icon, icon)
    return NoticeLayout(band, icon_rect, text_rect, fitted)


def paint_notice(painter: QPainter, rect: QRectF, text: str, theme: Theme) -> None:
    """Paint the notice banner of `text` over the top of `rect`."""
    layout = notice_layout(rect, text, theme.family)
    painter.fillRect(layout.band, theme.accent)
    draw_icon(painter, layout.icon, "megaphone", theme.background)
    style = notice_style(Scale(rect))
    draw_fitted(painter, layout.text, layout.fitted, theme.family, style, theme.background,
                Qt.AlignmentFlag.AlignVCenter)
