"""Fade and slide between two pictures of whole panels.

When a transition starts, the outgoing and incoming panels are each painted once
into a picture (`Blend`); every frame of the transition only blends those two
pictures, so its cost does not depend on what the panels contain. When and how
far it has gone is the show's business (`kiosk.core.show.frame.Transition`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPixmap


@dataclass(frozen=True)
class Blend:
    """The two pictures of a transition, and how they pass each other."""

    outgoing: QPixmap
    incoming: QPixmap
    kind: str  # "fade" or "slide"
    direction: int = 1  # 1: forward (incoming enters from the right), -1: backward


def paint_blend(painter: QPainter, rect: QRectF, blend: Blend, fraction: float) -> None:
    """Paint `blend` at `fraction` complete (0: all outgoing, 1: all incoming)."""
    painter.save()
    if blend.kind == "slide":
        shift = rect.width() * fraction * blend.direction
        painter.drawPixmap(QPointF(rect.left() - shift, rect.top()), blend.outgoing)
        incoming_x = rect.left() + rect.width() * blend.direction - shift
        painter.drawPixmap(QPointF(incoming_x, rect.top()), blend.incoming)
    else:
        painter.drawPixmap(rect.topLeft(), blend.outgoing)
        painter.setOpacity(fraction)
        painter.drawPixmap(rect.topLeft(), blend.incoming)
    painter.restore()
