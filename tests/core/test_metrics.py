"""metrics.prom: parsed by prometheus_client's own text parser, names and types checked."""

import stat
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.core.records.metrics import METRICS, LiveCounts, exposition
from kiosk.core.records.paths import METRICS_FILE
from kiosk.core.records.recorder import HEARTBEAT_SECONDS, Records
from kiosk.core.records.status import KioskStatus
from kiosk.core.records.timeline import Interaction, Showing
from tests.support import FakeClock

START = 100.0
WALL = 1_795_000_000.0
# What the issue asks for, as prometheus_client names families (a counter loses "_total").
EXPECTED = {
    "kiosk_up": "gauge",
    "kiosk_heartbeat_timestamp_seconds": "gauge",
    "kiosk_start_time_seconds": "gauge",
    "kiosk_panel_shows": "counter",
    "kiosk_interactions": "counter",
    "kiosk_sessions": "counter",
    "kiosk_content_error": "gauge",
    "kiosk_using_last_good": "gauge",
    "kiosk_content_info": "gauge",
    "kiosk_open": "gauge",
    "kiosk_screen_off_by_schedule": "gauge",
}


def parse(text: str) -> dict[str, tuple[str, dict[tuple[str, tuple], float]]]:
    """{family: (type, {(sample name, sorted labels): value})}."""
    return {
        family.name: (
            family.type,
            {(s.name, tuple(sorted(s.labels.items()))): s.value for s in family.samples},
        )
        for family in text_string_to_metric_families(text)
    }


def value(families: dict, family: str, sample: str | None = None, **labels: str) -> float:
    return families[family][1][(sample or family, tuple(sorted(labels.items())))]


@pytest.fixture
def records(tmp_path: Path) -> tuple[Records, FakeClock]:
    """The records of a kiosk whose window is on screen (showings count only then)."""
    clock = FakeClock(START)
    kiosk = Records(tmp_path, clock, wall=lambda: WALL + clock.now)
    kiosk.screen_changed(True, None, {})
    return kiosk, clock


def tick_until(kiosk: Records, clock: FakeClock, end: float) -> None:
    """Tick at each time the records ask for, as the app's ticker would, through `end`."""
    while clock.now < end:
        clock.now = min(kiosk.tick(clock.now), end)
    kiosk.tick(clock.now)


def read(tmp_path: Path) -> dict:
    return parse((tmp_path / METRICS_FILE).read_text(encoding="utf-8"))


def test_every_metric_has_its_name_type_help_and_a_sample() -> None:
    status = KioskStatus(started_at=WALL, heartbeat_at=WALL + 5, content_sha256="ab" * 32)
    counts = LiveCounts()
    counts.feed(Showing(WALL, "welcome", "en"))
    counts.feed(Interaction(WALL + 1, "tap"))
    text = exposition(status, counts)
    families = parse(text)
    assert {name: kind for name, (kind, _) in families.items()} == EXPECTED
    for name in METRICS:
        assert f"# HELP {name} " in text and f"# TYPE {name} " in text
    assert value(families, "kiosk_up") == 1
    assert value(families, "kiosk_heartbeat_timestamp_seconds") == WALL + 5
    assert value(families, "kiosk_start_time_seconds") == WALL
    assert value(families, "kiosk_panel_shows", "kiosk_panel_shows_total", panel="welcome") == 1
    assert value(families, "kiosk_interactions", "kiosk_interactions_total", kind="tap") == 1
    assert value(families, "kiosk_sessions", "kiosk_sessions_total") == 1
    assert value(families, "kiosk_content_error") == 0
    assert value(families, "kiosk_using_last_good") == 0
    assert value(families, "kiosk_content_info", sha256="ab" * 32) == 1


def test_odd_label_values_are_escaped() -> None:
    counts = LiveCounts()
    counts.feed(Showing(WALL, 'a "quoted"\\panel\nid', "en"))
    families = parse(exposition(KioskStatus(), counts))
    key = ("kiosk_panel_shows_total", (("panel", 'a "quoted"\\panel\nid'),))
    assert families["kiosk_panel_shows"][1][key] == 1


def test_the_kiosk_writes_metrics_at_start_and_a_change_within_one_heartbeat(records, tmp_path):
    kiosk, clock = records
    kiosk.tick(clock.now)
    assert value(read(tmp_path), "kiosk_sessions", "kiosk_sessions_total") == 0
    kiosk.panel_shown("welcome", "en")
    kiosk.interaction("tap", "welcome")
    kiosk.interaction("swipe", "welcome", "left")
    kiosk.panel_shown("entrepreneurs", "en")
    tick_until(kiosk, clock, START + HEARTBEAT_SECONDS)  # at the latest the next heartbeat
    families = read(tmp_path)
    assert value(families, "kiosk_sessions", "kiosk_sessions_total") == 1
    assert value(families, "kiosk_interactions", "kiosk_interactions_total", kind="swipe") == 1
    shows = families["kiosk_panel_shows"][1]
    assert sum(shows.values()) == 2
    assert value(families, "kiosk_heartbeat_timestamp_seconds") == WALL + clock.now


def test_content_problems_show_in_the_metrics(records, tmp_path) -> None:
    kiosk, clock = records
    kiosk.content_loaded(Path("content.json"), "cd" * 32, 6, 0, last_good=False)
    kiosk.content_error("content.json:3:1: missing comma", using_last_good=True)
    kiosk.tick(clock.now)
    families = read(tmp_path)
    assert value(families, "kiosk_content_error") == 1
    assert value(families, "kiosk_using_last_good") == 1
    assert value(families, "kiosk_content_info", sha256="cd" * 32) == 1
    kiosk.content_error(None, using_last_good=False)
    tick_until(kiosk, clock, START + HEARTBEAT_SECONDS)
    assert value(read(tmp_path), "kiosk_content_error") == 0


def test_a_clean_stop_says_down_and_others_may_read_the_file(records, tmp_path) -> None:
    kiosk, clock = records
    kiosk.tick(clock.now)
    kiosk.close()
    assert value(read(tmp_path), "kiosk_up") == 0
    mode = stat.S_IMODE((tmp_path / METRICS_FILE).stat().st_mode)
    assert mode == 0o644  # node_exporter runs as another user
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_the_booth_guide_names_every_metric_and_both_alerts(root: Path) -> None:
    guide = (root / "docs" / "running-a-booth.md").read_text(encoding="utf-8")
    for name in METRICS:
        assert f"`{name}" in guide
    assert "--collector.textfile.directory=" in guide and "scrape_configs:" in guide
    assert "alert: KioskHeartbeatStale" in guide and "alert: KioskContentError" in guide
