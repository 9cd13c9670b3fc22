"""Visitor sessions from hand-made event sequences (kiosk.core.records.sessions)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.core.records.sessions import MAX_SILENCE_SECONDS, derive
from kiosk.core.records.timeline import Event, Interaction, Moment, Showing, merge
from kiosk.core.records.visitors import digest

T0 = 1_795_000_000.0  # any epoch: sessions do not care about the calendar
TORONTO = ZoneInfo("America/Toronto")


def show(at: float, panel: str, lang: str = "en") -> Showing:
    return Showing(T0 + at, panel, lang)


def act(at: float, kind: str, detail: str | None = None) -> Interaction:
    return Interaction(T0 + at, kind, None, detail)


def moment(at: float, kind: str) -> Moment:
    return Moment(T0 + at, kind)


def walk_away_day() -> list[Event]:
    """Rotation a, b; a visitor taps b at 30 s, swipes to c, walks away; reset at 95 s."""
    return [
        show(0, "a"),
        show(12, "b"),
        act(30, "tap"),
        act(35, "swipe", "left"),
        show(35, "c"),
        act(95, "idle_reset"),
        show(95, "a"),
        show(107, "b"),
    ]


def test_walk_away_session() -> None:
    derived = derive(walk_away_day())
    [session] = derived.sessions
    assert session.start == T0 + 30
    assert session.end == T0 + 95  # the idle reset
    assert session.seconds == 5.0  # first touch to last: the countdown is not the visitor's
    assert session.panels == ["b", "c"]  # b was under the first touch
    assert session.interactions == 2
    assert session.start_language == "en" and session.languages == []
    assert session.walked_away and session.ended_by == "walk_away"
    assert derived.visitor_views == {"b": 1, "c": 1}
    assert derived.rotation_views == {"a": 2, "b": 2}


def test_language_switch_is_recorded_and_not_a_new_panel() -> None:
    events = [
        show(0, "a"),
        act(5, "language", "fr"),
        show(5, "a", "fr"),  # the same panel, announced again in French
        act(9, "swipe", "left"),
        show(9, "b", "fr"),
        act(20, "language", "en"),
        show(20, "b", "en"),
        act(24, "language", "fr"),
        show(24, "b", "fr"),
        act(84, "idle_reset"),
        show(84, "a", "en"),
    ]
    [session] = derive(events).sessions
    assert session.panels == ["a", "b"]
    assert session.start_language == "en"
    assert session.languages == ["fr", "en"]  # each language once, in the order first chosen
    assert session.language == "fr"  # where the visitor ended
    assert session.interactions == 4
    assert session.seconds == 19.0


def test_reload_mid_session_ends_it_and_the_next_touch_starts_another() -> None:
    events = [
        show(0, "a"),
        act(10, "tap"),
        moment(20, "content"),
        act(25, "swipe", "left"),
        show(25, "b"),
        act(85, "idle_reset"),
    ]
    first, second = derive(events).sessions
    assert (first.ended_by, first.end, first.panels) == ("reload", T0 + 20, ["a"])
    assert not first.walked_away
    assert (second.start, second.panels, second.ended_by) == (T0 + 25, ["a", "b"], "walk_away")


def test_exit_mid_session_ends_it_at_the_stop() -> None:
    events = [
        moment(0, "start"),
        show(1, "a"),
        act(10, "tap"),
        act(12, "swipe", "left"),
        show(12, "b"),
        moment(20, "stop"),
        moment(100, "start"),
        show(101, "a"),
    ]
    derived = derive(events)
    [session] = derived.sessions
    assert (session.ended_by, session.end, session.seconds) == ("exit", T0 + 20, 2.0)
    assert derived.rotation_views == {"a": 2}


def test_a_crash_mid_session_ends_it_at_the_last_touch() -> None:
    events = [moment(0, "start"), show(1, "a"), act(10, "tap"), moment(50, "start")]
    [session] = derive(events).sessions
    assert (session.ended_by, session.end) == ("restart", T0 + 10)


def test_after_a_restart_the_first_touch_has_no_panel_until_one_is_shown() -> None:
    events = [show(0, "a"), moment(5, "start"), act(6, "tap"), show(7, "b")]
    [session] = derive(events).sessions
    assert session.panels == ["b"]


def test_long_silence_ends_a_session_that_never_reset() -> None:
    late = MAX_SILENCE_SECONDS + 100
    events = [show(0, "a"), act(1, "tap"), act(late, "tap"), show(late, "b")]
    first, second = derive(events).sessions
    assert (first.ended_by, first.end) == ("silence", T0 + 1)
    assert (second.start, second.ended_by) == (T0 + late, "open")
    assert second.panels == ["b"]  # what was on screen an hour ago is not known to be there


def test_operator_and_idle_resets_without_a_visitor_open_nothing() -> None:
    events = [show(0, "a"), act(3, "admin", "wrong"), act(5, "idle_reset"), show(5, "a")]
    derived = derive(events)
    assert derived.sessions == []
    assert derived.rotation_views == {"a": 2}


def test_a_session_still_going_is_open() -> None:
    [session] = derive([show(0, "a"), act(2, "tap"), act(4, "tap")]).sessions
    assert (session.ended_by, session.end, session.interactions) == ("open", T0 + 4, 2)


def test_a_swipe_and_its_panel_at_the_same_instant_stay_in_order() -> None:
    swipe, panel = act(10, "swipe", "left"), show(10, "b")
    events = merge([show(0, "a"), panel], [swipe])
    assert events[1:] == [swipe, panel]
    assert derive(events).sessions[0].panels == ["a", "b"]


def test_the_period_keeps_sessions_that_start_in_it_and_rotation_in_it() -> None:
    derived = derive(walk_away_day(), since=T0 + 40, until=T0 + 200)
    assert derived.sessions == []  # started at 30 s, before the period
    assert derived.rotation_views == {"a": 1, "b": 1}
    inside = derive(walk_away_day(), since=T0 + 30, until=T0 + 31)
    assert len(inside.sessions) == 1
    assert inside.rotation_views == {}


def local_epoch(*fields: int, tz: ZoneInfo = TORONTO, fold: int = 0) -> float:
    return datetime(*fields, tzinfo=tz, fold=fold).timestamp()  # type: ignore[misc]


def visit(start: float, seconds: float) -> list[Event]:
    """A visitor who taps at `start` and again `seconds` later, then walks away."""
    return [
        Interaction(start, "tap"),
        Interaction(start + seconds, "swipe", None, "left"),
        Interaction(start + seconds + 60, "idle_reset"),
    ]


def test_a_session_spanning_midnight_counts_on_the_evening_it_started() -> None:
    start = local_epoch(2026, 11, 27, 23, 58)
    derived = derive([Showing(start - 5, "a", "en"), *visit(start, 240)])
    section = digest(derived, [("a", "A")], TORONTO)
    assert section["per_day"] == {"2026-11-27": 1}
    assert section["per_hour"] == {"2026-11-27": {"23": 1}}
    assert section["median_seconds"] == 240.0
    assert section["list"][0]["start"] == "2026-11-27T23:58:00-05:00"
    assert section["list"][0]["end"] == "2026-11-28T00:03:00-05:00"


def test_sessions_across_the_spring_dst_change_keep_their_real_length() -> None:
    start = local_epoch(2026, 3, 8, 1, 58)  # clocks jump from 02:00 EST to 03:00 EDT
    derived = derive(visit(start, 300))
    section = digest(derived, [], TORONTO)
    assert section["median_seconds"] == 300.0  # five minutes, not an hour and five
    row = section["list"][0]
    assert (row["start"], row["end"]) == ("2026-03-08T01:58:00-05:00", "2026-03-08T03:04:00-04:00")


def test_the_autumn_repeated_hour_is_counted_twice_in_one_row() -> None:
    first = local_epoch(2026, 11, 1, 1, 30, fold=0)  # 01:30 EDT
    second = local_epoch(2026, 11, 1, 1, 30, fold=1)  # 01:30 EST, an hour later
    assert second - first == 3600
    derived = derive([*visit(first, 10), *visit(second, 20)])
    section = digest(derived, [], TORONTO)
    assert section["per_hour"] == {"2026-11-01": {"01": 2}}
    assert [row["start"][-6:] for row in section["list"]] == ["-04:00", "-05:00"]
