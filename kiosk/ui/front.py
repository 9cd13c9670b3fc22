"""Keeps the full-screen kiosk in front of the visitor, whatever the desktop's keys do.

A booth keyboard reaches the window manager: under openbox Super+D shows the desktop,
Ctrl+Alt+Right goes to the next desktop, Shift+Alt+Right sends the window there. Each
left the visitor on a black desktop while the kiosk ran unseen. In full-screen mode
`FrontGuard` asks the window manager to keep the window on every desktop and above
every other (`kiosk.ui.ewmh`), and looks twice a second whether the window is still
shown, on every desktop and active; when it is not, it shows it again, in front, and
the log says what happened and when it was back. Where there is no X11 (Wayland,
offscreen) it watches what Qt knows: a minimized or hidden window.

The guard has its own timer, like the content watcher: it watches the desktop, not the
show, so the show's ticker stays still while a panel is settled.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.ui import ewmh

log = logging.getLogger(__name__)

CHECK_MS = 500  # the window is back in front within a second of being sent away


class FrontGuard(QObject):
    """Watches a full-screen window and brings it back in front when it is sent away."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.hints: ewmh.Ewmh | None = None
        self.problem: str | None = None
        self.restored = 0
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Ask for the window on every desktop, above all others, and start watching."""
        if QGuiApplication.platformName() == "xcb":
            self.hints = ewmh.connect(int(self.window.winId()))
        if self.hints is not None:
            self.hints.keep_on_every_desktop_and_above()
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (the operator leaves, the kiosk ends)."""
        self._timer.stop()
        if self.hints is not None:
            self.hints.close()
            self.hints = None

    def away(self) -> str | None:
        """Why the window is not in front of the visitor, or None when it is."""
        window = self.window
        handle = window.windowHandle()
        if window.isMinimized():
            return "minimized"
        if not window.isVisible() or handle is None or not handle.isExposed():
            return "hidden (the desktop was shown, or another desktop)"
        hints = self.hints
        if hints is None:
            return None
        if hints.desktop() not in (ewmh.ALL_DESKTOPS, None):
            return "moved to another desktop"
        if hints.active() not in (int(window.winId()), None):
            return "covered by another window"
        return None

    def check(self) -> None:
        """Bring the window back in front if it was sent away; log when and why."""
        reason = self.away()
        if reason is None:
            if self.problem is not None:
                log.info("kiosk window is back in front of the visitor")
            self.problem = None
            return
        if reason != self.problem:
            log.warning("kiosk window %s; bringing it back in front", reason)
        self.problem = reason
        self.restored += 1
        self.bring_back()

    def bring_back(self) -> None:
        """Show the window full screen, on every desktop, raised and active."""
        window = self.window
        window.setWindowState(
            (window.windowState() & ~Qt.WindowState.WindowMinimized)
            | Qt.WindowState.WindowFullScreen
        )
        window.showFullScreen()
        window.raise_()
        window.activateWindow()
        if self.hints is not None:
            self.hints.keep_on_every_desktop_and_above()
            self.hints.activate()

