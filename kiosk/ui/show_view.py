"""The show drawn: paints the model's frame at `now`, and nothing else.

`ShowView.paint` asks the show (`kiosk.core.show.Presentation`) for its frame and
paints it: the panel of the shot from its content version's stage, or the blend
of a transition (both pictures painted once, on the transition's first frame),
then the chrome; outside opening hours, the closed screen (`kiosk.ui.closed`).
Painting never changes the show; a panel that failed to paint is reported
afterwards, as an intent (`report_failures`).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPixmap

from kiosk.core.show.frame import Shot, Transition
from kiosk.core.show.presentation import Presentation
from kiosk.ui.chrome.controls import paint_chrome
from kiosk.ui.closed import paint_closed
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.stage import Stages
from kiosk.ui.transition import Blend, paint_blend


class ShowView:
    """Paints a `Presentation` with the stages of its content versions."""

    def __init__(self, show: Presentation, stages: Stages) -> None:
        self._show = show
        self._stages = stages
        self._blend: tuple[Transition, QSize, Blend] | None = None

    @property
    def theme(self) -> Theme:
        """The colours and fonts of the content on screen."""
        return self._stages.stage_for(self._show.source).theme

    def paint(
        self, painter: QPainter, rect: QRectF, now: float, pressed: str | None = None
    ) -> None:
        """Paint the frame at `now` into `rect`; `pressed` is the control under a finger."""
        frame = self._show.frame(now)
        self._stages.retain(self._show.sources)
        if frame.closed is not None:
            self._blend = None
            paint_closed(painter, rect, frame.closed, self.theme)
            if not frame.closed.dark:
                paint_chrome(painter, rect, frame.chrome, self.theme)
            return
        if frame.transition is None:
            self._blend = None
            self._paint_shot(painter, rect, frame.shot)
        else:
            blend = self._blend_of(frame.transition, rect.size().toSize())
            paint_blend(painter, rect, blend, frame.transition.blend(now))
        paint_chrome(painter, rect, replace(frame.chrome, pressed=pressed), self.theme)

    def report_failures(self, now: float) -> None:
        """Tell the show which panels failed to draw since the last report."""
        for source, index in self._stages.take_failures():
            self._show.panel_failed(source, index, now)

    def _paint_shot(self, painter: QPainter, rect: QRectF, shot: Shot) -> None:
        stage = self._stages.stage_for(shot.source)
        stage.paint(painter, rect, shot.index, shot.language, shot.t)

    def _blend_of(self, transition: Transition, size: QSize) -> Blend:
        """The two pictures of `transition` at `size`, painted on its first frame."""
        if self._blend is None or self._blend[:2] != (transition, size):
            outgoing, incoming = (self._picture(shot, size)
                                  for shot in (transition.outgoing, transition.incoming))
            blend = Blend(outgoing, incoming, transition.kind, transition.direction)
            self._blend = (transition, size, blend)
        return self._blend[2]

    def _picture(self, shot: Shot, size: QSize) -> QPixmap:
        stage = self._stages.stage_for(shot.source)
        return stage.snapshot(shot.index, shot.language, size, shot.t)
