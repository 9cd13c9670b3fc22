"""Proof-of-play held in memory until the next commit: a bounded buffer of rows.

The kiosk commits its events in batches (`kiosk.core.records.batching`), and
while the database cannot take them (a full disk, a vanished folder) it keeps
them here and tries again. The buffer is bounded: past `limit` rows the oldest
are dropped and counted, so a disk that stays full all week cannot exhaust memory.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from kiosk.core.records.timeline import Interaction, Moment

HELD_LIMIT = 10_000  # rows: about three booth days of panels at a 10 s dwell, a few MB


@dataclass
class HeldShowing:
    """One panel on screen: when it started (wall time) and for how long.

    `since` is the app's clock at the start, `seconds` the duration so far, and
    `row_id` the database row once it has been committed (None before).
    """

    panel_id: str
    language: str
    started_at: float
    since: float
    seconds: float = 0.0
    row_id: int | None = None


class HeldEvents:
    """Rows waiting for a commit: ended showings, interactions and moments, and the open showing.

    Parameters
    ----------
    limit
        The most ended rows kept; beyond it the oldest are dropped (`dropped`).
    """

    def __init__(self, limit: int = HELD_LIMIT) -> None:
        self.rows: deque[HeldShowing | Interaction | Moment] = deque()
        self.open: HeldShowing | None = None
        self.limit = limit
        self.dropped = 0

    def __len__(self) -> int:
        """How many events wait for a commit (the open showing counts once)."""
        return len(self.rows) + (self.open is not None and self.open.row_id is None)

    def add(self, row: HeldShowing | Interaction | Moment) -> None:
        """Hold an ended showing, an interaction or a moment; the oldest go past the limit."""
        self.rows.append(row)
        while len(self.rows) > self.limit:
            self.rows.popleft()
            self.dropped += 1

    def start(self, showing: HeldShowing, now: float) -> None:
        """A new showing opens; the one before (if any) ends at `now` and is held."""
        self.end(now)
        self.open = showing

    def end(self, now: float) -> None:
        """The open showing, if any, ends at `now` and is held for the next commit."""
        if self.open is not None:
            self.open.seconds = max(0.0, now - self.open.since)
            self.add(self.open)
            self.open = None

    def batch(self, now: float) -> list[HeldShowing | Interaction | Moment]:
        """The rows of the next commit, oldest first: every held row, then the open showing."""
        if self.open is None:
            return list(self.rows)
        self.open.seconds = max(0.0, now - self.open.since)
        return [*self.rows, self.open]

    def committed(self, ids: list[int]) -> None:
        """The last batch is on disk: forget its rows; the open showing keeps its row id."""
        self.rows.clear()
        if self.open is not None and self.open.row_id is None and ids:
            self.open.row_id = ids[-1]

    def forget_row_ids(self) -> None:
        """The database was replaced: every row must be inserted afresh."""
        for row in [*self.rows, self.open]:
            if isinstance(row, HeldShowing):
                row.row_id = None
