"""Time zones by name (zoneinfo), as a schedule names them.

The names come from the system's time-zone database, or from the `tzdata` package
where the system has none (Windows): the wheel depends on it there.
"""

from __future__ import annotations

import difflib
from datetime import tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


@cache
def zone_named(name: str) -> ZoneInfo:
    """The time zone `name` (e.g. ``America/Toronto``); ValueError when there is none."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(f"'{name}' is not a time zone") from None


def check_zone(name: str) -> None:
    """ValueError with the closest known name when `name` is not a time zone."""
    try:
        zone_named(name)
    except ValueError:
        close = difflib.get_close_matches(name, sorted(available_timezones()), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise ValueError(
            f"'{name}' is not a time zone{hint} (zone names look like America/Toronto or "
            "Europe/Paris; leave timezone out for the machine's own)"
        ) from None


def schedule_zone(name: str | None, default: tzinfo) -> tzinfo:
    """The zone a schedule counts in: the one it names, else `default` (the machine's)."""
    if name is None:
        return default
    try:
        return zone_named(name)
    except ValueError:  # validated content names a real zone; a machine may lack it
        return default
