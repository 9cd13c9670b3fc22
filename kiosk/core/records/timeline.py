"""The event log's rows as plain values, merged into one timeline.

The log keeps three tables (`kiosk.core.records.events`): showings, interactions and
lifecycle moments. What happened in what order matters to visitor sessions, so the
rows are merged by their wall-clock stamp. Rows stamped at the same instant keep the
order in which the kiosk writes them: a lifecycle moment, then the visitor's action,
then the panel it brought on screen (a swipe is recorded before the panel it shows).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Moment:
    """A moment of the kiosk itself: ``start``, ``stop``, ``content``, ``content_error``."""

    at: float
    kind: str
    detail: str | None = None


@dataclass(frozen=True)
class Interaction:
    """A visitor's action (``tap``, ``swipe``, ``key``, ``language``), ``idle_reset``, ``admin``."""

    at: float
    kind: str
    panel_id: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class Showing:
    """A panel on screen from `at`, for `seconds`, in `language`."""

    at: float
    panel_id: str
    language: str | None = None
    seconds: float = 0.0


Event = Moment | Interaction | Showing

_RANK = {Moment: 0, Interaction: 1, Showing: 2}


def merge(
    showings: Iterable[Showing],
    interactions: Iterable[Interaction],
    moments: Iterable[Moment] = (),
) -> list[Event]:
    """Merge the three kinds of rows into one list in the order they happened.

    Parameters
    ----------
    showings, interactions, moments
        Each in the order it was written (ascending row id).

    Returns
    -------
    list
        Every row, sorted by stamp; ties keep moment, interaction, showing order and,
        within one kind, the order given.
    """
    rows: list[Event] = [*moments, *interactions, *showings]
    return sorted(rows, key=lambda row: (row.at, _RANK[type(row)]))
