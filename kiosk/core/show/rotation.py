"""Which panel is on screen, and when the next one comes: a clock-free state machine.

`Rotation` is driven by the app's one ticker, which passes the monotonic time
`now` to :meth:`Rotation.advance` and may sleep until
:attr:`Rotation.next_change_at`.

Decisions
---------
- Auto-advance keeps to its schedule: a panel reached by :meth:`advance`
  appeared when it was due, not when the ticker happened to wake, and a long
  jump of `now` (a suspended machine) walks the dwells to the panel that
  would be showing, in O(panel count).
- Pause (the operator's Space key) keeps the remainder: on resume the panel
  stays up for what was left of its dwell when it was paused.
- Hold (a visitor is interacting) stops auto-advance; release gives the
  current panel a full dwell from the moment of release.
- Visitor moves (next, previous, go_to) are immediate and give the new panel
  a full dwell; they do not end a pause or a hold.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def _checked(dwells: Sequence[float]) -> tuple[float, ...]:
    """`dwells` as a tuple, or ValueError when empty or a dwell is not positive."""
    values = tuple(float(d) for d in dwells)
    if not values:
        raise ValueError("a rotation needs at least one panel")
    for index, dwell in enumerate(values):
        if not (dwell > 0.0 and math.isfinite(dwell)):
            raise ValueError(f"dwell of panel {index} must be positive, got {dwell!r}")
    return values


class Rotation:
    """The panel on screen and its timing.

    Parameters
    ----------
    dwells : Sequence[float]
        Seconds each panel stays up, one per panel; each more than 0.
    now : float
        The current time, seconds (monotonic).
    start_index : int
        The panel shown first.
    """

    def __init__(self, dwells: Sequence[float], now: float, start_index: int = 0) -> None:
        self._dwells = _checked(dwells)
        self._index = self._valid_index(start_index)
        self._shown_at = now
        self._deadline = now + self._dwells[self._index]
        self._paused_at: float | None = None
        self._held = False

    @property
    def index(self) -> int:
        """The panel on screen."""
        return self._index

    @property
    def count(self) -> int:
        """How many panels rotate."""
        return len(self._dwells)

    @property
    def shown_at(self) -> float:
        """When the current panel appeared."""
        return self._shown_at

    @property
    def paused(self) -> bool:
        """Whether the operator paused auto-advance."""
        return self._paused_at is not None

    @property
    def held(self) -> bool:
        """Whether a visitor's interaction holds auto-advance."""
        return self._held

    @property
    def next_change_at(self) -> float | None:
        """When :meth:`advance` will next move on; None while paused or held."""
        if self.paused or self._held:
            return None
        return self._deadline

    def time_in_panel(self, now: float) -> float:
        """Seconds since the current panel appeared."""
        return now - self._shown_at

    def advance(self, now: float) -> bool:
        """Move on if the current dwell is over; True if the panel changed.

        Walks as many panels as have elapsed since the last call, in at most
        about two passes over the panels however far `now` jumped.
        """
        if self.next_change_at is None or now < self._deadline:
            return False
        self._walk(now, limit=self.count)
        if now >= self._deadline:
            self._skip_cycles(now)
            self._walk(now, limit=self.count)
        return True

    def next(self, now: float) -> None:
        """Show the following panel at once (wraps to the first)."""
        self._show((self._index + 1) % self.count, now)

    def previous(self, now: float) -> None:
        """Show the preceding panel at once (wraps to the last)."""
        self._show((self._index - 1) % self.count, now)

    def go_to(self, index: int, now: float) -> None:
        """Show panel `index` at once; IndexError when out of range."""
        self._show(self._valid_index(index), now)

    def pause(self, now: float) -> None:
        """Stop auto-advance, keeping the rest of the current dwell for resume."""
        if self._paused_at is None:
            self._paused_at = now

    def resume(self, now: float) -> None:
        """Restart auto-advance; the panel stays for the remainder of its dwell."""
        if self._paused_at is not None:
            self._deadline = now + self._remaining(self._paused_at)
            self._paused_at = None

    def hold(self, now: float) -> None:
        """Stop auto-advance while a visitor interacts."""
        self._held = True

    def release(self, now: float) -> None:
        """End a hold: the current panel gets a full dwell from `now`."""
        if self._held:
            self._held = False
            self._restart_dwell(now)

    def set_dwells(self, dwells: Sequence[float], now: float) -> None:
        """Take new dwells after a content reload.

        The current index is kept when still valid, and the time already spent
        on the panel counts against its new dwell; otherwise panel 0 is shown.
        """
        checked = _checked(dwells)
        if self._index >= len(checked):
            self._dwells = checked
            self._show(0, now)
            return
        used = self._dwells[self._index] - self._remaining(now)
        self._dwells = checked
        self._deadline = self._clock(now) + max(0.0, checked[self._index] - used)

    def _valid_index(self, index: int) -> int:
        """`index` if it names a panel, else IndexError."""
        if not 0 <= index < self.count:
            raise IndexError(f"panel index {index} out of range 0..{self.count - 1}")
        return index

    def _clock(self, now: float) -> float:
        """The time the dwell is measured at: frozen at the pause while paused."""
        return now if self._paused_at is None else self._paused_at

    def _remaining(self, now: float) -> float:
        """Dwell left on the current panel at `now`, at least 0."""
        return max(0.0, self._deadline - self._clock(now))

    def _restart_dwell(self, now: float) -> None:
        """Give the current panel a full dwell from `now` (kept whole while paused)."""
        if self._paused_at is not None:
            self._paused_at = now
        self._deadline = now + self._dwells[self._index]

    def _show(self, index: int, now: float) -> None:
        """Put panel `index` on screen at `now` with a full dwell."""
        self._index = index
        self._shown_at = now
        self._restart_dwell(now)

    def _walk(self, now: float, limit: int) -> None:
        """Step through due panels, at most `limit` of them, keeping the schedule."""
        for _ in range(limit):
            if now < self._deadline:
                return
            self._index = (self._index + 1) % self.count
            self._shown_at = self._deadline
            self._deadline += self._dwells[self._index]

    def _skip_cycles(self, now: float) -> None:
        """Jump whole rotations at once; the index is unchanged after each."""
        cycle = sum(self._dwells)
        cycles = math.floor((now - self._deadline) / cycle)
        if cycles > 0:
            self._shown_at += cycles * cycle
            self._deadline += cycles * cycle
