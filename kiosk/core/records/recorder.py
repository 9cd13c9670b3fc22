"""What the kiosk records for operators: proof-of-play, interactions, status.json, metrics.

`Records` follows the show's events (`follow`: panels and languages shown,
interactions, content staged, problems) and is ticked by the app's one ticker: it
commits the event log about once a second while there is something to commit, and
rewrites status.json after each change and at least every 10 seconds, when it also
pets systemd's watchdog and rewrites metrics.prom
(`kiosk.core.records.metrics`). Starts, stops, content loads and content errors go
to the event log as lifecycle moments, which visitor sessions need.
Proof-of-play, the heartbeat and the watchdog count only while the window is on a
screen a visitor can see (`screen_changed`); until then, and whenever the compositor
hides it, status.json says so instead. Outside opening hours (`opening_changed`) no
panel is shown, so none is recorded; a display the schedule switched off is healthy:
the heartbeat and the watchdog go on, and status.json says ``"screen_state":
"off_by_schedule"`` so that a monitor does not take it for a failure.
Durations and scheduling use the app's monotonic clock; stamps use the wall clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import __version__
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

FLUSH_SECONDS = 1.0
HEARTBEAT_SECONDS = 10.0
NOT_ON_SCREEN_YET = "the kiosk window has not been shown on a screen yet"


class Records:
    """The event log and the status file of one running kiosk."""

    def __init__(
        self,
        data_dir: Path,
        clock: Callable[[], float],
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.clock = clock
        self.wall = wall
        now = clock()
        self.events = EventLog(data_dir / EVENTS_DB, clock=wall)
        self.status_file = StatusFile(data_dir / STATUS_FILE)
        self.status = KioskStatus(started_at=wall(), version=__version__)
        self.status.heartbeat_at = self.status.started_at
        self.status.events_enabled = self.events.enabled
        self.counts = LiveCounts()
        self.metrics_file = AtomicFile(data_dir / METRICS_FILE, mode=SHARED_READ)
        self.status.screen_problem = NOT_ON_SCREEN_YET
        self.on_screen = False
        self.closed = False  # outside opening hours: no panel on screen
        self.dark = False  # the schedule switched the display off
        self._counting = False  # a visitor can see the panel: showings are recorded
        self._showing: tuple[str, str] | None = None
        self._dirty = False
        self._last_flush = now
        self._heartbeat_due = now
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
        events.content_staged.connect(self._on_staged)
        events.problem_changed.connect(self._on_problem)
        events.opening_changed.connect(self._on_opening)

    def _on_panel(self, event: show.PanelChanged) -> None:
        self.panel_shown(event.panel_id, event.language)

    def _on_language(self, event: show.LanguageChanged) -> None:
        self.panel_shown(event.panel_id, event.language)

    def _on_interaction(self, event: show.Interaction) -> None:
        self.interaction(event.kind, event.panel_id, event.detail)

    def _on_staged(self, event: show.ContentStaged) -> None:
        self.source_loaded(event.source)

    def _on_problem(self, event: show.ProblemChanged) -> None:
        self.content_error(event.error, event.using_last_good)

    def _on_opening(self, event: show.OpeningChanged) -> None:
        self.opening_changed(event.open, event.dark, event.changes_at)

    # what happened --------------------------------------------------------
    def panel_shown(self, panel_id: str, language: str) -> None:
        """Record a showing (if a visitor can see it) and put it in the status."""
        self._showing = (panel_id, language)
        if self._counting:
            self.events.panel_shown(panel_id, language, self.clock())
            self.counts.feed(Showing(self.wall(), panel_id, language))
            self.status.current_panel = panel_id
        self.status.language = language
        self._mark_dirty()

    def interaction(self, kind: str, panel_id: str | None, detail: str | None = None) -> None:
        """Record a visitor's (or the idle reset's) action."""
        self.events.interaction(kind, panel_id, self.clock(), detail)
        self.counts.feed(Interaction(self.wall(), kind, panel_id, detail))
        self._mark_dirty()

    # content --------------------------------------------------------------
    def source_loaded(self, source: Source) -> None:
        """A content version was taken for the screen (from the file or the last good copy)."""
        self.content_loaded(
            self._content_path,
            source.sha256,
            len(source.content.panels),
            len(source.problems),
            source.origin == "last_good",
        )

    def content_loaded(
        self, path: Path, sha256: str | None, panels: int, problems: int, last_good: bool
    ) -> None:
        """A content version went on screen."""
        self.status.content_path = str(path)
        self.status.content_sha256 = sha256
        self.status.loaded_at = self.wall()
        self.status.panels = panels
        self.status.problems = problems
        self.status.using_last_good = last_good
        self._moment("content", sha256)
        self.write_status()

    def content_error(self, message: str | None, using_last_good: bool | None = None) -> None:
        """Set or clear the problem shown to operators; rewrite status.json at once.

        `using_last_good` says whether the content on screen is now the last good copy
        (None: unchanged).
        """
        if message is not None and message != self.status.last_error:
            self._moment("content_error", message)
        self.status.last_error = message
        if using_last_good is not None:
            self.status.using_last_good = using_last_good
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
            self._heartbeat_due = self.clock()  # a beat (the watchdog if on screen) next tick
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
            self._heartbeat_due = self.clock()
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
        self._mark_dirty()

    # time -------------------------------------------------------------------
    def tick(self, now: float) -> float:
        """Flush and beat when due; return when the next flush or heartbeat is due."""
        if self._dirty and now - self._last_flush >= FLUSH_SECONDS:
            self.events.flush(now)
            self._dirty = False
            self._last_flush = now
            self.write_status()  # monitors see the new panel within a second
        if now >= self._heartbeat_due:
            self.write_status()
            self.write_metrics()
            if self.healthy:
                notify("WATCHDOG=1")
            self._heartbeat_due = now + HEARTBEAT_SECONDS
        due = self._heartbeat_due
        if self._dirty:
            due = min(due, self._last_flush + FLUSH_SECONDS)
        return due

    def write_status(self) -> bool:
        """Rewrite status.json now; the heartbeat moves on only while healthy (`healthy`)."""
        if self.healthy:
            self.status.heartbeat_at = self.wall()
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
        self.write_status()
        self.write_metrics(up=False)

    def _moment(self, kind: str, detail: str | None) -> None:
        """Note a lifecycle moment in the event log and the live counts (it may end a session).

        The row is committed with the next flush or at close.
        """
        self.events.lifecycle(kind, self.clock(), detail)
        self.counts.moment(self.wall(), kind)

    def _mark_dirty(self) -> None:
        self._dirty = True
