"""status.json: a heartbeat for operators and fleet monitors.

The kiosk rewrites the file at once when something an operator must see changes,
and otherwise at each heartbeat (`kiosk.core.records.batching`). Each write is
atomic, so a monitor never reads half a file, and a failed write is logged (at
most once a minute) and reported as False, never raised.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kiosk.core.records.events import iso_utc
from kiosk.core.records.paths import AtomicFile

STATUS_FORMAT = 1


@dataclass
class KioskStatus:
    """What an operator wants to know about a running kiosk; times are epoch seconds.

    Attributes
    ----------
    pid, started_at, heartbeat_at
        The process, when it started, and the last time it was alive on a screen
        (the heartbeat stops while no visitor can see the window).
    uptime_seconds
        How long the kiosk has run, from the monotonic clock (a change of the
        wall clock does not change it).
    content_path, content_from, content_sha256, loaded_at
        The content file, where in the search order it was found, the hash of the
        bytes being shown and when they loaded.
    using_last_good
        True when content.json is broken and the last good copy is on screen.
    last_error
        The latest problem worth an operator's attention, in words.
    current_panel, language
        What a visitor sees right now.
    panels
        How many panels are in rotation.
    problems, errors
        How many problems (errors and warnings) content.json had when the kiosk
        last read it, and how many of them are errors; `last_error` is the first
        error. With errors, the content on screen is the last good one.
    events_enabled
        True while proof-of-play reaches the event database.
    events_held, events_dropped
        Events waiting in memory for the database (those of the current commit
        period; more while the disk is full); events lost because that memory was full.
    events_problem
        Why events do not reach the database now (disk full, folder read-only...).
    events_moved_aside
        The file a damaged event database was moved to during this run.
    last_good_problem
        Why the last good copy of the content is not saved (a full disk); the kiosk
        tries again at each commit and heartbeat until it is. None when it is saved.
    on_screen, screen_problem, screen
        Whether a visitor can see the window; why not; what it is shown on.
    screen_state
        What the screen does, in one word for monitors: ``panels`` (the show, on
        screen), ``closed_screen`` (outside opening hours, the closed screen on
        screen), ``off_by_schedule`` (outside opening hours, the display switched off
        on purpose: healthy), ``not_visible`` (a problem: see `screen_problem`) or
        ``stopped``.
    open, changes_at
        Whether the booth is open by its schedule (always, without one), and when it
        next opens or closes (None: not ahead).
    screen_power
        How the schedule switches the display off ("xset", "wlopm + cec-ctl", "none: a
        black screen"); None when it does not (no schedule, or a closed screen).
    version
        The kiosk's version.
    """

    pid: int = field(default_factory=os.getpid)
    started_at: float = 0.0
    heartbeat_at: float = 0.0
    uptime_seconds: float = 0.0
    content_path: str = ""
    content_from: str = ""
    content_sha256: str | None = None
    loaded_at: float | None = None
    using_last_good: bool = False
    last_error: str | None = None
    current_panel: str | None = None
    language: str | None = None
    panels: int = 0
    problems: int = 0
    errors: int = 0
    events_enabled: bool = True
    events_held: int = 0
    events_dropped: int = 0
    events_problem: str | None = None
    events_moved_aside: str | None = None
    last_good_problem: str | None = None
    on_screen: bool = False
    screen_problem: str | None = None
    screen: dict[str, Any] = field(default_factory=dict)
    screen_state: str = "not_visible"
    open: bool = True
    changes_at: float | None = None
    screen_power: str | None = None
    version: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with times as UTC ISO-8601 strings and an uptime."""
        return {
            "format": STATUS_FORMAT,
            "version": self.version,
            "pid": self.pid,
            "started_at": iso_utc(self.started_at),
            "heartbeat_at": iso_utc(self.heartbeat_at),
            "uptime_seconds": round(self.uptime_seconds, 1),
            "content_path": self.content_path,
            "content_from": self.content_from,
            "content_sha256": self.content_sha256,
            "loaded_at": None if self.loaded_at is None else iso_utc(self.loaded_at),
            "using_last_good": self.using_last_good,
            "last_error": self.last_error,
            "current_panel": self.current_panel,
            "language": self.language,
            "panels": self.panels,
            "problems": self.problems,
            "errors": self.errors,
            "events_enabled": self.events_enabled,
            "events_held": self.events_held,
            "events_dropped": self.events_dropped,
            "events_problem": self.events_problem,
            "events_moved_aside": self.events_moved_aside,
            "last_good_problem": self.last_good_problem,
            "on_screen": self.on_screen,
            "screen_problem": self.screen_problem,
            "screen": self.screen,
            "screen_state": self.screen_state,
            "open": self.open,
            "changes_at": None if self.changes_at is None else iso_utc(self.changes_at),
            "screen_power": self.screen_power,
        }


class StatusFile(AtomicFile):
    """Atomic writer of status.json.

    Parameters
    ----------
    path
        Usually ``data_dir / STATUS_FILE``.
    clock
        Time used only to rate-limit error messages (monotonic by default).
    """

    def write(self, status: Mapping[str, Any] | KioskStatus) -> bool:
        """Replace the file with `status`; return False (and log) if that failed."""
        data = status.to_dict() if isinstance(status, KioskStatus) else dict(status)
        try:
            text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
        except (TypeError, ValueError) as exc:
            self.report(exc)
            return False
        return self.write_bytes(text.encode("utf-8"))

