import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.records.events import EventLog
from kiosk.core.records.paths import EVENTS_DB, LAST_GOOD
from tests.support import ROOT

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
    assert main(["report", "--data-dir", str(data_dir), "--tz", "UTC"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # panel, shown, minutes, views by visitors (a visitor on each day saw intro)
    assert any(line.split() == ["intro", "2", "1.2", "2"] for line in lines)
    assert any(line.split() == ["stats", "1", "15.9", "1"] for line in lines)
    assert any(line.split() == ["tap", "1"] for line in lines)


def test_text_report_in_show_order_with_titles_and_visitors(data_dir: Path, capsys) -> None:
    shutil.copy(ROOT / "content.json", data_dir / LAST_GOOD)
    with sqlite3.connect(data_dir / EVENTS_DB) as conn:
        conn.execute("UPDATE showings SET panel_id = 'natural-resource' WHERE panel_id = 'stats'")
        conn.execute("UPDATE showings SET panel_id = 'welcome' WHERE panel_id = 'intro'")
    conn.close()
    assert main(["report", "--data-dir", str(data_dir), "--tz", "America/Toronto"]) == 0
    out = capsys.readouterr().out
    panel_lines = [
        line
        for line in out.splitlines()
        if line.split()[:1] in (["welcome"], ["natural-resource"], ["closing"])
    ]
    assert [line.split()[0] for line in panel_lines] == ["welcome", "natural-resource", "closing"]
    assert panel_lines[0].endswith("Independent producers make it happen")
    assert panel_lines[2].split()[1:5] == ["0", "0.0", "0", "Our"]  # never shown, still listed
    assert "Time zone:  America/Toronto" in out
    assert "First:      2026-11-25 07:00:00" in out  # 12:00 UTC is 07:00 in Toronto
    assert "Sessions:   2 (0 ended by walking away)" in out
    assert "French:     50% switched to French (1 of 2)" in out
    assert "2026-11-25      1" in out and "2026-11-29      1" in out


def test_json_adds_sessions_and_keeps_its_keys(data_dir: Path, capsys) -> None:
    summary = run_json(capsys, "--data-dir", str(data_dir), "--tz", "UTC")
    old_keys = {"panels", "interactions", "first_event", "last_event", "since", "database", "error"}
    assert old_keys <= set(summary)
    sessions = summary["sessions"]
    assert sessions["count"] == 2
    assert sessions["per_day"] == {"2026-11-25": 1, "2026-11-29": 1}
    assert sessions["switched_to_french"] == 1 and sessions["french_share"] == 0.5
    assert sessions["list"][1]["languages"] == ["fr"]
    assert sessions["list"][0]["start"] == "2026-11-25T12:00:00+00:00"


def test_until_a_date_includes_that_day(data_dir: Path, capsys) -> None:
    summary = run_json(capsys, "--data-dir", str(data_dir), "--until", "2026-11-25", "--tz", "UTC")
    assert summary["panels"] == {
        "intro": {"shown": 1, "seconds": 45.0},
        "stats": {"shown": 1, "seconds": 955.0},
    }
    assert summary["until"] == "2026-11-26T00:00:00.000Z"
    assert summary["sessions"]["count"] == 1


def test_since_and_until_are_read_in_the_booths_time_zone(data_dir: Path, capsys) -> None:
    # 12:00 UTC on the 29th is 07:00 in Toronto: "from 07:30 Toronto time" leaves it out
    args = ("--data-dir", str(data_dir), "--tz", "America/Toronto", "--since", "2026-11-29T07:30")
    assert run_json(capsys, *args)["panels"] == {}
    args = ("--data-dir", str(data_dir), "--tz", "America/Toronto", "--since", "2026-11-29T06:30")
    assert run_json(capsys, *args)["panels"] == {"intro": {"shown": 1, "seconds": 30.0}}


def test_html_writes_one_page(data_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "report.html"
    assert main(["report", "--data-dir", str(data_dir), "--html", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Report written to {out}"
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and 'data-chart="panel-views"' in html


def test_html_to_a_folder_that_does_not_exist_is_one_sentence(data_dir: Path, capsys) -> None:
    out = data_dir / "no" / "such" / "report.html"
    assert main(["report", "--data-dir", str(data_dir), "--html", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Could not write the report to {out}") and err.count("\n") == 1


def test_a_folder_without_a_database_is_an_error(tmp_path: Path, capsys) -> None:
    typo = tmp_path / "dtaa"
    assert main(["report", "--data-dir", str(typo)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"No event database (events.sqlite3) in {typo}")
    assert captured.err.count("\n") == 1  # one sentence
    assert not typo.exists()  # a report creates nothing


def test_the_default_folder_without_a_database_gives_an_empty_report(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "fresh"))
    for args in ((), ("--data-dir", str(tmp_path / "fresh"))):
        summary = run_json(capsys, *args)
        assert (summary["panels"], summary["interactions"]) == ({}, {})
        assert summary["first_event"] is None
        assert summary["error"] == "no event database yet"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--until", "soon"), "--until must be a date like 2026-11-27"),
        (("--tz", "Mars/Olympus"), "--tz must be a time zone name like America/Toronto"),
    ],
)
def test_bad_until_and_tz_are_usage_errors(data_dir: Path, capsys, args, message) -> None:
    assert main(["report", "--data-dir", str(data_dir), *args]) == 2
    assert message in capsys.readouterr().err


def test_bad_since_is_a_usage_error(data_dir: Path, capsys) -> None:
    assert main(["report", "--data-dir", str(data_dir), "--since", "last week"]) == 2
    captured = capsys.readouterr()
    assert "--since must be a date like 2026-11-27" in captured.err
    assert captured.out == ""


def test_a_reader_that_stops_early_gets_no_traceback(data_dir: Path) -> None:
    """`kiosk report | head -1`: the pipe closes before the report is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails with EPIPE, as when head has exited
    try:
        done = subprocess.run(
            [sys.executable, "main.py", "report", "--data-dir", str(data_dir)],
            cwd=ROOT, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 0
    assert done.stderr == ""


# unreadable, read-only and damaged databases (findings O3, O4, O9, O10) -----------------
def _zero(db: Path) -> None:
    db.write_bytes(b"")


def _random(db: Path) -> None:
    db.write_bytes(bytes(range(256)) * 20)


def _folder(db: Path) -> None:
    db.mkdir()


def _fifo(db: Path) -> None:
    os.mkfifo(db)


def _other_schema(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()


def _damaged_header(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[:16] = b"X" * 16
    db.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (_zero, "empty"),
        (_random, "damaged"),
        (_folder, "folder"),
        (_fifo, "named pipe"),
        (_other_schema, "another program's database"),
        (_damaged_header, "damaged"),
    ],
)
def test_an_unreadable_database_is_one_sentence_never_a_quiet_day(
    data_dir: Path, capsys, spoil, words
) -> None:
    db = data_dir / EVENTS_DB
    if spoil is not _damaged_header:
        db.unlink()
    spoil(db)
    for extra in ((), ("--json",)):
        assert main(["report", "--data-dir", str(data_dir), *extra]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith(f"Cannot read the event database {db} (")
        assert words in captured.err and "--data-dir" in captured.err
        assert captured.err.count("\n") == 1  # one sentence


@pytest.fixture
def read_only_copy(data_dir: Path, tmp_path: Path):
    """A copy of a healthy data folder on a small read-only file system (no -shm, no -wal)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a read-only file system needs root and mount")
    mount = tmp_path / "card"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        shutil.copy(data_dir / EVENTS_DB, mount / EVENTS_DB)
        assert subprocess.run(["mount", "-o", "remount,ro", str(mount)]).returncode == 0
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_read_only_copy_reports_normally(read_only_copy: Path, capsys) -> None:
    assert not (read_only_copy / f"{EVENTS_DB}-shm").exists()
    summary = run_json(capsys, "--data-dir", str(read_only_copy))
    assert summary["error"] is None
    assert summary["panels"]["intro"] == {"shown": 2, "seconds": 75.0}


def test_a_read_only_copy_passes_the_doctors_database_check(read_only_copy: Path) -> None:
    from kiosk.doctor import storage

    found = storage.events_result(read_only_copy)
    assert found.status == "OK" and "intact" in found.message
    space = storage.space_result(read_only_copy, storage.free_bytes(read_only_copy))
    assert " KB free at " in space.message and "0 MB" not in space.message


def test_rows_with_impossible_times_are_left_out_and_counted(data_dir: Path, capsys) -> None:
    with sqlite3.connect(data_dir / EVENTS_DB) as conn:
        conn.execute("INSERT INTO showings (panel_id, language, started_at, started_iso, seconds)"
                     " VALUES ('intro', 'en', 1e12, 'x', 5)")
        conn.execute("INSERT INTO showings (panel_id, language, started_at, started_iso, seconds)"
                     " VALUES ('stats', 'en', ?, 'x', 1e15)", (DAY1 + 10,))
        conn.execute("INSERT INTO showings (panel_id, language, started_at, started_iso, seconds)"
                     " VALUES ('stats', 'en', ?, 'x', -6)", (DAY1 + 20,))
        conn.execute("INSERT INTO interactions (kind, panel_id, at, at_iso) "
                     "VALUES ('tap', 'intro', -1e13, 'x')")
    conn.close()
    summary = run_json(capsys, "--data-dir", str(data_dir), "--tz", "UTC")
    assert summary["out_of_range"] == 4
    assert summary["panels"]["intro"] == {"shown": 2, "seconds": 75.0}
    assert summary["panels"]["stats"] == {"shown": 1, "seconds": 955.0}
    assert main(["report", "--data-dir", str(data_dir), "--tz", "UTC"]) == 0
    out = capsys.readouterr().out
    assert "Note:       4 rows with impossible times left out" in out
    assert "-0." not in out


def test_since_after_until_is_refused(data_dir: Path, capsys) -> None:
    args = ["report", "--data-dir", str(data_dir), "--since", "2026-11-29", "--until", "2026-11-25"]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "--since (2026-11-29) must come before --until (2026-11-25)" in captured.err
    assert captured.out == ""
