"""The thin full-screen shell: paints the show's frame and hands input to the controls.

The window owns no state of its own beyond lockdown: what to paint comes from
the show, what a touch means is decided by `kiosk.ui.input`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.input import PointerInput
from kiosk.ui.show import Show


class KioskWindow(QWidget):
    """Full-screen (or windowed) surface of the kiosk."""

    def __init__(
        self,
        show: Show,
        clock: Callable[[], float],
        pointer: PointerInput,
        *,
        locked: bool,
    ) -> None:
        super().__init__()
        self.show_state = show
        self.clock = clock
        self.pointer = pointer
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
        """Paint the show's frame for now."""
        painter = QPainter(self)
        self.show_state.paint(painter, QRectF(self.rect()), self.clock())
        painter.end()
        if self.after_paint is not None:
            self.after_paint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Panels lay themselves out for the new size on the next paint."""
        self.show_state.size = event.size()
        super().resizeEvent(event)

    # input ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a pointer track."""
        self.pointer.press(event.position(), QRectF(self.rect()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Extend the track; a real mouse move shows the cursor again."""
        if self.locked and event.source() == Qt.MouseEventSource.MouseEventNotSynthesized:
            self.unsetCursor() if event.buttons() else None
        self.pointer.move(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Classify the finished track: tap, swipe or long press."""
        self.pointer.release(event.position(), QRectF(self.rect()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double tap is two taps, nothing more."""
        self.pointer.press(event.position(), QRectF(self.rect()))

    def wheelEvent(self, event: QEvent) -> None:
        """Scroll wheels do nothing on a kiosk."""
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Presenter keys; everything else is swallowed."""
        self.pointer.key(event.key(), event.modifiers())
        event.accept()

    def event(self, event: QEvent) -> bool:
        """Touch events become pointer tracks; gestures of several fingers are ignored."""
        handled = self.pointer.touch_event(event, QRectF(self.rect()))
        return True if handled else super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """In lockdown, only the operator's PIN may close the window."""
        if self.allow_close:
            event.accept()
        else:
            event.ignore()
