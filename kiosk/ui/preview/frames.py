"""The screens a preview can show a panel on, and how a frame fits the window.

A frame is a screen size in device pixels: the panel is painted at exactly that
size, as a booth screen of that size shows it, then scaled to fit the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from kiosk.core.content.limits import Orientation


@dataclass(frozen=True)
class Frame:
    """A booth screen: its name on the button and its size in device pixels."""

    name: str
    width: int
    height: int

    @property
    def size(self) -> tuple[int, int]:
        """Width and height in device pixels."""
        return (self.width, self.height)

    @property
    def orientation(self) -> Orientation:
        """Portrait when taller than wide, as the panels lay themselves out."""
        return "portrait" if self.height > self.width else "landscape"

    @property
    def label(self) -> str:
        """What its button says: "Landscape 1920×1080"."""
        return f"{self.name} {self.width}×{self.height}"


FRAMES = (
    Frame("Landscape", 1920, 1080),
    Frame("Portrait", 1080, 1920),
    Frame("4K", 3840, 2160),
    Frame("Small", 800, 480),
)
PORTRAIT = FRAMES[1]


def frames_for(size: tuple[int, int]) -> tuple[tuple[Frame, ...], int]:
    """The frames to offer and the one to start on, for a screen of `size`.

    A size that is none of `FRAMES` is offered after them as "Custom".
    """
    for number, frame in enumerate(FRAMES):
        if frame.size == size:
            return FRAMES, number
    return (*FRAMES, Frame("Custom", *size)), len(FRAMES)


def fit(size: tuple[int, int], area: QRectF) -> QRectF:
    """Where a frame of `size` goes in `area`: as large as fits, centred, never stretched."""
    width, height = size
    scale = min(area.width() / width, area.height() / height)
    fitted = QRectF(0, 0, width * scale, height * scale)
    fitted.moveCenter(area.center())
    return fitted
