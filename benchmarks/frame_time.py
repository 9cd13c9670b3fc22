"""Frame time of the statistics panel while it counts up, and of a transition blend.

Renders N frames of the stats panel through its count-up into a QImage (software
rendering, as on the booth PC) at 1920x1080 and 3840x2160 and prints p50 / p95 /
max milliseconds per size. A frame is what the stage does: fill the background,
then paint the view at `t`. The one-off layout (sprites, chart scene) is timed
separately. The blend of two full-screen pictures of a fade is timed too.

    python benchmarks/frame_time.py [--frames 300] [--content content.json]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QImage, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.core.content.load import load  # noqa: E402
from kiosk.ui.drawing.theme import Theme  # noqa: E402
from kiosk.ui.panels.base import ViewContext  # noqa: E402
from kiosk.ui.panels.stats import StatsView  # noqa: E402
from kiosk.ui.transition import Blend, paint_blend  # noqa: E402

SIZES = ((1920, 1080), (3840, 2160))


def stats_view(content_path: Path, language: str) -> StatsView:
    """The first stats panel of the content, as a view."""
    content = load(content_path).content
    if content is None:
        raise SystemExit(f"{content_path} does not load")
    panel = next(p for p in content.panels if p.kind == "stats")
    theme = Theme.from_settings(content.settings.theme)
    ctx = ViewContext(content, language, theme, content_path.parent)
    return StatsView(panel, ctx)


def summary(name: str, samples: list[float]) -> str:
    """p50 / p95 / max of `samples` (seconds) in milliseconds."""
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"{name:<28} p50 {statistics.median(ms):6.2f}  p95 {p95:6.2f}  max {ms[-1]:6.2f} ms"


def time_count_up(view: StatsView, size: tuple[int, int], frames: int) -> tuple[float, list[float]]:
    """Seconds for the first (layout) frame, and for each count-up frame after it."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    rect = QRectF(0, 0, *size)
    painter = QPainter(image)
    start = time.perf_counter()
    view.paint(painter, rect, 0.0)
    first = time.perf_counter() - start
    samples = []
    for i in range(frames):
        t = view.settle_seconds * i / max(1, frames - 1)
        start = time.perf_counter()
        painter.fillRect(rect, view.ctx.theme.background)
        view.paint(painter, rect, t)
        samples.append(time.perf_counter() - start)
    painter.end()
    return first, samples


def time_transition(size: tuple[int, int], frames: int) -> list[float]:
    """Seconds per frame of a fade between two full-screen pixmaps."""
    a, b = QPixmap(*size), QPixmap(*size)
    a.fill("#0F1B2D")
    b.fill("#172A44")
    blend = Blend(a, b, "fade")
    image = QImage(*size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    samples = []
    for i in range(frames):
        start = time.perf_counter()
        paint_blend(painter, QRectF(0, 0, *size), blend, i / max(1, frames - 1))
        samples.append(time.perf_counter() - start)
    painter.end()
    return samples


def main() -> int:
    """Print the frame-time table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--content", type=Path, default=ROOT / "content.json")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    for size in SIZES:
        view = stats_view(args.content, args.lang)
        first, samples = time_count_up(view, size, args.frames)
        label = f"{size[0]}x{size[1]}"
        print(f"{label} stats first frame (layout + sprites) {first * 1000:.1f} ms")
        print(summary(f"{label} stats count-up", samples))
        print(summary(f"{label} transition fade", time_transition(size, args.frames)))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
