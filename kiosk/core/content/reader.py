"""Read a file the kiosk was given: regular files only, a bounded number of bytes, never blocking.

Whatever sits at the path of content.json is out of the kiosk's hands: a named
pipe (opening it waits for a writer that never comes), a device
(``content.json -> /dev/zero`` never ends), a 1 GB file saved by mistake, a
folder, a dangling link. This is the one reader for such files (content.json at
start and while running, the last good copy, SVG pictures; `open_regular` for the
headers of media files): it looks at what the path is before opening it, opens
without waiting, checks again on the open file (the path may be swapped in
between) and reads at most `limit` bytes. So it returns at once, holds at most
`limit` bytes, and a stop signal is never kept waiting.

Messages name the path as given and what it leads to; they quote nothing from
inside the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from kiosk.core.content.file_hints import too_large

CHUNK = 1 << 16
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class Unreadable(Exception):
    """The file cannot be read; the message says why in plain words."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """Return the bytes of the regular file at `path`, refusing anything else.

    Parameters
    ----------
    path
        The file, as given (a symbolic link is followed, and named in messages).
    limit
        The most bytes to accept; a larger file is refused without being read.

    Raises
    ------
    Unreadable
        When `path` is missing, not a regular file, larger than `limit` or cannot
        be read; the message names `path` and, for a link, where it leads.
    """
    with open_regular(path, limit) as file:
        try:
            data = _read_at_most(file.fileno(), limit + 1)
        except OSError as exc:
            raise Unreadable(f"{path} cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise Unreadable(too_large(len(data), limit))
    return data


def open_regular(path: Path, limit: int | None = None) -> BinaryIO:
    """Open the regular file at `path` for reading, without waiting; refuse anything else.

    What `read_regular_file` reads through, and what reads only a file's header (a
    media file's format, a video's length) opens it with. `limit`, when given, is
    the largest size accepted.

    Raises
    ------
    Unreadable
        As `read_regular_file`.
    """
    path = Path(path)
    try:
        _check(path, os.stat(path), limit)
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise Unreadable(_missing(path)) from None
    except PermissionError:
        raise Unreadable(f"{path} cannot be read: permission denied") from None
    except OSError as exc:
        raise Unreadable(f"{path} cannot be read: {exc.strerror or exc}") from None
    try:
        _check(path, os.fstat(fd), limit)  # what was opened, not what was looked at
    except OSError as exc:
        os.close(fd)
        raise Unreadable(f"{path} cannot be read: {exc.strerror or exc}") from None
    except Unreadable:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def kind_of(mode: int) -> str | None:
    """What a file of `mode` is in words, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def not_regular(path: Path) -> str | None:
    """None when `path` is a regular file (links followed); else what it is, in words."""
    try:
        return kind_of(os.stat(path).st_mode)
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"


def leads_to(path: Path) -> str:
    """`` (it leads to /real/path)`` when links make `path` another file, else ''."""
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return ""
    return "" if real == os.path.abspath(path) else f" (it leads to {real})"


def _check(path: Path, info: os.stat_result, limit: int | None) -> None:
    kind = kind_of(info.st_mode)
    if kind == "a folder":
        raise Unreadable(f"{path} is a folder, not a file; give the path of content.json")
    if kind is not None:
        raise Unreadable(
            f"{path} is {kind}{leads_to(path)}, not a plain file; only a regular file "
            "is read"
        )
    if limit is not None and info.st_size > limit:
        raise Unreadable(too_large(info.st_size, limit))


def _missing(path: Path) -> str:
    if os.path.islink(path):
        return f"{path} is a link to {os.readlink(path)}, which does not exist"
    return f"{path} does not exist; check the name and the folder"


def _read_at_most(fd: int, count: int) -> bytes:
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = os.read(fd, min(CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
