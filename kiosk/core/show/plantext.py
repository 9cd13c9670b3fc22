"""`kiosk plan`: which panel is on screen when, as a table for people or JSON for scripts.

The moments come from `kiosk.core.show.moment.plan`; times are local to the schedule's
zone. With ``settings.sync_to_clock`` every screen running the content follows this
plan to the frame; without it each screen starts the same cycle when it starts.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from kiosk.core.content.schedule import local_time
from kiosk.core.show.calendar import content_zone

if TYPE_CHECKING:
    from kiosk.core.content.model import Content
    from kiosk.core.show.moment import OnScreen

IN_STEP = "sync_to_clock is on: every screen running this content shows this, to the frame"
NOT_IN_STEP = (
    "sync_to_clock is off: each screen starts this cycle when it starts; turn it on to keep "
    "screens in step"
)


def _local(epoch: float, zone: tzinfo) -> datetime:
    return local_time(epoch, zone)


def plan_rows(
    content: Content, moments: list[OnScreen], end: float, zone: tzinfo
) -> list[dict[str, Any]]:
    """One row per moment: local start and end, open, panel id and place, notice."""
    local = content_zone(content, zone)
    rows: list[dict[str, Any]] = []
    for number, moment in enumerate(moments):
        until = moments[number + 1].epoch if number + 1 < len(moments) else end
        row: dict[str, Any] = {
            "start": _local(moment.epoch, local).isoformat(timespec="seconds"),
            "end": _local(until, local).isoformat(timespec="seconds"),
            "seconds": round(until - moment.epoch, 3),
            "open": moment.open,
            "panel": None,
            "position": None,
            "of": len(moment.panels) if moment.open else None,
            "notice": moment.agenda.notice,
        }
        if moment.panel is not None:
            row["panel"] = content.panels[moment.panel].id
            row["position"] = moment.panels.index(moment.panel) + 1
        elif moment.closed is not None:
            row["closed"] = moment.closed.words[0].reopening
            row["screen_off"] = moment.closed.dark
        rows.append(row)
    return rows


def plan_json(content: Content, rows: list[dict[str, Any]], zone: tzinfo) -> dict[str, Any]:
    """The plan as one JSON-ready object."""
    local = content_zone(content, zone)
    return {
        "zone": str(getattr(local, "key", None) or local),
        "sync_to_clock": content.settings.sync_to_clock,
        "moments": rows,
    }


def plan_text(content: Content, rows: list[dict[str, Any]], zone: tzinfo) -> str:
    """The plan as a table: a date line whenever the day changes, then time, panel, length."""
    local = content_zone(content, zone)
    lines = [f"time zone: {getattr(local, 'key', None) or local}",
             IN_STEP if content.settings.sync_to_clock else NOT_IN_STEP]
    width = max((len(row["panel"] or "") for row in rows), default=0)
    day = ""
    for row in rows:
        start = datetime.fromisoformat(row["start"])
        if start.date().isoformat() != day:
            day = start.date().isoformat()
            lines.append(f"{start:%A} {day}")
        if row["open"]:
            what = f"{row['position']:>2}/{row['of']} {row['panel']:<{width}}  {_length(row)}"
            what += "  + notice" if row["notice"] else ""
        else:
            off = ", screen off" if row.get("screen_off") else ""
            what = f"closed{off}: {row['closed']}"
        lines.append(f"  {start:%H:%M:%S}  {what}")
    return "\n".join(lines)


def _length(row: dict[str, Any]) -> str:
    seconds = row["seconds"]
    return f"{seconds:g} s" if seconds < 120 else f"{seconds / 60:.1f} min"
