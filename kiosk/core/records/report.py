"""Summaries of the event log for operators and exhibitors: `kiosk report`.

The database is opened read-only, so a report never disturbs a running kiosk.
A missing or unreadable database gives an empty summary whose ``error`` says why,
never a traceback (`kiosk report` refuses such a file: `logread.unreadable`).
The summary is one JSON-ready dict; `kiosk.core.records.report_text` and
`kiosk.core.records.report_html` lay it out.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path
from typing import Any

from kiosk.core.records.events import iso_utc
from kiosk.core.records.health import health
from kiosk.core.records.localtime import parse_moment, zone_label
from kiosk.core.records.logread import (
    SHOWING_OK,
    in_range,
    open_read_only,
    out_of_range,
    read_moments,
    read_timeline,
)
from kiosk.core.records.sessions import MAX_SILENCE_SECONDS, Derived, derive
from kiosk.core.records.visitors import digest

log = logging.getLogger(__name__)

EARLIEST, LATEST = -1e18, 1e18  # no --since, no --until
# How far before --since the log is read, so that a session is seen from its start.
LOOK_BACK_SECONDS = 2 * MAX_SILENCE_SECONDS

PanelTitles = Sequence[tuple[str, str | None]]

_PANELS_SQL = (
    "SELECT panel_id, COUNT(*), COALESCE(SUM(seconds), 0) FROM showings "
    f"WHERE started_at >= ? AND started_at < ? AND ({SHOWING_OK}) "
    "GROUP BY panel_id ORDER BY panel_id"
)
_INTERACTIONS_SQL = (
    "SELECT kind, COUNT(*) FROM interactions WHERE at >= ? AND at < ? GROUP BY kind ORDER BY kind"
)
_SPAN_SQL = (
    "SELECT MIN(t0), MAX(t1) FROM ("
    " SELECT started_at AS t0, started_at + COALESCE(seconds, 0) AS t1"
    f" FROM showings WHERE started_at >= ? AND started_at < ? AND ({SHOWING_OK})"
    " UNION ALL SELECT at, at FROM interactions WHERE at >= ? AND at < ?)"
)


def empty_summary(
    db_path: Path,
    since: float | None = None,
    until: float | None = None,
    tz: tzinfo | None = None,
    panels: PanelTitles = (),
) -> dict[str, Any]:
    """Return the summary of a log with no events."""
    return {
        "panels": {},
        "interactions": {},
        "first_event": None,
        "last_event": None,
        "since": None if since is None else iso_utc(since),
        "database": str(db_path),
        "error": None,
        "until": None if until is None else iso_utc(until),
        "time_zone": zone_label(tz, since or 0.0),
        "out_of_range": 0,
        "sessions": digest(Derived(), panels, tz),
        "health": health([], EARLIEST, LATEST, tz),
    }


def summarize(
    db_path: Path,
    since: str | None = None,
    until: str | None = None,
    tz: tzinfo | None = None,
    panels: PanelTitles = (),
) -> dict[str, Any]:
    """Count showings, interactions and visitor sessions over a period.

    Parameters
    ----------
    db_path
        The event database (``data_dir / EVENTS_DB``).
    since, until
        Only events on or after `since` and before `until`: ISO dates or date-times
        (see `kiosk.core.records.localtime.parse_moment`); a bare `until` date
        includes that day.
    tz
        The booth's time zone, for local days and hours (None: the machine's).
    panels
        ``(id, title)`` of each panel in show order, from the content.

    Returns
    -------
    dict
        ``{"panels": {id: {"shown": n, "seconds": s}}`` (in show order),
        ``"interactions": {kind: n}, "first_event": iso | None, "last_event": iso |
        None, "since": iso | None, "until": iso | None, "database": str, "error": str
        | None, "time_zone": str, "out_of_range": n, "sessions": {...}, "health":
        {...}}``; ``out_of_range`` counts the rows left out because their times cannot
        be real (a damaged file). Times are
        UTC ISO-8601 except in ``sessions`` and ``health``, which are local.
        ``last_event`` is the end of the last showing or the last interaction,
        whichever is later. See `kiosk.core.records.visitors.digest` for
        ``sessions``, `kiosk.core.records.health.health` for ``health``.

    Raises
    ------
    ValueError
        Only for an invalid `since` or `until`; database trouble gives an empty
        summary whose ``error`` says why.
    """
    start = None if since is None else parse_moment(since, tz, "--since")
    end = None if until is None else parse_moment(until, tz, "--until", end=True)
    summary = empty_summary(db_path, start, end, tz, panels)
    if not db_path.is_file():
        summary["error"] = "no event database yet" if not db_path.exists() else "not a file"
        return summary
    try:
        conn = open_read_only(db_path)
    except sqlite3.Error as exc:
        return _failed(summary, exc)
    try:
        _fill(conn, summary, EARLIEST if start is None else start, end or LATEST, panels, tz)
    except sqlite3.Error as exc:
        return _failed(empty_summary(db_path, start, end, tz, panels), exc)
    finally:
        conn.close()
    return summary


def notes(summary: dict[str, Any]) -> list[str]:
    """What a reader of the report must know beside the figures (the text and the page say it)."""
    found = [summary["error"]] if summary.get("error") else []
    skipped = summary.get("out_of_range", 0)
    if skipped:
        found.append(
            f"{skipped} row{'' if skipped == 1 else 's'} with impossible times left out "
            "(the event database is damaged)"
        )
    return found


def _failed(summary: dict[str, Any], exc: sqlite3.Error) -> dict[str, Any]:
    log.warning("cannot read the event database %s: %s", summary["database"], exc)
    summary["error"] = f"cannot read the event database: {exc}"
    return summary


def _fill(
    conn: sqlite3.Connection,
    summary: dict[str, Any],
    start: float,
    end: float,
    panels: PanelTitles,
    tz: tzinfo | None,
) -> None:
    start, end = in_range(start, end)
    summary["out_of_range"] = out_of_range(conn)
    shown = {row[0]: row[1:] for row in conn.execute(_PANELS_SQL, (start, end))}
    order = [panel_id for panel_id, _ in panels if panel_id in shown]
    for panel_id in [*order, *(p for p in shown if p not in order)]:
        count, seconds = shown[panel_id]
        summary["panels"][panel_id] = {"shown": count, "seconds": round(max(0.0, seconds), 1)}
    for kind, count in conn.execute(_INTERACTIONS_SQL, (start, end)):
        summary["interactions"][kind] = count
    first, last = conn.execute(_SPAN_SQL, (start, end, start, end)).fetchone()
    summary["first_event"] = None if first is None else iso_utc(first)
    summary["last_event"] = None if last is None else iso_utc(last)
    if last is not None:
        summary["time_zone"] = zone_label(tz, last)
    moments = read_moments(conn)
    events = read_timeline(conn, start - LOOK_BACK_SECONDS, end, moments)
    summary["sessions"] = digest(derive(events, start, end), panels, tz)
    summary["health"] = health(moments, start, end, tz)
