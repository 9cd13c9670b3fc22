import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.show.easing import (
    clamp01,
    ease_in_out_cubic,
    ease_out_cubic,
    eased,
    progress,
    stagger_end,
    staggered,
)

unit = st.floats(min_value=0.0, max_value=1.0)


@pytest.mark.parametrize(
    ("x", "expected"),
    [(-1.0, 0.0), (0.0, 0.0), (0.25, 0.25), (1.0, 1.0), (2.5, 1.0), (math.nan, 0.0)],
)
def test_clamp01(x, expected):
    assert clamp01(x) == expected


@pytest.mark.parametrize(
    ("x", "expected"),
    [(0.0, 0.0), (0.5, 0.875), (1.0, 1.0), (0.25, 1 - 0.75**3), (-3.0, 0.0), (7.0, 1.0)],
)
def test_ease_out_cubic_table(x, expected):
    assert ease_out_cubic(x) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    ("x", "expected"),
    [(0.0, 0.0), (0.25, 0.0625), (0.5, 0.5), (0.75, 0.9375), (1.0, 1.0), (-1.0, 0.0), (9.0, 1.0)],
)
def test_ease_in_out_cubic_table(x, expected):
    assert ease_in_out_cubic(x) == pytest.approx(expected, abs=1e-12)


def test_endpoints_are_exact():
    assert ease_out_cubic(1.0) == 1.0
    assert ease_in_out_cubic(1.0) == 1.0


@pytest.mark.parametrize("curve", [ease_out_cubic, ease_in_out_cubic])
@given(a=unit, b=unit)
def test_curves_are_monotonic_and_bounded(curve, a, b):
    lo, hi = sorted((a, b))
    assert 0.0 <= curve(lo) <= curve(hi) <= 1.0


def test_ease_out_is_ahead_of_linear():
    for x in (0.1, 0.3, 0.6, 0.9):
        assert ease_out_cubic(x) > x


def test_progress_linear_and_clamped():
    assert progress(9.0, start=10.0, duration=2.0) == 0.0
    assert progress(10.0, start=10.0, duration=2.0) == 0.0
    assert progress(11.0, start=10.0, duration=2.0) == 0.5
    assert progress(12.0, start=10.0, duration=2.0) == 1.0
    assert progress(50.0, start=10.0, duration=2.0) == 1.0


def test_progress_zero_duration_is_instant():
    assert progress(0.999, start=1.0, duration=0.0) == 0.0
    assert progress(1.0, start=1.0, duration=0.0) == 1.0
    assert progress(5.0, start=1.0, duration=0.0) == 1.0


def test_eased_uses_curve():
    assert eased(1.0, 0.0, 2.0) == 0.875
    assert eased(1.0, 0.0, 2.0, curve=lambda x: x) == 0.5
    assert eased(1.0, 0.0, 2.0, curve=ease_in_out_cubic) == 0.5


def test_staggered_items_start_one_after_another():
    assert staggered(0.0, 0) == 0.0
    assert staggered(0.08, 1) == 0.0
    assert staggered(0.33, 1) == pytest.approx(0.875)
    assert staggered(0.25, 0) > staggered(0.25, 1) > staggered(0.25, 2)
    assert staggered(0.2, 0, delay=0.3) == 0.0
    assert staggered(0.3 + 0.25, 0, delay=0.3) == pytest.approx(0.875)


def test_staggered_zero_duration_is_settled_at_once():
    assert staggered(0.0, 0, duration=0.0, stagger=0.0) == 1.0
    assert staggered(0.0, 5, duration=0.0, stagger=0.0) == 1.0


def test_stagger_end_is_when_last_item_settles():
    end = stagger_end(4, 0.5, 0.08, 0.2)
    assert end == pytest.approx(0.2 + 3 * 0.08 + 0.5)
    assert staggered(end, 3, duration=0.5, stagger=0.08, delay=0.2) == 1.0
    assert staggered(end - 0.01, 3, duration=0.5, stagger=0.08, delay=0.2) < 1.0


def test_stagger_end_edge_counts():
    assert stagger_end(0, 0.5, 0.08, 0.3) == 0.3
    assert stagger_end(1, 0.5, 0.08) == 0.5
    assert stagger_end(3, 0.0, 0.0) == 0.0
