"""Golden images: title, cards and steps at 480x270 compared with approved PNGs.

Re-approve after an intended visual change (then look at the PNGs before committing)::

    KIOSK_APPROVE_GOLDEN=1 python -m pytest tests/ui/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.ui.render import render_panel_image
from tests.support import sample_content

IMAGES = Path(__file__).resolve().parents[1] / "images"
SIZE = (480, 270)
CHANNEL_TOLERANCE = 40  # a pixel differs when a channel moves by more than this
MAX_DIFFERENT_SHARE = 0.005  # at most 0.5% of the pixels may differ (font hinting, antialiasing)
APPROVE = os.environ.get("KIOSK_APPROVE_GOLDEN") == "1"


def different_share(actual: QImage, expected: QImage) -> float:
    """Share of pixels whose colour differs by more than the tolerance in any channel."""
    assert actual.size() == expected.size(), "golden image has another size"
    width, height = actual.width(), actual.height()
    a = actual.convertToFormat(QImage.Format.Format_RGB32)
    b = expected.convertToFormat(QImage.Format.Format_RGB32)
    different = 0
    for y in range(height):
        row_a, row_b = a.constScanLine(y), b.constScanLine(y)
        for x in range(0, width * 4, 4):
            if any(abs(row_a[x + c] - row_b[x + c]) > CHANNEL_TOLERANCE for c in range(3)):
                different += 1
    return different / (width * height)


def test_different_share_counts_changed_pixels(qapp) -> None:
    blank = QImage(10, 10, QImage.Format.Format_RGB32)
    blank.fill(0x102030)
    changed = blank.copy()
    changed.setPixel(3, 4, 0xFFFFFF)
    changed.setPixel(5, 5, 0x102031)  # within tolerance
    assert different_share(blank, blank) == 0.0
    assert different_share(changed, blank) == pytest.approx(0.01)


@pytest.mark.parametrize(("index", "name"), [(0, "title"), (1, "cards"), (2, "steps")])
def test_panel_matches_its_golden_image(qapp, index, name) -> None:
    actual = render_panel_image(sample_content(), IMAGES, index, SIZE, "en")
    path = IMAGES / f"golden-{name}-480x270.png"
    if APPROVE:
        assert actual.save(str(path), "PNG")
    assert path.is_file(), f"{path.name} is missing; approve with KIOSK_APPROVE_GOLDEN=1"
    share = different_share(actual, QImage(str(path)))
    if share > MAX_DIFFERENT_SHARE:
        actual.save(str(IMAGES / f"actual-{name}-480x270.png"), "PNG")
    assert share <= MAX_DIFFERENT_SHARE, (
        f"{share:.2%} of the pixels differ from {path.name}; see actual-{name}-480x270.png"
    )
