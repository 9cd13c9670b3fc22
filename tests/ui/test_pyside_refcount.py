"""Guard against a Qt binding that leaks references to None.

PySide6-Essentials 6.12.0 under Python 3.11 decrements None's reference count on
every call that returns nothing; a kiosk painting all day aborts with
"none_dealloc" after a few thousand frames. pyproject.toml excludes it; this
test fails if such a build is installed anyway.
"""

import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter


def test_void_calls_keep_none_alive(qapp) -> None:
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(500):
        font.setPixelSize(20)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, 64, 20), int(Qt.AlignmentFlag.AlignLeft), "x")
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -100, "this PySide6 build leaks references to None"
