import math

import pytest

from kiosk.core.show.rotation import Rotation

DWELLS = [10.0, 5.0, 20.0]  # panel 0 for 10 s, panel 1 for 5 s, panel 2 for 20 s


def make(now: float = 100.0, **kwargs) -> Rotation:
    return Rotation(DWELLS, now, **kwargs)


def test_initial_state():
    rotation = make()
    assert (rotation.index, rotation.count, rotation.shown_at) == (0, 3, 100.0)
    assert not rotation.paused
    assert not rotation.held
    assert rotation.next_change_at == 110.0
    assert rotation.time_in_panel(103.5) == 3.5


def test_start_index():
    rotation = make(start_index=2)
    assert rotation.index == 2
    assert rotation.next_change_at == 120.0


def test_advances_in_order_with_each_panels_dwell():
    rotation = make(now=0.0)
    assert rotation.advance(9.99) is False
    assert rotation.index == 0
    assert rotation.advance(10.0) is True
    assert (rotation.index, rotation.shown_at, rotation.next_change_at) == (1, 10.0, 15.0)
    assert rotation.advance(14.0) is False
    assert rotation.advance(15.0) is True
    assert (rotation.index, rotation.next_change_at) == (2, 35.0)


def test_loops_back_to_first():
    rotation = make(now=0.0)
    for now in (10.0, 15.0, 35.0):
        rotation.advance(now)
    assert rotation.index == 0
    assert rotation.shown_at == 35.0
    assert rotation.next_change_at == 45.0


def test_keeps_schedule_when_ticker_is_late():
    rotation = make(now=0.0)
    assert rotation.advance(10.2)
    assert rotation.shown_at == 10.0
    assert rotation.time_in_panel(10.2) == pytest.approx(0.2)
    assert rotation.next_change_at == 15.0


def test_jump_catches_up_by_walking_dwells():
    rotation = make(now=0.0)
    assert rotation.advance(16.0)  # 0 ended at 10, 1 ended at 15
    assert (rotation.index, rotation.shown_at) == (2, 15.0)


def test_huge_jump_is_cheap_and_correct():
    rotation = make(now=0.0)
    cycle = sum(DWELLS)  # 35
    now = 1e6 * cycle + 12.0  # 12 s into a cycle: panel 1 (10..15)
    assert rotation.advance(now)
    assert rotation.index == 1
    assert rotation.shown_at == pytest.approx(1e6 * cycle + 10.0)
    assert rotation.next_change_at == pytest.approx(1e6 * cycle + 15.0)


def test_single_panel_restarts_after_its_dwell():
    rotation = Rotation([4.0], now=0.0)
    assert rotation.advance(4.0) is True
    assert (rotation.index, rotation.shown_at, rotation.next_change_at) == (0, 4.0, 8.0)


def test_next_previous_go_to_are_immediate_with_full_dwell():
    rotation = make(now=0.0)
    rotation.next(3.0)
    assert (rotation.index, rotation.shown_at, rotation.next_change_at) == (1, 3.0, 8.0)
    rotation.previous(4.0)
    assert (rotation.index, rotation.next_change_at) == (0, 14.0)
    rotation.go_to(2, 5.0)
    assert (rotation.index, rotation.shown_at, rotation.next_change_at) == (2, 5.0, 25.0)
    rotation.next(6.0)
    assert rotation.index == 0


def test_previous_from_first_wraps_to_last():
    rotation = make(now=0.0)
    rotation.previous(1.0)
    assert rotation.index == 2


@pytest.mark.parametrize("index", [-1, 3, 99])
def test_go_to_out_of_range(index):
    rotation = make()
    with pytest.raises(IndexError):
        rotation.go_to(index, 101.0)
    assert rotation.index == 0


def test_pause_stops_advance_and_resume_keeps_remainder():
    rotation = make(now=0.0)
    rotation.pause(4.0)  # 6 s of panel 0 left
    assert rotation.paused
    assert rotation.next_change_at is None
    assert rotation.advance(500.0) is False
    assert rotation.index == 0
    rotation.resume(600.0)
    assert not rotation.paused
    assert rotation.next_change_at == 606.0
    assert rotation.advance(605.9) is False
    assert rotation.advance(606.0) is True
    assert rotation.index == 1


def test_pause_twice_keeps_first_pause_time():
    rotation = make(now=0.0)
    rotation.pause(4.0)
    rotation.pause(8.0)
    rotation.resume(10.0)
    assert rotation.next_change_at == 16.0


def test_resume_without_pause_changes_nothing():
    rotation = make(now=0.0)
    rotation.resume(5.0)
    assert rotation.next_change_at == 10.0


def test_moves_while_paused_stay_paused_with_full_dwell():
    rotation = make(now=0.0)
    rotation.pause(1.0)
    rotation.next(2.0)
    assert rotation.index == 1
    assert rotation.paused
    assert rotation.advance(100.0) is False
    rotation.resume(50.0)
    assert rotation.next_change_at == 55.0


def test_hold_and_release():
    rotation = make(now=0.0)
    rotation.hold(2.0)
    assert rotation.held
    assert rotation.next_change_at is None
    assert rotation.advance(30.0) is False
    rotation.next(31.0)  # the visitor swipes
    assert rotation.index == 1
    rotation.release(90.0)
    assert not rotation.held
    assert rotation.next_change_at == 95.0  # a full dwell from release
    assert rotation.advance(95.0) is True
    assert rotation.index == 2


def test_release_without_hold_changes_nothing():
    rotation = make(now=0.0)
    rotation.release(5.0)
    assert rotation.next_change_at == 10.0


def test_release_while_paused_stays_paused_then_full_dwell():
    rotation = make(now=0.0)
    rotation.hold(1.0)
    rotation.pause(2.0)
    rotation.release(3.0)
    assert rotation.next_change_at is None
    rotation.resume(40.0)
    assert rotation.next_change_at == 50.0


def test_set_dwells_keeps_index_and_time_spent():
    rotation = make(now=0.0)
    rotation.advance(10.0)  # panel 1, shown at 10, 5 s dwell
    rotation.set_dwells([10.0, 8.0, 20.0, 3.0], now=12.0)
    assert rotation.index == 1
    assert rotation.count == 4
    assert rotation.next_change_at == 18.0


def test_set_dwells_shorter_than_time_spent_moves_on_next_tick():
    rotation = make(now=0.0)
    rotation.set_dwells([2.0, 5.0, 20.0], now=6.0)
    assert rotation.next_change_at == 6.0
    assert rotation.advance(6.0)
    assert rotation.index == 1


def test_set_dwells_resets_index_when_out_of_range():
    rotation = make(now=0.0, start_index=2)
    rotation.set_dwells([7.0, 7.0], now=3.0)
    assert (rotation.index, rotation.shown_at, rotation.next_change_at) == (0, 3.0, 10.0)


def test_set_dwells_while_paused_keeps_remainder():
    rotation = make(now=0.0)
    rotation.pause(4.0)
    rotation.set_dwells([12.0, 5.0, 20.0], now=9.0)
    rotation.resume(20.0)
    assert rotation.next_change_at == 28.0  # 12 - 4 used


@pytest.mark.parametrize("dwells", [[], [10.0, 0.0], [-1.0], [math.nan], [math.inf]])
def test_bad_dwells_are_errors(dwells):
    with pytest.raises(ValueError):
        Rotation(dwells, now=0.0)
    rotation = make()
    with pytest.raises(ValueError):
        rotation.set_dwells(dwells, now=101.0)
    assert rotation.count == 3


def test_bad_start_index():
    with pytest.raises(IndexError):
        Rotation(DWELLS, now=0.0, start_index=3)
