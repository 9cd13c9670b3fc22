"""The proof-of-play and interaction log, in SQLite, written in batches.

Every panel shown is a *showing* (when, which panel, which language, how many
seconds); every touch that means something is an *interaction*; the kiosk's own
rare moments (start, stop, content loaded, content error) are *lifecycle* rows, so
that visitor sessions can be cut where the kiosk restarted or reloaded
(`kiosk.core.records.sessions`). Events are held
in memory (`kiosk.core.records.held`) and written together by `flush`, which the
records call once per commit period (`kiosk.core.records.batching`): one small
transaction every few seconds instead of one per event, which spares an SD card.
A SIGKILL or a power cut therefore loses at most the events of the last period.

The log never stops the kiosk and never raises:

- a damaged database is moved aside at start, or when a write finds the damage,
  and a new one started (`kiosk.core.records.eventdb`);
- a database that cannot be written now (disk full, read-only or vanished
  folder, locked) is kept as it is; the events stay in memory (bounded) and the
  next flush tries again, so they reach the file once space returns.

Log lines are written when the state changes (stopped, recording again), never
once per failed attempt. Two clocks are involved: `now`, passed to every method,
is the app's monotonic clock and measures durations; `clock` gives wall time and
only stamps rows.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.core.records.eventdb import (
    SCHEMA_VERSION,
    Tuner,
    close_quietly,
    commit,
    is_damage,
    move_aside,
    open_database,
)
from kiosk.core.records.held import HeldEvents, HeldShowing
from kiosk.core.records.timeline import Interaction, Moment

log = logging.getLogger(__name__)

__all__ = ["SCHEMA_VERSION", "EventLog", "EventsHealth", "iso_utc"]


def iso_utc(epoch: float) -> str:
    """Format epoch seconds as UTC ISO-8601 with milliseconds, e.g. 2026-11-27T15:00:00.000Z."""
    stamp = datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


@dataclass(frozen=True)
class EventsHealth:
    """How the event log is doing, for status.json.

    Attributes
    ----------
    recording
        True while events reach the database.
    held
        Events waiting in memory for the next commit (or for the disk).
    dropped
        Events lost this run because the memory buffer was full.
    problem
        Why events do not reach the database now; None when they do.
    moved_aside
        The file a damaged database was moved to during this run, if any.
    """

    recording: bool
    held: int = 0
    dropped: int = 0
    problem: str | None = None
    moved_aside: str | None = None


class EventLog:
    """Record showings and interactions; every method is safe to call in any state.

    Parameters
    ----------
    path
        The SQLite file (usually ``data_dir / EVENTS_DB``); created if missing.
    clock
        Wall time in epoch seconds, used only to stamp rows.
    tune
        Called on every new connection (tests simulate a full disk with it).
    lazy
        Open the database later (`open_if_needed`, or the first flush) rather than
        now, so that the first frame never waits for it: opening runs ``PRAGMA
        quick_check``, which reads the file. Events are held until then.
    """

    def __init__(
        self,
        path: Path,
        clock: Callable[[], float] = time.time,
        tune: Tuner | None = None,
        *,
        lazy: bool = False,
    ) -> None:
        self.path = path
        self._clock = clock
        self._tune = tune
        self._held = HeldEvents()
        self._conn: sqlite3.Connection | None = None
        self._problem: str | None = None
        self._moved_aside: str | None = None
        self._closed = False
        self._tried = False
        if not lazy:
            self._open()

    # state ------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        """Whether events reach the database (False while they are only held, or after close)."""
        return self._conn is not None and self._problem is None and not self._closed

    @property
    def pending(self) -> bool:
        """Whether a commit has something to write (a showing is open, or events are held)."""
        return not self._closed and (self._held.open is not None or bool(self._held.rows))

    def health(self) -> EventsHealth:
        """The log's state in words and numbers, for status.json."""
        usable = self._conn is not None or self._closed or not self._tried
        recording = self._problem is None and usable  # not opened yet: nothing wrong known
        return EventsHealth(
            recording, len(self._held), self._held.dropped, self._problem, self._moved_aside
        )

    # events -----------------------------------------------------------------------
    def panel_shown(self, panel_id: str, language: str, now: float) -> None:
        """Start a showing of `panel_id`, ending the previous one with its duration."""
        if not self._closed:
            self._held.start(HeldShowing(panel_id, language, self._clock(), now), now)

    def panel_ended(self, now: float) -> None:
        """End the open showing, if any, with its duration (on exit or when going idle)."""
        self._held.end(now)

    def interaction(
        self, kind: str, panel_id: str | None, now: float, detail: str | None = None
    ) -> None:
        """Record one interaction, e.g. ``("swipe", "intro", now, "left")``."""
        if not self._closed:
            self._held.add(Interaction(self._clock(), kind, panel_id, detail))

    def lifecycle(self, kind: str, now: float, detail: str | None = None) -> None:
        """Record a moment of the kiosk: ``start``, ``stop``, ``content``, ``content_error``."""
        if not self._closed:
            self._held.add(Moment(self._clock(), kind, detail))

    # writing ----------------------------------------------------------------------
    def flush(self, now: float) -> None:
        """Write what is held (and the open showing's seconds so far) in one transaction.

        When the database cannot be written, the events stay held and the next
        flush tries again (opening the file again if it is not open). A database
        found damaged is moved aside and the events go into a new one at once.
        """
        if self._closed:
            return
        if self._conn is not None and not self.path.exists():
            self._reopen("the event log was deleted; starting a new one")
        if self._conn is None:
            self._open()
        failure = self._commit_held(now)
        if failure is not None and is_damage(failure) and self._replace_damaged(failure):
            failure = self._commit_held(now)
        if failure is not None:
            self._stopped(f"cannot write {self.path}: {failure}")

    def _commit_held(self, now: float) -> sqlite3.Error | None:
        """Commit the held rows; the error when that failed (None when done or nothing to do)."""
        if self._conn is None:
            return None
        if not self.pending:
            self._recording_again()  # open, and nothing failed
            return None
        rows = self._held.batch(now)
        try:
            ids = commit(self._conn, [_statement(row) for row in rows])
        except sqlite3.Error as exc:
            return exc
        self._held.committed(ids)
        self._recording_again()
        return None

    def close(self, now: float) -> None:
        """End the open showing, commit everything and close the database; then do nothing."""
        if self._closed:
            return
        self.panel_ended(now)
        self.flush(now)
        if len(self._held):
            log.warning("%d events could not be saved to %s", len(self._held), self.path)
        self._closed = True
        close_quietly(self._conn)
        self._conn = None

    # opening ----------------------------------------------------------------------
    def open_if_needed(self) -> None:
        """Open (and check) the database now if that has not been tried yet."""
        if not self._tried and not self._closed:
            self._open()

    def _open(self) -> None:
        self._tried = True
        opened = open_database(self.path, self._clock(), self._tune)
        if opened.moved_aside is not None:
            self._moved_aside = opened.moved_aside.name
            self._held.forget_row_ids()
        self._conn = opened.conn
        if opened.problem is not None:
            self._stopped(opened.problem)

    # trouble ----------------------------------------------------------------------
    def _replace_damaged(self, exc: sqlite3.Error) -> bool:
        """Move a database found damaged while writing aside and open a new one."""
        close_quietly(self._conn)
        self._conn = None
        try:
            aside = move_aside(self.path, self._clock())
        except OSError as move_error:
            self._stopped(f"{self.path} is damaged ({exc}) and cannot be moved aside: {move_error}")
            return False
        log.warning("event log %s was damaged (%s); moved it to %s", self.path, exc, aside.name)
        self._moved_aside = aside.name
        self._held.forget_row_ids()
        self._open()
        return self._conn is not None

    def _reopen(self, why: str) -> None:
        log.warning("%s: %s", self.path, why)
        close_quietly(self._conn)
        self._conn = None
        self._held.forget_row_ids()

    def _stopped(self, problem: str) -> None:
        """Events stop reaching the database: say so once, keep them in memory."""
        if self._problem is None:
            log.error(
                "event log disabled: %s; holding events in memory (up to %d) and trying "
                "again at every commit",
                problem,
                self._held.limit,
            )
        self._problem = problem

    def _recording_again(self) -> None:
        if self._problem is not None:
            log.warning("event log %s is recording again; held events saved", self.path)
            self._problem = None


def _statement(row: HeldShowing | Interaction | Moment) -> tuple[str, tuple[object, ...]]:
    """The SQL that writes `row` as it is now (a committed showing is updated in place)."""
    if isinstance(row, Interaction):
        return (
            "INSERT INTO interactions (kind, panel_id, at, at_iso, detail) VALUES (?, ?, ?, ?, ?)",
            (row.kind, row.panel_id, row.at, iso_utc(row.at), row.detail),
        )
    if isinstance(row, Moment):
        return (
            "INSERT INTO lifecycle (kind, at, at_iso, detail) VALUES (?, ?, ?, ?)",
            (row.kind, row.at, iso_utc(row.at), row.detail),
        )
    if row.row_id is not None:
        return "UPDATE showings SET seconds = ? WHERE id = ?", (row.seconds, row.row_id)
    return (
        "INSERT INTO showings (panel_id, language, started_at, started_iso, seconds) "
        "VALUES (?, ?, ?, ?, ?)",
        (row.panel_id, row.language, row.started_at, iso_utc(row.started_at), row.seconds),
    )
