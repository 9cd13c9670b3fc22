"""The full-screen kiosk comes back in front when the desktop sends it away.

On a real X11 desktop the keys themselves are tried by scripts/xvfb_e2e.sh (Super+D,
Ctrl+Alt+arrows, Shift+Alt+arrows under openbox); here the guard's decisions are
checked on Qt's offscreen platform, with the window manager's answers stubbed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.ui import ewmh
from kiosk.ui.front import CHECK_MS, FrontGuard
from tests.ui.support import running_kiosk


class FakeHints:
    """What the window manager says of the window, set by the test; requests are noted."""

    def __init__(self, window: int) -> None:
        self.window = window
        self.on_desktop: int | None = ewmh.ALL_DESKTOPS
        self.active_window: int | None = window
        self.requests: list[str] = []

    def desktop(self) -> int | None:
        return self.on_desktop

    def active(self) -> int | None:
        return self.active_window

    def keep_on_every_desktop_and_above(self) -> None:
        self.requests.append("every desktop, above")
        self.on_desktop = ewmh.ALL_DESKTOPS

    def activate(self) -> None:
        self.requests.append("activate")
        self.active_window = self.window

    def close(self) -> None:
        self.requests.append("close")


@pytest.fixture
def shown(qtbot: Any) -> Iterator[QWidget]:
    window = QWidget()
    qtbot.addWidget(window)
    window.showFullScreen()
    qtbot.waitExposed(window)
    yield window


def guard_with_hints(window: QWidget) -> tuple[FrontGuard, FakeHints]:
    guard = FrontGuard(window)
    hints = FakeHints(int(window.winId()))
    guard.hints = hints  # type: ignore[assignment]
    return guard, hints


def test_a_window_in_front_is_left_alone(shown: QWidget) -> None:
    guard, hints = guard_with_hints(shown)
    assert guard.away() is None
    guard.check()
    assert guard.restored == 0 and hints.requests == []


def test_a_minimized_window_comes_back_full_screen(
    qtbot: Any, shown: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    guard = FrontGuard(shown)
    shown.showMinimized()
    assert guard.away() == "minimized"
    with caplog.at_level(logging.INFO, logger="kiosk.ui.front"):
        guard.check()
        qtbot.waitUntil(lambda: shown.isFullScreen() and not shown.isMinimized())
        guard.check()
    assert guard.restored == 1
    assert "kiosk window minimized; bringing it back in front" in caplog.text
    assert "back in front of the visitor" in caplog.text


def test_a_hidden_window_is_shown_again(qtbot: Any, shown: QWidget) -> None:
    guard = FrontGuard(shown)
    shown.hide()
    assert guard.away() is not None
    guard.check()
    qtbot.waitUntil(shown.isVisible)
    assert shown.isFullScreen()


def test_a_window_sent_to_another_desktop_is_put_back_on_every_desktop(shown: QWidget) -> None:
    guard, hints = guard_with_hints(shown)
    hints.on_desktop = 1
    assert guard.away() == "moved to another desktop"
    guard.check()
    assert hints.requests == ["every desktop, above", "activate"]
    assert guard.away() is None


def test_a_covered_window_is_raised_and_activated(shown: QWidget) -> None:
    guard, hints = guard_with_hints(shown)
    hints.active_window = 12345
    assert guard.away() == "covered by another window"
    guard.check()
    assert "activate" in hints.requests and guard.away() is None


def test_a_lasting_problem_is_logged_once(
    shown: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    guard, hints = guard_with_hints(shown)
    hints.keep_on_every_desktop_and_above = lambda: None  # type: ignore[method-assign]
    hints.on_desktop = 2
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.front"):
        for _ in range(5):
            guard.check()
    assert caplog.text.count("moved to another desktop") == 1
    assert guard.restored == 5


def test_the_full_screen_kiosk_is_guarded_within_a_second(qtbot: Any, tmp_path: Path) -> None:
    assert CHECK_MS <= 500  # a check every half second: back within a second
    with running_kiosk(qtbot, tmp_path) as kiosk:
        assert kiosk.front._timer.isActive()
        front = kiosk.front
    assert not front._timer.isActive()  # stopped when the kiosk ends


def test_a_windowed_kiosk_is_not_guarded(qtbot: Any, tmp_path: Path) -> None:
    with running_kiosk(qtbot, tmp_path, windowed=True) as kiosk:
        assert not kiosk.front._timer.isActive()


def test_without_an_x_display_there_are_no_hints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    assert ewmh.connect(1) is None
