"""Reading the event log back: rows of a period as `kiosk.core.records.timeline` values.

The database is opened read-only, so reading never disturbs a running kiosk, and a
copy on a read-only disk (a card in another machine) reads as well. A log written
before lifecycle moments were recorded simply has none. Rows whose times cannot be
real (a damaged file: a start in the year 33658, a showing of 30 million years) are
left out, and counted (`out_of_range`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from pathlib import Path

from kiosk.core.records.eventdb import is_damage
from kiosk.core.records.timeline import Event, Interaction, Moment, Showing, merge

log = logging.getLogger(__name__)

EARLIEST_TIME = 0.0  # 1970: no event of a kiosk is older
LATEST_TIME = 64_060_588_800.0  # the year 4000: later is a damaged row (dates end at 9999)
LONGEST_SHOWING = 366 * 86_400.0  # a panel on screen for more than a year is a damaged row
EMPTY = "it is empty, not a kiosk's event database yet"
KIOSK_TABLES = ("showings", "interactions")  # lifecycle came later: an older log lacks it

SHOWING_OK = f"seconds IS NULL OR (seconds >= 0 AND seconds <= {LONGEST_SHOWING})"
_SHOWINGS_SQL = (
    "SELECT started_at, panel_id, language, COALESCE(seconds, 0) FROM showings "
    f"WHERE started_at >= ? AND started_at < ? AND ({SHOWING_OK}) ORDER BY id"
)
_INTERACTIONS_SQL = (
    "SELECT at, kind, panel_id, detail FROM interactions WHERE at >= ? AND at < ? ORDER BY id"
)
_MOMENTS_SQL = "SELECT at, kind, detail FROM lifecycle WHERE at >= ? AND at < ? ORDER BY id"
_OUT_OF_RANGE_SQL = {
    "showings": f"SELECT COUNT(*) FROM showings WHERE NOT (started_at >= ? AND started_at < ? "
    f"AND ({SHOWING_OK}))",
    "interactions": "SELECT COUNT(*) FROM interactions WHERE NOT (at >= ? AND at < ?)",
    "lifecycle": "SELECT COUNT(*) FROM lifecycle WHERE NOT (at >= ? AND at < ?)",
}


def in_range(start: float, end: float) -> tuple[float, float]:
    """The period ``[start, end)`` cut to the times a kiosk can have written."""
    return max(start, EARLIEST_TIME), min(end, LATEST_TIME)


def open_read_only(db_path: Path) -> sqlite3.Connection:
    """Open the event database read-only; sqlite3.Error when it cannot be.

    When its folder cannot be written (a read-only copy) and SQLite's shared-memory
    file is not there, SQLite could not make it, so the file is opened as unchanging
    (``immutable=1``): no kiosk writes there. Events still in a ``-wal`` file are
    then not read, and a warning says so. Only a regular file is opened (a named
    pipe would block the reader).
    """
    path = db_path.resolve()
    _check_regular(path)
    companion = path.with_name(path.name + "-shm")
    if os.access(path.parent, os.W_OK) or companion.exists():
        return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=2.0)
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        log.warning("%s cannot be read in a read-only folder without %s: the events it "
                    "holds (the last minutes) are left out", wal.name, companion.name)
    return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, timeout=2.0)


def unreadable(db_path: Path, check: bool = False) -> str | None:
    """Why `db_path` cannot be read as the kiosk's event database, or None when it can.

    In words for an operator: a folder, a named pipe, an empty file, another
    program's database, a damaged file (``damaged: ...``). With `check`, SQLite's
    integrity check reads the whole file first (`kiosk doctor`). Reads only; never raises.
    """
    try:
        conn = open_read_only(db_path)
    except (OSError, sqlite3.Error) as exc:
        return _worded(exc)
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0] if check else "ok"
        if verdict != "ok":
            return f"damaged: {verdict}"
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        missing = sorted(name for name in KIOSK_TABLES if name not in tables)
        if missing:
            if not tables:
                return EMPTY
            return f"another program's database: it has no table {', '.join(missing)}"
        for name in KIOSK_TABLES:
            conn.execute(f"SELECT * FROM {name} LIMIT 1").fetchall()
    except sqlite3.Error as exc:
        return _worded(exc)
    finally:
        conn.close()
    return None


def _worded(exc: Exception) -> str:
    damaged = isinstance(exc, sqlite3.Error) and is_damage(exc)
    return f"damaged: {exc}" if damaged else str(exc)


def _check_regular(path: Path) -> None:
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise sqlite3.OperationalError(exc.strerror or str(exc)) from exc
    if stat.S_ISDIR(mode):
        raise sqlite3.OperationalError("it is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise sqlite3.OperationalError("it is a named pipe or a device, not a file")


def out_of_range(conn: sqlite3.Connection) -> int:
    """How many rows hold times no kiosk writes (a damaged file); the report leaves them out."""
    bounds = (EARLIEST_TIME, LATEST_TIME)
    tables = [name for name in _OUT_OF_RANGE_SQL if _has_table(conn, name)]
    return sum(conn.execute(_OUT_OF_RANGE_SQL[name], bounds).fetchone()[0] for name in tables)


def read_moments(conn: sqlite3.Connection) -> list[Moment]:
    """Every lifecycle moment (they are rare), oldest first; none in an older log."""
    if not _has_table(conn, "lifecycle"):
        return []
    return [Moment(*row) for row in conn.execute(_MOMENTS_SQL, (EARLIEST_TIME, LATEST_TIME))]


def read_timeline(
    conn: sqlite3.Connection, start: float, end: float, moments: list[Moment]
) -> list[Event]:
    """Showings, interactions and `moments` stamped in ``[start, end)``, in order."""
    start, end = in_range(start, end)
    showings = [Showing(*row) for row in conn.execute(_SHOWINGS_SQL, (start, end))]
    actions = [Interaction(*row) for row in conn.execute(_INTERACTIONS_SQL, (start, end))]
    return merge(showings, actions, [m for m in moments if start <= m.at < end])


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return conn.execute(query, (name,)).fetchone() is not None
