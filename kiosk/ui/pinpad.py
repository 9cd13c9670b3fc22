"""The operator's on-screen PIN pad: the only way out of a locked-down kiosk.

The pad is painted over the show, like the chrome, and driven by the app's one
ticker: `tick(now)` closes it when it is due and says when it next needs a tick.
Entered digits are shown as dots and never logged. A wrong PIN shakes the pad
and closes it; after five wrong PINs in a row `PinGate` locks it for a minute.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from kiosk.core.pin import PinGate, PinResult
from kiosk.core.strings import ui_text
from kiosk.ui.scale import Scale
from kiosk.ui.show import Show
from kiosk.ui.text import TextStyle, draw_text
from kiosk.ui.ticker import FRAME_SECONDS

log = logging.getLogger(__name__)

MAX_DIGITS = 8
UNTOUCHED_SECONDS = 20.0
SHAKE_SECONDS = 0.5
WRONG_SECONDS = 1.2  # the "Wrong PIN" message stays this long before the pad closes
SHAKE_DESIGN_PX = 28.0
SHAKE_HZ = 7.0

PHYSICAL_KEYS = {
    **{getattr(Qt.Key, f"Key_{n}"): str(n) for n in range(10)},
    Qt.Key.Key_Return: "ok",
    Qt.Key.Key_Enter: "ok",
    Qt.Key.Key_Backspace: "back",
    Qt.Key.Key_Escape: "cancel",  # closes the pad, never the kiosk
}

# Design pixels (1080 short side): keys well above the 96 px minimum touch target.
KEY, GAP, PAD, TITLE, DOTS, MESSAGE = 120, 24, 40, 64, 56, 48
KEY_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("back", "0", "ok"))
KEY_NAMES = (*(name for row in KEY_ROWS for name in row), "cancel")
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


class PinPad:
    """A modal PIN pad over the show; `on_accept` runs when the right PIN is entered.

    Parameters
    ----------
    show : Show
        Gives the PIN (``settings.admin_pin``), the theme, reduced motion, and the
        listener that records the interaction ``admin`` (ok / wrong / locked).
    on_accept : Callable[[], None]
        Called once the right PIN is entered (the app quits with code 0).
    """

    def __init__(self, show: Show, on_accept: Callable[[], None]) -> None:
        self.show = show
        self.on_accept = on_accept
        self.language = show.language
        self.digits = ""
        self.pressed: str | None = None
        self.is_open = False
        self.last_input = 0.0
        self.wrong_at: float | None = None
        self._gate: PinGate | None = None
        self._gate_pin = ""

    # state ------------------------------------------------------------------------
    @property
    def gate(self) -> PinGate:
        """The PIN gate for the current content's PIN (lockouts survive other reloads)."""
        pin = self.show.stage.content.settings.admin_pin
        if self._gate is None or pin != self._gate_pin:
            self._gate, self._gate_pin = PinGate(pin), pin
        return self._gate

    def message(self, now: float) -> str | None:
        """The line under the dots: wrong PIN, locked (with seconds left), or nothing."""
        if self.wrong_at is not None:
            return ui_text("pin_wrong", self.language)
        if self.gate.is_locked(now):
            left = math.ceil((self.gate.locked_until or now) - now)
            return ui_text("pin_locked", self.language, seconds=left)
        return None

    # opening and closing ----------------------------------------------------------------
    def open(self, now: float) -> None:
        """Show the pad, empty, in the show's language."""
        self.language = self.show.language
        self.digits, self.pressed, self.wrong_at = "", None, None
        self.is_open = True
        self.last_input = now
        log.info("operator PIN pad opened")
        if self.gate.is_locked(now):
            log.warning("operator PIN pad is locked after repeated wrong PINs")
            self._record("locked")

    def close(self) -> None:
        """Hide the pad and forget what was typed."""
        self.is_open = False
        self.digits, self.pressed, self.wrong_at = "", None, None

    # input ------------------------------------------------------------------------------
    def press(self, position: QPointF, rect: QRectF, now: float) -> None:
        """A finger or button went down on the pad: show the key pressed."""
        self.last_input = now
        key = self.key_at(position, rect)
        self.pressed = key if key is not None and self._enabled(key, now) else None

    def release(self, position: QPointF, rect: QRectF, now: float) -> None:
        """The finger lifted: act on the key if it is still over the one pressed."""
        pressed, self.pressed = self.pressed, None
        self.last_input = now
        if pressed is not None and self.key_at(position, rect) == pressed:
            self.activate(pressed, now)

    def key(self, key: int, now: float) -> None:
        """A physical key: digits, Enter, Backspace; Escape cancels (never exits)."""
        self.last_input = now
        if key in PHYSICAL_KEYS:
            self.activate(PHYSICAL_KEYS[key], now)

    def activate(self, name: str, now: float) -> None:
        """Do what key `name` ('0'..'9', 'back', 'ok', 'cancel') means."""
        if not self.is_open or not self._enabled(name, now):
            return
        if name == "cancel":
            log.info("operator PIN pad cancelled")
            self.close()
        elif name == "back":
            self.digits = self.digits[:-1]
        elif name == "ok":
            self._submit(now)
        elif len(self.digits) < MAX_DIGITS:
            self.digits += name

    def key_at(self, position: QPointF, rect: QRectF) -> str | None:
        """The pad key under `position`, or None."""
        keys = pad_layout(rect).keys.items()
        return next((name for name, area in keys if area.contains(position)), None)

    def _enabled(self, name: str, now: float) -> bool:
        if self.wrong_at is not None:
            return False
        if name == "cancel":
            return True
        if self.gate.is_locked(now):
            return False
        return name != "ok" or bool(self.digits)

    def _submit(self, now: float) -> None:
        result = self.gate.attempt(self.digits, now)
        self.digits = ""
        if result is PinResult.ACCEPTED:
            log.info("operator PIN accepted; leaving the kiosk")
            self._record("ok")
            self.close()
            self.on_accept()
        elif result is PinResult.REJECTED:
            log.warning("wrong operator PIN")
            self._record("wrong")
            self.wrong_at = now
        else:
            log.warning("operator PIN refused: the pad is locked")
            self._record("locked")

    def _record(self, detail: str) -> None:
        listener = self.show.listener
        if listener is not None:
            listener.interaction("admin", self.show.current_panel_id, detail)

    # time -------------------------------------------------------------------------------
    def tick(self, now: float) -> float | None:
        """Close the pad when a wrong PIN has been shown or it was left untouched."""
        if not self.is_open:
            return None
        wrong_done = self.wrong_at is not None and now >= self.wrong_at + WRONG_SECONDS
        if wrong_done or now >= self.last_input + UNTOUCHED_SECONDS:
            self.close()
            return None
        return self.next_tick(now)

    def next_tick(self, now: float) -> float | None:
        """When the pad's picture or state next changes; None when closed."""
        if not self.is_open:
            return None
        if self.wrong_at is not None:
            shaking = now < self.wrong_at + SHAKE_SECONDS
            return now + FRAME_SECONDS if shaking else self.wrong_at + WRONG_SECONDS
        due = self.last_input + UNTOUCHED_SECONDS
        if self.gate.is_locked(now):  # the locked message counts down every second
            until = self.gate.locked_until or now
            due = min(due, until - math.ceil(until - now) + 1)
        return max(now, due)

    # painting ---------------------------------------------------------------------------
    def paint(self, painter: QPainter, rect: QRectF, now: float) -> None:
        """Paint the pad (with its shake) over whatever is in `rect`."""
        if not self.is_open:
            return
        layout = pad_layout(rect, self._shake_px(rect, now))
        theme = self.show.stage.theme
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dim = QColor(theme.background)
        dim.setAlphaF(0.82)
        painter.fillRect(rect, dim)
        painter.setPen(QPen(QColor(theme.muted), max(1.0, Scale(rect).px(2))))
        painter.setBrush(QColor(theme.surface))
        radius = Scale(rect).px(32)
        painter.drawRoundedRect(layout.card, radius, radius)
        self._paint_texts(painter, layout, now)
        self._paint_dots(painter, layout)
        for name in KEY_NAMES:
            self._paint_key(painter, layout.keys[name], name, now)
        painter.restore()

    def _shake_px(self, rect: QRectF, now: float) -> float:
        if self.wrong_at is None or self.show.stage.content.settings.reduced_motion:
            return 0.0
        return Scale(rect).px(SHAKE_DESIGN_PX) * shake_offset(now - self.wrong_at)

    def _paint_texts(self, painter: QPainter, layout: PadLayout, now: float) -> None:
        theme = self.show.stage.theme
        _draw_line(painter, layout.title, ui_text("pin_title", self.language), theme.family,
                   theme.text, 0.7)
        message = self.message(now)
        if message:
            colour = theme.accent_red if self.wrong_at is not None else theme.muted
            _draw_line(painter, layout.message, message, theme.family, colour, 0.7)

    def _paint_dots(self, painter: QPainter, layout: PadLayout) -> None:
        area = layout.dots
        size = area.height() * 0.4
        pitch = size * 1.8
        left = area.center().x() - pitch * (len(self.digits) - 1) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.show.stage.theme.text))
        for index in range(len(self.digits)):
            painter.drawEllipse(QPointF(left + index * pitch, area.center().y()), size / 2,
                                size / 2)

    def _paint_key(self, painter: QPainter, area: QRectF, name: str, now: float) -> None:
        theme = self.show.stage.theme
        pressed = self.pressed == name
        enabled = self._enabled(name, now)
        painter.save()
        painter.setOpacity(1.0 if enabled else 0.35)
        accent = name == "ok" and enabled
        fill = QColor(theme.accent) if pressed or accent else QColor(theme.background)
        painter.setPen(QPen(QColor(theme.muted), max(1.0, area.height() * 0.02)))
        painter.setBrush(fill)
        painter.drawRoundedRect(area, area.height() * 0.22, area.height() * 0.22)
        colour = theme.background if pressed or accent else theme.text
        self._paint_key_label(painter, area, name, colour)
        painter.restore()

    def _paint_key_label(self, painter: QPainter, area: QRectF, name: str, colour: QColor) -> None:
        inner = area.adjusted(area.height() * 0.1, 0, -area.height() * 0.1, 0)
        ratio = 0.32 if name in ("ok", "cancel") else 0.42
        label = key_label(name, self.language)
        _draw_line(painter, inner, label, self.show.stage.theme.family, colour, ratio)


def key_label(name: str, language: str) -> str:
    """What key `name` shows: its digit, a backspace sign, or OK / Cancel in `language`."""
    if name in ("ok", "cancel"):
        return ui_text(f"pin_{name}", language)
    return BACKSPACE if name == "back" else name


def _draw_line(
    painter: QPainter, area: QRectF, text: str, family: str, colour: QColor, ratio: float
) -> None:
    """One centred line of plain text, `ratio` of the area's height, shrunk to fit."""
    style = TextStyle(area.height() * ratio, 8, QFont.Weight.DemiBold,
                      Qt.AlignmentFlag.AlignHCenter, max_lines=1)
    draw_text(painter, area, text, family, style, colour, Qt.AlignmentFlag.AlignVCenter)
