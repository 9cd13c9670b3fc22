"""Fade and slide between two pictures: what each frame of a transition shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from kiosk.core.show.frame import Shot, Transition
from kiosk.ui.transition import Blend, paint_blend
from tests.support import as_source, titles_content

SIZE = (200, 100)
RED, BLUE, GREEN, WHITE = QColor(255, 0, 0), QColor(0, 0, 255), QColor(0, 255, 0), QColor("white")


def two_tone(left: QColor, right: QColor) -> QPixmap:
    """A picture whose left half is `left` and right half `right`."""
    pixmap = QPixmap(*SIZE)
    pixmap.fill(left)
    painter = QPainter(pixmap)
    painter.fillRect(QRectF(SIZE[0] / 2, 0, SIZE[0] / 2, SIZE[1]), right)
    painter.end()
    return pixmap


def frame(blend: Blend, fraction: float) -> QImage:
    image = QImage(*SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    paint_blend(painter, QRectF(0, 0, *SIZE), blend, fraction)
    painter.end()
    return image


def at(image: QImage, share: float) -> QColor:
    """The colour at `share` of the width, mid-height."""
    return image.pixelColor(int(SIZE[0] * share), SIZE[1] // 2)


def make(kind: str, direction: int = 1) -> Blend:
    return Blend(two_tone(RED, GREEN), two_tone(BLUE, WHITE), kind, direction)


def timed(kind: str = "fade") -> Transition:
    """The show's record of a transition from 10.0 s to 10.5 s."""
    shot = Shot(as_source(titles_content()), 0, "en", 0.0)
    return Transition(shot, shot, "fade", 10.0, 0.5)


def test_fraction_eases_from_zero_to_one() -> None:
    transition = timed()
    assert transition.blend(10.0) == 0.0
    assert transition.blend(10.25) == pytest.approx(0.5)
    assert transition.blend(10.5) == 1.0
    assert transition.blend(9.0) == 0.0 and transition.blend(99.0) == 1.0
    assert 0.0 < transition.blend(10.05) < 0.1  # eased: slow start


def test_done_once_the_duration_is_over() -> None:
    transition = timed()
    assert not transition.done(10.49)
    assert transition.done(10.5) and transition.end == 10.5


@pytest.mark.parametrize("kind", ["fade", "slide"])
def test_ends_show_each_picture_whole(qapp, kind) -> None:
    transition = make(kind)
    start, end = frame(transition, 0.0), frame(transition, 1.0)
    assert (at(start, 0.25), at(start, 0.75)) == (RED, GREEN)
    assert (at(end, 0.25), at(end, 0.75)) == (BLUE, WHITE)


def test_fade_blends_both_pictures_halfway(qapp) -> None:
    middle = at(frame(make("fade"), 0.5), 0.25)
    assert middle not in (RED, BLUE)
    assert abs(middle.red() - 128) <= 2 and abs(middle.blue() - 128) <= 2


def test_forward_slide_brings_the_incoming_picture_from_the_right(qapp) -> None:
    middle = frame(make("slide", 1), 0.5)
    assert at(middle, 0.25) == GREEN  # the outgoing's right half, moved left
    assert at(middle, 0.75) == BLUE  # the incoming's left half, entering


def test_backward_slide_brings_the_incoming_picture_from_the_left(qapp) -> None:
    middle = frame(make("slide", -1), 0.5)
    assert at(middle, 0.25) == WHITE  # the incoming's right half, entering
    assert at(middle, 0.75) == RED  # the outgoing's left half, moved right


def test_paint_uses_the_eased_fraction_at_now(qapp) -> None:
    blend = make("fade")
    image = QImage(*SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    paint_blend(painter, QRectF(0, 0, *SIZE), blend, timed().blend(10.25))
    painter.end()
    assert image == frame(blend, 0.5)
