"""The last good copy of content.json, kept in the data folder.

Whenever the content loads without errors the app saves its bytes here; when
content.json is later broken (a half-saved edit, a typo) the kiosk starts
with this copy instead of a blank screen. Images stay relative to the
original content folder, not to the data folder.

A copy that cannot be saved (a full disk) is kept in memory and saved again by
`retry_last_good`, which the records call at each commit and heartbeat, until it is
on disk: otherwise a restart would bring back an older story.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.core.content.jsonparse import MAX_BYTES
from kiosk.core.content.reader import Unreadable, read_regular_file
from kiosk.core.records.paths import LAST_GOOD, atomic_write_bytes

log = logging.getLogger(__name__)

_unsaved: dict[Path, tuple[bytes, str]] = {}  # data folder: the bytes, why they are not saved


def last_good_path(data_dir: Path) -> Path:
    """Return where the last good copy lives in `data_dir`."""
    return data_dir / LAST_GOOD


def save_last_good(data_dir: Path, raw: bytes) -> bool:
    """Keep `raw` as the last good content; True if it is now on disk.

    The write is atomic and skipped when the stored bytes are already the
    same. A failure is logged, reported as False and remembered: `retry_last_good`
    tries again. Never raises.
    """
    path = last_good_path(data_dir)
    waiting = _unsaved.pop(data_dir, None)
    if load_last_good(data_dir) == raw:
        return True
    try:
        atomic_write_bytes(path, raw)
    except OSError as exc:
        if waiting is None or waiting[1] != str(exc):
            log.warning("could not save the last good content to %s: %s; trying again at "
                        "each heartbeat until it is saved", path, exc)
        _unsaved[data_dir] = (raw, str(exc))
        return False
    if waiting is not None:
        log.info("the last good content is saved to %s now", path)
    return True


def retry_last_good(data_dir: Path) -> bool | None:
    """Save the last good content that could not be saved; None when none waits."""
    waiting = _unsaved.get(data_dir)
    return None if waiting is None else save_last_good(data_dir, waiting[0])


def unsaved_last_good(data_dir: Path) -> str | None:
    """Why the last good content waits to be saved (a full disk), or None when it does not."""
    waiting = _unsaved.get(data_dir)
    return None if waiting is None else f"the last good content is not saved yet: {waiting[1]}"


def load_last_good(data_dir: Path) -> bytes | None:
    """Return the last good content's bytes, or None if there is none or it cannot be read."""
    try:
        return read_regular_file(last_good_path(data_dir), MAX_BYTES)
    except Unreadable:
        return None
