"""The video on screen: one player at a time, for the video panel being shown.

It follows the show (`follow`): the video starts when a video panel comes on screen
and stops when the panel goes, or the booth closes; meanwhile every new frame repaints
the window, and nothing else does: a video panel that is not on screen costs nothing, and a playing
one asks the ticker for no frames (its entrance over, the show is still). After a stop
the last frame stays available, so the panel fades out on the picture the visitor
saw. A player that cannot be made, or a file that does not play, is logged once
and leaves the poster on screen.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from kiosk.core.content.reader import not_regular
from kiosk.mpvlib import video_support
from kiosk.ui.panels.base import media_path
from kiosk.ui.video import VideoPlayer

if TYPE_CHECKING:
    from kiosk.core.show.presentation import Presentation

log = logging.getLogger(__name__)


class VideoScreen(QObject):
    """At most one playing video, and the last frame of the one before.

    Signals
    -------
    frame_ready
        The video on screen has a new frame: repaint.
    """

    frame_ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._player: VideoPlayer | None = None
        self._last: tuple[Path, QImage] | None = None
        self._failed: set[Path] = set()
        self._support: str | bool | None = False  # False: not checked yet

    def follow(self, show: Presentation, window: QWidget) -> None:
        """Play the video of each video panel `show` puts on screen; frames repaint `window`."""
        self.frame_ready.connect(window.update)
        events = show.events
        events.content_applied.connect(lambda _event: self.forget_failures())
        events.panel_changed.connect(lambda _event: self.show_panel(show, window))
        events.opening_changed.connect(lambda _event: self.show_panel(show, window))

    def show_panel(self, show: Presentation, window: QWidget) -> None:
        """Play the video of the panel on screen, if it is a video panel; else stop.

        Outside opening hours no panel is on screen: nothing plays.
        """
        panel: Any = show.content.panels[show.index]
        path = None
        if panel.kind == "video" and show.open:  # a video leading out of the folder is None
            path = media_path(show.source.content_dir, panel.video, "video")
        if path is None:
            self.stop()
            return
        ratio = window.devicePixelRatioF()
        size = QSize(round(window.width() * ratio), round(window.height() * ratio))
        self.play(path, size, muted=panel.muted)

    def support(self) -> str | None:
        """None when videos can play here, else why not (checked once, logged once)."""
        if self._support is False:
            self._support = video_support()
            if self._support is not None:
                log.warning("videos show their poster: %s", self._support)
        return self._support  # type: ignore[return-value]

    def play(self, path: Path, size: QSize, *, muted: bool = True) -> bool:
        """Start the video at `path`, rendered at `size`; False when it cannot play."""
        self.stop()
        self._last = None
        if path in self._failed or self.support() is not None:
            return False
        kind = not_regular(path)
        if kind is not None:  # a named pipe or a device is not a video: the poster stays
            log.warning("video %s is %s, not a video file; its poster is shown", path, kind)
            self._failed.add(path)
            return False
        try:
            player = VideoPlayer(path, size, muted=muted)
        except Exception:  # a player that cannot start must not take the kiosk down
            log.exception("video %s cannot start; its poster is shown", path)
            self._failed.add(path)
            return False
        player.frame_ready.connect(self.frame_ready)
        player.failed.connect(lambda _reason: self._give_up(player))
        self._player = player
        return True

    def _give_up(self, player: VideoPlayer) -> None:
        """The file does not play: keep its poster up until the content changes."""
        self._failed.add(player.path)
        if player is self._player:
            self._player = None
            player.close()
            self.frame_ready.emit()  # repaint: the poster again

    def stop(self) -> None:
        """Stop the video, keeping its last frame for the panel's way out."""
        player, self._player = self._player, None
        if player is None:
            return
        if player.frames:
            self._last = (player.path, player.image.copy())
        player.close()

    def forget_failures(self) -> None:
        """New content: try every video again (a replaced file may play now)."""
        self._failed.clear()

    def playing(self, path: Path) -> bool:
        """True while the video at `path` plays and has shown a frame."""
        player = self._player
        return player is not None and player.path == path and player.playing

    def frame(self, path: Path) -> QImage | None:
        """The latest frame of `path`: the playing one's, or the last before a stop."""
        if self.playing(path):
            return self._player.image  # type: ignore[union-attr]
        if self._last is not None and self._last[0] == path:
            return self._last[1]
        return None
