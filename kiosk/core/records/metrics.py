"""metrics.prom: the kiosk's figures for Prometheus, through node_exporter's textfile collector.

The running kiosk counts what it shows and what visitors do (`LiveCounts`) and, at each
heartbeat, replaces ``metrics.prom`` in its data folder with those counts and its
status in the text exposition format. node_exporter, started with
``--collector.textfile.directory`` set to the data folder, serves them with the
machine's own metrics; docs/running-a-booth.md has the scrape config and alert rules.

Counters count since the kiosk process started (``kiosk_start_time_seconds`` says
when), as Prometheus expects of counters; `kiosk report` has the all-time figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from kiosk.core.records.sessions import SessionTracker
from kiosk.core.records.status import KioskStatus
from kiosk.core.records.timeline import Event, Interaction, Moment, Showing

# name: (type, help); the order of the file.
METRICS: dict[str, tuple[str, str]] = {
    "kiosk_up": ("gauge", "1 while the kiosk runs; 0 once it stopped cleanly."),
    "kiosk_heartbeat_timestamp_seconds": (
        "gauge",
        "When the kiosk's drawing loop last wrote this file (Unix time); stale means hung or gone.",
    ),
    "kiosk_start_time_seconds": ("gauge", "When the kiosk process started (Unix time)."),
    "kiosk_panel_shows_total": ("counter", "Panels shown since the kiosk started, by panel id."),
    "kiosk_interactions_total": (
        "counter",
        "Visitor, idle-reset and operator actions since the kiosk started, by kind.",
    ),
    "kiosk_sessions_total": ("counter", "Visitor sessions begun since the kiosk started."),
    "kiosk_content_error": ("gauge", "1 while the content file has an error, else 0."),
    "kiosk_using_last_good": (
        "gauge",
        "1 while the last good copy is shown because the content file is broken, else 0.",
    ),
    "kiosk_content_info": ("gauge", "The content on screen, by the SHA-256 of its bytes: 1."),
    "kiosk_open": (
        "gauge",
        "1 while the booth is open by its schedule (always, without one); 0 while closed.",
    ),
    "kiosk_screen_off_by_schedule": (
        "gauge",
        "1 while the schedule has the display switched off on purpose (healthy), else 0.",
    ),
}


class LiveCounts:
    """What the running kiosk has shown and seen since it started."""

    def __init__(self) -> None:
        self.panel_shows: Counter[str] = Counter()
        self.interactions: Counter[str] = Counter()
        self.sessions = SessionTracker()

    def feed(self, event: Event) -> None:
        """Count a showing, an interaction or a lifecycle moment as it happens."""
        if isinstance(event, Showing):
            self.panel_shows[event.panel_id] += 1
        elif isinstance(event, Interaction):
            self.interactions[event.kind] += 1
        self.sessions.feed(event)

    def moment(self, at: float, kind: str) -> None:
        """A lifecycle moment (``content`` reload...): it may end a session."""
        self.feed(Moment(at, kind))


def exposition(status: KioskStatus, counts: LiveCounts, up: bool = True) -> str:
    """The metrics as Prometheus text exposition format (version 0.0.4)."""
    samples: dict[str, list[tuple[dict[str, str], float]]] = {
        "kiosk_up": [({}, int(up))],
        "kiosk_heartbeat_timestamp_seconds": [({}, round(status.heartbeat_at, 3))],
        "kiosk_start_time_seconds": [({}, round(status.started_at, 3))],
        "kiosk_panel_shows_total": _labelled("panel", counts.panel_shows),
        "kiosk_interactions_total": _labelled("kind", counts.interactions),
        "kiosk_sessions_total": [({}, counts.sessions.started)],
        "kiosk_content_error": [({}, int(status.last_error is not None))],
        "kiosk_using_last_good": [({}, int(status.using_last_good))],
        "kiosk_content_info": [({"sha256": status.content_sha256 or ""}, 1)],
        "kiosk_open": [({}, int(status.open))],
        "kiosk_screen_off_by_schedule": [({}, int(status.screen_state == "off_by_schedule"))],
    }
    lines: list[str] = []
    for name, (kind, text) in METRICS.items():
        lines += [f"# HELP {name} {text}", f"# TYPE {name} {kind}"]
        lines += [f"{name}{_labels(labels)} {value}" for labels, value in samples[name]]
    return "\n".join(lines) + "\n"


def _labelled(label: str, counts: Mapping[str, int]) -> list[tuple[dict[str, str], float]]:
    return [({label: value}, n) for value, n in sorted(counts.items())]


def _labels(labels: Mapping[str, str]) -> str:
    """``{key="value",...}`` with each value escaped as the text format wants; '' for none."""
    if not labels:
        return ""
    pairs = ",".join(f'{key}="{_escape(value)}"' for key, value in labels.items())
    return "{" + pairs + "}"


def _escape(value: str) -> str:
    """Escape backslash, double quote and newline in a label value."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
