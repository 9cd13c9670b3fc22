"""Panel pictures from the content folder: loaded safely, drawn cover-fitted.

Staff name pictures in content.json; a missing or broken file must never stop the
show, so loading returns None (with a warning) and drawing shows a neutral
placeholder instead.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

from kiosk.ui.drawing.icons import PLACEHOLDER, draw_icon

log = logging.getLogger(__name__)

PLACEHOLDER_ICON_FRACTION = 0.3


def _fit_within(size: QSize, max_size: tuple[int, int]) -> QSize:
    """`size` scaled down (never up) to fit in `max_size`, keeping its aspect."""
    max_w, max_h = max(1, max_size[0]), max(1, max_size[1])
    if size.width() <= max_w and size.height() <= max_h:
        return QSize(size)
    return size.scaled(max_w, max_h, Qt.AspectRatioMode.KeepAspectRatio)


def _read_svg(path: Path, max_size: tuple[int, int]) -> QImage | None:
    """Render an SVG file at its natural size, bounded by `max_size`."""
    renderer = QSvgRenderer(QByteArray(path.read_bytes()))
    if not renderer.isValid() or renderer.defaultSize().isEmpty():
        return None
    size = _fit_within(renderer.defaultSize(), max_size)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return image


def _read_raster(path: Path, max_size: tuple[int, int]) -> QImage | None:
    """Read a raster image with Qt, decoded straight at a size within `max_size`.

    The scaled size applies before the EXIF rotation, so a rotated picture is
    checked again after reading.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and not size.isEmpty():
        reader.setScaledSize(_fit_within(size, max_size))
    image = reader.read()
    if image.isNull():
        log.warning("picture %s: %s", path, reader.errorString())
        return None
    if image.width() > max_size[0] or image.height() > max_size[1]:
        image = image.scaled(
            _fit_within(image.size(), max_size),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


@lru_cache(maxsize=32)
def _load_cached(
    path: str, mtime_ns: int, file_size: int, max_size: tuple[int, int]
) -> QImage | None:
    """Load `path`; the file's mtime and size are part of the cache key only."""
    del mtime_ns, file_size
    file = Path(path)
    try:
        if file.suffix.lower() in {".svg", ".svgz"}:
            image = _read_svg(file, max_size)
        else:
            image = _read_raster(file, max_size)
    except (OSError, ValueError) as error:
        log.warning("picture %s cannot be read: %s", file, error)
        return None
    if image is None or image.isNull() or image.width() < 1 or image.height() < 1:
        log.warning("picture %s is not a usable image", file)
        return None
    return image


def load_picture(path: Path | None, max_size: tuple[int, int]) -> QImage | None:
    """Read a picture, scaled down to fit in `max_size`, or None when it cannot be used.

    Parameters
    ----------
    path : Path or None
        The picture file (already resolved against the content folder), or None.
    max_size : tuple of int
        The largest (width, height) to keep in memory; the aspect ratio is kept.

    Returns
    -------
    QImage or None
        The image, or None for no path, a missing, unreadable, empty or non-image
        file (a warning is logged). Never raises. Results are cached by path,
        modification time, file size and `max_size`, so a replaced file is re-read.
    """
    if path is None:
        return None
    try:
        stat = Path(path).stat()
    except (OSError, ValueError) as error:
        log.warning("picture %s is missing: %s", path, error)
        return None
    if stat.st_size == 0:
        log.warning("picture %s is an empty file", path)
        return None
    bounds = (max(1, int(max_size[0])), max(1, int(max_size[1])))
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size, bounds)


def _cover_source(image: QImage, rect: QRectF) -> QRectF:
    """The centred part of `image` with the aspect ratio of `rect` (a cover crop)."""
    scale = max(rect.width() / image.width(), rect.height() / image.height())
    size = QSizeF(rect.width() / scale, rect.height() / scale)
    left = (image.width() - size.width()) / 2
    top = (image.height() - size.height()) / 2
    return QRectF(left, top, size.width(), size.height())


def _draw_placeholder(
    painter: QPainter, rect: QRectF, clip: QPainterPath, surface: QColor, muted: QColor
) -> None:
    """A surface-coloured rounded rect with the placeholder icon in the middle."""
    painter.fillPath(clip, surface)
    side = min(rect.width(), rect.height()) * PLACEHOLDER_ICON_FRACTION
    icon_rect = QRectF(0, 0, side, side)
    icon_rect.moveCenter(rect.center())
    draw_icon(painter, icon_rect, PLACEHOLDER, muted)


def draw_picture(
    painter: QPainter,
    rect: QRectF,
    image: QImage | None,
    surface: QColor,
    muted: QColor,
    radius: float,
) -> None:
    """Draw `image` cover-fitted in `rect` with rounded corners, or a placeholder.

    Parameters
    ----------
    painter : QPainter
        An active painter; its state is restored afterwards.
    rect : QRectF
        Where the picture goes; nothing is drawn when it is empty.
    image : QImage or None
        The picture (from `load_picture`); None draws the placeholder.
    surface : QColor
        The placeholder's background colour.
    muted : QColor
        The placeholder icon's colour.
    radius : float
        The corner radius of the rounded clip, in pixels.
    """
    if rect.width() < 1 or rect.height() < 1:
        return
    clip = QPainterPath()
    clip.addRoundedRect(rect, max(0.0, radius), max(0.0, radius))
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if image is None or image.isNull() or image.width() < 1 or image.height() < 1:
            _draw_placeholder(painter, rect, clip, surface, muted)
        else:
            painter.setClipPath(clip)
            painter.drawImage(rect, image, _cover_source(image, rect))
    except Exception:  # painting a picture must never take the kiosk down
        log.exception("could not draw a picture")
    finally:
        painter.restore()
