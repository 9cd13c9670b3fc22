"""The operator's PIN pad: opening it, the right and wrong PINs, the lockout, the layout."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from kiosk.core.show.pinpad import KEY_NAMES, UNTOUCHED_SECONDS, WRONG_SECONDS
from kiosk.ui.app import KioskApp
from kiosk.ui.chrome.pinpad_paint import pad_layout, shake_offset
from kiosk.ui.drawing.scale import Scale
from tests.ui.support import click, flush_summary, running_kiosk, tick

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PIN = "2468"  # settings.admin_pin in the shipped content.json


@pytest.fixture
def quits() -> list[int]:
    """The exit codes `KioskApp.quit` was called with."""
    return []


@pytest.fixture
def kiosk(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quits: list[int]
) -> Iterator[KioskApp]:
    """A running kiosk whose `quit` only notes the code (test_lockdown.py runs the real one)."""
    with running_kiosk(qtbot, tmp_path) as app:
        monkeypatch.setattr(app, "quit", quits.append)
        yield app


def open_pad(kiosk: KioskApp) -> None:
    QTest.keyClick(kiosk.window, Qt.Key.Key_Q, CTRL_SHIFT)
    assert kiosk.pinpad.is_open


def type_pin(kiosk: KioskApp, digits: str, enter: Qt.Key = Qt.Key.Key_Return) -> None:
    for digit in digits:
        QTest.keyClick(kiosk.window, getattr(Qt.Key, f"Key_{digit}"))
    QTest.keyClick(kiosk.window, enter)


def pad_key(kiosk: KioskApp, name: str) -> QPoint:
    return pad_layout(QRectF(kiosk.window.rect())).keys[name].center().toPoint()


def test_right_pin_quits_with_code_0(kiosk: KioskApp, quits: list[int]) -> None:
    assert kiosk.show.content.settings.admin_pin == PIN
    open_pad(kiosk)
    type_pin(kiosk, PIN, Qt.Key.Key_Enter)
    assert quits == [0]
    assert flush_summary(kiosk)["interactions"] == {"admin": 1}


def test_pin_typed_on_the_pad_keys(kiosk: KioskApp, quits: list[int]) -> None:
    open_pad(kiosk)
    for name in ["9", "back", *PIN, "ok"]:  # a slip corrected with the backspace key
        click(kiosk, pad_key(kiosk, name))
    assert quits == [0]


def test_attempts_are_logged_without_the_digits(
    kiosk: KioskApp, quits: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    open_pad(kiosk)
    type_pin(kiosk, "1357")
    type_pin(kiosk, "")  # ignored while the wrong PIN shows
    tick(kiosk, WRONG_SECONDS)
    open_pad(kiosk)
    type_pin(kiosk, PIN)
    assert "wrong operator PIN" in caplog.text and "accepted" in caplog.text
    assert "1357" not in caplog.text and PIN not in caplog.text
    assert quits == [0]


def test_ok_key_lights_up_once_digits_are_entered(kiosk: KioskApp) -> None:
    open_pad(kiosk)
    accent = QColor(kiosk.view.theme.accent)
    ok = pad_key(kiosk, "ok")
    assert kiosk.window.grab().toImage().pixelColor(ok) != accent
    QTest.keyClick(kiosk.window, Qt.Key.Key_1)
    assert kiosk.window.grab().toImage().pixelColor(ok) == accent


def test_wrong_pin_shakes_then_closes_and_keeps_running(kiosk: KioskApp, quits: list[int]) -> None:
    open_pad(kiosk)
    type_pin(kiosk, "1111")
    assert kiosk.pinpad.message(kiosk.clock()) == "Wrong PIN"
    before = kiosk.window.grab().toImage()
    tick(kiosk, 0.03)
    assert kiosk.window.grab().toImage() != before  # the card moved
    tick(kiosk, WRONG_SECONDS)
    assert not kiosk.pinpad.is_open
    assert quits == []
    assert kiosk.window.isVisible()
    QTest.keyClick(kiosk.window, Qt.Key.Key_Right)  # the show has its keys back
    assert kiosk.show.index == 1


def test_five_wrong_pins_lock_the_pad_for_a_minute(kiosk: KioskApp, quits: list[int]) -> None:
    for _ in range(5):
        open_pad(kiosk)
        type_pin(kiosk, "0000")
        tick(kiosk, WRONG_SECONDS + 0.1)
    open_pad(kiosk)
    assert "Locked" in (kiosk.pinpad.message(kiosk.clock()) or "")
    type_pin(kiosk, PIN)
    assert quits == []
    locked_at = kiosk.clock() - WRONG_SECONDS - 0.1  # the fifth wrong PIN
    tick(kiosk, locked_at + 59.0 - kiosk.clock())
    QTest.keyClick(kiosk.window, Qt.Key.Key_Escape)
    open_pad(kiosk)
    type_pin(kiosk, PIN)
    assert quits == []
    tick(kiosk, 1.0)
    type_pin(kiosk, PIN)
    assert quits == [0]
    admin = flush_summary(kiosk)["interactions"]["admin"]
    assert admin == 5 + 2 + 1  # five wrong, two opened while locked, one ok


def test_escape_cancels_the_pad_and_never_exits(kiosk: KioskApp, quits: list[int]) -> None:
    open_pad(kiosk)
    QTest.keyClick(kiosk.window, Qt.Key.Key_2)
    QTest.keyClick(kiosk.window, Qt.Key.Key_Escape)
    assert not kiosk.pinpad.is_open
    QTest.keyClick(kiosk.window, Qt.Key.Key_Escape)
    assert quits == [] and kiosk.window.isVisible()


def test_cancel_key_closes_the_pad(kiosk: KioskApp) -> None:
    open_pad(kiosk)
    click(kiosk, pad_key(kiosk, "cancel"))
    assert not kiosk.pinpad.is_open


def test_pad_closes_when_left_untouched(kiosk: KioskApp) -> None:
    open_pad(kiosk)
    tick(kiosk, UNTOUCHED_SECONDS - 1)
    QTest.keyClick(kiosk.window, Qt.Key.Key_5)
    tick(kiosk, UNTOUCHED_SECONDS - 1)
    assert kiosk.pinpad.is_open
    tick(kiosk, 1.0)
    assert not kiosk.pinpad.is_open


def test_pad_takes_every_touch_while_open(kiosk: KioskApp) -> None:
    open_pad(kiosk)
    QTest.keyClick(kiosk.window, Qt.Key.Key_Right)
    click(kiosk, QPoint(kiosk.window.width() // 2, kiosk.window.height() - 10))
    assert kiosk.show.index == 0
    assert kiosk.show.last_touch is None


def test_long_press_in_the_corner_opens_the_pad(kiosk: KioskApp, quits: list[int]) -> None:
    corner = QPoint(10, 10)
    QTest.mousePress(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     corner)
    tick(kiosk, 2.9)
    assert not kiosk.pinpad.is_open
    tick(kiosk, 0.2)
    assert kiosk.pinpad.is_open
    QTest.mouseRelease(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       corner)
    assert kiosk.pinpad.is_open and quits == []


def test_pad_speaks_the_shows_language(kiosk: KioskApp) -> None:
    QTest.keyClick(kiosk.window, Qt.Key.Key_L)
    open_pad(kiosk)
    type_pin(kiosk, "1")
    assert kiosk.pinpad.message(kiosk.clock()) == "NIP erroné"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 720), (3840, 2160)])
def test_keys_are_large_and_inside_the_screen(size: tuple[int, int]) -> None:
    rect = QRectF(0, 0, *size)
    layout = pad_layout(rect)
    minimum = Scale(rect).px(96)
    assert set(layout.keys) == set(KEY_NAMES)
    for area in layout.keys.values():
        assert min(area.width(), area.height()) >= minimum - 0.01
        assert layout.card.contains(area)
    assert rect.contains(layout.card)


def test_shake_dies_out() -> None:
    assert shake_offset(0.0) == 0.0
    assert abs(shake_offset(0.03)) > 0.5
    assert shake_offset(10.0) == 0.0


def test_escape_closes_the_pad_at_once_while_wrong_pin_shows(kiosk: KioskApp) -> None:
    open_pad(kiosk)
    type_pin(kiosk, "1111")
    assert kiosk.pinpad.message(kiosk.clock()) == "Wrong PIN"
    tick(kiosk, 0.1)
    QTest.keyClick(kiosk.window, Qt.Key.Key_Escape)
    assert not kiosk.pinpad.is_open  # not 1.2 s later: now
    QTest.keyClick(kiosk.window, Qt.Key.Key_Right)
    assert kiosk.show.index == 1


def test_ctrl_shift_q_while_wrong_pin_shows_starts_again(kiosk: KioskApp, quits) -> None:
    open_pad(kiosk)
    type_pin(kiosk, "1111")
    tick(kiosk, 0.1)
    open_pad(kiosk)  # Ctrl+Shift+Q
    assert kiosk.pinpad.message(kiosk.clock()) is None
    assert kiosk.pinpad.state(kiosk.clock()).digit_count == 0
    type_pin(kiosk, PIN)
    assert quits == [0]
