"""Comparing images with the golden tolerance, shared by the golden-image and wheel tests.

A pixel differs when one of its colour channels moves by more than CHANNEL_TOLERANCE; an
image matches when at most MAX_DIFFERENT_SHARE of its pixels differ (room for font
antialiasing differences between machines, none for a moved card or a changed colour).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

CHANNEL_TOLERANCE = 40  # a pixel differs when a channel moves by more than this
MAX_DIFFERENT_SHARE = 0.005  # at most 0.5% of the pixels may differ


def rgb(image: QImage) -> np.ndarray:
    """The image's red, green and blue channels as a height x width x 3 array."""
    rgb32 = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height, stride = rgb32.width(), rgb32.height(), rgb32.bytesPerLine()
    data = np.frombuffer(rgb32.constBits(), np.uint8, count=rgb32.sizeInBytes())
    return data.reshape(height, stride)[:, : width * 4].reshape(height, width, 4)[..., :3].copy()


def different_share(actual: QImage, expected: QImage) -> float:
    """Share of pixels whose colour differs by more than the tolerance in any channel."""
    assert actual.size() == expected.size(), "the images have different sizes"
    a, b = rgb(actual).astype(np.int16), rgb(expected).astype(np.int16)
    different = (np.abs(a - b) > CHANNEL_TOLERANCE).any(axis=2)
    return float(different.mean())
