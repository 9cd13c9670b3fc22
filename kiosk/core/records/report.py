"""Summaries of the event log for operators: `kiosk report`.

The database is opened read-only, so a report never disturbs a running kiosk.
A missing or unreadable database gives an empty summary, never a traceback.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.core.records.events import iso_utc

log = logging.getLogger(__name__)

_PANELS_SQL = (
    "SELECT panel_id, COUNT(*), COALESCE(SUM(seconds), 0) FROM showings "
    "WHERE started_at >= ? GROUP BY panel_id ORDER BY panel_id"
)
_INTERACTIONS_SQL = (
    "SELECT kind, COUNT(*) FROM interactions WHERE at >= ? GROUP BY kind ORDER BY kind"
)
_SPAN_SQL = (
    "SELECT MIN(t0), MAX(t1) FROM ("
    " SELECT started_at AS t0, started_at + COALESCE(seconds, 0) AS t1"
    " FROM showings WHERE started_at >= ?"
    " UNION ALL SELECT at, at FROM interactions WHERE at >= ?)"
)


def parse_since(text: str) -> float:
    """Turn an ISO date or date-time into epoch seconds.

    Parameters
    ----------
    text
        ``2026-11-27`` (midnight), ``2026-11-27T10:00`` or with an offset
        (``2026-11-27T10:00Z``, ``...+01:00``). Without an offset the time is
        the local time of the machine running the report.

    Raises
    ------
    ValueError
        With a message fit to show an operator when `text` is not such a date.
    """
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"--since must be a date like 2026-11-27 or a date and time like "
            f"2026-11-27T10:00, not {text!r}"
        ) from None
    return moment.timestamp()


def empty_summary(db_path: Path, since: float | None = None) -> dict[str, Any]:
    """Return the summary of a log with no events."""
    return {
        "panels": {},
        "interactions": {},
        "first_event": None,
        "last_event": None,
        "since": None if since is None else iso_utc(since),
        "database": str(db_path),
        "error": None,
    }


def summarize(db_path: Path, since: str | None = None) -> dict[str, Any]:
    """Count showings and seconds per panel and interactions per kind.

    Parameters
    ----------
    db_path
        The event database (``data_dir / EVENTS_DB``).
    since
        Only events on or after this ISO date or date-time (see `parse_since`).

    Returns
    -------
    dict
        ``{"panels": {id: {"shown": n, "seconds": s}}, "interactions": {kind: n},
        "first_event": iso | None, "last_event": iso | None, "since": iso | None,
        "database": str, "error": str | None}``. ``last_event`` is the end of
        the last showing or the last interaction, whichever is later.

    Raises
    ------
    ValueError
        Only for an invalid `since`; database trouble gives an empty summary
        whose ``error`` says why.
    """
    start = None if since is None else parse_since(since)
    summary = empty_summary(db_path, start)
    if not db_path.is_file():
        summary["error"] = "no event database yet" if not db_path.exists() else "not a file"
        return summary
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
    except sqlite3.Error as exc:
        return _failed(summary, exc)
    try:
        _fill(conn, summary, -1e18 if start is None else start)
    except sqlite3.Error as exc:
        return _failed(empty_summary(db_path, start), exc)
    finally:
        conn.close()
    return summary


def _failed(summary: dict[str, Any], exc: sqlite3.Error) -> dict[str, Any]:
    log.warning("cannot read the event database %s: %s", summary["database"], exc)
    summary["error"] = f"cannot read the event database: {exc}"
    return summary


def _fill(conn: sqlite3.Connection, summary: dict[str, Any], start: float) -> None:
    for panel_id, shown, seconds in conn.execute(_PANELS_SQL, (start,)):
        summary["panels"][panel_id] = {"shown": shown, "seconds": round(seconds, 1)}
    for kind, count in conn.execute(_INTERACTIONS_SQL, (start,)):
        summary["interactions"][kind] = count
    first, last = conn.execute(_SPAN_SQL, (start, start)).fetchone()
    summary["first_event"] = None if first is None else iso_utc(first)
    summary["last_event"] = None if last is None else iso_utc(last)


def format_report(summary: dict[str, Any]) -> str:
    """Lay a summary out as a plain-text table for operators."""
    lines = [f"Event log: {summary['database']}"]
    if summary.get("since"):
        lines.append(f"Since:     {_readable(summary['since'])}")
    if summary.get("error"):
        lines.append(f"Note:      {summary['error']}")
    lines.append(f"First:     {_readable(summary['first_event'])}")
    lines.append(f"Last:      {_readable(summary['last_event'])}")
    lines += ["", *_panel_table(summary["panels"]), "", *_interaction_table(summary)]
    return "\n".join(lines)


def _readable(iso: str | None) -> str:
    """Show an ISO UTC stamp as ``2026-11-27 15:00:00 UTC`` (or ``-`` for none)."""
    if not iso:
        return "-"
    moment = datetime.fromisoformat(iso).astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _panel_table(panels: dict[str, dict[str, Any]]) -> list[str]:
    if not panels:
        return ["No panels shown."]
    width = max(len("Panel"), *(len(name) for name in panels))
    rows = [f"{'Panel':<{width}}  {'Shown':>7}  {'Minutes':>9}", "-" * (width + 20)]
    for name, row in panels.items():
        rows.append(f"{name:<{width}}  {row['shown']:>7}  {row['seconds'] / 60:>9.1f}")
    total_shown = sum(row["shown"] for row in panels.values())
    total_minutes = sum(row["seconds"] for row in panels.values()) / 60
    rows += ["-" * (width + 20), f"{'Total':<{width}}  {total_shown:>7}  {total_minutes:>9.1f}"]
    return rows


def _interaction_table(summary: dict[str, Any]) -> list[str]:
    kinds: dict[str, int] = summary["interactions"]
    if not kinds:
        return ["No interactions."]
    width = max(len("Interaction"), *(len(kind) for kind in kinds))
    rows = [f"{'Interaction':<{width}}  {'Count':>7}", "-" * (width + 9)]
    rows += [f"{kind:<{width}}  {count:>7}" for kind, count in kinds.items()]
    return rows
