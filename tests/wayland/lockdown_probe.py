"""Run under a Wayland compositor: the kiosk goes full screen, refuses to close, and the
operator's Ctrl+Shift+Q and PIN end it with exit code 0. Prints what it saw, as JSON.

Usage: python -m tests.wayland.lockdown_probe CONTENT DATA_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.boot import RunOptions
from kiosk.ui.app import KioskApp

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def main() -> int:
    """Drive the kiosk through lockdown and the PIN exit; print the findings."""
    app = QApplication([])
    content, data = Path(sys.argv[1]), Path(sys.argv[2])
    kiosk = KioskApp(RunOptions(content, data), data)
    seen: dict[str, object] = {"platform": app.platformName()}

    def once_on_screen() -> None:
        if not kiosk.screen_watch.on_screen:
            QTimer.singleShot(50, once_on_screen)
            return
        window = kiosk.window
        seen["full_screen"] = window.isFullScreen()
        seen["size"] = list(window.size().toTuple())
        seen["close_refused"] = not window.close() and window.isVisible()
        QTest.keyClick(window, Qt.Key.Key_Q, CTRL_SHIFT)
        seen["pad_open"] = kiosk.pinpad.is_open
        pin = kiosk.show.content.settings.admin_pin
        for digit in pin:
            QTest.keyClick(window, getattr(Qt.Key, f"Key_{digit}"))
        QTest.keyClick(window, Qt.Key.Key_Return)

    kiosk.start()
    QTimer.singleShot(0, once_on_screen)
    QTimer.singleShot(20000, lambda: kiosk.quit(9))  # never hang a test run
    seen["exit_code"] = app.exec()
    kiosk.shutdown()
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
