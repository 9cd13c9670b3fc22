"""Idle timeout: when a visitor walks away, count down and return to the attract loop.

The tracker reads no clock: the app passes `now` (monotonic seconds) to
:meth:`IdleTracker.touch` on any input and to :meth:`IdleTracker.state` or
:meth:`IdleTracker.poll` on each tick.

Phases after a touch at time T, with ``timeout`` and ``countdown``::

    T ........ engaged ........ T+timeout-countdown .. countdown 5,4,3,2,1 .. T+timeout
                                                                        reset (once), then attract

The reset is reported once only, by whichever of `state` and `poll` sees it
first; both share that one-shot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

IdlePhase = Literal["attract", "engaged", "countdown", "reset"]


@dataclass(frozen=True)
class IdleState:
    """What the idle tracker says at one moment.

    Attributes
    ----------
    phase : IdlePhase
        "attract" (no visitor), "engaged" (a visitor is active), "countdown"
        (show `seconds_left`), or "reset" (return to the attract loop now).
    seconds_left : int or None
        Whole seconds until the reset, rounded up; only in the countdown.
    """

    phase: IdlePhase
    seconds_left: int | None = None


ATTRACT = IdleState("attract")


class IdleTracker:
    """Track visitor input and decide when to return to the attract loop.

    Parameters
    ----------
    timeout : float
        Seconds without input before the reset; more than 0.
    countdown : float
        Seconds before the reset during which a countdown is shown; at least
        0. A countdown as long as the timeout or longer starts at the touch.
    """

    def __init__(self, timeout: float, countdown: float = 5.0) -> None:
        if not timeout > 0.0:
            raise ValueError(f"timeout must be positive, got {timeout!r}")
        if not countdown >= 0.0:
            raise ValueError(f"countdown must not be negative, got {countdown!r}")
        self.timeout = float(timeout)
        self.countdown = float(min(countdown, timeout))
        self._last_touch: float | None = None

    @property
    def last_touch(self) -> float | None:
        """When the visitor last touched; None in the attract loop."""
        return self._last_touch

    def touch(self, now: float) -> None:
        """Record input from a visitor: engaged again, any countdown cancelled."""
        self._last_touch = now

    def state(self, now: float) -> IdleState:
        """The phase at `now`; the "reset" phase is reported once."""
        if self._last_touch is None:
            return ATTRACT
        reset_at = self._last_touch + self.timeout
        if now >= reset_at:
            self._last_touch = None
            return IdleState("reset")
        if now < reset_at - self.countdown:
            return IdleState("engaged")
        left = min(math.ceil(reset_at - now), math.ceil(self.countdown))
        return IdleState("countdown", max(left, 1))

    def poll(self, now: float) -> bool:
        """True exactly once, when the reset to the attract loop is due."""
        return self.state(now).phase == "reset"

    def next_change_at(self, now: float) -> float | None:
        """When the state next changes (for a ticker that sleeps); None if never."""
        if self._last_touch is None:
            return None
        reset_at = self._last_touch + self.timeout
        countdown_at = reset_at - self.countdown
        if now < countdown_at:
            return countdown_at
        if now >= reset_at:
            return now
        return max(now, reset_at - (math.ceil(reset_at - now) - 1))
