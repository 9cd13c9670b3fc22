"""How the show counts time: the frame interval, deadlines, how long a panel moves.

Nothing here reads a clock. `PanelTiming` is the one question the model asks the
drawing layer: a panel's entrance (count-up, growing chart) lasts as long as its
view says, which only the view that lays it out knows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kiosk.core.content.source import Source

FRAME_SECONDS = 1 / 60  # the tick interval while something on screen moves


def earliest(*deadlines: float | None) -> float | None:
    """The earliest of `deadlines`, ignoring None; None when there is none."""
    due = [deadline for deadline in deadlines if deadline is not None]
    return min(due) if due else None


class PanelTiming(Protocol):
    """How long a panel keeps moving after it appears (its entrance animation)."""

    def settle_seconds(self, source: Source, index: int, language: str) -> float:
        """Seconds after panel `index` of `source` appears until its picture stops changing."""
        ...


class StillPanels:
    """Panels that never move: the timing of reduced motion, and of tests of the model."""

    def __init__(self, seconds: float = 0.0) -> None:
        self.seconds = seconds

    def settle_seconds(self, source: Source, index: int, language: str) -> float:
        """The same `seconds` for every panel."""
        return self.seconds
