"""The panels of one content version, ready to paint, with faulty panels fenced off.

A panel whose view fails to build or to paint is logged with its traceback and
skipped for the rest of this content version; the visitor never sees the error.
Settled panels are painted once into a pixmap and reused, so an expose event,
a chrome change or the outgoing side of a transition costs a single blit.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPixmap

from kiosk.core.model import Content
from kiosk.ui.panels.base import PanelView, view_context
from kiosk.ui.panels.common import paint_background
from kiosk.ui.panels.registry import build_view
from kiosk.ui.theme import Theme

log = logging.getLogger(__name__)


class Stage:
    """Views of every panel of one content version, per language."""

    def __init__(self, content: Content, content_dir: Path) -> None:
        self.content = content
        self.content_dir = content_dir
        self.theme = Theme.from_settings(content.settings.theme)
        self.bad: set[int] = set()
        self._views: dict[tuple[int, str], PanelView] = {}
        self._settled: tuple[tuple[int, str, QSize], QPixmap] | None = None

    @property
    def count(self) -> int:
        """Number of panels in this content version."""
        return len(self.content.panels)

    def good_indices(self) -> list[int]:
        """Panels that have not failed."""
        return [i for i in range(self.count) if i not in self.bad]

    def view(self, index: int, language: str) -> PanelView | None:
        """The view of panel `index` in `language`, built on first use; None if it failed."""
        if index in self.bad:
            return None
        key = (index, language)
        if key not in self._views:
            try:
                ctx = view_context(self.content, self.content_dir, language, self.theme)
                self._views[key] = build_view(self.content.panels[index], ctx)
            except Exception:
                self._fail(index, "could not be built")
                return None
        return self._views[key]

    def settle_seconds(self, index: int, language: str) -> float:
        """When panel `index` stops moving (0 for a failed panel)."""
        view = self.view(index, language)
        return 0.0 if view is None or self.content.settings.reduced_motion else view.settle_seconds

    def paint(self, painter: QPainter, rect: QRectF, index: int, language: str, t: float) -> bool:
        """Paint panel `index` at `t`; False (and the panel fenced off) if it failed."""
        view = self.view(index, language)
        if view is None:
            self.paint_background(painter, rect)
            return False
        if t >= self.settle_seconds(index, language):
            painter.drawPixmap(rect.topLeft(), self._settled_pixmap(index, language, rect))
            return index not in self.bad
        return self._paint_view(painter, rect, index, view, t)

    def snapshot(self, index: int, language: str, size: QSize, t: float) -> QPixmap:
        """Panel `index` at `t` as a pixmap of `size` (for transitions)."""
        rect = QRectF(0, 0, size.width(), size.height())
        if t >= self.settle_seconds(index, language):
            return self._settled_pixmap(index, language, rect)
        pixmap = QPixmap(size)
        painter = QPainter(pixmap)
        self.paint(painter, rect, index, language, t)
        painter.end()
        return pixmap

    def paint_background(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the theme's background (the same under every panel)."""
        paint_background(painter, rect, self.theme)

    def _settled_pixmap(self, index: int, language: str, rect: QRectF) -> QPixmap:
        size = rect.size().toSize()
        key = (index, language, size)
        if self._settled is not None and self._settled[0] == key:
            return self._settled[1]
        pixmap = QPixmap(size)
        painter = QPainter(pixmap)
        view = self.view(index, language)
        local = QRectF(0, 0, size.width(), size.height())
        if view is None or not self._paint_view(painter, local, index, view, 1e9):
            self.paint_background(painter, local)
        painter.end()
        self._settled = (key, pixmap)
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
        self.bad.add(index)
        self._views = {k: v for k, v in self._views.items() if k[0] != index}
