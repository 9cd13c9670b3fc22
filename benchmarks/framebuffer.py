"""The screen as Xvfb holds it (`-fbdir`), and every distinct frame it shows.

`Xvfb -fbdir DIR` keeps its screen in ``DIR/Xvfb_screen0``, an XWD file: a
header (big-endian), a colormap, then the pixels, 32 bits each (B, G, R, X on
this little-endian server). Mapped read-only, the file shows what the server
draws as it draws it, without a round trip to the server: reading a pixel costs
nothing, and the whole screen can be read hundreds of times a second.

`FrameLog` does that in a thread of the benchmark (outside the app's cgroup): it
hashes every fourth row of the framebuffer (zlib's crc32, about 0.6 ms at
1920x1080: a whole screen took 2 ms, and left the apps measured less of this
2-core machine; no frame changes fewer than four rows: text, a bar, a dot) again and
again, and keeps the time each distinct frame was first seen. A frame counts
once two reads in a row see it: a read that overlaps the server's copy of a new
frame (a torn picture, half old, half new) is never counted as a frame.
"""

from __future__ import annotations

import mmap
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from xscreen import Pixels

HEADER = struct.Struct(">25I")  # XWDFileHeader: 25 CARD32, most significant byte first
COLOR_ENTRY = 12  # bytes per XWDColor in the colormap after the header
SCREEN_FILE = "Xvfb_screen0"
ROW_STEP = 4  # the checksum reads every fourth row


@dataclass(frozen=True)
class Layout:
    """Where the pixels are in the XWD file."""

    offset: int
    width: int
    height: int
    bytes_per_line: int


def xwd_layout(header: bytes) -> Layout:
    """The pixel layout of an XWD file from its first 100 bytes (32 bits per pixel)."""
    fields = HEADER.unpack_from(header)
    header_size, version, bits_per_pixel = fields[0], fields[1], fields[11]
    if version != 7 or bits_per_pixel != 32:
        raise ValueError(f"not a 32-bit XWD framebuffer (version {version}, {bits_per_pixel} bpp)")
    width, height, bytes_per_line, colours = fields[4], fields[5], fields[12], fields[19]
    return Layout(header_size + colours * COLOR_ENTRY, width, height, bytes_per_line)


class FrameBuffer(Pixels):
    """Xvfb's screen, read straight from its framebuffer file.

    Reads pixels like `xscreen.Screen`, so an app's first frame is found the same
    way on either.
    """

    def __init__(self, fbdir: Path) -> None:
        with (fbdir / SCREEN_FILE).open("rb") as file:
            self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        self.layout = xwd_layout(self._map[: HEADER.size])
        end = self.layout.offset + self.layout.bytes_per_line * self.layout.height
        self.pixels = memoryview(self._map)[self.layout.offset : end]
        rows = np.frombuffer(self.pixels, dtype=np.uint8)
        self._sampled = rows.reshape(self.layout.height, self.layout.bytes_per_line)[::ROW_STEP]

    def digest(self) -> int:
        """A checksum of every fourth row of the screen (`ROW_STEP`)."""
        return zlib.crc32(np.ascontiguousarray(self._sampled))

    def rgb_rows(self, x: int, y: int, width: int, height: int) -> list[bytes]:
        """Pixels of a rectangle as rows of B, G, R, X bytes."""
        step = self.layout.bytes_per_line
        return [bytes(self.pixels[row * step + x * 4 : row * step + (x + width) * 4])
                for row in range(y, y + height)]

    def close(self) -> None:
        """Let go of the mapping."""
        del self._sampled
        self.pixels.release()
        self._map.close()


@dataclass
class Waiter:
    """Someone waiting for the first frame, from `since` on, for which `test` holds."""

    test: Callable[[], bool]
    since: float
    seen: float | None = None
    done: threading.Event = field(default_factory=threading.Event)


class FrameLog:
    """The distinct frames the screen shows, each with the time it was first seen.

    Times are `time.monotonic()` seconds. Use as a context manager: the thread
    reads the screen from `__enter__` to `__exit__`.
    """

    def __init__(self, screen: FrameBuffer, pause: float = 0.0015) -> None:
        self.screen = screen
        self.pause = pause  # between two reads, so the thread leaves some room to others
        self.frames: list[float] = []
        self.reads = 0
        self._waiters: list[Waiter] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="frame-log", daemon=True)

    def __enter__(self) -> FrameLog:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def wait_for(self, test: Callable[[], bool], since: float, timeout: float) -> float | None:
        """The first time, from `since` on, a new frame shows what `test` looks for.

        `test` reads the screen (`FrameBuffer.pixel`) when a new frame has come;
        None when no such frame came within `timeout` seconds from now.
        """
        waiter = Waiter(test, since)
        with self._lock:
            self._waiters.append(waiter)
        waiter.done.wait(timeout)
        with self._lock:
            self._waiters.remove(waiter)
        return waiter.seen

    def between(self, start: float, end: float) -> list[float]:
        """When each frame first seen in [start, end) came."""
        with self._lock:
            return [t for t in self.frames if start <= t < end]

    def _run(self) -> None:
        last_read, last_read_at, counted = None, 0.0, None
        while not self._stop.is_set():
            read_at = time.monotonic()
            digest = self.screen.digest()
            self.reads += 1
            if digest == last_read and digest != counted:
                counted = digest
                self._new_frame(last_read_at)
            last_read, last_read_at = digest, read_at
            time.sleep(self.pause)

    def _new_frame(self, at: float) -> None:
        with self._lock:
            self.frames.append(at)
            for waiter in self._waiters:
                if waiter.seen is None and at >= waiter.since and waiter.test():
                    waiter.seen = at
                    waiter.done.set()
