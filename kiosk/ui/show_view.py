"""The show drawn: paints the model's frame at `now`, and says what changed since the last one.

`ShowView.paint` asks the show (`kiosk.core.show.Presentation`) for its frame and
paints it: the panel of the shot from its content version's stage, or the blend
of a transition (both pictures painted once, on the transition's first frame),
then the chrome; outside opening hours, the closed screen (`kiosk.ui.closed`).
Painting never changes the show; a panel that failed to paint is reported
afterwards, as an intent (`report_failures`).

`damage` is the part of the screen whose pixels differ between the frame painted
last and the frame at `now`, so the window repaints only that: where the panel
may still change while it enters (`Stage.moving_region`: once a count-up's header
is in, its figures and chart, not the whole screen), where either picture of a
fade paints, the chrome band when the chrome changed; nothing while the screen is
still. A slide, a new transition, a new panel or a new size damage everything, and
so does any change while the booth is closed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPixmap, QRegion

from kiosk.core.show.frame import ChromeState, Frame, Shot, Transition
from kiosk.core.show.presentation import Presentation
from kiosk.ui.chrome.controls import chrome_bounds, paint_chrome
from kiosk.ui.closed import paint_closed
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.stage import Stages, pixel_region
from kiosk.ui.transition import Blend, paint_blend


@dataclass(frozen=True)
class Painted:
    """A frame as it was painted: at what size, with which control pressed."""

    size: QSize
    frame: Frame
    chrome: ChromeState  # the frame's chrome, with the control pressed then


@dataclass(frozen=True)
class Fade:
    """The two pictures of a transition, and where they differ (None: anywhere)."""

    transition: Transition
    size: QSize
    blend: Blend
    differ: QRegion | None


class ShowView:
    """Paints a `Presentation` with the stages of its content versions."""

    def __init__(self, show: Presentation, stages: Stages) -> None:
        self._show = show
        self._stages = stages
        self._blend: Fade | None = None
        self._painted: Painted | None = None  # what the screen shows (None: unknown)

    @property
    def theme(self) -> Theme:
        """The colours and fonts of the content on screen."""
        return self._stages.stage_for(self._show.source).theme

    def damage(self, rect: QRectF, now: float, pressed: str | None = None) -> QRegion | None:
        """The pixels that change from the frame painted last to the frame at `now`.

        None means all of them (nothing painted yet, a new size, a new picture); an
        empty region means the screen already shows the frame at `now`.
        """
        frame = self._show.frame(now)
        return self._damage(rect, frame, replace(frame.chrome, pressed=pressed))

    def paint(
        self,
        painter: QPainter,
        rect: QRectF,
        now: float,
        pressed: str | None = None,
        region: QRegion | None = None,
    ) -> None:
        """Paint the frame at `now` into `rect`; `pressed` is the control under a finger.

        `region` is the part of `rect` the painter paints in (None: all of it); the
        chrome is only painted when it reaches into it. Once painted, the view knows
        what the screen shows, as long as `region` held everything that changed.
        """
        frame = self._show.frame(now)
        chrome = replace(frame.chrome, pressed=pressed)
        needed = self._damage(rect, frame, chrome)
        self._stages.retain(self._show.sources)
        if frame.closed is not None:
            self._blend = None
            chrome = frame.chrome
            paint_closed(painter, rect, frame.closed, self.theme)
            if not frame.closed.dark:
                paint_chrome(painter, rect, chrome, self.theme)
        else:
            self._paint_picture(painter, rect, frame, now)
            bounds = chrome_bounds(rect, chrome, self.theme.family)
            if region is None or any(region.intersects(box.toAlignedRect()) for box in bounds):
                paint_chrome(painter, rect, chrome, self.theme)
        if needed is None:
            needed = QRegion(rect.toAlignedRect())
        covered = region is None or needed.subtracted(region).isEmpty()
        self._painted = Painted(rect.size().toSize(), frame, chrome) if covered else None

    def report_failures(self, now: float) -> None:
        """Tell the show which panels failed to draw since the last report."""
        for source, index in self._stages.take_failures():
            self._show.panel_failed(source, index, now)

    # -- what changed ---------------------------------------------------------------------
    def _damage(self, rect: QRectF, frame: Frame, chrome: ChromeState) -> QRegion | None:
        painted = self._painted
        if painted is None or painted.size != rect.size().toSize():
            return None
        if painted.frame.closed is not None or frame.closed is not None:
            same = painted.frame.closed == frame.closed and painted.chrome == frame.chrome
            return QRegion() if same else None
        region = self._picture_damage(painted.frame, frame, rect)
        if region is not None and painted.chrome != chrome:
            family = self.theme.family
            bounds = [*chrome_bounds(rect, painted.chrome, family),
                      *chrome_bounds(rect, chrome, family)]
            region = region.united(pixel_region(bounds, rect))
        return region

    def _picture_damage(self, then: Frame, now: Frame, rect: QRectF) -> QRegion | None:
        """Where the panel picture (or the transition's blend) changed from `then` to `now`."""
        if then.transition is not None or now.transition is not None:
            fade = self._blend
            if fade is None or not (then.transition is now.transition is fade.transition):
                return None
            return fade.differ if fade.transition.kind == "fade" else None
        before, after = then.shot, now.shot
        same = before.source is after.source and before.index == after.index
        if not same or before.language != after.language:
            return None
        stage = self._stages.stage_for(after.source)
        index, language = after.index, after.language
        if stage.still(index, language, before.t) and stage.still(index, language, after.t):
            return QRegion()
        return stage.moving_region(index, language, rect, before.t)

    # -- painting -------------------------------------------------------------------------
    def _paint_picture(self, painter: QPainter, rect: QRectF, frame: Frame, now: float) -> None:
        """The panel of the frame's shot, or the blend of its transition at `now`."""
        if frame.transition is None:
            self._blend = None
            self._paint_shot(painter, rect, frame.shot)
        else:
            fade = self._fade_of(frame.transition, rect)
            paint_blend(painter, rect, fade.blend, frame.transition.blend(now))

    def _paint_shot(self, painter: QPainter, rect: QRectF, shot: Shot) -> None:
        stage = self._stages.stage_for(shot.source)
        stage.paint(painter, rect, shot.index, shot.language, shot.t)

    def _fade_of(self, transition: Transition, rect: QRectF) -> Fade:
        """The two pictures of `transition` at `rect`'s size, painted on its first frame."""
        size = rect.size().toSize()
        fade = self._blend
        if fade is None or fade.transition is not transition or fade.size != size:
            shots = (transition.outgoing, transition.incoming)
            outgoing, incoming = (self._picture(shot, size) for shot in shots)
            blend = Blend(outgoing, incoming, transition.kind, transition.direction)
            fade = self._blend = Fade(transition, size, blend, self._differ(shots, rect))
        return fade

    def _differ(self, shots: tuple[Shot, Shot], rect: QRectF) -> QRegion | None:
        """Where two panel pictures may differ: where either paints over the background."""
        region = QRegion()
        for shot in shots:
            stage = self._stages.stage_for(shot.source)
            drawn = stage.drawn_region(shot.index, shot.language, rect)
            if drawn is None or stage.theme != self.theme:
                return None
            region = region.united(drawn)
        return region

    def _picture(self, shot: Shot, size: QSize) -> QPixmap:
        stage = self._stages.stage_for(shot.source)
        return stage.snapshot(shot.index, shot.language, size, shot.t)
