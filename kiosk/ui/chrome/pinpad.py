"""The operator's on-screen PIN pad: the only way out of a locked-down kiosk.

The pad is painted over the show, like the chrome, and driven by the app's one
ticker: `tick(now)` closes it when it is due and says when it next needs a tick.
Entered digits are shown as dots and never logged. A wrong PIN shakes the pad
and closes it; after five wrong PINs in a row `PinGate` locks it for a minute.
This module is the pad's state; `kiosk.ui.chrome.pinpad_paint` lays it out and paints it.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter

from kiosk.core.show.pin import PinGate, PinResult
from kiosk.core.show.strings import ui_text
from kiosk.ui.chrome.pinpad_paint import (
    KEY_NAMES,
    SHAKE_SECONDS,
    PadPicture,
    pad_layout,
    paint_pad,
    shake_px,
)
from kiosk.ui.show import Show
from kiosk.ui.ticker import FRAME_SECONDS

log = logging.getLogger(__name__)

MAX_DIGITS = 8
UNTOUCHED_SECONDS = 20.0
WRONG_SECONDS = 1.2  # the "Wrong PIN" message stays this long before the pad closes

PHYSICAL_KEYS = {
    **{getattr(Qt.Key, f"Key_{n}"): str(n) for n in range(10)},
    Qt.Key.Key_Return: "ok",
    Qt.Key.Key_Enter: "ok",
    Qt.Key.Key_Backspace: "back",
    Qt.Key.Key_Escape: "cancel",  # closes the pad, never the kiosk
}


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
        if name == "cancel":  # the way back is always open, even while "Wrong PIN" shows
            return True
        if self.wrong_at is not None:
            return False
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
        if self.is_open:
            paint_pad(painter, rect, self.picture(rect, now), self.show.stage.theme)

    def picture(self, rect: QRectF, now: float) -> PadPicture:
        """What the pad shows at `now` in `rect`: dots, pressed and enabled keys, message."""
        return PadPicture(
            language=self.language,
            digit_count=len(self.digits),
            pressed=self.pressed,
            enabled=frozenset(name for name in KEY_NAMES if self._enabled(name, now)),
            message=self.message(now),
            wrong=self.wrong_at is not None,
            shift=self._shake_px(rect, now),
        )

    def _shake_px(self, rect: QRectF, now: float) -> float:
        if self.wrong_at is None or self.show.stage.content.settings.reduced_motion:
            return 0.0
        return shake_px(rect, now - self.wrong_at)
