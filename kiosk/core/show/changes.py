"""How the show changes: the steps every intent and tick of `Presentation` is made of.

`ShowChanges` adds to the read-only `ShowState` the moves that change it: put a panel
on screen (with its transition), cut a transition short, apply staged content (the
panel on screen kept by its id), follow the schedule (open, close, dated panels, the
notice), and publish each change on `events`. `kiosk.core.show.presentation.Presentation`
decides when: time passing and the intents of visitors, presenters and operators.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from kiosk.core.show.events import (
    ContentApplied,
    Interaction,
    NeedsFrames,
    OpeningChanged,
    PanelChanged,
    ProblemChanged,
    ShowEvents,
)
from kiosk.core.show.frame import Shot, Transition
from kiosk.core.show.idle import IdleTracker
from kiosk.core.show.programme import Carry
from kiosk.core.show.rotation import RotationFactory, RotationPolicy
from kiosk.core.show.state import ShowState
from kiosk.core.show.synced import rotation_for, rotation_kind
from kiosk.core.show.timing import panel_dwell

if TYPE_CHECKING:
    from kiosk.core.content.model import Content
    from kiosk.core.content.source import Source
    from kiosk.core.show.calendar import WallClock

COUNTDOWN_SECONDS = 5.0  # the idle countdown shown before the attract loop returns


def dwells(source: Source) -> list[float]:
    """Seconds each panel of `source` stays up (a video panel: its video's length)."""
    return [panel_dwell(source, index) for index in range(len(source.content.panels))]


class ShowChanges(ShowState):
    """The steps that change a running show (see the module docstring)."""

    events: ShowEvents
    _clock: WallClock | None
    _given_rotation: RotationFactory | None
    _rotation_kind: tzinfo | None

    def _change_panel(
        self, target: int, now: float, direction: int, outgoing: Shot | None = None
    ) -> None:
        """Put panel `target` on screen at `now` (new content first, if staged: by its id)."""
        outgoing = outgoing or self._shot(now)
        carry = self._apply_pending(now)
        target = self._programme.landing(target if carry is None else carry(target), direction)
        self._index = target
        self._rotation.go_to(target, now)
        self._start_transition(outgoing, now, direction)
        self.events.panel_changed.emit(
            PanelChanged(self.panel_id, target, self._language, now, self._transition)
        )
        self._redraw(now)

    def _start_transition(self, outgoing: Shot, now: float, direction: int) -> None:
        settings = self.content.settings
        kind, duration = settings.transition, settings.transition_ms / 1000
        if kind == "none" or settings.reduced_motion or duration <= 0:
            self._transition = None
            self._entered_at = now
            return
        incoming = Shot(self.source, self._index, self._language, 0.0)
        self._transition = Transition(outgoing, incoming, kind, now, duration, direction)
        self._entered_at = now + duration

    def _cut(self, now: float) -> None:
        """End a running transition at once: the panel entering shows as it is at `now`."""
        if self._transition is not None:
            self._transition = None
            self._entered_at = min(self._entered_at, now)

    def _apply_pending(self, now: float) -> Carry | None:
        """Put staged content on screen, if any: the panel on screen stays, by its id.

        Returns where each panel of the content shown before is now (None: none staged).
        """
        carry = self._programme.apply()
        if carry is None:
            return None
        self._index = self._programme.landing(carry(self._index), 1)
        content = self.content
        if self._language not in content.languages:
            self._language = content.default_language
        self._opening.refresh(content, now)  # its panels, at once; opening hours next tick
        self._programme.show_only(self._opening.agenda.shown)
        self._opening.expire()
        kind = rotation_kind(content, self._clock, self._given_rotation)
        if kind != self._rotation_kind:
            self._rotation_kind = kind
            self._rotation = self._new_rotation(content, now)
        else:
            self._rotation.set_dwells(dwells(self.source), now)
            self._rotation.set_active(self.active, now)
        timeout = content.settings.idle_timeout_seconds
        self._idle = IdleTracker(timeout, COUNTDOWN_SECONDS, last_touch=self.last_touch)
        self.events.content_applied.emit(ContentApplied(self.source, now))
        return carry

    # ------------------------------------------------------------ the schedule
    def _new_rotation(self, content: Content, now: float) -> RotationPolicy:
        """The rotation policy for `content`, told which panels are in the rotation."""
        factory = rotation_for(content, self._clock, self._given_rotation)
        rotation = factory(dwells(self.source), now)
        rotation.set_active(self.active, now)
        return rotation

    def _follow_the_schedule(self, now: float) -> None:
        """Ask the schedule again: dated panels, the notice, open or closed, a woken screen."""
        opening = self._opening
        was_dark, had_notice = opening.dark, opening.agenda.notice
        went_dark = opening.sleep_if_due(now)
        if opening.is_due(now) or opening.due() is None:
            opening.refresh(self.content, now)
        if self._programme.show_only(opening.agenda.shown):
            self._rotation.set_active(self.active, now)
            if opening.open and self._index not in self.active:
                self._change_panel(self._programme.step(self._index, 1), now, 1)
        if opening.agenda.open != opening.open:
            self._open(now) if opening.agenda.open else self._close(now)
        elif went_dark or opening.dark != was_dark:
            self._announce_opening(now)
        if went_dark or opening.agenda.notice != had_notice:
            self._redraw(now)

    def _close(self, now: float) -> None:
        """The booth closes: the closed screen (or a dark one); visitors' state is dropped."""
        self._opening.set_open(False)
        self._transition = None
        self._language = self.content.default_language
        timeout = self.content.settings.idle_timeout_seconds
        self._idle = IdleTracker(timeout, COUNTDOWN_SECONDS)
        self._rotation.release(now)
        self._rotation.resume(now)
        self._announce_opening(now)
        self._redraw(now)

    def _open(self, now: float) -> None:
        """The booth opens: the rotation's first panel enters (no transition from the dark)."""
        self._opening.set_open(True)
        self._announce_opening(now)
        self._apply_pending(now)
        self._index = self._programme.landing(self._rotation.first(self.active, now), 1)
        self._rotation.go_to(self._index, now)
        self._entered_at = now
        self.events.panel_changed.emit(
            PanelChanged(self.panel_id, self._index, self._language, now, None)
        )
        self._redraw(now)

    def _announce_opening(self, now: float) -> None:
        self.events.opening_changed.emit(
            OpeningChanged(self.open, self.dark, now, self.changes_at)
        )

    def _set_problem(self, error: str | None, using_last_good: bool | None, now: float) -> None:
        self._problem = error
        self.events.problem_changed.emit(ProblemChanged(error, using_last_good, now))
        self._redraw(now)

    def _record(self, kind: str, detail: str | None, now: float) -> None:
        self.events.interaction.emit(Interaction(kind, self.panel_id, detail, now))

    def _redraw(self, now: float) -> None:
        """Tell the window and the ticker: the screen changed, and moves until when."""
        moving = [self.settle_at()]
        if self._transition is not None:
            moving.append(self._transition.end)
        self.events.needs_frames.emit(NeedsFrames(now, max(now, *moving)))
