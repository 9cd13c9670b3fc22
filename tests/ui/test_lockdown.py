"""Lockdown in full-screen mode: no close request, key or click ends the kiosk; windowed closes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.ui.app import KioskApp
from kiosk.ui.window import CURSOR_IDLE_SECONDS
from tests.ui.support import running_kiosk, tick

Mod = Qt.KeyboardModifier


@pytest.fixture
def kiosk(qtbot: Any, tmp_path: Path) -> Iterator[KioskApp]:
    with running_kiosk(qtbot, tmp_path) as app:
        yield app


def test_close_event_is_ignored(kiosk: KioskApp) -> None:
    event = QCloseEvent()
    QApplication.sendEvent(kiosk.window, event)
    assert not event.isAccepted()
    assert not kiosk.window.close()
    assert kiosk.window.isVisible()


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Escape, Mod.NoModifier),
        (Qt.Key.Key_F4, Mod.AltModifier),
        (Qt.Key.Key_W, Mod.ControlModifier),
        (Qt.Key.Key_Q, Mod.ControlModifier),
        (Qt.Key.Key_Q, Mod.NoModifier),
    ],
)
def test_quitting_keys_do_nothing(kiosk: KioskApp, key: Qt.Key, modifiers: Mod) -> None:
    QTest.keyClick(kiosk.window, key, modifiers)
    assert kiosk.window.isVisible()
    assert not kiosk.window.allow_close
    assert not kiosk.pinpad.is_open
    assert kiosk.show.index == 0


def test_window_is_full_screen_frameless_and_on_top(kiosk: KioskApp) -> None:
    flags = kiosk.window.windowFlags()
    assert kiosk.window.isFullScreen()
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert flags & Qt.WindowType.FramelessWindowHint


def test_cursor_hidden_until_the_mouse_moves(kiosk: KioskApp) -> None:
    handle = kiosk.window.windowHandle()  # a real pointer, as the X server reports it
    QTest.mouseMove(handle, QPoint(100, 100))
    assert kiosk.window.cursor().shape() == Qt.CursorShape.BlankCursor
    QTest.mouseMove(handle, QPoint(140, 120))
    assert kiosk.window.cursor().shape() != Qt.CursorShape.BlankCursor


def test_a_revealed_cursor_hides_again_once_the_mouse_rests(kiosk: KioskApp) -> None:
    handle = kiosk.window.windowHandle()
    QTest.mouseMove(handle, QPoint(100, 100))
    QTest.mouseMove(handle, QPoint(140, 120))
    tick(kiosk, CURSOR_IDLE_SECONDS - 0.5)
    assert kiosk.window.cursor().shape() != Qt.CursorShape.BlankCursor
    tick(kiosk, 1.0)
    assert kiosk.window.cursor().shape() == Qt.CursorShape.BlankCursor


def test_a_touch_hides_the_cursor_again(kiosk: KioskApp) -> None:
    kiosk.window.unsetCursor()
    device = QTest.createTouchDevice()
    QTest.touchEvent(kiosk.window, device, False).press(0, QPoint(50, 50), kiosk.window).commit()
    QTest.touchEvent(kiosk.window, device, False).release(0, QPoint(50, 50), kiosk.window).commit()
    assert kiosk.window.cursor().shape() == Qt.CursorShape.BlankCursor


def test_quit_ends_the_event_loop_with_code_0_and_lets_the_window_close(kiosk: KioskApp) -> None:
    # QApplication.exec, as `run` uses it: QCoreApplication.exit would stop every later
    # QEventLoop of the test session if no exec were running to take it.
    guard = QTimer(singleShot=True, interval=5000)
    guard.timeout.connect(lambda: QApplication.exit(99))
    guard.start()
    QTimer.singleShot(0, lambda: kiosk.quit(0))  # what the right PIN does
    code = QApplication.exec()
    guard.stop()
    assert (code, kiosk.exit_code) == (0, 0)
    assert kiosk.window.close()


def test_windowed_mode_closes_normally(qtbot: Any, tmp_path: Path) -> None:
    with running_kiosk(qtbot, tmp_path, windowed=True) as app:
        assert not app.window.isFullScreen()
        assert app.window.cursor().shape() != Qt.CursorShape.BlankCursor
        assert app.window.close()
        assert not app.window.isVisible()
