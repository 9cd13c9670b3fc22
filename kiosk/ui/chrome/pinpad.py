"""The operator's PIN pad on screen: touches and keys in, the pad painted over the show.

The pad's state (digits, lockout, timeouts) is `kiosk.core.show.pinpad.PinPad`;
this module only finds the key under a finger, maps physical keys to key names,
and paints the pad (`kiosk.ui.chrome.pinpad_paint`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter

from kiosk.core.show.pinpad import PinPad
from kiosk.ui.chrome.pinpad_paint import pad_layout, paint_pad
from kiosk.ui.drawing.theme import Theme

PHYSICAL_KEYS = {
    **{getattr(Qt.Key, f"Key_{n}"): str(n) for n in range(10)},
    Qt.Key.Key_Return: "ok",
    Qt.Key.Key_Enter: "ok",
    Qt.Key.Key_Backspace: "back",
    Qt.Key.Key_Escape: "cancel",  # closes the pad, never the kiosk
}


def key_at(position: QPointF, rect: QRectF) -> str | None:
    """The pad key under `position` on a screen `rect`, or None."""
    keys = pad_layout(rect).keys.items()
    return next((name for name, area in keys if area.contains(position)), None)


class PadView:
    """Hands touches and keys to an open `PinPad` and paints it."""

    def __init__(self, pad: PinPad) -> None:
        self.pad = pad

    @property
    def is_open(self) -> bool:
        """True while the pad is on screen (it then takes all input)."""
        return self.pad.is_open

    def open(self, now: float, language: str) -> None:
        """Show the pad afresh, in `language`."""
        self.pad.open(now, language)

    def press(self, position: QPointF, rect: QRectF, now: float) -> None:
        """A finger or button went down on the pad."""
        self.pad.press(key_at(position, rect), now)

    def release(self, position: QPointF, rect: QRectF, now: float) -> None:
        """The finger lifted."""
        self.pad.release(key_at(position, rect), now)

    def key(self, key: int, now: float) -> None:
        """A physical key: digits, Enter, Backspace; Escape cancels (never exits)."""
        if key in PHYSICAL_KEYS:
            self.pad.activate(PHYSICAL_KEYS[key], now)

    def paint(self, painter: QPainter, rect: QRectF, now: float, theme: Theme) -> None:
        """Paint the pad (with its shake) over whatever is in `rect`, when it is open."""
        if self.pad.is_open:
            paint_pad(painter, rect, self.pad.state(now), theme)
