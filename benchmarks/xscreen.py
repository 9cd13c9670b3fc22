"""An Xvfb screen for the benchmarks, and a cheap way to read pixels off it.

Both apps are timed the same way: the benchmark polls the X server's root window
(Xvfb has no compositor, so the root window holds exactly what is on screen)
with `XGetImage` through ctypes. Reading one pixel costs a few microseconds, so
polling every 2 ms does not slow the app being timed.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ALL_PLANES = ctypes.c_ulong(0xFFFFFFFF)
Z_PIXMAP = 2


class XImage(ctypes.Structure):
    """The leading fields of Xlib's XImage (enough to read a 32-bit ZPixmap)."""

    _fields_ = (
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_ubyte)),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
    )


def _xlib() -> ctypes.CDLL:
    lib = ctypes.CDLL("libX11.so.6")
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
    lib.XGetImage.restype = ctypes.POINTER(XImage)
    lib.XGetImage.argtypes = (
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_ulong,
        ctypes.c_int,
    )
    lib.XDestroyImage.argtypes = (ctypes.POINTER(XImage),)
    lib.XCloseDisplay.argtypes = (ctypes.c_void_p,)
    return lib


class Pixels:
    """Reads pixels of a screen, given `rgb_rows` (a rectangle as rows of B, G, R, X bytes)."""

    def rgb_rows(self, x: int, y: int, width: int, height: int) -> list[bytes]:
        """Pixels of a rectangle as rows of B, G, R, X bytes (32-bit TrueColor)."""
        raise NotImplementedError

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        """The (r, g, b) of one pixel."""
        rows = self.rgb_rows(x, y, 1, 1)
        if not rows:
            return (0, 0, 0)
        blue, green, red = rows[0][:3]
        return red, green, blue

    def brightest(self, x: int, y: int, width: int, height: int) -> int:
        """The largest channel value in a rectangle (0 to 255)."""
        rows = self.rgb_rows(x, y, width, height)
        return max((max(row[c::4]) for row in rows for c in range(3)), default=0)


class Screen(Pixels):
    """Reads pixels of the root window of an X display."""

    def __init__(self, display: str) -> None:
        self._x = _xlib()
        self._display = self._x.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display}")
        self._root = self._x.XDefaultRootWindow(self._display)

    def rgb_rows(self, x: int, y: int, width: int, height: int) -> list[bytes]:
        """Pixels of a rectangle as rows of B, G, R, X bytes (32-bit TrueColor)."""
        image = self._x.XGetImage(
            self._display, self._root, x, y, width, height, ALL_PLANES, Z_PIXMAP
        )
        if not image:
            return []
        try:
            info = image.contents
            raw = ctypes.string_at(info.data, info.bytes_per_line * info.height)
            return [
                raw[row * info.bytes_per_line : row * info.bytes_per_line + width * 4]
                for row in range(info.height)
            ]
        finally:
            self._x.XDestroyImage(image)

    def close(self) -> None:
        """Close the connection to the X server."""
        if self._display:
            self._x.XCloseDisplay(self._display)
            self._display = None


class FakePointer:
    """A finger on the screen, through the XTest extension (what xdotool uses).

    Events go to the X server at once (`XFlush`), so `swipe` knows to the
    microsecond when the finger lifted.
    """

    def __init__(self, display: str) -> None:
        self._x = _xlib()
        self._xtst = ctypes.CDLL("libXtst.so.6")
        self._xtst.XTestFakeMotionEvent.argtypes = (
            ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_ulong)
        self._xtst.XTestFakeButtonEvent.argtypes = (
            ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong)
        self._x.XFlush.argtypes = (ctypes.c_void_p,)
        self._display = self._x.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display}")

    def _move(self, x: int, y: int) -> None:
        self._xtst.XTestFakeMotionEvent(self._display, -1, x, y, 0)
        self._x.XFlush(self._display)

    def _button(self, down: bool) -> None:
        self._xtst.XTestFakeButtonEvent(self._display, 1, int(down), 0)
        self._x.XFlush(self._display)

    def swipe(self, y: int, start: int, end: int, seconds: float = 0.06, steps: int = 6) -> float:
        """Press at (`start`, `y`), move to `end` over `seconds`, lift; return when it lifted.

        The time is `time.monotonic()` just before the release is sent.
        """
        self._move(start, y)
        self._button(True)
        for step in range(1, steps + 1):
            time.sleep(seconds / steps)
            self._move(start + (end - start) * step // steps, y)
        lifted = time.monotonic()
        self._button(False)
        return lifted

    def close(self) -> None:
        """Close the connection to the X server."""
        if self._display:
            self._x.XCloseDisplay(self._display)
            self._display = None


@contextmanager
def xvfb(
    width: int, height: int, display: str | None = None, fbdir: Path | None = None
) -> Iterator[str]:
    """Run an Xvfb of `width` x `height` (24-bit, black root) and yield its DISPLAY.

    `display` (":N") picks the display number; by default Xvfb takes the first free one.
    With `fbdir`, the screen's pixels are kept in a file there (see `framebuffer`).
    """
    read_fd, write_fd = os.pipe()
    chosen = [display] if display else []
    chosen += ["-fbdir", str(fbdir)] if fbdir else []
    log = Path(tempfile.gettempdir()) / "kiosk-bench-xvfb.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [
                "Xvfb",
                *chosen,
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
                "-br",
                "-noreset",
            ],
            pass_fds=(write_fd,),
            stdout=log_file,
            stderr=log_file,
        )
    os.close(write_fd)
    try:
        display = ":" + _read_display(read_fd, process)
        yield display
    finally:
        os.close(read_fd)
        process.terminate()
        process.wait(timeout=10)


def _read_display(fd: int, process: subprocess.Popen) -> str:
    """The display number Xvfb writes to -displayfd once it accepts connections."""
    deadline = time.monotonic() + 15
    text = b""
    while not text.endswith(b"\n"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("Xvfb did not start; see kiosk-bench-xvfb.log in the temp folder")
        chunk = os.read(fd, 16)
        if not chunk:
            break
        text += chunk
    return text.decode().strip()
