"""Pictures: broken files give None, real ones load bounded, None draws a placeholder."""

from __future__ import annotations

import gzip
import logging
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from kiosk.core.content import filetypes
from kiosk.core.content.filetypes import DECODE_LIMIT_MB, sniff
from kiosk.ui.drawing.pictures import draw_picture, load_content_picture, load_picture
from tests.support import blank_png

SURFACE = QColor("#172A44")
MUTED = QColor("#C3CCD8")
NAVY = QColor("#0F1B2D")


def _png(path: Path, width: int, height: int, color: str) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path), "PNG")
    return path


def _canvas(width: int = 300, height: int = 200) -> QImage:
    canvas = QImage(width, height, QImage.Format.Format_ARGB32)
    canvas.fill(NAVY)
    return canvas


def test_none_path_is_none(qapp) -> None:
    assert load_picture(None, (100, 100)) is None


def test_missing_file_is_none(qapp, tmp_path: Path) -> None:
    assert load_picture(tmp_path / "missing.png", (100, 100)) is None


def test_text_file_named_png_is_none(qapp, tmp_path: Path) -> None:
    path = tmp_path / "fake.png"
    path.write_text("this is not a picture\n")
    assert load_picture(path, (100, 100)) is None


def test_empty_file_is_none(qapp, tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    assert load_picture(path, (100, 100)) is None


def test_broken_svg_is_none(qapp, tmp_path: Path) -> None:
    path = tmp_path / "broken.svg"
    path.write_text("<svg><rect")
    assert load_picture(path, (100, 100)) is None


def test_directory_is_none(qapp, tmp_path: Path) -> None:
    assert load_picture(tmp_path, (100, 100)) is None


def test_real_png_is_scaled_within_max_size(qapp, tmp_path: Path) -> None:
    path = _png(tmp_path / "wide.png", 800, 400, "#E5484D")
    image = load_picture(path, (200, 150))
    assert image is not None
    assert image.width() <= 200 and image.height() <= 150
    assert (image.width(), image.height()) == (200, 100)
    assert image.pixelColor(100, 50).rgb() == QColor("#E5484D").rgb()


def test_small_png_is_not_scaled_up(qapp, tmp_path: Path) -> None:
    path = _png(tmp_path / "small.png", 40, 30, "#F5B041")
    image = load_picture(path, (200, 150))
    assert image is not None
    assert (image.width(), image.height()) == (40, 30)


def test_svg_picture_loads_within_max_size(qapp, tmp_path: Path) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200">'
        '<rect width="400" height="200" fill="#F5B041"/></svg>'
    )
    image = load_picture(path, (100, 100))
    assert image is not None
    assert (image.width(), image.height()) == (100, 50)


def test_replaced_file_is_read_again(qapp, tmp_path: Path) -> None:
    path = _png(tmp_path / "pic.png", 20, 20, "#E5484D")
    first = load_picture(path, (50, 50))
    assert first is not None
    _png(path, 30, 20, "#F5B041")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    second = load_picture(path, (50, 50))
    assert second is not None
    assert second.width() == 30
    assert second.pixelColor(5, 5).rgb() == QColor("#F5B041").rgb()


def test_a_release_swapped_with_the_same_size_and_time_is_read_again(qapp, tmp_path) -> None:
    """Deploy tools keep times (rsync -a, cp -p): the picture's inode tells the versions apart."""
    releases = [tmp_path / "v1", tmp_path / "v2"]
    for release, color in zip(releases, ("#E5484D", "#3E63DD"), strict=True):
        release.mkdir()
        _png(release / "pic.png", 20, 20, color)
        os.utime(release / "pic.png", ns=(0, 1_700_000_000_000_000_000))
    current = tmp_path / "current"
    current.symlink_to(releases[0])
    first = load_content_picture(current, "pic.png", (50, 50))
    current.unlink()
    current.symlink_to(releases[1])
    second = load_content_picture(current, "pic.png", (50, 50))
    assert first is not None and second is not None
    assert second.pixelColor(5, 5).rgb() == QColor("#3E63DD").rgb()


def test_a_picture_linked_from_outside_the_folder_is_refused(qapp, tmp_path, caplog) -> None:
    secret = _png(tmp_path / "secret.png", 20, 20, "#E5484D")
    folder = tmp_path / "content"
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "leak.png").symlink_to(secret)
    with caplog.at_level(logging.WARNING):
        assert load_content_picture(folder, "pictures/leak.png", (50, 50)) is None
    assert "'pictures/leak.png'" in caplog.text and "outside the content folder" in caplog.text


def _svg_naming(secret: Path) -> bytes:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="20" height="20"><rect width="20" height="20" fill="#3E63DD"/>'
        f'<image width="20" height="20" xlink:href="{secret}"/></svg>'
    ).encode()


@pytest.mark.parametrize(
    ("name", "pack"),
    [("logo.svg", bytes), ("logo.svgz", gzip.compress),
     ("logo.png", bytes), ("logo.jpg", gzip.compress)],  # Qt knows an SVG by its bytes too
)
def test_an_svg_is_drawn_without_the_outside_file_it_names(
    qapp, tmp_path, caplog, name, pack
) -> None:
    secret = _png(tmp_path / "secret.png", 20, 20, "#E5484D")
    path = tmp_path / "content" / name
    path.parent.mkdir()
    path.write_bytes(pack(_svg_naming(secret)))
    with caplog.at_level(logging.WARNING):
        image = load_content_picture(path.parent, name, (20, 20))
    assert image is not None
    assert image.pixelColor(10, 10).rgb() == QColor("#3E63DD").rgb()  # blue, not the secret red
    assert str(secret) in caplog.text


def test_a_fifo_named_as_a_picture_is_none_without_blocking(qapp, tmp_path) -> None:
    fifo = tmp_path / "pic.png"
    os.mkfifo(fifo)
    assert load_picture(fifo, (50, 50)) is None


def test_none_draws_the_surface_placeholder(qapp) -> None:
    canvas = _canvas()
    painter = QPainter(canvas)
    draw_picture(painter, QRectF(20, 20, 260, 160), None, (SURFACE, MUTED), 16)
    painter.end()
    assert canvas.pixelColor(40, 100).rgb() == SURFACE.rgb()
    assert canvas.pixelColor(150, 40).rgb() == SURFACE.rgb()
    assert canvas.pixelColor(5, 5).rgb() == NAVY.rgb()
    assert canvas.pixelColor(21, 21).rgb() != SURFACE.rgb()  # rounded corner
    icon_pixels = [canvas.pixelColor(x, 100).rgb() for x in range(110, 190)]
    assert MUTED.rgb() in icon_pixels


def test_image_is_cover_fitted_and_clipped(qapp) -> None:
    image = QImage(100, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#E5484D"))
    image.setPixelColor(0, 50, QColor("#00FF00"))  # lies outside a cover crop of a wide rect
    canvas = _canvas()
    painter = QPainter(canvas)
    draw_picture(painter, QRectF(20, 40, 260, 120), image, (SURFACE, MUTED), 16)
    painter.end()
    red = QColor("#E5484D").rgb()
    assert canvas.pixelColor(150, 100).rgb() == red
    assert canvas.pixelColor(25, 100).rgb() == red
    assert canvas.pixelColor(150, 45).rgb() == red
    assert canvas.pixelColor(150, 30).rgb() == NAVY.rgb()
    assert canvas.pixelColor(20, 40).rgb() == NAVY.rgb()


def test_draw_picture_with_empty_rect_draws_nothing(qapp) -> None:
    canvas = _canvas(20, 20)
    painter = QPainter(canvas)
    draw_picture(painter, QRectF(0, 0, 0, 0), None, (SURFACE, MUTED), 4)
    painter.end()
    assert canvas.pixelColor(0, 0).rgb() == NAVY.rgb()


def test_the_decode_limit_is_validates(qapp) -> None:
    assert QImageReader.allocationLimit() == DECODE_LIMIT_MB


def test_a_png_validate_calls_too_large_is_one_the_kiosk_cannot_draw(qapp, tmp_path) -> None:
    bomb = tmp_path / "bomb.png"  # 64 kB on disk, 256 MB and a little more in memory
    bomb.write_bytes(blank_png(8193, 8192))
    assert sniff(bomb).too_large
    assert load_picture(bomb, (1920, 1080), cover=True) is None


@pytest.mark.parametrize(
    ("side", "depth", "colour"),
    [(512, 8, 0), (512, 8, 6), (512, 16, 0), (362, 16, 2), (362, 16, 6)],
)
def test_validate_and_the_kiosk_draw_the_line_at_the_same_pixel(
    qapp, tmp_path, monkeypatch, side, depth, colour
) -> None:
    # at a limit of 1 MB, cheap to decode: side x side fits (4 bytes a pixel, 8 for
    # 16-bit colour), one pixel wider does not
    monkeypatch.setattr(filetypes, "DECODE_LIMIT_MB", 1)
    QImageReader.setAllocationLimit(1)
    try:
        for width, fits in ((side, True), (side + 1, False)):
            path = tmp_path / f"{width}.png"
            path.write_bytes(blank_png(width, side, depth, colour))
            assert sniff(path).too_large is not fits
            assert (load_picture(path, (100, 100), cover=True) is not None) is fits
    finally:
        QImageReader.setAllocationLimit(DECODE_LIMIT_MB)


def test_a_missing_picture_is_logged_once_per_content_version(qapp, tmp_path, caplog) -> None:
    """A view asks for its picture on every frame: one log line, not one a frame (O1)."""
    from kiosk.core.content.load import load_bytes
    from kiosk.core.content.source import usable_source

    caplog.set_level(logging.WARNING)
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(b"x")
    site = tmp_path / "site"
    site.mkdir()
    (site / "out.png").symlink_to(outside)
    for _frame in range(50):
        assert load_content_picture(site, "gone.png", (64, 64)) is None
        assert load_content_picture(site, "out.png", (64, 64)) is None
    assert caplog.text.count("is missing") == 1
    assert caplog.text.count("not shown") == 1
    doc = b'{"languages": ["en"], "default_language": "en", "panels": [{"id": "a", ' \
          b'"kind": "title", "title": "A", "image": "gone.png"}]}'
    content = site / "content.json"
    assert usable_source(load_bytes(doc, site), content, tmp_path / "data") is not None
    for _frame in range(50):  # the next content version names it again: one more line
        load_content_picture(site, "gone.png", (64, 64))
    assert caplog.text.count("is missing") == 2
