import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from kiosk.core.records import paths
from kiosk.core.records.status import KioskStatus, StatusFile
from tests.support import read_status

EPOCH = datetime(2026, 11, 27, 10, 0, tzinfo=UTC).timestamp()


def sample() -> KioskStatus:
    return KioskStatus(
        pid=4242,
        started_at=EPOCH,
        heartbeat_at=EPOCH + 90.5,
        uptime_seconds=90.5,  # from the monotonic clock, whatever the wall clock did
        content_path="/srv/kiosk/content.json",
        content_sha256="ab" * 32,
        loaded_at=EPOCH + 1,
        current_panel="intro",
        language="fr",
        panels=6,
        problems=1,
        version="0.1.0",
    )


def test_to_dict_gives_iso_times_and_uptime() -> None:
    data = sample().to_dict()
    assert data["started_at"] == "2026-11-27T10:00:00.000Z"
    assert data["heartbeat_at"] == "2026-11-27T10:01:30.500Z"
    assert data["loaded_at"] == "2026-11-27T10:00:01.000Z"
    assert data["uptime_seconds"] == 90.5
    assert (data["pid"], data["current_panel"], data["panels"]) == (4242, "intro", 6)
    assert KioskStatus(started_at=EPOCH, heartbeat_at=EPOCH).to_dict()["loaded_at"] is None


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "status.json"
    writer = StatusFile(path)
    assert writer.write(sample())
    assert read_status(path) == sample().to_dict()
    assert writer.write({"pid": 1, "note": "plain dict"})
    assert read_status(path) == {"pid": 1, "note": "plain dict"}
    assert [p.name for p in tmp_path.iterdir()] == ["status.json"]


def test_odd_values_are_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "status.json"
    assert StatusFile(path).write({"where": tmp_path})
    assert read_status(path) == {"where": str(tmp_path)}


def test_failed_write_returns_false_and_logs_once_a_minute(tmp_path: Path, caplog) -> None:
    (tmp_path / "afile").write_text("x")
    fake = {"t": 0.0}
    writer = StatusFile(tmp_path / "afile" / "status.json", clock=lambda: fake["t"])
    with caplog.at_level(logging.WARNING):
        results = []
        for second in range(0, 125, 5):
            fake["t"] = float(second)
            results.append(writer.write(sample()))
    assert results == [False] * 25
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 3
    assert "11 similar failures" in messages[1]


def test_failed_replace_keeps_previous_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "status.json"
    writer = StatusFile(path)
    writer.write({"pid": 1})

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(paths.os, "replace", disk_full)
    assert writer.write({"pid": 2}) is False
    assert read_status(path) == {"pid": 1}


def test_read_status_tolerates_missing_partial_and_wrong_files(tmp_path: Path) -> None:
    path = tmp_path / "status.json"
    assert read_status(path) is None
    path.write_text('{"pid": 12, "heartbeat', encoding="utf-8")
    assert read_status(path) is None
    path.write_text(json.dumps([1, 2]), encoding="utf-8")
    assert read_status(path) is None
    path.write_bytes(b"\xff\xfe\x00")
    assert read_status(path) is None
