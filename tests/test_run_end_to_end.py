"""The must-show run: the shipped content at one second a panel, 12 s offscreen, then SIGTERM.

A real-time test: the kiosk runs in a subprocess for 12 seconds of wall time,
counted from its "kiosk starting" log line so interpreter start-up on a slow
machine does not eat into the two loops.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main
from tests.support import dwell_copy, run_kiosk_process

RUN_SECONDS = 12
STOP_SECONDS = 2


def report(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["report", "--data-dir", str(data_dir), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_twelve_seconds_at_one_second_a_panel_shows_every_panel_twice(
    tmp_path: Path, shipped_content_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = dwell_copy(shipped_content_path, tmp_path, 1)
    data_dir = tmp_path / "data"
    code, stderr = run_kiosk_process(content, data_dir, run_seconds=RUN_SECONDS,
                                     stop_seconds=STOP_SECONDS)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    panel_ids = [p["id"] for p in json.loads(content.read_text(encoding="utf-8"))["panels"]]
    summary = report(capsys, data_dir)
    print(json.dumps(summary["panels"], indent=1))  # the must-show figures, with -s
    assert summary["error"] is None
    assert set(summary["panels"]) == set(panel_ids)
    shown = {panel: row["shown"] for panel, row in summary["panels"].items()}
    assert min(shown.values()) >= 2, shown
    status = json.loads((data_dir / "status.json").read_text(encoding="utf-8"))
    assert status["last_error"] is None and status["current_panel"] is None
