"""The thin full-screen shell: paints the show's frame and hands input to the controls.

The window owns no state of its own beyond lockdown and the mouse cursor: what
to paint comes from the show view (and the PIN pad over it), what a touch means
is decided by `kiosk.ui.input`. After each input event it repaints and wakes the
ticker (`wake`), which plans the next tick. In lockdown it refuses every close
request (Alt+F4, the window manager's close button), stays on top and hides the
cursor until a real mouse moves; only the operator's PIN (`allow_close`) lets it
close.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QWidget

from kiosk.ui.chrome.pinpad import PadView
from kiosk.ui.input import PointerInput
from kiosk.ui.show_view import ShowView

log = logging.getLogger(__name__)

CURSOR_IDLE_SECONDS = 3.0  # a revealed mouse cursor hides again after resting this long


class KioskWindow(QWidget):
    """Full-screen (or windowed) surface of the kiosk.

    Parameters
    ----------
    view, pad : ShowView, PadView
        What it paints: the show, and the PIN pad over it.
    pointer : PointerInput
        What it hands input to.
    clock : Callable[[], float]
        The app's monotonic clock.
    locked : bool
        Lockdown (full screen): no close, no cursor until a real mouse moves.
    wake : Callable[[], None]
        Called after input (and a revealed cursor): the ticker plans its next tick.
    painted : Callable[[float], None]
        Called after each paint with its time (the app's first-frame hook).
    """

    def __init__(
        self,
        view: ShowView,
        pad: PadView,
        pointer: PointerInput,
        clock: Callable[[], float],
        *,
        locked: bool,
        wake: Callable[[], None],
        painted: Callable[[float], None],
    ) -> None:
        super().__init__()
        self.view = view
        self.pad = pad
        self.pointer = pointer
        self.clock = clock
        self.wake = wake
        self.painted = painted
        self._mouse_at: QPointF | None = None
        self._frame_at: float | None = None  # the time of the frame `show_frame` paints
        self._pad_shown = False  # the PIN pad was painted in the last paint
        self._cursor_hides_at: float | None = None
        self.locked = locked
        self.allow_close = not locked
        self.setWindowTitle("Producers' Story Kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        if locked:
            self.setCursor(Qt.CursorShape.BlankCursor)
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)

    # painting -----------------------------------------------------------------
    def show_frame(self, now: float) -> None:
        """Put the frame at `now` (the tick's time) on screen, repainting only what changed.

        Painted at once, so the frame shows exactly the moment the damage was worked
        out for; nothing at all when the screen already shows it. With the PIN pad
        open (or just closed) the whole window is painted.
        """
        rect = QRectF(self.rect())
        region = None
        if not (self.pad.is_open or self._pad_shown):
            region = self.view.damage(rect, now, self.pointer.pressed)
            if region is not None and region.isEmpty():
                return
            if region is not None:  # one rectangle: one blit per picture, one copy to the screen
                region = QRegion(region.boundingRect())
        self._frame_at = now
        try:
            if region is None:
                self.repaint()
            else:
                self.repaint(region)
        finally:
            self._frame_at = None

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the show's frame, and the PIN pad over it when open, where Qt asks.

        The frame is the one `show_frame` was asked for, else the one at this moment.
        A panel that failed to paint is reported to the show once the paint is done.
        """
        painter = QPainter(self)
        now, rect = self.clock() if self._frame_at is None else self._frame_at, QRectF(self.rect())
        self.view.paint(painter, rect, now, self.pointer.pressed, event.region())
        self.pad.paint(painter, rect, now, self.view.theme)
        painter.end()
        self._pad_shown = self.pad.is_open
        self.view.report_failures(now)
        self.painted(now)

    # input ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a pointer track (left button only)."""
        self._mouse(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Extend the track; a real mouse move shows the cursor again."""
        self._reveal_cursor(event)
        self.pointer.mouse_event(event, QRectF(self.rect()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Classify the finished track: tap, swipe or long press."""
        self._mouse(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double tap is two taps, nothing more."""
        self._mouse(event)

    def _mouse(self, event: QMouseEvent) -> None:
        self.pointer.mouse_event(event, QRectF(self.rect()))
        self._acted()

    def _acted(self) -> None:
        """After input: repaint, and let the ticker plan again."""
        self.update()
        self.wake()

    def _reveal_cursor(self, event: QMouseEvent) -> None:
        """Show the cursor once a real mouse (not a finger) has actually moved."""
        if not self.locked or event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
            return
        at, self._mouse_at = self._mouse_at, event.position()
        if at is not None and at != event.position():
            self.unsetCursor()
            self._cursor_hides_at = self.clock() + CURSOR_IDLE_SECONDS
            self.wake()

    def hide_idle_cursor(self, now: float) -> float | None:
        """Hide a revealed cursor once the mouse has rested; return when to look again."""
        if self._cursor_hides_at is None:
            return None
        if now < self._cursor_hides_at:
            return self._cursor_hides_at
        self.setCursor(Qt.CursorShape.BlankCursor)
        self._cursor_hides_at = None
        return None

    def wheelEvent(self, event: QEvent) -> None:
        """Scroll wheels do nothing on a kiosk."""
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Presenter keys; everything else is swallowed."""
        self.pointer.key(event.key(), event.modifiers())
        event.accept()
        self._acted()

    def event(self, event: QEvent) -> bool:
        """Touch events become pointer tracks (hiding the cursor); several fingers do nothing."""
        if self.locked and event.type() == QEvent.Type.TouchBegin:
            self.setCursor(Qt.CursorShape.BlankCursor)
        if self.pointer.touch_event(event, QRectF(self.rect())):
            self._acted()
            return True
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """In lockdown, only the operator's PIN may close the window."""
        if self.allow_close:
            event.accept()
        else:
            log.info("close request ignored (lockdown; Ctrl+Shift+Q opens the PIN pad)")
            event.ignore()
