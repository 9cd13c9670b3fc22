"""Frame times of a photo panel's slow zoom, and CPU while a 1080p video loops.

The zoom: a photo panel painted through its zoom (the stage paints it every frame
until it settles), into a QImage at 1920x1080 and 3840x2160 (software rendering, as on
the booth PC); p50 / p95 / max milliseconds per frame, and the first frame (decoding
the photo, measuring its veil) on its own.

The video: a 1080p H.264 loop made with ffmpeg plays on a video panel for `--seconds`
(30), every new frame painted through the stage into a 1920x1080 image as the window
would; the CPU time of the whole process (mpv's decoding threads included) over that
time, as a share of one core. Skipped, with the reason, without ffmpeg or the player.

    python benchmarks/media.py [--frames 300] [--seconds 30] [--json] [--no-video]

benchmarks/run.py takes the zoom's figures from here, and measures the video's CPU on
the X screen, in a kiosk process (this in-process figure is a cross-check).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from clip import make_clip  # noqa: E402
from PySide6.QtCore import QRectF, QSize  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.core.content.model import Content  # noqa: E402
from kiosk.mpvlib import video_support  # noqa: E402
from kiosk.ui.stage import Stage  # noqa: E402
from kiosk.ui.videoscreen import VideoScreen  # noqa: E402
from tests.ui.photo import PHOTO, media_document, save_photo  # noqa: E402

SIZES = ((1920, 1080), (3840, 2160))


def ms(samples: list[float]) -> dict[str, float]:
    """p50 / p95 / max of `samples` (seconds) in milliseconds."""
    values = sorted(s * 1000 for s in samples)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return {"p50": statistics.median(values), "p95": p95, "max": values[-1]}


def zoom_frames(folder: Path, size: tuple[int, int], frames: int) -> dict[str, float]:
    """Milliseconds per frame of the photo panel through its zoom, and its first frame."""
    stage = Stage(Content.model_validate(media_document()), folder)
    settle = stage.settle_seconds(0, "en")
    image = QImage(*size, QImage.Format.Format_RGB32)
    rect = QRectF(0, 0, *size)
    samples = []
    for index in range(frames + 1):
        painter = QPainter(image)
        start = time.perf_counter()
        stage.paint(painter, rect, 0, "en", settle * index / frames * 0.999)
        samples.append(time.perf_counter() - start)
        painter.end()
    return {"first": samples[0] * 1000, **ms(samples[1:])}


def video_cpu(folder: Path, seconds: float) -> dict[str, float | str]:
    """CPU share of one core while a 1080p loop plays on screen for `seconds`."""
    reason = video_support() or (None if shutil.which("ffmpeg") else "ffmpeg is not installed")
    if reason is not None:
        return {"skipped": reason}
    clip = folder / "loop.mp4"
    make_clip(clip)
    document = {"languages": ["en"], "default_language": "en", "panels": [
        {"id": "loop", "kind": "video", "video": clip.name, "poster": PHOTO}]}
    screen = VideoScreen()
    stage = Stage(Content.model_validate(document), folder, videos=screen)
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    painted = [0]

    def paint() -> None:
        painter = QPainter(image)
        stage.paint(painter, QRectF(0, 0, 1920, 1080), 0, "en", 100.0)
        painter.end()
        painted[0] += 1

    screen.frame_ready.connect(paint)
    screen.play(clip, QSize(1920, 1080))
    app = QApplication.instance()
    start, cpu = time.monotonic(), time.process_time()
    while time.monotonic() - start < seconds:
        app.processEvents()  # type: ignore[union-attr]
        time.sleep(0.002)
    wall, used = time.monotonic() - start, time.process_time() - cpu
    screen.stop()
    return {"seconds": wall, "cpu_seconds": used, "core_share": used / wall,
            "frames_painted": painted[0], "fps": painted[0] / wall}


def main() -> int:
    """Print the zoom's frame times and the video's CPU (as JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-video", action="store_true", help="the zoom only")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="time each zoom frame by the wall clock or the thread's CPU time")
    args = parser.parse_args()
    if args.clock == "cpu":
        time.perf_counter = time.thread_time  # zoom_frames reads time.perf_counter
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        save_photo(folder / PHOTO)
        result: dict[str, object] = {
            f"zoom {w}x{h}": zoom_frames(folder, (w, h), args.frames) for w, h in SIZES
        }
        if not args.no_video:
            result["video 1080p"] = video_cpu(folder, args.seconds)
    if args.json:
        print(json.dumps(result))
    else:
        for name, values in result.items():
            shown = "  ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                              for k, v in values.items())  # type: ignore[attr-defined]
            print(f"{name:<16} {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
