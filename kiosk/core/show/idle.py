"""Idle timeout: when a visitor walks away, count down and return to the attract loop.

The tracker reads no clock: the show passes `now` (monotonic seconds) to
:meth:`IdleTracker.touch` on any input, to :meth:`IdleTracker.poll` on each tick
and to :meth:`IdleTracker.state` whenever it draws the countdown.

Phases after a touch at time T, with ``timeout`` and ``countdown``::

    T ........ engaged ........ T+timeout-countdown .. countdown 5,4,3,2,1 .. T+timeout
                                                                        reset (once), then attract

`state` only looks: it says "reset" for as long as the reset is due. `poll` acts:
it is True once, when the reset is due, and returns the tracker to the attract loop.
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
    last_touch : float or None
        When the visitor last touched (None: nobody is there), e.g. carried over
        from the tracker of the content version before.
    """

    def __init__(
        self, timeout: float, countdown: float = 5.0, last_touch: float | None = None
    ) -> None:
        if not timeout > 0.0:
            raise ValueError(f"timeout must be positive, got {timeout!r}")
        if not countdown >= 0.0:
            raise ValueError(f"countdown must not be negative, got {countdown!r}")
        self.timeout = float(timeout)
        self.countdown = float(min(countdown, timeout))
        self._last_touch = last_touch

    @property
    def last_touch(self) -> float | None:
        """When the visitor last touched; None in the attract loop."""
        return self._last_touch

    def touch(self, now: float) -> None:
        """Record input from a visitor: engaged again, any countdown cancelled."""
        self._last_touch = now

    def state(self, now: float) -> IdleState:
        """The phase at `now` ("reset" while the reset is due and not yet polled)."""
        if self._last_touch is None:
            return ATTRACT
        reset_at = self._last_touch + self.timeout
        if now >= reset_at:
            return IdleState("reset")
        if now < reset_at - self.countdown:
            return IdleState("engaged")
        left = min(math.ceil(reset_at - now), math.ceil(self.countdown))
        return IdleState("countdown", max(left, 1))

    def poll(self, now: float) -> bool:
        """True exactly once, when the reset is due; the tracker is then in the attract loop."""
        if self.state(now).phase != "reset":
            return False
        self._last_touch = None
        return True

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
