"""A synthetic day at a booth, written through the kiosk's own `Records`.

For the report tests and for looking at the HTML report (scripts/report_preview.py):
the shipped content rotates from 09:00 to 18:00; visitors arrive more often at
lunch time and mid-afternoon, swipe, tap the dots, a quarter switch to French, and
walk away; the content breaks for two minutes before noon; the kiosk crashes once
after lunch and comes back. The same seed gives the same day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from pathlib import Path

from kiosk.core.records.recorder import Records
from tests.support import FakeClock

PANELS = (
    ("welcome", 12.0),
    ("entrepreneurs", 12.0),
    ("what-producers-do", 12.0),
    ("fostering-talent", 12.0),
    ("natural-resource", 16.0),
    ("closing", 12.0),
)
IDLE_TIMEOUT = 60.0
OPEN, CLOSE = 9, 18
# Visitors per hour, by local hour: quiet morning, lunch rush, afternoon peak.
ARRIVALS = {9: 4, 10: 8, 11: 12, 12: 18, 13: 14, 14: 9, 15: 16, 16: 12, 17: 6}
ERROR_AT, FIXED_AT, CRASH_AT = (11, 40), (11, 42), (14, 10)
CONTENT = Path("content.json")


@dataclass
class Booth:
    """The kiosk's screen as the rotation and the visitors move it."""

    records: Records
    clock: FakeClock
    rng: random.Random
    index: int = 0
    language: str = "en"
    touched: list[float] = field(default_factory=list)

    def show(self, index: int) -> None:
        self.index = index % len(PANELS)
        self.records.panel_shown(PANELS[self.index][0], self.language)

    def rotate_until(self, until: float) -> None:
        """Let the rotation run on its own until `until` (monotonic seconds)."""
        while self.clock.now + PANELS[self.index][1] <= until:
            self.clock.advance(PANELS[self.index][1])
            self.show(self.index + 1)
        self.clock.now = max(self.clock.now, until)
        self.records.tick(self.clock.now)

    def act(self, kind: str, detail: str | None = None) -> None:
        self.records.interaction(kind, PANELS[self.index][0], detail)

    def visit(self) -> None:
        """One visitor: a first touch, a few moves, maybe French, then away."""
        french = self.rng.random() < 0.27
        self.act("tap")
        for step in range(self.rng.choice((0, 1, 1, 2, 3, 3, 4, 5, 6, 8))):
            self.clock.advance(self.rng.uniform(3, 22))
            if french and step == 0:
                self.language = "fr"
                self.act("language", "fr")
                self.show(self.index)
            elif self.rng.random() < 0.8:
                self.act("swipe", "left")
                self.show(self.index + 1)
            else:
                self.act("tap")
                self.show(self.rng.choice((4, 4, 2, 1)))
        self.clock.advance(IDLE_TIMEOUT)
        self.language = "en"
        self.act("idle_reset")
        self.show(0)


def at(day: date, hour: int, minute: int, tz: tzinfo) -> float:
    """Epoch seconds of a local time on `day`."""
    return datetime.combine(day, time(hour, minute), tz).timestamp()


def start_kiosk(data_dir: Path, clock: FakeClock, wall_base: float) -> Records:
    records = Records(data_dir, clock, wall=lambda: wall_base + clock.now)
    records.content_loaded(CONTENT, "5e1f" * 16, len(PANELS), 0, False)
    return records


def write_booth_day(data_dir: Path, day: date, tz: tzinfo, seed: int = 16) -> None:
    """Write one synthetic booth day into `data_dir` (events.sqlite3, status, metrics)."""
    rng, clock = random.Random(seed), FakeClock(0.0)
    base = at(day, OPEN, 0, tz)
    booth = Booth(start_kiosk(data_dir, clock, base), clock, rng)
    booth.show(0)
    moments = {
        "error": at(day, *ERROR_AT, tz) - base,
        "fixed": at(day, *FIXED_AT, tz) - base,
        "crash": at(day, *CRASH_AT, tz) - base,
    }
    close = at(day, CLOSE, 0, tz) - base
    while clock.now < close:
        hour = OPEN + int(clock.now // 3600)
        arrival = clock.now + rng.expovariate(ARRIVALS.get(hour, 1) / 3600)
        due = sorted((t, name) for name, t in moments.items() if t <= arrival)
        if due:
            t, name = due[0]
            booth.rotate_until(t)
            _happen(booth, name, data_dir, base)
            del moments[name]
            continue
        booth.rotate_until(min(arrival, close))
        if clock.now < close:
            booth.visit()
    booth.records.close()


def _happen(booth: Booth, name: str, data_dir: Path, base: float) -> None:
    """A content error, its fix, or a crash and the restart 20 s later."""
    if name == "error":
        booth.records.content_error("content.json:14:7: panels[2].title: missing comma")
    elif name == "fixed":
        booth.records.content_loaded(CONTENT, "7a2b" * 16, len(PANELS), 0, False)
        booth.records.content_error(None)
    else:
        booth.records.events.close(booth.clock.now)  # what a crash leaves: no "stop"
        booth.clock.advance(20.0)
        booth.records = start_kiosk(data_dir, booth.clock, base)
        booth.index, booth.language = 0, "en"
        booth.show(0)
