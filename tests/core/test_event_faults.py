"""The event database under real faults: a damaged page, a full disk, a deleted file (issue 12).

A partly damaged database is made as it happens on a card: one page of a healthy
file overwritten. A full disk is simulated with SQLite's own page limit
(``max_page_count``, set on each connection through `EventLog`'s `tune` hook),
which makes SQLite fail exactly as on a full disk (SQLITE_FULL) without
privileges; where the tests may mount a small tmpfs (root, Linux), the real thing
is tried too.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.core.records.events import EventLog
from kiosk.core.records.held import HeldEvents, Interaction
from kiosk.core.records.report import summarize
from tests.support import SimulatedDisk, query

EPOCH = datetime(2026, 11, 27, 10, 0, tzinfo=UTC).timestamp()
ASIDE = "events.sqlite3.corrupt-20261127T100000"


def wall() -> float:
    return EPOCH


def healthy_database(db: Path, showings: int = 2000) -> None:
    """A database with `showings` rows over many pages, closed cleanly."""
    log = EventLog(db, wall)
    for n in range(showings):
        log.panel_shown(f"panel-{n % 6}", "en", float(n))
    log.close(float(showings))


def damage_one_page(db: Path, name: str = "showings_started") -> int:
    """Overwrite one page of `db` (the first page of index or table `name`) with junk."""
    page_size = query(db, "PRAGMA page_size")[0][0]
    page = query(db, f"SELECT rootpage FROM sqlite_master WHERE name = '{name}'")[0][0]
    with db.open("r+b") as stream:
        stream.seek((page - 1) * page_size)
        stream.write(bytes(range(256)) * (page_size // 256))
    return page


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "events.sqlite3"


def test_a_database_with_one_damaged_page_is_moved_aside_at_start(db: Path) -> None:
    healthy_database(db)
    damage_one_page(db)
    assert query(db, "SELECT count(panel_id) FROM showings")[0][0] == 2000  # the table still reads
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        query(db, "INSERT INTO showings VALUES (NULL, 'x', 'en', 1e12, 'x', 1)")
    log = EventLog(db, wall)
    health = log.health()
    assert health.recording and health.moved_aside == ASIDE
    assert (db.parent / ASIDE).is_file()
    log.panel_shown("after", "en", 0.0)
    log.close(5.0)
    assert query(db, "SELECT panel_id, seconds FROM showings") == [("after", 5.0)]
    assert query(db, "PRAGMA quick_check") == [("ok",)]


def test_damage_found_while_writing_moves_the_file_aside_and_keeps_the_events(db: Path) -> None:
    healthy_database(db, showings=500)
    log = EventLog(db, wall)
    log.panel_shown("before", "en", 0.0)
    log.flush(1.0)
    query(db, "PRAGMA wal_checkpoint(TRUNCATE)")  # the pages now come from the main file
    damage_one_page(db, "showings")
    log.panel_shown("during", "en", 2.0)
    log.interaction("tap", "during", 2.5)
    log.flush(3.0)
    assert log.health().moved_aside == ASIDE and log.enabled
    log.close(4.0)
    rows = query(db, "SELECT panel_id, seconds FROM showings ORDER BY id")
    assert rows == [("before", 2.0), ("during", 2.0)]  # held events went to the new file
    assert query(db, "SELECT kind FROM interactions") == [("tap",)]


def test_a_full_disk_at_start_keeps_the_file_and_holds_events_until_space_returns(
    db: Path,
) -> None:
    pages = {"limit": 1}  # not even room for the schema of a new file

    def tune(conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA max_page_count = {pages['limit']}")

    log = EventLog(db, wall, tune=tune)
    health = log.health()
    assert not health.recording and "full" in (health.problem or "")
    for n in range(30):
        log.panel_shown(f"p{n}", "en", float(n))
        log.flush(n + 0.5)  # each commit period tries again
    assert log.health().held == 30 and not list(db.parent.glob("*.corrupt-*"))
    pages["limit"] = 1_000_000  # space is back: the next period opens the file
    log.flush(31.0)
    assert log.enabled and log.health().held == 0
    log.close(32.0)
    assert summarize(db)["error"] is None
    assert query(db, "SELECT count(*) FROM showings") == [(30,)]


def test_a_full_disk_never_moves_a_healthy_non_wal_database_aside(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.executescript(
        "CREATE TABLE showings (id INTEGER PRIMARY KEY, panel_id TEXT NOT NULL, language TEXT,"
        " started_at REAL NOT NULL, started_iso TEXT NOT NULL, seconds REAL);"
        "INSERT INTO showings VALUES (NULL, 'old', 'en', 1.0, '1970-01-01T00:00:01.000Z', 9);"
    )
    conn.close()
    disk = SimulatedDisk()
    full = {"on": True}

    def tune(c: sqlite3.Connection) -> None:
        disk(c)
        if full["on"]:
            c.execute("PRAGMA max_page_count = 1")

    log = EventLog(db, wall, tune=tune)
    assert not log.enabled and not list(db.parent.glob("*.corrupt-*"))
    log.panel_shown("new", "en", 0.0)
    full["on"] = False
    log.flush(10.0)
    log.close(11.0)
    rows = query(db, "SELECT panel_id FROM showings ORDER BY id")
    assert rows == [("old",), ("new",)]
    assert summarize(db)["panels"]["old"]["shown"] == 1


def test_a_deleted_database_is_started_afresh_not_written_into_the_void(db: Path) -> None:
    log = EventLog(db, wall)
    log.panel_shown("one", "en", 0.0)
    log.flush(1.0)
    for leftover in db.parent.glob("events.sqlite3*"):
        leftover.unlink()
    log.panel_shown("two", "en", 2.0)
    log.flush(3.0)
    log.close(4.0)
    assert query(db, "SELECT panel_id FROM showings ORDER BY id") == [("one",), ("two",)]


def test_the_memory_buffer_is_bounded_and_counts_what_it_drops() -> None:
    held = HeldEvents(limit=100)
    for n in range(250):
        held.add(Interaction(float(n), "tap"))
    assert len(held) == 100 and held.dropped == 150
    assert held.rows[0].at == 150.0  # the oldest went first


# a real full disk ------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs mounted for the test (root on Linux only)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small filesystem needs root on Linux")
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Fill the filesystem of `folder` to the last byte; return the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass  # no space left: that was the point
    finally:
        os.close(fd)
    return filler


def test_a_really_full_disk_holds_events_and_recovers(small_disk: Path) -> None:
    db = small_disk / "events.sqlite3"
    filler = fill(small_disk)
    log = EventLog(db, wall)
    assert not log.enabled
    for n in range(20):
        log.panel_shown(f"p{n}", "en", float(n))
        log.flush(n + 0.5)
    assert not list(small_disk.glob("*.corrupt-*"))
    filler.unlink()
    log.flush(21.0)
    assert log.enabled
    log.close(22.0)
    assert query(db, "SELECT count(*) FROM showings") == [(20,)]


def test_a_check_that_runs_out_of_time_opens_the_database_all_the_same(
    db: Path, monkeypatch, caplog
) -> None:
    healthy_database(db, showings=3000)
    monkeypatch.setattr("kiosk.core.records.eventdb.CHECK_SECONDS", 0.0)
    with caplog.at_level(logging.INFO):
        log = EventLog(db, wall)
    assert log.enabled and log.health().moved_aside is None
    assert "too large to check" in caplog.text
    log.close(0.0)
