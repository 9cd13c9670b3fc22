"""How the show counts time: the frame interval, deadlines, how long a panel moves.

Nothing here reads a clock. `PanelTiming` is the one question the model asks the
drawing layer: a panel's entrance (count-up, growing chart) lasts as long as its
view says, which only the view that lays it out knows. How long a panel stays up is
the content's business (`panel_dwell`); a video panel without its own dwell stays up
as long as its video lasts, read from the file's header.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kiosk.core.content.source import Source

FRAME_SECONDS = 1 / 60  # the tick interval while something on screen moves
SHORTEST_VIDEO_DWELL = 3.0  # seconds: a shorter video loops until then


def earliest(*deadlines: float | None) -> float | None:
    """The earliest of `deadlines`, ignoring None; None when there is none."""
    due = [deadline for deadline in deadlines if deadline is not None]
    return min(due) if due else None


def panel_dwell(source: Source, index: int) -> float:
    """Seconds panel `index` of `source` stays up.

    Its own `dwell_seconds`, else, for a video panel, the length of its video (an MP4
    says it in its header; at least `SHORTEST_VIDEO_DWELL`), else the default dwell.
    A video that leads outside the content folder is not opened (the default dwell).
    """
    from kiosk.core.content.filetypes import video_seconds
    from kiosk.core.content.folder import place_picture
    from kiosk.core.content.model import MAX_DWELL_SECONDS

    content = source.content
    panel = content.panels[index]
    video = getattr(panel, "video", None)
    if panel.dwell_seconds is None and isinstance(video, str):
        real = place_picture(source.content_dir, video, kind="video").real  # inside, or None
        length = None if real is None else video_seconds(real)
        if length is not None:
            return min(max(length, SHORTEST_VIDEO_DWELL), MAX_DWELL_SECONDS)
    return content.dwell_for(index)


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
