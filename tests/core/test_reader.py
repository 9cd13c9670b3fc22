"""The one reader of given files: regular files only, bounded, never blocking (issue 12, 1-2).

Each read runs in a helper thread with a deadline, so a reader that blocked (on a
FIFO with no writer, say) fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.content.jsonparse import MAX_BYTES
from kiosk.core.content.load import load
from kiosk.core.content.reader import Unreadable, read_regular_file

DEADLINE = 5.0  # seconds; a non-blocking read takes microseconds

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev are POSIX")


def finishes(action: Callable[[], Any]) -> Any:
    """Run `action` in a thread; fail when it does not return within DEADLINE."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(action())
        except BaseException as exc:  # handed back to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(DEADLINE)
    assert not worker.is_alive(), "the read blocked"
    return outcome[0]


def refusal(path: Path, limit: int = MAX_BYTES) -> str:
    found = finishes(lambda: read_regular_file(path, limit))
    assert isinstance(found, Unreadable), found
    return str(found)


@posix_only
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "content.json"
    os.mkfifo(fifo)
    message = refusal(fifo)
    assert str(fifo) in message and "named pipe (FIFO)" in message


@posix_only
def test_a_link_to_dev_zero_is_refused_and_named(tmp_path: Path) -> None:
    link = tmp_path / "content.json"
    link.symlink_to("/dev/zero")
    message = refusal(link)
    assert message.startswith(str(link))
    assert "character device" in message and "/dev/zero" in message


def test_a_huge_sparse_file_is_refused_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "content.json"
    with huge.open("wb") as stream:
        stream.truncate(1 << 30)  # 1 GB of holes: no disk used
    tracemalloc.start()
    try:
        message = refusal(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "too large (1073.7 MB)" in message
    assert peak < 1_000_000


def test_a_file_over_the_limit_is_refused_and_one_within_is_read(tmp_path: Path) -> None:
    path = tmp_path / "content.json"
    path.write_bytes(b"x" * 101)
    assert "too large" in refusal(path, limit=100)
    assert finishes(lambda: read_regular_file(path, 101)) == b"x" * 101


def test_a_folder_a_missing_file_and_a_dangling_link_are_named(tmp_path: Path) -> None:
    assert "is a folder" in refusal(tmp_path)
    assert "does not exist" in refusal(tmp_path / "missing.json")
    dangling = tmp_path / "content.json"
    dangling.symlink_to(tmp_path / "releases" / "v9" / "content.json")
    assert "is a link to" in refusal(dangling) and "releases/v9" in refusal(dangling)


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    loop = tmp_path / "content.json"
    loop.symlink_to(loop)
    assert "cannot be read" in refusal(loop)


@posix_only
def test_load_names_the_path_as_given_not_the_device(tmp_path: Path) -> None:
    link = tmp_path / "content.json"
    link.symlink_to("/dev/zero")
    result = finishes(lambda: load(link))
    assert not result.ok and result.sha256 is None
    assert result.problems[0].message.startswith(f"{link} is a character device")
