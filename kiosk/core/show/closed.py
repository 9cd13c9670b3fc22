"""The closed screen as data: its words in every language, and whether the screen is dark.

Outside opening hours the kiosk shows a calm screen that says when the booth opens
again, in every language at once (the default language first), or switches the
display off (`dark`). The words depend on the time only through the day: "today",
"tomorrow", a weekday within the week, a date beyond; they change at local midnight.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.core.show.strings import calendar_names, ui_text

WEEK_DAYS = 7  # openings within this many days are named by their weekday


@dataclass(frozen=True)
class ClosedWords:
    """The closed screen in one language: "Closed", "Open again tomorrow at 9:00"."""

    language: str
    heading: str
    reopening: str


@dataclass(frozen=True)
class ClosedScreen:
    """What the screen shows while the booth is closed.

    `words` has one entry per language, the default language first; `dark` means the
    schedule switched the display off (painted black: nothing to read, nothing to
    power); `notice` is the content's notice in the default language, if it is up.
    """

    words: tuple[ClosedWords, ...]
    dark: bool = False
    notice: str | None = None


def reopening(now: datetime, opening: datetime | None, language: str) -> str:
    """When the booth opens again, said from `now` (both local and naive) in `language`."""
    if opening is None:
        return ui_text("not_reopening", language)
    weekdays, months = calendar_names(language)
    days = (opening.date() - now.date()).days
    values = {
        "time": clock_time(opening, language),
        "weekday": weekdays[opening.weekday()],
        "month": months[opening.month - 1],
        "day": opening.day,
        "year": opening.year,
    }
    if days <= 0:
        key = "open_today"
    elif days == 1:
        key = "open_tomorrow"
    elif days < WEEK_DAYS:
        key = "open_weekday"
    else:
        key = "open_date" if opening.year == now.year else "open_year"
    return ui_text(key, language, **values)


def clock_time(moment: datetime, language: str) -> str:
    """The time of day as the language writes it: "9:00", "9 h", "9 h 30"."""
    key = "time_minutes" if moment.minute else "time"
    return ui_text(key, language, hour=moment.hour, minute=moment.minute)


def closed_words(
    now: datetime, opening: datetime | None, languages: list[str], first: str
) -> tuple[ClosedWords, ...]:
    """The closed screen's words in every one of `languages`, `first` first."""
    ordered = [first, *(code for code in languages if code != first)]
    return tuple(
        ClosedWords(code, ui_text("closed", code), reopening(now, opening, code))
        for code in ordered
    )
