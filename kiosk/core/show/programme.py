"""What the show can put on screen: the content on screen, the content staged, the active panels.

`Programme` is the part of the presentation model that knows content: it swaps
staged content in when asked (at a panel boundary), and keeps the set of active
panels, which is every panel of the content on screen but those fenced off after
they failed to draw (a panel of the staged content may fail before it is shown,
while it is warmed up: it starts fenced off), and those outside their dated window
(`show_only`, told by the show, which asks the schedule). It knows nothing of time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from kiosk.core.show.rotation import step

if TYPE_CHECKING:
    from kiosk.core.content.model import Content
    from kiosk.core.content.source import Source


Carry = Callable[[int], int]
"""Where panel `index` of the content shown before is in the content shown now."""


def carried(before: list[str], after: list[str], index: int) -> int:
    """Where panel `index` of the panels `before` (their ids) is `after`: same id, else place.

    A panel the edit removed gives way to the one at its place (`Programme.landing`
    wraps an index past the end).
    """
    panel_id = before[index] if 0 <= index < len(before) else None
    return after.index(panel_id) if panel_id in after else index


class Programme:
    """The content on screen, the content staged, and the active panels of the first."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.pending: Source | None = None
        self._fenced: frozenset[int] = frozenset()
        self._pending_fenced: frozenset[int] = frozenset()
        self._shown: frozenset[int] | None = None

    @property
    def content(self) -> Content:
        """The content document on screen."""
        return self.source.content

    @property
    def count(self) -> int:
        """How many panels the content on screen has."""
        return len(self.source.content.panels)

    @property
    def active(self) -> tuple[int, ...]:
        """The panels in the rotation, in order: those in their dated window, not fenced off.

        When no panel in its window can be drawn, every panel that can is in the rotation:
        the screen never shows nothing during opening hours.
        """
        drawable = tuple(i for i in range(self.count) if i not in self._fenced)
        if self._shown is None:
            return drawable
        return tuple(i for i in drawable if i in self._shown) or drawable

    def show_only(self, shown: tuple[int, ...] | None) -> bool:
        """Keep only the panels `shown` (inside their dated window); True if that changed."""
        wanted = None if shown is None else frozenset(shown)
        if wanted == self._shown:
            return False
        self._shown = wanted
        return True

    def stage(self, source: Source) -> None:
        """Keep `source` for the next panel boundary (in place of any content staged before)."""
        self.pending = source
        self._pending_fenced = frozenset()

    def apply(self) -> Carry | None:
        """Put the staged content on screen; None if none was staged.

        Returns where each panel of the content shown until now is in the new
        content (`carried`): an edit that adds, removes or moves panels does not move
        the show off the panel it shows or has chosen.
        """
        if self.pending is None:
            return None
        before = [panel.id for panel in self.content.panels]
        self.source, self.pending = self.pending, None
        self._fenced, self._pending_fenced = self._pending_fenced, frozenset()
        return partial(carried, before, [panel.id for panel in self.content.panels])

    def fence(self, source: Source, index: int) -> bool:
        """Take panel `index` of `source` out of the rotation; True if that changes the screen.

        A panel of the staged content is fenced off for when that content comes on screen.
        """
        if source is self.pending:
            self._pending_fenced = self._pending_fenced | {index}
        if source is not self.source or index in self._fenced:
            return False
        self._fenced = self._fenced | {index}
        return True

    def step(self, index: int, direction: int) -> int:
        """The next active panel after `index` going `direction` (1 or -1), cyclically."""
        return step(index, direction, self.count, self.active)

    def landing(self, index: int, direction: int) -> int:
        """Panel `index` (wrapped), or the next active one going `direction` if it is fenced."""
        index %= self.count
        return index if index in self.active else self.step(index, direction)
