"""content.json's schedule, dated panels and notice: validate's located messages and warnings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.content.load import LoadResult, load_bytes
from kiosk.core.content.problems import Problem
from kiosk.core.content.schema import schema_text
from tests.support import sample_document


def check(**changes: Any) -> LoadResult:
    document = {**sample_document(), **changes}
    return load_bytes(json.dumps(document, ensure_ascii=False, indent=1).encode(), Path("."))


def lines_of(**changes: Any) -> list[str]:
    return json.dumps({**sample_document(), **changes}, ensure_ascii=False, indent=1).splitlines()


def at(result: LoadResult, path: str) -> list[Problem]:
    return [problem for problem in result.problems if problem.path == path]


def only(result: LoadResult, path: str) -> Problem:
    (problem,) = at(result, path)
    return problem


def line_of(lines: list[str], words: str) -> int:
    return next(number for number, line in enumerate(lines, 1) if words in line)


def test_a_good_schedule_dated_panels_and_a_notice_load() -> None:
    document = sample_document()
    document["panels"][1]["show"] = {"from": "2026-12-05T09:00", "until": "2026-12-07",
                                     "days": ["fri", "sat"], "hours": "09:00-12:00"}
    result = check(
        panels=document["panels"],
        schedule={"hours": {"mon": "09:00-18:00", "sat": "09:00-12:00, 13:00-22:00"},
                  "dates": {"2026-12-24": "09:00-13:00", "2026-12-25": "closed"},
                  "outside_hours": "screen_off", "timezone": "America/Toronto"},
        notice={"text": {"en": "Back at 14:00", "fr": "De retour à 14 h"},
                "until": "2026-12-05T14:00"},
        settings={"sync_to_clock": True},
    )
    assert result.ok and result.content is not None, result.problems
    assert result.content.schedule is not None and result.content.settings.sync_to_clock
    assert result.content.panels[1].show is not None
    assert result.content.panels[1].show.starts == "2026-12-05T09:00"


def test_a_range_written_the_wrong_way_round_is_an_error_on_its_line() -> None:
    schedule = {"hours": {"mon": "18:00-09:00", "fri": "22:00-02:00"}}
    result = check(schedule=schedule)
    problem = only(result, "schedule.hours.mon")
    assert not result.ok and problem.severity == "error"
    assert problem.line == line_of(lines_of(schedule=schedule), '"mon"')
    assert '"18:00-09:00" ends before it starts' in problem.message
    assert 'Did you mean "09:00-18:00"?' in problem.message
    assert not at(result, "schedule.hours.fri")  # a night out is fine


def test_an_unknown_day_gets_the_closest_name() -> None:
    result = check(schedule={"hours": {"monday": "09:00-18:00"}})
    assert only(result, "schedule.hours.monday").message == \
        "unknown key 'monday'; did you mean 'mon'?"
    document = sample_document()
    document["panels"][0]["show"] = {"days": ["fri", "Saturday"]}
    result = check(panels=document["panels"])
    assert only(result, "panels[0].show.days[1]").message.startswith(
        "'Saturday' is not a day; did you mean 'sat'?")


def test_an_impossible_date_is_an_error_where_it_is_written() -> None:
    schedule = {"dates": {"2026-12-24": "09:00-13:00", "2026-02-30": "closed"}}
    result = check(schedule=schedule)
    problem = only(result, "schedule.dates.2026-02-30")
    assert problem.message == '"2026-02-30" is not a date: February 2026 has 28 days'
    assert problem.line == line_of(lines_of(schedule=schedule), "2026-02-30")


def test_overlapping_ranges_are_a_warning_that_says_what_the_booth_does() -> None:
    result = check(schedule={"hours": {"tue": "09:00-13:00, 12:00-18:00",
                                       "fri": "20:00-03:00", "sat": "02:00-12:00"}})
    assert result.ok  # the meaning is clear: open through both
    assert only(result, "schedule.hours.tue").message == (
        '"09:00-13:00" and "12:00-18:00" overlap from 12:00 to 13:00: the booth is simply '
        "open through both; fix the times if a break was meant")
    night = only(result, "schedule.hours.sat").message
    assert "starts at 02:00, before Friday's \"20:00-03:00\" ends (03:00)" in night


def test_a_misspelt_zone_and_outside_hours_get_suggestions() -> None:
    result = check(schedule={"timezone": "America/Torotno", "outside_hours": "screen-off"})
    assert "did you mean 'America/Toronto'?" in only(result, "schedule.timezone").message
    assert "did you mean 'screen_off'?" in only(result, "schedule.outside_hours").message


def test_until_before_from_is_an_error_on_the_window() -> None:
    document = sample_document()
    document["panels"][2]["show"] = {"from": "2026-12-06T10:00", "until": "2026-12-05"}
    result = check(panels=document["panels"])
    assert '"until" (2026-12-05) must come after "from" (2026-12-06T10:00)' in \
        only(result, "panels[2].show").message


def test_a_panel_never_shown_in_opening_hours_is_warned() -> None:
    document = sample_document()
    document["panels"][1]["show"] = {"days": ["sun"]}
    document["panels"][2]["show"] = {"hours": "07:00-08:30"}
    result = check(panels=document["panels"], schedule={"hours": {"sat": "09:00-18:00"}})
    assert result.ok
    for index in (1, 2):
        assert only(result, f"panels[{index}].show").message.startswith(
            "this panel is never shown: its show window (from, until, days, hours) never falls "
            "within the booth's opening hours")


def test_an_opening_hour_with_no_panel_in_its_window_is_warned_with_the_moment() -> None:
    document = sample_document()
    for panel in document["panels"]:
        panel["show"] = {"from": "2026-12-05T10:00"}
    result = check(panels=document["panels"],
                   schedule={"hours": {"sat": "09:00-18:00"}, "timezone": "America/Toronto"})
    assert only(result, "panels").message.startswith(
        "no panel is in its show window from Saturday 2026-12-05 09:00 to 10:00 while the "
        "booth is open: the kiosk then shows every panel")


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@pytest.mark.parametrize(
    ("schedule", "path"),
    [
        ({"hours": {}}, "schedule.hours"),
        ({"hours": dict.fromkeys(DAYS, "closed")}, "schedule.hours"),
        ({"hours": {"mon": "closed"}, "dates": {"2026-12-05": "closed"}}, "schedule.hours"),
    ],
)
def test_a_schedule_that_never_opens_is_warned_with_the_fix(schedule: dict, path: str) -> None:
    # h12 V4: validate said OK; the booth showed its closed screen for ever
    result = check(schedule=schedule)
    assert result.ok  # a warning: the closed screen is what the file asks for
    problem = only(result, path)
    assert problem.severity == "warning" and problem.line is not None
    assert problem.message.startswith(
        'the booth never opens: no day has opening hours (each is "closed" or left out) and '
        "no date adds any, so the kiosk shows its closed screen all the time; give the days "
        'it is open, e.g. "hours": {"mon": "09:00-18:00", ...}, or remove "schedule"')


@pytest.mark.parametrize(
    "schedule",
    [
        {"hours": {}, "dates": {"2026-12-05": "10:00-18:00"}},  # a festival weekend only
        {"dates": {"2026-12-05": "closed"}},  # no weekly hours: open every other day
        {"hours": {"sun": "10:00-12:00"}},
    ],
)
def test_a_schedule_that_opens_on_some_day_is_not_called_never_open(schedule: dict) -> None:
    result = check(schedule=schedule)
    assert not any("never opens" in problem.message for problem in result.problems)


def test_a_window_outside_the_hours_is_not_called_never_shown_beside_the_every_panel_rule(
) -> None:
    # h12: "this panel is never shown" beside "the kiosk then shows every panel" when every
    # panel has a window: in the hours no window covers, the kiosk shows that panel too
    document = sample_document()
    for panel in document["panels"]:
        panel["show"] = {"until": "2026-01-01"}
    result = check(panels=document["panels"], schedule={"hours": {"sat": "09:00-18:00"}})
    assert "the kiosk then shows every panel" in only(result, "panels").message
    for index in range(3):
        message = only(result, f"panels[{index}].show").message
        assert "never shown" not in message
        assert "it appears only while no panel is in its window" in message


def test_a_notice_too_long_for_its_banner_is_warned_like_any_text() -> None:
    result = check(notice={"text": {"en": "Back soon. " * 30, "fr": "De retour"}})
    (problem,) = [p for p in result.problems if p.path == "notice.text (en)"]
    assert "at the smallest readable size" in problem.message
    assert "notice.text (fr)" not in {p.path for p in result.problems}


@pytest.mark.parametrize("until", ["2026-12-05T25:00", "tomorrow", "2026-12-05T14:00Z"])
def test_a_notice_until_must_be_a_local_moment(until: str) -> None:
    result = check(notice={"text": "Back at 14:00", "until": until})
    assert only(result, "notice.until").severity == "error"


def test_the_schema_describes_the_schedule_for_editors() -> None:
    schema = json.loads(schema_text())
    definitions = schema["$defs"]
    assert set(definitions["WeeklyHours"]["properties"]) == {
        "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
    assert definitions["WeeklyHours"]["additionalProperties"] is False
    dates = definitions["Schedule"]["properties"]["dates"]
    assert list(dates["patternProperties"]) == ["^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
    assert definitions["ShowWindow"]["properties"]["days"]["anyOf"][0]["items"]["enum"][0] == "mon"
    assert "from" in definitions["ShowWindow"]["properties"]
    assert "sync_to_clock" in definitions["Settings"]["properties"]
    assert {"schedule", "notice"} <= set(schema["properties"])
