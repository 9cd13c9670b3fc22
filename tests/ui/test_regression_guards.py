"""Performance regression guards that never time anything (issue 7).

- A settled panel costs no frame ticks: the app asks for its next tick at the
  next deadline (panel change, flush, heartbeat), never one frame later; with a
  real QTimer, ticks during a short wait happen only at such deadlines. A photo's
  slow zoom is part of its entrance: frames while it moves, none once it is done.
- Panel changes do not leak Qt objects: the live shiboken wrappers (QObjects,
  QPixmaps, QImages, ...) are counted before and after 1,000 panel changes on a
  fast-forwarded fake clock and must not grow.

Memory growth in bytes is measured by benchmarks/churn.py, not asserted here.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import shiboken6

from kiosk.core.content.load import load
from kiosk.core.show.events import LanguageChanged, PanelChanged
from kiosk.core.show.timing import FRAME_SECONDS
from kiosk.ui.app import KioskApp, RunOptions
from tests.support import ROOT, FakeClock, as_source, dwell_copy, write_content
from tests.ui.photo import PHOTO, media_document, save_photo
from tests.ui.support import PaintedShow

LONG_DWELL = 3600
TICK_SLACK = 0.005  # a QTimer rounds its delay up to whole milliseconds


@pytest.fixture
def make_app(qtbot, tmp_path: Path) -> Iterator[Callable[..., KioskApp]]:
    """Windowed KioskApps (offscreen) on the shipped content; shut down afterwards."""
    made: list[KioskApp] = []

    def build(
        dwell: float = LONG_DWELL, clock: Any = None, content: Path | None = None
    ) -> KioskApp:
        if content is None:
            content = dwell_copy(ROOT / "content.json", tmp_path / f"content{len(made)}", dwell)
        data_dir = tmp_path / f"data{len(made)}"
        data_dir.mkdir()
        size = (640, 360)
        options = RunOptions(content_path=content, data_dir=data_dir, windowed=True, size=size)
        app = KioskApp(options, data_dir, clock) if clock else KioskApp(options, data_dir)
        made.append(app)
        return app

    yield build
    for app in reversed(made):
        app.shutdown()


def settle_time(app: KioskApp, now: float) -> float:
    """When the panel on screen stops moving."""
    return app.show.settle_at()


# (1) a settled panel costs no frame ticks ----------------------------------------------
def test_settled_panel_asks_for_the_next_deadline_not_a_frame(make_app) -> None:
    clock = FakeClock(1000.0)
    app = make_app(clock=clock)
    assert app.tick(clock.now) == pytest.approx(clock.now + FRAME_SECONDS)  # entrance runs
    clock.now = settle_time(app, clock.now) + 0.01
    due = app.tick(clock.now)
    assert due is not None
    assert due - clock.now > 10 * FRAME_SECONDS
    deadlines = [app.show.tick(clock.now), app.records.tick(clock.now)]  # next panel, flush
    assert due == pytest.approx(min(d for d in deadlines if d is not None))


def test_settled_panel_stays_quiet_through_a_simulated_minute(make_app) -> None:
    clock = FakeClock(1000.0)
    app = make_app(clock=clock)
    clock.now = settle_time(app, clock.now) + 0.01
    end = clock.now + 60.0
    ticks = 0
    due = app.tick(clock.now)
    while due is not None and due < end:
        assert due - clock.now > 10 * FRAME_SECONDS, "a frame was asked for on a settled panel"
        clock.now = due
        due = app.tick(clock.now)
        ticks += 1
    assert ticks <= 60.0 / 10.0 + 2  # the 10 s heartbeat and a flush, nothing per frame


def test_a_photo_moves_through_its_zoom_then_asks_for_no_frames(make_app, tmp_path) -> None:
    document = media_document()
    document["panels"] = document["panels"][:1]  # the photo panel alone, its zoom as entrance
    document["settings"] = {"dwell_seconds": LONG_DWELL}
    folder = tmp_path / "photo"
    write_content(folder, document)
    save_photo(folder / PHOTO, 900, 600)
    clock = FakeClock(1000.0)
    app = make_app(clock=clock, content=folder / "content.json")
    settled = settle_time(app, clock.now)
    assert settled - clock.now > 5.0  # the zoom is part of the panel's entrance
    while clock.now < settled - 2 * FRAME_SECONDS:  # a frame at a time through the zoom
        assert app.tick(clock.now) == pytest.approx(clock.now + FRAME_SECONDS)
        clock.now += 0.5
    clock.now = settled + 0.01
    due = app.tick(clock.now)
    assert due is not None and due - clock.now > 10 * FRAME_SECONDS


def test_real_ticker_does_not_tick_between_deadlines_once_settled(make_app, qtbot) -> None:
    app = make_app()
    log: list[tuple[float, float | None]] = []
    handler = app.ticker._on_tick

    def recording(now: float) -> float | None:
        due = handler(now)
        log.append((now, due))
        return due

    app.ticker._on_tick = recording
    app.start()

    def settled_and_warmed() -> bool:
        settled = bool(log) and app.clock() > settle_time(app, 0) + 0.05
        return settled and not app.warmup.pending

    qtbot.waitUntil(settled_and_warmed, timeout=10000)
    qtbot.wait(50)
    first = len(log)
    before = app.ticker.tick_count
    qtbot.wait(300)
    during = log[first - 1 :]
    for (_, due), (now, _) in pairwise(during):
        assert due is not None and now >= due - TICK_SLACK, "a tick came before its deadline"
    assert all(due is None or due - now > 10 * FRAME_SECONDS for now, due in during)
    assert app.ticker.tick_count - before <= 2  # 300 ms of frames would be about 18


# (2) panel changes do not leak Qt objects ------------------------------------------------
class Changes:
    """Counts the panels shown (a language switch shows the panel again)."""

    def __init__(self, show: PaintedShow) -> None:
        self.count = 0
        show.show.events.panel_changed.connect(self.shown)
        show.show.events.language_changed.connect(self.shown)

    def shown(self, _event: PanelChanged | LanguageChanged) -> None:
        self.count += 1


def run_changes(show: PaintedShow, changes: Changes, clock: FakeClock, count: int) -> None:
    """Fast-forward the show through `count` panel changes, painting each one on the way."""
    target = changes.count + count
    while changes.count < target:
        due = show.tick(clock.now)
        show.frame(clock.now)
        frame = due is None or due - clock.now <= 1.5 * FRAME_SECONDS
        clock.now = clock.now + 0.5 if frame else due
        if changes.count % 7 == 0 and not frame:  # 7 and 6 panels: every pair comes up
            show.show.toggle_language(clock.now)


def live_wrappers() -> Counter[str]:
    """Live shiboken wrappers by type name, after a full garbage collection."""
    gc.collect()
    return Counter(type(obj).__name__ for obj in shiboken6.Shiboken.getAllValidWrappers())


def test_a_thousand_panel_changes_leave_no_qt_objects_behind(qapp) -> None:
    content = load(ROOT / "content.json").content
    assert content is not None
    clock = FakeClock(1000.0)
    show = PaintedShow(as_source(content, folder=ROOT), clock.now, (160, 90))
    changes = Changes(show)
    run_changes(show, changes, clock, 100)  # every view in both languages, caches full
    before = live_wrappers()
    run_changes(show, changes, clock, 1000)
    after = live_wrappers()
    grown = {name: after[name] - before[name] for name in after if after[name] > before[name]}
    assert not grown, f"live Qt objects grew over 1,000 panel changes: {grown}"
