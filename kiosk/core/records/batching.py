"""When the kiosk writes to its data folder: few, batched writes, so an SD card lasts.

Booths run on Raspberry Pis whose SD cards wear out under small synced writes,
ten hours a day, and lose power at the end of the day. On ext4 each commit of the
event log and each new file (status.json, metrics.prom) costs 10 to 40 KB of block
writes whatever its size, so the records write in one burst every five minutes, on a
grid that starts with the kiosk (all on the app's monotonic clock):

- `COMMIT_SECONDS`: the proof-of-play, interactions and lifecycle moments held in
  memory are committed in one transaction, when there are any. A SIGKILL or a
  power cut loses at most this period; ``$KIOSK_COMMIT_SECONDS`` sets another one
  for a machine whose disk does not wear (1 to 3600 s);
- `HEARTBEAT_SECONDS`: status.json and metrics.prom are rewritten, in the same
  burst. Besides this heartbeat, status.json is written at once when something an
  operator must see changes (content loaded or refused, the event log stopped or
  back, the window on or off screen); the panel on screen goes out with the next
  heartbeat;
- `WATCHDOG_SECONDS`: systemd's watchdog hears that the kiosk is alive, a third of
  ``WatchdogSec=30``, so two late beats still leave time; this writes nothing.

The kiosk writes no log lines in steady state. `benchmarks/sd_writes.py`
measures what all this (and screenshot.png every 10 minutes) writes per hour,
against 10 MB when it committed every panel and wrote status.json every few seconds:
see docs/running-a-booth.md, "SD cards and power cuts".
"""

from __future__ import annotations

import os
from collections.abc import Mapping

BEAT_SECONDS = 10.0
COMMIT_SECONDS = 300.0
WATCHDOG_SECONDS = BEAT_SECONDS
HEARTBEAT_SECONDS = 300.0
COMMIT_ENV = "KIOSK_COMMIT_SECONDS"
COMMIT_RANGE = (1.0, 3600.0)


def commit_seconds(env: Mapping[str, str] | None = None) -> float:
    """The commit period: `COMMIT_SECONDS`, or ``$KIOSK_COMMIT_SECONDS`` (1 to 3600 s).

    A booth PC with an SSD can afford a shorter period (less lost on a power cut);
    the end-to-end scripts use 1 s to read the event log as the kiosk runs.
    """
    text = (os.environ if env is None else env).get(COMMIT_ENV, "").strip()
    try:
        value = float(text) if text else COMMIT_SECONDS
    except ValueError:
        return COMMIT_SECONDS
    low, high = COMMIT_RANGE
    return min(max(value, low), high) if value == value else COMMIT_SECONDS


class Every:
    """A deadline that comes round every `period` seconds on a fixed grid.

    The grid is anchored at the start and never drifts with late ticks, so two
    schedules with periods that divide each other fall due in the same tick: the
    kiosk's writes come together in one burst instead of several.

    Parameters
    ----------
    period
        Seconds between two deadlines.
    now
        The time it starts; the first deadline is `now` when `at_once`, else one
        period later.
    at_once
        Whether the first deadline is due immediately.
    """

    def __init__(self, period: float, now: float, *, at_once: bool = False) -> None:
        self.period = period
        self.at = now if at_once else now + period

    def take(self, now: float) -> bool:
        """True when the deadline has come; the next one is the next point of the grid."""
        if now < self.at:
            return False
        missed = (now - self.at) // self.period
        self.at += (missed + 1) * self.period
        return True
