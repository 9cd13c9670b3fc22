"""Which moment of the panel's entrance the preview paints: now, or one the editor chose.

Scrubbing never changes the show: the show view paints the show's frame at a time,
and a chosen moment `t` of the entrance is the time `entered_at + t`. A new panel,
or a replay, shows live again.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.core.show.presentation import Presentation
from kiosk.ui.stage import Stages


class EntranceTime:
    """The moment the preview paints the show at.

    Parameters
    ----------
    show, stages
        The show and the stages that know how long each panel's entrance moves.
    clock
        The preview's monotonic clock.
    """

    def __init__(self, show: Presentation, stages: Stages, clock: Callable[[], float]) -> None:
        self.show = show
        self.stages = stages
        self.clock = clock
        self.chosen: float | None = None  # seconds into the entrance, or None: live

    def paint_time(self) -> float:
        """The time to paint the show at: now, or the chosen moment of the entrance."""
        if self.chosen is None:
            return self.clock()
        return self.show.entered_at + self.chosen

    def choose(self, seconds: float) -> None:
        """Hold the entrance `seconds` after it began (within the entrance)."""
        self.chosen = max(0.0, min(seconds, self.settle()))

    def step(self, seconds: float) -> None:
        """Move the moment shown by `seconds` (back when negative)."""
        self.choose(self.position() + seconds)

    def live(self) -> None:
        """Show the entrance as it plays (a new panel, a replay)."""
        self.chosen = None

    def position(self) -> float:
        """Seconds into the entrance shown, at most its length."""
        if self.chosen is not None:
            return self.chosen
        return max(0.0, min(self.show.panel_time(self.clock()), self.settle()))

    def settle(self) -> float:
        """How long the entrance of the panel on screen moves (0: it does not)."""
        show = self.show
        return self.stages.settle_seconds(show.source, show.index, show.language)
