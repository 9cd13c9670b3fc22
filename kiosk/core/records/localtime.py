"""The booth's local time for reports: time zones, and dates an operator types.

The event log stamps rows in UTC epoch seconds; an exhibitor thinks in the booth's
local hours. A report takes a time zone (`None` is the machine's own, which is the
booth's when the report runs on the booth), so tests inject one. Conversions go
through epoch seconds, so a daylight-saving change never stretches or shrinks a
duration.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(name: str | None) -> tzinfo | None:
    """Return the time zone called `name` (e.g. ``America/Toronto``), else the machine's.

    For no `name`, the machine's zone by its name when the system tells it
    (``$TZ``, ``/etc/localtime``), so the report can say which it is; None when it
    cannot be named (local times then come from the C library).

    Raises
    ------
    ValueError
        With a message fit for an operator when there is no such zone.
    """
    if name is None:
        return machine_zone()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"--tz must be a time zone name like America/Toronto or Europe/Paris, not {name!r}"
        ) from None


def machine_zone(environ: Mapping[str, str] | None = None) -> tzinfo | None:
    """The zone this machine keeps its clock in, by name; None when it has no known name."""
    env = os.environ if environ is None else environ
    name = env.get("TZ", "").lstrip(":")  # the C library follows $TZ first, so do we
    if not name:
        target = os.path.realpath("/etc/localtime")
        name = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_zone(environ: Mapping[str, str] | None = None) -> tzinfo:
    """The machine's zone: by its name when known, else its current offset from UTC.

    A schedule counts in it when it names no zone of its own; the offset alone cannot
    follow a daylight-saving change, so booths whose zone has no name should name one.
    """
    named = machine_zone(environ)
    if named is not None:
        return named
    return datetime.now().astimezone().tzinfo or UTC


def local(epoch: float, tz: tzinfo | None) -> datetime:
    """The aware local date and time of `epoch` in `tz` (None: the machine's zone)."""
    if tz is None:
        return datetime.fromtimestamp(epoch).astimezone()
    return datetime.fromtimestamp(epoch, tz)


def zone_label(tz: tzinfo | None, epoch: float) -> str:
    """How to name `tz` in a report: ``Europe/Paris``, ``UTC`` or ``local (UTC+01:00)``."""
    key = getattr(tz, "key", None)
    moment = local(epoch, tz)
    if key or tz is not None:
        return str(key or moment.tzname())
    offset = moment.strftime("%z")
    return f"local (UTC{offset[:3]}:{offset[3:]})"


def parse_moment(text: str, tz: tzinfo | None, option: str = "--since", end: bool = False) -> float:
    """Turn an ISO date or date-time an operator typed into epoch seconds.

    Parameters
    ----------
    text
        ``2026-11-27`` (that day's midnight), ``2026-11-27T10:00``, or either with
        an offset (``2026-11-27T10:00Z``, ``...+01:00``). Without an offset the time
        is local to `tz`.
    tz
        The booth's time zone; None for the machine's own.
    option
        The option's name, for the error message.
    end
        For an end of a period: a bare date means the end of that day (the next
        midnight), so ``--until 2026-11-27`` includes the 27th.

    Raises
    ------
    ValueError
        With a message fit to show an operator when `text` is not such a date.
    """
    cleaned = text.strip()
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(
            f"{option} must be a date like 2026-11-27 or a date and time like "
            f"2026-11-27T10:00, not {text!r}"
        ) from None
    if end and _is_bare_date(cleaned):
        moment += timedelta(days=1)
    if moment.tzinfo is None and tz is not None:
        moment = moment.replace(tzinfo=tz)
    return moment.timestamp()


def _is_bare_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
