"""The operator PIN check, with a lockout after repeated wrong entries.

Time is passed in as `now` (monotonic seconds). After `max_failures` wrong
PINs in a row the gate is locked for `lockout_seconds`: every attempt in
that time, even the right PIN, is refused as LOCKED and not counted. When
a lockout starts the failure count goes back to 0, so after it ends the
operator has `max_failures` fresh attempts.
"""

from __future__ import annotations

import hmac
from enum import Enum


class PinResult(Enum):
    """The outcome of one PIN attempt."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    LOCKED = "locked"


class PinGate:
    """Check PIN attempts and lock out guessing.

    Parameters
    ----------
    pin : str
        The correct PIN; not empty.
    max_failures : int
        Wrong PINs in a row that start a lockout; at least 1.
    lockout_seconds : float
        How long a lockout lasts; not negative.
    """

    def __init__(self, pin: str, max_failures: int = 5, lockout_seconds: float = 60.0) -> None:
        if not pin:
            raise ValueError("the PIN must not be empty")
        if max_failures < 1:
            raise ValueError(f"max_failures must be at least 1, got {max_failures!r}")
        if not lockout_seconds >= 0.0:
            raise ValueError(f"lockout_seconds must not be negative, got {lockout_seconds!r}")
        self._pin = pin.encode("utf-8")
        self.max_failures = max_failures
        self.lockout_seconds = float(lockout_seconds)
        self._failures = 0
        self._locked_until: float | None = None

    @property
    def locked_until(self) -> float | None:
        """When the current or latest lockout ends; None before any lockout.

        Cleared by the first attempt after the lockout has ended.
        """
        return self._locked_until

    def is_locked(self, now: float) -> bool:
        """Whether attempts are refused at `now`."""
        return self._locked_until is not None and now < self._locked_until

    def attempt(self, entered: str, now: float) -> PinResult:
        """Check `entered` at `now`: ACCEPTED, REJECTED, or LOCKED (not counted)."""
        if self.is_locked(now):
            return PinResult.LOCKED
        self._locked_until = None
        if hmac.compare_digest(entered.encode("utf-8"), self._pin):
            self._failures = 0
            return PinResult.ACCEPTED
        self._failures += 1
        if self._failures >= self.max_failures:
            self._failures = 0
            self._locked_until = now + self.lockout_seconds
        return PinResult.REJECTED
