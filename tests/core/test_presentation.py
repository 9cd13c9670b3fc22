"""The show as a model: a whole visitor story and every rule, on a fake clock, no display."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import pytest

from kiosk.core.content.source import Source
from kiosk.core.show.changes import COUNTDOWN_SECONDS
from kiosk.core.show.events import (
    ContentApplied,
    ContentStaged,
    Emitter,
    IdleReset,
    Interaction,
    LanguageChanged,
    NeedsFrames,
    PanelChanged,
    ProblemChanged,
)
from kiosk.core.show.frame import CONTROLS_FADE_SECONDS, CONTROLS_VISIBLE_SECONDS
from kiosk.core.show.presentation import Presentation
from kiosk.core.show.timing import FRAME_SECONDS, StillPanels
from tests.support import as_source, titles_content

ENTRANCE = 0.6  # how long every panel's entrance moves in these tests


@dataclass
class Heard:
    """Every event a show published, in order."""

    events: list[Any] = field(default_factory=list)

    def of(self, kind: type) -> list[Any]:
        return [event for event in self.events if isinstance(event, kind)]

    def shown(self) -> list[tuple[float, str, str]]:
        return [(round(e.at, 3), e.panel_id, e.language) for e in self.of(PanelChanged)]

    def ids(self) -> list[str]:
        return [e.panel_id for e in self.of(PanelChanged)]

    def interactions(self) -> list[tuple[str, str, str | None]]:
        return [(e.kind, e.panel_id, e.detail) for e in self.of(Interaction)]


def listen(show: Presentation) -> Heard:
    heard = Heard()
    for emitter in vars(show.events).values():
        emitter.connect(heard.events.append)
    return heard


def make(source: Source | None = None, now: float = 0.0, **settings: Any) -> tuple[
    Presentation, Heard
]:
    source = source or as_source(titles_content(**settings))
    show = Presentation(source, now, timing=StillPanels(ENTRANCE))
    return show, listen(show)


def run_until(show: Presentation, end: float, start: float = 0.0) -> float:
    """Tick as the app's ticker does, at each time the show asks for, up to `end`."""
    now = start
    while True:
        due = show.tick(now)
        if due is None or now >= end:
            return now
        now = min(max(due, now), end)


# the visitor's story ------------------------------------------------------------------
def test_a_visitor_arrives_swipes_switches_language_walks_away_and_the_loop_returns() -> None:
    show, heard = make(transition="fade")
    now = run_until(show, 1.0)  # the attract loop: alpha, untouched
    assert (show.panel_id, show.language, show.held) == ("alpha", "en", False)

    show.touch(now)  # a visitor arrives: controls show, the rotation waits
    assert show.chrome(now).controls_opacity == 1.0 and show.held
    show.next(now)  # swipes to the next panel: a fade starts at once
    assert show.panel_id == "beta" and show.transition is not None
    mid = show.frame(now + 0.25)
    assert mid.transition is not None and 0.0 < mid.transition.blend(now + 0.25) < 1.0
    assert (mid.transition.outgoing.index, mid.shot.index) == (0, 1)

    show.toggle_language(now + 0.1)  # switches to French mid-fade: the fade gives way
    assert show.language == "fr" and show.transition is None
    assert show.frame(now + 0.1).shot.language == "fr"

    now = run_until(show, 29.0, now + 0.1)  # reads, then walks away: the rotation waited
    assert (show.panel_id, show.language) == ("beta", "fr")
    assert show.chrome(29.5).countdown == 2  # "returning to start in 2" (touched at 1.1)

    now = run_until(show, 31.2, now)  # the idle reset: first panel, default language
    assert (show.panel_id, show.language, show.held) == ("alpha", "en", False)
    assert show.chrome(now).countdown is None
    assert len(heard.of(IdleReset)) == 1
    assert heard.interactions() == [
        ("swipe", "alpha", None), ("language", "beta", "fr"), ("idle_reset", "beta", None)
    ]
    assert heard.shown() == [(1.0, "beta", "en"), (31.1, "alpha", "en")]
    assert [e.language for e in heard.of(LanguageChanged)] == ["fr"]
    run_until(show, 34.0, now)  # rotating again, on its own
    assert heard.ids()[-1] == "beta"


def test_content_reloaded_mid_transition_waits_for_the_next_boundary() -> None:
    show, heard = make(transition="fade")
    now = run_until(show, 2.1)  # alpha -> beta is fading (2.0 to 2.5)
    old = show.source
    assert show.transition is not None
    newer = as_source(titles_content(("delta", "echo"), transition="fade"))
    show.stage_content(newer, now)
    assert heard.of(ContentStaged)[0].source is newer
    assert show.source is old and show.pending is newer
    assert show.sources == (old, old, newer)  # on screen, outgoing, staged
    frame = show.frame(2.3)
    assert frame.shot.source is old and frame.transition is not None  # the fade goes on
    now = run_until(show, 7.0, now)  # beta's dwell ends: the new content comes in
    assert heard.of(ContentApplied)[0].source is newer
    assert show.source is newer and show.pending is None
    assert heard.ids() == ["beta", "delta"]  # the panel after beta's position, wrapping
    assert show.frame(7.2).transition is not None
    assert show.frame(7.2).transition.outgoing.source is old
    assert show.sources == (newer, old)
    run_until(show, 7.6, now)
    assert show.sources == (newer,)
    assert show.chrome(7.6).count == 2


# rotation ----------------------------------------------------------------------------
@pytest.mark.parametrize("transition", ["none", "fade", "slide"])
def test_panels_rotate_in_order_with_their_own_dwell_and_loop(transition: str) -> None:
    show, heard = make(transition=transition)
    run_until(show, 21.0)
    assert heard.shown() == [
        (2.0, "beta", "en"), (7.0, "gamma", "en"), (10.0, "alpha", "en"),
        (12.0, "beta", "en"), (17.0, "gamma", "en"), (20.0, "alpha", "en"),
    ]
    assert show.panel_id == "alpha"


def test_a_late_tick_moves_one_panel_with_a_full_dwell_from_then() -> None:
    show, heard = make()
    show.tick(0.0)
    show.tick(9.5)  # the machine slept through two dwells
    assert heard.ids() == ["beta"]
    assert show.tick(9.5 + ENTRANCE) == 9.5 + 5.0


def test_a_still_screen_sleeps_until_the_next_panel() -> None:
    show, _ = make()
    assert show.tick(0.0) == pytest.approx(FRAME_SECONDS)  # the headline is still entering
    assert show.tick(1.5) == 2.0  # settled: nothing until the next panel
    assert show.is_still(1.5) and not show.is_still(0.3)


def test_a_transition_ticks_every_frame_until_it_ends() -> None:
    show, _ = make(transition="fade", transition_ms=500)
    run_until(show, 2.0)
    assert show.transition is not None
    assert show.tick(2.1) == pytest.approx(2.1 + FRAME_SECONDS)
    show.tick(2.5)
    assert show.transition is None
    assert show.entered_at == 2.5 and show.panel_time(2.7) == pytest.approx(0.2)


def test_a_single_panel_stays_without_ticking_every_frame() -> None:
    show, heard = make(as_source(titles_content(("alone",))))
    run_until(show, 1.0)
    assert show.tick(2.0) == 4.0  # its dwell just starts again
    assert heard.of(PanelChanged) == []
    assert show.is_still(2.0)


def test_start_begins_the_panel_afresh() -> None:
    show, heard = make(now=100.0)
    show.start(101.5)
    assert show.panel_time(101.5) == 0.0
    assert show.tick(101.5 + ENTRANCE) == 101.5 + 2.0
    assert heard.of(NeedsFrames)[-1].until == pytest.approx(101.5 + ENTRANCE)


def test_reduced_motion_means_no_transition() -> None:
    show, heard = make(transition="fade", reduced_motion=True)
    run_until(show, 2.0)
    assert show.transition is None and heard.of(PanelChanged)[0].transition is None


def test_pause_stops_the_rotation_until_resumed() -> None:
    show, heard = make()
    show.toggle_pause(0.5)
    assert show.paused and show.chrome(0.5).paused
    assert ("key", "alpha", "pause") in heard.interactions()
    run_until(show, 9.0)  # held by the touch and paused: nothing moves on
    assert heard.of(PanelChanged) == []
    show.toggle_pause(9.0)
    assert not show.paused and ("key", "alpha", "resume") in heard.interactions()


def test_the_idle_reset_ends_a_pause() -> None:
    show, _ = make()
    show.toggle_pause(0.5)
    run_until(show, 31.0)  # touched at 0.5: the reset came at 30.5
    assert not show.paused and not show.held
    assert show.tick(32.0) == pytest.approx(30.5 + 2.0)  # alpha's dwell runs again


# navigation -------------------------------------------------------------------------
def test_visitor_moves_are_immediate_and_wrap() -> None:
    show, heard = make()
    show.previous(1.0)
    assert show.panel_id == "gamma"
    show.next(1.1, cause="key")
    show.go_to(1, 1.2)
    assert heard.ids() == ["gamma", "alpha", "beta"]
    assert [kind for kind, _, _ in heard.interactions()] == ["swipe", "key", "tap"]


def test_a_move_without_a_cause_is_not_a_visitor() -> None:
    show, heard = make()
    show.next(1.0, cause=None)
    assert show.panel_id == "beta" and not show.held and heard.of(Interaction) == []


def test_a_tap_on_the_panel_shows_the_controls_then_they_fade() -> None:
    show, heard = make()
    show.tap(1.0)
    assert heard.interactions() == [("tap", "alpha", None)]
    assert show.chrome(1.0).controls_opacity == 1.0
    fading = 1.0 + CONTROLS_VISIBLE_SECONDS + CONTROLS_FADE_SECONDS / 2
    assert show.chrome(fading).controls_opacity == pytest.approx(0.5)
    assert not show.is_still(fading)
    assert show.tick(2.0) == 1.0 + CONTROLS_VISIBLE_SECONDS  # sleeps until the fade starts
    assert show.chrome(1.0 + CONTROLS_VISIBLE_SECONDS + CONTROLS_FADE_SECONDS).controls_opacity == 0


def test_the_countdown_shows_in_the_chrome_and_a_touch_cancels_it() -> None:
    show, _ = make()
    show.touch(0.0)
    assert show.chrome(30.0 - COUNTDOWN_SECONDS).countdown == 5
    assert show.chrome(29.5).countdown == 1
    show.touch(29.5)
    assert show.chrome(29.6).countdown is None


def test_chrome_at_rest() -> None:
    show, _ = make()
    run_until(show, 7.5)
    chrome = show.chrome(7.5)
    assert (chrome.count, chrome.current, chrome.language, chrome.next_language) == (
        3, 2, "en", "fr"
    )
    assert chrome.controls_opacity == 0.0 and chrome.countdown is None
    assert not chrome.paused and not chrome.problem_marker


def test_language_cycles_through_the_content_languages() -> None:
    show, heard = make()
    show.toggle_language(1.0)
    assert show.language == "fr" and show.chrome(1.0).next_language == "en"
    show.toggle_language(1.5)
    assert show.language == "en"
    assert [(e.language, e.panel_id) for e in heard.of(LanguageChanged)] == [
        ("fr", "alpha"), ("en", "alpha")
    ]


def test_the_idle_reset_fades_out_of_what_the_visitor_saw() -> None:
    show, heard = make(transition="fade")
    show.toggle_language(0.5)
    run_until(show, 31.0)
    change = heard.of(PanelChanged)[-1]
    assert change.transition is not None
    assert change.transition.outgoing.language == "fr"  # not a jump to English first
    assert change.transition.incoming.language == "en"
    assert change.transition.direction == -1


# content --------------------------------------------------------------------------------
def test_new_content_replaces_the_fallback_at_once() -> None:
    show, heard = make(as_source(titles_content(("fallback",)), origin="fallback"))
    show.stage_content(as_source(titles_content()), 0.5)
    assert heard.ids() == ["alpha"]
    assert show.pending is None and len(show.content.panels) == 3


def test_new_content_keeps_the_language_only_if_it_has_it() -> None:
    show, _ = make()
    show.toggle_language(0.5)
    english = titles_content().model_copy(update={"languages": ["en"]})
    show.stage_content(as_source(english), 0.6)
    show.next(0.7)
    assert show.language == "en"


def test_new_content_brings_its_own_idle_timeout_keeping_the_visitor() -> None:
    show, _ = make()
    show.touch(1.0)
    show.stage_content(as_source(titles_content(idle_timeout_seconds=10)), 1.0)
    show.next(1.5, cause=None)
    assert show.idle_timeout == 10 and show.last_touch == 1.0
    assert show.chrome(6.5).countdown == 5


def test_new_content_goes_on_from_the_panel_on_screen_by_its_id() -> None:
    show, heard = make()
    now = run_until(show, 3.0)  # beta is up (index 1); gamma follows at 7 s
    show.stage_content(as_source(titles_content(("beta", "gamma", "delta"))), now)
    run_until(show, 7.0, now)
    assert heard.ids() == ["beta", "gamma"]  # after beta in the new order, not index 2's delta
    assert show.index == 1


def test_a_panel_chosen_on_the_content_on_screen_is_shown_by_its_id() -> None:
    show, _ = make()
    show.stage_content(as_source(titles_content(("gamma", "alpha", "beta"))), 1.0)
    show.go_to(2, 1.0)  # the visitor tapped the third dot: gamma, on screen
    assert (show.panel_id, show.index) == ("gamma", 0)


def test_new_content_without_the_panel_due_shows_the_one_at_its_place() -> None:
    show, heard = make()
    now = run_until(show, 3.0)
    show.stage_content(as_source(titles_content(("alpha", "beta", "delta"))), now)
    run_until(show, 7.0, now)
    assert heard.ids() == ["beta", "delta"]


def test_replaced_content_shows_at_once_on_the_same_panel_by_id_still_settled() -> None:
    show, heard = make(transition="fade")
    now = run_until(show, 4.0)  # beta, settled since 2.5
    entered = show.entered_at
    show.replace_content(as_source(titles_content(("beta", "alpha"), transition="fade")), now)
    assert (show.panel_id, show.index, show.pending) == ("beta", 0, None)
    assert show.transition is None and show.entered_at == entered
    assert show.frame(now).shot.t == now - entered  # no entrance again: it stays settled
    assert heard.ids() == ["beta"] and len(heard.of(ContentApplied)) == 1
    assert show.chrome(now).current == 0


def test_replaced_content_without_the_panel_shows_its_neighbour() -> None:
    show, heard = make()
    now = run_until(show, 8.0)  # gamma, index 2
    show.replace_content(as_source(titles_content(("alpha", "beta"))), now)
    assert show.panel_id == "alpha"  # index 2 wraps to 0
    assert heard.of(PanelChanged)[-1].panel_id == "alpha"


def test_replaced_content_ends_a_transition_and_keeps_a_pause() -> None:
    show, _ = make(transition="fade")
    show.toggle_pause(0.1, cause=None)
    show.next(1.0, cause=None)
    assert show.transition is not None
    show.replace_content(as_source(titles_content(transition="fade")), 1.2)
    assert show.transition is None and show.panel_id == "beta" and show.paused
    assert show.entered_at == 1.2


def test_a_preview_pauses_and_switches_language_without_being_a_visitor() -> None:
    show, heard = make()
    show.toggle_pause(0.5, cause=None)
    show.toggle_language(1.0, cause=None)
    assert show.paused and show.language == "fr"
    assert show.last_touch is None and not show.held and heard.interactions() == []
    assert [e.language for e in heard.of(LanguageChanged)] == ["fr"]
    run_until(show, 600.0, 1.0)  # no idle reset ever: nobody touched
    assert (show.panel_id, show.language, show.paused) == ("alpha", "fr", True)
    assert heard.of(IdleReset) == []


def test_content_problems_set_and_clear_the_marker() -> None:
    show, heard = make()
    show.reject_content("content.json:3:1: broken", 1.0)
    assert show.chrome(1.0).problem_marker and show.problem == "content.json:3:1: broken"
    show.stage_content(as_source(titles_content()), 2.0)
    assert not show.chrome(2.0).problem_marker
    problems = heard.of(ProblemChanged)
    assert [(p.error, p.using_last_good) for p in problems] == [
        ("content.json:3:1: broken", True), (None, None)
    ]


def test_a_problem_on_the_fallback_is_not_the_last_good_copy() -> None:
    source = Source(titles_content(("fallback",)), as_source(titles_content()).content_dir,
                    "fallback", error="no content")
    show, heard = make(source)
    assert show.problem == "no content"
    show.reject_content("still broken", 1.0)
    assert heard.of(ProblemChanged)[-1].using_last_good is False


# faulty panels -------------------------------------------------------------------------
def test_a_failed_panel_leaves_the_rotation_and_the_show_moves_on() -> None:
    show, heard = make()
    run_until(show, 2.0)
    show.panel_failed(show.source, 1, 2.0)  # beta could not be drawn
    assert show.panel_id == "gamma" and show.active == (0, 2)
    run_until(show, 25.0, 2.0)
    assert "beta" not in heard.ids()[1:]
    assert heard.ids()[1:5] == ["gamma", "alpha", "gamma", "alpha"]
    assert show.chrome(25.0).count == 2


def test_failures_of_other_content_or_other_panels_change_nothing_on_screen() -> None:
    show, heard = make()
    show.panel_failed(as_source(titles_content()), 0, 1.0)  # another content version
    show.panel_failed(show.source, 2, 1.0)
    assert show.panel_id == "alpha" and show.active == (0, 1)
    assert heard.of(PanelChanged) == []
    show.previous(1.5)  # the fenced panel is passed over
    assert show.panel_id == "beta"


def test_when_every_panel_fails_the_show_stays_and_says_so(caplog) -> None:
    show, _ = make()
    with caplog.at_level(logging.ERROR):
        for index in (1, 2, 0):
            show.panel_failed(show.source, index, 1.0)
    assert "every panel of this content failed" in caplog.text
    assert show.active == () and show.chrome(1.0).current == -1
    assert show.tick(100.0) is not None  # no busy loop


def test_new_content_gets_every_panel_back() -> None:
    show, _ = make()
    show.panel_failed(show.source, 1, 1.0)
    show.stage_content(as_source(titles_content()), 1.0)
    show.next(1.5, cause=None)
    assert show.active == (0, 1, 2)


# events -----------------------------------------------------------------------------------
def test_every_visible_change_asks_for_frames_until_it_has_settled() -> None:
    show, heard = make(transition="fade", transition_ms=500)
    show.next(1.0)
    frames = heard.of(NeedsFrames)[-1]
    assert frames.at == 1.0 and frames.until == pytest.approx(1.5 + ENTRANCE)


def test_operator_actions_are_recorded_on_the_panel_shown() -> None:
    show, heard = make()
    show.operator("wrong", 3.0)
    assert heard.interactions() == [("admin", "alpha", "wrong")]
    assert show.last_touch is None  # the operator is not a visitor


def test_an_observer_that_fails_is_logged_and_the_others_still_hear(caplog) -> None:
    emitter: Emitter[int] = Emitter()
    heard: list[int] = []

    def broken(_event: int) -> None:
        raise RuntimeError("observer broke")

    emitter.connect(broken)
    emitter.connect(heard.append)
    with caplog.at_level(logging.ERROR):
        emitter.emit(7)
    assert heard == [7] and "observer broke" in caplog.text
    emitter.disconnect(broken)
    emitter.disconnect(broken)  # twice is fine
    emitter.emit(8)
    assert heard == [7, 8]


def test_a_staged_panel_that_fails_before_it_is_shown_stays_out_of_the_rotation() -> None:
    show, _ = make()
    newer = as_source(titles_content(("delta", "echo", "foxtrot")))
    show.stage_content(newer, 1.0)
    show.panel_failed(newer, 1, 1.0)  # failed while warming up, before it was on screen
    assert show.active == (0, 1, 2)  # the content on screen is untouched
    show.next(1.5, cause=None)  # the boundary: alpha -> index 1 of the new content
    assert show.panel_id == "foxtrot" and show.active == (0, 2)
    show.stage_content(as_source(titles_content()), 2.0)
    show.next(2.5, cause=None)
    assert show.active == (0, 1, 2)  # the next content starts with every panel
