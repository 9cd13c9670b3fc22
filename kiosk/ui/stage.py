"""The panels of each content version, ready to paint, with faulty panels fenced off.

A panel whose view fails to build or to paint is logged with its traceback, is
painted as the bare background from then on, and is reported (`take_failures`)
so that the app tells the show, which takes it out of the rotation for the rest
of this content version; the visitor never sees the error.
Settled panels are painted once into a pixmap and reused, so an expose event,
a chrome change or the outgoing side of a transition costs a single blit.
While a panel animates, its frames start from a cached picture of the background
(a full-screen gradient is costly to fill every frame). A live view (a playing video)
is never settled: each of its frames is painted. Once a settled picture is
cached, no view paints frames until the next panel enters: the background picture
and every view's sprites are let go then (`release`), and rebuilt on use; the
settled picture goes in turn when another panel starts to animate. The policy of
every cache is in `kiosk.ui.drawing.cache`.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPixmap, QRegion

from kiosk.core.content.model import Content
from kiosk.core.content.source import Source
from kiosk.ui.drawing.cache import Cached
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.base import PanelView, VideoFrames, view_context
from kiosk.ui.panels.common import paint_background
from kiosk.ui.panels.registry import build_view, view_modules
from kiosk.ui.warmup import Job

log = logging.getLogger(__name__)


class Stage:
    """Views of every panel of one content version, per language."""

    def __init__(
        self, content: Content, content_dir: Path, videos: VideoFrames | None = None
    ) -> None:
        self.content = content
        self.content_dir = content_dir
        self.videos = videos  # where video panels find their frames (None: posters only)
        self.theme = Theme.from_settings(content.settings.theme)
        self._failed: set[int] = set()
        self._unreported: list[int] = []
        self._views: dict[tuple[int, str], PanelView] = {}
        self._settled: Cached[tuple[int, str, QSize], QPixmap] = Cached()
        self._drawn: dict[tuple[int, str, float, float, float, float], QRegion | None] = {}
        self._background: Cached[QSize, QPixmap] = Cached()

    @property
    def count(self) -> int:
        """Number of panels in this content version."""
        return len(self.content.panels)

    def take_failures(self) -> list[int]:
        """The panels that failed since the last call (each is reported once)."""
        failures, self._unreported = self._unreported, []
        return failures

    def view(self, index: int, language: str) -> PanelView | None:
        """The view of panel `index` in `language`, built on first use; None if it failed."""
        if index in self._failed:
            return None
        key = (index, language)
        if key not in self._views:
            try:
                ctx = view_context(self.content, self.content_dir, language, self.theme,
                                   self.videos)
                self._views[key] = build_view(self.content.panels[index], ctx)
            except Exception:
                self._fail(index, "could not be built")
                return None
        return self._views[key]

    def warm_jobs(self, language: str, first: int = 0) -> list[Job]:
        """Jobs that import the slow view modules and build the views that need them.

        Only what costs a visible stall is warmed: importing numpy and pyqtgraph
        (about 0.3 s) and building a statistics view (its chart's scene, ~15 ms);
        other views cost nothing to build. The panels from `first` on come first
        (the next one is needed soonest). Views are built, not painted: no picture
        is held for a panel not on screen.
        """
        panels = self.content.panels
        modules = view_modules(panel.kind for panel in panels)
        jobs: list[Job] = [
            (f"import {module}", partial(importlib.import_module, module)) for module in modules
        ]
        for offset in range(self.count):
            index = (first + offset) % self.count
            if view_modules([panels[index].kind]):
                name = f"build {panels[index].id} ({language})"
                jobs.append((name, partial(self.view, index, language)))
        return jobs

    def settle_seconds(self, index: int, language: str) -> float:
        """When panel `index` stops moving (0 for a failed panel)."""
        view = self.view(index, language)
        return 0.0 if view is None or self.content.settings.reduced_motion else view.settle_seconds

    def paint(self, painter: QPainter, rect: QRectF, index: int, language: str, t: float) -> bool:
        """Paint panel `index` at `t`; False (and the panel fenced off) if it failed.

        This is a frame on screen: while the panel animates, the background picture
        is cached for the frames to come, and any other panel's settled picture goes.
        """
        if not self.still(index, language, t):
            self._drop_settled_unless(index, language)
            if t >= self.settle_seconds(index, language):  # live: its settled picture is stale
                self._settled.drop()
            self._cache_background(rect.size().toSize())
        return self._paint(painter, rect, index, language, t)

    def drawn_region(self, index: int, language: str, rect: QRectF) -> QRegion | None:
        """Where panel `index` may paint over the background in `rect`, as whole pixels.

        None when it may paint anywhere (a picture behind its text, a photo, a video,
        a failed panel). Kept per panel, language and size while the stage lives.
        """
        key = (index, language, rect.x(), rect.y(), rect.width(), rect.height())
        if key not in self._drawn:
            view = self.view(index, language)
            rects = None if view is None else view.drawn_rects(rect)
            self._drawn[key] = None if rects is None else pixel_region(rects, rect)
        return self._drawn[key]

    def moving_region(self, index: int, language: str, rect: QRectF, t: float) -> QRegion | None:
        """Where panel `index` in `rect` may still change from `t` on, as whole pixels.

        What the view says (`PanelView.moving_rects`), else all it draws (`drawn_region`).
        """
        view = self.view(index, language)
        rects = None if view is None else view.moving_rects(rect, t)
        if rects is None:
            return self.drawn_region(index, language, rect)
        return pixel_region(rects, rect)

    def still(self, index: int, language: str, t: float) -> bool:
        """True when panel `index` at `t` looks as it will from now on (settled, not live)."""
        view = self.view(index, language)
        live = view is not None and view.live
        return t >= self.settle_seconds(index, language) and not live

    def _paint(self, painter: QPainter, rect: QRectF, index: int, language: str, t: float) -> bool:
        view = self.view(index, language)
        if view is None:
            self.paint_background(painter, rect)
            return False
        if self.still(index, language, t):
            settled = self._settled_pixmap(index, language, rect.size().toSize())
            painter.drawPixmap(rect.topLeft(), settled)
            return index not in self._failed
        return self._paint_view(painter, rect, index, view, t)

    def snapshot(self, index: int, language: str, size: QSize, t: float) -> QPixmap:
        """Panel `index` at `t` as a pixmap of `size` (for transitions).

        A one-off picture: it caches nothing for frames, so a transition never holds
        the background picture beside its two pictures.
        """
        if self.still(index, language, t):
            return self._settled_pixmap(index, language, size)
        paint = partial(self._paint, index=index, language=language, t=t)
        return self._picture(size, paint)

    def paint_background(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the theme's background (the same under every panel); a blit when cached."""
        cached = self._background.peek(rect.size().toSize())
        if cached is not None:
            painter.drawPixmap(rect.topLeft(), cached)
        else:
            paint_background(painter, rect, self.theme)

    def _cache_background(self, size: QSize) -> None:
        """Paint the background once into a picture of `size`, for the frames to come."""
        self._background.get(size, lambda: self._picture(size, self.paint_background))

    def release(self) -> None:
        """Let go of what only speeds up animating frames: the background, views' sprites."""
        self._background.drop()
        for view in self._views.values():
            view.release()

    def _drop_settled_unless(self, index: int, language: str) -> None:
        """Let the settled picture go once another panel animates (a transition keeps its own)."""
        key = self._settled.key
        if key is not None and key[:2] != (index, language):
            self._settled.drop()

    def _settled_pixmap(self, index: int, language: str, size: QSize) -> QPixmap:
        return self._settled.get((index, language, size),
                                 lambda: self._settle(index, language, size))

    def _settle(self, index: int, language: str, size: QSize) -> QPixmap:
        """The settled picture of panel `index`; then let go of what only served frames."""

        def paint(painter: QPainter, rect: QRectF) -> None:
            view = self.view(index, language)
            if view is None or not self._paint_view(painter, rect, index, view, 1e9):
                self.paint_background(painter, rect)

        pixmap = self._picture(size, paint)
        self.release()  # until the next panel enters, every frame blits this picture
        return pixmap

    @staticmethod
    def _picture(size: QSize, paint: Callable[[QPainter, QRectF], object]) -> QPixmap:
        """A new picture of `size`, painted by `paint(painter, rect)`."""
        pixmap = QPixmap(size)
        painter = QPainter(pixmap)
        paint(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return pixmap

    def _paint_view(
        self, painter: QPainter, rect: QRectF, index: int, view: PanelView, t: float
    ) -> bool:
        painter.save()
        try:
            self.paint_background(painter, rect)
            view.paint(painter, rect, t)
            return True
        except Exception:
            self._fail(index, "failed to paint")
            self.paint_background(painter, rect)
            return False
        finally:
            painter.restore()

    def _fail(self, index: int, what: str) -> None:
        panel_id = self.content.panels[index].id
        log.exception("panel %r %s; it is skipped until the content changes", panel_id, what)
        self._failed.add(index)
        self._unreported.append(index)
        self._views = {k: v for k, v in self._views.items() if k[0] != index}
        self._drawn = {k: v for k, v in self._drawn.items() if k[0] != index}


def pixel_region(rects: Iterable[QRectF], bounds: QRectF) -> QRegion:
    """The whole pixels `rects` touch, within `bounds`."""
    region = QRegion()
    for rect in rects:
        region = region.united(QRegion(rect.intersected(bounds).toAlignedRect()))
    return region


class Stages:
    """The stage of every content version the screen still needs, found by identity.

    This is how the show learns how long a panel moves (`settle_seconds`, its
    `PanelTiming`); the show view asks it for the stage that paints a shot.
    """

    def __init__(self, videos: VideoFrames | None = None) -> None:
        self._stages: list[tuple[Source, Stage]] = []
        self._videos = videos  # the video on screen, for every stage's video panels

    def stage_for(self, source: Source) -> Stage:
        """The stage of `source`, made on first use (views are built only when needed)."""
        for known, stage in self._stages:
            if known is source:
                return stage
        stage = Stage(source.content, source.content_dir, self._videos)
        self._stages.append((source, stage))
        return stage

    def retain(self, sources: Iterable[Source]) -> None:
        """Let go of every stage but those of `sources` (the ones the show still refers to)."""
        keep = list(sources)
        self._stages = [(s, stage) for s, stage in self._stages if any(s is k for k in keep)]

    def settle_seconds(self, source: Source, index: int, language: str) -> float:
        """When panel `index` of `source` stops moving (0 for a failed panel)."""
        return self.stage_for(source).settle_seconds(index, language)

    def take_failures(self) -> list[tuple[Source, int]]:
        """The panels that failed since the last call, with their content version."""
        return [(source, index) for source, stage in self._stages
                for index in stage.take_failures()]
