"""The show keeps the booth's hours: closing, opening, a dark screen woken by a touch,
dated panels in and out of the rotation, the notice, and what the records say.

Two fake clocks drive each show, as in the kiosk: monotonic seconds for motion (`now`)
and a wall clock for the schedule (`WallClock`), which maps one onto the other.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.core.content.model import Content
from kiosk.core.records.batching import HEARTBEAT_SECONDS
from kiosk.core.records.recorder import Records
from kiosk.core.show.calendar import WallClock
from kiosk.core.show.closed import clock_time, reopening
from kiosk.core.show.events import OpeningChanged, PanelChanged
from kiosk.core.show.opening import WAKE_SECONDS
from kiosk.core.show.presentation import Presentation
from kiosk.core.show.timing import FRAME_SECONDS, StillPanels
from tests.support import FakeClock, as_source, title_panel

TORONTO = ZoneInfo("America/Toronto")
MONDAY_0859 = datetime(2026, 12, 7, 8, 59, tzinfo=TORONTO).timestamp()


def content(**changes: Any) -> Content:
    document: dict[str, Any] = {
        "languages": ["en", "fr"],
        "default_language": "en",
        "settings": {"dwell_seconds": 10, "transition": "none", "idle_timeout_seconds": 30},
        "schedule": {"hours": {"mon": "09:00-18:00"}, "timezone": "America/Toronto"},
        "panels": [title_panel(name) for name in ("alpha", "beta", "gamma")],
    }
    document.update(changes)
    return Content.model_validate(document)


def make(document: Content, wall_at_zero: float = MONDAY_0859, now: float = 0.0,
         ) -> tuple[Presentation, list[Any]]:
    clock = WallClock(lambda t: wall_at_zero + t, TORONTO)
    show = Presentation(as_source(document), now, timing=StillPanels(0.6), clock=clock)
    heard: list[Any] = []
    for emitter in vars(show.events).values():
        emitter.connect(heard.append)
    return show, heard


def run_until(show: Presentation, end: float, start: float = 0.0) -> list[float]:
    """Tick as the ticker does, up to `end`; return every time a tick came."""
    now, ticks = start, []
    while now < end:
        ticks.append(now)
        due = show.tick(now)
        if due is None:
            break
        now = min(max(due, now), end)
    return ticks


def test_closed_before_opening_the_show_says_when_it_opens_in_both_languages() -> None:
    show, _ = make(content())
    assert not show.open and not show.dark
    frame = show.frame(0.0)
    assert frame.closed is not None and frame.transition is None
    assert [(w.language, w.heading, w.reopening) for w in frame.closed.words] == [
        ("en", "Closed", "Open again today at 9:00"),
        ("fr", "Fermé", "Réouverture aujourd’hui à 9\u00a0h"),
    ]
    assert show.chrome(0.0).count == 0 and show.chrome(0.0).next_language is None


def test_while_closed_the_ticker_sleeps_until_the_opening() -> None:
    show, heard = make(content())
    ticks = run_until(show, 59.0)
    assert ticks == [0.0]  # one tick, then asleep: the next is the opening at 60 s
    assert show.tick(0.0) == 60.0
    run_until(show, 61.0, 60.0)
    assert show.open
    assert next(e for e in heard if isinstance(e, OpeningChanged)).open is True
    changed = [e for e in heard if isinstance(e, PanelChanged)]
    assert [(e.panel_id, e.at, e.transition) for e in changed] == [("alpha", 60.0, None)]


def test_the_booth_closes_at_six_and_visitors_state_is_dropped() -> None:
    show, heard = make(content(), wall_at_zero=MONDAY_0859 + 9 * 3600)  # 17:59
    show.touch(5.0)
    show.toggle_language(5.0)
    assert show.language == "fr" and show.held
    run_until(show, 61.0, 5.0)
    assert not show.open and show.language == "en" and show.last_touch is None
    closing = [e for e in heard if isinstance(e, OpeningChanged)]
    assert [(e.open, e.dark, e.at) for e in closing] == [(False, False, 60.0)]
    words = show.frame(61.0).closed
    assert words is not None  # a week away: the date too
    assert words.words[0].reopening == "Open again on Monday, December 14 at 9:00"


def test_nothing_moves_while_closed_and_navigation_does_nothing() -> None:
    show, heard = make(content())
    before = len(heard)
    show.next(1.0)
    show.go_to(2, 1.0)
    show.toggle_language(1.0)
    show.toggle_pause(1.0)
    assert show.is_still(1.0) and show.language == "en" and not show.paused
    assert not [e for e in heard[before:] if isinstance(e, PanelChanged)]
    assert show.tick(1.0) == 60.0  # no frame ticks


def test_a_touch_lights_a_dark_screen_for_a_minute_then_it_goes_dark_again() -> None:
    schedule = {"hours": {"mon": "09:00-18:00"}, "outside_hours": "screen_off",
                "timezone": "America/Toronto"}
    show, heard = make(content(schedule=schedule), wall_at_zero=MONDAY_0859 - 3600)
    assert show.dark
    frame = show.frame(0.0)
    assert frame.closed is not None and frame.closed.dark
    show.touch(10.0)
    lit = show.frame(10.0).closed
    assert not show.dark and lit is not None and not lit.dark  # the closed screen, lit
    ticks = run_until(show, 10.0 + WAKE_SECONDS + 1, 10.0)
    assert 10.0 + WAKE_SECONDS in ticks and show.dark  # a minute later: dark again
    show.touch(100.0)
    show.touch(140.0)  # still setting up: another minute from the last touch
    run_until(show, 140.0 + WAKE_SECONDS - 1, 140.0)
    assert not show.dark
    run_until(show, 140.0 + WAKE_SECONDS + 1, 140.0 + WAKE_SECONDS - 1)
    assert show.dark
    dark = [(e.dark, e.at) for e in heard if isinstance(e, OpeningChanged)]
    assert dark == [(False, 10.0), (True, 10.0 + WAKE_SECONDS), (False, 100.0),
                    (True, 140.0 + WAKE_SECONDS)]


def test_new_content_while_closed_is_taken_at_once_and_may_open_the_booth() -> None:
    show, heard = make(content())
    always = content(schedule=None)
    show.stage_content(as_source(always), 5.0)
    assert show.content is always and show.open
    assert [e.open for e in heard if isinstance(e, OpeningChanged)] == [True]


def test_dated_panels_come_and_go_and_leave_the_dots() -> None:
    panels = [title_panel("alpha"),
              {**title_panel("beta"), "show": {"from": "2026-12-07T09:00:30"}},
              {**title_panel("gamma"), "show": {"until": "2026-12-07T09:00:45"}}]
    show, heard = make(content(schedule=None, panels=panels))
    assert show.active == (0, 2) and show.chrome(0.0).count == 2
    run_until(show, 91.0)  # 09:00:30: beta joins
    assert show.active == (0, 1, 2)
    run_until(show, 106.0, 91.0)  # 09:00:45: gamma leaves
    assert show.active == (0, 1)
    run_until(show, 200.0, 106.0)
    assert "gamma" not in {e.panel_id for e in heard[-10:] if isinstance(e, PanelChanged)}


def test_the_notice_shows_over_every_panel_until_its_end() -> None:
    notice = {"text": {"en": "Back at 14:00", "fr": "De retour à 14 h"},
              "until": "2026-12-07T09:00:30"}
    show, _ = make(content(schedule=None, notice=notice), wall_at_zero=MONDAY_0859 + 0.5)
    assert show.chrome(0.0).notice == "Back at 14:00"
    show.toggle_language(1.0)  # the banner speaks the language on screen
    assert show.chrome(1.0).notice == "De retour à 14 h"
    ticks = run_until(show, 100.0, 1.0)
    assert 89.5 in ticks  # 09:00:30, the notice's end, is a deadline of its own
    assert show.chrome(89.5).notice is None


def test_a_notice_picked_up_by_a_reload_shows_from_the_next_panel() -> None:
    show, _ = make(content(schedule=None))
    assert show.chrome(0.0).notice is None
    show.stage_content(as_source(content(schedule=None, notice={"text": "Back at 14:00"})), 1.0)
    run_until(show, 11.0, 1.0)  # the next panel boundary
    assert show.chrome(11.0).notice == "Back at 14:00"


def test_a_notice_that_shows_nothing_in_a_language_draws_no_banner_in_it() -> None:
    # h12 V2: "   " or a zero-width space drew an empty amber banner over every panel
    blank = {"text": {"en": "   ", "fr": "\u200b"}}
    show, _ = make(content(schedule=None, notice=blank))
    assert show.chrome(0.0).notice is None
    show.toggle_language(1.0)
    assert show.chrome(1.0).notice is None
    half = {"text": {"en": "", "fr": "De retour à 14 h"}}
    show, _ = make(content(schedule=None, notice=half))
    assert show.chrome(0.0).notice is None
    show.toggle_language(1.0)
    assert show.chrome(1.0).notice == "De retour à 14 h"


def test_without_a_wall_clock_the_show_is_always_open() -> None:
    show = Presentation(as_source(content()), 0.0)
    assert show.open and show.active == (0, 1, 2)
    assert show.tick(0.0) == 10.0


def test_reopening_words_name_the_day_as_people_do() -> None:
    now = datetime(2026, 12, 7, 20, 0)
    cases = {
        datetime(2026, 12, 7, 21, 30): ("Open again today at 21:30",
                                        "Réouverture aujourd’hui à 21\u00a0h\u00a030"),
        datetime(2026, 12, 8, 9, 0): ("Open again tomorrow at 9:00",
                                      "Réouverture demain à 9\u00a0h"),
        datetime(2026, 12, 12, 10, 0): ("Open again on Saturday at 10:00",
                                        "Réouverture samedi à 10\u00a0h"),
        datetime(2026, 12, 24, 9, 0): ("Open again on Thursday, December 24 at 9:00",
                                       "Réouverture le jeudi 24 décembre à 9\u00a0h"),
        datetime(2027, 1, 15, 9, 0): ("Open again on January 15, 2027 at 9:00",
                                      "Réouverture le 15 janvier 2027 à 9\u00a0h"),
    }
    for opening, words in cases.items():
        assert (reopening(now, opening, "en"), reopening(now, opening, "fr")) == words
    assert reopening(now, None, "fr") == "Merci de votre visite"
    assert clock_time(datetime(2026, 1, 1, 9, 5), "de") == "9:05"  # other languages: English


# the records ------------------------------------------------------------------------------------
def status(data_dir: Path) -> dict[str, Any]:
    import json

    return json.loads((data_dir / "status.json").read_text(encoding="utf-8"))


def test_records_keep_no_panel_while_closed_and_a_dark_screen_is_healthy(tmp_path: Path) -> None:
    from kiosk.core.records.report import summarize

    schedule = {"hours": {"mon": "09:00-18:00"}, "outside_hours": "screen_off",
                "timezone": "America/Toronto"}
    clock = FakeClock(0.0)
    show, _ = make(content(schedule=schedule), wall_at_zero=MONDAY_0859)
    records = Records(tmp_path, clock, wall=lambda: MONDAY_0859 + clock.now)
    records.follow(show, tmp_path / "content.json")
    records.screen_changed(False, "the window system reports it as not visible", {})
    records.tick(clock.now)
    written = status(tmp_path)
    assert (written["screen_state"], written["open"], written["current_panel"]) == \
        ("off_by_schedule", False, None)
    assert written["screen_problem"] is None
    assert written["changes_at"] == "2026-12-07T14:00:00.000Z"  # 09:00 in Toronto
    beat = written["heartbeat_at"]
    while clock.now < HEARTBEAT_SECONDS:  # to the next heartbeat: a dark screen is alive
        clock.now = records.tick(clock.now)
    records.tick(clock.now)
    assert status(tmp_path)["heartbeat_at"] != beat
    records.screen_changed(True, None, {"platform": "xcb"})
    clock.now += 60.0
    show.tick(clock.now)  # past 09:00: open
    clock.now = records.tick(clock.now)
    records.tick(clock.now)
    assert status(tmp_path)["screen_state"] == "panels"
    assert status(tmp_path)["current_panel"] == show.panel_id
    records.close()
    panels = summarize(tmp_path / "events.sqlite3")["panels"]
    assert list(panels) == [show.panel_id]  # nothing was recorded while closed


def test_a_kiosk_starting_at_night_records_its_first_panel_only_when_it_opens(
    tmp_path: Path,
) -> None:
    clock = FakeClock(0.0)
    show, _ = make(content(), wall_at_zero=MONDAY_0859)
    records = Records(tmp_path, clock, wall=lambda: MONDAY_0859 + clock.now)
    records.follow(show, tmp_path / "content.json")
    records.screen_changed(True, None, {"platform": "xcb"})
    records.tick(clock.now)
    assert status(tmp_path)["screen_state"] == "closed_screen"
    assert status(tmp_path)["current_panel"] is None
    clock.now = 60.0
    show.tick(60.0)
    assert records.status.current_panel == show.panel_id == "alpha"
    assert FRAME_SECONDS < 1  # (the show opened without a transition: nothing to wait for)


def test_new_hours_that_close_the_booth_now_close_it_at_the_next_boundary() -> None:
    show, heard = make(content(schedule=None))
    run_until(show, 5.0)
    before = len([e for e in heard if isinstance(e, PanelChanged)])
    closing = content(schedule={"hours": {"tue": "09:00-18:00"}, "timezone": "America/Toronto"})
    show.stage_content(as_source(closing), 5.0)
    run_until(show, 11.0, 5.0)  # the boundary at 10 s
    assert not show.open and show.content is closing
    assert len([e for e in heard if isinstance(e, PanelChanged)]) == before  # no panel shown
    assert [e.open for e in heard if isinstance(e, OpeningChanged)] == [False]


def test_while_open_changes_at_is_the_closing_time_not_the_notices_end() -> None:
    """status.json's changes_at: when the booth next opens or closes, nothing else (O10)."""
    notice = {"text": {"en": "Back at 14:00", "fr": "De retour à 14 h"},
              "until": "2026-12-07T10:00"}
    show, _ = make(content(notice=notice), wall_at_zero=MONDAY_0859 + 120.0)  # 09:01, open
    assert show.open
    closing = datetime(2026, 12, 7, 18, 0, tzinfo=TORONTO).timestamp()
    assert show.changes_at == closing
