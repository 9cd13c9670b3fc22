import logging
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.core.records.events import SCHEMA_VERSION, EventLog, iso_utc
from tests.support import SimulatedDisk, query

EPOCH = datetime(2026, 11, 27, 10, 0, tzinfo=UTC).timestamp()


class FakeTime:
    """App time `now` starting at 0; wall time is EPOCH + now."""

    def __init__(self) -> None:
        self.now = 0.0

    def wall(self) -> float:
        return EPOCH + self.now

    def at(self, now: float) -> float:
        self.now = now
        return now


@pytest.fixture
def clock() -> FakeTime:
    return FakeTime()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "events.sqlite3"


def test_showings_get_their_durations(db: Path, clock: FakeTime) -> None:
    log = EventLog(db, clock.wall)
    log.panel_shown("intro", "en", clock.at(0.0))
    log.panel_shown("stats", "fr", clock.at(12.5))
    log.close(clock.at(20.0))
    rows = query(db, "SELECT panel_id, language, started_iso, seconds FROM showings ORDER BY id")
    assert rows == [
        ("intro", "en", "2026-11-27T10:00:00.000Z", 12.5),
        ("stats", "fr", "2026-11-27T10:00:12.500Z", 7.5),
    ]


def test_interactions_are_stamped(db: Path, clock: FakeTime) -> None:
    log = EventLog(db, clock.wall)
    log.interaction("swipe", "intro", clock.at(3.0), "left")
    log.interaction("language", None, clock.at(4.0))
    log.close(clock.at(5.0))
    rows = query(db, "SELECT kind, panel_id, at, at_iso, detail FROM interactions ORDER BY id")
    assert rows == [
        ("swipe", "intro", EPOCH + 3, "2026-11-27T10:00:03.000Z", "left"),
        ("language", None, EPOCH + 4, "2026-11-27T10:00:04.000Z", None),
    ]


def test_database_is_wal_with_schema_version(db: Path, clock: FakeTime) -> None:
    EventLog(db, clock.wall).close(0.0)
    assert query(db, "PRAGMA journal_mode") == [("wal",)]
    assert query(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_lifecycle_moments_are_stamped(db: Path, clock: FakeTime) -> None:
    log = EventLog(db, clock.wall)
    log.lifecycle("start", clock.at(0.0), "0.1.0")
    log.lifecycle("content_error", clock.at(2.5), "content.json:3:1: no comma")
    log.close(clock.at(3.0))
    rows = query(db, "SELECT kind, at, at_iso, detail FROM lifecycle ORDER BY id")
    assert rows == [
        ("start", EPOCH, "2026-11-27T10:00:00.000Z", "0.1.0"),
        ("content_error", EPOCH + 2.5, "2026-11-27T10:00:02.500Z", "content.json:3:1: no comma"),
    ]


def test_a_version_1_log_gains_the_lifecycle_table_and_keeps_its_rows(
    db: Path, clock: FakeTime
) -> None:
    conn = sqlite3.connect(db)
    conn.executescript(
        "CREATE TABLE showings (id INTEGER PRIMARY KEY, panel_id TEXT NOT NULL, language TEXT,"
        " started_at REAL NOT NULL, started_iso TEXT NOT NULL, seconds REAL);"
        "CREATE TABLE interactions (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, panel_id TEXT,"
        " at REAL NOT NULL, at_iso TEXT NOT NULL, detail TEXT);"
        "INSERT INTO showings VALUES (1, 'intro', 'en', 1.0, 'x', 12.0);"
        "PRAGMA user_version = 1;"
    )
    conn.close()
    log = EventLog(db, clock.wall)
    log.lifecycle("stop", clock.at(1.0))
    log.close(clock.at(2.0))
    assert query(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert query(db, "SELECT panel_id, seconds FROM showings") == [("intro", 12.0)]
    assert query(db, "SELECT kind FROM lifecycle") == [("stop",)]


def test_reopening_appends(db: Path, clock: FakeTime) -> None:
    for start in (0.0, 100.0):
        log = EventLog(db, clock.wall)
        log.panel_shown("intro", "en", clock.at(start))
        log.close(clock.at(start + 10))
    assert query(db, "SELECT COUNT(*), SUM(seconds) FROM showings") == [(2, 20.0)]


def test_flush_commits_pending_rows(db: Path, clock: FakeTime) -> None:
    log = EventLog(db, clock.wall)
    log.panel_shown("intro", "en", clock.at(0.0))
    log.interaction("tap", "intro", clock.at(0.2))
    assert query(db, "SELECT COUNT(*) FROM interactions") == [(0,)]
    log.flush(clock.at(1.0))
    assert query(db, "SELECT COUNT(*) FROM interactions") == [(1,)]
    assert query(db, "SELECT seconds FROM showings") == [(1.0,)]
    log.close(clock.at(2.0))


def test_events_are_written_only_by_flush_in_one_batch(db: Path, clock: FakeTime) -> None:
    log = EventLog(db, clock.wall)
    log.panel_shown("a", "en", clock.at(0.0))
    log.panel_shown("b", "en", clock.at(0.5))
    log.interaction("tap", "b", clock.at(0.7))
    log.panel_shown("c", "en", clock.at(1.5))
    assert query(db, "SELECT COUNT(*) FROM showings") == [(0,)]  # held, not written
    log.flush(clock.at(10.0))
    rows = query(db, "SELECT panel_id, seconds FROM showings ORDER BY id")
    assert rows == [("a", 0.5), ("b", 1.0), ("c", 8.5)]
    log.flush(clock.at(20.0))  # the open showing's row is updated, not inserted again
    assert query(db, "SELECT panel_id, seconds FROM showings ORDER BY id")[-1] == ("c", 18.5)
    log.close(clock.at(21.0))
    assert query(db, "SELECT COUNT(*), SUM(seconds) FROM showings") == [(3, 21.0)]


def test_kill_after_flush_keeps_flushed_rows(db: Path, clock: FakeTime, tmp_path: Path) -> None:
    log = EventLog(db, clock.wall)
    log.panel_shown("intro", "en", clock.at(0.0))
    log.flush(clock.at(5.0))
    log.interaction("tap", "intro", clock.at(5.5))
    # What a SIGKILL leaves: the files as they are on disk now, with no close().
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in (db.name, db.name + "-wal"):
        shutil.copy(db.parent / name, crashed / name)
    log.close(clock.at(6.0))
    assert query(crashed / db.name, "SELECT panel_id, seconds FROM showings") == [("intro", 5.0)]
    assert query(crashed / db.name, "SELECT COUNT(*) FROM interactions") == [(0,)]


def test_junk_file_is_moved_aside(db: Path, clock: FakeTime, caplog) -> None:
    db.write_bytes(b"this is not a database, just junk bytes " * 100)
    with caplog.at_level(logging.WARNING):
        log = EventLog(db, clock.wall)
    assert log.enabled
    aside = db.with_name("events.sqlite3.corrupt-20261127T100000")
    assert aside.read_bytes().startswith(b"this is not a database")
    assert "moved it to events.sqlite3.corrupt-20261127T100000" in caplog.text
    log.panel_shown("intro", "en", clock.at(1.0))
    log.close(clock.at(2.0))
    assert query(db, "SELECT panel_id, seconds FROM showings") == [("intro", 1.0)]


def test_second_corruption_in_same_second_gets_new_name(db: Path, clock: FakeTime) -> None:
    for _ in range(2):
        db.write_bytes(b"junk" * 200)
        EventLog(db, clock.wall).close(0.0)
    names = sorted(p.name for p in db.parent.glob("*.corrupt-*"))
    assert names == [
        "events.sqlite3.corrupt-20261127T100000",
        "events.sqlite3.corrupt-20261127T100000-1",
    ]


def test_directory_in_the_way_is_moved_aside(db: Path, clock: FakeTime) -> None:
    db.mkdir()
    log = EventLog(db, clock.wall)
    assert log.enabled
    assert db.with_name("events.sqlite3.corrupt-20261127T100000").is_dir()
    log.close(0.0)
    assert db.is_file()


def test_unwritable_folder_disables_log_with_one_error(tmp_path: Path, clock, caplog) -> None:
    (tmp_path / "afile").write_text("x")
    with caplog.at_level(logging.WARNING):
        log = EventLog(tmp_path / "afile" / "sub" / "events.sqlite3", clock.wall)
        for step in range(200):
            log.panel_shown("intro", "en", clock.at(step * 1.0))
            log.interaction("tap", None, clock.at(step + 0.5))
            log.flush(clock.at(step + 0.9))
        log.close(clock.at(300.0))
    assert not log.enabled
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "event log disabled" in errors[0].getMessage()


def test_write_errors_are_logged_once_when_they_start_and_once_when_they_end(
    db: Path, clock: FakeTime, caplog
) -> None:
    disk = SimulatedDisk()
    log = EventLog(db, clock.wall, tune=disk)
    log.flush(clock.at(0.0))
    disk.fill(db)
    with caplog.at_level(logging.WARNING):
        for step in range(90):
            log.interaction("tap", "intro", clock.at(float(step)), "x" * 20_000)
            log.flush(clock.at(step + 0.5))
        assert not log.enabled and log.health().held == 90
        disk.empty()
        log.interaction("tap", "intro", clock.at(100.0), "back")
        log.flush(clock.at(100.5))
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "full" in errors[0]
    assert "recording again" in caplog.text
    assert log.enabled and log.health().held == 0
    log.close(clock.at(101.0))
    assert query(db, "SELECT COUNT(*) FROM interactions") == [(91,)]  # nothing was lost


def test_close_is_final_and_idempotent(db: Path, clock: FakeTime) -> None:
    log = EventLog(db, clock.wall)
    log.close(clock.at(1.0))
    log.close(clock.at(2.0))
    log.panel_shown("late", "en", clock.at(3.0))
    log.flush(clock.at(4.0))
    assert not log.enabled
    assert query(db, "SELECT COUNT(*) FROM showings") == [(0,)]


def test_iso_utc_has_milliseconds_and_z() -> None:
    assert iso_utc(EPOCH + 0.25) == "2026-11-27T10:00:00.250Z"
