"""The show as a Qt-free model: what the visitor sees and why, advanced by time and intents.

`Presentation` owns the panel on screen and the next one, the transition between
them, the language, the idle countdown, the presenter's pause, the controls, the
content on screen and the content staged for the next panel boundary, the
operator's problem marker, and the panels fenced off after they failed to draw.

It changes only in two ways:

- `tick(now)`: time passes (a dwell ends, the visitor has gone, a transition
  ends); it returns when the next tick is due.
- intents: what a visitor, presenter, operator or the content watcher asked for
  (`next`, `previous`, `go_to`, `toggle_language`, `touch`, `tap`, `toggle_pause`,
  `stage_content`, `reject_content`, `panel_failed`, `operator`).

Each change is published on `events` (see `kiosk.core.show.events`); what the
screen shows at any moment is `frame(now)`. `now` is monotonic seconds, passed
in: nothing here reads a clock.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.core.show.events import (
    ContentApplied,
    ContentStaged,
    IdleReset,
    Interaction,
    LanguageChanged,
    NeedsFrames,
    PanelChanged,
    ProblemChanged,
    ShowEvents,
)
from kiosk.core.show.frame import (
    ChromeState,
    Frame,
    Shot,
    Transition,
    controls_change_at,
    controls_opacity,
    next_language,
)
from kiosk.core.show.idle import IdleTracker
from kiosk.core.show.programme import Programme
from kiosk.core.show.rotation import Rotation, RotationFactory
from kiosk.core.show.timing import (
    FRAME_SECONDS,
    PanelTiming,
    StillPanels,
    earliest,
    panel_dwell,
)

if TYPE_CHECKING:
    from kiosk.core.content.model import Content
    from kiosk.core.content.source import Source

log = logging.getLogger(__name__)

COUNTDOWN_SECONDS = 5.0  # the idle countdown shown before the attract loop returns


def dwells(source: Source) -> list[float]:
    """Seconds each panel of `source` stays up (a video panel: its video's length)."""
    return [panel_dwell(source, index) for index in range(len(source.content.panels))]


class Presentation:
    """The running show of one content version at a time (see the module docstring).

    Parameters
    ----------
    source : Source
        The content shown first; its first panel appears at `now`.
    now : float
        The current time, monotonic seconds.
    timing : PanelTiming or None
        How long each panel's entrance moves (the drawing layer knows); None: never.
    rotation : RotationFactory
        Builds the rotation policy from the dwells and `now`; `Rotation` by default.
    """

    def __init__(
        self,
        source: Source,
        now: float,
        *,
        timing: PanelTiming | None = None,
        rotation: RotationFactory = Rotation,
    ) -> None:
        self.events = ShowEvents()
        self._timing = timing or StillPanels()
        self._programme = Programme(source)
        self._problem = source.error
        self._language = source.content.default_language
        self._index = 0
        self._entered_at = now
        self._transition: Transition | None = None
        self._rotation = rotation(dwells(source), now)
        settings = source.content.settings
        self._idle = IdleTracker(settings.idle_timeout_seconds, COUNTDOWN_SECONDS)

    # ------------------------------------------------------------------ state
    @property
    def source(self) -> Source:
        """The content on screen."""
        return self._programme.source

    @property
    def content(self) -> Content:
        """The content document on screen."""
        return self._programme.content

    @property
    def pending(self) -> Source | None:
        """Content staged for the next panel boundary, if any."""
        return self._programme.pending

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every content version the screen may still need: on screen, outgoing, staged."""
        found = [self.source]
        if self._transition is not None:
            found.append(self._transition.outgoing.source)
        if self.pending is not None:
            found.append(self.pending)
        return tuple(found)

    @property
    def index(self) -> int:
        """The panel on screen (or entering it)."""
        return self._index

    @property
    def panel_id(self) -> str:
        """Id of the panel on screen (or entering it)."""
        return self.content.panels[self._index].id

    @property
    def language(self) -> str:
        """The language every text is shown in."""
        return self._language

    @property
    def transition(self) -> Transition | None:
        """The transition running (until the tick after it ends), if any."""
        return self._transition

    @property
    def entered_at(self) -> float:
        """When the panel on screen started its entrance (after its transition)."""
        return self._entered_at

    @property
    def active(self) -> tuple[int, ...]:
        """The panels in the rotation, in order: all of them but the fenced-off ones."""
        return self._programme.active

    @property
    def upcoming(self) -> int:
        """The panel the rotation shows next."""
        return self._rotation.following(self._index, self.active)

    @property
    def paused(self) -> bool:
        """Whether a presenter paused the rotation."""
        return self._rotation.paused

    @property
    def held(self) -> bool:
        """Whether a visitor holds the rotation (until the idle reset)."""
        return self._rotation.held

    @property
    def last_touch(self) -> float | None:
        """When a visitor last touched; None in the attract loop."""
        return self._idle.last_touch

    @property
    def idle_timeout(self) -> float:
        """Seconds without a touch before the attract loop returns."""
        return self._idle.timeout

    @property
    def problem(self) -> str | None:
        """What the operator's problem marker stands for (None: no marker)."""
        return self._problem

    def panel_time(self, now: float) -> float:
        """Seconds since the panel on screen appeared (negative during its transition)."""
        return now - self._entered_at

    def settle_at(self) -> float:
        """When the panel on screen stops moving."""
        settle = self._timing.settle_seconds(self.source, self._index, self._language)
        return self._entered_at + settle

    def is_still(self, now: float) -> bool:
        """True when nothing on screen moves at `now`: no transition, entrance or fade."""
        opacity = controls_opacity(self.last_touch, now)
        fading = 0.0 < opacity < 1.0
        return self._transition is None and now >= self.settle_at() and not fading

    def frame(self, now: float) -> Frame:
        """What the screen shows at `now`."""
        transition = self._transition
        if transition is not None and transition.done(now):
            transition = None
        return Frame(self._shot(now), transition, self.chrome(now))

    def chrome(self, now: float) -> ChromeState:
        """What the controls show at `now`."""
        active = self.active
        idle = self._idle.state(now)
        return ChromeState(
            count=len(active),
            current=active.index(self._index) if self._index in active else -1,
            language=self._language,
            next_language=next_language(self.content.languages, self._language),
            controls_opacity=controls_opacity(self.last_touch, now),
            countdown=idle.seconds_left if idle.phase == "countdown" else None,
            problem_marker=self._problem is not None,
            paused=self.paused,
        )

    # ------------------------------------------------------------------- time
    def start(self, now: float) -> None:
        """Start the panel on screen afresh at `now` (its entrance and a full dwell)."""
        self._entered_at = now
        self._rotation.go_to(self._index, now)
        self._redraw(now)

    def tick(self, now: float) -> float | None:
        """Advance the show to `now`; return when it next needs a tick (None: never)."""
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
        )

    # ---------------------------------------------------------------- intents
    def touch(self, now: float) -> None:
        """Any visitor input: hold the rotation, show the controls, restart the idle clock."""
        self._idle.touch(now)
        self._rotation.hold(now)
        self._redraw(now)

    def tap(self, now: float) -> None:
        """A tap on the panel itself (not on a control): shows the controls."""
        self.touch(now)
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

    def toggle_language(self, now: float, cause: str = "language") -> None:
        """Switch every text to the next configured language."""
        self.touch(now)
        self._language = next_language(self.content.languages, self._language) or self._language
        if self._transition is not None:  # its incoming picture is in the old language
            self._transition = None
            self._entered_at = min(self._entered_at, now)
        self._record(cause, self._language, now)
        self.events.language_changed.emit(LanguageChanged(self._language, self.panel_id, now))
        self._redraw(now)

    def toggle_pause(self, now: float) -> None:
        """Pause or resume the automatic rotation (Space on a presenter's keyboard)."""
        self.touch(now)
        if self._rotation.paused:
            self._rotation.resume(now)
        else:
            self._rotation.pause(now)
        self._record("key", "pause" if self._rotation.paused else "resume", now)
        self._redraw(now)

    def stage_content(self, source: Source, now: float) -> None:
        """Take new content; it replaces the content on screen at the next panel boundary.

        The built-in fallback screen is replaced at once.
        """
        on_fallback = self.source.origin == "fallback"
        self._programme.stage(source)
        self.events.content_staged.emit(ContentStaged(source, now))
        self._set_problem(source.error, None, now)
        if on_fallback:
            self._change_panel(0, now, 1)

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
        if not self.active:
            log.error("every panel of this content failed; showing the first one's background")
        elif index == self._index:
            self._change_panel(self._programme.step(index, 1), now, 1)

    def operator(self, detail: str, now: float) -> None:
        """Record what the operator did at the PIN pad (ok, wrong, locked)."""
        self._record("admin", detail, now)

    # -------------------------------------------------------------- internals
    def _navigate(self, now: float, cause: str | None, target: int, direction: int) -> None:
        if cause is not None:
            self.touch(now)
            self._record(cause, None, now)
        self._change_panel(target, now, direction)

    def _advance(self, now: float) -> None:
        """The dwell is over: the rotation's next panel (a single panel just stays)."""
        target = self._rotation.following(self._index, self.active)
        if target == self._index and self.pending is None:
            self._rotation.go_to(self._index, now)
        else:
            self._change_panel(target, now, 1)

    def _reset_to_attract(self, now: float) -> None:
        outgoing = self._shot(now)
        self._record("idle_reset", None, now)
        self.events.idle_reset.emit(IdleReset(now))
        self._language = self.content.default_language
        self._rotation.release(now)
        self._rotation.resume(now)  # a presenter's pause ends with the visitor: rotate again
        self._change_panel(self._rotation.first(self.active), now, -1, outgoing)

    def _change_panel(
        self, target: int, now: float, direction: int, outgoing: Shot | None = None
    ) -> None:
        """Put panel `target` on screen at `now` (new content first, if staged)."""
        outgoing = outgoing or self._shot(now)
        self._apply_pending(now)
        target = self._programme.landing(target, direction)
        self._index = target
        self._rotation.go_to(target, now)
        self._start_transition(outgoing, now, direction)
        self.events.panel_changed.emit(
            PanelChanged(self.panel_id, target, self._language, now, self._transition)
        )
        self._redraw(now)

    def _shot(self, now: float) -> Shot:
        """The panel picture on screen at `now` (a transition shows its incoming one)."""
        if self._transition is not None and not self._transition.done(now):
            return self._transition.incoming
        t = max(0.0, self.panel_time(now))
        return Shot(self.source, self._index, self._language, t)

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

    def _apply_pending(self, now: float) -> None:
        if not self._programme.apply():
            return
        content = self.content
        if self._language not in content.languages:
            self._language = content.default_language
        self._rotation.set_dwells(dwells(self.source), now)
        timeout = content.settings.idle_timeout_seconds
        self._idle = IdleTracker(timeout, COUNTDOWN_SECONDS, last_touch=self.last_touch)
        self.events.content_applied.emit(ContentApplied(self.source, now))

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
