"""Work that keeps later moments smooth, done while the screen is still.

The kiosk imports and builds only what its first panel needs before the first
frame is on screen. Everything else (pyqtgraph for the charts, the other panels'
views) would otherwise be built at the start of the transition that first needs
it: a visible stall of a few hundred milliseconds in front of a visitor.
`Warmup` holds that work as small jobs; the app runs one job per tick, only after
the first frame and only while nothing on screen moves, so neither the first
paint nor an entrance animation ever waits for it. When the queue is empty the
kiosk asks for no ticks of its own again.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable

log = logging.getLogger(__name__)

Job = tuple[str, Callable[[], object]]


class Warmup:
    """A queue of named jobs, run one at a time; a failing job is logged and dropped."""

    def __init__(self) -> None:
        self._jobs: deque[Job] = deque()
        self.done: deque[str] = deque(maxlen=64)  # the latest finished jobs, for the log and tests

    @property
    def pending(self) -> bool:
        """True while jobs are waiting."""
        return bool(self._jobs)

    def add(self, jobs: Iterable[Job]) -> None:
        """Queue `jobs` (name, callable) after those already waiting."""
        self._jobs.extend(jobs)

    def clear(self) -> None:
        """Forget the waiting jobs (their content was replaced)."""
        self._jobs.clear()

    def run_one(self) -> None:
        """Run the next job. An error is logged: the work is simply done when needed."""
        if not self._jobs:
            return
        name, job = self._jobs.popleft()
        try:
            job()
        except Exception:
            log.exception("warm-up step %r failed; it will be done when first needed", name)
        self.done.append(name)
