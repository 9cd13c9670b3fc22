"""What the exhibitor learns from the sessions: counts per day and hour, lengths, languages.

`digest` turns derived sessions (`kiosk.core.records.sessions`) into the JSON-ready
``sessions`` section of `kiosk report`, in the booth's local time. The text and
HTML reports only lay it out.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from kiosk.core.records.localtime import local
from kiosk.core.records.sessions import Derived, Session

FRENCH = "fr"
# Upper bounds (seconds) of the session length bins, and their names.
LENGTH_BINS: tuple[tuple[float, str], ...] = (
    (10, "< 10 s"),
    (30, "10-30 s"),
    (60, "30-60 s"),
    (120, "1-2 min"),
    (300, "2-5 min"),
    (float("inf"), "5+ min"),
)
RANKED = 3  # how many panels "most viewed" and "least viewed" name


def digest(
    derived: Derived, panels: Sequence[tuple[str, str | None]], tz: tzinfo | None
) -> dict[str, Any]:
    """The ``sessions`` section of a report.

    Parameters
    ----------
    derived
        Sessions and panel views over the report's period.
    panels
        ``(id, title)`` of every panel in show order; panels seen in the log but
        not listed here follow, by id, with no title.
    tz
        The booth's time zone (None: the machine's).

    Returns
    -------
    dict
        ``count``, ``walked_away``, ``median_seconds``, ``switched_to_french``,
        ``french_share``, ``languages``, ``per_day``, ``per_hour``, ``lengths``,
        ``panels``, ``most_viewed``, ``least_viewed`` and the ``list`` of sessions.
    """
    sessions = derived.sessions
    french = sum(FRENCH in session.languages for session in sessions)
    views = panel_views(derived, panels)
    return {
        "count": len(sessions),
        "walked_away": sum(session.walked_away for session in sessions),
        "median_seconds": _median([session.seconds for session in sessions]),
        "switched_to_french": french,
        "french_share": round(french / len(sessions), 3) if sessions else None,
        "languages": dict(Counter(s.language or "?" for s in sessions).most_common()),
        **per_day_and_hour(sessions, tz),
        "lengths": length_bins(sessions),
        "panels": views,
        **(ranked(views) if sessions else {"most_viewed": [], "least_viewed": []}),
        "list": [session_row(session, tz) for session in sessions],
    }


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def per_day_and_hour(sessions: Sequence[Session], tz: tzinfo | None) -> dict[str, Any]:
    """Sessions per local day (``2026-11-27``) and per local hour of each day (``"09"``).

    A session counts where it started, so one that spans midnight belongs to the
    evening. On the night clocks go back, the repeated hour's sessions share a row.
    """
    per_day: Counter[str] = Counter()
    per_hour: dict[str, Counter[str]] = {}
    for session in sessions:
        start = local(session.start, tz)
        day = start.date().isoformat()
        per_day[day] += 1
        per_hour.setdefault(day, Counter())[f"{start.hour:02d}"] += 1
    return {
        "per_day": dict(sorted(per_day.items())),
        "per_hour": {day: dict(sorted(hours.items())) for day, hours in sorted(per_hour.items())},
    }


def length_bins(sessions: Sequence[Session]) -> list[dict[str, Any]]:
    """How many sessions fall in each length bin (`LENGTH_BINS`), shortest first."""
    counts = [0] * len(LENGTH_BINS)
    for session in sessions:
        index = next(i for i, (top, _) in enumerate(LENGTH_BINS) if session.seconds < top)
        counts[index] += 1
    return [{"label": label, "count": n} for (_, label), n in zip(LENGTH_BINS, counts, strict=True)]


def panel_views(derived: Derived, panels: Sequence[tuple[str, str | None]]) -> list[dict[str, Any]]:
    """Views of each panel by visitors and by the rotation, in show order."""
    known = [panel_id for panel_id, _ in panels]
    logged = set(derived.visitor_views) | set(derived.rotation_views)
    extra = [(panel_id, None) for panel_id in sorted(logged - set(known))]
    return [
        {
            "id": panel_id,
            "title": title,
            "visitor_views": derived.visitor_views[panel_id],
            "rotation_views": derived.rotation_views[panel_id],
            "in_content": panel_id in known,
        }
        for panel_id, title in [*panels, *extra]
    ]


def ranked(views: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    """The panels most and least viewed by visitors (ties in show order).

    Each list names at most `RANKED` panels and at most half of them, so no panel is
    both. Only panels of the current content (when known) can be least viewed, and
    only panels a visitor saw can be most viewed.
    """
    candidates = [row for row in views if row["in_content"] or row["visitor_views"]]
    size = min(RANKED, max(1, len(candidates) // 2))
    by_views = sorted(candidates, key=lambda row: -row["visitor_views"])
    current = [row for row in candidates if row["in_content"]] or candidates
    least = sorted(current, key=lambda row: row["visitor_views"])[:size]
    most = [row for row in by_views if row not in least and row["visitor_views"]][:size]
    return {"most_viewed": [r["id"] for r in most], "least_viewed": [r["id"] for r in least]}


def session_row(session: Session, tz: tzinfo | None) -> dict[str, Any]:
    """One session as JSON: local times with their offset, lengths in seconds."""
    return {
        "start": local(session.start, tz).isoformat(timespec="seconds"),
        "end": local(session.end, tz).isoformat(timespec="seconds"),
        "seconds": round(session.seconds, 1),
        "panels": session.panels,
        "start_language": session.start_language,
        "languages": session.languages,
        "interactions": session.interactions,
        "ended_by": session.ended_by,
        "walked_away": session.walked_away,
    }
