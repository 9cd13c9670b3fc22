"""Times and dates as staff write them in content.json: opening ranges, dates, local moments.

`parse_hours` reads a day's opening hours ("09:00-18:00", "09:00-12:00, 13:00-18:00",
"22:00-02:00", "closed"), `parse_day` a date key ("2026-12-24"), `parse_moment` a
local date and time ("2026-12-05T14:00", or a bare date). Each raises ValueError with
a message that says what is wrong and how to write it, which the content model turns
into a located error. Times are minutes from the start of their day; a range that ends
before it starts runs past midnight into the next day.

A range past midnight may last at most 12 hours: "22:00-02:00" is an evening, but
"18:00-09:00" is almost surely "09:00-18:00" written the wrong way round, and a range
of 15 hours across the night is rarer than that slip. A longer night is two ranges, one
on each day ("12:00-24:00", then "00:00-06:00").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

DAY_MINUTES = 24 * 60
LONGEST_NIGHT_MINUTES = 12 * 60  # a range past midnight may last this long at most
CLOSED = "closed"
HOURS_EXAMPLE = '"09:00-18:00" (several: "09:00-12:00, 13:00-18:00") or "closed"'
HOURS_PATTERN = (
    r"^\s*([Cc][Ll][Oo][Ss][Ee][Dd]|"
    r"[0-2]?[0-9]:[0-5][0-9]\s*[-–—]\s*[0-2]?[0-9]:[0-5][0-9]"
    r"(\s*[,;]\s*[0-2]?[0-9]:[0-5][0-9]\s*[-–—]\s*[0-2]?[0-9]:[0-5][0-9])*)\s*$"
)
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
YEARS = (2000, 2199)  # a booth's dates fall in these years (and stay far from datetime's ends)
MOMENT_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$"
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

_RANGE = re.compile(r"^(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class Span:
    """An opening range of one day: minutes from that day's midnight, `start` < `end`.

    `end` goes past 1440 for a range that runs past midnight ("22:00-02:00" is
    1320 to 1560).
    """

    start: int
    end: int

    @property
    def overnight(self) -> bool:
        """Whether the range runs past midnight into the next day."""
        return self.end > DAY_MINUTES

    def __str__(self) -> str:
        return f"{clock(self.start)}-{clock(self.end % DAY_MINUTES or self.end)}"


def clock(minutes: int) -> str:
    """`minutes` from midnight as HH:MM (1440 is 24:00)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_hours(text: str) -> tuple[Span, ...]:
    """A day's opening ranges from `text`, in the order written; () for "closed".

    Raises
    ------
    ValueError
        What is wrong with `text` and how to write it.
    """
    cleaned = text.strip()
    if cleaned.lower() == CLOSED:
        return ()
    if not cleaned:
        raise ValueError(f"is empty: write opening times like {HOURS_EXAMPLE}")
    return tuple(_span(part.strip()) for part in re.split(r"[,;]", cleaned))


def _span(part: str) -> Span:
    """One range "HH:MM-HH:MM" as a `Span`, or ValueError saying what is wrong."""
    found = _RANGE.match(part)
    if not found:
        raise ValueError(
            f'"{part}" is not an opening range: write 24-hour times from-to, like {HOURS_EXAMPLE}'
        )
    start = _minutes(found[1], found[2], part, end=False)
    end = _minutes(found[3], found[4], part, end=True)
    if start == end:
        raise ValueError(
            f'"{part}" starts and ends at the same time; for a whole day write "00:00-24:00"'
        )
    if end > start:
        return Span(start, end)
    length = end + DAY_MINUTES - start
    if length > LONGEST_NIGHT_MINUTES:
        raise ValueError(
            f'"{part}" ends before it starts, so it would run past midnight until '
            f"{clock(end)} the next day ({_duration(length)}); a range past midnight may "
            f'last at most 12 hours. Did you mean "{clock(end)}-{clock(start)}"? (A longer '
            'night is two ranges: "12:00-24:00" on one day, "00:00-06:00" on the next.)'
        )
    return Span(start, end + DAY_MINUTES)


def _minutes(hours: str, minutes: str, part: str, *, end: bool) -> int:
    """HH and MM of `part` as minutes from midnight; 24:00 only as an end."""
    value = int(hours) * 60 + int(minutes)
    if value == DAY_MINUTES and not end and int(minutes) == 0:
        raise ValueError(
            f'"{part}" starts at 24:00, which is the end of a day: a range starts from 00:00 '
            'to 23:59 (a whole day is "00:00-24:00")'
        )
    if int(minutes) > 59 or value > DAY_MINUTES or (value == DAY_MINUTES and not end):
        last = "24:00 (only as the end of a day)" if end else "23:59"
        raise ValueError(f'"{part}" has the time {hours}:{minutes}; times go from 00:00 to {last}')
    return value


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} hours" + (f" {rest} minutes" if rest else "")


def parse_day(text: str) -> date:
    """The date written `text` as YYYY-MM-DD.

    Raises
    ------
    ValueError
        What is wrong with `text`: its form, or a month or day that does not exist.
    """
    found = _DATE.match(text.strip())
    if not found:
        raise ValueError(f'"{text}" is not a date: write dates as YYYY-MM-DD, e.g. "2026-12-24"')
    return _real_date(int(found[1]), int(found[2]), int(found[3]), text)


def _real_date(year: int, month: int, day: int, text: str) -> date:
    """The date, or ValueError naming the impossible year, month or day of `text`."""
    if not YEARS[0] <= year <= YEARS[1]:
        raise ValueError(f'"{text}" is not a date the booth will see: write a year from '
                         f"{YEARS[0]} to {YEARS[1]}")
    if not 1 <= month <= 12:
        raise ValueError(f'"{text}" is not a date: there is no month {month} (01 to 12)')
    try:
        return date(year, month, day)
    except ValueError:
        days = ((date(year + month // 12, month % 12 + 1, 1)) - date(year, month, 1)).days
        raise ValueError(
            f'"{text}" is not a date: {MONTHS[month - 1]} {year} has {days} days'
        ) from None


def parse_moment(text: str, *, end: bool = False) -> datetime:
    """The local date and time `text` ("2026-12-05T14:00"), naive (no time zone).

    A bare date ("2026-12-05") is that day's midnight, or with `end` the midnight
    after it, so that an "until" date includes its day.

    Raises
    ------
    ValueError
        What is wrong with `text` and how to write it.
    """
    cleaned = text.strip()
    found = _MOMENT.match(cleaned)
    if not found:
        raise ValueError(
            f'"{text}" is not a local date and time: write it as YYYY-MM-DDTHH:MM, e.g. '
            '"2026-12-05T14:00", or a date alone, "2026-12-05" (no time zone: the kiosk '
            "uses the schedule's)"
        )
    day = parse_day(found[1])
    if found[2] is None:
        return datetime.combine(day + timedelta(days=1 if end else 0), time())
    hours, minutes, seconds = int(found[2]), int(found[3]), int(found[4] or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise ValueError(f'"{text}" has an impossible time of day; times go from 00:00 to 23:59')
    return datetime.combine(day, time(hours, minutes, seconds))
