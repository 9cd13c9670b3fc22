import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.records.events import EventLog
from kiosk.core.records.paths import EVENTS_DB

DAY1 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC).timestamp()
DAY2 = datetime(2026, 11, 29, 12, 0, tzinfo=UTC).timestamp()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with two days of events, four days apart."""
    wall = {"t": DAY1}
    log = EventLog(tmp_path / EVENTS_DB, lambda: wall["t"])
    log.panel_shown("intro", "en", 0.0)
    log.interaction("tap", "intro", 2.0)
    log.panel_shown("stats", "en", 45.0)
    wall["t"] = DAY2
    log.panel_shown("intro", "fr", 1000.0)
    log.interaction("language", "intro", 1001.0, "fr")
    log.close(1030.0)
    return tmp_path


def run_json(capsys, *args: str) -> dict:
    assert main(["report", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_report(data_dir: Path, capsys) -> None:
    summary = run_json(capsys, "--data-dir", str(data_dir))
    assert summary["panels"] == {
        "intro": {"shown": 2, "seconds": 75.0},
        "stats": {"shown": 1, "seconds": 955.0},
    }
    assert summary["interactions"] == {"language": 1, "tap": 1}
    assert summary["first_event"] == "2026-11-25T12:00:00.000Z"


def test_since_filters(data_dir: Path, capsys) -> None:
    summary = run_json(capsys, "--data-dir", str(data_dir), "--since", "2026-11-27")
    assert summary["panels"] == {"intro": {"shown": 1, "seconds": 30.0}}
    assert summary["interactions"] == {"language": 1}


def test_text_report(data_dir: Path, capsys) -> None:
    assert main(["report", "--data-dir", str(data_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.split() == ["intro", "2", "1.2"] for line in lines)
    assert any(line.split() == ["stats", "1", "15.9"] for line in lines)
    assert any(line.split() == ["tap", "1"] for line in lines)


def test_missing_database_gives_empty_report(tmp_path: Path, capsys) -> None:
    summary = run_json(capsys, "--data-dir", str(tmp_path / "fresh"))
    assert (summary["panels"], summary["interactions"]) == ({}, {})
    assert summary["first_event"] is None


def test_bad_since_is_a_usage_error(data_dir: Path, capsys) -> None:
    assert main(["report", "--data-dir", str(data_dir), "--since", "last week"]) == 2
    captured = capsys.readouterr()
    assert "--since must be a date like 2026-11-27" in captured.err
    assert captured.out == ""
