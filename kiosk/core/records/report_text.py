"""`kiosk report` as plain text: the operator's and the exhibitor's tables.

Lays out a summary from `kiosk.core.records.report.summarize`, in the booth's local
time: the period, the panels in show order with their titles, the visitors (sessions
per day and hour, median length, French share, most and least viewed panels), the
interactions and the kiosk's own health.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from kiosk.core.records.localtime import local
from kiosk.core.records.report import notes

LABEL = 12  # width of "Least seen: "


def format_report(summary: dict[str, Any], tz: tzinfo | None = None) -> str:
    """Lay a summary out as plain-text tables, times in the booth's zone `tz`."""
    lines = [*_heading(summary, tz), ""]
    lines += [*_panel_table(summary), "", *_visitors(summary["sessions"]), ""]
    lines += [*_interaction_table(summary), "", *_health(summary["health"])]
    return "\n".join(lines)


def duration(seconds: float | None) -> str:
    """A length for people: ``42 s``, ``3 min 05 s``, ``1 h 02 min`` (``-`` for none)."""
    if seconds is None:
        return "-"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"


def plural(count: int, noun: str) -> str:
    """``1 content error``, ``3 content errors``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def local_stamp(iso: str | None, tz: tzinfo | None) -> str:
    """An ISO stamp as ``2026-11-27 15:00:00`` in the booth's zone (``-`` for none)."""
    if not iso:
        return "-"
    return local(datetime.fromisoformat(iso).timestamp(), tz).strftime("%Y-%m-%d %H:%M:%S")


def _line(label: str, value: object) -> str:
    return f"{label + ':':<{LABEL}}{value}"


def _heading(summary: dict[str, Any], tz: tzinfo | None) -> list[str]:
    lines = [_line("Event log", summary["database"]), _line("Time zone", summary["time_zone"])]
    for key in ("since", "until"):
        if summary.get(key):
            lines.append(_line(key.title(), local_stamp(summary[key], tz)))
    lines += [_line("Note", note) for note in notes(summary)]
    lines.append(_line("First", local_stamp(summary["first_event"], tz)))
    lines.append(_line("Last", local_stamp(summary["last_event"], tz)))
    return lines


def _panel_table(summary: dict[str, Any]) -> list[str]:
    shown: dict[str, dict[str, Any]] = summary["panels"]
    views = summary["sessions"]["panels"]
    if not views:
        return ["No panels shown."]
    width = max(len("Panel"), *(len(row["id"]) for row in views))
    rule = "-" * (width + 40)
    rows = [f"{'Panel':<{width}}  {'Shown':>7}  {'Minutes':>9}  {'Visitors':>8}  Title", rule]
    content_known = any(row["in_content"] for row in views)
    for row in views:
        count = shown.get(row["id"], {"shown": 0, "seconds": 0.0})
        gone = content_known and not row["in_content"]
        title = "(not in the current content)" if gone else row["title"]
        rows.append(
            f"{row['id']:<{width}}  {count['shown']:>7}  {_minutes(count['seconds']):>9.1f}"
            f"  {row['visitor_views']:>8}  {title or ''}".rstrip()
        )
    total_shown = sum(row["shown"] for row in shown.values())
    total_minutes = _minutes(sum(row["seconds"] for row in shown.values()))
    total_views = sum(row["visitor_views"] for row in views)
    rows += [rule, f"{'Total':<{width}}  {total_shown:>7}  {total_minutes:>9.1f}  {total_views:>8}"]
    rows.append("Visitors: times a visitor had the panel on screen (see Visitors below).")
    return rows


def _minutes(seconds: float) -> float:
    """Minutes, never below zero (``-0.0`` would print as a negative length)."""
    return max(0.0, seconds / 60) + 0.0


def _visitors(sessions: dict[str, Any]) -> list[str]:
    count = sessions["count"]
    if not count:
        return ["Visitors", "No visitor sessions (nobody touched the screen)."]
    french = sessions["switched_to_french"]
    views = {row["id"]: row["visitor_views"] for row in sessions["panels"]}
    lines = [
        "Visitors (a session runs from a first touch to the return to the rotation)",
        _line("Sessions", f"{count} ({sessions['walked_away']} ended by walking away)"),
        _line("Median", f"{duration(sessions['median_seconds'])} from first to last touch"),
        _line("French", f"{round(100 * french / count)}% switched to French ({french} of {count})"),
        _line("Most seen", _named(sessions["most_viewed"], views)),
        _line("Least seen", _named(sessions["least_viewed"], views)),
        "",
        *_hour_grid(sessions["per_day"], sessions["per_hour"]),
    ]
    return lines


def _named(ids: list[str], views: dict[str, int]) -> str:
    return ", ".join(f"{panel_id} ({views[panel_id]})" for panel_id in ids) or "-"


def _hour_grid(per_day: dict[str, int], per_hour: dict[str, dict[str, int]]) -> list[str]:
    """Sessions per day, and per hour of each day, as a grid with one column per hour."""
    hours = sorted({hour for day in per_hour.values() for hour in day})
    header = f"{'Day':<10}  {'Total':>5}  " + " ".join(f"{h:>3}" for h in hours)
    rows = ["Sessions per day and local hour", header.rstrip()]
    for day, total in per_day.items():
        cells = " ".join(f"{per_hour[day].get(h, 0) or '.':>3}" for h in hours)
        rows.append(f"{day:<10}  {total:>5}  {cells}".rstrip())
    return rows


def _interaction_table(summary: dict[str, Any]) -> list[str]:
    kinds: dict[str, int] = summary["interactions"]
    if not kinds:
        return ["No interactions."]
    width = max(len("Interaction"), *(len(kind) for kind in kinds))
    rows = [f"{'Interaction':<{width}}  {'Count':>7}", "-" * (width + 9)]
    rows += [f"{kind:<{width}}  {count:>7}" for kind, count in kinds.items()]
    return rows


def _health(health: dict[str, Any]) -> list[str]:
    if not health["recorded"]:
        return ["Kiosk", "Starts and content errors are not in this log (an older kiosk wrote it)."]
    errors = health["content_errors"]
    starts = f"{health['starts']} ({health['unclean_restarts']} after a crash or power cut)"
    counted = plural(len(errors), "content error")
    lines = ["Kiosk", _line("Starts", starts), _line("Errors", counted)]
    for error in errors[-10:]:
        lines.append(f"  {error['at'][:16].replace('T', ' ')}  {error['message']}")
    if len(errors) > 10:
        lines.append(f"  (the last 10 of {len(errors)}; --json lists them all)")
    return lines
