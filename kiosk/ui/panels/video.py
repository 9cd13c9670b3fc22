"""The video panel: a muted loop over the whole screen, its poster whenever it cannot play.

Laid out like a photo panel (caption at the bottom left, QR card at the bottom
right), without the photo's zoom. The frames come from the video on screen
(`ViewContext.videos`, fed by `kiosk.ui.videoscreen.VideoScreen`): while it plays
the view is `live` and the stage paints it afresh for each frame; otherwise (no
player installed, a file that does not play, `kiosk render`, the first moments of
its entrance) the poster is shown, or a placeholder with the panel's caption,
never a black screen. The veil under the caption is measured on a white picture,
the brightest any frame can be, since the frames under it keep changing.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.core.content.media import picture_of
from kiosk.core.content.model import VideoPanel
from kiosk.ui.panels.base import ViewContext
from kiosk.ui.panels.common import PanelLayout
from kiosk.ui.panels.photo import ZOOM, PhotoView


class VideoView(PhotoView):
    """Paints a video panel: the playing video's latest frame, or its poster, and the caption."""

    panel: VideoPanel  # type: ignore[assignment]
    zoom_limit = 0.0  # a poster stands still

    def __init__(self, panel: VideoPanel, ctx: ViewContext) -> None:
        super().__init__(panel, ctx)  # type: ignore[arg-type]
        self.media.picture = picture_of(panel.poster or panel.image)  # `image` serves too
        self.media.alt = ctx.text(self.media.picture.alt) if self.media.picture else ""
        if not self.media.alt:
            self.media.alt = self.caption  # a missing poster shows the caption on its placeholder
        self.video = ctx.media_path(panel.video, "video")  # None: refused, the poster stays

    @property
    def live(self) -> bool:
        """True while the video plays on screen."""
        videos, video = self.ctx.videos, self.video
        return videos is not None and video is not None and videos.playing(video)

    def frame(self) -> QImage | None:
        """The video's latest frame, if it plays (or just played) on screen."""
        videos, video = self.ctx.videos, self.video
        return videos.frame(video) if videos is not None and video is not None else None

    def veiled_picture(self, layout: PanelLayout, rect: QRectF) -> QImage:
        """A white picture as large as the poster's: the brightest a frame can be."""
        size = QSize(math.ceil(rect.width() * ZOOM), math.ceil(rect.height() * ZOOM))
        white = QImage(size, QImage.Format.Format_RGB32)
        white.fill(QColor("#FFFFFF"))
        return white

    def paint_picture(self, painter: QPainter, layout: PanelLayout, rect: QRectF, t: float) -> None:
        """The latest frame, else the poster."""
        frame = self.frame()
        if frame is None:
            super().paint_picture(painter, layout, rect, t)
            return
        painter.drawImage(rect, frame)  # the player letterboxes a video of another shape
