"""What `kiosk doctor` asks Qt: the screens, the bundled fonts, the icons' SVG files.

Qt is started on the platform the kiosk would use (or offscreen when there is no
display, for the fonts and icons only), with the same trap as `kiosk run`, so a display
that fails in Qt is reported instead of aborting the doctor.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.display import OFFSCREEN, PLATFORM_VAR, Display, DisplayUnavailable, confirm_platform
from kiosk.doctor.screen import ScreenInfo

_keep: list[object] = []  # the application lives as long as the process


@dataclass(frozen=True)
class QtFacts:
    """What Qt said.

    Attributes
    ----------
    screens
        The screens, or None when Qt runs without a display.
    families
        The font families registered from the bundled fonts.
    qt_error
        Why Qt could not use the display, when it could not.
    """

    screens: list[ScreenInfo] | None
    families: tuple[str, ...]
    qt_error: str | None = None


def ask_qt(display: Display | None) -> QtFacts:
    """Start Qt (once per process) on `display`, or offscreen without one, and ask it."""
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.drawing.theme import register_fonts

    qt_error = None
    if QGuiApplication.instance() is None:
        wanted = display.qt_request() if display is not None else OFFSCREEN
        if wanted:
            os.environ[PLATFORM_VAR] = wanted
        _keep.append(QGuiApplication([]))
    platform = QGuiApplication.platformName()
    if display is not None:
        try:
            confirm_platform(display, platform)
        except DisplayUnavailable as exc:
            qt_error = exc.reason
    headless = display is None or qt_error is not None or platform == OFFSCREEN
    screens = None if headless else [_info(screen) for screen in QGuiApplication.screens()]
    return QtFacts(screens, register_fonts(), qt_error)


def _info(screen: object) -> ScreenInfo:
    from PySide6.QtGui import QScreen

    assert isinstance(screen, QScreen)
    size = screen.size() * screen.devicePixelRatio()
    return ScreenInfo(screen.name(), size.width(), size.height(), screen.refreshRate())


def svg_is_valid(path: Path) -> bool:
    """Whether Qt can draw the SVG file at `path`."""
    from PySide6.QtSvg import QSvgRenderer

    return QSvgRenderer(str(path)).isValid()
