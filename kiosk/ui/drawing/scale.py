"""Sizes as fractions of the screen, so one layout serves 1280x720 to 3840x2160.

The design grid is a 1920x1080 screen; every size is given in design pixels of its
short side and multiplied by `u`, the screen's short side over 1080. Portrait and
landscape screens of the same short side get the same type sizes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from kiosk.core.content.limits import FLOORS

DESIGN_SHORT_SIDE = 1080.0


@dataclass(frozen=True)
class Scale:
    """Design-pixel to device-pixel conversion for one panel rectangle."""

    rect: QRectF

    @property
    def u(self) -> float:
        """Device pixels per design pixel."""
        return min(self.rect.width(), self.rect.height()) / DESIGN_SHORT_SIDE

    @property
    def portrait(self) -> bool:
        """True when the panel is taller than it is wide."""
        return self.rect.height() > self.rect.width()

    def px(self, design_pixels: float) -> float:
        """Convert design pixels to device pixels."""
        return design_pixels * self.u

    @property
    def margin_x(self) -> float:
        """Horizontal margin: 6% of the width."""
        return self.rect.width() * 0.06

    @property
    def margin_y(self) -> float:
        """Vertical margin: a fixed share of the short side."""
        return self.px(72)

    def chrome_rect(self) -> QRectF:
        """The band at the bottom of the panel where the chrome (dots, buttons) is drawn."""
        height = self.px(CHROME_HEIGHT)
        return QRectF(self.rect.left(), self.rect.bottom() - height, self.rect.width(), height)

    def content_rect(self) -> QRectF:
        """The panel rectangle inside the margins, leaving room for the chrome at the bottom."""
        chrome = self.px(CHROME_HEIGHT)
        return QRectF(
            self.rect.left() + self.margin_x,
            self.rect.top() + self.margin_y,
            self.rect.width() - 2 * self.margin_x,
            self.rect.height() - self.margin_y - chrome,
        )


# Design sizes (pixels at 1080 short side).
CHROME_HEIGHT = 120  # bottom band kept free for progress dots and the language button
BODY = 38
LABEL = 34
TITLE = 92
HERO = 132
FIGURE = 140
# The legibility floors (kiosk.core.content.limits, shared with `kiosk validate`).
HERO_MIN = FLOORS["hero"]
TITLE_MIN = FLOORS["title"]
ITEM_TITLE_MIN = FLOORS["item_title"]
BODY_MIN = FLOORS["body"]
FIGURE_MIN = FLOORS["figure"]
CAPTION_MIN = FLOORS["caption"]
QUOTE_MIN = FLOORS["quote"]
NOTICE_MIN = FLOORS["notice"]
SPACE_S = 16
SPACE_M = 32
SPACE_L = 56
