"""The QApplication: on the kiosk's display for `kiosk run`, offscreen for rendering."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from kiosk.display import Display, confirm_platform


def _running() -> QApplication | None:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else None


def kiosk_app(display: Display) -> QApplication:
    """The QApplication of `kiosk run`, on the platform `kiosk.boot` chose.

    A widgets `QApplication`, not a bare `QGuiApplication`: the statistics chart draws
    through pyqtgraph's `QGraphicsScene`, which needs one. Never a silent offscreen.

    Raises
    ------
    DisplayUnavailable
        When Qt could not start on that platform after all.
    """
    existing = _running()
    if existing is not None:
        return existing
    app = QApplication([sys.argv[0]])
    confirm_platform(display, app.platformName())
    return app


def ensure_app() -> QApplication:
    """The running QApplication, created if there is none: for painting into images.

    Rendering needs no screen, so unless ``QT_QPA_PLATFORM`` says otherwise Qt's
    offscreen platform is used: `kiosk render` works without a display (or with a
    DISPLAY that points nowhere), and gives the same pixels on a desktop and a server.
    """
    existing = _running()
    if existing is not None:
        return existing
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication([sys.argv[0]])
