import json
import sqlite3
from pathlib import Path

from kiosk import __version__
from kiosk.core.records.recorder import FLUSH_SECONDS, HEARTBEAT_SECONDS, Records
from kiosk.core.records.report import summarize
from tests.support import FakeClock

START = 100.0  # the fake clock's time when a test begins


def status(data_dir: Path) -> dict:
    return json.loads((data_dir / "status.json").read_text(encoding="utf-8"))


def test_a_new_panel_reaches_status_and_events_within_a_second(tmp_path: Path) -> None:
    clock = FakeClock(START)
    records = Records(tmp_path, clock, wall=lambda: 1_700_000_000.0 + clock.now)
    records.tick(clock.now)
    records.panel_shown("welcome", "fr")
    due = records.tick(clock.now)
    assert due == clock.now + FLUSH_SECONDS
    clock.now = due
    records.tick(clock.now)
    assert status(tmp_path)["current_panel"] == "welcome"
    assert status(tmp_path)["language"] == "fr"
    assert summarize(tmp_path / "events.sqlite3")["panels"]["welcome"]["shown"] == 1


def test_heartbeat_is_due_every_ten_seconds_when_nothing_happens(tmp_path: Path) -> None:
    clock = FakeClock(START)
    records = Records(tmp_path, clock, wall=lambda: 1_700_000_000.0 + clock.now)
    first = records.tick(clock.now)
    assert first == clock.now + HEARTBEAT_SECONDS
    beat = status(tmp_path)["heartbeat_at"]
    clock.now = first
    records.tick(clock.now)
    assert status(tmp_path)["heartbeat_at"] != beat


def test_notify_watchdog_on_heartbeat(tmp_path: Path, monkeypatch) -> None:
    sent: list[str] = []
    monkeypatch.setattr("kiosk.core.records.recorder.notify", sent.append)
    clock = FakeClock(START)
    Records(tmp_path, clock).tick(clock.now)
    assert sent == ["WATCHDOG=1"]


def lifecycle(data_dir: Path) -> list[tuple[str, str | None]]:
    conn = sqlite3.connect(data_dir / "events.sqlite3")
    try:
        return conn.execute("SELECT kind, detail FROM lifecycle ORDER BY id").fetchall()
    finally:
        conn.close()


def test_start_content_errors_and_stop_are_lifecycle_moments(tmp_path: Path) -> None:
    clock = FakeClock(START)
    records = Records(tmp_path, clock, wall=lambda: 1_700_000_000.0 + clock.now)
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
