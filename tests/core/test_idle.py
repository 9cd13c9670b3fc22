import pytest

from kiosk.core.show.idle import IdleState, IdleTracker


def phases(tracker: IdleTracker, times):
    return [tracker.state(t) for t in times]


def test_no_touch_is_always_attract_and_never_resets():
    tracker = IdleTracker(timeout=60.0)
    for now in (0.0, 59.0, 60.0, 61.0, 1e6):
        assert tracker.state(now) == IdleState("attract")
        assert tracker.poll(now) is False
    assert tracker.next_change_at(10.0) is None


def test_touch_then_wait_engaged_countdown_reset_once():
    tracker = IdleTracker(timeout=60.0, countdown=5.0)
    tracker.touch(100.0)
    assert tracker.state(100.0) == IdleState("engaged")
    assert tracker.state(154.99) == IdleState("engaged")
    seen = [tracker.state(155.0 + i + 0.5).seconds_left for i in range(5)]
    assert seen == [5, 4, 3, 2, 1]
    assert tracker.state(155.0) == IdleState("countdown", 5)
    assert tracker.state(159.999) == IdleState("countdown", 1)
    assert tracker.state(160.0) == IdleState("reset")
    assert tracker.state(160.0) == IdleState("reset")  # looking does not act on it
    assert tracker.poll(160.0) is True
    assert tracker.state(160.0) == IdleState("attract")
    assert tracker.state(500.0) == IdleState("attract")
    assert tracker.last_touch is None


def test_reset_reported_once_even_if_tick_is_late():
    tracker = IdleTracker(timeout=10.0)
    tracker.touch(0.0)
    assert tracker.state(3600.0).phase == "reset"
    assert tracker.poll(3600.0) is True
    assert tracker.poll(3601.0) is False
    assert tracker.state(3601.0).phase == "attract"


def test_a_tracker_can_start_from_an_earlier_touch():
    tracker = IdleTracker(timeout=10.0, countdown=3.0, last_touch=5.0)
    assert tracker.last_touch == 5.0
    assert tracker.state(12.5) == IdleState("countdown", 3)
    assert tracker.poll(15.0) is True


def test_poll_true_exactly_once():
    tracker = IdleTracker(timeout=10.0, countdown=3.0)
    tracker.touch(0.0)
    results = [tracker.poll(t / 10) for t in range(0, 200)]
    assert results.count(True) == 1
    assert results.index(True) == 100  # at t = 10.0


def test_poll_and_state_share_the_one_shot():
    tracker = IdleTracker(timeout=10.0)
    tracker.touch(0.0)
    assert tracker.poll(10.0) is True
    assert tracker.state(10.0).phase == "attract"


def test_touch_during_countdown_cancels_it():
    tracker = IdleTracker(timeout=60.0, countdown=5.0)
    tracker.touch(0.0)
    assert tracker.state(57.0) == IdleState("countdown", 3)
    tracker.touch(57.5)
    assert tracker.state(58.0) == IdleState("engaged")
    assert tracker.poll(60.0) is False
    assert tracker.state(112.5) == IdleState("countdown", 5)
    assert tracker.poll(117.5) is True


def test_touch_after_reset_engages_again():
    tracker = IdleTracker(timeout=10.0)
    tracker.touch(0.0)
    assert tracker.poll(10.0)
    tracker.touch(20.0)
    assert tracker.state(21.0) == IdleState("engaged")
    assert tracker.poll(30.0)


def test_countdown_as_long_as_timeout_starts_at_touch():
    tracker = IdleTracker(timeout=4.0, countdown=5.0)
    tracker.touch(0.0)
    assert tracker.state(0.0) == IdleState("countdown", 4)
    assert tracker.state(3.5) == IdleState("countdown", 1)
    assert tracker.state(4.0) == IdleState("reset")


def test_zero_countdown_goes_straight_from_engaged_to_reset():
    tracker = IdleTracker(timeout=10.0, countdown=0.0)
    tracker.touch(0.0)
    assert tracker.state(9.999) == IdleState("engaged")
    assert tracker.state(10.0) == IdleState("reset")


def test_fractional_countdown_rounds_seconds_up():
    tracker = IdleTracker(timeout=10.0, countdown=2.5)
    tracker.touch(0.1)
    assert tracker.state(7.59) == IdleState("engaged")
    assert tracker.state(7.6) == IdleState("countdown", 3)
    assert tracker.state(9.2) == IdleState("countdown", 1)


def test_next_change_at():
    tracker = IdleTracker(timeout=60.0, countdown=5.0)
    tracker.touch(100.0)
    assert tracker.next_change_at(120.0) == 155.0
    assert tracker.next_change_at(155.0) == 156.0
    assert tracker.next_change_at(157.3) == pytest.approx(158.0)
    assert tracker.next_change_at(159.5) == 160.0
    assert tracker.next_change_at(160.0) == 160.0  # the reset is due now
    tracker.poll(160.0)
    assert tracker.next_change_at(161.0) is None


@pytest.mark.parametrize(("timeout", "countdown"), [(0.0, 5.0), (-1.0, 0.0), (10.0, -1.0)])
def test_bad_settings(timeout, countdown):
    with pytest.raises(ValueError):
        IdleTracker(timeout, countdown)
