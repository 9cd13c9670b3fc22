"""The first loop of a freshly started kiosk: how long does the event loop ever wait?

Starts the kiosk in this process (offscreen, windowed at 1920x1080, real clock) on
the shipped content with every dwell at `--dwell` seconds, runs one full loop of
the panels, and times every tick of the app (the show moving on, a transition
starting, a warm-up job) and every paint. A long tick is a moment when a swipe
or a tap would wait, and a transition that starts late; without the warm-up,
the first transition to the statistics panel waited for numpy and pyqtgraph to
import. A long paint keeps a tap waiting as much: the first frame of a transition
paints both its pictures. `longest_wait_ms` is the longest of either. Warm-up jobs
run only while nothing moves, so they are reported apart.
Prints one JSON object (milliseconds).

    python benchmarks/first_loop.py [--dwell 2] [--no-warmup]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from apps import content_copy  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.boot import RunOptions  # noqa: E402
from kiosk.ui.app import KioskApp  # noqa: E402

SIZE = (1920, 1080)


class Timings:
    """Durations of ticks (split by kind) and paints, in milliseconds."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.warmup: list[float] = []
        self.paints: list[float] = []

    def summary(self) -> dict[str, float]:
        """The longest of each kind, and how many ticks there were."""
        return {
            "longest_wait_ms": max(self.ticks + self.paints, default=0.0),
            "longest_tick_ms": max(self.ticks, default=0.0),
            "longest_paint_ms": max(self.paints, default=0.0),
            "longest_warmup_job_ms": max(self.warmup, default=0.0),
            "ticks": len(self.ticks),
            "warmup_jobs": len(self.warmup),
        }


def instrument(app: KioskApp, timings: Timings) -> None:
    """Time every tick handler call and every paint of the show."""
    on_tick, paint = app.ticker._on_tick, app.view.paint

    def timed_tick(now: float) -> float | None:
        jobs_before = len(app.warmup.done)
        start = time.perf_counter()
        due = on_tick(now)
        spent = (time.perf_counter() - start) * 1000
        (timings.warmup if len(app.warmup.done) > jobs_before else timings.ticks).append(spent)
        return due

    def timed_paint(*args: object) -> None:
        start = time.perf_counter()
        paint(*args)
        timings.paints.append((time.perf_counter() - start) * 1000)

    app.ticker._on_tick = timed_tick
    app.view.paint = timed_paint  # type: ignore[method-assign]


def main() -> int:
    """Run one loop and print the JSON summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dwell", type=float, default=2.0)
    parser.add_argument("--no-warmup", action="store_true", help="turn the warm-up off")
    args = parser.parse_args()
    qt = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="kiosk-first-loop-") as work:
        folder = Path(work)
        options = RunOptions(content_copy(folder, args.dwell), folder, windowed=True, size=SIZE)
        app = KioskApp(options, folder)
        if args.no_warmup:
            app.warmup.add = lambda jobs: None  # type: ignore[method-assign]
        timings = Timings()
        instrument(app, timings)
        shown: list[str] = []
        app.show.events.panel_changed.connect(lambda event: shown.append(event.panel_id))
        app.start()
        loop_end = time.monotonic() + 60
        panels = len(app.show.content.panels)
        while len(shown) < panels and time.monotonic() < loop_end:  # back at the first
            qt.processEvents()
            time.sleep(0.001)
        app.shutdown()
    print(json.dumps({**timings.summary(), "panels_shown": len(shown)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
