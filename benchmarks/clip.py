"""A 1080p H.264 test clip for the video benchmarks, made with ffmpeg (no Qt here)."""

from __future__ import annotations

import subprocess
from pathlib import Path

SOURCE = "testsrc2=size=1920x1080:rate=30,noise=alls=8:allf=t"  # moving pattern, film noise


def make_clip(path: Path, seconds: int = 10) -> None:
    """Write a `seconds`-long 1080p30 H.264 clip at `path`."""
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", SOURCE, "-t", str(seconds), "-c:v", "libx264", "-preset", "veryfast",
                    "-pix_fmt", "yuv420p", str(path)], check=True, timeout=600)
