"""The booth's hours as the show lives them: open or closed, the screen dark or woken.

`Opening` keeps the schedule's latest `Agenda` (`kiosk.core.show.calendar`) for the
content on screen, says when it must be asked again (the next change the schedule
knows of, a minute at most when the content depends on the time, so a clock set late
by NTP is followed), and what the closed screen shows. While the schedule switches
the display off, a touch wakes the closed screen for `WAKE_SECONDS` (staff setting
up), then it goes dark again.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from kiosk.core.content.schedule import local_instant, local_time
from kiosk.core.show.calendar import Agenda, WallClock, agenda
from kiosk.core.show.closed import ClosedScreen, closed_words
from kiosk.core.show.timing import earliest

if TYPE_CHECKING:
    from kiosk.core.content.model import Content

WAKE_SECONDS = 60.0  # a touch lights a dark closed screen for this long
RECHECK_SECONDS = 60.0  # a content that depends on the time asks the schedule this often


def depends_on_time(content: Content) -> bool:
    """Whether what `content` shows changes with the wall clock."""
    notice = content.notice
    return (content.schedule is not None or (notice is not None and notice.until is not None)
            or any(panel.show is not None for panel in content.panels)
            or content.settings.sync_to_clock)


def always(content: Content) -> Agenda:
    """The agenda without a wall clock: open, every panel, the notice if there is one."""
    panels = tuple(range(len(content.panels)))
    return Agenda(True, panels, content.notice is not None, None, None)


class Opening:
    """The schedule's answer for the content on screen, and when to ask again.

    Parameters
    ----------
    clock : WallClock or None
        Wall-clock time; None: always open, every panel shown (a model without a
        calendar, as in tests of the rotation).
    content : Content
        The content on screen.
    now : float
        Monotonic seconds.
    """

    def __init__(self, clock: WallClock | None, content: Content, now: float) -> None:
        self._clock = clock
        self._woken_until: float | None = None
        self._lit = False  # the display could not be switched off: lit until the next opening
        self._due: float | None = None
        self.agenda = always(content)
        self.refresh(content, now)
        self.open = self.agenda.open

    @property
    def dark(self) -> bool:
        """Whether the schedule has the display off now (closed, screen_off, not woken)."""
        return (not self.open and self.agenda.screen_off and self._woken_until is None
                and not self._lit)

    def wall(self, now: float) -> float | None:
        """Epoch seconds at `now`; None without a wall clock."""
        return None if self._clock is None else self._clock.at(now)

    def refresh(self, content: Content, now: float) -> None:
        """Ask the schedule of `content` again, at `now`."""
        if self._clock is None:
            self.agenda, self._due = always(content), None
            return
        wall = self._clock.at(now)
        zone = self._clock.zone_for(content)
        self.agenda = agenda(content, wall, self._clock.zone)
        wanted = [self.agenda.changes_at]
        if depends_on_time(content):
            wanted.append(wall + RECHECK_SECONDS)
        if not self.agenda.open:  # "tomorrow" becomes "today" at midnight
            day = local_time(wall, zone).date() + timedelta(days=1)
            wanted.append(local_instant(datetime.combine(day, time()), zone))
        changes = earliest(*wanted)
        self._due = None if changes is None else now + max(0.0, changes - wall)

    def due(self) -> float | None:
        """When the show must look again: the schedule's next change, or a woken minute's end."""
        return earliest(self._due, self._woken_until)

    def is_due(self, now: float) -> bool:
        """Whether `due` has come."""
        due = self.due()
        return due is not None and now >= due

    def expire(self) -> None:
        """Ask again at the next tick (new content, new schedule)."""
        self._due = -float("inf")

    def set_open(self, is_open: bool) -> None:
        """The show opened or closed; a woken minute ends with it."""
        self.open = is_open
        self._woken_until = None
        self._lit = False

    def stay_lit(self) -> bool:
        """The display could not be switched off: draw the closed screen until it opens.

        True if the screen was dark.
        """
        was_dark, self._lit = self.dark, not self.open
        return was_dark

    def wake(self, now: float) -> bool:
        """A touch while closed: light the closed screen for a minute; True if it was dark."""
        if self.open:
            return False
        was_dark = self.dark
        self._woken_until = now + WAKE_SECONDS
        return was_dark

    def sleep_if_due(self, now: float) -> bool:
        """End the woken minute once it is over; True if the screen goes dark again."""
        if self._woken_until is None or now < self._woken_until:
            return False
        self._woken_until = None
        return self.dark

    def closed_screen(
        self, now: float, content: Content, first: str, notice: str | None = None
    ) -> ClosedScreen:
        """The closed screen at `now`: its words in every language, `first` first."""
        opening = self.agenda.next_opening
        if self._clock is None or opening is None:  # no opening ahead: no day to name
            words = closed_words(datetime.min, None, content.languages, first)
            return ClosedScreen(words, self.dark, notice)
        zone = self._clock.zone_for(content)
        today = local_time(self._clock.at(now), zone)
        words = closed_words(today, local_time(opening, zone), content.languages, first)
        return ClosedScreen(words, self.dark, notice)
