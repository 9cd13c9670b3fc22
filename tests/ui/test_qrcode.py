"""QR codes: crisp whole-pixel modules with their quiet zone, read back by a real decoder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from kiosk.core.content.model import Content
from kiosk.ui.drawing.qrcode import QR_SIDE, QUIET_ZONE, device_square, draw_qr, qr_modules
from kiosk.ui.panels.base import view_context
from kiosk.ui.panels.registry import build_view
from kiosk.ui.render import render_panel_image
from tests.support import sample_document

URL = "https://cmpa.ca"
DARK, LIGHT = QColor("#0F1B2D"), QColor("#F4EFE6")
ZBARIMG = shutil.which("zbarimg")


def with_qr(index: int = 0, url: str = URL) -> Content:
    document = sample_document()
    document["panels"][index]["qr"] = {"url": url, "caption": {"en": "Learn more"}}
    return Content.model_validate(document)


def decode(image: QImage, tmp_path: Path) -> list[str]:
    """What zbarimg reads in `image` (one line per code found)."""
    path = tmp_path / "screen.png"
    assert image.save(str(path))
    result = subprocess.run([ZBARIMG, "--quiet", "--raw", str(path)], capture_output=True,
                            text=True, check=False, timeout=60)
    return result.stdout.split()


@pytest.mark.skipif(ZBARIMG is None, reason="zbarimg is not installed (Debian: zbar-tools)")
@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160), (1080, 1920)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("index", [0, 1, 2], ids=["title", "cards", "steps"])
def test_a_phone_reads_the_code_back(qapp, tmp_path, size, index) -> None:
    image = render_panel_image(with_qr(index), tmp_path, index, size, "en")
    assert decode(image, tmp_path) == [URL]


def test_every_module_is_whole_device_pixels_with_its_quiet_zone(qapp) -> None:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    painter = QPainter(image)
    painter.translate(0.37, 0.61)  # a fractional offset, as a slide would leave
    square = draw_qr(painter, QRectF(100.3, 50.2, 287.5, 290), URL, DARK, LIGHT)
    painter.end()
    modules = qr_modules(URL)
    side = round(square.width())
    assert side % modules == 0 and side // modules >= 1
    left, top = round(square.left() + 0.37), round(square.top() + 0.61)
    inside = {image.pixel(x, y) for x in range(left, left + side) for y in range(top, top + side)}
    assert inside == {DARK.rgb(), LIGHT.rgb()}  # no blurred module edges
    module = side // modules
    quiet = QUIET_ZONE * module
    ring = [image.pixel(left + i, top + quiet - 1) for i in range(quiet, side - quiet)]
    assert set(ring) == {LIGHT.rgb()}  # the quiet zone is light all round


def test_the_square_is_whole_modules_on_whole_pixels_at_any_scale() -> None:
    for dpr in (1.0, 1.5, 2.0):
        transform = QTransform().scale(dpr, dpr).translate(10.3, 7.7)
        square, module = device_square(transform, QRectF(0, 0, 250, 250), 37)
        device = transform.mapRect(square)
        assert module == int(250 * dpr // 37)
        assert device.width() == pytest.approx(module * 37)
        assert device.left() == pytest.approx(round(device.left()))


@pytest.mark.parametrize(("size", "side"), [((1280, 720), 200), ((1920, 1080), 300),
                                            ((3840, 2160), 600), ((1080, 1920), 300)])
def test_the_code_is_about_a_tenth_of_the_scanning_distance(qapp, size, side) -> None:
    content = with_qr()
    view = build_view(content.panels[0], view_context(content, Path("."), "en"))
    layout = view.layout(QRectF(0, 0, *size))
    assert layout.media.qr.width() == pytest.approx(side)  # QR_SIDE design px, scaled
    assert side == pytest.approx(QR_SIDE * min(size) / 1080)
    assert layout.media.qr_card.contains(layout.media.qr)
    assert layout.media.qr_card.contains(layout.media.qr_caption.rect)
