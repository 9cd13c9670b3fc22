"""Visitor sessions, derived from the event log after the fact.

A session starts with a visitor's first touch or key after the attract loop and
ends at the idle reset (the visitor walked away), at the next content reload, when
the kiosk stops or restarts, or when the log falls silent for longer than any idle
timeout allows (a power cut). Nothing is written per frame to find them: the
showings, interactions and lifecycle moments the kiosk records already say it all.

While a visitor interacts the rotation is held (`kiosk.core.show.rotation`), so every
panel that appears during a session was brought there by the visitor: those are the
panel's views *by visitors*; the other showings are views *by the rotation*.

`SessionTracker` is a fold over the timeline: `derive` runs it over rows read from
the log, and the running kiosk feeds it live to count sessions for its metrics.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kiosk.core.content.model import MAX_DWELL_SECONDS
from kiosk.core.records.timeline import Event, Interaction, Moment, Showing

# The idle timeout is at most MAX_DWELL_SECONDS; its reset comes that long after the
# last touch at the latest. Silence well beyond it means the kiosk was gone.
MAX_SILENCE_SECONDS = MAX_DWELL_SECONDS + 60.0

NOT_VISITOR = frozenset({"idle_reset", "admin"})
ENDINGS = {"stop": "exit", "start": "restart", "content": "reload", "opening": "schedule"}


@dataclass
class Session:
    """One visitor's time at the kiosk; times are epoch seconds.

    Attributes
    ----------
    start, end
        The first touch, and when the session ended (the idle reset, the reload...).
    last_input
        The visitor's last touch or key.
    panels
        Panels seen, in order: the one under the first touch, then each one the
        visitor brought up (a language switch on the same panel is not a new one).
    start_language
        The language on screen at the first touch.
    languages
        Languages the visitor switched to, each once, in the order first chosen.
    language
        The language on screen when the visitor was last active.
    interactions
        Touches and keys that did something.
    ended_by
        ``walk_away`` (idle reset), ``reload``, ``exit``, ``restart`` (the kiosk
        started again without stopping), ``schedule`` (the booth closed, or its
        screen went dark or lit up), ``silence`` (the log stopped) or ``open``
        (still going when the log ends).
    """

    start: float
    end: float
    last_input: float
    panels: list[str] = field(default_factory=list)
    start_language: str | None = None
    languages: list[str] = field(default_factory=list)
    language: str | None = None
    interactions: int = 0
    ended_by: str = "open"

    @property
    def seconds(self) -> float:
        """How long the visitor interacted: from the first touch to the last.

        The idle countdown after the last touch is the kiosk waiting, not the
        visitor reading, so it is left out.
        """
        return max(0.0, self.last_input - self.start)

    @property
    def walked_away(self) -> bool:
        """True when the session ended with the idle reset."""
        return self.ended_by == "walk_away"


@dataclass
class Derived:
    """What the timeline says about visitors over a period.

    Attributes
    ----------
    sessions
        Every session that started in the period, in order of start.
    visitor_views, rotation_views
        Per panel id: appearances in those sessions (`Session.panels`), and the
        showings in the period that no visitor brought.
    """

    sessions: list[Session] = field(default_factory=list)
    visitor_views: Counter[str] = field(default_factory=Counter)
    rotation_views: Counter[str] = field(default_factory=Counter)

    def keep(self, session: Session) -> None:
        """Add a session and its panel views."""
        self.sessions.append(session)
        self.visitor_views.update(session.panels)


class SessionTracker:
    """Follow the timeline one event at a time, opening and closing sessions.

    Closed sessions are returned by `feed`, never kept here, so a running kiosk can
    feed it all day; `started` counts the sessions opened so far.
    """

    def __init__(self) -> None:
        self.current: Session | None = None
        self.started = 0
        self._on_screen: str | None = None
        self._language: str | None = None

    def feed(self, event: Event) -> Session | None:
        """Take the next event; return the session it closed, if any."""
        closed = self._silence(event.at)
        if isinstance(event, Showing):
            self._showing(event)
        elif isinstance(event, Interaction):
            closed = self._interaction(event) or closed
        else:
            closed = self._moment(event) or closed
        return closed

    def finish(self) -> Session | None:
        """Close a session still open at the end of the timeline (``open``)."""
        return self._close("open", None)

    def _silence(self, at: float) -> Session | None:
        """Close a session the log fell silent on: the kiosk was gone, its screen unknown."""
        if self.current is None or at - self.current.last_input <= MAX_SILENCE_SECONDS:
            return None
        self._on_screen = self._language = None
        return self._close("silence", None)

    def _showing(self, showing: Showing) -> None:
        if self.current is not None and showing.panel_id != self._on_screen:
            self.current.panels.append(showing.panel_id)
        self._on_screen, self._language = showing.panel_id, showing.language

    def _interaction(self, action: Interaction) -> Session | None:
        if action.kind == "idle_reset":
            return self._close("walk_away", action.at)
        if action.kind in NOT_VISITOR:
            return None
        if self.current is None:
            self._open(action.at)
        assert self.current is not None
        self.current.interactions += 1
        self.current.last_input = self.current.end = action.at
        if action.kind == "language" and action.detail:
            self.current.language = action.detail
            if action.detail not in self.current.languages:
                self.current.languages.append(action.detail)
        return None

    def _moment(self, moment: Moment) -> Session | None:
        ending = ENDINGS.get(moment.kind)
        if ending is None:
            return None
        if ending != "reload":
            self._on_screen = self._language = None
        return self._close(ending, None if ending == "restart" else moment.at)

    def _open(self, at: float) -> None:
        self.started += 1
        language = self._language
        self.current = Session(at, at, at, start_language=language, language=language)
        if self._on_screen is not None:
            self.current.panels.append(self._on_screen)

    def _close(self, ended_by: str, at: float | None) -> Session | None:
        """End the open session at `at` (None: at the visitor's last input)."""
        session, self.current = self.current, None
        if session is None:
            return None
        session.ended_by = ended_by
        session.end = session.last_input if at is None else max(at, session.last_input)
        return session


def derive(events: Iterable[Event], since: float = -math.inf, until: float = math.inf) -> Derived:
    """Find the sessions and count panel views in a merged timeline.

    Parameters
    ----------
    events
        Rows in the order they happened (`kiosk.core.records.timeline.merge`); they
        may begin before `since`, so that a session is seen whole.
    since, until
        The period: sessions that start in it, showings in it (epoch seconds,
        `until` excluded).

    Returns
    -------
    Derived
        The sessions (one still open at the end is closed as ``open``) and the
        panel views by visitors and by the rotation.
    """
    derived = Derived()
    tracker = SessionTracker()

    def keep(session: Session | None) -> None:
        if session is not None and since <= session.start < until:
            derived.keep(session)

    for event in events:
        keep(tracker.feed(event))
        if isinstance(event, Showing) and tracker.current is None and since <= event.at < until:
            derived.rotation_views[event.panel_id] += 1
    keep(tracker.finish())
    return derived
