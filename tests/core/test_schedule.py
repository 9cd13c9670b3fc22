"""Opening hours as staff write them, and as a clock reads them: ranges, dates, midnight, DST.

Every instant here is a wall-clock moment in a named zone, built with `at`; nothing
reads the machine's clock.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.content.model import Schedule
from kiosk.core.content.schedule import (
    Rhythm,
    local_instant,
    local_time,
    opening_hours,
    panel_window,
    state_at,
)
from kiosk.core.content.timetext import Span, parse_day, parse_hours, parse_moment

TORONTO = ZoneInfo("America/Toronto")
VANCOUVER = ZoneInfo("America/Vancouver")
PARIS = ZoneInfo("Europe/Paris")
HOUR = 3600.0


def at(text: str, zone: ZoneInfo = TORONTO) -> float:
    """The instant a clock in `zone` first shows `text` (YYYY-MM-DDTHH:MM)."""
    return local_instant(datetime.fromisoformat(text), zone)


def shown(epoch: float | None, zone: ZoneInfo = TORONTO) -> str | None:
    return None if epoch is None else local_time(epoch, zone).isoformat(timespec="minutes")


def hours(zone: str = "America/Toronto", **schedule) -> Rhythm:
    return opening_hours(Schedule.model_validate({"timezone": zone, **schedule}))


WEEK = hours(hours={"mon": "09:00-18:00", "tue": "09:00-12:00, 13:00-18:00", "sun": "closed",
                    "fri": "10:00-18:00", "sat": "22:00-02:00"},
             dates={"2026-12-24": "09:00-13:00", "2026-12-28": "closed"})


# the words staff write ---------------------------------------------------------------------
def test_a_day_is_ranges_or_closed() -> None:
    assert parse_hours("09:00-18:00") == (Span(540, 1080),)
    assert parse_hours(" 09:00 - 12:00; 13:00–18:00 ") == (Span(540, 720), Span(780, 1080))
    assert parse_hours("Closed") == ()
    assert parse_hours("9:30-24:00") == (Span(570, 1440),)
    assert parse_hours("22:00-02:00") == (Span(1320, 1560),)  # runs past midnight
    assert parse_hours("00:00-24:00") == (Span(0, 1440),)


@pytest.mark.parametrize(("text", "words"), [
    ("18:00-09:00", 'ends before it starts, so it would run past midnight until 09:00 the next '
                    'day (15 hours); a range past midnight may last at most 12 hours. Did you '
                    'mean "09:00-18:00"?'),
    ("09:00-09:00", 'starts and ends at the same time; for a whole day write "00:00-24:00"'),
    ("25:00-26:00", "has the time 25:00; times go from 00:00 to 23:59"),
    ("24:00-24:00", '"24:00-24:00" starts at 24:00, which is the end of a day: a range starts '
                    'from 00:00 to 23:59 (a whole day is "00:00-24:00")'),  # h12: said 23:59 only
    ("24:00-02:00", "starts at 24:00, which is the end of a day"),
    ("09:00-24:30", "has the time 24:30; times go from 00:00 to 24:00 (only as the end"),
    ("9am-5pm", "is not an opening range: write 24-hour times from-to"),
    ("", 'is empty: write opening times like "09:00-18:00"'),
])
def test_a_bad_range_says_precisely_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_hours(text)
    assert words in str(info.value)


def test_a_night_of_twelve_hours_is_still_a_night() -> None:
    assert parse_hours("20:00-08:00") == (Span(1200, 1920),)
    with pytest.raises(ValueError, match="13 hours"):
        parse_hours("19:00-08:00")


def test_dates_must_exist() -> None:
    assert parse_day("2028-02-29") == date(2028, 2, 29)
    with pytest.raises(ValueError, match="February 2026 has 28 days"):
        parse_day("2026-02-30")
    with pytest.raises(ValueError, match="there is no month 13"):
        parse_day("2026-13-01")
    with pytest.raises(ValueError, match="write dates as YYYY-MM-DD"):
        parse_day("24/12/2026")
    with pytest.raises(ValueError, match="a year from 2000 to 2199"):
        parse_moment("9999-12-31", end=True)  # (a day later would be past datetime's end)


def test_a_moment_is_local_and_a_bare_until_date_includes_its_day() -> None:
    assert parse_moment("2026-12-05T14:00") == datetime(2026, 12, 5, 14, 0)
    assert parse_moment("2026-12-05 14:00:30") == datetime(2026, 12, 5, 14, 0, 30)
    assert parse_moment("2026-12-05") == datetime(2026, 12, 5)
    assert parse_moment("2026-12-05", end=True) == datetime(2026, 12, 6)
    with pytest.raises(ValueError, match="no time zone"):
        parse_moment("2026-12-05T14:00+01:00")
    with pytest.raises(ValueError, match="impossible time of day"):
        parse_moment("2026-12-05T24:00")


# open or closed at an instant ----------------------------------------------------------------
@pytest.mark.parametrize(("moment", "inside", "changes"), [
    ("2026-12-07T08:59", False, "2026-12-07T09:00"),  # Monday, before opening
    ("2026-12-07T09:00", True, "2026-12-07T18:00"),
    ("2026-12-07T18:00", False, "2026-12-08T09:00"),  # the next opening is Tuesday's
    ("2026-12-08T12:30", False, "2026-12-08T13:00"),  # Tuesday's lunch break
    ("2026-12-09T10:00", False, "2026-12-11T10:00"),  # Wednesday, left out: closed
    ("2026-12-24T12:59", True, "2026-12-24T13:00"),  # a dated exception: short day
    ("2026-12-28T10:00", False, "2026-12-29T09:00"),  # a Monday closed by date
])
def test_open_at_and_next_change(moment: str, inside: bool, changes: str) -> None:
    state = state_at(WEEK, at(moment), TORONTO)
    assert (state.inside, shown(state.changes_at)) == (inside, changes)


def test_the_next_opening_is_said_while_open_too() -> None:
    state = state_at(WEEK, at("2026-12-08T10:00"), TORONTO)
    assert shown(state.changes_at) == "2026-12-08T12:00"
    assert shown(state.next_start) == "2026-12-08T13:00"


def test_no_schedule_or_no_hours_is_always_open_but_dates_still_close() -> None:
    assert state_at(opening_hours(None), at("2026-12-25T03:00"), TORONTO).inside
    christmas = hours(dates={"2026-12-25": "closed"})
    assert state_at(christmas, at("2026-12-24T23:00"), TORONTO).inside
    state = state_at(christmas, at("2026-12-25T12:00"), TORONTO)
    assert (state.inside, shown(state.changes_at)) == (False, "2026-12-26T00:00")


def test_a_booth_that_never_opens_again_has_no_next_opening() -> None:
    ended = hours(hours={}, dates={"2026-12-05": "10:00-18:00"})
    state = state_at(ended, at("2026-12-06T10:00"), TORONTO)
    assert state == state_at(ended, at("2027-06-01T10:00"), TORONTO)
    assert (state.inside, state.changes_at, state.next_start) == (False, None, None)


# midnight --------------------------------------------------------------------------------------
def test_a_range_past_midnight_ends_on_the_next_day_whatever_that_day_says() -> None:
    # Saturday "22:00-02:00"; Sunday is closed, yet the night goes on until 02:00
    assert state_at(WEEK, at("2026-12-12T21:59"), TORONTO).inside is False
    state = state_at(WEEK, at("2026-12-13T01:30"), TORONTO)
    assert (state.inside, shown(state.changes_at)) == (True, "2026-12-13T02:00")
    assert state_at(WEEK, at("2026-12-13T02:00"), TORONTO).inside is False


def test_ranges_that_meet_at_midnight_are_one_opening() -> None:
    late = hours(hours={"fri": "18:00-24:00", "sat": "00:00-03:00, 10:00-12:00"})
    state = state_at(late, at("2026-12-04T23:00"), TORONTO)
    assert shown(state.changes_at) == "2026-12-05T03:00"
    assert shown(state.next_start) == "2026-12-05T10:00"


# daylight saving time ----------------------------------------------------------------------------
def test_spring_forward_a_night_ends_when_the_clock_jumps_past_its_end() -> None:
    # 2026-03-08, Toronto: 02:00 EST becomes 03:00 EDT; 02:30 never shows
    night = hours(hours={"sat": "22:00-02:30", "sun": "09:00-18:00"})
    start = at("2026-03-07T22:00")
    state = state_at(night, start + HOUR, TORONTO)
    assert shown(state.changes_at) == "2026-03-08T03:00"
    assert state.changes_at is not None and state.changes_at - start == 4 * HOUR
    day = state_at(night, at("2026-03-08T10:00"), TORONTO)
    assert day.changes_at is not None and day.changes_at - at("2026-03-08T09:00") == 9 * HOUR


def test_fall_back_a_night_ends_at_the_first_showing_of_its_end_and_does_not_reopen() -> None:
    # 2026-11-01, Toronto: 02:00 EDT becomes 01:00 EST; 01:00 to 02:00 shows twice
    night = hours(hours={"sat": "22:00-01:30", "sun": "00:00-02:00"})
    start = at("2026-10-31T22:00")
    state = state_at(night, start + HOUR, TORONTO)
    assert state.changes_at is not None
    # Sunday's own range began at midnight: the nights merge, ending at Sunday's 02:00 (EST)
    assert state.changes_at - start == 5 * HOUR
    saturday_only = hours(hours={"sat": "22:00-01:30"})
    ends = state_at(saturday_only, start + HOUR, TORONTO).changes_at
    assert ends is not None and ends - start == 3.5 * HOUR
    second_one_fifteen = datetime(2026, 11, 1, 1, 15, fold=1, tzinfo=TORONTO).timestamp()
    assert state_at(saturday_only, second_one_fifteen, TORONTO).inside is False


def test_fall_back_a_day_of_the_change_lasts_its_real_length() -> None:
    night = hours(hours={"sun": "00:00-02:00"})
    ends = state_at(night, at("2026-11-01T00:30"), TORONTO).changes_at
    assert ends is not None and ends - at("2026-11-01T00:00") == 3 * HOUR


# time zones ---------------------------------------------------------------------------------------
def test_the_same_instant_is_open_in_one_zone_and_closed_in_another() -> None:
    toronto = hours(hours={"mon": "09:00-18:00"})
    vancouver = hours("America/Vancouver", hours={"mon": "09:00-18:00"})
    nine_in_toronto = at("2026-12-07T09:00")  # 06:00 in Vancouver
    assert state_at(toronto, nine_in_toronto, TORONTO).inside
    assert not state_at(vancouver, nine_in_toronto, VANCOUVER).inside
    opens = state_at(vancouver, nine_in_toronto, VANCOUVER).changes_at
    assert opens is not None and opens - nine_in_toronto == 3 * HOUR
    assert shown(opens, VANCOUVER) == "2026-12-07T09:00"


def test_paris_changes_its_clocks_on_another_weekend() -> None:
    # 2026-03-29 in Paris (02:00 CET becomes 03:00 CEST), three weeks after Toronto
    night = hours("Europe/Paris", hours={"sat": "22:00-03:00"})
    start = at("2026-03-28T22:00", PARIS)
    ends = state_at(night, start + HOUR, PARIS).changes_at
    assert ends is not None and ends - start == 4 * HOUR  # the hour the clock skips
    toronto_night = state_at(hours(hours={"sat": "22:00-03:00"}), at("2026-03-28T23:00"),
                             TORONTO).changes_at
    assert toronto_night is not None and toronto_night - at("2026-03-28T22:00") == 5 * HOUR


# dated panels ------------------------------------------------------------------------------------
def test_a_panel_window_of_dates_days_and_hours() -> None:
    from kiosk.core.content.model import ShowWindow

    window = panel_window(ShowWindow.model_validate(
        {"from": "2026-12-04", "until": "2026-12-06", "days": ["fri", "sat"],
         "hours": "14:00-16:00"}))
    expected = {
        "2026-12-03T15:00": False,  # before from
        "2026-12-04T13:59": False,
        "2026-12-04T14:00": True,  # Friday
        "2026-12-05T15:59": True,  # Saturday
        "2026-12-05T16:00": False,
        "2026-12-06T15:00": False,  # Sunday: not one of its days (until includes the 6th)
        "2026-12-11T15:00": False,  # a Friday after until
    }
    assert {moment: state_at(window, at(moment), TORONTO).inside for moment in expected} == expected
    assert shown(state_at(window, at("2026-12-04T15:00"), TORONTO).next_start) == \
        "2026-12-05T14:00"


def test_until_a_moment_ends_at_that_moment() -> None:
    from kiosk.core.content.model import ShowWindow

    window = panel_window(ShowWindow.model_validate({"until": "2026-12-05T15:00"}))
    assert state_at(window, at("2026-12-05T14:59"), TORONTO).inside
    assert shown(state_at(window, at("2026-12-05T14:59"), TORONTO).changes_at) == \
        "2026-12-05T15:00"
    assert not state_at(window, at("2026-12-05T15:00"), TORONTO).inside


# any hours at all -----------------------------------------------------------------------------
RANGES = st.builds(lambda a, b: f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}",
                   st.integers(0, 1439), st.integers(1, 1440))
DAY_TEXT = st.one_of(st.just("closed"), st.lists(RANGES, min_size=1, max_size=3).map(", ".join))


@given(st.text(max_size=30))
def test_any_text_is_ranges_or_a_plain_refusal(text: str) -> None:
    try:
        spans = parse_hours(text)
    except ValueError as exc:
        assert str(exc)
    else:
        assert all(0 <= span.start < span.end <= span.start + 12 * 60 + 1440 for span in spans)


@settings(max_examples=60, deadline=None)
@given(week=st.lists(DAY_TEXT, min_size=7, max_size=7), minute=st.integers(0, 7 * 1440),
       zone=st.sampled_from([TORONTO, PARIS, VANCOUVER]))
def test_the_state_holds_until_it_changes_and_then_flips(week: list[str], minute: int,
                                                         zone: ZoneInfo) -> None:
    names = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    try:
        rhythm = hours(hours=dict(zip(names, week, strict=True)))
    except ValueError:
        return  # a range the model refuses (a night over 12 hours, a zero-length range)
    moment = at("2026-10-26T00:00", zone) + minute * 60.0  # a week that spans a clock change
    state = state_at(rhythm, moment, zone)
    if state.changes_at is None:
        return
    assert state.changes_at > moment
    halfway = (moment + state.changes_at) / 2
    assert state_at(rhythm, halfway, zone).inside == state.inside
    assert state_at(rhythm, state.changes_at, zone).inside != state.inside
