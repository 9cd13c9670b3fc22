"""When the automatic rotation moves on, and to which panel: a pluggable, clock-free policy.

The presentation model asks its `RotationPolicy` three things: when the panel on
screen is due to be replaced (`due`), by which panel (`following`), and where the
attract loop starts again after a visitor leaves (`first`). It tells the policy
when a panel came on screen (`go_to`), when a visitor holds the rotation and lets
go, when a presenter pauses it, and when new content brings new dwells.

`Rotation` is the policy the kiosk runs: each panel stays for its own dwell,
counted from when it appeared, then the next panel in the rotation comes. A
policy fed wall-clock time (several screens in step,
`kiosk.core.show.synced.SyncedRotation`) implements the same protocol; the show
picks it when the content asks for ``sync_to_clock``.

Decisions of `Rotation`
-----------------------
- A panel that comes on screen, by the rotation or by a visitor, gets a full dwell.
- Pause (the operator's Space key) keeps the remainder: on resume the panel
  stays up for what was left of its dwell when it was paused.
- Hold (a visitor is interacting) stops the rotation; release gives the current
  panel a full dwell from the moment of release.
- Visitor moves do not end a pause or a hold.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Protocol


class RotationPolicy(Protocol):
    """What the presentation model needs from a rotation (see the module docstring)."""

    @property
    def paused(self) -> bool:
        """Whether a presenter paused the rotation."""
        ...

    @property
    def held(self) -> bool:
        """Whether a visitor's interaction holds the rotation."""
        ...

    def due(self, now: float) -> float | None:
        """When the panel on screen is due to be replaced; None while paused or held."""
        ...

    def following(self, index: int, active: Sequence[int]) -> int:
        """The panel that replaces panel `index` when it is due; one of `active`."""
        ...

    def first(self, active: Sequence[int], now: float) -> int:
        """The panel the attract loop starts from at `now` (after a visitor leaves).

        One of `active`; also the panel the show starts with and reopens on.
        """
        ...

    def go_to(self, index: int, now: float) -> None:
        """Panel `index` came on screen at `now`."""
        ...

    def pause(self, now: float) -> None:
        """A presenter stopped the rotation."""
        ...

    def resume(self, now: float) -> None:
        """A presenter restarted the rotation."""
        ...

    def hold(self, now: float) -> None:
        """A visitor is interacting: do not move on."""
        ...

    def release(self, now: float) -> None:
        """The visitor has gone: move on again."""
        ...

    def set_dwells(self, dwells: Sequence[float], now: float) -> None:
        """New content brings a new dwell for every panel."""
        ...

    def set_active(self, active: Sequence[int], now: float) -> None:
        """The panels in the rotation changed (a panel failed, a dated panel came or went)."""
        ...


RotationFactory = Callable[[Sequence[float], float], RotationPolicy]


def checked_dwells(dwells: Sequence[float]) -> tuple[float, ...]:
    """`dwells` as a tuple, or ValueError when empty or a dwell is not positive."""
    values = tuple(float(d) for d in dwells)
    if not values:
        raise ValueError("a rotation needs at least one panel")
    for index, dwell in enumerate(values):
        if not (dwell > 0.0 and math.isfinite(dwell)):
            raise ValueError(f"dwell of panel {index} must be positive, got {dwell!r}")
    return values


def step(index: int, direction: int, count: int, active: Sequence[int]) -> int:
    """The first panel of `active` after `index` going `direction` (1 or -1), cyclically.

    `index` itself when no panel is active.
    """
    for offset in range(1, count + 1):
        candidate = (index + direction * offset) % count
        if candidate in active:
            return candidate
    return index


class Rotation:
    """Each panel for its own dwell, in order: the kiosk's rotation policy.

    Parameters
    ----------
    dwells : Sequence[float]
        Seconds each panel stays up, one per panel; each more than 0.
    now : float
        The current time, seconds (monotonic); panel `start_index` appears now.
    start_index : int
        The panel shown first.
    """

    def __init__(self, dwells: Sequence[float], now: float, start_index: int = 0) -> None:
        self._dwells = checked_dwells(dwells)
        self._index = self._valid_index(start_index)
        self._deadline = now + self._dwells[self._index]
        self._paused_at: float | None = None
        self._held = False

    @property
    def index(self) -> int:
        """The panel whose dwell is running."""
        return self._index

    @property
    def count(self) -> int:
        """How many panels rotate."""
        return len(self._dwells)

    @property
    def paused(self) -> bool:
        """Whether the operator paused auto-advance."""
        return self._paused_at is not None

    @property
    def held(self) -> bool:
        """Whether a visitor's interaction holds auto-advance."""
        return self._held

    def due(self, now: float) -> float | None:
        """When the current dwell ends; None while paused or held."""
        if self.paused or self._held:
            return None
        return self._deadline

    def following(self, index: int, active: Sequence[int]) -> int:
        """The next active panel after `index`, wrapping to the first."""
        return step(index, 1, self.count, active)

    def first(self, active: Sequence[int], now: float) -> int:
        """The first active panel (panel 0 when none is), whatever the time."""
        return min(active, default=0)

    def go_to(self, index: int, now: float) -> None:
        """Panel `index` appeared at `now`: a full dwell; IndexError when out of range."""
        self._index = self._valid_index(index)
        self._restart_dwell(now)

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
        on the panel counts against its new dwell; otherwise panel 0 starts now.
        """
        checked = checked_dwells(dwells)
        if self._index >= len(checked):
            self._dwells = checked
            self.go_to(0, now)
            return
        used = self._dwells[self._index] - self._remaining(now)
        self._dwells = checked
        self._deadline = self._clock(now) + max(0.0, checked[self._index] - used)

    def set_active(self, active: Sequence[int], now: float) -> None:
        """Nothing to do: `following` and `first` are told the active panels each time."""

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
