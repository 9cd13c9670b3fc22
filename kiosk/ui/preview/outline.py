"""Where the texts over their limit are on a panel, so the preview can outline them.

`kiosk validate` warns about every text longer than fits at its legibility floor
(`kiosk.core.content.length_checks.overflows`, the same limits the panels draw
with). The preview outlines those texts on the panel shown, in the language
shown, when they do not fit the frame's orientation: the editor sees which text
the warning means, and how the screen cuts it short.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF

from kiosk.core.content.length_checks import Overflow, overflows
from kiosk.core.content.limits import NOTICE_FIELD, Field, Orientation
from kiosk.core.content.model import Content
from kiosk.core.content.source import Source
from kiosk.ui.chrome.notice import notice_layout
from kiosk.ui.panels.base import PanelView
from kiosk.ui.panels.capacity import BLOCKS, QR_CAPTION, text_blocks
from kiosk.ui.preview.frames import Frame
from kiosk.ui.stage import Stages

log = logging.getLogger(__name__)


class Overflows:
    """The texts of one content version that are longer than fit, found once."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._found: list[Overflow] = list(overflows(content))

    def fields(self, index: int, language: str, orientation: Orientation) -> list[Field]:
        """The fields of panel `index` (and the notice over it) over their limit."""
        return [
            over.field
            for over in self._found
            if (over.field.path[1] == index or over.field == NOTICE_FIELD)
            and over.language in ("", language)
            and over.over_in(orientation)
        ]


class OverflowOutlines:
    """The areas to outline on the panel shown: the texts over their limit, found per version."""

    def __init__(self, stages: Stages) -> None:
        self.stages = stages
        self._found: tuple[Source, Overflows] | None = None

    def areas(
        self, source: Source, index: int, language: str, frame: Frame, notice: str | None
    ) -> list[QRectF]:
        """Where the texts of panel `index` over their limit are, in `frame`'s pixels.

        `notice` is the banner's text over the panel, if it is up.
        """
        if self._found is None or self._found[0] is not source:
            self._found = (source, Overflows(source.content))
        fields = self._found[1].fields(index, language, frame.orientation)
        rect, stage = QRectF(0, 0, *frame.size), self.stages.stage_for(source)
        areas = []
        if NOTICE_FIELD in fields and notice is not None:
            areas.append(QRectF(notice_layout(rect, notice, stage.theme.family).text))
        view = stage.view(index, language) if fields else None
        if view is not None:
            areas += field_areas(view, rect, [f for f in fields if f != NOTICE_FIELD])
        return areas


def field_areas(view: PanelView, rect: QRectF, fields: list[Field]) -> list[QRectF]:
    """Where each of `fields` is drawn by `view` laid out in `rect` (those it can find).

    Never raises: a view that cannot say (a kind without a layout) gets no outline.
    """
    areas: list[QRectF] = []
    for field in fields:
        try:
            area = field_area(view, rect, field)
        except Exception:  # an outline is a help, never a reason to fail
            log.debug("no outline for %s", field.key, exc_info=True)
            area = None
        if area is not None:
            areas.append(area)
    return areas


def field_area(view: PanelView, rect: QRectF, field: Field) -> QRectF | None:
    """The rectangle `view` draws `field` in, laid out in `rect`; None if it cannot say."""
    layout = getattr(view, "layout", None)
    if layout is None:
        return None
    inside = field.path[2:]  # e.g. ("cards", 2, "text"), ("figures", 1), ("chart", "title")
    number = next((part for part in inside if isinstance(part, int)), 0)
    if field.key == "stats.figures":
        return QRectF(layout(rect).grid.cells[number])
    if field.key.startswith("stats.chart."):
        chart: QRectF | None = layout(rect).chart_rect
        return chart
    if field.key == QR_CAPTION:
        return QRectF(layout(rect).media.qr_caption.rect)
    block = BLOCKS.get(field.key)
    if block is None:
        return None
    name = block.replace(":0", f":{number}", 1)  # BLOCKS names the first item's block
    found = text_blocks(view, rect).get(name)
    return None if found is None else QRectF(found.rect)
