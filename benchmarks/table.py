"""Samples of every figure, and the markdown table they make, with each budget's verdict."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SUMMARIES: dict[str, Callable[[list[float]], float]] = {
    "median": statistics.median,
    "min": min,
    "max": max,
}


@dataclass
class Samples:
    """Measured values per figure and app."""

    values: dict[tuple[str, str], list[float]] = field(default_factory=dict)

    def add(self, figure: str, app: str, value: float | None) -> None:
        """Record one sample (None: not measured, e.g. a timeout)."""
        if value is not None:
            self.values.setdefault((figure, app), []).append(value)

    def summary(self, figure: str, app: str, how: str = "median") -> float | None:
        """The median (or "min", "max") of a figure for an app, None when never measured."""
        found = self.values.get((figure, app))
        return SUMMARIES[how](found) if found else None

    def median(self, figure: str, app: str) -> float | None:
        """The median of a figure for an app, None when never measured."""
        return self.summary(figure, app)

    def progress(self, what: str) -> None:
        """Print the latest sample of every figure, after `what`."""
        last = {key: round(values[-1], 3) for key, values in self.values.items()}
        print(f"  {what}: {last}", flush=True)


Check = Callable[[float, float | None], bool]


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure, its unit, its budget check and how it is summed up.

    `summary` says which of the figure's samples the row shows: their "median", or
    the worst of them ("min" for frames per second, "max" for a delay).
    """

    figure: str
    label: str
    unit: str
    budget: str
    check: Check | None
    summary: str = "median"


def below(limit: float, beat_peer: bool = False) -> Check:
    """At most `limit` (and, with `beat_peer`, less than the peer's)."""

    def check(value: float, peer: float | None) -> bool:
        return value <= limit and (not beat_peer or peer is None or value < peer)

    return check


def at_least(limit: float) -> Check:
    """At least `limit`."""
    return lambda value, _peer: value >= limit


def half_of_peer(value: float, peer: float | None) -> bool:
    """At most half of the peer's."""
    return peer is not None and value <= peer / 2


def _cell(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    digits = 3 if unit == "s" else (2 if unit == "ms" else 1)
    return f"{value:.{digits}f} {unit}"


def table(samples: Samples, rows: list[Row], peer_note: str) -> tuple[str, bool]:
    """The markdown table and whether every budget holds."""
    lines = [
        "| figure | kiosk | chromium | budget | verdict |",
        "|---|---|---|---|---|",
    ]
    all_ok = True
    for row in rows:
        value = samples.summary(row.figure, "kiosk", row.summary)
        peer = samples.summary(row.figure, "chromium", row.summary)
        if row.check is None or value is None:
            verdict = "" if row.check is None else "not measured"
        else:
            ok = row.check(value, peer)
            all_ok &= ok
            verdict = "ok" if ok else "MISSED"
        cells = (row.label, _cell(value, row.unit), _cell(peer, row.unit), row.budget, verdict)
        lines.append("| " + " | ".join(cells) + " |")
    if peer_note:
        lines.append("")
        lines.append(peer_note)
    return "\n".join(lines), all_ok


def machine(load_at_start: float) -> str:
    """One line about where this ran, and how busy the machine was (1-minute load average)."""
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    load = os.getloadavg()[0]
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
        f"load average {load_at_start:.2f} at the start, {load:.2f} at the end"
    )
