"""The kiosk's rotation policy: dwells, pause, hold, new dwells; the order of panels."""

import math

import pytest

from kiosk.core.show.rotation import Rotation, RotationPolicy, step

DWELLS = [10.0, 5.0, 20.0]  # panel 0 for 10 s, panel 1 for 5 s, panel 2 for 20 s
ALL = (0, 1, 2)


def make(now: float = 100.0, **kwargs) -> Rotation:
    return Rotation(DWELLS, now, **kwargs)


def test_rotation_is_a_rotation_policy():
    policy: RotationPolicy = make()
    assert policy.due(100.0) == 110.0


def test_initial_state():
    rotation = make()
    assert (rotation.index, rotation.count) == (0, 3)
    assert not rotation.paused
    assert not rotation.held
    assert rotation.due(100.0) == 110.0


def test_start_index():
    rotation = make(start_index=2)
    assert rotation.index == 2
    assert rotation.due(100.0) == 120.0


def test_each_panel_shown_gets_its_own_full_dwell():
    rotation = make(now=0.0)
    assert rotation.due(9.99) == 10.0
    rotation.go_to(rotation.following(0, ALL), 10.2)  # a late tick: the dwell counts from then
    assert (rotation.index, rotation.due(10.2)) == (1, pytest.approx(15.2))
    rotation.go_to(rotation.following(1, ALL), 15.2)
    assert (rotation.index, rotation.due(15.2)) == (2, pytest.approx(35.2))


def test_following_loops_back_to_first_and_skips_inactive_panels():
    rotation = make()
    assert rotation.following(2, ALL) == 0
    assert rotation.following(0, (0, 2)) == 2
    assert rotation.following(2, (2,)) == 2  # a single panel follows itself
    assert rotation.first(ALL, 0.0) == 0
    assert rotation.first((1, 2), 0.0) == 1


def test_step_walks_both_ways_over_active_panels():
    assert step(0, 1, 3, ALL) == 1
    assert step(0, -1, 3, ALL) == 2
    assert step(1, 1, 3, (0, 1)) == 0
    assert step(1, -1, 4, (1, 3)) == 3
    assert step(1, 1, 3, ()) == 1  # nothing active: stay


def test_single_panel_restarts_after_its_dwell():
    rotation = Rotation([4.0], now=0.0)
    assert rotation.due(4.0) == 4.0
    rotation.go_to(rotation.following(0, (0,)), 4.0)
    assert (rotation.index, rotation.due(4.0)) == (0, 8.0)


def test_moves_are_immediate_with_full_dwell():
    rotation = make(now=0.0)
    rotation.go_to(1, 3.0)
    assert (rotation.index, rotation.due(3.0)) == (1, 8.0)
    rotation.go_to(0, 4.0)
    assert (rotation.index, rotation.due(4.0)) == (0, 14.0)
    rotation.go_to(2, 5.0)
    assert (rotation.index, rotation.due(5.0)) == (2, 25.0)


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
    assert rotation.due(500.0) is None
    assert rotation.index == 0
    rotation.resume(600.0)
    assert not rotation.paused
    assert rotation.due(600.0) == 606.0


def test_pause_twice_keeps_first_pause_time():
    rotation = make(now=0.0)
    rotation.pause(4.0)
    rotation.pause(8.0)
    rotation.resume(10.0)
    assert rotation.due(10.0) == 16.0


def test_resume_without_pause_changes_nothing():
    rotation = make(now=0.0)
    rotation.resume(5.0)
    assert rotation.due(5.0) == 10.0


def test_moves_while_paused_stay_paused_with_full_dwell():
    rotation = make(now=0.0)
    rotation.pause(1.0)
    rotation.go_to(1, 2.0)
    assert rotation.index == 1
    assert rotation.paused
    assert rotation.due(100.0) is None
    rotation.resume(50.0)
    assert rotation.due(50.0) == 55.0


def test_hold_and_release():
    rotation = make(now=0.0)
    rotation.hold(2.0)
    assert rotation.held
    assert rotation.due(30.0) is None
    rotation.go_to(1, 31.0)  # the visitor swipes
    assert rotation.index == 1
    rotation.release(90.0)
    assert not rotation.held
    assert rotation.due(90.0) == 95.0  # a full dwell from release


def test_release_without_hold_changes_nothing():
    rotation = make(now=0.0)
    rotation.release(5.0)
    assert rotation.due(5.0) == 10.0


def test_release_while_paused_stays_paused_then_full_dwell():
    rotation = make(now=0.0)
    rotation.hold(1.0)
    rotation.pause(2.0)
    rotation.release(3.0)
    assert rotation.due(3.0) is None
    rotation.resume(40.0)
    assert rotation.due(40.0) == 50.0


def test_set_dwells_keeps_index_and_time_spent():
    rotation = make(now=0.0)
    rotation.go_to(1, 10.0)  # panel 1, shown at 10, 5 s dwell
    rotation.set_dwells([10.0, 8.0, 20.0, 3.0], now=12.0)
    assert rotation.index == 1
    assert rotation.count == 4
    assert rotation.due(12.0) == 18.0


def test_set_dwells_shorter_than_time_spent_is_due_at_once():
    rotation = make(now=0.0)
    rotation.set_dwells([2.0, 5.0, 20.0], now=6.0)
    assert rotation.due(6.0) == 6.0


def test_set_dwells_resets_index_when_out_of_range():
    rotation = make(now=0.0, start_index=2)
    rotation.set_dwells([7.0, 7.0], now=3.0)
    assert (rotation.index, rotation.due(3.0)) == (0, 10.0)


def test_set_dwells_while_paused_keeps_remainder():
    rotation = make(now=0.0)
    rotation.pause(4.0)
    rotation.set_dwells([12.0, 5.0, 20.0], now=9.0)
    rotation.resume(20.0)
    assert rotation.due(20.0) == 28.0  # 12 - 4 used


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
