"""What is on screen at any wall-clock moment, without waiting for it: a pure function.

`on_screen_at(content, epoch, zone)` says what a kiosk running `content` shows at
`epoch`: closed (and the closed screen's words) or open, the panels in the rotation
then (dated panels in or out), the panel of the common cycle and its slot, and
whether the notice is up. With ``settings.sync_to_clock`` that panel is exactly the
one every screen shows; without it each screen starts its own cycle when it starts,
in the same order with the same dwells. `plan` lists the moments one after another
over a period. `kiosk render --when`, `kiosk plan` and the preview use them. A video
panel without its own dwell stays up as long as its video: pass the `dwells` of the
content's `Source` (`kiosk.core.show.changes.dwells`) to count them so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING

from kiosk.core.content.schedule import local_time
from kiosk.core.show.calendar import Agenda, agenda, content_zone
from kiosk.core.show.closed import ClosedScreen, closed_words
from kiosk.core.show.synced import synced_slot
from kiosk.core.show.timing import earliest

if TYPE_CHECKING:
    from kiosk.core.content.model import Content

MIN_STEP = 0.001  # a plan always moves on by at least this much


@dataclass(frozen=True)
class OnScreen:
    """What a kiosk running the content shows at `epoch` (times are epoch seconds).

    Attributes
    ----------
    epoch
        The moment.
    agenda
        What the schedule says then: open, the panels in the rotation, the notice.
    panel
        The panel of the common cycle (None while closed).
    ends
        When this screen changes next: the panel's slot ends, the booth opens or
        closes, a dated panel or the notice comes or goes (None: never).
    closed
        The closed screen (None while open).
    """

    epoch: float
    agenda: Agenda
    panel: int | None
    ends: float | None
    closed: ClosedScreen | None

    @property
    def open(self) -> bool:
        """Whether the booth is open."""
        return self.agenda.open

    @property
    def panels(self) -> tuple[int, ...]:
        """The panels in the rotation at this moment, in order."""
        return self.agenda.shown


def on_screen_at(
    content: Content, epoch: float, zone: tzinfo, dwells: Sequence[float] | None = None
) -> OnScreen:
    """What a kiosk running `content` shows at `epoch` (local time in its schedule's zone).

    `zone` is the machine's zone, used when the schedule names none; `dwells` are the
    seconds each panel stays up (default: the content's own).
    """
    return _moment(content, agenda(content, epoch, zone), epoch, zone, dwells)


def _moment(
    content: Content, said: Agenda, epoch: float, zone: tzinfo, dwells: Sequence[float] | None
) -> OnScreen:
    """What the screen shows at `epoch`, the schedule having said `said` then."""
    local = content_zone(content, zone)
    if not said.open:
        opening = None if said.next_opening is None else local_time(said.next_opening, local)
        words = closed_words(local_time(epoch, local), opening, content.languages,
                             content.default_language)
        return OnScreen(epoch, said, None, said.changes_at, ClosedScreen(words, said.screen_off))
    if dwells is None:
        dwells = [content.dwell_for(index) for index in range(len(content.panels))]
    slot = synced_slot(dwells, said.shown, epoch, local)
    return OnScreen(epoch, said, slot.index, earliest(slot.end, said.changes_at), None)


def plan(
    content: Content,
    start: float,
    end: float,
    zone: tzinfo,
    dwells: Sequence[float] | None = None,
) -> list[OnScreen]:
    """Every change of the screen from `start` to `end`: one `OnScreen` each.

    A closed stretch is one entry, however often the schedule looks again during it.
    The schedule is asked once per stretch in which it says the same.
    """
    moments: list[OnScreen] = []
    now = start
    while now < end:
        said = agenda(content, now, zone)
        until = min(end, said.changes_at if said.changes_at is not None else end)
        while True:
            moment = _moment(content, said, now, zone, dwells)
            if not (moments and not moments[-1].open and not moment.open):
                moments.append(moment)
            following = moment.ends if moment.ends is not None else end
            now = max(following, now + MIN_STEP)
            if now >= until:
                break
    return moments
