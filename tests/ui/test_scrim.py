"""The veil's opacity: the least that gives 7:1 over the brightest pixel under the text."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.ui.drawing.scrim import colour_luminance, contrast, veil_alpha

NAVY, CREAM, MUTED = QColor("#0F1B2D"), QColor("#F4EFE6"), QColor("#C3CCD8")


def image_of(pixels: np.ndarray) -> QImage:
    height, width = pixels.shape[:2]
    data = np.ascontiguousarray(pixels.astype(np.uint8))
    return QImage(data.data, width, height, width * 3, QImage.Format.Format_RGB888).copy()


def veiled(photo: QImage, alpha: float) -> QImage:
    """`photo` under a navy veil of `alpha`, blended by Qt as the kiosk paints it."""
    result = photo.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(result)
    tint = QColor(NAVY)
    tint.setAlphaF(alpha)
    painter.fillRect(QRectF(0, 0, result.width(), result.height()), tint)
    painter.end()
    return result


def worst_contrast(image: QImage, text: QColor) -> float:
    lum = colour_luminance(text)
    return min(contrast(lum, colour_luminance(QColor(image.pixel(x, y))))
               for x in range(image.width()) for y in range(image.height()))


@pytest.mark.parametrize("seed", range(6))
def test_the_veil_qt_paints_gives_seven_to_one_and_not_much_more(qapp, seed) -> None:
    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, (24, 40, 3)) * rng.random() + rng.integers(0, 120)
    photo = image_of(np.clip(pixels, 0, 255))
    alpha = veil_alpha(photo, [QRectF(0, 0, 40, 24)], NAVY, [CREAM, MUTED])
    assert worst_contrast(veiled(photo, alpha), MUTED) >= 7.0
    if alpha > 0.02:  # the least veil: a little less would not do
        assert worst_contrast(veiled(photo, alpha - 0.02), MUTED) < 7.0


def test_no_veil_over_a_dark_photo_and_only_the_region_counts(qapp) -> None:
    pixels = np.full((40, 80, 3), 20)
    pixels[:, 60:] = 255  # a white strip right of the text
    photo = image_of(pixels)
    assert veil_alpha(photo, [QRectF(0, 0, 50, 40)], NAVY, [CREAM]) == 0.0
    assert veil_alpha(photo, [QRectF(0, 0, 70, 40)], NAVY, [CREAM]) > 0.5


def test_a_single_bright_speck_is_not_averaged_away(qapp) -> None:
    pixels = np.full((200, 300, 3), 10)
    pixels[123, 201] = 255
    alpha = veil_alpha(image_of(pixels), [QRectF(0, 0, 300, 200)], NAVY, [CREAM])
    assert alpha > 0.5
