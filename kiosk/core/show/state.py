"""What the show is at a moment: the read-only side of the presentation model.

`ShowState` holds the parts of the running show (programme, rotation, idle tracker,
opening hours, transition, language) and answers every question about them: which
panel is on screen, what moves, the `frame(now)` a view paints and the `chrome(now)`
input hit-tests against. `kiosk.core.show.presentation.Presentation` adds what
changes it: time (`tick`) and intents. Nothing here changes the show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.core.show.calendar import notice_text
from kiosk.core.show.frame import (
    ChromeState,
    Frame,
    Shot,
    Transition,
    controls_opacity,
    next_language,
)
from kiosk.core.show.idle import IdleTracker
from kiosk.core.show.opening import Opening
from kiosk.core.show.programme import Programme
from kiosk.core.show.rotation import RotationPolicy
from kiosk.core.show.timing import PanelTiming

if TYPE_CHECKING:
    from kiosk.core.content.model import Content
    from kiosk.core.content.source import Source


class ShowState:
    """The state of a running show, read-only (see the module docstring)."""

    _timing: PanelTiming
    _programme: Programme
    _rotation: RotationPolicy
    _idle: IdleTracker
    _opening: Opening
    _problem: str | None
    _language: str
    _index: int
    _entered_at: float
    _transition: Transition | None

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
    def open(self) -> bool:
        """Whether the booth is open (panels on screen) rather than closed by the schedule."""
        return self._opening.open

    @property
    def dark(self) -> bool:
        """Whether the schedule has the display switched off now."""
        return self._opening.dark

    @property
    def changes_at(self) -> float | None:
        """When the booth next opens or closes (epoch seconds); None: not ahead, or no clock."""
        agenda = self._opening.agenda
        return agenda.next_closing if self.open else agenda.next_opening

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
        if not self.open:
            return True
        opacity = controls_opacity(self.last_touch, now)
        fading = 0.0 < opacity < 1.0
        return self._transition is None and now >= self.settle_at() and not fading

    def frame(self, now: float) -> Frame:
        """What the screen shows at `now`."""
        if not self.open:
            first = self.content.default_language
            closed = self._opening.closed_screen(now, self.content, first, self._notice(first))
            return Frame(self._shot(now), None, self.chrome(now), closed)
        transition = self._transition
        if transition is not None and transition.done(now):
            transition = None
        return Frame(self._shot(now), transition, self.chrome(now))

    def chrome(self, now: float) -> ChromeState:
        """What the controls show at `now` (none but the problem marker while closed)."""
        if not self.open:
            return ChromeState(0, -1, self._language, problem_marker=self._problem is not None)
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
            notice=self._notice(self._language),
        )

    def _notice(self, language: str) -> str | None:
        """The notice banner's text in `language`, while it is up."""
        if not self._opening.agenda.notice:
            return None
        return notice_text(self.content, language)

    def _shot(self, now: float) -> Shot:
        """The panel picture on screen at `now` (a transition shows its incoming one)."""
        if self._transition is not None and not self._transition.done(now):
            return self._transition.incoming
        t = max(0.0, self.panel_time(now))
        return Shot(self.source, self._index, self._language, t)
