"""What a visitor's hand or a presenter's key means: Qt input turned into the show's intents.

Mouse and single-finger touch both become a pointer track, classified by the
pure `kiosk.core.show.gestures`; a swipe, a tap or a key becomes an intent of the
show (`next`, `previous`, `go_to`, `toggle_language`, `toggle_pause`, `touch`,
`tap`). Several fingers, pinches, right clicks and unknown keys do nothing. The
operator's way out (a 3 s press in the top-left corner or Ctrl+Shift+Q) only asks
for the PIN pad; it never leaves by itself. While the pad is open every touch and
key goes to it and nothing reaches the show.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent, QTouchEvent

from kiosk.core.show.gestures import PointerSample, classify, is_long_press_in_progress
from kiosk.core.show.presentation import Presentation
from kiosk.ui.chrome.controls import hit_test
from kiosk.ui.chrome.pinpad import PadView

ADMIN_PRESS_SECONDS = 3.0
ADMIN_CORNER = 0.12  # share of the short side that counts as the top-left corner

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp}
TOUCH_EVENTS = {
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
}
MOUSE_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
}


class PointerInput:
    """Turns raw input into the show's intents, or hands it to the open PIN pad.

    `pressed` is the control under a finger while it is down (drawn pressed).
    """

    def __init__(
        self,
        show: Presentation,
        pad: PadView,
        clock: Callable[[], float],
        admin: Callable[[], None],
    ) -> None:
        self.show = show
        self.pad = pad
        self.clock = clock
        self.admin = admin
        self.track: list[PointerSample] = []
        self.pressed: str | None = None
        self._corner_press = False
        self._admin_fired = False
        self._short_side = 1080.0

    # pointer ------------------------------------------------------------------
    def press(self, position: QPointF, rect: QRectF) -> None:
        """A finger or button went down."""
        now = self.clock()
        if self.pad.is_open:
            self.pad.press(position, rect, now)
            return
        self.track = [PointerSample(now, position.x(), position.y())]
        corner = min(rect.width(), rect.height()) * ADMIN_CORNER
        self._corner_press = position.x() < corner and position.y() < corner
        self._short_side = min(rect.width(), rect.height())
        self._admin_fired = False
        self.pressed = hit_test(rect, self.show.chrome(now), position)
        self.show.touch(now)

    def move(self, position: QPointF) -> None:
        """The finger moved (ignored when nothing is pressed)."""
        if self.track:
            self.track.append(PointerSample(self.clock(), position.x(), position.y()))

    def release(self, position: QPointF, rect: QRectF) -> None:
        """The finger lifted: act on the gesture it made (or on the pad's key)."""
        now = self.clock()
        if not self.track:
            if self.pad.is_open:
                self.pad.release(position, rect, now)
            return
        self.track.append(PointerSample(now, position.x(), position.y()))
        gesture = classify(self.track, min(rect.width(), rect.height()))
        self.track = []
        control, self.pressed = self.pressed, None
        if not (self._admin_fired or self.pad.is_open):
            self._act(gesture.kind, control, now)

    def cancel(self) -> None:
        """Forget the current track (a second finger arrived, the touch was cancelled)."""
        self.track = []
        self.pressed = None

    def poll(self, now: float) -> float | None:
        """Fire the admin request once a corner press lasts long enough; say when to look again."""
        if not (self.track and self._corner_press) or self._admin_fired:
            return None
        if is_long_press_in_progress(self.track, now, self._short_side, ADMIN_PRESS_SECONDS):
            self._admin_fired = True
            self.admin()
            return None
        return self.track[0].t + ADMIN_PRESS_SECONDS

    def _act(self, kind: str, control: str | None, now: float) -> None:
        if kind == "swipe_left":
            self.show.next(now, "swipe")
        elif kind == "swipe_right":
            self.show.previous(now, "swipe")
        elif kind == "tap":
            self._tap(control, now)

    def _tap(self, control: str | None, now: float) -> None:
        """A tap on `control`, as it was under the finger when it went down."""
        if control == "lang":
            self.show.toggle_language(now)
        elif control == "next":
            self.show.next(now, "tap")
        elif control == "prev":
            self.show.previous(now, "tap")
        elif control is not None and control.startswith("dot:"):
            self.show.go_to(self.show.active[int(control[4:])], now, "tap")
        else:
            self.show.tap(now)

    # Qt events ------------------------------------------------------------------------
    def mouse_event(self, event: QMouseEvent, rect: QRectF) -> None:
        """A mouse event: the left button makes tracks; other buttons do nothing."""
        kind = event.type()
        if kind not in MOUSE_EVENTS:
            return
        event.accept()
        if kind == QEvent.Type.MouseMove:
            self.move(event.position())
        elif event.button() != Qt.MouseButton.LeftButton:
            return
        elif kind == QEvent.Type.MouseButtonRelease:
            self.release(event.position(), rect)
        else:
            self.press(event.position(), rect)

    def touch_event(self, event: QEvent, rect: QRectF) -> bool:
        """Handle a touch event; True when it was one (so no mouse event is synthesised)."""
        if event.type() not in TOUCH_EVENTS:
            return False
        assert isinstance(event, QTouchEvent)
        event.accept()
        points = event.points()
        if event.type() == QEvent.Type.TouchCancel or len(points) != 1:
            if self.track:
                self.cancel()
            return True
        position = points[0].position()
        if event.type() == QEvent.Type.TouchBegin:
            self.press(position, rect)
        elif event.type() == QEvent.Type.TouchUpdate:
            self.move(position)
        else:
            self.release(position, rect)
        return True

    # keys ---------------------------------------------------------------------------
    def key(self, key: int, modifiers: Qt.KeyboardModifier) -> None:
        """Presenter and keyboard keys; Ctrl+Shift+Q asks for the PIN pad (a fresh one if open)."""
        now = self.clock()
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        admin_keys = key == Qt.Key.Key_Q and (modifiers & ctrl_shift) == ctrl_shift
        if self.pad.is_open:
            if admin_keys:
                self.pad.open(now, self.show.language)  # start again, even while "Wrong PIN" shows
            else:
                self.pad.key(key, now)
            return
        if admin_keys:
            self.admin()
        elif key in NEXT_KEYS:
            self.show.next(now, "key")
        elif key in PREVIOUS_KEYS:
            self.show.previous(now, "key")
        elif key == Qt.Key.Key_Space:
            self.show.toggle_pause(now)
        elif key == Qt.Key.Key_Home:
            self.show.go_to(0, now, "key")
        elif key == Qt.Key.Key_L and not modifiers & ctrl_shift:
            self.show.toggle_language(now)
