"""QR codes drawn crisp: whole device pixels per module, the quiet zone, dark on light.

The code is made offline with segno and kept as a picture of one pixel per module
(quiet zone included); drawing scales it by a whole number of device pixels, with
no smoothing, at a whole-pixel position, so every module is a sharp square a
phone's camera reads from across the booth.

Size: a code scans well from about ten times its width. `QR_SIDE` design pixels
(the code with its quiet zone, at a 1080-pixel short side) is about 19 cm on a 55"
screen and 15 cm on a 43" one: scannable from about 1.5 to 2 metres. On a 1280x720
screen that is 200 px, at 3840x2160 600 px, each rounded down to whole modules.
"""

from __future__ import annotations

import logging
import math
from functools import lru_cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

log = logging.getLogger(__name__)

QR_SIDE = 300  # design px: the code with its quiet zone
QUIET_ZONE = 4  # modules of light around the code (the standard's minimum)
ERROR_LEVEL = "m"  # 15% of the code may be unreadable (a reflection); raised if it fits


@lru_cache(maxsize=16)
def qr_picture(url: str, dark: int, light: int) -> QImage:
    """The code for `url` as a picture of one pixel per module, quiet zone included.

    `dark` and `light` are 0xRRGGBB colours.
    """
    import segno  # ~30 ms to import: not before the first frame, only for a panel with a code

    code = segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=True)
    rows = [list(row) for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]
    image = QImage(len(rows[0]), len(rows), QImage.Format.Format_RGB32)
    for y, row in enumerate(rows):
        for x, module in enumerate(row):
            image.setPixel(x, y, dark if module else light)
    return image


def qr_modules(url: str) -> int:
    """How many modules wide the code for `url` is, quiet zone included."""
    return qr_picture(url, 0, 0xFFFFFF).width()


def device_square(transform: QTransform, rect: QRectF, modules: int) -> tuple[QRectF, int]:
    """The largest square of whole modules inside `rect`, on whole device pixels.

    Parameters
    ----------
    transform : QTransform
        The painter's device transform (logical to device pixels).
    rect : QRectF
        Where the code may go, in logical coordinates; it is centred in it.
    modules : int
        The code's width in modules, quiet zone included.

    Returns
    -------
    tuple
        The square in logical coordinates, and the device pixels per module (0 when
        not even one pixel per module fits).
    """
    device = transform.mapRect(rect)
    module = math.floor(min(device.width(), device.height()) / modules + 1e-9)
    side = module * modules
    left = round(device.center().x() - side / 2)
    top = round(device.center().y() - side / 2)
    inverse, _ = transform.inverted()
    return inverse.mapRect(QRectF(left, top, side, side)), module


def draw_qr(painter: QPainter, rect: QRectF, url: str, dark: QColor, light: QColor) -> QRectF:
    """Draw the code for `url` centred in `rect`, crisp; return where it went.

    Under a rotating or shearing transform (never used by the kiosk) the code is
    drawn smoothed instead. Nothing is drawn (an empty rect is returned) when `rect`
    cannot give each module a device pixel.
    """
    picture = qr_picture(url, dark.rgb() & 0xFFFFFF, light.rgb() & 0xFFFFFF)
    transform = painter.deviceTransform()
    square, module = device_square(transform, rect, picture.width())
    if module < 1:
        log.warning("no room for a QR code of %d modules in %s", picture.width(), rect)
        return QRectF()
    painter.save()
    crisp = transform.type().value <= QTransform.TransformationType.TxScale.value
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, not crisp)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not crisp)
    painter.drawImage(square, picture)
    painter.restore()
    return square
