"""Veils: dark, translucent boxes and bands that keep text legible over a photograph.

How opaque a veil must be is measured (`kiosk.ui.drawing.scrim.veil_alpha`); this
module holds the veil as data and paints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath

from kiosk.ui.drawing.scale import SPACE_L, SPACE_M

VEIL_PADDING = SPACE_M  # design px around the text a veil covers
VEIL_FADE = SPACE_L * 2  # design px over which a band's veil fades in from above
CHROME_CONTRAST = 4.5  # the progress dots over a photo (non-text: WCAG asks 3:1)


@dataclass(frozen=True)
class Veil:
    """A dark veil over a photo: `rect` at `alpha`, fading in over `fade` px above it."""

    rect: QRectF
    alpha: float
    fade: float = 0.0


def paint_veils(painter: QPainter, veils: list[Veil], colour: QColor) -> None:
    """Paint each veil: a rounded box, or a band fading in from above, on whole pixels."""
    for veil in veils:
        if veil.alpha <= 0.0:
            continue
        tint = QColor(colour)
        tint.setAlphaF(min(1.0, veil.alpha))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if veil.fade > 0.0:
            whole = QRectF(veil.rect.adjusted(0, -veil.fade, 0, 0).toAlignedRect())
            gradient = QLinearGradient(QPointF(0, whole.top()), QPointF(0, whole.bottom()))
            clear = QColor(tint)
            clear.setAlpha(0)
            gradient.setColorAt(0.0, clear)
            gradient.setColorAt(veil.fade / whole.height(), tint)
            gradient.setColorAt(1.0, tint)
            painter.fillRect(whole, gradient)
        else:
            path = QPainterPath()
            radius = min(veil.rect.width(), veil.rect.height()) * 0.06
            path.addRoundedRect(veil.rect, radius, radius)
            painter.fillPath(path, tint)
        painter.restore()
