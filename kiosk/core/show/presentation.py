"""The show as a Qt-free model: what the visitor sees and why, advanced by time and intents.

`Presentation` owns the panel on screen and the next one, the transition between
them, the language, the idle countdown, the presenter's pause, the controls, the
content on screen and the content staged for the next panel boundary, the
operator's problem marker, the panels fenced off after they failed to draw, and
what the schedule says (open or closed, dated panels, the notice: `Opening`).

It changes only in two ways:

- `tick(now)`: time passes (a dwell ends, the visitor has gone, a transition
  ends); it returns when the next tick is due.
- intents: what a visitor, presenter, operator or the content watcher asked for
  (`next`, `previous`, `go_to`, `toggle_language`, `touch`, `tap`, `toggle_pause`,
  `stage_content`, `replace_content`, `reject_content`, `panel_failed`, `operator`).

New content keeps the panels by their ids: the panel on screen stays the one the
rotation goes on from, wherever the edit put it, and a panel chosen on the content
on screen (the next one, the dot a visitor tapped) is shown from the new content by
its id; a panel the edit removed gives way to the one at its place.

The steps each of these is made of (a panel put on screen, staged content applied,
the schedule followed) are `kiosk.core.show.changes.ShowChanges`, on top of the
read-only `ShowState`. Each change is published on `events` (see
`kiosk.core.show.events`); what the screen shows at any moment is `frame(now)`.
`now` is monotonic seconds, passed in: nothing here reads a clock; wall-clock time
comes from a `WallClock` port.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.core.show.changes import COUNTDOWN_SECONDS, ShowChanges
from kiosk.core.show.events import (
    ContentStaged,
    IdleReset,
    LanguageChanged,
    PanelChanged,
    ShowEvents,
)
from kiosk.core.show.frame import (
    Transition,
    controls_change_at,
    next_language,
)
from kiosk.core.show.idle import IdleTracker
from kiosk.core.show.opening import Opening
from kiosk.core.show.programme import Programme
from kiosk.core.show.rotation import RotationFactory
from kiosk.core.show.synced import rotation_kind
from kiosk.core.show.timing import (
    FRAME_SECONDS,
    PanelTiming,
    StillPanels,
    earliest,
)

if TYPE_CHECKING:
    from kiosk.core.content.source import Source
    from kiosk.core.show.calendar import WallClock

log = logging.getLogger(__name__)

class Presentation(ShowChanges):
    """The running show of one content version at a time (see the module docstring).

    Parameters
    ----------
    source : Source
        The content shown first; its first panel appears at `now`.
    now : float
        The current time, monotonic seconds.
    timing : PanelTiming or None
        How long each panel's entrance moves (the drawing layer knows); None: never.
    rotation : RotationFactory or None
        Builds the rotation policy from the dwells and `now`; None: chosen for each
        content version, `SyncedRotation` when it asks for ``sync_to_clock`` (and a
        wall clock is given), else `Rotation`.
    clock : WallClock or None
        Wall-clock time, for the schedule, dated panels, the notice's end and the
        rotation in step; None: always open, every panel, the notice until replaced.
    """

    def __init__(
        self,
        source: Source,
        now: float,
        *,
        timing: PanelTiming | None = None,
        rotation: RotationFactory | None = None,
        clock: WallClock | None = None,
    ) -> None:
        self.events = ShowEvents()
        self._timing = timing or StillPanels()
        self._programme = Programme(source)
        self._problem = source.error
        self._language = source.content.default_language
        self._clock = clock
        self._given_rotation = rotation
        self._opening = Opening(clock, source.content, now)
        self._programme.show_only(self._opening.agenda.shown)
        self._rotation_kind = rotation_kind(source.content, self._clock, rotation)
        self._rotation = self._new_rotation(source.content, now)
        self._index = self._rotation.first(self.active, now)
        self._rotation.go_to(self._index, now)
        self._entered_at = now
        self._transition: Transition | None = None
        settings = source.content.settings
        self._idle = IdleTracker(settings.idle_timeout_seconds, COUNTDOWN_SECONDS)

    # ------------------------------------------------------------------- time
    def start(self, now: float) -> None:
        """Start the panel on screen afresh at `now` (its entrance and a full dwell)."""
        self._entered_at = now
        self._rotation.go_to(self._index, now)
        self._redraw(now)

    def tick(self, now: float) -> float | None:
        """Advance the show to `now`; return when it next needs a tick (None: never).

        While closed only the schedule (or a woken screen's minute) needs a tick.
        """
        if self._opening.is_due(now):
            self._follow_the_schedule(now)
        if not self.open:
            return self._opening.due()
        if self._idle.poll(now):
            self._reset_to_attract(now)
        due = self._rotation.due(now)
        if due is not None and now >= due:
            self._advance(now)
        if self._transition is not None and self._transition.done(now):
            self._transition = None
        if not self.is_still(now):
            return now + FRAME_SECONDS
        return earliest(
            self._rotation.due(now),
            controls_change_at(self.last_touch, now),
            self._idle.next_change_at(now),
            self._opening.due(),
        )

    # ---------------------------------------------------------------- intents
    def touch(self, now: float) -> None:
        """Any visitor input: hold the rotation, show the controls, restart the idle clock.

        While closed, a touch lights a dark screen for a minute (staff setting up).
        """
        if not self.open:
            if self._opening.wake(now):
                self._announce_opening(now)
            self._redraw(now)
            return
        self._idle.touch(now)
        self._rotation.hold(now)
        self._redraw(now)

    def display_stays_on(self, now: float) -> None:
        """The display could not be switched off: draw the closed screen, not black.

        A lit display showing black tells nobody anything; the closed screen says when
        the booth opens. It holds until the booth opens (the next closing tries again).
        """
        if self._opening.stay_lit():
            self._announce_opening(now)
            self._redraw(now)

    def tap(self, now: float) -> None:
        """A tap on the panel itself (not on a control): shows the controls."""
        self.touch(now)
        if self.open:
            self._record("tap", None, now)

    def next(self, now: float, cause: str | None = "swipe") -> None:
        """Show the next panel at once; `cause` is recorded (None: not a visitor's doing)."""
        self._navigate(now, cause, self._programme.step(self._index, 1), 1)

    def previous(self, now: float, cause: str | None = "swipe") -> None:
        """Show the previous panel at once."""
        self._navigate(now, cause, self._programme.step(self._index, -1), -1)

    def go_to(self, index: int, now: float, cause: str | None = "tap") -> None:
        """Show panel `index` at once (the next one in rotation if it is fenced off)."""
        direction = 1 if index >= self._index else -1
        self._navigate(now, cause, index, direction)

    def toggle_language(self, now: float, cause: str | None = "language") -> None:
        """Switch every text to the next configured language (the closed screen has them all).

        `cause` is recorded as a visitor's touch; None (a preview's switch) is not a visitor.
        """
        if cause is not None:
            self.touch(now)
        if not self.open:
            return
        self._language = next_language(self.content.languages, self._language) or self._language
        self._cut(now)  # a transition's incoming picture is in the old language
        if cause is not None:
            self._record(cause, self._language, now)
        self.events.language_changed.emit(LanguageChanged(self._language, self.panel_id, now))
        self._redraw(now)

    def toggle_pause(self, now: float, cause: str | None = "key") -> None:
        """Pause or resume the automatic rotation (Space on a presenter's keyboard).

        `cause` is recorded as a touch; None (a preview's pause) is not a visitor.
        """
        if cause is not None:
            self.touch(now)
        if not self.open:
            return
        if self._rotation.paused:
            self._rotation.resume(now)
        else:
            self._rotation.pause(now)
        if cause is not None:
            self._record(cause, "pause" if self._rotation.paused else "resume", now)
        self._redraw(now)

    def stage_content(self, source: Source, now: float) -> None:
        """Take new content; it replaces the content on screen at the next panel boundary.

        The built-in fallback screen is replaced at once, and so is the content while
        the booth is closed (no panel is on screen; its schedule may open it).
        """
        on_fallback = self.source.origin == "fallback"
        self._programme.stage(source)
        self.events.content_staged.emit(ContentStaged(source, now))
        self._set_problem(source.error, None, now)
        if not self.open:
            self._apply_pending(now)
            self._follow_the_schedule(now)
            self._redraw(now)
        elif on_fallback:
            self._change_panel(0, now, 1)

    def replace_content(self, source: Source, now: float) -> None:
        """Put new content on screen at once, on the same panel (by its id), mid-entrance.

        For a preview beside an editor: a save shows at once, on the panel being
        worked on, and a settled panel stays settled (the kiosk stages content for
        the next panel boundary instead).
        """
        before = self.panel_id
        self.stage_content(source, now)
        if self.pending is None:  # on screen already: it replaced the fallback, or closed
            return
        self._apply_pending(now)
        self._rotation.go_to(self._index, now)
        self._cut(now)
        if self.panel_id != before:  # the edit removed the panel: its neighbour shows
            self.events.panel_changed.emit(
                PanelChanged(self.panel_id, self._index, self._language, now, None)
            )
        self._redraw(now)

    def reject_content(self, error: str, now: float) -> None:
        """New content could not be used: keep what is shown and mark the problem."""
        self._set_problem(error, self.source.origin != "fallback", now)

    def panel_failed(self, source: Source, index: int, now: float) -> None:
        """Panel `index` of `source` could not be drawn: take it out of the rotation.

        The drawing layer reports this after the paint that failed. The rotation
        moves on at once when the panel is on screen.
        """
        if not self._programme.fence(source, index):
            return
        self._rotation.set_active(self.active, now)
        if not self.active:
            log.error("every panel of this content failed; showing the first one's background")
        elif index == self._index and self.open:
            self._change_panel(self._programme.step(index, 1), now, 1)

    def operator(self, detail: str, now: float) -> None:
        """Record what the operator did at the PIN pad (ok, wrong, locked)."""
        self._record("admin", detail, now)

    # -------------------------------------------------------------- internals
    def _navigate(self, now: float, cause: str | None, target: int, direction: int) -> None:
        if not self.open:
            self.touch(now)
            return
        if cause is not None:
            self.touch(now)
            self._record(cause, None, now)
        self._change_panel(target, now, direction)

    def _advance(self, now: float) -> None:
        """The dwell is over: the rotation's next panel (a single panel just stays).

        Staged content goes on screen first, so its rotation chooses the panel.
        """
        outgoing = self._shot(now)
        applied = self._apply_pending(now) is not None
        if applied and not self._opening.agenda.open:  # the new hours close the booth now
            self._follow_the_schedule(now)
            return
        target = self._rotation.following(self._index, self.active)
        if target == self._index and not applied:
            self._rotation.go_to(self._index, now)
        else:
            self._change_panel(target, now, 1, outgoing)

    def _reset_to_attract(self, now: float) -> None:
        outgoing = self._shot(now)
        self._record("idle_reset", None, now)
        self.events.idle_reset.emit(IdleReset(now))
        self._language = self.content.default_language
        self._rotation.release(now)
        self._rotation.resume(now)  # a presenter's pause ends with the visitor: rotate again
        self._change_panel(self._rotation.first(self.active, now), now, -1, outgoing)
