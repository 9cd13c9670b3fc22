"""Screens in step: the panel on screen as a pure function of the wall clock and the content.

With ``settings.sync_to_clock`` every screen computes the same thing from the same
inputs: the cycle of the panels in rotation (each for its dwell, in order) starts at
local midnight and repeats all day; the panel on screen at an instant is where that
instant falls in the cycle (`synced_slot`). Screens whose clocks agree (NTP, chrony)
therefore change panels at the same instant, without talking to each other, and a
screen that restarts rejoins at once. The cycle starts again at each local midnight,
which may cut the last panel of a day short; on the days clocks change it simply runs
an hour longer or shorter.

`SyncedRotation` is the `RotationPolicy` that follows it: a panel a visitor chose
stays while the visitor holds the rotation; when the visitor has gone (the idle reset)
or a presenter resumes, the screen jumps back to the common panel at once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from kiosk.core.content.schedule import local_instant, local_time
from kiosk.core.show.calendar import WallClock, WallTime
from kiosk.core.show.rotation import Rotation, RotationFactory, checked_dwells

if TYPE_CHECKING:
    from kiosk.core.content.model import Content

LEAD_SECONDS = 0.02  # a boundary this close ahead counts as passed (clock jitter at a tick)


@dataclass(frozen=True)
class Slot:
    """Panel `index` is on screen from `start` to `end` (epoch seconds) on every screen."""

    index: int
    start: float
    end: float


def synced_slot(
    dwells: Sequence[float], active: Sequence[int], epoch: float, zone: tzinfo
) -> Slot:
    """The panel of `active` on screen at `epoch`, and when its slot starts and ends.

    The cycle runs the `active` panels in order, each for its dwell, from the local
    midnight (in `zone`) of `epoch`; a slot never runs past the next midnight.
    """
    panels = list(active) or list(range(len(dwells)))
    day = local_time(epoch, zone).date()
    midnight = local_instant(datetime.combine(day, time()), zone)
    next_midnight = local_instant(datetime.combine(day + timedelta(days=1), time()), zone)
    cycle = sum(dwells[index] for index in panels)
    laps = math.floor((epoch - midnight) / cycle)
    start = midnight + laps * cycle
    for index in panels:
        end = start + dwells[index]
        if epoch < end:
            return Slot(index, start, min(end, next_midnight))
        start = end
    return Slot(panels[0], start, min(start + dwells[panels[0]], next_midnight))  # rounding


class SyncedRotation:
    """The rotation in step with the wall clock (see the module docstring).

    Parameters
    ----------
    dwells : Sequence[float]
        Seconds each panel stays up, one per panel.
    now : float
        The current time, monotonic seconds.
    wall : WallTime
        Epoch seconds at a monotonic time.
    zone : tzinfo
        The zone whose midnight starts the cycle.
    """

    def __init__(self, dwells: Sequence[float], now: float, *, wall: WallTime,
                 zone: tzinfo) -> None:
        self._dwells = checked_dwells(dwells)
        self._wall = wall
        self._zone = zone
        self._active: tuple[int, ...] = tuple(range(len(self._dwells)))
        self._index = 0
        self._paused = False
        self._held = False
        self._deadline = now
        self._next = 0
        self._plan(now)

    @classmethod
    def factory(cls, wall: WallTime, zone: tzinfo) -> RotationFactory:
        """A `RotationFactory` of rotations in step with `wall` in `zone`."""
        return lambda dwells, now: cls(dwells, now, wall=wall, zone=zone)

    @property
    def paused(self) -> bool:
        """Whether a presenter paused the rotation."""
        return self._paused

    @property
    def held(self) -> bool:
        """Whether a visitor's interaction holds the rotation."""
        return self._held

    def due(self, now: float) -> float | None:
        """When the common rotation next changes panel (at once when out of step)."""
        return None if self._paused or self._held else self._deadline

    def following(self, index: int, active: Sequence[int]) -> int:
        """The common panel when the one on screen is due to go."""
        if tuple(active) != self._active:
            return self.slot(active, self._wall(self._deadline) + LEAD_SECONDS).index
        return self._next

    def first(self, active: Sequence[int], now: float) -> int:
        """The common panel at `now`: where the screen rejoins after a visitor leaves."""
        return self.slot(active, self._wall(now) + LEAD_SECONDS).index

    def go_to(self, index: int, now: float) -> None:
        """Panel `index` came on screen at `now`."""
        self._index = index
        self._plan(now)

    def pause(self, now: float) -> None:
        """A presenter stopped the rotation."""
        self._paused = True

    def resume(self, now: float) -> None:
        """A presenter restarted it: back to the common panel at once."""
        if self._paused:
            self._paused = False
            self._plan(now)

    def hold(self, now: float) -> None:
        """A visitor is interacting: stay on the panel they chose."""
        self._held = True

    def release(self, now: float) -> None:
        """The visitor has gone: back to the common panel at once."""
        if self._held:
            self._held = False
            self._plan(now)

    def set_dwells(self, dwells: Sequence[float], now: float) -> None:
        """New content: a new cycle (every screen with the same content computes the same)."""
        self._dwells = checked_dwells(dwells)
        self._active = tuple(i for i in self._active if i < len(self._dwells)) or tuple(
            range(len(self._dwells))
        )
        self._index = min(self._index, len(self._dwells) - 1)
        self._plan(now)

    def set_active(self, active: Sequence[int], now: float) -> None:
        """The panels in rotation changed: so did the cycle."""
        self._active = tuple(active) or tuple(range(len(self._dwells)))
        self._plan(now)

    def slot(self, active: Sequence[int], epoch: float) -> Slot:
        """The common slot at `epoch` for the panels `active`."""
        return synced_slot(self._dwells, active, epoch, self._zone)

    def _plan(self, now: float) -> None:
        """When the panel on screen goes, and which comes: at its slot's end, or at once."""
        wall = self._wall(now)
        slot = self.slot(self._active, wall + LEAD_SECONDS)
        if slot.index != self._index:
            self._deadline, self._next = now, slot.index
            return
        self._deadline = now + max(0.0, slot.end - wall)
        self._next = self.slot(self._active, slot.end + LEAD_SECONDS).index


def rotation_kind(
    content: Content, clock: WallClock | None, given: RotationFactory | None
) -> tzinfo | None:
    """What the choice of `rotation_for` depends on: the zone of a synced rotation, else None.

    The show builds a new policy when new content changes it.
    """
    if given is not None or clock is None or not content.settings.sync_to_clock:
        return None
    return clock.zone_for(content)


def rotation_for(
    content: Content, clock: WallClock | None, given: RotationFactory | None
) -> RotationFactory:
    """The rotation for `content`: `given`, else in step with `clock` if it asks, else not."""
    if given is not None:
        return given
    zone = rotation_kind(content, clock, given)
    if zone is None or clock is None:
        return Rotation
    return SyncedRotation.factory(clock.at, zone)
