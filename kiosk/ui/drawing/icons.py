"""SVG icons shipped in resources/icons, rendered once per size and colour, then tinted.

Every icon is a black, stroke-only line drawing on a 64 x 64 grid. It is drawn with
`QSvgRenderer` into a transparent image and filled with the wanted colour through its
own alpha, so one file serves every colour of every theme. An unknown name or a
broken file falls back to the placeholder icon: painting never fails over an icon.
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kiosk.shipped import resource_dir

log = logging.getLogger(__name__)

ICONS_DIR = resource_dir("icons")
PLACEHOLDER = "placeholder"
MAX_PIXEL_SIZE = 4096


@cache
def _warn_once(name: str, reason: str) -> None:
    """Log `reason` for icon `name` the first time only."""
    log.warning("icon %r: %s; drawing the placeholder instead", name, reason)


def _renderer(name: str) -> QSvgRenderer | None:
    """A valid renderer for icon `name`, or None when the file is missing or broken.

    Parameters
    ----------
    name : str
        The icon's file name without the .svg suffix.

    Returns
    -------
    QSvgRenderer or None
        The renderer, or None (after a one-time warning) when it cannot be used.
    """
    path = ICONS_DIR / f"{name}.svg"
    if "/" in name or "\\" in name or not path.is_file():
        _warn_once(name, "no such icon")
        return None
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        _warn_once(name, f"{path} is not a valid SVG")
        return None
    return renderer


def _render(renderer: QSvgRenderer | None, pixel_size: int, color: QColor) -> QImage:
    """Render `renderer` into a square transparent image and tint it with `color`."""
    image = QImage(pixel_size, pixel_size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    if renderer is None:
        return image
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixel_size, pixel_size))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(image.rect(), color)
    painter.end()
    return image


@lru_cache(maxsize=512)
def _cached_image(name: str, pixel_size: int, rgba: int) -> QImage:
    """The tinted image of icon `name`; the cache key is (name, size, colour as rgba)."""
    renderer = _renderer(name)
    if renderer is None and name != PLACEHOLDER:
        return _cached_image(PLACEHOLDER, pixel_size, rgba)
    return _render(renderer, pixel_size, QColor.fromRgba(rgba))


def icon_image(name: str, pixel_size: int, color: QColor) -> QImage:
    """The icon `name` as a square image of `pixel_size` pixels, tinted `color`.

    Parameters
    ----------
    name : str
        One of `kiosk.core.content.model.ICON_NAMES` (or "placeholder").
    pixel_size : int
        Width and height of the image in pixels; clamped to 1..4096.
    color : QColor
        The colour of the strokes; its alpha is kept.

    Returns
    -------
    QImage
        A transparent ARGB32_Premultiplied image, shared from a cache: do not paint
        on it. An unknown or broken icon gives the placeholder; this never raises.
    """
    size = min(max(1, int(pixel_size)), MAX_PIXEL_SIZE)
    return _cached_image(str(name), size, QColor(color).rgba())


def draw_icon(painter: QPainter, rect: QRectF, name: str, color: QColor) -> None:
    """Draw icon `name` centred in `rect` as the largest square that fits.

    Parameters
    ----------
    painter : QPainter
        An active painter.
    rect : QRectF
        The area to draw in; nothing is drawn when it is empty.
    name : str
        The icon's name; unknown names draw the placeholder.
    color : QColor
        The colour of the strokes.
    """
    side = min(rect.width(), rect.height())
    if side < 1:
        return
    image = icon_image(name, round(side), color)
    target = QRectF(0, 0, side, side)
    target.moveCenter(QPointF(rect.center()))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)
    painter.restore()
