"""screenshot.png: what visitors see, saved every few minutes for operators far away.

An operator with a fleet folder (each booth's data folder sent back by Syncthing)
opens one picture per booth to see that it shows the story, in which language, with
no error dot. The kiosk saves it every ``settings.screenshot_minutes`` (0: never),
a first one a few seconds after start so a restart shows at once. The window paints
itself into the picture, exactly as on screen, scaled to at most 960 pixels wide;
the file is replaced atomically, so a sync tool never sends half of one.

It is taken only when nothing moves on screen (no transition, no count-up), so the
picture is a settled panel and a visitor never sees a frame stutter for it, and never
while the operator's PIN pad is open: the pad is the operator's, not the booth's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageWriter, QPixmap

from kiosk.core.records.paths import SHARED_READ, AtomicFile

log = logging.getLogger(__name__)

MAX_WIDTH = 960
FIRST_SECONDS = 30.0  # after start (once the screen is ready): a restart shows soon


def png_bytes(picture: QPixmap | QImage, max_width: int = MAX_WIDTH) -> bytes:
    """`picture` as PNG bytes, scaled down (smoothly) to at most `max_width` pixels wide."""
    image = picture.toImage() if isinstance(picture, QPixmap) else picture
    if image.width() > max_width:
        image = image.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"PNG")).write(image)  # typed; QImage.save's stub is not
    buffer.close()
    return bytes(data.data())


class Screenshots:
    """Saves the screen to a file at an interval, when the screen is ready for it.

    Parameters
    ----------
    path
        Usually ``data_dir / SCREENSHOT_FILE``.
    grab
        Paints the window into a picture (`QWidget.grab`).
    minutes
        The interval now (it follows content reloads); 0 or less means never.
    ready
        Whether a picture may be taken at `now`: the screen is settled and the PIN
        pad closed.
    now
        The app's clock at start.
    """

    def __init__(
        self,
        path: Path,
        grab: Callable[[], QPixmap],
        minutes: Callable[[], float],
        ready: Callable[[float], bool],
        now: float,
    ) -> None:
        self.file = AtomicFile(path, mode=SHARED_READ)
        self._grab = grab
        self._minutes = minutes
        self._ready = ready
        self._first = now + FIRST_SECONDS
        self.taken_at: float | None = None

    def due(self) -> float | None:
        """When the next picture is due; None when screenshots are off."""
        interval = self._minutes() * 60
        if interval <= 0:
            return None
        return self._first if self.taken_at is None else self.taken_at + interval

    def tick(self, now: float) -> float | None:
        """Take the picture when due and the screen is ready; return when to look again.

        While the screen is not ready nothing is asked for: what holds it up brings
        the next tick (the show's frames, the first paint, the PIN pad's closing).
        """
        due = self.due()
        if due is None or now < due:
            return due
        if not self._ready(now):
            return None
        self.taken_at = now
        self.take()
        return self.due()

    def take(self) -> bool:
        """Save the screen now; False (logged at most once a minute) if that failed."""
        try:
            data = png_bytes(self._grab())
        except Exception:  # a picture for operators must never stop the show
            log.exception("could not take a screenshot")
            return False
        return self.file.write_bytes(data)
