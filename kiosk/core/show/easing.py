"""Pure easing and stagger functions: progress in time mapped to 0..1.

Every function takes the time as an argument and reads no clock, so a panel
can paint itself at any `t` and tests can sample the curves exactly. A
duration of 0 (or less) means "no animation": the progress jumps to 1 at
`start`, which is how `reduced_motion` is expressed.
"""

from __future__ import annotations

from collections.abc import Callable

Curve = Callable[[float], float]


def clamp01(x: float) -> float:
    """Clamp `x` into 0..1; NaN is treated as 0.

    Parameters
    ----------
    x : float
        Any number.

    Returns
    -------
    float
        `x` limited to the closed interval [0, 1].
    """
    if x >= 1.0:
        return 1.0
    if x > 0.0:
        return x
    return 0.0


def ease_out_cubic(x: float) -> float:
    """Fast start, gentle landing: ``1 - (1 - x)**3`` on a clamped `x`."""
    x = clamp01(x)
    return 1.0 - (1.0 - x) ** 3


def ease_in_out_cubic(x: float) -> float:
    """Gentle start and landing, symmetric about 0.5, on a clamped `x`."""
    x = clamp01(x)
    if x < 0.5:
        return 4.0 * x**3
    return 1.0 - (-2.0 * x + 2.0) ** 3 / 2.0


def progress(t: float, start: float, duration: float) -> float:
    """Linear progress 0..1 of an animation that begins at `start`.

    Parameters
    ----------
    t : float
        The current time, seconds.
    start : float
        When the animation begins, seconds.
    duration : float
        Its length, seconds; 0 or less means it is complete at `start`.

    Returns
    -------
    float
        0 before `start`, 1 from ``start + duration`` on, linear in between.
    """
    if duration <= 0.0:
        return 1.0 if t >= start else 0.0
    return clamp01((t - start) / duration)


def eased(t: float, start: float, duration: float, curve: Curve = ease_out_cubic) -> float:
    """Eased progress 0..1: `curve` applied to :func:`progress`."""
    return curve(progress(t, start, duration))


def staggered(
    t: float,
    index: int,
    *,
    duration: float = 0.5,
    stagger: float = 0.08,
    delay: float = 0.0,
) -> float:
    """Eased progress of item `index` in a list whose items enter one after another.

    Parameters
    ----------
    t : float
        Time since the list appeared, seconds.
    index : int
        Position of the item, from 0.
    duration : float
        How long each item takes to enter.
    stagger : float
        Extra delay per item.
    delay : float
        Delay before the first item starts.

    Returns
    -------
    float
        Eased (ease-out cubic) progress 0..1 of the item.
    """
    return eased(t, delay + index * stagger, duration)


def stagger_end(
    count: int, duration: float = 0.5, stagger: float = 0.08, delay: float = 0.0
) -> float:
    """Time when the last of `count` staggered items has settled.

    Returns `delay` for an empty list; never less than `delay`.
    """
    if count <= 0:
        return delay
    return delay + (count - 1) * stagger + max(duration, 0.0)
