"""Warnings about opening hours and dated panels that do not do what staff meant.

The content model already refuses what cannot be read (a range written the wrong way
round, an unknown day, an impossible date); these checks look at what it means:

- the booth never opens: no day of the week has hours, and no date adds any;
- two ranges of one day overlap ("09:00-13:00, 12:00-18:00"), or a range past midnight
  runs into the next day's first range: the booth is simply open through both;
- a panel that is never shown: its ``show`` window falls outside the opening hours;
- an opening hour when no panel is in its window: the kiosk then shows every panel.

They count in local clock time, without a time zone: the moments they name are the
ones staff wrote. They look at the weeks the content names (its dates, its panels'
``from`` and ``until``), or at one week when it names none.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

from kiosk.core.content.jsonparse import JsonPath
from kiosk.core.content.model import Content
from kiosk.core.content.problems import Positions, Problem, problem_at
from kiosk.core.content.schedule import (
    ALWAYS,
    WEEKDAYS,
    Rhythm,
    opening_hours,
    openings,
    panel_window,
)
from kiosk.core.content.timetext import (
    DAY_MINUTES,
    WEEKDAY_NAMES,
    clock,
    parse_day,
    parse_hours,
)

Range = tuple[float, float]
REFERENCE_MONDAY = date(2026, 1, 5)  # any week will do when the content names no date


def schedule_problems(content: Content, positions: Positions) -> list[Problem]:
    """Warnings for overlapping ranges, panels never shown and hours with no panel."""
    problems = [problem_at("warning", message, path, positions)
                for path, message in _overlaps(content)]
    if content.schedule is not None and _never_opens(opening_hours(content.schedule)):
        where = ("schedule", "hours") if content.schedule.hours is not None else ("schedule",)
        return [*problems, problem_at("warning", NEVER_OPENS, where, positions)]
    if content.schedule is None and all(panel.show is None for panel in content.panels):
        return problems
    first, last = _horizon(content)
    hours = _ranges(opening_hours(content.schedule), first, last)
    windows = [_ranges(panel_window(panel.show), first, last) for panel in content.panels]
    gap = None
    if all(panel.show is not None for panel in content.panels):
        gap = next(_uncovered(hours, _union(windows)), None)
    for index, panel in enumerate(content.panels):
        if panel.show is not None and not _meet(windows[index], hours):
            message = _never(content.schedule is not None, gap is not None)
            problems.append(problem_at("warning", message, ("panels", index, "show"), positions))
    if gap is not None:
        dated = first != REFERENCE_MONDAY
        message = _no_panel(gap, content.schedule is not None, dated)
        problems.append(problem_at("warning", message, ("panels",), positions))
    return problems


NEVER_OPENS = (
    "the booth never opens: no day has opening hours (each is \"closed\" or left out) and "
    "no date adds any, so the kiosk shows its closed screen all the time; give the days it "
    'is open, e.g. "hours": {"mon": "09:00-18:00", ...}, or remove "schedule" to keep it '
    "always on"
)


def _never_opens(hours: Rhythm) -> bool:
    """True when the booth's hours hold no range on any weekday and on no listed date."""
    weekly = hours.weekly
    return weekly is not None and not any(weekly) and not any(hours.dates.values())


# overlaps -----------------------------------------------------------------------------
def _overlaps(content: Content) -> Iterator[tuple[JsonPath, str]]:
    """(path, message) for each day whose ranges overlap, or meet last night's range."""
    schedule = content.schedule
    if schedule is not None and schedule.hours is not None:
        week = [getattr(schedule.hours, name) for name in WEEKDAYS]
        for number, text in enumerate(week):
            path = ("schedule", "hours", WEEKDAYS[number])
            before = week[number - 1]
            yield from _day_overlaps(path, text, before, WEEKDAY_NAMES[number - 1])
    if schedule is not None:
        for key, text in schedule.dates.items():
            yield from _day_overlaps(("schedule", "dates", key), text, None, "")
    for index, panel in enumerate(content.panels):
        if panel.show is not None:
            yield from _day_overlaps(("panels", index, "show", "hours"), panel.show.hours, None, "")


def _day_overlaps(
    path: JsonPath, text: str | None, before: str | None, before_name: str
) -> Iterator[tuple[JsonPath, str]]:
    spans = sorted(parse_hours(text)) if text else []
    for first, second in pairwise(spans):
        if second.start < first.end:
            yield path, (
                f'"{first}" and "{second}" overlap from {clock(second.start)} to '
                f"{clock(min(first.end, second.end) % DAY_MINUTES or DAY_MINUTES)}: the "
                "booth is simply open through both; fix the times if a break was meant"
            )
    night = [span for span in (parse_hours(before) if before else ()) if span.overnight]
    for late in night:
        ends = late.end - DAY_MINUTES
        for span in spans:
            if span.start < ends:
                yield path, (
                    f'"{span}" starts at {clock(span.start)}, before {before_name}\'s '
                    f'"{late}" ends ({clock(ends)}): the booth is simply open through both'
                )


# when panels are shown ---------------------------------------------------------------------
def _horizon(content: Content) -> tuple[date, date]:
    """The days to look at: from the first date the content names to a week after the last."""
    named: list[date] = []
    if content.schedule is not None:
        named += [parse_day(key) for key in content.schedule.dates]
    for panel in content.panels:
        window = panel_window(panel.show)
        named += [moment.date() for moment in (window.starts, window.ends) if moment]
    first = min(named, default=REFERENCE_MONDAY)
    return first, max(max(named, default=first), first) + timedelta(days=7)


def _ranges(rhythm: Rhythm, first: date, last: date) -> list[Range]:
    """The rhythm's ranges between the starts of days `first` and `last`, in clock time."""
    low, high = _epoch(first), _epoch(last)
    if rhythm == ALWAYS:
        return [(low, high)]
    found = []
    for start, end in openings(rhythm, first, UTC):
        if start >= high:
            break
        found.append((max(start, low), min(end, high)))
    return found


def _epoch(day: date) -> float:
    return datetime.combine(day, datetime.min.time(), UTC).timestamp()


def _meet(one: list[Range], other: list[Range]) -> bool:
    """Whether two sorted lists of ranges share any moment."""
    return any(a < d and c < b for a, b in one for c, d in other)


def _union(lists: list[list[Range]]) -> list[Range]:
    merged: list[Range] = []
    for start, end in sorted(r for ranges in lists for r in ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _uncovered(hours: list[Range], covered: list[Range]) -> Iterator[Range]:
    """The parts of `hours` outside `covered` (both sorted and merged)."""
    for start, end in hours:
        at = start
        for low, high in covered:
            if high <= at or low >= end:
                continue
            if low > at:
                yield (at, low)
            at = max(at, high)
        if at < end:
            yield (at, end)


def _never(scheduled: bool, fallback: bool) -> str:
    """A panel whose window misses the opening hours; shown only in the every-panel fallback."""
    where = "within the booth's opening hours" if scheduled else "at any time"
    window = f"its show window (from, until, days, hours) never falls {where}"
    if fallback:
        return (
            f"{window}, so it appears only while no panel is in its window (the kiosk then "
            "shows every panel); widen it, or remove the panel"
        )
    return f"this panel is never shown: {window}; widen it, or remove the panel"


def _no_panel(gap: Range, scheduled: bool, dated: bool) -> str:
    start, end = (datetime.fromtimestamp(moment, UTC) for moment in gap)
    same_day = end.date() == start.date()
    until = f"{end:%H:%M}" if same_day else _day_and_time(end, dated)
    where = "while the booth is open" if scheduled else "(the kiosk has no opening hours)"
    return (
        f"no panel is in its show window from {_day_and_time(start, dated)} to {until} "
        f'{where}: the kiosk then shows every panel; give a panel no "show", or widen a '
        "panel's window"
    )


def _day_and_time(moment: datetime, dated: bool) -> str:
    """A moment as "Saturday 2026-12-05 09:00", or "Saturday 09:00" in any week."""
    day = f" {moment:%Y-%m-%d}" if dated else ""
    return f"{WEEKDAY_NAMES[moment.weekday()]}{day} {moment:%H:%M}"
