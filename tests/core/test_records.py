import json
from pathlib import Path

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
