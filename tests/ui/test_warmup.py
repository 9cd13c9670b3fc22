"""Warm-up after the first frame (issue 7): the slow imports and the other panels' views
are prepared while the screen is still, never before the first frame, never mid-animation.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

import kiosk.ui.stage as stage_module
from kiosk.core.content.load import load
from kiosk.core.show.timing import FRAME_SECONDS
from kiosk.ui.app import KioskApp
from kiosk.ui.stage import Stage
from kiosk.ui.warmup import Warmup
from tests.support import ROOT, dwell_copy
from tests.ui.support import KioskApps, running_kiosk, wait


# the queue ---------------------------------------------------------------------------
def test_jobs_run_one_at_a_time_in_order() -> None:
    ran: list[str] = []
    warmup = Warmup()
    warmup.add([("a", lambda: ran.append("a")), ("b", lambda: ran.append("b"))])
    warmup.run_one()
    assert ran == ["a"] and warmup.pending
    warmup.run_one()
    assert ran == ["a", "b"] and not warmup.pending
    assert list(warmup.done) == ["a", "b"]


def test_a_failing_job_is_logged_and_the_next_one_still_runs(caplog) -> None:
    ran: list[str] = []
    warmup = Warmup()
    warmup.add([("broken", lambda: 1 / 0), ("fine", lambda: ran.append("fine"))])
    with caplog.at_level(logging.ERROR, logger="kiosk.ui.warmup"):
        warmup.run_one()
    assert "warm-up step 'broken' failed" in caplog.text
    warmup.run_one()
    assert ran == ["fine"]


def test_clear_forgets_waiting_jobs() -> None:
    warmup = Warmup()
    warmup.add([("a", lambda: None)])
    warmup.clear()
    assert not warmup.pending
    warmup.run_one()  # nothing to run is fine
    assert not warmup.done


# what a stage warms ---------------------------------------------------------------------
def test_stage_jobs_import_the_chart_modules_then_build_the_slow_views_next_first(
    qapp, monkeypatch
) -> None:
    content = load(ROOT / "content.json").content
    assert content is not None
    stage = Stage(content, ROOT)
    built: list[str] = []
    real_build = stage_module.build_view

    def counting(panel, ctx):
        built.append(panel.id)
        return real_build(panel, ctx)

    monkeypatch.setattr(stage_module, "build_view", counting)
    jobs = stage.warm_jobs("fr", first=1)
    names = [name for name, _ in jobs]
    assert names[:2] == ["import numpy", "import pyqtgraph"]
    builds = [name for name in names if name.startswith("build ")]
    ids = [panel.id for panel in content.panels]
    slow = [p.id for p in content.panels[1:] + content.panels[:1] if p.kind == "stats"]
    assert slow and builds == [f"build {panel_id} (fr)" for panel_id in slow]
    for _, job in jobs:
        job()
    assert built == slow
    for index in range(stage.count):  # the slow views are there: only the others are built
        stage.view(index, "fr")
    assert sorted(built) == sorted(ids)
    assert len(built) == stage.count


def test_first_frame_imports_leave_out_numpy_and_pyqtgraph() -> None:
    """What `kiosk run` imports before its first frame (a fresh interpreter)."""
    probe = (
        "import sys, kiosk.boot, kiosk.core.content.source, kiosk.ui.app; "
        "late = ('numpy', 'pyqtgraph', 'kiosk.ui.panels.chart'); "
        "print(sorted(m for m in late if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert found.stdout.strip() == "[]"


# when the app warms ----------------------------------------------------------------------
def settle_at(kiosk: KioskApp) -> float:
    """When the panel on screen stops moving."""
    return kiosk.show.settle_at()


def test_nothing_is_warmed_before_the_first_frame(qtbot, tmp_path: Path) -> None:
    apps = KioskApps(tmp_path)
    try:
        kiosk = apps.build(dwell_copy(ROOT / "content.json", tmp_path, 12))
        kiosk.tick(kiosk.clock())
        assert not kiosk.first_frame_shown
        assert not kiosk.warmup.pending and not kiosk.warmup.done
    finally:
        apps.shutdown_all()


def test_warmup_waits_for_stillness_then_runs_to_the_end(qtbot, tmp_path: Path) -> None:
    with running_kiosk(qtbot, tmp_path, windowed=True) as kiosk:
        qtbot.waitUntil(lambda: kiosk.first_frame_shown, timeout=5000)
        assert kiosk.warmup.pending
        kiosk.tick(kiosk.clock())  # the entrance animates: no job runs
        assert not kiosk.warmup.done
        wait(kiosk, settle_at(kiosk) - kiosk.clock() + 0.01)
        count = 0
        while kiosk.warmup.pending:
            due = kiosk.tick(kiosk.clock())
            count += 1
            if kiosk.warmup.pending:  # more to do: the next tick at once
                assert due == pytest.approx(kiosk.clock())
        queued = kiosk.stages.stage_for(kiosk.show.source).warm_jobs(kiosk.show.language)
        assert count == len(kiosk.warmup.done) == len(queued) > 1  # one job per tick, all run
        due = kiosk.tick(kiosk.clock())
        assert due is not None and due - kiosk.clock() > 10 * FRAME_SECONDS  # quiet again


def test_no_warmup_while_the_operator_has_the_pin_pad(qtbot, tmp_path: Path) -> None:
    with running_kiosk(qtbot, tmp_path) as kiosk:  # full screen: the pad opens
        qtbot.waitUntil(lambda: kiosk.first_frame_shown, timeout=5000)
        wait(kiosk, settle_at(kiosk) - kiosk.clock() + 0.01)
        kiosk.request_admin()
        assert kiosk.pinpad.is_open
        kiosk.tick(kiosk.clock())
        assert kiosk.warmup.pending and not kiosk.warmup.done


def test_new_content_is_warmed_too(qtbot, tmp_path: Path) -> None:
    with running_kiosk(qtbot, tmp_path, windowed=True) as kiosk:
        qtbot.waitUntil(lambda: kiosk.first_frame_shown, timeout=5000)
        kiosk.warmup.clear()
        result = load(kiosk.content_path)
        kiosk.content_changed(result)
        assert kiosk.show.pending is not None and kiosk.warmup.pending
        while kiosk.warmup.pending:
            kiosk.warmup.run_one()
        panels = kiosk.show.pending.content.panels
        stats_id = next(panel.id for panel in panels if panel.kind == "stats")
        assert f"build {stats_id} (en)" in kiosk.warmup.done
