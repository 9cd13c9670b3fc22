"""Where the PIN pad's keys are and how the pad is painted.

`pad_layout` places the card, its three text lines and the keys; `paint_pad`
paints a `PadState`, the pad as it looks at one moment, which the pad's state
machine (`kiosk.core.show.pinpad.PinPad`) gives. Nothing here keeps any state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from kiosk.core.show.pinpad import KEY_NAMES, KEY_ROWS, SHAKE_SECONDS, PadState
from kiosk.core.show.strings import ui_text
from kiosk.ui.drawing.scale import Scale
from kiosk.ui.drawing.text import TextStyle, draw_text
from kiosk.ui.drawing.theme import Theme

SHAKE_DESIGN_PX = 28.0
SHAKE_HZ = 7.0

# Design pixels (1080 short side): keys well above the 96 px minimum touch target.
KEY, GAP, PAD, TITLE, DOTS, MESSAGE = 120, 24, 40, 64, 56, 48
BACKSPACE = "\u232b"  # ⌫, in the bundled Inter


@dataclass(frozen=True)
class PadLayout:
    """Where the card, its texts and every key of the pad are, in device pixels."""

    card: QRectF
    title: QRectF
    dots: QRectF
    message: QRectF
    keys: dict[str, QRectF]


def pad_layout(rect: QRectF, shift: float = 0.0) -> PadLayout:
    """Lay the pad out centred in `rect`, moved `shift` device pixels sideways."""
    s = Scale(rect)
    grid = 3 * KEY + 2 * GAP
    height = 2 * PAD + TITLE + DOTS + MESSAGE + 4 * (KEY + GAP) + GAP + KEY * 0.8
    card = QRectF(0, 0, s.px(grid + 2 * PAD + 2 * GAP), s.px(height))
    card.moveCenter(rect.center() + QPointF(shift, 0))
    left, y = card.left() + s.px(PAD + GAP), card.top() + s.px(PAD)
    rows = [QRectF(left, y + s.px(top), s.px(grid), s.px(h)) for top, h in
            ((0, TITLE), (TITLE, DOTS), (TITLE + DOTS, MESSAGE))]
    keys: dict[str, QRectF] = {}
    y += s.px(TITLE + DOTS + MESSAGE + GAP)
    for row in KEY_ROWS:
        for column, name in enumerate(row):
            keys[name] = QRectF(left + s.px(column * (KEY + GAP)), y, s.px(KEY), s.px(KEY))
        y += s.px(KEY + GAP)
    keys["cancel"] = QRectF(left, y, s.px(grid), s.px(KEY * 0.8))
    return PadLayout(card, rows[0], rows[1], rows[2], keys)


def shake_offset(elapsed: float, duration: float = SHAKE_SECONDS) -> float:
    """Horizontal shake at `elapsed` seconds, as a fraction of its amplitude (-1..1)."""
    if not 0.0 <= elapsed < duration or duration <= 0:
        return 0.0
    return math.sin(2 * math.pi * SHAKE_HZ * elapsed) * (1.0 - elapsed / duration)


def shake_px(rect: QRectF, elapsed: float | None) -> float:
    """The shake `elapsed` seconds after a wrong PIN (None: none), in device pixels for `rect`."""
    if elapsed is None:
        return 0.0
    return Scale(rect).px(SHAKE_DESIGN_PX) * shake_offset(elapsed)


def key_label(name: str, language: str) -> str:
    """What key `name` shows: its digit, a backspace sign, or OK / Cancel in `language`."""
    if name in ("ok", "cancel"):
        return ui_text(f"pin_{name}", language)
    return BACKSPACE if name == "back" else name


def paint_pad(painter: QPainter, rect: QRectF, picture: PadState, theme: Theme) -> None:
    """Paint the pad over whatever is in `rect`: a dimmed screen, the card, texts and keys."""
    layout = pad_layout(rect, shake_px(rect, picture.shake))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    dim = QColor(theme.background)
    dim.setAlphaF(0.82)
    painter.fillRect(rect, dim)
    painter.setPen(QPen(QColor(theme.muted), max(1.0, Scale(rect).px(2))))
    painter.setBrush(QColor(theme.surface))
    radius = Scale(rect).px(32)
    painter.drawRoundedRect(layout.card, radius, radius)
    _paint_texts(painter, layout, picture, theme)
    _paint_dots(painter, layout.dots, picture.digit_count, theme)
    for name in KEY_NAMES:
        _paint_key(painter, layout.keys[name], name, picture, theme)
    painter.restore()


def _paint_texts(painter: QPainter, layout: PadLayout, picture: PadState, theme: Theme) -> None:
    """The title, and the message line under the dots (red for a wrong PIN)."""
    _draw_line(painter, layout.title, ui_text("pin_title", picture.language), theme.family,
               theme.text, 0.7)
    if picture.message:
        colour = theme.accent_red if picture.wrong else theme.muted
        _draw_line(painter, layout.message, picture.message, theme.family, colour, 0.7)


def _paint_dots(painter: QPainter, area: QRectF, count: int, theme: Theme) -> None:
    """One dot per digit entered, centred in `area`."""
    size = area.height() * 0.4
    pitch = size * 1.8
    left = area.center().x() - pitch * (count - 1) / 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.text))
    for index in range(count):
        painter.drawEllipse(QPointF(left + index * pitch, area.center().y()), size / 2,
                            size / 2)


def _paint_key(
    painter: QPainter, area: QRectF, name: str, picture: PadState, theme: Theme
) -> None:
    """One key: filled with the accent when pressed (or OK when it can be pressed)."""
    pressed = picture.pressed == name
    enabled = name in picture.enabled
    painter.save()
    painter.setOpacity(1.0 if enabled else 0.35)
    accent = name == "ok" and enabled
    fill = QColor(theme.accent) if pressed or accent else QColor(theme.background)
    painter.setPen(QPen(QColor(theme.muted), max(1.0, area.height() * 0.02)))
    painter.setBrush(fill)
    painter.drawRoundedRect(area, area.height() * 0.22, area.height() * 0.22)
    colour = theme.background if pressed or accent else theme.text
    inner = area.adjusted(area.height() * 0.1, 0, -area.height() * 0.1, 0)
    ratio = 0.32 if name in ("ok", "cancel") else 0.42
    _draw_line(painter, inner, key_label(name, picture.language), theme.family, colour, ratio)
    painter.restore()


def _draw_line(
    painter: QPainter, area: QRectF, text: str, family: str, colour: QColor, ratio: float
) -> None:
    """One centred line of plain text, `ratio` of the area's height, shrunk to fit."""
    style = TextStyle(area.height() * ratio, 8, QFont.Weight.DemiBold,
                      Qt.AlignmentFlag.AlignHCenter, max_lines=1)
    draw_text(painter, area, text, family, style, colour, Qt.AlignmentFlag.AlignVCenter)
