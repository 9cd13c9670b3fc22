"""Reading the event log back: rows of a period as `kiosk.core.records.timeline` values.

The database is opened read-only, so reading never disturbs a running kiosk. A log
written before lifecycle moments were recorded simply has none.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.core.records.timeline import Event, Interaction, Moment, Showing, merge

_SHOWINGS_SQL = (
    "SELECT started_at, panel_id, language, COALESCE(seconds, 0) FROM showings "
    "WHERE started_at >= ? AND started_at < ? ORDER BY id"
)
_INTERACTIONS_SQL = (
    "SELECT at, kind, panel_id, detail FROM interactions WHERE at >= ? AND at < ? ORDER BY id"
)
_MOMENTS_SQL = "SELECT at, kind, detail FROM lifecycle ORDER BY id"


def open_read_only(db_path: Path) -> sqlite3.Connection:
    """Open the event database read-only; sqlite3.Error when it cannot be."""
    return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)


def read_moments(conn: sqlite3.Connection) -> list[Moment]:
    """Every lifecycle moment (they are rare), oldest first; none in an older log."""
    if not _has_table(conn, "lifecycle"):
        return []
    return [Moment(*row) for row in conn.execute(_MOMENTS_SQL)]


def read_timeline(
    conn: sqlite3.Connection, start: float, end: float, moments: list[Moment]
) -> list[Event]:
    """Showings, interactions and `moments` stamped in ``[start, end)``, in order."""
    showings = [Showing(*row) for row in conn.execute(_SHOWINGS_SQL, (start, end))]
    actions = [Interaction(*row) for row in conn.execute(_INTERACTIONS_SQL, (start, end))]
    return merge(showings, actions, [m for m in moments if start <= m.at < end])


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return conn.execute(query, (name,)).fetchone() is not None
