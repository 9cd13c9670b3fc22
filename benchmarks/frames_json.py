"""Frame-time p95 of the stats count-up and of a fade, as JSON, for benchmarks/run.py.

Uses the measurement functions of benchmarks/frame_time.py unchanged. With
`--clock cpu` each frame is timed by the thread's CPU time instead of the wall
clock: software rendering runs in the calling thread, so on a quiet machine both
agree, and on a busy one the CPU figure leaves out the time other work took.

    python benchmarks/frames_json.py [--frames 300] [--clock wall|cpu]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import frame_time
from PySide6.QtWidgets import QApplication


def p95_ms(samples: list[float]) -> float:
    """The 95th percentile of `samples` (seconds) in milliseconds, as frame_time computes it."""
    ms = sorted(s * 1000 for s in samples)
    return ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]


def main() -> int:
    """Print {"1920x1080": {"count_up": p95, "fade": p95, "layout": ms}, ...}."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--content", type=Path, default=frame_time.ROOT / "content.json")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = parser.parse_args()
    if args.clock == "cpu":
        time.perf_counter = time.thread_time  # frame_time reads time.perf_counter
    app = QApplication.instance() or QApplication([])
    result = {}
    for size in frame_time.SIZES:
        view = frame_time.stats_view(args.content, "en")
        first, samples = frame_time.time_count_up(view, size, args.frames)
        blend = frame_time.time_transition(size, args.frames)
        result[f"{size[0]}x{size[1]}"] = {
            "layout_ms": first * 1000,
            "count_up_p95_ms": p95_ms(samples),
            "fade_p95_ms": p95_ms(blend) if blend else None,
        }
    print(json.dumps(result))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
