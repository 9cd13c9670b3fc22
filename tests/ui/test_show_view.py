"""The show drawn on a fake clock: rotation, transitions, faulty panels, staged content, language.

The show's rules are tested without a display in tests/core/test_presentation.py;
here the same stories are painted, as the window paints them.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.core.content.model import Content
from kiosk.core.content.source import Source
from kiosk.core.show.events import Interaction, LanguageChanged, PanelChanged
from kiosk.core.show.timing import FRAME_SECONDS
from kiosk.ui import stage as stage_module
from kiosk.ui.render import render_panel_image
from tests.support import FakeClock, as_source, titles_content
from tests.ui.support import PaintedShow

SIZE = (480, 270)


class Listener:
    """Collects what the show publishes, stamped with the fake time."""

    def __init__(self, show: PaintedShow, clock: FakeClock) -> None:
        self.clock = clock
        self.shown: list[tuple[float, str, str]] = []
        self.interactions: list[tuple[str, str | None, str | None]] = []
        events = show.show.events
        events.panel_changed.connect(self._shown)
        events.language_changed.connect(self._shown)
        events.interaction.connect(self._interaction)

    def _shown(self, event: PanelChanged | LanguageChanged) -> None:
        self.shown.append((round(self.clock.now, 3), event.panel_id, event.language))

    def _interaction(self, event: Interaction) -> None:
        self.interactions.append((event.kind, event.panel_id, event.detail))

    def ids(self) -> list[str]:
        return [panel_id for _, panel_id, _ in self.shown]


def make_show(content: Content | Source, clock: FakeClock) -> tuple[PaintedShow, Listener]:
    painted = PaintedShow(content, clock.now, SIZE)
    listener = Listener(painted, clock)
    listener.shown.append((round(clock.now, 3), painted.show.panel_id, painted.show.language))
    return painted, listener


def run_until(show: PaintedShow, clock: FakeClock, end: float) -> None:
    """Tick like the app's ticker: at each returned deadline, painting every frame, up to `end`."""
    show.run_until(clock, end)


def frame(show: PaintedShow, now: float) -> QImage:
    """What the screen shows at `now`."""
    return show.frame(now)


def rendered(content: Content, index: int, at: float | None, language: str = "en") -> QImage:
    """The panel as `kiosk render` paints it, with the chrome at rest."""
    return render_panel_image(content, Path("."), index, SIZE, language, at)


def above_chrome(image: QImage) -> QImage:
    """The panel part of a frame (the chrome's dots move at once to the incoming panel)."""
    return image.copy(0, 0, SIZE[0], SIZE[1] * 4 // 5)


def different_pixels(a: QImage, b: QImage, tolerance: int = 12) -> int:
    count = 0
    for y in range(0, SIZE[1], 3):
        for x in range(0, SIZE[0], 3):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            if max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green()),
                   abs(ca.blue() - cb.blue())) > tolerance:
                count += 1
    return count


# rotation ------------------------------------------------------------------------------
@pytest.mark.parametrize("transition", ["none", "fade", "slide"])
def test_panels_rotate_in_order_with_their_own_dwell_and_loop(qapp, transition) -> None:
    clock = FakeClock()
    show, listener = make_show(titles_content(transition=transition), clock)
    run_until(show, clock, 21.0)
    assert listener.shown == [
        (0.0, "alpha", "en"), (2.0, "beta", "en"), (7.0, "gamma", "en"),
        (10.0, "alpha", "en"), (12.0, "beta", "en"), (17.0, "gamma", "en"),
        (20.0, "alpha", "en"),
    ]
    assert show.show.panel_id == "alpha"


def test_a_still_screen_sleeps_until_the_next_panel(qapp) -> None:
    clock = FakeClock()
    show, _ = make_show(titles_content(), clock)
    assert show.tick(0.0) == pytest.approx(FRAME_SECONDS)  # the headline is still entering
    assert show.tick(1.5) == 2.0  # settled: nothing until the next panel


def test_a_transition_ticks_every_frame_until_it_ends(qapp) -> None:
    clock = FakeClock()
    show, _ = make_show(titles_content(transition="fade"), clock)
    run_until(show, clock, 2.0)
    assert show.show.transition is not None
    assert show.tick(2.1) == pytest.approx(2.1 + FRAME_SECONDS)
    show.tick(2.5)
    assert show.show.transition is None


# transitions ---------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["fade", "slide"])
def test_mid_transition_frames_blend_both_panels(qapp, kind) -> None:
    clock = FakeClock()
    show, _ = make_show(titles_content(transition=kind), clock)
    run_until(show, clock, 2.0)
    start, middle, end = frame(show, 2.0), frame(show, 2.25), frame(show, 2.5)
    assert different_pixels(start, end) > 50
    assert different_pixels(middle, start) > 25
    assert different_pixels(middle, end) > 25


def test_fade_starts_from_the_outgoing_panel_and_ends_on_the_incoming_one(qapp) -> None:
    clock = FakeClock()
    content = titles_content(transition="fade")
    show, _ = make_show(content, clock)
    run_until(show, clock, 2.0)
    incoming = rendered(content, 1, 0.0)
    assert above_chrome(frame(show, 2.0)) == above_chrome(rendered(content, 0, None))
    assert frame(show, 2.5) == incoming


def test_slide_forward_brings_the_next_panel_from_the_right(qapp) -> None:
    clock = FakeClock()
    content = titles_content(transition="slide")
    show, _ = make_show(content, clock)
    run_until(show, clock, 2.0)
    middle, incoming = frame(show, 2.25), rendered(content, 1, 0.0)
    half = SIZE[0] // 2
    band = (SIZE[1] // 4, SIZE[1] // 2)  # above the chrome
    left_of_incoming = incoming.copy(0, band[0], half, band[1])
    assert middle.copy(half, band[0], half, band[1]) == left_of_incoming


def test_none_switches_at_once(qapp) -> None:
    clock = FakeClock()
    content = titles_content(transition="none")
    show, _ = make_show(content, clock)
    run_until(show, clock, 2.0)
    assert show.show.transition is None
    assert frame(show, 2.0) == rendered(content, 1, 0.0)


def test_reduced_motion_means_no_transition_and_settled_panels(qapp) -> None:
    clock = FakeClock()
    content = titles_content(transition="fade", reduced_motion=True)
    show, _ = make_show(content, clock)
    assert show.tick(0.0) == 2.0  # nothing moves, so no frame ticks
    run_until(show, clock, 2.0)
    assert show.show.transition is None
    assert frame(show, 2.0) == rendered(content, 1, None)


# faulty panels ----------------------------------------------------------------------
def break_paint(show: PaintedShow, index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("broken view")

    view = show.stages.stage_for(show.show.source).view(index, show.show.language)
    assert view is not None
    monkeypatch.setattr(view, "paint", boom)


@pytest.mark.parametrize("transition", ["none", "fade"])
def test_a_panel_that_fails_to_paint_is_skipped_and_logged(
    qapp, monkeypatch, caplog, transition
) -> None:
    clock = FakeClock()
    show, listener = make_show(titles_content(transition=transition), clock)
    break_paint(show, 1, monkeypatch)
    with caplog.at_level(logging.ERROR, logger="kiosk.ui.stage"):
        run_until(show, clock, 25.0)
    after_failure = listener.ids()[listener.ids().index("beta") + 1:]
    assert "beta" not in after_failure
    assert after_failure[:4] == ["gamma", "alpha", "gamma", "alpha"]
    assert show.show.chrome(clock.now).count == 2
    failures = [r for r in caplog.records if "failed to paint" in r.getMessage()]
    assert len(failures) == 1 and failures[0].exc_info is not None
    assert "'beta'" in failures[0].getMessage()


def test_the_visitor_never_sees_the_broken_panel(qapp, monkeypatch) -> None:
    clock = FakeClock()
    content = titles_content()
    show, _ = make_show(content, clock)
    break_paint(show, 1, monkeypatch)
    run_until(show, clock, 2.5)
    assert show.show.panel_id == "gamma"
    assert frame(show, 2.5) != rendered(content, 1, 0.5)


# staged content -----------------------------------------------------------------------
def test_new_content_waits_for_the_next_panel_boundary(qapp) -> None:
    clock = FakeClock()
    show, listener = make_show(titles_content(), clock)
    run_until(show, clock, 1.0)
    before = frame(show, 1.0)
    newer = titles_content(("delta", "echo"))
    show.show.stage_content(as_source(newer), 1.0)
    run_until(show, clock, 1.9)
    assert show.show.panel_id == "alpha"
    assert frame(show, 1.0) == before
    run_until(show, clock, 2.0)
    assert listener.ids() == ["alpha", "echo"]
    assert frame(show, 2.0) == rendered(newer, 1, 0.0)
    assert show.show.chrome(2.0).count == 2


def test_new_content_replaces_the_fallback_at_once(qapp) -> None:
    clock = FakeClock()
    fallback = as_source(titles_content(("fallback",)), origin="fallback")
    show, listener = make_show(fallback, clock)
    show.show.stage_content(as_source(titles_content()), 0.5)
    assert listener.ids() == ["fallback", "alpha"]
    assert len(show.show.content.panels) == 3


# language and chrome --------------------------------------------------------------------
def test_language_toggle_switches_texts_and_is_recorded(qapp) -> None:
    clock = FakeClock()
    show, listener = make_show(titles_content(), clock)
    run_until(show, clock, 1.0)
    english = frame(show, 1.0)
    show.show.toggle_language(1.0)
    assert show.show.language == "fr"
    assert listener.shown[-1] == (1.0, "alpha", "fr")
    assert ("language", "alpha", "fr") in listener.interactions
    assert show.show.chrome(1.0).next_language == "en"
    view = show.stages.stage_for(show.show.source).view(show.show.index, show.show.language)
    assert view is not None and view.visible_texts() == ["alpha FR"]
    assert different_pixels(frame(show, 1.0), english) > 20
    show.show.toggle_language(1.5)
    assert show.show.language == "en"


def test_chrome_at_rest(qapp) -> None:
    clock = FakeClock()
    show, _ = make_show(titles_content(), clock)
    run_until(show, clock, 7.5)
    chrome = show.show.chrome(7.5)
    assert (chrome.count, chrome.current, chrome.language, chrome.next_language) == (
        3, 2, "en", "fr"
    )
    assert chrome.controls_opacity == 0.0 and chrome.countdown is None
    assert not chrome.paused and not chrome.problem_marker


def test_a_touch_shows_the_controls_then_they_fade(qapp) -> None:
    clock = FakeClock()
    show, _ = make_show(titles_content(), clock)
    run_until(show, clock, 1.0)
    untouched = frame(show, 1.0)
    show.show.touch(1.0)
    assert show.show.chrome(1.0).controls_opacity == 1.0
    assert frame(show, 1.0) != untouched  # the arrows are drawn
    assert show.show.chrome(6.2).controls_opacity == pytest.approx(0.5)
    assert show.show.chrome(6.5).controls_opacity == 0.0
    assert frame(show, 6.5) == untouched


def test_a_touch_holds_the_rotation_until_the_idle_reset(qapp) -> None:
    clock = FakeClock()
    show, listener = make_show(titles_content(), clock)
    run_until(show, clock, 2.5)
    show.show.toggle_language(2.5)
    run_until(show, clock, 28.0)
    assert show.show.panel_id == "beta"
    assert show.show.chrome(28.0).countdown == 5  # idle 30 s: "returning in 5" at 27.5 s
    run_until(show, clock, 32.6)
    assert ("idle_reset", "beta", None) in listener.interactions
    assert listener.shown[-1][1:] == ("alpha", "en")
    assert show.show.chrome(32.6).countdown is None


def test_pause_is_shown_and_stops_the_rotation(qapp) -> None:
    clock = FakeClock()
    show, listener = make_show(titles_content(), clock)
    show.show.toggle_pause(0.5)
    assert show.show.chrome(0.5).paused
    run_until(show, clock, 9.0)
    assert listener.ids() == ["alpha"]


def test_start_begins_the_panel_afresh_on_screen(qapp) -> None:
    clock = FakeClock(100.0)
    content = titles_content()
    show = PaintedShow(content, clock.now, SIZE)
    clock.advance(1.5)
    show.show.start(clock.now)
    assert show.show.panel_time(clock.now) == 0.0
    assert frame(show, clock.now) == rendered(content, 0, 0.0)
    assert show.tick(clock.now + 1.0) == clock.now + content.dwell_for(0)


def test_a_staged_panel_that_fails_to_build_while_warming_up_is_never_shown(
    qapp, monkeypatch
) -> None:
    clock = FakeClock()
    show, listener = make_show(titles_content(), clock)
    newer = as_source(titles_content(("delta", "echo")))
    show.show.stage_content(newer, 0.5)
    real = stage_module.build_view

    def build(panel, ctx):
        if panel.id == "echo":
            raise ValueError("no view for you")
        return real(panel, ctx)

    monkeypatch.setattr(stage_module, "build_view", build)
    assert show.stages.stage_for(newer).view(1, "en") is None  # a warm-up job fails
    show.tick(0.6)  # the app reports failures after each tick
    run_until(show, clock, 6.0)
    assert listener.ids()[1] == "delta" and "echo" not in listener.ids()
    assert show.show.chrome(6.0).count == 1
