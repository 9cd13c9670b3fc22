"""Doctor checks of the data folder: writable, room left, the event database intact."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from kiosk.core.records.logread import EMPTY, unreadable
from kiosk.core.records.paths import EVENTS_DB, is_writable_dir
from kiosk.doctor.result import Result, fail, ok, warn

MB = 1024 * 1024
FAIL_BELOW = 50 * MB  # the log alone may take 6 MB; SQLite needs room to commit
WARN_BELOW = 500 * MB


def folder_result(folder: Path, writable: Callable[[Path], bool] = is_writable_dir) -> Result:
    """Whether the kiosk can write its log, events and status in `folder`."""
    if writable(folder):
        return ok("data folder", f"{folder} is writable")
    return fail(
        "data folder",
        f"{folder} cannot be written: the kiosk would keep its log, proof-of-play and "
        "status.json in a temporary folder, lost at the next reboot",
        f"make it writable for this user (sudo chown -R $USER {folder}), "
        "or choose another with --data-dir or KIOSK_DATA_DIR",
    )


def free_bytes(folder: Path) -> int | None:
    """Free space on the file system of `folder` (or of its nearest existing parent)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            try:
                return shutil.disk_usage(candidate).free
            except OSError:
                return None
    return None


def amount(size: int) -> str:
    """A size for people: ``1,234 MB``, or ``172 KB`` under a megabyte (never ``0 MB``)."""
    if size < MB:
        return f"{size / 1024:,.0f} KB"
    return f"{size / MB:,.0f} MB"


def space_result(folder: Path, free: int | None) -> Result:
    """Whether there is room for the log and the event database."""
    if free is None:
        return warn("free space", f"could not tell the free space at {folder}", "df -h")
    found = f"{amount(free)} free at {folder}"
    fix = "free some space (old files, downloads) or choose another --data-dir"
    if free < FAIL_BELOW:
        return fail("free space", f"{found}: records stop when the disk is full", fix)
    if free < WARN_BELOW:
        return warn("free space", f"{found}: getting low", fix)
    return ok("free space", found)


def events_result(folder: Path) -> Result:
    """Whether the proof-of-play database is intact (read only, as `kiosk report` reads it).

    A healthy database on a read-only copy passes: reading it needs no writing.
    """
    path = folder / EVENTS_DB
    if not os.path.lexists(path):
        return ok("event database", f"{path} does not exist yet: the kiosk creates it")
    problem = unreadable(path, check=True)
    if problem is None:
        return ok("event database", f"{path} is intact")
    if problem == EMPTY:  # SQLite takes an empty file as a new database
        return ok("event database", f"{path} is empty: the kiosk starts recording there")
    return fail(
        "event database",
        f"{path} cannot be used ({problem}): proof-of-play cannot be recorded there",
        "restart the kiosk: it moves a damaged database aside and starts a new one",
    )
