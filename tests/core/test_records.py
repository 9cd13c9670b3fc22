import json
import logging
import os
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.core.content.problems import Problem
from kiosk.core.content.source import Source
from kiosk.core.records.batching import (
    BEAT_SECONDS,
    COMMIT_ENV,
    COMMIT_SECONDS,
    HEARTBEAT_SECONDS,
    WATCHDOG_SECONDS,
    commit_seconds,
)
from kiosk.core.records.events import EventLog
from kiosk.core.records.recorder import NOT_ON_SCREEN_YET, Records
from kiosk.core.records.report import summarize
from kiosk.core.show.presentation import Presentation
from tests.support import FakeClock, SimulatedDisk, titles_content

START = 100.0  # the fake clock's time when a test begins
WALL = 1_700_000_000.0
SCREEN = {"platform": "xcb", "exposed": True, "window": [1920, 1080]}


def status(data_dir: Path) -> dict:
    return json.loads((data_dir / "status.json").read_text(encoding="utf-8"))


def status_inode(data_dir: Path) -> int:
    """Each write of status.json is a new file renamed into place: a new inode."""
    return os.stat(data_dir / "status.json").st_ino


def visible_records(data_dir: Path, clock: FakeClock) -> Records:
    """Records of a kiosk whose window is on screen."""
    records = Records(data_dir, clock, wall=lambda: WALL + clock.now)
    records.screen_changed(True, None, SCREEN)
    return records


def run_until(records: Records, clock: FakeClock, end: float) -> None:
    """Tick as the app's ticker would, at each time the records ask for, up to `end`."""
    while True:
        due = records.tick(clock.now)
        if due > end:
            return
        clock.now = due


def test_a_panel_reaches_events_and_status_within_one_burst(tmp_path: Path) -> None:
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    records.tick(clock.now)
    records.panel_shown("welcome", "fr")
    written = status_inode(tmp_path)
    run_until(records, clock, START + COMMIT_SECONDS - 1)
    assert status_inode(tmp_path) == written  # a panel change alone writes nothing
    assert summarize(tmp_path / "events.sqlite3")["panels"] == {}
    run_until(records, clock, START + COMMIT_SECONDS)
    assert summarize(tmp_path / "events.sqlite3")["panels"]["welcome"]["shown"] == 1
    assert (status(tmp_path)["current_panel"], status(tmp_path)["language"]) == ("welcome", "fr")


def test_writes_come_in_one_burst_per_period_and_none_while_nothing_is_shown(
    tmp_path: Path, monkeypatch
) -> None:
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    writes: list[float] = []  # when the event log or status.json was written

    def noted(original: Callable[..., object]) -> Callable[..., object]:
        def call(*args: object) -> object:
            writes.append(clock.now)
            return original(*args)

        return call

    monkeypatch.setattr(records.events, "flush", noted(records.events.flush))
    monkeypatch.setattr(records.status_file, "write", noted(records.status_file.write))
    run_until(records, clock, START + 5 * COMMIT_SECONDS - 1)
    assert set(writes) == {START + n * HEARTBEAT_SECONDS for n in range(5)}  # heartbeats only
    writes.clear()
    for n in range(60):  # a panel every 10 s for ten minutes
        records.panel_shown(f"p{n % 6}", "en")
        run_until(records, clock, clock.now + 10)
    bursts = {START + n * COMMIT_SECONDS for n in range(20)}
    assert set(writes) <= bursts and len(set(writes)) == 600 // COMMIT_SECONDS
    assert len([t for t in writes if t == writes[-1]]) == 2  # the commit and the heartbeat


def test_status_heartbeat_and_watchdog_when_nothing_happens(tmp_path: Path, monkeypatch) -> None:
    sent: list[str] = []
    monkeypatch.setattr("kiosk.core.records.recorder.notify", sent.append)
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    assert records.tick(clock.now) == START + WATCHDOG_SECONDS
    assert sent == ["WATCHDOG=1"]
    beat, written = status(tmp_path)["heartbeat_at"], status_inode(tmp_path)
    run_until(records, clock, START + HEARTBEAT_SECONDS - 1)
    assert len(sent) == HEARTBEAT_SECONDS / WATCHDOG_SECONDS
    assert status_inode(tmp_path) == written  # the watchdog writes nothing
    run_until(records, clock, START + HEARTBEAT_SECONDS)
    assert status(tmp_path)["heartbeat_at"] != beat


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("", COMMIT_SECONDS), ("1", 1.0), ("0", 1.0), ("nan", COMMIT_SECONDS), ("x", COMMIT_SECONDS),
     ("1e9", 3600.0), ("10", 10.0)],
)
def test_the_commit_period_can_be_set_for_the_machine(text: str, seconds: float) -> None:
    assert commit_seconds({COMMIT_ENV: text}) == seconds


def test_uptime_comes_from_the_monotonic_clock(tmp_path: Path) -> None:
    clock = FakeClock(START)
    wall = {"t": WALL}
    records = Records(tmp_path, clock, wall=lambda: wall["t"])
    records.screen_changed(True, None, SCREEN)
    clock.now += 120.0
    wall["t"] -= 86_400.0  # the wall clock is set back a day
    records.write_status()
    assert status(tmp_path)["uptime_seconds"] == 120.0


def test_a_content_error_is_written_at_once_with_its_counts(tmp_path: Path) -> None:
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    records.content_loaded(tmp_path / "content.json", "ab", 3, 0, last_good=False)
    records.problems_found([
        Problem("error", "expected a value", "", 3, 4),
        Problem("warning", "text too long", "panels[0].title", 9, 2),
    ])
    records.content_error("content.json:3:4: error: expected a value", True)
    shown = status(tmp_path)
    assert shown["last_error"].startswith("content.json:3:4")
    assert (shown["problems"], shown["errors"], shown["using_last_good"]) == (2, 1, True)


def test_the_event_log_is_opened_and_checked_once_the_window_is_on_screen(
    tmp_path: Path,
) -> None:
    """The first frame never waits for the integrity check of a large database."""
    clock = FakeClock(START)
    records = Records(tmp_path, clock, wall=lambda: WALL + clock.now)
    records.tick(clock.now)
    assert not (tmp_path / "events.sqlite3").exists()
    records.screen_changed(True, None, SCREEN)  # the first frame is on screen
    records.tick(clock.now)
    assert (tmp_path / "events.sqlite3").exists() and records.events.enabled


def test_a_kiosk_never_on_screen_opens_its_event_log_after_the_first_beat(
    tmp_path: Path,
) -> None:
    clock = FakeClock(START)
    records = Records(tmp_path, clock, wall=lambda: WALL + clock.now)
    run_until(records, clock, START + BEAT_SECONDS)
    assert (tmp_path / "events.sqlite3").exists()


def test_a_damaged_database_is_moved_aside_and_status_says_so_at_once(tmp_path: Path) -> None:
    (tmp_path / "events.sqlite3").write_bytes(b"SQLite format 3\0" + b"\xff" * 4000)
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    run_until(records, clock, START + BEAT_SECONDS)  # the log opens at the first beat
    shown = status(tmp_path)
    assert shown["events_moved_aside"].startswith("events.sqlite3.corrupt-")
    assert shown["events_enabled"] is True and shown["events_problem"] is None
    assert (tmp_path / shown["events_moved_aside"]).is_file()


def test_a_full_disk_is_in_status_at_once_and_cleared_when_space_returns(
    tmp_path: Path, monkeypatch
) -> None:
    disk = SimulatedDisk()
    monkeypatch.setattr("kiosk.core.records.recorder.EventLog", partial(EventLog, tune=disk))
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    run_until(records, clock, START + BEAT_SECONDS)
    disk.fill(tmp_path / "events.sqlite3")
    records.panel_shown("welcome", "en")
    records.interaction("tap", "welcome", "x" * 20_000)  # more than the pages left
    run_until(records, clock, START + COMMIT_SECONDS)
    shown = status(tmp_path)
    assert shown["events_enabled"] is False and "full" in shown["events_problem"]
    assert shown["events_held"] == 3  # the start moment, the showing and the tap
    disk.empty()
    run_until(records, clock, START + 2 * COMMIT_SECONDS)
    shown = status(tmp_path)
    assert shown["events_enabled"] is True and shown["events_problem"] is None
    assert summarize(tmp_path / "events.sqlite3")["panels"]["welcome"]["shown"] == 1


def lifecycle(data_dir: Path) -> list[tuple[str, str | None]]:
    conn = sqlite3.connect(data_dir / "events.sqlite3")
    try:
        return conn.execute("SELECT kind, detail FROM lifecycle ORDER BY id").fetchall()
    finally:
        conn.close()


def test_start_content_errors_and_stop_are_lifecycle_moments(tmp_path: Path) -> None:
    clock = FakeClock(START)
    records = Records(tmp_path, clock, wall=lambda: WALL + clock.now)
    records.content_loaded(Path("content.json"), "ab" * 32, 6, 0, last_good=False)
    records.content_error(None)  # a good load clears nothing: no moment
    records.content_error("content.json:3:1: missing comma", using_last_good=True)
    records.content_error("content.json:3:1: missing comma")  # the same problem again
    records.content_error("content.json:9:2: unknown key")
    records.close()
    assert lifecycle(tmp_path) == [
        ("start", __version__),
        ("content", "ab" * 32),
        ("content_error", "content.json:3:1: missing comma"),
        ("content_error", "content.json:9:2: unknown key"),
        ("stop", None),
    ]


# only what a visitor can see counts ----------------------------------------------------
def test_before_the_window_is_on_screen_nothing_counts(tmp_path: Path, monkeypatch) -> None:
    sent: list[str] = []
    monkeypatch.setattr("kiosk.core.records.recorder.notify", sent.append)
    clock = FakeClock(START)
    records = Records(tmp_path, clock, wall=lambda: WALL + clock.now)
    records.panel_shown("welcome", "en")
    for _ in range(3):
        clock.now = records.tick(clock.now)
    records.close()
    assert sent == []  # no watchdog: systemd restarts a kiosk that never shows
    written = status(tmp_path)
    assert written["on_screen"] is False
    assert written["screen_problem"] == NOT_ON_SCREEN_YET
    assert written["heartbeat_at"] == written["started_at"]  # a stale heartbeat
    assert summarize(tmp_path / "events.sqlite3")["panels"] == {}


def test_the_panel_on_display_counts_from_the_moment_it_is_seen(tmp_path: Path) -> None:
    clock = FakeClock(START)
    records = Records(tmp_path, clock)
    records.panel_shown("welcome", "en")
    clock.advance(5)
    records.screen_changed(True, None, SCREEN)
    clock.advance(2)
    records.close()
    row = summarize(tmp_path / "events.sqlite3")["panels"]["welcome"]
    assert row["shown"] == 1
    assert row["seconds"] == 2.0


def test_a_hidden_window_stops_proof_of_play_heartbeat_and_watchdog(
    tmp_path: Path, monkeypatch
) -> None:
    sent: list[str] = []
    monkeypatch.setattr("kiosk.core.records.recorder.notify", sent.append)
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    records.panel_shown("welcome", "en")
    clock.now = records.tick(clock.now)
    beat = status(tmp_path)["heartbeat_at"]
    records.screen_changed(False, "hidden", {**SCREEN, "exposed": False})
    clock.now = records.tick(clock.now)
    assert status(tmp_path)["current_panel"] is None
    assert status(tmp_path)["screen_problem"] == "hidden"
    sent.clear()
    records.panel_shown("numbers", "en")  # the show goes on, unseen
    for _ in range(3):
        clock.now = records.tick(clock.now)
    assert sent == []
    assert status(tmp_path)["heartbeat_at"] == beat
    records.screen_changed(True, None, SCREEN)
    clock.now = records.tick(clock.now)
    assert sent == ["WATCHDOG=1"]
    assert status(tmp_path)["current_panel"] == "numbers"
    records.close()
    assert status(tmp_path)["on_screen"] is False
    panels = summarize(tmp_path / "events.sqlite3")["panels"]
    assert panels["welcome"]["shown"] == 1
    assert panels["numbers"]["shown"] == 1  # once: when it came back on screen


def test_records_follow_the_show_from_what_it_shows_already(tmp_path: Path) -> None:
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    source = Source(titles_content(), tmp_path, "last_good", "abc", error="content.json: broken")
    show = Presentation(source, clock.now)
    records.follow(show, tmp_path / "content.json")
    first = status(tmp_path)
    assert (first["current_panel"], first["language"]) == ("alpha", "en")
    assert (first["content_sha256"], first["panels"]) == ("abc", 3)
    assert first["using_last_good"] is True and first["last_error"] == "content.json: broken"
    assert first["content_path"] == str(tmp_path / "content.json")

    show.next(clock.advance(1.0))
    show.toggle_language(clock.advance(1.0))
    show.stage_content(Source(titles_content(), tmp_path, "file", "def"), clock.now)
    assert status(tmp_path)["content_sha256"] == "abc"  # staged, not on screen yet
    show.next(clock.advance(1.0), cause=None)  # the panel boundary: the new content shows
    run_until(records, clock, START + COMMIT_SECONDS)  # the next burst
    now = status(tmp_path)
    assert (now["current_panel"], now["language"]) == ("gamma", "fr")
    assert now["content_sha256"] == "def" and now["last_error"] is None
    assert now["using_last_good"] is False
    summary = summarize(tmp_path / "events.sqlite3")
    assert summary["interactions"] == {"swipe": 1, "language": 1}
    assert summary["panels"]["beta"]["shown"] == 2  # in English, then in French

    show.reject_content("content.json:2:1: oops", clock.now)
    assert status(tmp_path)["last_error"] == "content.json:2:1: oops"
    assert status(tmp_path)["using_last_good"] is True


# status.json names what is on screen (finding O6) ------------------------------------------
def counted_writes(records: Records) -> list[dict]:
    """Every status.json write from now on, as written."""
    writes: list[dict] = []
    original = records.status_file.write

    def write(status) -> bool:
        writes.append(status.to_dict())
        return original(status)

    records.status_file.write = write  # type: ignore[method-assign]
    return writes


def test_the_story_replacing_the_fallback_is_in_the_status_at_once(tmp_path: Path) -> None:
    from kiosk.core.content.source import fallback_content

    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    fallback = Source(fallback_content(), tmp_path, "fallback", error="content.json: missing")
    show = Presentation(fallback, clock.now)
    records.follow(show, tmp_path / "content.json")
    records.tick(clock.now)
    assert status(tmp_path)["current_panel"] == "fallback"
    writes = counted_writes(records)
    show.stage_content(Source(titles_content(), tmp_path, "file", "def"), clock.advance(25.0))
    records.tick(clock.now)  # the app's next tick, a frame later
    now = status(tmp_path)
    shown = (now["current_panel"], now["content_sha256"], now["last_error"])
    assert shown == ("alpha", "def", None)
    assert len(writes) <= 2  # the problem cleared, the content on screen: the SD-card budget


def test_staged_content_is_named_only_once_it_is_on_screen(tmp_path: Path) -> None:
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    show = Presentation(Source(titles_content(), tmp_path, "file", "abc"), clock.now)
    records.follow(show, tmp_path / "content.json")
    records.tick(clock.now)
    writes = counted_writes(records)
    show.stage_content(Source(titles_content(), tmp_path, "file", "def"), clock.advance(1.0))
    records.tick(clock.now)
    assert status(tmp_path)["content_sha256"] == "abc"  # still what visitors see
    show.next(clock.advance(1.0), cause=None)  # the panel boundary
    records.tick(clock.now)
    now = status(tmp_path)
    assert (now["content_sha256"], now["current_panel"]) == ("def", "beta")
    assert [w["content_sha256"] for w in writes][-1] == "def"
    assert len(writes) <= 2


# the last good copy is saved once there is room again (finding O2) -------------------------
def test_a_last_good_copy_that_could_not_be_saved_is_saved_at_a_later_commit(
    tmp_path: Path, monkeypatch, caplog
) -> None:
    from kiosk.core.content import lastgood
    from kiosk.core.content.load import load_bytes
    from kiosk.core.content.source import usable_source

    caplog.set_level(logging.INFO)
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
    show = Presentation(Source(titles_content(), tmp_path, "file", "abc"), clock.now)
    records.follow(show, tmp_path / "content.json")
    real_write = lastgood.atomic_write_bytes

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lastgood, "atomic_write_bytes", full_disk)
    doc = json.dumps({"languages": ["en"], "default_language": "en",
                      "panels": [{"id": "a", "kind": "title", "title": "New"}]}).encode()
    source = usable_source(load_bytes(doc, tmp_path), tmp_path / "content.json", tmp_path)
    assert source is not None
    show.stage_content(source, clock.now)
    show.next(clock.advance(1.0), cause=None)
    run_until(records, clock, START + 2 * COMMIT_SECONDS)  # still full: tried, not saved
    assert "No space left" in status(tmp_path)["last_good_problem"]
    assert not (tmp_path / "last-good-content.json").exists()
    assert caplog.text.count("could not save the last good content") == 1
    monkeypatch.setattr(lastgood, "atomic_write_bytes", real_write)  # room again
    run_until(records, clock, START + 4 * COMMIT_SECONDS)
    assert (tmp_path / "last-good-content.json").read_bytes() == doc
    assert status(tmp_path)["last_good_problem"] is None
    assert "the last good content is saved" in caplog.text
