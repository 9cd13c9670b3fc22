"""Is the kiosk window on a screen a visitor can see? The window system's word, through Qt.

Qt sends an expose event to a native window whenever the window system shows, hides,
maps or unmaps it, and `QWindow.isExposed()` then says whether what it paints can reach
a screen. The kiosk counts as on screen once its window is exposed and has painted a
frame since; proof-of-play, the heartbeat and systemd's watchdog count only then
(`Records.screen_changed`). A window never shown, minimised, or whose screen went away
is a problem for status.json, not a healthy kiosk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QScreen, QWindow
from PySide6.QtWidgets import QWidget

from kiosk.core.records.recorder import NOT_ON_SCREEN_YET

log = logging.getLogger(__name__)

HIDDEN = (
    "the window system reports the kiosk window as not visible "
    "(minimised, on another desktop, or its screen is gone)"
)

ScreenListener = Callable[[bool, str | None, dict[str, Any]], None]


class ScreenWatch(QObject):
    """Follows whether `window` is on a screen and tells `changed` when that changes.

    Parameters
    ----------
    window
        The kiosk's top-level widget.
    changed
        Called with (on screen, the problem in words or None, facts for status.json)
        whenever one of them changes.
    """

    def __init__(self, window: QWidget, changed: ScreenListener) -> None:
        super().__init__()  # not the window's child: it must not die with the window
        self.window = window
        self.changed = changed
        self.exposed = False
        self.painted = False  # a frame painted since the window was last exposed
        self.ever_on_screen = False
        self._handle: QWindow | None = None
        self._last: tuple[bool, str | None, dict[str, Any]] | None = None

    @property
    def on_screen(self) -> bool:
        """Whether a visitor can see the window now."""
        return self.exposed and self.painted

    def attach(self) -> None:
        """Start watching the native window (once it exists, i.e. after `show`)."""
        handle = self.window.windowHandle()
        if handle is None or handle is self._handle:
            return
        self._handle = handle
        handle.installEventFilter(self)
        self._update(handle.isExposed())

    def detach(self) -> None:
        """Stop watching (before the window closes: its last events are not news)."""
        if self._handle is not None:
            self._handle.removeEventFilter(self)
            self._handle = None

    def frame_painted(self) -> None:
        """The window painted a frame: once exposed, it is now on screen."""
        if not self.painted:
            self.painted = True
            self._update(self.exposed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note expose and resize events of the native window; never consumes them.

        The filter watches the native window only (PySide may hand it over in another
        wrapper than `windowHandle()` gave, so it is not compared).
        """
        if self._handle is not None and event.type() in (QEvent.Type.Expose, QEvent.Type.Resize):
            self._update(self._handle.isExposed())
        return False

    def facts(self) -> dict[str, Any]:
        """What the window is shown on, for status.json."""
        screen = screen_under(self.window)
        facts: dict[str, Any] = {
            "platform": QGuiApplication.platformName(),
            "exposed": self.exposed,
            "window": [self.window.width(), self.window.height()],
        }
        if screen is not None:
            size = screen.size()
            facts["screen"] = {
                "name": screen.name(),
                "size": [size.width(), size.height()],
                "refresh_hz": round(screen.refreshRate(), 1),
            }
        return facts

    def _update(self, exposed: bool) -> None:
        if not exposed:
            self.painted = False  # the next frame shown proves it is back
        self.exposed = exposed
        problem = None
        if not self.on_screen:
            problem = HIDDEN if self.ever_on_screen else NOT_ON_SCREEN_YET
        report = (self.on_screen, problem, self.facts())
        if report == self._last:
            return
        if self._last is None or report[0] != self._last[0]:
            self._log(problem)
        self.ever_on_screen = self.ever_on_screen or self.on_screen
        self._last = report
        self.changed(*report)

    def _log(self, problem: str | None) -> None:
        if problem is None:
            width, height = self.window.width(), self.window.height()
            screen = screen_under(self.window)
            where = "" if screen is None else f" on screen {screen.name()!r}"
            log.info("on screen: window %dx%d%s", width, height, where)
        elif self.ever_on_screen:
            log.warning("not on screen: %s", problem)


def screen_under(window: QWidget) -> QScreen | None:
    """The screen under the middle of `window`, found in the application's list of screens.

    Not `QWidget.screen()`: with PySide6 6.11, calling it on a window given a screen
    with `setScreen` leaves a wrapper that, once the window is garbage-collected,
    deletes the screen itself, and Qt crashes at the next window.
    """
    centre = window.geometry().center()
    screens = QGuiApplication.screens()
    return next((s for s in screens if s.geometry().contains(centre)), None)
