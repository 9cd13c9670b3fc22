"""Screens in step: the panel as a pure function of the wall clock, and shows that follow it.

Each show has its own monotonic clock (a kiosk's starts at boot) and reads the same
wall clock through its `WallClock`; shows started apart must agree at every moment.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.content.model import Content
from kiosk.core.content.schedule import local_instant
from kiosk.core.show.calendar import WallClock
from kiosk.core.show.moment import on_screen_at, plan
from kiosk.core.show.presentation import Presentation
from kiosk.core.show.synced import synced_slot
from kiosk.core.show.timing import StillPanels
from tests.support import as_source, title_panel

TORONTO = ZoneInfo("America/Toronto")
DWELLS = [5.0, 7.0, 3.0]  # a 15 s cycle


def at(text: str) -> float:
    return local_instant(datetime.fromisoformat(text), TORONTO)


def content(sync: bool = True, **changes: Any) -> Content:
    panels = [{**title_panel(name), "dwell_seconds": dwell}
              for name, dwell in zip(("alpha", "beta", "gamma"), DWELLS, strict=True)]
    document: dict[str, Any] = {
        "languages": ["en", "fr"], "default_language": "en", "panels": panels,
        "settings": {"sync_to_clock": sync, "transition": "fade", "transition_ms": 400,
                     "idle_timeout_seconds": 20},
        "schedule": {"timezone": "America/Toronto"},
    }
    document.update(changes)
    return Content.model_validate(document)


class Screen:
    """One kiosk: its own monotonic origin (`boot`: the wall time when its `now` was 0)."""

    def __init__(self, document: Content, boot: float, started: float) -> None:
        self.boot = boot
        clock = WallClock(lambda now: self.boot + now, TORONTO)
        self.show = Presentation(as_source(document), started - boot, timing=StillPanels(0.5),
                                 clock=clock)
        self.show.start(started - boot)
        self.due: float | None = started - boot

    def advance_to(self, wall: float) -> None:
        """Tick as the kiosk's ticker does, at every time the show asks for, up to `wall`."""
        end = wall - self.boot
        while self.due is not None and self.due <= end:
            now = self.due
            self.due = self.show.tick(now)
            if self.due is not None:
                self.due = max(self.due, now + 1e-6)

    def panel(self, wall: float) -> str:
        self.advance_to(wall)
        return self.show.panel_id


# the pure function ---------------------------------------------------------------------------
def test_the_cycle_starts_at_local_midnight() -> None:
    midnight = at("2026-12-05T00:00")
    assert synced_slot(DWELLS, (0, 1, 2), midnight, TORONTO).index == 0
    assert synced_slot(DWELLS, (0, 1, 2), midnight + 5.0, TORONTO).index == 1
    slot = synced_slot(DWELLS, (0, 1, 2), midnight + 3600 + 13.0, TORONTO)  # 3600 = 240 cycles
    assert (slot.index, slot.start - midnight, slot.end - midnight) == (2, 3612.0, 3615.0)
    assert synced_slot(DWELLS, (0, 2), midnight + 5.0, TORONTO).index == 2  # beta left out


def test_the_last_slot_of_a_day_is_cut_at_midnight_and_the_cycle_starts_again() -> None:
    next_midnight = at("2026-12-06T00:00")
    dwells = [7.0, 10.0]  # 17 s: 86400 s is 5082 cycles and 6 s, the last slot cut short
    last = synced_slot(dwells, (0, 1), next_midnight - 1.0, TORONTO)
    assert (last.index, last.start, last.end) == (0, next_midnight - 6.0, next_midnight)
    assert synced_slot(dwells, (0, 1), next_midnight, TORONTO).index == 0


@pytest.mark.parametrize("day", ["2026-03-08", "2026-11-01"])  # 23-hour and 25-hour days
def test_on_the_days_clocks_change_the_cycle_counts_real_seconds(day: str) -> None:
    midnight = at(f"{day}T00:00")
    noon = at(f"{day}T12:00")
    elapsed = noon - midnight
    assert elapsed in (11 * 3600, 13 * 3600)
    slot = synced_slot(DWELLS, (0, 1, 2), noon, TORONTO)
    assert slot.start - midnight == elapsed - elapsed % 15 + (5.0 if slot.index == 1 else 0)
    assert slot.index == (0 if elapsed % 15 < 5 else 1 if elapsed % 15 < 12 else 2)


# shows in step --------------------------------------------------------------------------------
def test_two_screens_started_apart_show_the_same_panel_at_every_moment() -> None:
    start = at("2026-12-05T23:58:00")  # across midnight
    first = Screen(content(), boot=start - 1000.0, started=start)
    second = Screen(content(), boot=start - 7.3, started=start + 4.2)  # booted, started later
    moments = [start + 4.2 + 0.05 * step for step in range(6000)]  # five minutes, 20 a second
    seen = [(first.panel(t), second.panel(t)) for t in moments]
    assert [t for t, (one, other) in zip(moments, seen, strict=True) if one != other] == []
    assert {one for one, _ in seen} == {"alpha", "beta", "gamma"}


def test_screens_change_panel_at_the_boundary_itself() -> None:
    start = at("2026-12-05T10:00:00")  # 36000 s after midnight: 2400 cycles, alpha starts
    screen = Screen(content(), boot=start - 50.0, started=start + 1.0)
    assert screen.panel(start + 4.999) == "alpha"
    assert screen.panel(start + 5.0) == "beta"
    assert screen.show.transition is not None and screen.show.transition.start == 55.0


def test_a_restarted_screen_rejoins_at_once() -> None:
    start = at("2026-12-05T10:00:00")
    running = Screen(content(), boot=start - 500.0, started=start)
    restarted = Screen(content(), boot=start + 100.0, started=start + 101.0)
    assert restarted.panel(start + 101.0) == running.panel(start + 101.0) == "beta"  # 5..12
    assert restarted.panel(start + 102.5) == running.panel(start + 102.5) == "gamma"


def test_after_a_visitor_leaves_the_screen_rejoins_the_common_rotation() -> None:
    start = at("2026-12-05T10:00:00")  # alpha until :05, beta until :12, gamma until :15
    quiet = Screen(content(), boot=start, started=start)
    visited = Screen(content(), boot=start - 3.0, started=start)
    visited.advance_to(start + 1.0)
    visited.show.previous(start + 1.0 - visited.boot)  # a visitor goes back to gamma, reads
    assert visited.panel(start + 6.0) == "gamma" != quiet.panel(start + 6.0)
    assert visited.panel(start + 20.0) == "gamma"  # held while the visitor is there
    # the idle reset comes 20 s after the touch (start + 21): back in step at once
    for t in (21.05, 21.5, 25.0, 30.0, 60.0):
        assert visited.panel(start + t) == quiet.panel(start + t), t


def test_dated_panels_change_the_cycle_for_every_screen_at_once() -> None:
    panels = [{**title_panel(name), "dwell_seconds": dwell}
              for name, dwell in zip(("alpha", "beta", "gamma"), DWELLS, strict=True)]
    panels[1]["show"] = {"from": "2026-12-05T10:01:00"}
    start = at("2026-12-05T10:00:00")
    screens = [Screen(content(panels=panels), boot=start - b, started=start + b)
               for b in (0.0, 2.5, 9.0)]
    shown = []
    for step in range(100, 1800):  # every 0.1 s from 10 s to 3 minutes
        t = start + step / 10 + 0.001
        panels = {screen.panel(t) for screen in screens}
        assert len(panels) == 1, step
        shown.append((step / 10, panels.pop()))
    assert "beta" not in {panel for t, panel in shown if t < 60}
    assert "beta" in {panel for t, panel in shown if t > 60}


def test_the_plan_is_what_every_screen_shows() -> None:
    start = at("2026-12-05T10:00:02")
    document = content()
    screen = Screen(document, boot=start - 30.0, started=start)
    moments = plan(document, start, start + 60.0, TORONTO)
    assert [m.panel for m in moments[:4]] == [0, 1, 2, 0]
    for moment in moments[1:]:
        assert moment.panel is not None
        assert screen.panel(moment.epoch + 0.01) == document.panels[moment.panel].id
    assert on_screen_at(document, start, TORONTO).ends == start + 3.0


def test_without_sync_to_clock_each_screen_keeps_its_own_rotation() -> None:
    start = at("2026-12-05T10:00:02")
    screen = Screen(content(sync=False), boot=start, started=start)
    assert screen.panel(start) == "alpha" and screen.panel(start + 5.0) == "beta"


def test_turning_sync_on_by_a_reload_brings_the_screen_into_step() -> None:
    start = at("2026-12-05T10:00:07")  # the common panel: beta, until :12
    document = content(sync=True)
    screen = Screen(content(sync=False), boot=start, started=start)
    assert screen.panel(start + 4.0) == "alpha"  # its own rotation: alpha for 5 s
    screen.show.stage_content(as_source(document), 4.0)
    assert screen.panel(start + 5.2) == "gamma"  # the boundary applies it: the common panel
    for t in (5.5, 8.1, 12.01, 20.01, 33.3):
        expected = on_screen_at(document, start + t, TORONTO).panel
        assert screen.panel(start + t) == document.panels[expected or 0].id, t
