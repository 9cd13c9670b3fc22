"""The event database file: opened with a check, written in batches, moved aside when damaged.

SQLite in WAL mode with ``synchronous=FULL``: a commit is on the card when it
returns, so a power cut loses only what was not committed yet. Opening runs
``PRAGMA quick_check``: a database with one damaged page opens without complaint
and then fails every write ("database disk image is malformed"), so a damaged file
is found when the log is opened, moved aside (``events.sqlite3.corrupt-<time>``,
kept for recovery) and a new one started. The same happens when a write later
finds damage.

Trouble that is not damage (a full disk, a read-only or vanished folder, a file
locked by another program, an I/O error) never moves a healthy file aside: the
caller keeps its events in memory and tries again (`kiosk.core.records.events`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
NEW_PAGE_SIZE = 1024  # bytes; small pages make each commit's log frames small (SD cards)
BUSY_SECONDS = 0.5  # how long a write waits for another program's lock
CHECK_SECONDS = 1.0  # the most the integrity check may take when the log is opened
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB

_SCHEMA = f"""
BEGIN;
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
PRAGMA user_version = {SCHEMA_VERSION};
COMMIT;
"""

Tuner = Callable[[sqlite3.Connection], None]


class Damaged(sqlite3.DatabaseError):
    """The file is not a usable event database (a failed check, a folder in the way)."""


@dataclass(frozen=True)
class Opened:
    """The outcome of opening the event database.

    Attributes
    ----------
    conn
        The open connection, or None when the database cannot be used now.
    problem
        Why it cannot be used now (None when `conn` is open).
    moved_aside
        The file a damaged database was moved to, when that happened.
    """

    conn: sqlite3.Connection | None
    problem: str | None = None
    moved_aside: Path | None = None


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether `exc` says the file is damaged (rather than full, locked or unreachable)."""
    if isinstance(exc, Damaged):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGE_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def open_database(path: Path, epoch: float, tune: Tuner | None = None) -> Opened:
    """Open the event database at `path`, replacing a damaged one; never raises.

    Parameters
    ----------
    path
        The database file; created when missing.
    epoch
        Wall time, used to name a damaged file moved aside.
    tune
        Called on each new connection before it is used (tests use it to
        simulate a full disk with SQLite's ``max_page_count``).
    """
    try:
        return Opened(connect(path, tune))
    except sqlite3.Error as exc:
        if not is_damage(exc):
            return Opened(None, f"cannot open {path}: {exc}")
        damage = exc
    try:
        aside = move_aside(path, epoch)
    except OSError as exc:
        return Opened(None, f"{path} is damaged ({damage}) and cannot be moved aside: {exc}")
    log.warning("event log %s was damaged (%s); moved it to %s", path, damage, aside.name)
    try:
        return Opened(connect(path, tune), moved_aside=aside)
    except sqlite3.Error as exc:
        return Opened(None, f"cannot start a new {path}: {exc}", aside)


def connect(path: Path, tune: Tuner | None = None) -> sqlite3.Connection:
    """Open `path`, check it and bring its schema up to date.

    Raises
    ------
    sqlite3.Error
        `Damaged` (or a damage error, see `is_damage`) when the file is not a usable
        database; another error when it cannot be used now (full disk, locked...).
    """
    _check_is_a_file(path)
    conn = sqlite3.connect(str(path), timeout=BUSY_SECONDS)
    try:
        if tune is not None:
            tune(conn)
        _prepare(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _check_is_a_file(path: Path) -> None:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing (SQLite creates it) or unreachable (SQLite says why)
    if not stat.S_ISREG(mode):
        raise Damaged(f"{path} is not a file")


def _prepare(conn: sqlite3.Connection) -> None:
    """Pragmas, the integrity check and the schema, in that order."""
    if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
        conn.execute(f"PRAGMA page_size = {NEW_PAGE_SIZE}")  # only a new file takes it
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # each commit is on the card when it returns
    found = _quick_check(conn)
    if found not in ("ok", None):
        raise Damaged(f"integrity check failed: {found}")
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        conn.executescript(_SCHEMA)  # all or nothing: a full disk leaves no half schema
    for table in ("showings", "interactions", "lifecycle"):  # there (a scan reads the file)
        conn.execute(f"SELECT * FROM {table} LIMIT 0").fetchall()


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """``PRAGMA quick_check``'s first finding, or None when it ran out of time.

    The check reads the whole file: milliseconds for a festival's events, seconds
    for years of them on an SD card. It stops after `CHECK_SECONDS` so that the
    kiosk (and a stop signal) never waits longer; damage it could not reach is
    found by the first write that meets it.
    """
    deadline = time.monotonic() + CHECK_SECONDS
    conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    try:
        return str(conn.execute("PRAGMA quick_check(1)").fetchone()[0])
    except sqlite3.OperationalError as exc:
        if "interrupt" not in str(exc).lower():
            raise
        log.info("the event log is too large to check in %g s; checked part of it", CHECK_SECONDS)
        return None
    finally:
        conn.set_progress_handler(None, 0)


def move_aside(path: Path, epoch: float) -> Path:
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


def close_quietly(conn: sqlite3.Connection | None) -> None:
    """Close `conn`, ignoring errors (the file may be gone or damaged)."""
    if conn is None:
        return
    try:
        conn.close()
    except sqlite3.Error as exc:
        log.warning("could not close the event log: %s", exc)


Statement = tuple[str, tuple[object, ...]]


def commit(conn: sqlite3.Connection, statements: Iterable[Statement]) -> list[int]:
    """Run `statements` in one transaction; return each one's last row id.

    Raises
    ------
    sqlite3.Error
        When the transaction fails; nothing of it is kept (rolled back).
    """
    ids: list[int] = []
    try:
        for sql, params in statements:
            ids.append(conn.execute(sql, params).lastrowid or 0)
        conn.commit()
    except sqlite3.Error:
        try:
            conn.rollback()
        except sqlite3.Error:
            pass
        raise
    return ids
