"""Classify a pointer track (press to release) as a tap, swipe or long press.

Distances are fractions of `short_side`, the screen's shorter dimension, so
the same gesture counts on a 1080p and a 4K screen. The UI collects samples
from mouse or touch events and calls :func:`classify` on release, or
:func:`is_long_press_in_progress` on each tick while the finger is down.

A swipe travels horizontally at least ``SWIPE_DISTANCE`` of the short side,
mostly horizontally (``|dx| >= SWIPE_RATIO * |dy|``), and either lasts at most
``SWIPE_MAX_SECONDS`` or ends in a flick (``FLICK_SPEED`` short sides per
second over the last ``FLICK_WINDOW`` seconds, in the swipe's direction). A
slow drag of several seconds is not a swipe.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

GestureKind = Literal["tap", "swipe_left", "swipe_right", "long_press", "none"]

SWIPE_DISTANCE = 0.08
SWIPE_RATIO = 1.5
SWIPE_MAX_SECONDS = 1.0
FLICK_SPEED = 1.0
FLICK_WINDOW = 0.1
STILL_DISTANCE = 0.03
TAP_MAX_SECONDS = 0.5
LONG_PRESS_SECONDS = 0.8


@dataclass(frozen=True)
class PointerSample:
    """Where the pointer was at time `t` (seconds), in screen pixels."""

    t: float
    x: float
    y: float


@dataclass(frozen=True)
class Gesture:
    """A classified track: its kind and where it started.

    ``swipe_left`` means the finger moved right to left: show the next panel.
    """

    kind: GestureKind
    start: tuple[float, float]


def _stays_still(track: Sequence[PointerSample], short_side: float) -> bool:
    """Whether every sample is within ``STILL_DISTANCE`` of the first."""
    first = track[0]
    limit = STILL_DISTANCE * short_side
    return all(math.hypot(s.x - first.x, s.y - first.y) < limit for s in track)


def _flick_speed(track: Sequence[PointerSample]) -> float:
    """Horizontal speed (pixels per second, signed) at release."""
    last = track[-1]
    earlier = [s for s in track[:-1] if s.t < last.t]
    if not earlier:
        return 0.0
    recent = [s for s in earlier if last.t - s.t <= FLICK_WINDOW]
    base = recent[0] if recent else earlier[-1]
    return (last.x - base.x) / (last.t - base.t)


def _swipe_kind(track: Sequence[PointerSample], short_side: float) -> GestureKind:
    """The swipe direction of the track: "swipe_left", "swipe_right", or "none"."""
    first, last = track[0], track[-1]
    dx, dy = last.x - first.x, last.y - first.y
    if abs(dx) < SWIPE_DISTANCE * short_side or abs(dx) < SWIPE_RATIO * abs(dy):
        return "none"
    quick = last.t - first.t <= SWIPE_MAX_SECONDS
    speed = _flick_speed(track)
    flick = speed * dx > 0 and abs(speed) >= FLICK_SPEED * short_side
    if not (quick or flick):
        return "none"
    return "swipe_left" if dx < 0 else "swipe_right"


def classify(
    track: Sequence[PointerSample],
    short_side: float,
    *,
    long_press_seconds: float = LONG_PRESS_SECONDS,
) -> Gesture:
    """Classify a finished pointer track.

    Parameters
    ----------
    track : Sequence[PointerSample]
        Samples from press to release, in time order.
    short_side : float
        The screen's shorter dimension, pixels; more than 0.
    long_press_seconds : float
        How long a still press lasts to be a long press.

    Returns
    -------
    Gesture
        "tap", "swipe_left", "swipe_right", "long_press" or "none" (empty
        tracks, single samples, vertical or slow drags, hesitant presses).
    """
    if not short_side > 0:
        raise ValueError(f"short_side must be positive, got {short_side!r}")
    if not track:
        return Gesture("none", (0.0, 0.0))
    start = (track[0].x, track[0].y)
    if len(track) < 2:
        return Gesture("none", start)
    duration = track[-1].t - track[0].t
    if _stays_still(track, short_side):
        if duration >= long_press_seconds:
            return Gesture("long_press", start)
        return Gesture("tap" if duration < TAP_MAX_SECONDS else "none", start)
    return Gesture(_swipe_kind(track, short_side), start)


def is_long_press_in_progress(
    track: Sequence[PointerSample],
    now: float,
    short_side: float,
    seconds: float = LONG_PRESS_SECONDS,
) -> bool:
    """Whether a press not yet released has stayed still for `seconds` by `now`.

    The operator's corner press uses ``seconds=3.0``.
    """
    if not track or not short_side > 0:
        return False
    return now - track[0].t >= seconds and _stays_still(track, short_side)
