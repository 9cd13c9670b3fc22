"""Opening hours and dated panels at a wall-clock instant: pure functions, no clock read.

A `Rhythm` says which ranges of each day are "in" (the booth is open, a panel is in the
rotation), between optional bounds: `opening_hours` builds the booth's from a
content's `schedule`, `panel_window` a panel's from its `show`. `state_at` answers, for
an instant (epoch seconds) in a time zone, whether it is inside, and when that next
changes; `next_start` when the next range begins.

Local times become instants the way a wall clock reads them: a range starts at the
first instant the clock shows its start, so "09:00" on the day clocks go back is the
first 09:00, and a time the clock skips in spring ("02:30") is the instant of the
jump. Ranges of consecutive days that touch or overlap ("22:00-24:00", then
"00:00-02:00") are one opening. A range starts on its day and may end on the next,
whatever that day's own hours say.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from kiosk.core.content.timetext import DAY_MINUTES, Span, parse_day, parse_hours, parse_moment

if TYPE_CHECKING:
    from kiosk.core.content.model import Schedule, ShowWindow

SEARCH_DAYS = 400  # how far ahead a next opening is looked for
ALL_DAY = (Span(0, DAY_MINUTES),)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Rhythm:
    """Which ranges of each day are in, between optional local bounds.

    Attributes
    ----------
    weekly
        The ranges of each weekday, Monday first; None: the whole of every day.
    dates
        Ranges that replace the weekly ones on those dates.
    days
        Only these weekdays (0 is Monday) have ranges; None: every day.
    starts, ends
        Local (naive) date-times before and after which nothing is in; None: unbounded.
    """

    weekly: tuple[tuple[Span, ...], ...] | None = None
    dates: Mapping[date, tuple[Span, ...]] = field(default_factory=dict)
    days: frozenset[int] | None = None
    starts: datetime | None = None
    ends: datetime | None = None

    def spans(self, day: date) -> tuple[Span, ...]:
        """The ranges that start on `day`."""
        if self.days is not None and day.weekday() not in self.days:
            return ()
        if day in self.dates:
            return self.dates[day]
        return ALL_DAY if self.weekly is None else self.weekly[day.weekday()]

    @property
    def always(self) -> bool:
        """True when every instant is in (nothing restricts it)."""
        return (self.weekly is None and not self.dates and self.days is None
                and self.starts is None and self.ends is None)


ALWAYS = Rhythm()


def opening_hours(schedule: Schedule | None) -> Rhythm:
    """The booth's opening hours; always open without a schedule or without any hours."""
    if schedule is None:
        return ALWAYS
    weekly = None
    if schedule.hours is not None:
        given = schedule.hours
        weekly = tuple(_spans(getattr(given, name)) for name in WEEKDAYS)
    dates = {parse_day(key): parse_hours(text) for key, text in schedule.dates.items()}
    return Rhythm(weekly, dates)


def panel_window(show: ShowWindow | None) -> Rhythm:
    """When a panel is in the rotation; always without `show`."""
    if show is None:
        return ALWAYS
    days = None if show.days is None else frozenset(WEEKDAYS.index(day) for day in show.days)
    return Rhythm(
        weekly=None if show.hours is None else (parse_hours(show.hours),) * 7,
        days=days,
        starts=None if show.starts is None else parse_moment(show.starts),
        ends=None if show.until is None else parse_moment(show.until, end=True),
    )


def _spans(text: str | None) -> tuple[Span, ...]:
    """The ranges of one weekday: a day left out of `hours` is closed."""
    return () if text is None else parse_hours(text)


# instants -----------------------------------------------------------------------------
def local_instant(moment: datetime, zone: tzinfo) -> float:
    """The first instant (epoch seconds) at which a clock in `zone` shows `moment` or later.

    `moment` is naive. A time shown twice (clocks going back) is its first showing; a
    time the clock skips (going forward) is the instant of the jump.
    """
    first = moment.replace(tzinfo=zone, fold=0).timestamp()
    if _shown(first, zone) == moment:
        return first
    low, high = sorted((moment.replace(tzinfo=zone, fold=1).timestamp(), first))
    while high - low > 1.0:  # the jump lies between the two readings: find it to the second
        middle = (low + high) // 2
        if _shown(middle, zone) >= moment:
            high = middle
        else:
            low = middle
    return high


def local_time(epoch: float, zone: tzinfo) -> datetime:
    """What a clock in `zone` shows at `epoch`, naive."""
    return _shown(epoch, zone)


def _shown(epoch: float, zone: tzinfo) -> datetime:
    return datetime.fromtimestamp(epoch, zone).replace(tzinfo=None)


def _at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time()) + timedelta(minutes=minutes)


# ranges as instants -----------------------------------------------------------------------
def openings(rhythm: Rhythm, first: date, zone: tzinfo) -> Iterator[tuple[float, float]]:
    """The rhythm's ranges as instants [start, end), from those starting on `first` on.

    Ranges that touch or overlap come out as one; the search ends `SEARCH_DAYS` after
    `first` or at the rhythm's end.
    """
    low = -float("inf") if rhythm.starts is None else local_instant(rhythm.starts, zone)
    high = float("inf") if rhythm.ends is None else local_instant(rhythm.ends, zone)
    if rhythm.weekly is None and not rhythm.dates and rhythm.days is None:
        if low < high:  # whole days between the bounds: one range
            yield (low, high)
        return
    if rhythm.starts is not None:
        first = max(first, rhythm.starts.date() - timedelta(days=1))
    last = first + timedelta(days=SEARCH_DAYS)
    if rhythm.ends is not None:
        last = min(last, rhythm.ends.date())
    current: tuple[float, float] | None = None
    day = first
    while day <= last:
        for span in sorted(rhythm.spans(day)):
            start = max(low, local_instant(_at(day, span.start), zone))
            end = min(high, local_instant(_at(day, span.end), zone))
            if end <= start:
                continue
            if current is not None and start <= current[1]:
                current = (current[0], max(current[1], end))
                continue
            if current is not None:
                yield current
            current = (start, end)
        day += timedelta(days=1)
    if current is not None:
        yield current


@dataclass(frozen=True)
class State:
    """Inside a rhythm or not at an instant, and when that next changes (None: not ahead)."""

    inside: bool
    changes_at: float | None
    next_start: float | None  # when the next range starts (the next opening), if any


def state_at(rhythm: Rhythm, epoch: float, zone: tzinfo) -> State:
    """Whether `epoch` is inside `rhythm`, when that changes and when the next range starts."""
    if rhythm.always:
        return State(True, None, None)
    today = local_time(epoch, zone).date()
    ranges = openings(rhythm, today - timedelta(days=1), zone)
    for start, end in ranges:
        if end <= epoch:
            continue
        if start > epoch:
            return State(False, start, start)
        following = next(ranges, None)
        ends = None if end == float("inf") else end
        return State(True, ends, None if following is None else following[0])
    return State(False, None, None)
