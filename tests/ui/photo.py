"""A camera-like test photograph, made on the spot: no binary photo lives in the repository.

A festival evening on a 3:2 sensor: a sky burnt out to near-white at the top, fading
to dusk blue; warm stage lights with bloom; a dark field below the horizon with a white
tent lit from inside and a crowd before it; a figure in a red jacket left of centre
(where a focal point of [0.3, 0.5] points); vignetting and sensor noise. Its brightest
parts are as bright as a real photo's, so text over it needs a real veil.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtGui import QImage

FIGURE = (0.3, 0.5)  # where the figure stands, as fractions of the photo


def photo_pixels(width: int = 1800, height: int = 1200, seed: int = 17) -> np.ndarray:
    """The photograph as a (height, width, 3) array of 0..255 values."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    u, v = x / width, y / height
    sky_top, sky_low = np.array([252, 248, 236.0]), np.array([38, 70, 130.0])
    mix = np.clip(v / 0.55, 0, 1)[..., None] ** 0.7
    image = sky_top * (1 - mix) + sky_low * mix
    ground = v > 0.58 + 0.03 * np.sin(u * 9)
    image[ground] = np.array([24, 20, 26.0]) + 30 * (1 - v[ground, None])
    for cx, cy, radius, colour in ((0.72, 0.52, 0.05, (255, 214, 140)),
                                   (0.86, 0.56, 0.035, (255, 240, 210)),
                                   (0.55, 0.6, 0.03, (255, 170, 90))):
        distance = np.hypot((u - cx) * width / height, v - cy) / radius
        image += np.array(colour, float) * np.exp(-(distance**2))[..., None]
    _tent(image, u, v)
    _figure(image, u, v, width / height)
    vignette = 1 - 0.35 * (np.hypot(u - 0.5, v - 0.5) / 0.7) ** 2
    image = image * vignette[..., None] + rng.normal(0, 6, image.shape)
    return np.clip(image, 0, 255)


def _tent(image: np.ndarray, u: np.ndarray, v: np.ndarray) -> None:
    """A white festival tent, lit from inside, with crowd heads in front of it."""
    roof = v > 0.5 + 0.5 * np.abs(u - 0.8)
    tent = roof & (u > 0.58) & (v < 0.86)
    image[tent] = np.array([250, 246, 232.0]) - 60 * ((v[tent, None] - 0.5) / 0.4)
    for index in range(14):
        cx, cy = 0.45 + index * 0.04, 0.86 + 0.02 * np.sin(index * 2.1)
        image[np.hypot((u - cx) * 1.5, v - cy) < 0.028] = (40, 32, 30)


def _figure(image: np.ndarray, u: np.ndarray, v: np.ndarray, aspect: float) -> None:
    """A person in a red jacket, seen from the waist up, at `FIGURE`."""
    fx, fy = FIGURE
    head = np.hypot((u - fx) * aspect, v - (fy - 0.12)) < 0.055
    body = (np.abs(u - fx) * aspect < 0.11 - 0.25 * np.clip(fy - v, 0, 1)) & (v > fy - 0.06)
    image[body & (v < fy + 0.35)] = (168, 34, 40)
    image[head] = (214, 160, 120)


def save_photo(path: Path, width: int = 1800, height: int = 1200) -> Path:
    """Write the photograph as a JPEG at `path` (quality 90) and return the path."""
    pixels = np.ascontiguousarray(photo_pixels(width, height).astype(np.uint8))
    image = QImage(pixels.data, width, height, width * 3, QImage.Format.Format_RGB888)
    assert image.copy().save(str(path), "JPEG", 90), f"could not write {path}"
    return path


PHOTO = "festival.jpg"
QR = {"url": "https://cmpa.ca", "caption": {"en": "Learn more at cmpa.ca", "fr": "cmpa.ca"}}


def media_document() -> dict[str, Any]:
    """Content with a photo panel and a quote panel (with portrait) around `PHOTO`."""
    return {
        "languages": ["en", "fr"],
        "default_language": "en",
        "panels": [
            {
                "id": "on-set",
                "kind": "photo",
                "image": {"file": PHOTO, "focus": list(FIGURE)},
                "caption": {"en": "Day 12 on set", "fr": "Jour 12 de tournage"},
                "credit": "Photo: A. Martin",
            },
            {
                "id": "voice",
                "kind": "quote",
                "quote": {"en": "We start with a spark and build a story the whole country sees.",
                          "fr": "Nous partons d’une étincelle pour raconter tout un pays."},
                "name": "Jane Doe",
                "role": {"en": "Producer", "fr": "Productrice"},
                "image": {"file": PHOTO, "focus": [0.3, 0.38]},
            },
        ],
    }
