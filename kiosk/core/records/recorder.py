"""What the kiosk records for operators: proof-of-play, interactions, status.json, metrics.

`Records` follows the show's events (`follow`: panels and languages shown,
interactions, content staged, problems) and is ticked by the app's one ticker. It
writes little and in bursts (`kiosk.core.records.batching`):
the event log is committed once per commit period while there is something to
commit; status.json and metrics.prom (`kiosk.core.records.metrics`) are rewritten
at the heartbeat, on the same grid, and status.json also at once when something an
operator must see changes; systemd's watchdog is petted every 10 s, which writes
nothing. Starts, stops, content loads and content errors go to the event log as
lifecycle moments, which visitor sessions need.
Proof-of-play, the heartbeat and the watchdog count only while the window is on a
screen a visitor can see (`screen_changed`); until then, and whenever the compositor
hides it, status.json says so instead. Outside opening hours (`opening_changed`) no
panel is shown, so none is recorded; a display the schedule switched off is healthy:
the heartbeat and the watchdog go on, and status.json says ``"screen_state":
"off_by_schedule"`` so that a monitor does not take it for a failure.
Durations, scheduling and the uptime use the app's monotonic clock; stamps use the
wall clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import __version__
from kiosk.core.content.lastgood import retry_last_good, unsaved_last_good
from kiosk.core.content.problems import Problem, count_errors
from kiosk.core.records.batching import (
    BEAT_SECONDS,
    HEARTBEAT_SECONDS,
    WATCHDOG_SECONDS,
    Every,
    commit_seconds,
)
from kiosk.core.records.events import EventLog
from kiosk.core.records.metrics import LiveCounts, exposition
from kiosk.core.records.paths import (
    EVENTS_DB,
    METRICS_FILE,
    SHARED_READ,
    STATUS_FILE,
    AtomicFile,
)
from kiosk.core.records.sdnotify import notify
from kiosk.core.records.status import KioskStatus, StatusFile
from kiosk.core.records.timeline import Interaction, Showing

if TYPE_CHECKING:
    from kiosk.core.content.source import Source
    from kiosk.core.show import events as show
    from kiosk.core.show.presentation import Presentation

NOT_ON_SCREEN_YET = "the kiosk window has not been shown on a screen yet"


class Records:
    """The event log, the status file and the metrics of one running kiosk."""

    def __init__(
        self,
        data_dir: Path,
        clock: Callable[[], float],
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.clock = clock
        self.wall = wall
        self.data_dir = data_dir
        now = clock()
        self.events = EventLog(data_dir / EVENTS_DB, clock=wall, lazy=True)
        self.status_file = StatusFile(data_dir / STATUS_FILE)
        self.status = KioskStatus(started_at=wall(), version=__version__)
        self.status.heartbeat_at = self.status.started_at
        self.counts = LiveCounts()
        self.metrics_file = AtomicFile(data_dir / METRICS_FILE, mode=SHARED_READ)
        self.status.screen_problem = NOT_ON_SCREEN_YET
        self.on_screen = False
        self.closed = False  # outside opening hours: no panel on screen
        self.dark = False  # the schedule switched the display off
        self._counting = False  # a visitor can see the panel: showings are recorded
        self._showing: tuple[str, str] | None = None
        self._started = now
        self._watchdog = Every(WATCHDOG_SECONDS, now, at_once=True)
        self._commit = Every(commit_seconds(), now)
        self._heartbeat = Every(HEARTBEAT_SECONDS, now, at_once=True)
        self._beat_now = False
        self._status_due = False  # status.json is written at the next tick (new content)
        self._events_state: tuple[object, ...] = ()
        self._take_events_health()
        self._content_path = Path()
        self._moment("start", __version__)

    # the show's events ----------------------------------------------------
    def follow(self, show: Presentation, content_path: Path) -> None:
        """Record what `show` shows now and, through its events, from now on."""
        self._content_path = content_path
        self.opening_changed(show.open, show.dark, show.changes_at)
        self.panel_shown(show.panel_id, show.language)
        self.source_loaded(show.source)
        self.content_error(show.problem)
        events = show.events
        events.panel_changed.connect(self._on_panel)
        events.language_changed.connect(self._on_language)
        events.interaction.connect(self._on_interaction)
        events.content_applied.connect(self._on_applied)
        events.problem_changed.connect(self._on_problem)
        events.opening_changed.connect(self._on_opening)

    def _on_panel(self, event: show.PanelChanged) -> None:
        self.panel_shown(event.panel_id, event.language)

    def _on_language(self, event: show.LanguageChanged) -> None:
        self.panel_shown(event.panel_id, event.language)

    def _on_interaction(self, event: show.Interaction) -> None:
        self.interaction(event.kind, event.panel_id, event.detail)

    def _on_applied(self, event: show.ContentApplied) -> None:
        """New content went on screen: status.json names it, with its panel, at the next tick."""
        self.source_loaded(event.source, write=False)
        self._status_due = True  # the panel it shows is announced just after this

    def _on_problem(self, event: show.ProblemChanged) -> None:
        self.content_error(event.error, event.using_last_good)

    def _on_opening(self, event: show.OpeningChanged) -> None:
        self.opening_changed(event.open, event.dark, event.changes_at)

    # what happened --------------------------------------------------------
    def panel_shown(self, panel_id: str, language: str) -> None:
        """Record a showing (if a visitor can see it); the status carries it from the next beat."""
        self._showing = (panel_id, language)
        if self._counting:
            self.events.panel_shown(panel_id, language, self.clock())
            self.counts.feed(Showing(self.wall(), panel_id, language))
            self.status.current_panel = panel_id
        self.status.language = language

    def interaction(self, kind: str, panel_id: str | None, detail: str | None = None) -> None:
        """Record a visitor's (or the idle reset's) action."""
        self.events.interaction(kind, panel_id, self.clock(), detail)
        self.counts.feed(Interaction(self.wall(), kind, panel_id, detail))

    # content --------------------------------------------------------------
    def source_loaded(self, source: Source, write: bool = True) -> None:
        """A content version went on screen (from the file or the last good copy).

        Its `problems` are what reading content.json found (see `KioskStatus`).
        """
        self.content_loaded(
            self._content_path,
            source.sha256,
            len(source.content.panels),
            len(source.problems),
            source.origin == "last_good",
            count_errors(source.problems),
            write,
        )

    def problems_found(self, problems: Sequence[Problem]) -> None:
        """The problems of content.json as just read; status.json counts them from its next write.

        The show's problem event (`content_error`) follows and writes them, so the
        counts always describe the file `last_error` is about.
        """
        self.status.problems, self.status.errors = len(problems), count_errors(problems)

    def content_loaded(
        self,
        path: Path,
        sha256: str | None,
        panels: int,
        problems: int,
        last_good: bool,
        errors: int = 0,
        write: bool = True,
    ) -> None:
        """A content version went on screen; status.json says so now (`write`) or at the next tick.

        `problems` and `errors` count what reading content.json found (see
        `KioskStatus`): its warnings when it loaded, or its problems when the last
        good copy is shown instead.
        """
        self.status.content_path = str(path)
        self.status.content_sha256 = sha256
        self.status.loaded_at = self.wall()
        self.status.panels = panels
        self.status.problems, self.status.errors = problems, errors
        self.status.using_last_good = last_good
        self.status.last_good_problem = unsaved_last_good(self.data_dir)
        self._moment("content", sha256)
        if write:
            self.write_status()

    def content_error(self, message: str | None, using_last_good: bool | None = None) -> None:
        """Set or clear the problem shown to operators; rewrite status.json at once.

        `using_last_good` says whether the content on screen is now the last good copy
        (None: unchanged, unless the problem is gone: then it is not).
        """
        if message is not None and message != self.status.last_error:
            self._moment("content_error", message)
        self.status.last_error = message
        if using_last_good is not None:
            self.status.using_last_good = using_last_good
        elif message is None:  # content.json is good again: no longer a stand-in
            self.status.using_last_good = False
        self.write_status()

    # screen -----------------------------------------------------------------
    def screen_changed(self, on_screen: bool, problem: str | None, screen: dict[str, Any]) -> None:
        """The window came onto a screen, or left it; status.json says so at the next tick.

        The status is not written here: this is called from the window's first paint,
        whose frame must reach the screen before the disk is synced. Other news (a
        resize, say) waits for the next regular write.

        Parameters
        ----------
        on_screen
            Whether a visitor can see the window (exposed, and a frame painted).
        problem
            Why not, in words, for operators; None when on screen.
        screen
            What the window is shown on (platform, sizes), for status.json.
        """
        if on_screen != self.on_screen:
            self._beat_now = True  # a beat (the watchdog if on screen) at the next tick
        self.on_screen = on_screen
        self.status.on_screen = on_screen
        self.status.screen_problem = problem
        self.status.screen = screen
        self._follow_screen()

    def opening_changed(self, is_open: bool, dark: bool, changes_at: float | None) -> None:
        """The booth opened or closed, or the schedule switched the display off or on.

        While closed no panel is recorded; while dark (off by the schedule) the kiosk
        is healthy whether or not the window system still shows its window. status.json
        is rewritten at the next tick.
        """
        if (not is_open, dark) != (self.closed, self.dark):
            self._moment("opening", "open" if is_open else ("off" if dark else "closed"))
            self._beat_now = True  # status.json says so at the next tick
        self.closed, self.dark = not is_open, dark
        self.status.open = is_open
        self.status.changes_at = changes_at
        self._follow_screen()

    @property
    def healthy(self) -> bool:
        """Whether the kiosk does what it should: on a screen, or dark by the schedule."""
        return self.on_screen or self.dark

    def _follow_screen(self) -> None:
        """Open or close the showing as visitors start or stop seeing panels; the screen state."""
        counting = self.on_screen and not self.closed
        if self.dark:
            self.status.screen_state = "off_by_schedule"
            self.status.screen_problem = None
        elif not self.on_screen:
            self.status.screen_state = "not_visible"
        else:
            self.status.screen_state = "closed_screen" if self.closed else "panels"
        if counting == self._counting:
            return
        self._counting = counting
        if self._showing is None:
            return
        now = self.clock()
        if counting:
            panel_id, language = self._showing
            self.events.panel_shown(panel_id, language, now)
            self.counts.feed(Showing(self.wall(), panel_id, language))
            self.status.current_panel = panel_id
        else:
            self.events.panel_ended(now)
            self.status.current_panel = None

    # time -------------------------------------------------------------------
    def tick(self, now: float) -> float:
        """Commit, beat and pet the watchdog when due; return when the next is due.

        The schedules share one grid from the start, so a commit and a heartbeat
        that fall due together are written in the same burst; status.json is
        written at most once per tick.
        """
        beat = self._heartbeat.take(now) or self._beat_now
        write = beat or self._status_due
        self._beat_now = self._status_due = False
        if self._watchdog.take(now) or beat:
            if self.on_screen or now >= self._started + BEAT_SECONDS:  # after the first frame
                self.events.open_if_needed()
            if self.healthy:
                notify("WATCHDOG=1")
            write = self._take_events_health() or write
        committing = self._commit.take(now)
        if committing and self.events.pending:
            self.events.flush(now)
            write = self._take_events_health() or write  # stopped or back: say so at once
        if committing or beat:
            write = self._keep_last_good() or write
        if write:
            self.write_status()
        if beat:
            self.write_metrics()
        due = min(self._heartbeat.at, self._watchdog.at)
        waiting = self.events.pending or self.status.last_good_problem is not None
        return min(due, self._commit.at) if waiting else due

    def write_status(self) -> bool:
        """Rewrite status.json now; the heartbeat moves on only while healthy (`healthy`)."""
        if self.healthy:
            self.status.heartbeat_at = self.wall()
        self.status.uptime_seconds = max(0.0, self.clock() - self._started)
        return self.status_file.write(self.status)

    def write_metrics(self, up: bool = True) -> bool:
        """Rewrite metrics.prom now (status.json's heartbeat stamp is the metrics' too)."""
        text = exposition(self.status, self.counts, up)
        return self.metrics_file.write_bytes(text.encode("utf-8"))

    def close(self) -> None:
        """Close the current showing, commit everything and write a last status and metrics."""
        self.events.lifecycle("stop", self.clock())
        self.events.close(self.clock())
        self.status.current_panel = None
        self.status.on_screen = False  # a stopped kiosk shows nothing
        self.status.screen_state = "stopped"
        self._take_events_health()
        self.write_status()
        self.write_metrics(up=False)

    def _moment(self, kind: str, detail: str | None) -> None:
        """Note a lifecycle moment in the event log and the live counts (it may end a session).

        The row is committed with the next commit or at close.
        """
        self.events.lifecycle(kind, self.clock(), detail)
        self.counts.moment(self.wall(), kind)

    def _keep_last_good(self) -> bool:
        """Save the last good content if it waits (a full disk); True when the status changed."""
        retry_last_good(self.data_dir)
        problem = unsaved_last_good(self.data_dir)
        changed, self.status.last_good_problem = problem != self.status.last_good_problem, problem
        return changed

    def _take_events_health(self) -> bool:
        """Copy the event log's health into the status; True when an operator must hear of it."""
        health = self.events.health()
        self.status.events_enabled = health.recording
        self.status.events_held = health.held
        self.status.events_dropped = health.dropped
        self.status.events_problem = health.problem
        self.status.events_moved_aside = health.moved_aside
        state = (health.recording, health.problem, health.moved_aside, health.dropped > 0)
        changed, self._events_state = state != self._events_state, state
        return changed
