"""Memory growth over many panel changes: the show driven in-process by a fake clock.

The shipped content rotates through the show (`Presentation`, drawn by `ShowView`)
as fast as the CPU allows: the clock
jumps straight to each deadline the show asks for, and every panel is painted
mid-transition, while animating and settled (software raster, like the booth).
After one warm-up loop (every view built, pyqtgraph imported, caches full) the
Python heap (tracemalloc) and the process RSS are read before and after N panel
changes. Prints one JSON object.

    python benchmarks/churn.py [--changes 10000] [--size 192x108]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from procfs import rss_kib  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.core.content.load import load  # noqa: E402
from kiosk.core.content.source import Source  # noqa: E402
from kiosk.core.show.events import PanelChanged  # noqa: E402
from kiosk.core.show.presentation import Presentation  # noqa: E402
from kiosk.core.show.timing import FRAME_SECONDS  # noqa: E402
from kiosk.ui.show_view import ShowView  # noqa: E402
from kiosk.ui.stage import Stages  # noqa: E402

FRAME_SKIP = 0.5  # seconds the fake clock jumps while something animates


class Counter:
    """Counts the panel changes of a show."""

    def __init__(self) -> None:
        self.shown = 0

    def panel_changed(self, _event: PanelChanged) -> None:
        """A panel appeared."""
        self.shown += 1


class Driver:
    """Runs the show on a fake clock, painting a few frames of every panel."""

    def __init__(self, content_path: Path, size: tuple[int, int]) -> None:
        content = load(content_path).content
        if content is None:
            raise SystemExit(f"{content_path} does not load")
        self.now = 1000.0
        self.counter = Counter()
        stages = Stages()
        source = Source(content, content_path.parent, "file")
        self.show = Presentation(source, self.now, timing=stages)
        self.show.events.panel_changed.connect(self.counter.panel_changed)
        self.view = ShowView(self.show, stages)
        self.image = QImage(*size, QImage.Format.Format_RGB32)
        self.rect = QRectF(0, 0, *size)

    def paint(self) -> None:
        """Paint the frame at the current fake time, as the window does."""
        painter = QPainter(self.image)
        self.view.paint(painter, self.rect, self.now)
        painter.end()
        self.view.report_failures(self.now)

    def step(self) -> None:
        """Tick, paint, and move the clock to the next deadline (or a few frames on)."""
        due = self.show.tick(self.now)
        self.paint()
        if due is None or due - self.now <= FRAME_SECONDS * 1.5:
            self.now += FRAME_SKIP
        else:
            self.now = due

    def changes(self, count: int) -> None:
        """Run until `count` more panels have been shown; switch language now and then."""
        target = self.counter.shown + count
        while self.counter.shown < target:
            before = self.counter.shown
            self.step()
            if self.counter.shown != before and self.counter.shown % 97 == 0:
                self.show.toggle_language(self.now, cause="language")


def measure(content_path: Path, size: tuple[int, int], changes: int) -> dict[str, float]:
    """Warm up one loop, then report heap and RSS growth over `changes` panel changes."""
    driver = Driver(content_path, size)
    driver.changes(2 * len(driver.show.content.panels) + 2)
    gc.collect()
    rss_before = rss_kib(os.getpid())
    tracemalloc.start()
    started = time.perf_counter()
    driver.changes(changes)
    seconds = time.perf_counter() - started
    gc.collect()
    heap_growth, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = rss_kib(os.getpid())
    return {
        "changes": changes,
        "seconds": round(seconds, 2),
        "heap_growth_mb": heap_growth / 1e6,
        "rss_before_mb": rss_before / 1024,
        "rss_after_mb": rss_after / 1024,
        "rss_growth_mb": (rss_after - rss_before) / 1024,
    }


def main() -> int:
    """Print the growth as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--size", default="192x108")
    parser.add_argument("--content", type=Path, default=ROOT / "content.json")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.lower().split("x"))
    app = QApplication.instance() or QApplication([])
    print(json.dumps(measure(args.content, size, args.changes)))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
