"""Video loops through mpv (the optional `video` extra): decoded, scaled, handed over as images.

The kiosk is painted with QPainter, so a video frame is an image the video panel
draws like any other picture: the chrome stays on top and panels cross-fade over
a playing video. mpv (python-mpv and the system's libmpv) decodes, in hardware
where the machine offers it (on a Raspberry Pi: H.264 through V4L2 M2M, HEVC
through V4L2 requests and DRM PRIME, copied back to memory), scales to the panel's
size and converts to RGB in one step through its software render API; the player
hands the frame over with `frame_ready`, from Qt's main thread.

Without the extra, without libmpv, or when a file will not play,
`kiosk.mpvlib.video_support` or `failed` says why, and the panel shows its poster.
"""

from __future__ import annotations

import ctypes
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage

from kiosk.mpvlib import load_mpv, video_support

__all__ = ["VideoPlayer", "video_support"]

log = logging.getLogger(__name__)

HWDEC = os.environ.get("KIOSK_HWDEC", "auto-copy")  # copy-back decoders: frames to memory
SW_FORMAT = "bgr0"  # bytes B, G, R, x: QImage.Format_RGB32 on a little-endian machine


class VideoPlayer(QObject):
    """Plays one video in a loop, rendering each frame into `image` (of the panel's size).

    Signals
    -------
    frame_ready
        A new frame is in `image` (emitted in Qt's main thread).
    failed(str)
        The file does not play; the reason, for the log.

    Raises
    ------
    ImportError, OSError
        From the constructor, when python-mpv or libmpv is missing (see `video_support`).
    """

    frame_ready = Signal()
    failed = Signal(str)
    _wake = Signal()  # from mpv's threads to Qt's main thread
    _ended = Signal(str)

    def __init__(self, path: Path, size: QSize, *, muted: bool = True) -> None:
        super().__init__()
        mpv = load_mpv()
        self.path = path
        self.frames = 0
        self.image = QImage(size, QImage.Format.Format_RGB32)
        self.image.fill(0)
        self._pointer = ctypes.addressof(ctypes.c_char.from_buffer(self.image.bits()))
        options: dict[str, Any] = {"vo": "libmpv", "hwdec": HWDEC, "loop_file": "inf",
                                   "keep_open": "no", "osc": False, "input_default_bindings":
                                   False, "terminal": False}
        if muted:
            options["audio"] = "no"
        self._mpv = mpv.MPV(**options)
        self._render = mpv.MpvRenderContext(self._mpv, "sw")
        self._wake.connect(self._draw, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._fail, Qt.ConnectionType.QueuedConnection)
        self._render.update_cb = self._wake.emit
        self._mpv.register_event_callback(self._on_event)
        self._mpv.play(str(path))

    def _on_event(self, event: Any) -> None:
        """In mpv's event thread: a file that ends with an error did not play."""
        data = event.as_dict()
        if data.get("event") == b"end-file" and data.get("reason") == b"error":
            self._ended.emit(str(data.get("file_error", b"cannot play"), "utf-8", "replace"))

    def _draw(self) -> None:
        """Render the new frame, if there is one, into `image`."""
        if self._render is None or not self._render.update():
            return
        size = self.image.size()
        self._render.render(sw_size={"w": size.width(), "h": size.height()},
                            sw_format=SW_FORMAT, sw_stride={"stride": self.image.bytesPerLine()},
                            sw_pointer=self._pointer)
        self.frames += 1
        self.frame_ready.emit()

    def _fail(self, reason: str) -> None:
        if self._render is None:  # closing ends the file too: that is no failure
            return
        log.warning("video %s does not play (%s); its poster is shown", self.path, reason)
        self.failed.emit(reason)

    @property
    def playing(self) -> bool:
        """True once a frame has been drawn, until `close`."""
        return self._render is not None and self.frames > 0

    def close(self) -> None:
        """Stop playing and let mpv go; `image` keeps the last frame."""
        render, self._render = self._render, None
        if render is None:
            return
        # The update callback stays set: replacing it would free the one mpv's thread may
        # be calling; none comes once free() has returned.
        render.free()
        self._mpv.terminate()
