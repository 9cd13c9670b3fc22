"""The preview at a wall-clock moment (`kiosk preview --when`): the booth as it is then.

Without --when the preview shows every panel, open, whatever the time: staff edit
panels, not hours. With it, the show gets a wall clock that starts at that moment and
runs on with the preview, so the schedule applies as at the booth (the closed
screen, dated panels, the notice and its end), exactly as `kiosk render --when` and
`kiosk plan` see that moment (`kiosk.core.show.calendar`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from kiosk.core.content.source import Source
from kiosk.core.show.calendar import WallClock, content_zone
from kiosk.core.show.closed import ClosedScreen


def wall_clock(when: tuple[float, tzinfo] | None, clock: Callable[[], float]) -> WallClock | None:
    """The booth's wall clock from `when` (epoch, machine zone) on, moving with `clock`.

    None without a moment: no schedule applies, every panel shows, the booth is open.
    """
    if when is None:
        return None
    epoch, zone = when
    start = clock()
    return WallClock(lambda now: epoch + now - start, zone)


def moment_text(when: tuple[float, tzinfo] | None, source: Source) -> str | None:
    """The moment as staff wrote it: a local date and time, in the schedule's zone."""
    if when is None:
        return None
    epoch, zone = when
    local = content_zone(source.content, zone)
    return f"{datetime.fromtimestamp(epoch, local):%Y-%m-%d %H:%M} ({local})"


def closed_note(closed: ClosedScreen | None) -> str | None:
    """What the preview says over a closed booth (the frame shows what a visitor sees)."""
    if closed is None:
        return None
    if closed.dark:
        return "Closed, and the display is off by schedule at this time"
    return "Closed at this time"
