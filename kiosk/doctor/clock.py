"""Doctor check: is the clock sane? Proof-of-play and reports are stamped with it."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.doctor.result import Result, fail, ok

EARLIEST_YEAR = 2025  # before this, the clock was never set (a Raspberry Pi has no RTC)
LATEST_YEAR = 2100


def clock_result(now: float) -> Result:
    """FAIL when the wall clock `now` (epoch seconds) is obviously wrong, e.g. 1970."""
    when = datetime.fromtimestamp(now, UTC)
    found = f"{when:%Y-%m-%d %H:%M} UTC"
    if EARLIEST_YEAR <= when.year <= LATEST_YEAR:
        return ok("clock", found)
    return fail(
        "clock",
        f"the clock says {found}: proof-of-play and reports would carry wrong dates",
        "connect to a network once so NTP sets the clock (timedatectl set-ntp true), "
        "or set it by hand: sudo date -s '2026-11-27 09:00'; a Raspberry Pi keeps time "
        "only with an RTC battery",
    )
