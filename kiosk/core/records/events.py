"""The proof-of-play and interaction log, in SQLite.

Every panel shown is a *showing* (when, which panel, which language, how many
seconds); every touch that means something is an *interaction*; the kiosk's own
rare moments (start, stop, content loaded, content error) are *lifecycle* rows,
so that visitor sessions can be cut where the kiosk restarted or reloaded
(`kiosk.core.records.sessions`). The log never
stops the kiosk: a damaged database is moved aside and a new one started; a
folder that cannot be written disables the log (one error line); write errors
later on are logged at most once a minute and never raised.

Two clocks are involved. `now`, passed to every method, is the app's clock
(monotonic, or fake in tests) and measures durations and flush intervals.
`clock` gives wall time and is only used to stamp rows.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kiosk.core.records.paths import LogThrottle

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
COMMIT_INTERVAL = 1.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS showings (
    id INTEGER PRIMARY KEY,
    panel_id TEXT NOT NULL,
    language TEXT,
    started_at REAL NOT NULL,
    started_iso TEXT NOT NULL,
    seconds REAL
);
CREATE TABLE IF NOT EXISTS interactions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    panel_id TEXT,
    at REAL NOT NULL,
    at_iso TEXT NOT NULL,
    detail TEXT
);
CREATE TABLE IF NOT EXISTS lifecycle (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    at REAL NOT NULL,
    at_iso TEXT NOT NULL,
    detail TEXT
);
CREATE INDEX IF NOT EXISTS showings_started ON showings (started_at);
CREATE INDEX IF NOT EXISTS interactions_at ON interactions (at);
"""


def iso_utc(epoch: float) -> str:
    """Format epoch seconds as UTC ISO-8601 with milliseconds, e.g. 2026-11-27T15:00:00.000Z."""
    stamp = datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


class EventLog:
    """Record showings and interactions; every method is safe to call in any state.

    Parameters
    ----------
    path
        The SQLite file (usually ``data_dir / EVENTS_DB``); created if missing.
    clock
        Wall time in epoch seconds, used only to stamp rows.
    """

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self._throttle = LogThrottle()
        self._open_id: int | None = None
        self._open_since = 0.0
        self._last_commit: float | None = None
        self._conn = _open_or_replace(path, clock)

    @property
    def enabled(self) -> bool:
        """Whether events are being recorded (False after a fatal open error or close)."""
        return self._conn is not None

    def panel_shown(self, panel_id: str, language: str, now: float) -> None:
        """Start a showing of `panel_id`, closing the previous one with its duration."""
        stamp = self._clock()
        self._run(now, self._close_showing, now)
        self._run(now, self._insert_showing, panel_id, language, stamp, now)
        if self._last_commit is None or now - self._last_commit >= COMMIT_INTERVAL:
            self.flush(now)

    def panel_ended(self, now: float) -> None:
        """Close the open showing, if any, with its duration (on exit or when going idle)."""
        self._run(now, self._close_showing, now)

    def interaction(
        self, kind: str, panel_id: str | None, now: float, detail: str | None = None
    ) -> None:
        """Record one interaction, e.g. ``("swipe", "intro", now, "left")``."""
        self._insert_stamped(now, "interactions", kind=kind, panel_id=panel_id, detail=detail)

    def lifecycle(self, kind: str, now: float, detail: str | None = None) -> None:
        """Record a moment of the kiosk: ``start``, ``stop``, ``content``, ``content_error``."""
        self._insert_stamped(now, "lifecycle", kind=kind, detail=detail)

    def flush(self, now: float) -> None:
        """Bring the open showing's seconds up to `now` and commit what is pending.

        Called about once a second, so a crash or power cut loses at most the
        last second.
        """
        if self._conn is None:
            return
        if self._open_id is not None:
            self._run(now, self._update_seconds, now)
        if self._conn is not None and self._conn.in_transaction:
            self._run(now, self._conn.commit)
        self._last_commit = now

    def close(self, now: float) -> None:
        """End the open showing, commit and close the database; later calls do nothing."""
        if self._conn is None:
            return
        self.panel_ended(now)
        self.flush(now)
        conn, self._conn = self._conn, None
        try:
            conn.close()
        except sqlite3.Error as exc:
            log.warning("could not close the event log %s: %s", self.path, exc)

    def _run(self, now: float, action: Callable[..., object], *args: object) -> None:
        """Run a database action; log (rate-limited) and swallow any sqlite3 error."""
        if self._conn is None:
            return
        try:
            action(*args)
        except sqlite3.Error as exc:
            self._write_failed(now, exc)

    def _write_failed(self, now: float, exc: sqlite3.Error) -> None:
        self._throttle.log(log, logging.ERROR, now, "could not write the event log %s: %s",
                           self.path, exc)
        try:
            if self._conn is not None:
                self._conn.rollback()
        except sqlite3.Error:
            pass

    def _insert_stamped(self, now: float, table: str, **values: str | None) -> None:
        """Insert a row of `values` into `table`, stamped with the wall time (`at`, `at_iso`)."""
        stamp = self._clock()
        names = ", ".join([*values, "at", "at_iso"])
        marks = ", ".join("?" * (len(values) + 2))
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        self._run(now, self._execute, sql, (*values.values(), stamp, iso_utc(stamp)))

    def _execute(self, sql: str, params: tuple[object, ...]) -> int | None:
        assert self._conn is not None
        return self._conn.execute(sql, params).lastrowid

    def _insert_showing(self, panel_id: str, language: str, stamp: float, now: float) -> None:
        self._open_id = self._execute(
            "INSERT INTO showings (panel_id, language, started_at, started_iso, seconds) "
            "VALUES (?, ?, ?, ?, 0.0)",
            (panel_id, language, stamp, iso_utc(stamp)),
        )
        self._open_since = now

    def _update_seconds(self, now: float) -> None:
        seconds = max(0.0, now - self._open_since)
        self._execute("UPDATE showings SET seconds = ? WHERE id = ?", (seconds, self._open_id))

    def _close_showing(self, now: float) -> None:
        if self._open_id is None:
            return
        try:
            self._update_seconds(now)
        finally:
            self._open_id = None


def _connect(path: Path) -> sqlite3.Connection:
    """Open `path`, check that it is a usable database and bring its schema up to date."""
    conn = sqlite3.connect(str(path), timeout=2.0)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            conn.executescript(_SCHEMA)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("SELECT count(*) FROM showings").fetchone()
        conn.execute("SELECT count(*) FROM interactions").fetchone()
        conn.commit()
    except BaseException:
        conn.close()
        raise
    return conn


def _open_or_replace(path: Path, clock: Callable[[], float]) -> sqlite3.Connection | None:
    """Open the log; move a damaged file aside and start afresh; None if even that fails."""
    try:
        return _connect(path)
    except sqlite3.Error as exc:
        if not path.exists() or _is_busy(exc):
            log.error("event log disabled: cannot open %s (%s)", path, exc)
            return None
        first_error = exc
    try:
        aside = _move_aside(path, clock())
        log.warning(
            "event log %s was unusable (%s); moved it to %s and started a new one",
            path,
            first_error,
            aside.name,
        )
        return _connect(path)
    except (OSError, sqlite3.Error) as exc:
        log.error("event log disabled: cannot open or replace %s (%s)", path, exc)
        return None


def _is_busy(exc: sqlite3.Error) -> bool:
    """Whether the error means another process holds the database (not damage)."""
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _move_aside(path: Path, epoch: float) -> Path:
    """Rename `path` (and its -wal/-shm files) to ``<name>.corrupt-YYYYmmddTHHMMSS``."""
    stamp = datetime.fromtimestamp(epoch, UTC).strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    path.rename(aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return aside
