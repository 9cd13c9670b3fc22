"""The must-show run: the shipped content at one second a panel, 12 s offscreen, then SIGTERM.

A real-time test: the kiosk runs in a subprocess for 12 seconds of wall time,
counted from its "kiosk starting" log line so interpreter start-up on a slow
machine does not eat into the two loops.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main

ROOT = Path(__file__).resolve().parents[1]
RUN_SECONDS = 12
STOP_SECONDS = 2


def one_second_copy(source: Path, folder: Path) -> Path:
    """The content with every dwell at 1 s, in `folder` (so pictures resolve from there)."""
    document = json.loads(source.read_text(encoding="utf-8"))
    document.pop("$schema", None)
    document["settings"]["dwell_seconds"] = 1
    for panel in document["panels"]:
        panel["dwell_seconds"] = 1
    path = folder / "content.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def run_kiosk(content: Path, data_dir: Path) -> tuple[int, str]:
    """Run the kiosk for RUN_SECONDS, send SIGTERM; its exit code and the rest of its stderr."""
    command = [sys.executable, "main.py", "run", "--windowed",
               "--content", str(content), "--data-dir", str(data_dir)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        while "kiosk starting" not in proc.stderr.readline():
            assert proc.poll() is None, "the kiosk ended before it started"
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=RUN_SECONDS)
        proc.send_signal(signal.SIGTERM)
        _, rest = proc.communicate(timeout=STOP_SECONDS)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, rest


def report(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["report", "--data-dir", str(data_dir), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_twelve_seconds_at_one_second_a_panel_shows_every_panel_twice(
    tmp_path: Path, shipped_content_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = one_second_copy(shipped_content_path, tmp_path)
    data_dir = tmp_path / "data"
    code, stderr = run_kiosk(content, data_dir)
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
