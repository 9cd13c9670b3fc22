"""What the show tells its observers: typed events, and the emitters that carry them.

The presentation model (`kiosk.core.show.presentation.Presentation`) publishes one
event type per emitter of `ShowEvents`; the window, the ticker and the records
subscribe, in napari's style::

    show.events.panel_changed.connect(records.on_panel_changed)

An observer that raises is logged and skipped: the others still hear the event,
and the show goes on. Events are named tuples: immutable, typed, and cheap to
define (the model is imported before the first frame).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

if TYPE_CHECKING:
    from kiosk.core.content.source import Source
    from kiosk.core.show.frame import Transition

log = logging.getLogger(__name__)

E = TypeVar("E")


class Emitter(Generic[E]):
    """Calls every connected handler with each event of one type, in connection order."""

    def __init__(self) -> None:
        self._handlers: list[Callable[[E], object]] = []

    def connect(self, handler: Callable[[E], object]) -> None:
        """Call `handler(event)` for every event emitted from now on."""
        self._handlers.append(handler)

    def disconnect(self, handler: Callable[[E], object]) -> None:
        """Stop calling `handler` (nothing happens if it was not connected)."""
        if handler in self._handlers:
            self._handlers.remove(handler)

    def emit(self, event: E) -> None:
        """Hand `event` to every handler; a handler that raises is logged and skipped."""
        for handler in list(self._handlers):
            try:
                handler(event)
            except Exception:
                log.exception("an observer of %s failed", type(event).__name__)


class PanelChanged(NamedTuple):
    """A panel came on screen (its transition, if any, starts at `at`)."""

    panel_id: str
    panel_index: int
    language: str
    at: float
    transition: Transition | None = None


class LanguageChanged(NamedTuple):
    """Every text on screen switched to `language`."""

    language: str
    panel_id: str
    at: float


class IdleReset(NamedTuple):
    """The visitor walked away: back to the attract loop, in the default language."""

    at: float


class Interaction(NamedTuple):
    """Someone did something worth recording: a swipe, a tap, a key, an idle reset, a PIN."""

    kind: str
    panel_id: str
    detail: str | None
    at: float


class ContentStaged(NamedTuple):
    """New content arrived; it goes on screen at the next panel boundary."""

    source: Source
    at: float


class ContentApplied(NamedTuple):
    """Staged content is now the content on screen."""

    source: Source
    at: float


class ProblemChanged(NamedTuple):
    """The operator's problem marker was set (`error`) or cleared (None).

    `using_last_good` says whether the content on screen is now the last good copy
    rather than the file (None: unchanged).
    """

    error: str | None
    using_last_good: bool | None
    at: float


class OpeningChanged(NamedTuple):
    """The booth opened or closed, or the schedule switched the display off or on.

    `dark`: the display is off by the schedule (closed, ``screen_off``, not woken by
    a touch). `changes_at`: when the booth next opens or closes (epoch seconds; None:
    not ahead).
    """

    open: bool
    dark: bool
    at: float
    changes_at: float | None = None


class NeedsFrames(NamedTuple):
    """What is on screen changed at `at` and keeps moving until `until` (>= `at`).

    The window repaints; the ticker wakes up and ticks at frame rate until `until`.
    """

    at: float
    until: float


class ShowEvents:
    """Every event the show publishes, one emitter per type."""

    def __init__(self) -> None:
        self.panel_changed: Emitter[PanelChanged] = Emitter()
        self.language_changed: Emitter[LanguageChanged] = Emitter()
        self.idle_reset: Emitter[IdleReset] = Emitter()
        self.interaction: Emitter[Interaction] = Emitter()
        self.content_staged: Emitter[ContentStaged] = Emitter()
        self.content_applied: Emitter[ContentApplied] = Emitter()
        self.problem_changed: Emitter[ProblemChanged] = Emitter()
        self.opening_changed: Emitter[OpeningChanged] = Emitter()
        self.needs_frames: Emitter[NeedsFrames] = Emitter()
