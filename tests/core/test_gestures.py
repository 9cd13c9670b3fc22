import pytest

from kiosk.core.show.gestures import Gesture, PointerSample, classify, is_long_press_in_progress

SIDE = 1000.0  # short side in pixels: 8% = 80 px, 3% = 30 px


def line(x0, y0, x1, y1, duration, steps=10, t0=0.0):
    """A straight track at constant speed."""
    return [
        PointerSample(
            t0 + duration * i / steps, x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps
        )
        for i in range(steps + 1)
    ]


def kind(track, **kwargs):
    return classify(track, SIDE, **kwargs).kind


def test_empty_and_single_point_are_none():
    assert classify([], SIDE) == Gesture("none", (0.0, 0.0))
    assert classify([PointerSample(0.0, 5.0, 6.0)], SIDE) == Gesture("none", (5.0, 6.0))


def test_tap():
    track = [PointerSample(0.0, 500.0, 400.0), PointerSample(0.12, 503.0, 402.0)]
    assert classify(track, SIDE) == Gesture("tap", (500.0, 400.0))


def test_tap_edges():
    assert kind(line(500, 500, 529.9, 500, 0.2)) == "tap"
    assert kind(line(500, 500, 530, 500, 0.2)) == "none"  # moved 3%: not still
    assert kind(line(500, 500, 500, 500, 0.499)) == "tap"
    assert kind(line(500, 500, 500, 500, 0.5)) == "none"  # too long for a tap


def test_finger_that_wanders_and_returns_is_not_a_tap():
    track = [
        PointerSample(0.0, 500, 500),
        PointerSample(0.1, 560, 500),
        PointerSample(0.2, 500, 500),
    ]
    assert kind(track) == "none"


def test_hesitant_press_between_tap_and_long_press_is_none():
    assert kind(line(500, 500, 505, 500, 0.65)) == "none"


def test_long_press():
    assert kind(line(500, 500, 510, 505, 0.8)) == "long_press"
    assert kind(line(500, 500, 510, 505, 0.79)) == "none"
    assert kind(line(500, 500, 510, 505, 2.0), long_press_seconds=3.0) == "none"
    assert kind(line(500, 500, 510, 505, 3.0), long_press_seconds=3.0) == "long_press"


def test_swipe_directions():
    left = classify(line(700, 500, 500, 510, 0.25), SIDE)
    assert left == Gesture("swipe_left", (700.0, 500.0))  # right to left: next panel
    assert kind(line(300, 500, 500, 490, 0.25)) == "swipe_right"


def test_swipe_distance_edges():
    assert kind(line(500, 500, 420, 500, 0.3)) == "swipe_left"  # exactly 8%
    assert kind(line(500, 500, 420.1, 500, 0.3)) == "none"
    assert kind(line(500, 500, 580, 500, 0.3)) == "swipe_right"


def test_swipe_scales_with_short_side():
    track = line(500, 500, 420, 500, 0.3)
    assert classify(track, 1000.0).kind == "swipe_left"
    assert classify(track, 2160.0).kind == "none"  # same pixels on a 4K screen: too short


def test_swipe_must_be_mostly_horizontal():
    assert kind(line(500, 500, 350, 600, 0.3)) == "swipe_left"  # |dx| = 1.5 |dy|
    assert kind(line(500, 500, 350, 601, 0.3)) == "none"


def test_vertical_drag_is_none():
    assert kind(line(500, 200, 505, 800, 0.3)) == "none"


def test_swipe_duration_edge():
    assert kind(line(500, 500, 300, 500, 1.0)) == "swipe_left"
    assert kind(line(500, 500, 300, 500, 1.01)) == "none"  # slow and steady: no flick


def test_multi_second_drag_is_not_a_swipe():
    assert kind(line(900, 500, 100, 520, 3.0, steps=60)) == "none"


def test_long_drag_ending_in_a_flick_is_a_swipe():
    slow = line(800, 500, 700, 500, 1.5, steps=15)
    flick = line(700, 500, 500, 500, 0.1, steps=5, t0=1.5)[1:]  # 2000 px/s
    assert kind(slow + flick) == "swipe_left"


def test_flick_against_the_drag_is_not_a_swipe():
    slow = line(800, 500, 500, 500, 2.0, steps=20)
    back = line(500, 500, 600, 500, 0.05, steps=5, t0=2.0)[1:]
    assert kind(slow + back) == "none"


def test_bad_short_side():
    with pytest.raises(ValueError):
        classify(line(0, 0, 1, 1, 0.1), 0.0)


def test_long_press_in_progress():
    down = [PointerSample(10.0, 20.0, 20.0), PointerSample(11.0, 25.0, 22.0)]
    assert not is_long_press_in_progress(down, 12.99, SIDE, seconds=3.0)
    assert is_long_press_in_progress(down, 13.0, SIDE, seconds=3.0)
    assert is_long_press_in_progress(down[:1], 10.8, SIDE)
    assert not is_long_press_in_progress(down[:1], 10.79, SIDE)


def test_long_press_in_progress_cancelled_by_movement():
    moved = [PointerSample(10.0, 20.0, 20.0), PointerSample(11.0, 60.0, 20.0)]
    assert not is_long_press_in_progress(moved, 14.0, SIDE, seconds=3.0)
    assert not is_long_press_in_progress([], 14.0, SIDE, seconds=3.0)
