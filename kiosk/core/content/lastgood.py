"""The last good copy of content.json, kept in the data folder.

Whenever the content loads without errors the app saves its bytes here; when
content.json is later broken (a half-saved edit, a typo) the kiosk starts
with this copy instead of a blank screen. Images stay relative to the
original content folder, not to the data folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.core.content.jsonparse import MAX_BYTES
from kiosk.core.content.reader import Unreadable, read_regular_file
from kiosk.core.records.paths import LAST_GOOD, atomic_write_bytes

log = logging.getLogger(__name__)


def last_good_path(data_dir: Path) -> Path:
    """Return where the last good copy lives in `data_dir`."""
    return data_dir / LAST_GOOD


def save_last_good(data_dir: Path, raw: bytes) -> bool:
    """Keep `raw` as the last good content; True if it is now on disk.

    The write is atomic and skipped when the stored bytes are already the
    same. A failure is logged and reported as False, never raised.
    """
    path = last_good_path(data_dir)
    if load_last_good(data_dir) == raw:
        return True
    try:
        atomic_write_bytes(path, raw)
    except OSError as exc:
        log.warning("could not save the last good content to %s: %s", path, exc)
        return False
    return True


def load_last_good(data_dir: Path) -> bytes | None:
    """Return the last good content's bytes, or None if there is none or it cannot be read."""
    try:
        return read_regular_file(last_good_path(data_dir), MAX_BYTES)
    except Unreadable:
        return None
