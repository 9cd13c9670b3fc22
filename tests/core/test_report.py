import sqlite3
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.core.records.events import EventLog
from kiosk.core.records.health import health
from kiosk.core.records.localtime import parse_moment
from kiosk.core.records.report import summarize
from kiosk.core.records.report_text import format_report
from kiosk.core.records.sessions import Derived, Session
from kiosk.core.records.timeline import Moment
from kiosk.core.records.visitors import digest

DAY1 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC).timestamp()
DAY2 = datetime(2026, 11, 29, 12, 0, tzinfo=UTC).timestamp()


def build(db: Path) -> None:
    """Two days of activity, four days apart (so --since 2026-11-27 splits them anywhere)."""
    wall = {"t": 0.0}
    log = EventLog(db, lambda: wall["t"])
    for base in (DAY1, DAY2):
        wall["t"] = base
        log.panel_shown("intro", "en", 0.0)
        log.interaction("tap", "intro", 1.0)
        wall["t"] = base + 30.04
        log.panel_shown("stats", "fr", 30.04)
        log.interaction("swipe", "stats", 31.0, "left")
        log.panel_ended(90.0)
        log.flush(90.0)
    log.close(91.0)


def test_summary_counts_and_seconds(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite3"
    build(db)
    summary = summarize(db)
    assert summary["panels"] == {
        "intro": {"shown": 2, "seconds": 60.1},
        "stats": {"shown": 2, "seconds": 119.9},
    }
    assert summary["interactions"] == {"swipe": 2, "tap": 2}
    assert summary["first_event"] == "2026-11-25T12:00:00.000Z"
    assert summary["last_event"] == "2026-11-29T12:01:30.000Z"
    assert summary["database"] == str(db)
    assert summary["error"] is None


def test_since_keeps_later_events_only(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite3"
    build(db)
    summary = summarize(db, since="2026-11-27")
    assert summary["panels"]["intro"] == {"shown": 1, "seconds": 30.0}
    assert summary["interactions"] == {"swipe": 1, "tap": 1}
    assert summary["first_event"] == "2026-11-29T12:00:00.000Z"


def test_since_with_explicit_offset(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite3"
    build(db)
    summary = summarize(db, since="2026-11-29T12:00:30+00:00")
    assert summary["panels"] == {"stats": {"shown": 1, "seconds": 60.0}}


def test_parse_since_forms() -> None:
    assert parse_moment("2026-11-27", None) == datetime(2026, 11, 27).timestamp()
    assert parse_moment("2026-11-27T10:00", None) == datetime(2026, 11, 27, 10).timestamp()
    assert (
        parse_moment("2026-11-27T10:00Z", None)
        == datetime(2026, 11, 27, 10, tzinfo=UTC).timestamp()
    )


@pytest.mark.parametrize("text", ["yesterday", "", "2026-13-01", "27/11/2026"])
def test_parse_since_rejects_nonsense(text: str) -> None:
    with pytest.raises(ValueError, match="--since must be a date like 2026-11-27"):
        parse_moment(text, None)


def test_missing_database_gives_empty_summary(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite3"
    summary = summarize(db)
    assert (summary["panels"], summary["interactions"], summary["last_event"]) == ({}, {}, None)
    assert not db.exists()


def test_corrupt_database_gives_empty_summary(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite3"
    db.write_bytes(b"junk junk junk" * 100)
    summary = summarize(db)
    assert summary["panels"] == {}
    assert "cannot read the event database" in summary["error"]
    assert db.read_bytes() == b"junk junk junk" * 100


def test_report_reads_while_kiosk_writes(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite3"
    log = EventLog(db, lambda: DAY1)
    log.panel_shown("intro", "en", 0.0)
    log.flush(5.0)
    assert summarize(db)["panels"] == {"intro": {"shown": 1, "seconds": 5.0}}
    log.interaction("tap", "intro", 6.0)
    log.flush(7.0)
    assert summarize(db)["interactions"] == {"tap": 1}
    log.close(8.0)


def test_format_report_is_a_table(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite3"
    build(db)
    text = format_report(summarize(db, tz=UTC), UTC)
    lines = text.splitlines()
    # panel, shown, minutes, views by visitors (one visitor a day saw both panels)
    assert any(line.split() == ["intro", "2", "1.0", "2"] for line in lines)
    assert any(line.split() == ["stats", "2", "2.0", "2"] for line in lines)
    assert any(line.split() == ["Total", "4", "3.0", "4"] for line in lines)
    assert any(line.split() == ["swipe", "2"] for line in lines)
    assert "First:      2026-11-25 12:00:00" in text
    assert "Time zone:  UTC" in text


def test_format_report_of_nothing(tmp_path: Path) -> None:
    text = format_report(summarize(tmp_path / "none.sqlite3"))
    assert "No panels shown." in text
    assert "No interactions." in text
    assert "no event database yet" in text


def test_a_log_from_before_lifecycle_moments_still_reports(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite3"
    build(db)
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE lifecycle")
    conn.commit()
    conn.close()
    summary = summarize(db, tz=UTC)
    assert summary["health"]["recorded"] is False
    assert summary["sessions"]["count"] == 2
    assert "an older kiosk wrote it" in format_report(summary, UTC)


def test_starts_crashes_and_content_errors_in_the_period() -> None:
    moments = [
        Moment(100, "start"),
        Moment(200, "stop"),
        Moment(300, "start"),  # clean: the one before stopped
        Moment(400, "content_error", "content.json:2:1: oops"),
        Moment(500, "start"),  # no stop since 300: a crash
        Moment(600, "start"),  # and another
    ]
    assert health(moments, 250, 1000, UTC) == {
        "recorded": True,
        "starts": 3,
        "unclean_restarts": 2,
        "content_errors": [
            {"at": "1970-01-01T00:06:40+00:00", "message": "content.json:2:1: oops"}
        ],
    }
    assert health(moments, 550, 1000, UTC)["unclean_restarts"] == 1  # before the period counts


def test_most_and_least_viewed_by_visitors_in_show_order() -> None:
    derived = Derived(visitor_views=Counter({"b": 5, "d": 5, "a": 1, "gone": 9}))
    derived.rotation_views.update({"a": 40, "b": 40, "c": 40, "d": 40})
    derived.sessions.append(Session(0, 1, 1))
    panels = [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]
    section = digest(derived, panels, UTC)
    assert section["most_viewed"] == ["gone", "b"]  # at most half of the 5 panels each
    assert section["least_viewed"] == ["c", "a"]  # never seen by a visitor comes first
    assert [row["id"] for row in section["panels"]] == ["a", "b", "c", "d", "gone"]
    assert section["panels"][4] == {
        "id": "gone",
        "title": None,
        "visitor_views": 9,
        "rotation_views": 0,
        "in_content": False,
    }


def test_a_panel_no_visitor_saw_is_never_most_viewed() -> None:
    derived = Derived(visitor_views=Counter({"a": 2}))
    derived.sessions.append(Session(0, 1, 1))
    panels = [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D"), ("e", "E"), ("f", "F")]
    section = digest(derived, panels, UTC)
    assert section["most_viewed"] == ["a"]
    assert "a" not in section["least_viewed"] and section["least_viewed"]
