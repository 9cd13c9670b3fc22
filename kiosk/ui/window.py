"""The thin full-screen shell: paints the show's frame and hands input to the controls.

The window owns no state of its own beyond lockdown: what to paint comes from
the show (and the PIN pad over it), what a touch means is decided by
`kiosk.ui.input`. In lockdown it refuses every close request (Alt+F4, the window
manager's close button), stays on top and hides the cursor until a real mouse
moves; only the operator's PIN (`allow_close`) lets it close.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.chrome.pinpad import PinPad
from kiosk.ui.input import PointerInput
from kiosk.ui.show import Show

log = logging.getLogger(__name__)

CURSOR_IDLE_SECONDS = 3.0  # a revealed mouse cursor hides again after resting this long


class KioskWindow(QWidget):
    """Full-screen (or windowed) surface of the kiosk."""

    def __init__(
        self,
        show: Show,
        clock: Callable[[], float],
        pointer: PointerInput,
        *,
        locked: bool,
        pad: PinPad | None = None,
    ) -> None:
        super().__init__()
        self.show_state = show
        self.clock = clock
        self.pointer = pointer
        self.pad = pad
        self._mouse_at: QPointF | None = None
        self._cursor_hides_at: float | None = None
        self.cursor_revealed: Callable[[], None] | None = None
        self.locked = locked
        self.allow_close = not locked
        self.after_paint: Callable[[], None] | None = None
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
    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the show's frame for now, and the PIN pad over it when open."""
        painter = QPainter(self)
        now, rect = self.clock(), QRectF(self.rect())
        self.show_state.paint(painter, rect, now)
        if self.pad is not None:
            self.pad.paint(painter, rect, now)
        painter.end()
        if self.after_paint is not None:
            self.after_paint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Panels lay themselves out for the new size on the next paint."""
        self.show_state.size = event.size()
        super().resizeEvent(event)

    # input ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a pointer track (left button only)."""
        self.pointer.mouse_event(event, QRectF(self.rect()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Extend the track; a real mouse move shows the cursor again."""
        self._reveal_cursor(event)
        self.pointer.mouse_event(event, QRectF(self.rect()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Classify the finished track: tap, swipe or long press."""
        self.pointer.mouse_event(event, QRectF(self.rect()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double tap is two taps, nothing more."""
        self.pointer.mouse_event(event, QRectF(self.rect()))

    def _reveal_cursor(self, event: QMouseEvent) -> None:
        """Show the cursor once a real mouse (not a finger) has actually moved."""
        if not self.locked or event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
            return
        at, self._mouse_at = self._mouse_at, event.position()
        if at is not None and at != event.position():
            self.unsetCursor()
            self._cursor_hides_at = self.clock() + CURSOR_IDLE_SECONDS
            if self.cursor_revealed is not None:
                self.cursor_revealed()

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

    def event(self, event: QEvent) -> bool:
        """Touch events become pointer tracks (hiding the cursor); several fingers do nothing."""
        if self.locked and event.type() == QEvent.Type.TouchBegin:
            self.setCursor(Qt.CursorShape.BlankCursor)
        handled = self.pointer.touch_event(event, QRectF(self.rect()))
        return True if handled else super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """In lockdown, only the operator's PIN may close the window."""
        if self.allow_close:
            event.accept()
        else:
            log.info("close request ignored (lockdown; Ctrl+Shift+Q opens the PIN pad)")
            event.ignore()
