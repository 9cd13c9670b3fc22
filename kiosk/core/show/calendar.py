"""What the schedule says at a wall-clock instant: open or closed, dated panels, the notice.

The show counts in monotonic seconds (`now`); opening hours, dated panels, a notice's
`until` and a rotation in step with other screens count in wall-clock time. A
`WallClock`, handed in by the composition root (tests pass a fake one), turns one
into the other and names the machine's time zone. `agenda(content, epoch, zone)` is a
pure function of the content and an instant: the one answer behind the running show,
`kiosk render --when`, `kiosk plan` and a preview at any moment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING

from kiosk.core.content.cleantext import visible_text
from kiosk.core.content.schedule import (
    local_instant,
    opening_hours,
    panel_window,
    state_at,
)
from kiosk.core.content.timetext import parse_moment
from kiosk.core.content.zones import schedule_zone
from kiosk.core.show.timing import earliest

if TYPE_CHECKING:
    from kiosk.core.content.model import Content

WallTime = Callable[[float], float]


@dataclass(frozen=True)
class WallClock:
    """Wall-clock time for a model that counts in monotonic seconds.

    Attributes
    ----------
    at
        Epoch seconds at monotonic `now` (the app reads both clocks each time, so a
        clock set by NTP is followed at once).
    zone
        The machine's time zone; a schedule may name another.
    """

    at: WallTime
    zone: tzinfo

    def zone_for(self, content: Content) -> tzinfo:
        """The zone `content`'s schedule counts in."""
        return content_zone(content, self.zone)


def content_zone(content: Content, default: tzinfo) -> tzinfo:
    """The zone of `content`'s schedule (its `timezone`), else `default`."""
    schedule = content.schedule
    return schedule_zone(None if schedule is None else schedule.timezone, default)


@dataclass(frozen=True)
class Agenda:
    """What the schedule says at one instant (times are epoch seconds).

    Attributes
    ----------
    open
        Whether the booth is open (always, without a schedule).
    shown
        The panels inside their `show` window, in order; every panel when none is
        (the screen never goes blank during opening hours; validate warns).
    notice
        Whether the notice is up (there is one and its `until` has not passed).
    next_opening
        When the booth opens next (while closed); None when open or not ahead.
    changes_at
        The next instant any of these changes; None when nothing is due to change.
    screen_off
        Whether the schedule switches the display off outside hours.
    next_closing
        When the booth closes next (while open); None when closed or not ahead.
    """

    open: bool
    shown: tuple[int, ...]
    notice: bool
    next_opening: float | None
    changes_at: float | None
    screen_off: bool = False
    next_closing: float | None = None


def agenda(content: Content, epoch: float, default_zone: tzinfo) -> Agenda:
    """What the schedule of `content` says at `epoch`, in its zone (else `default_zone`)."""
    zone = content_zone(content, default_zone)
    hours = state_at(opening_hours(content.schedule), epoch, zone)
    changes = [hours.changes_at]
    shown = []
    for index, panel in enumerate(content.panels):
        window = state_at(panel_window(panel.show), epoch, zone)
        changes.append(window.changes_at)
        if window.inside:
            shown.append(index)
    notice, notice_ends = notice_state(content, epoch, zone)
    changes.append(notice_ends)
    schedule = content.schedule
    return Agenda(
        open=hours.inside,
        shown=tuple(shown) or tuple(range(len(content.panels))),
        notice=notice,
        next_opening=None if hours.inside else hours.next_start,
        changes_at=earliest(*changes),
        screen_off=schedule is not None and schedule.outside_hours == "screen_off",
        next_closing=hours.changes_at if hours.inside else None,
    )


def notice_text(content: Content, language: str) -> str | None:
    """The notice's words in `language`; None without a notice, or when they show nothing.

    A notice written "" or "   " (or only zero-width characters) in a language draws no
    banner in it: an amber band with nothing to read would only hide the panel.
    """
    notice = content.notice
    if notice is None:
        return None
    return visible_text(notice.text, language, content.default_language)


def notice_state(content: Content, epoch: float, zone: tzinfo) -> tuple[bool, float | None]:
    """Whether the notice is up at `epoch`, and when it goes (None: not ahead)."""
    notice = content.notice
    if notice is None:
        return False, None
    if notice.until is None:
        return True, None
    ends = local_instant(parse_moment(notice.until, end=True), zone)
    return epoch < ends, ends if epoch < ends else None
