"""Panel pictures from the content folder: loaded safely, cropped around a focal point.

Staff name pictures in content.json; a missing or broken file must never stop the
show, so loading returns None (with a warning) and drawing shows a neutral
placeholder instead (with the picture's description, when staff wrote one).

A picture is drawn "fill" (it covers its box; what is cut off is cut around the
picture's focal point, so a face near an edge stays in view) or "fit" (all of it,
in a box of its own shape inside the given one).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageReader, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

from kiosk.core.content.filetypes import DECODE_LIMIT_MB
from kiosk.core.content.folder import shown_file, warn_once
from kiosk.core.content.reader import Unreadable, kind_of, read_regular_file
from kiosk.core.content.svg import SVG_LIMIT, SVG_SUFFIXES, without_external_references
from kiosk.ui.drawing.icons import PLACEHOLDER, draw_icon
from kiosk.ui.drawing.text import TextStyle, draw_text

log = logging.getLogger(__name__)

PLACEHOLDER_ICON_FRACTION = 0.3
CENTRE = (0.5, 0.5)
ROTATE_90 = QImageIOHandler.Transformation.TransformationRotate90
CACHED_PICTURES = 8  # decoded pictures kept (a 4K photo is 33 MB)
_SVG_FORMATS = (b"svg", b"svgz")  # Qt's names, as its image reader detects them

# The reader's memory limit is the one `kiosk validate` warns with (`DECODE_LIMIT_MB`):
# the picture it names as too large is the picture that shows a placeholder here.
QImageReader.setAllocationLimit(DECODE_LIMIT_MB)


def _fit_within(size: QSize, max_size: tuple[int, int], cover: bool = False) -> QSize:
    """`size` scaled down (never up) to fit in `max_size`, keeping its aspect.

    With `cover`, scaled down only as far as it still covers `max_size` (the size a
    "fill" crop of that box needs), never below.
    """
    max_w, max_h = max(1, max_size[0]), max(1, max_size[1])
    if size.width() <= max_w and size.height() <= max_h:
        return QSize(size)
    mode = Qt.AspectRatioMode.KeepAspectRatioByExpanding if cover else (
        Qt.AspectRatioMode.KeepAspectRatio)
    scaled = size.scaled(max_w, max_h, mode)
    if scaled.width() > size.width() or scaled.height() > size.height():
        return QSize(size)
    return scaled


def _read_svg(path: Path, max_size: tuple[int, int]) -> QImage | None:
    """Render an SVG file at its natural size, bounded by `max_size`, without its links.

    The file is read by the bounded reader, and Qt gets it only once every reference
    to another file is gone (`kiosk.core.content.svg`).
    """
    data, removed = without_external_references(read_regular_file(path, SVG_LIMIT))
    if removed:
        warn_once(log, "picture %s: drawn without the files it refers to: %s", path, removed)
    renderer = QSvgRenderer(QByteArray(data))
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


def _read_raster(path: Path, max_size: tuple[int, int], cover: bool) -> QImage | None:
    """Read a raster image with Qt, decoded straight at a size within `max_size`.

    The scaled size applies before the EXIF rotation (a phone's upright photo is
    stored on its side), so it is worked out for the upright picture and turned.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and not size.isEmpty():
        turned = bool(reader.transformation() & ROTATE_90)
        upright = size.transposed() if turned else size
        scaled = _fit_within(upright, max_size, cover)
        reader.setScaledSize(scaled.transposed() if turned else scaled)
    image = reader.read()
    if image.isNull():
        warn_once(log, "picture %s: %s", path, reader.errorString())
        return None
    wanted = _fit_within(image.size(), max_size, cover)
    if wanted != image.size():
        image = image.scaled(
            wanted, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


def _is_svg(path: Path) -> bool:
    """True for an SVG by its name, or by its content whatever its name.

    Qt's image reader recognises an SVG (or a compressed one) from its first bytes
    and draws it with the files it names: an SVG saved as "logo.png" must be drawn
    without its links like any other.
    """
    if path.suffix.lower() in SVG_SUFFIXES:
        return True
    return bytes(QImageReader.imageFormat(str(path)).data()) in _SVG_FORMATS


@lru_cache(maxsize=CACHED_PICTURES)
def _load_cached(
    path: str, stamp: tuple[int, ...], max_size: tuple[int, int], cover: bool
) -> QImage | None:
    """Load `path`; the file's stamp (device, inode, mtime, size) is part of the cache key only."""
    del stamp
    file = Path(path)
    try:
        if _is_svg(file):
            image = _read_svg(file, max_size)
        else:
            image = _read_raster(file, max_size, cover)
    except (OSError, ValueError, Unreadable) as error:
        warn_once(log, "picture %s cannot be read: %s", file, error)
        return None
    if image is None or image.isNull() or image.width() < 1 or image.height() < 1:
        warn_once(log, "picture %s is not a usable image", file)
        return None
    return image


def load_picture(
    path: Path | None, max_size: tuple[int, int], *, cover: bool = False
) -> QImage | None:
    """Read a picture, scaled down to fit in `max_size`, or None when it cannot be used.

    Parameters
    ----------
    path : Path or None
        The picture file (already resolved against the content folder), or None.
    max_size : tuple of int
        The largest (width, height) to keep in memory; the aspect ratio is kept.
    cover : bool
        Scale a raster picture down only as far as it still covers `max_size`, for
        a "fill" crop of a box that size (an SVG is always fitted within it).

    Returns
    -------
    QImage or None
        The image, or None for no path, a missing, unreadable, empty or non-image
        file, or for what is not a plain file (a named pipe, a device): a warning is
        logged, once per file and trouble for each content version (a view asks on
        every frame). Never raises. Results are cached by path, device, inode, modification
        time, file size and `max_size`, so a replaced file (or release) is re-read.
    """
    if path is None:
        return None
    try:
        info = Path(path).stat()
    except (OSError, ValueError) as error:
        warn_once(log, "picture %s is missing: %s", path, error)
        return None
    kind = kind_of(info.st_mode)
    if kind is not None:  # a named pipe would block the reader, a device never end
        warn_once(log, "picture %s is %s, not a picture file", path, kind)
        return None
    if info.st_size == 0:
        warn_once(log, "picture %s is an empty file", path)
        return None
    bounds = (max(1, int(max_size[0])), max(1, int(max_size[1])))
    stamp = (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size)
    return _load_cached(str(path), stamp, bounds, cover)


def load_content_picture(
    content_dir: Path, name: str, max_size: tuple[int, int], *, cover: bool = False
) -> QImage | None:
    """The picture `name` of content.json, or None when it is refused or cannot be used.

    A name or a link that leads outside the content folder is refused (with a
    warning naming the picture); the file read is the picture's real path. This is
    how every view loads a picture, a photo, a portrait or a video's poster.
    """
    return load_picture(shown_file(content_dir, name), max_size, cover=cover)


def crop_source(image_size: QSizeF, rect: QRectF, focus: tuple[float, float] = CENTRE) -> QRectF:
    """The part of an image of `image_size` that covers `rect`, kept around `focus`.

    The crop has `rect`'s aspect ratio and is as large as the image allows; it is
    centred on the focal point (x, y as fractions of the image), moved back inside
    the image where the point lies near an edge.
    """
    width, height = image_size.width(), image_size.height()
    scale = max(rect.width() / width, rect.height() / height)
    size = QSizeF(rect.width() / scale, rect.height() / scale)
    left = _clamp(focus[0] * width - size.width() / 2, 0.0, width - size.width())
    top = _clamp(focus[1] * height - size.height() / 2, 0.0, height - size.height())
    return QRectF(left, top, size.width(), size.height())


def fit_rect(image_size: QSizeF, rect: QRectF) -> QRectF:
    """The largest box of the image's shape inside `rect`, centred in it."""
    scale = min(rect.width() / image_size.width(), rect.height() / image_size.height())
    box = QRectF(0, 0, image_size.width() * scale, image_size.height() * scale)
    box.moveCenter(rect.center())
    return box


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _draw_placeholder(
    painter: QPainter, rect: QRectF, clip: QPainterPath, colours: tuple[QColor, QColor], alt: str
) -> None:
    """A surface-coloured rounded rect with the placeholder icon and the picture's words."""
    surface, muted = colours
    painter.fillPath(clip, surface)
    side = min(rect.width(), rect.height()) * PLACEHOLDER_ICON_FRACTION
    icon_rect = QRectF(0, 0, side, side)
    icon_rect.moveCenter(rect.center())
    if alt:
        icon_rect.moveBottom(rect.center().y())
        words = QRectF(rect.left() + side * 0.3, icon_rect.bottom() + side * 0.15,
                       rect.width() - side * 0.6, rect.bottom() - icon_rect.bottom() - side * 0.3)
        style = TextStyle(side * 0.22, side * 0.12, align=Qt.AlignmentFlag.AlignHCenter)
        draw_text(painter, words, alt, painter.font().family(), style, muted)
    draw_icon(painter, icon_rect, PLACEHOLDER, muted)


def draw_picture(
    painter: QPainter,
    rect: QRectF,
    image: QImage | None,
    colours: tuple[QColor, QColor],
    radius: float,
    *,
    fit: str = "fill",
    focus: tuple[float, float] = CENTRE,
    alt: str = "",
) -> QRectF:
    """Draw `image` in `rect` with rounded corners, or a placeholder.

    Parameters
    ----------
    painter : QPainter
        An active painter; its state is restored afterwards.
    rect : QRectF
        Where the picture goes; nothing is drawn when it is empty.
    image : QImage or None
        The picture (from `load_picture`); None draws the placeholder.
    colours : tuple of QColor
        The placeholder's background and its icon's and words' colour.
    radius : float
        The corner radius of the rounded clip, in pixels.
    fit : str
        "fill" covers `rect`, cropped around `focus`; "fit" draws the whole picture
        in the largest box of its shape inside `rect`.
    focus : tuple of float
        The focal point (x, y) as fractions of the picture, kept in view by a crop.
    alt : str
        What the picture shows, written on the placeholder.

    Returns
    -------
    QRectF
        Where the picture (or the placeholder) was drawn.
    """
    if rect.width() < 1 or rect.height() < 1:
        return QRectF()
    usable = image is not None and not image.isNull() and image.width() > 0 and image.height() > 0
    if usable and fit == "fit":
        rect = fit_rect(QSizeF(image.size()), rect)  # type: ignore[union-attr]
    clip = QPainterPath()
    clip.addRoundedRect(rect, max(0.0, radius), max(0.0, radius))
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if not usable:
            _draw_placeholder(painter, rect, clip, colours, alt)
        else:
            painter.setClipPath(clip)
            source = crop_source(QSizeF(image.size()), rect, focus)  # type: ignore[union-attr]
            painter.drawImage(rect, image, source)  # type: ignore[arg-type]
    except Exception:  # painting a picture must never take the kiosk down
        log.exception("could not draw a picture")
    finally:
        painter.restore()
    return rect
