"""A visitor's hand and a presenter's keys on the running kiosk, with a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from kiosk.core.show.frame import CONTROLS_FADE_SECONDS, CONTROLS_VISIBLE_SECONDS
from kiosk.ui.app import KioskApp
from kiosk.ui.chrome.controls import chrome_layout
from tests.ui.support import click, flush_summary, running_kiosk, tick, wait

STEP = 0.02  # seconds between the samples of a drag


def drag(kiosk: KioskApp, start: QPoint, end: QPoint, *, steps: int = 6) -> None:
    """A left-button mouse drag from `start` to `end`, the clock moving between samples."""
    window = kiosk.window
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, steps + 1):
        wait(kiosk, STEP)
        point = start + (end - start) * (step / steps)
        QTest.mouseMove(window, point)
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def control(kiosk: KioskApp, name: str) -> QPoint:
    """Centre of a chrome control ('next', 'lang', 'dot:2') as laid out now."""
    state = kiosk.show.chrome(kiosk.clock())
    return chrome_layout(QRectF(kiosk.window.rect()), state)[name].center().toPoint()


def middle(kiosk: KioskApp, dx: float = 0.0) -> QPoint:
    """A point on the panel, `dx` of the width right of the centre."""
    rect = kiosk.window.rect()
    return QPoint(int(rect.width() * (0.5 + dx)), rect.height() // 2)


@pytest.fixture
def kiosk(qtbot: Any, tmp_path: Path) -> Iterator[KioskApp]:
    with running_kiosk(qtbot, tmp_path) as app:
        yield app


# swipes ----------------------------------------------------------------------------------
def test_drag_right_to_left_shows_the_next_panel(kiosk: KioskApp) -> None:
    assert kiosk.show.index == 0
    drag(kiosk, middle(kiosk, 0.25), middle(kiosk, -0.25))
    assert kiosk.show.index == 1
    assert kiosk.show.held


def test_drag_left_to_right_goes_back(kiosk: KioskApp) -> None:
    drag(kiosk, middle(kiosk, -0.25), middle(kiosk, 0.25))
    assert kiosk.show.index == len(kiosk.show.content.panels) - 1


def test_swipes_act_at_once_even_mid_transition(kiosk: KioskApp) -> None:
    drag(kiosk, middle(kiosk, 0.25), middle(kiosk, -0.25))
    assert kiosk.show.transition is not None
    drag(kiosk, middle(kiosk, 0.25), middle(kiosk, -0.25))
    assert kiosk.show.index == 2


def test_touch_swipe_moves_exactly_one_panel(kiosk: KioskApp) -> None:
    device = QTest.createTouchDevice()
    start, end = middle(kiosk, 0.25), middle(kiosk, -0.25)
    QTest.touchEvent(kiosk.window, device, False).press(0, start, kiosk.window).commit()
    wait(kiosk, 0.1)
    QTest.touchEvent(kiosk.window, device, False).move(0, end, kiosk.window).commit()
    QTest.touchEvent(kiosk.window, device, False).release(0, end, kiosk.window).commit()
    assert kiosk.show.index == 1


def test_two_fingers_do_nothing(kiosk: KioskApp) -> None:
    device = QTest.createTouchDevice()
    window = kiosk.window
    a, b = middle(kiosk, 0.1), middle(kiosk, 0.3)
    QTest.touchEvent(window, device, False).press(0, a, window).press(1, b, window).commit()
    wait(kiosk, 0.1)
    a2, b2 = middle(kiosk, -0.3), middle(kiosk, -0.1)
    QTest.touchEvent(window, device, False).move(0, a2, window).move(1, b2, window).commit()
    QTest.touchEvent(window, device, False).release(0, a2, window).release(1, b2, window).commit()
    assert kiosk.show.index == 0
    assert flush_summary(kiosk)["interactions"] == {}


def test_right_click_does_nothing(kiosk: KioskApp) -> None:
    click(kiosk, control(kiosk, "dot:3"), Qt.MouseButton.RightButton)
    click(kiosk, control(kiosk, "lang"), Qt.MouseButton.RightButton)
    assert kiosk.show.index == 0
    assert kiosk.show.language == "en"
    assert kiosk.show.last_touch is None


# taps -------------------------------------------------------------------------------------
def test_tap_on_a_dot_jumps_there(kiosk: KioskApp) -> None:
    click(kiosk, control(kiosk, "dot:3"))
    assert kiosk.show.index == 3


def test_language_button_switches_every_text(kiosk: KioskApp) -> None:
    click(kiosk, control(kiosk, "lang"))
    assert kiosk.show.language == "fr"
    assert kiosk.show.chrome(kiosk.clock()).next_language == "en"


def _arrow_pixels(kiosk: KioskApp) -> QImage:
    area = QRectF(control(kiosk, "next"), control(kiosk, "next")).adjusted(-20, -20, 20, 20)
    return kiosk.window.grab(area.toRect()).toImage()


def test_arrows_appear_on_touch_and_fade(kiosk: KioskApp) -> None:
    tick(kiosk, 10.0)  # let the first panel settle
    untouched = _arrow_pixels(kiosk)
    click(kiosk, middle(kiosk))
    assert kiosk.show.chrome(kiosk.clock()).controls_opacity == 1.0
    assert _arrow_pixels(kiosk) != untouched
    tick(kiosk, CONTROLS_VISIBLE_SECONDS + CONTROLS_FADE_SECONDS / 2)
    assert 0.0 < kiosk.show.chrome(kiosk.clock()).controls_opacity < 1.0
    tick(kiosk, CONTROLS_FADE_SECONDS)
    assert kiosk.show.chrome(kiosk.clock()).controls_opacity == 0.0
    assert _arrow_pixels(kiosk) == untouched


def test_visible_arrow_tap_moves_on(kiosk: KioskApp) -> None:
    click(kiosk, middle(kiosk))
    click(kiosk, control(kiosk, "next"))
    assert kiosk.show.index == 1


def test_hidden_arrow_does_not_answer(kiosk: KioskApp) -> None:
    click(kiosk, control(kiosk, "next"))
    assert kiosk.show.index == 0


# keys ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([Qt.Key.Key_Right], 1),
        ([Qt.Key.Key_PageDown, Qt.Key.Key_PageDown], 2),
        ([Qt.Key.Key_Left], -1),
        ([Qt.Key.Key_Right, Qt.Key.Key_PageUp], 0),
        ([Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Home], 0),
    ],
)
def test_presenter_keys_move(kiosk: KioskApp, keys: list[Qt.Key], expected: int) -> None:
    for key in keys:
        QTest.keyClick(kiosk.window, key)
    assert kiosk.show.index == expected % len(kiosk.show.content.panels)


def test_space_pauses_and_resumes(kiosk: KioskApp) -> None:
    QTest.keyClick(kiosk.window, Qt.Key.Key_Space)
    assert kiosk.show.paused
    QTest.keyClick(kiosk.window, Qt.Key.Key_Space)
    assert not kiosk.show.paused


def test_l_switches_language(kiosk: KioskApp) -> None:
    QTest.keyClick(kiosk.window, Qt.Key.Key_L)
    assert kiosk.show.language == "fr"


# idle -----------------------------------------------------------------------------------------
def _timeout(kiosk: KioskApp) -> float:
    return kiosk.show.content.settings.idle_timeout_seconds


def test_idle_returns_to_the_attract_loop(kiosk: KioskApp) -> None:
    drag(kiosk, middle(kiosk, 0.25), middle(kiosk, -0.25))
    QTest.keyClick(kiosk.window, Qt.Key.Key_L)
    assert (kiosk.show.index, kiosk.show.language) == (1, "fr")
    tick(kiosk, _timeout(kiosk) - 1)
    assert kiosk.show.index == 1  # the rotation waited for the visitor
    tick(kiosk, 1.01)
    assert (kiosk.show.index, kiosk.show.language) == (0, "en")
    assert not kiosk.show.held
    tick(kiosk, kiosk.show.content.dwell_for(0) + 1)
    assert kiosk.show.index == 1  # rotating again


def test_countdown_shows_and_a_touch_cancels_it(kiosk: KioskApp) -> None:
    drag(kiosk, middle(kiosk, 0.25), middle(kiosk, -0.25))
    tick(kiosk, _timeout(kiosk) - 4.5)
    assert kiosk.show.chrome(kiosk.clock()).countdown == 5
    click(kiosk, middle(kiosk))
    assert kiosk.show.chrome(kiosk.clock()).countdown is None
    tick(kiosk, 5.0)
    assert kiosk.show.index == 1


def test_idle_reset_ends_a_pause(kiosk: KioskApp) -> None:
    QTest.keyClick(kiosk.window, Qt.Key.Key_Space)
    tick(kiosk, _timeout(kiosk) + 0.1)
    assert not kiosk.show.paused
    assert not kiosk.show.held  # the rotation runs again


# records ------------------------------------------------------------------------------------
def test_interactions_land_in_the_event_log(kiosk: KioskApp) -> None:
    drag(kiosk, middle(kiosk, 0.25), middle(kiosk, -0.25))
    click(kiosk, control(kiosk, "dot:2"))
    QTest.keyClick(kiosk.window, Qt.Key.Key_Right)
    QTest.keyClick(kiosk.window, Qt.Key.Key_L)
    tick(kiosk, _timeout(kiosk) + 0.1)
    interactions = flush_summary(kiosk)["interactions"]
    assert interactions == {"idle_reset": 1, "key": 1, "language": 1, "swipe": 1, "tap": 1}
