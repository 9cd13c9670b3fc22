"""The one timer that drives the kiosk's time (the content watcher keeps its own).

Every tick asks the app what time it next needs a tick: a frame interval while
something moves, the next deadline (a panel change, the idle countdown, the
heartbeat) while the screen is still, or never. A settled panel therefore costs
no timer ticks at all. `kick` asks for a tick as soon as the event loop is free:
after input, or when the show says something started to move; a kick during a
tick makes the next tick come at once, whatever the tick planned.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

MAX_SLEEP_SECONDS = 3600.0

TickHandler = Callable[[float], float | None]


def monotonic_clock() -> float:
    """Seconds from an arbitrary start that never go backwards: the app's `now`."""
    return time.monotonic()


class Ticker(QObject):
    """Calls `on_tick(now)` when needed; `on_tick` returns when it wants the next call."""

    def __init__(self, on_tick: TickHandler, clock: Callable[[], float] = monotonic_clock) -> None:
        super().__init__()
        self._on_tick = on_tick
        self.clock = clock
        self.tick_count = 0
        self._ticking = False
        self._kicked = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)

    @property
    def active(self) -> bool:
        """True while a tick is scheduled."""
        return self._timer.isActive()

    def kick(self) -> None:
        """Tick as soon as the event loop is free (after input, a reload, a resize)."""
        if self._ticking:
            self._kicked = True
        else:
            self._timer.start(0)

    def stop(self) -> None:
        """Cancel any scheduled tick."""
        self._timer.stop()

    def tick(self) -> None:
        """Run one tick now and schedule the next one."""
        self.tick_count += 1
        now = self.clock()
        self._ticking, self._kicked = True, False
        try:
            next_at = self._on_tick(now)
        finally:
            self._ticking = False
        self._schedule(now if self._kicked else next_at, self.clock())  # the tick took time

    def _schedule(self, next_at: float | None, now: float) -> None:
        if next_at is None or math.isnan(next_at):
            self._timer.stop()
            return
        delay = min(max(next_at - now, 0.0), MAX_SLEEP_SECONDS)
        self._timer.start(max(0, math.ceil(delay * 1000)))
