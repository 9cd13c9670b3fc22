"""The one ticker: wakes when the app asks, and sleeps when nothing moves."""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer

from kiosk.ui.ticker import MAX_SLEEP_SECONDS, Ticker
from tests.support import FakeClock

START = 100.0  # the fake clock's time when a test begins


class Script:
    """A tick handler that returns planned deadlines (relative to now) and logs its calls."""

    def __init__(self, clock: FakeClock, delays: list[float | None]) -> None:
        self.clock = clock
        self.delays = delays
        self.calls: list[float] = []

    def __call__(self, now: float) -> float | None:
        self.calls.append(now)
        self.clock.now += 0.01
        delay = self.delays.pop(0) if self.delays else None
        return None if delay is None else now + delay


def timer_of(ticker: Ticker) -> QTimer:
    timer = ticker.findChild(QTimer)
    assert timer is not None
    return timer


def test_kick_ticks_once_with_the_clock_time(qtbot) -> None:
    clock = FakeClock(42.0)
    script = Script(clock, [None])
    ticker = Ticker(script, clock)
    ticker.kick()
    qtbot.waitUntil(lambda: ticker.tick_count == 1)
    assert script.calls == [42.0]
    assert not ticker.active


def test_keeps_ticking_while_deadlines_come_then_stops_on_none(qtbot) -> None:
    clock = FakeClock(START)
    script = Script(clock, [0.005, 0.005, 0.0, None])
    ticker = Ticker(script, clock)
    ticker.kick()
    qtbot.waitUntil(lambda: ticker.tick_count == 4)
    assert not ticker.active
    assert script.calls == sorted(script.calls)
    qtbot.wait(50)
    assert ticker.tick_count == 4


def test_schedules_the_timer_for_the_returned_deadline(qapp) -> None:
    clock = FakeClock(START)
    ticker = Ticker(lambda now: now + 0.25, clock)
    ticker.tick()
    assert ticker.active
    assert timer_of(ticker).interval() == 250


def test_a_deadline_in_the_past_ticks_at_once(qapp) -> None:
    clock = FakeClock(START)
    ticker = Ticker(lambda now: now - 5.0, clock)
    ticker.tick()
    assert ticker.active and timer_of(ticker).interval() == 0


def test_a_far_deadline_sleeps_at_most_an_hour(qapp) -> None:
    ticker = Ticker(lambda now: now + 1e9, FakeClock(START))
    ticker.tick()
    assert timer_of(ticker).interval() == int(MAX_SLEEP_SECONDS * 1000)


def test_nan_and_none_stop_the_timer(qapp) -> None:
    for answer in (math.nan, None):
        ticker = Ticker(lambda _now, answer=answer: answer, FakeClock(START))
        ticker.kick()
        ticker.tick()
        assert not ticker.active


def test_stop_cancels_a_scheduled_tick(qtbot) -> None:
    clock = FakeClock(START)
    ticker = Ticker(lambda now: now + 0.01, clock)
    ticker.tick()
    ticker.stop()
    assert not ticker.active
    qtbot.wait(50)
    assert ticker.tick_count == 1


def test_a_kick_during_a_tick_makes_the_next_tick_come_at_once(qapp) -> None:
    ticker: Ticker

    def handler(now: float) -> float:
        ticker.kick()  # e.g. the show said something started to move
        return now + 10.0

    ticker = Ticker(handler, FakeClock(START))
    ticker.tick()
    assert ticker.active and timer_of(ticker).interval() == 0
    quiet = Ticker(lambda now: now + 10.0, FakeClock(START))
    quiet.tick()
    assert timer_of(quiet).interval() == 10_000
