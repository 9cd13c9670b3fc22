"""What every panel view is: a painter of one panel as a function of time."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from kiosk.core.content.cleantext import localized_text
from kiosk.core.content.folder import shown_file
from kiosk.core.content.model import Content, Text
from kiosk.ui.drawing.theme import Theme


class VideoFrames(Protocol):
    """Where a video panel finds the frame to show: the video on screen (`kiosk.ui.videoscreen`)."""

    def frame(self, path: Path) -> QImage | None:
        """The latest frame of the video at `path`, if it is (or just was) on screen."""
        ...

    def playing(self, path: Path) -> bool:
        """True while the video at `path` plays on screen (its frames keep coming)."""
        ...


@dataclass(frozen=True)
class ViewContext:
    """Everything a panel view needs besides its own panel.

    `videos` is None where nothing plays (`kiosk render`, tests): videos show their poster.
    """

    content: Content
    language: str
    theme: Theme
    content_dir: Path
    reduced_motion: bool = False
    videos: VideoFrames | None = None

    def text(self, text: Text | None) -> str:
        """A content text as shown in this context's language (default language as fallback)."""
        return localized_text(text, self.language, self.content.default_language)

    def media_path(self, name: str, kind: str = "picture") -> Path | None:
        """The file `name` (a picture, a poster, a video) of the content folder, if allowed."""
        return media_path(self.content_dir, name, kind)


def media_path(content_dir: Path, name: str, kind: str = "picture") -> Path | None:
    """The file to read for `name` of the content folder `content_dir`, or None.

    How the kiosk finds a media file: the video panel and the video player through
    here, pictures through `kiosk.ui.drawing.pictures.load_content_picture`; both take
    the one containment check (`kiosk.core.content.folder`). A name or a link that
    leads outside the folder is refused (logged, naming the file): the panel shows its
    poster or a placeholder. `kiosk validate` refuses such content before it is shown;
    this holds when a file is swapped for a link after.
    """
    return shown_file(content_dir, name, kind)


def view_context(
    content: Content,
    content_dir: Path,
    language: str,
    theme: Theme | None = None,
    videos: VideoFrames | None = None,
) -> ViewContext:
    """The context panel views of `content` paint with, in `language`."""
    return ViewContext(
        content=content,
        language=language,
        theme=theme or Theme.from_settings(content.settings.theme),
        content_dir=content_dir,
        reduced_motion=content.settings.reduced_motion,
        videos=videos,
    )


class PanelView(ABC):
    """Paints one panel; the picture depends only on the rectangle and `t`.

    `t` is the number of seconds since the panel appeared. For every
    `t >= settle_seconds` the picture is the same, so nothing needs to redraw.
    With `ctx.reduced_motion`, the settled picture is painted for every `t`.
    """

    settle_seconds: float = 0.0

    @property
    def live(self) -> bool:
        """True while the picture changes on its own, whatever `t` (a playing video).

        A live view is painted afresh for every frame, never from a settled picture.
        """
        return False

    def __init__(self, panel: object, ctx: ViewContext) -> None:
        self.panel = panel
        self.ctx = ctx

    def effective_time(self, t: float) -> float:
        """`t`, or the settled time when motion is reduced or `t` is past settling."""
        if self.ctx.reduced_motion:
            return self.settle_seconds
        return min(max(t, 0.0), self.settle_seconds)

    @abstractmethod
    def paint(self, painter: QPainter, rect: QRectF, t: float) -> None:
        """Paint the panel into `rect` as it looks `t` seconds after it appeared."""

    def drawn_rects(self, rect: QRectF) -> list[QRectF] | None:
        """Where the panel in `rect` may paint over the stage's background, at any `t`.

        Outside these rectangles the panel's picture is the bare background at every
        `t`: a frame of its entrance repaints only them, and a fade between two panels
        blends only where either paints. None (the default) means anywhere.
        """
        return None

    def moving_rects(self, rect: QRectF, t: float) -> list[QRectF] | None:
        """Where the panel in `rect` may still change from `t` on; None: its `drawn_rects`.

        A frame of its entrance after `t` repaints only these: a panel whose texts have
        entered while its figures still count up says where the figures are.
        """
        return None

    def release(self) -> None:
        """Let go of what only speeds up painting frames (sprites); it is rebuilt on use.

        The stage calls this on every view once a settled picture is cached: from
        then on no view paints frames until the next panel enters.
        """
        return None

    def visible_texts(self) -> list[str]:
        """Every text this panel shows, in its language (for tests and accessibility)."""
        return []
