import json
import sqlite3
from pathlib import Path

from kiosk import __version__
from kiosk.core.content.source import Source
from kiosk.core.records.recorder import (
    FLUSH_SECONDS,
    HEARTBEAT_SECONDS,
    NOT_ON_SCREEN_YET,
    Records,
)
from kiosk.core.records.report import summarize
from kiosk.core.show.presentation import Presentation
from tests.support import FakeClock, titles_content

START = 100.0  # the fake clock's time when a test begins


SCREEN = {"platform": "xcb", "exposed": True, "window": [1920, 1080]}


def status(data_dir: Path) -> dict:
    return json.loads((data_dir / "status.json").read_text(encoding="utf-8"))


def visible_records(data_dir: Path, clock: FakeClock) -> Records:
    """Records of a kiosk whose window is on screen."""
    records = Records(data_dir, clock, wall=lambda: 1_700_000_000.0 + clock.now)
    records.screen_changed(True, None, SCREEN)
    return records


def test_a_new_panel_reaches_status_and_events_within_a_second(tmp_path: Path) -> None:
    clock = FakeClock(START)
    records = visible_records(tmp_path, clock)
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
    records = visible_records(tmp_path, clock)
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
    visible_records(tmp_path, clock).tick(clock.now)
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


# only what a visitor can see counts ----------------------------------------------------
def test_before_the_window_is_on_screen_nothing_counts(tmp_path: Path, monkeypatch) -> None:
    sent: list[str] = []
    monkeypatch.setattr("kiosk.core.records.recorder.notify", sent.append)
    clock = FakeClock(START)
    records = Records(tmp_path, clock, wall=lambda: 1_700_000_000.0 + clock.now)
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
    records.tick(clock.advance(FLUSH_SECONDS))
    now = status(tmp_path)
    assert (now["current_panel"], now["language"]) == ("beta", "fr")
    assert now["content_sha256"] == "def" and now["last_error"] is None
    assert now["using_last_good"] is False
    summary = summarize(tmp_path / "events.sqlite3")
    assert summary["interactions"] == {"swipe": 1, "language": 1}
    assert summary["panels"]["beta"]["shown"] == 2  # in English, then in French

    show.reject_content("content.json:2:1: oops", clock.now)
    assert status(tmp_path)["last_error"] == "content.json:2:1: oops"
    assert status(tmp_path)["using_last_good"] is True
