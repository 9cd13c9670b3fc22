"""Fade and slide between two pre-rendered panel pictures.

The outgoing and incoming panels are each rendered once to a pixmap when the
transition starts; every frame of the transition only blends those two pixmaps,
so its cost does not depend on what the panels contain.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPixmap

from kiosk.core.show.easing import ease_in_out_cubic, progress


@dataclass
class Transition:
    """A running transition from `outgoing` to `incoming`, started at `start`."""

    outgoing: QPixmap
    incoming: QPixmap
    kind: str
    start: float
    duration: float
    direction: int = 1  # 1: forward (incoming enters from the right), -1: backward

    def fraction(self, now: float) -> float:
        """Eased completion between 0 and 1 at `now`."""
        return ease_in_out_cubic(progress(now, self.start, self.duration))

    def done(self, now: float) -> bool:
        """True once the incoming panel fully covers the screen."""
        return now >= self.start + self.duration

    def paint(self, painter: QPainter, rect: QRectF, now: float) -> None:
        """Paint the blend of both pictures at `now`."""
        paint_blend(painter, rect, self, self.fraction(now))


def paint_blend(painter: QPainter, rect: QRectF, transition: Transition, fraction: float) -> None:
    """Paint `transition` at `fraction` complete (0: all outgoing, 1: all incoming)."""
    painter.save()
    if transition.kind == "slide":
        shift = rect.width() * fraction * transition.direction
        painter.drawPixmap(QPointF(rect.left() - shift, rect.top()), transition.outgoing)
        incoming_x = rect.left() + rect.width() * transition.direction - shift
        painter.drawPixmap(QPointF(incoming_x, rect.top()), transition.incoming)
    else:
        painter.drawPixmap(rect.topLeft(), transition.outgoing)
        painter.setOpacity(fraction)
        painter.drawPixmap(rect.topLeft(), transition.incoming)
    painter.restore()
