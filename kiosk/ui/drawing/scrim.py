"""A veil over a photograph, measured so that the text on it keeps 7:1 contrast.

Text over a photo is only as legible as the brightest part of the photo under it.
`veil_alpha` looks at every pixel of the photo, as drawn, under a region, and finds
the least opacity of a veil (the theme's background colour) at which each of them,
veiled, still gives the region's text colours the wanted contrast (WCAG's ratio of
relative luminances). A dark photo gets a light veil or none; a white sky gets an
almost opaque one. The photo is looked at in blocks of `BLOCK` pixels, each taken at
its brightest in every channel, so a bright speck is never averaged away (a large
region in larger blocks: the answer can only err on the dark side).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QImage

if TYPE_CHECKING:
    import numpy as np

TEXT_CONTRAST = 7.0  # VISUAL.md: body text >= 7:1, also over a photograph
MARGIN = 0.05  # on top of the wanted ratio: 8-bit rounding of the blend
BLOCK = 2  # pixels per side looked at as one (channel-wise brightest), at least
MAX_BLOCKS = 40_000  # blocks per region, at most: larger regions are looked at in larger blocks
STEPS = 14  # halvings of the opacity interval: 1/16384 precision


def linear(channel: np.ndarray) -> np.ndarray:
    """Linear light 0..1 of sRGB channel values 0..255."""
    import numpy as np

    c = channel / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of sRGB colours (..., 3) in 0..255."""
    lin = linear(rgb)
    return 0.2126 * lin[..., 0] + 0.7152 * lin[..., 1] + 0.0722 * lin[..., 2]


def colour_luminance(colour: QColor) -> float:
    """WCAG relative luminance of one colour."""
    import numpy as np

    return float(luminance(np.array([colour.red(), colour.green(), colour.blue()], float)))


def contrast(lighter: float, darker: float) -> float:
    """WCAG contrast ratio of two relative luminances."""
    high, low = max(lighter, darker), min(lighter, darker)
    return (high + 0.05) / (low + 0.05)


def region_pixels(photo: QImage, region: QRectF) -> np.ndarray:
    """The photo's pixels under `region` as (n, 3) sRGB values, brightest per block."""
    import numpy as np

    box = region.toAlignedRect().intersected(QRect(0, 0, photo.width(), photo.height()))
    if box.isEmpty():
        return np.zeros((0, 3))
    image = photo if photo.format() == QImage.Format.Format_RGB32 else (
        photo.convertToFormat(QImage.Format.Format_RGB32))
    data = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine() // 4, 4)
    pixels = rows[box.top() : box.bottom() + 1, box.left() : box.right() + 1, 2::-1]  # BGRA
    height, width = pixels.shape[:2]
    block = max(BLOCK, math.ceil(math.sqrt(width * height / MAX_BLOCKS)))
    brightest = pixels[::block, ::block].copy()
    for dy in range(block):  # the brightest of each block, channel by channel
        for dx in range(block):
            part = pixels[dy::block, dx::block]
            view = brightest[: part.shape[0], : part.shape[1]]
            np.maximum(view, part, out=view)
    return brightest.reshape(-1, 3).astype(float)


def veil_alpha(
    photo: QImage,
    regions: Iterable[QRectF],
    veil: QColor,
    texts: Iterable[QColor],
    ratio: float = TEXT_CONTRAST,
) -> float:
    """The least opacity (0..1) of `veil` that gives every text colour `ratio` over the photo.

    Parameters
    ----------
    photo : QImage
        The photograph exactly as drawn on the panel (same size, same place).
    regions : iterable of QRectF
        Where text will be, in the photo's pixels.
    veil : QColor
        The veil's colour (dark, for light text).
    texts : iterable of QColor
        The colours of the text drawn there; the least luminous one sets the limit.
    ratio : float
        The contrast wanted.

    Returns
    -------
    float
        The opacity; 1.0 when even an opaque veil does not reach `ratio` (a theme
        whose own colours lack the contrast).
    """
    import numpy as np

    chunks = [region_pixels(photo, region) for region in regions]
    pixels = np.concatenate(chunks) if chunks else np.zeros((0, 3))
    lightest = min((colour_luminance(c) for c in texts), default=1.0)
    ceiling = (lightest + 0.05) / (ratio + MARGIN) - 0.05  # the veiled photo's most luminance
    if pixels.size == 0 or luminance(pixels).max() <= ceiling:
        return 0.0
    veil_rgb = np.array([veil.red(), veil.green(), veil.blue()], float)
    low, high = 0.0, 1.0
    for _ in range(STEPS):
        alpha = (low + high) / 2
        veiled = np.round(alpha * veil_rgb + (1 - alpha) * pixels)
        if luminance(veiled).max() <= ceiling:
            high = alpha
        else:
            low = alpha
    return high
