"""`kiosk plan` and `kiosk render --when`: any moment of the booth, without waiting for it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main
from tests.support import sample_document, write_content


def booth(tmp_path: Path, sync: bool = True) -> Path:
    document = sample_document()
    document["settings"] = {"dwell_seconds": 10, "sync_to_clock": sync}
    document["schedule"] = {"hours": {"sat": "10:00-22:00"}, "timezone": "America/Toronto"}
    document["notice"] = {"text": {"en": "Pitch at 15:00", "fr": "Pitch à 15 h"},
                          "until": "2026-12-05T15:00"}
    document["panels"][2]["show"] = {"hours": "17:00-22:00"}
    return write_content(tmp_path, document)


def plan(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["plan", "--content", str(path), "--json", *args]) == EXIT_OK
    return json.loads(capsys.readouterr().out)


def test_plan_lists_each_panel_with_its_time_and_the_closing(tmp_path, capsys) -> None:
    found = plan(capsys, booth(tmp_path), "--when", "2026-12-05T21:59:30", "--minutes", "1")
    assert (found["zone"], found["sync_to_clock"]) == ("America/Toronto", True)
    rows = [(m["start"], m["panel"], m["position"], m["of"], m["open"])
            for m in found["moments"]]
    # 21:59:30 is 79170 s after midnight: 2639 cycles of 30 s, welcome's slot (0-10 s)
    assert rows == [
        ("2026-12-05T21:59:30", "welcome", 1, 3, True),
        ("2026-12-05T21:59:40", "what", 2, 3, True),
        ("2026-12-05T21:59:50", "how", 3, 3, True),  # a dated panel: 17:00 to 22:00
        ("2026-12-05T22:00:00", None, None, None, False),
    ]
    assert found["moments"][-1]["closed"] == "Open again on Saturday, December 12 at 10:00"


def test_plan_as_a_table_says_whether_screens_are_in_step(tmp_path, capsys) -> None:
    path = booth(tmp_path, sync=False)
    capsys.readouterr()
    assert main(["plan", "--content", str(path), "--when", "2026-12-05T14:59:55",
                 "--minutes", "0.5"]) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "time zone: America/Toronto",
        "sync_to_clock is off: each screen starts this cycle when it starts; turn it on to "
        "keep screens in step",
        "Saturday 2026-12-05",
    ]
    assert out[3] == "  14:59:55   2/2 what     5 s  + notice"
    assert out[4] == "  15:00:00   1/2 welcome  10 s"  # the notice is gone at 15:00


@pytest.mark.parametrize("args", [["--when", "next friday"], ["--minutes", "0"]])
def test_plan_refuses_a_bad_moment_or_length(tmp_path, capsys, args) -> None:
    assert main(["plan", "--content", str(booth(tmp_path)), *args]) == EXIT_USAGE
    assert "--" in capsys.readouterr().err


def test_plan_of_broken_content_fails(tmp_path, capsys) -> None:
    path = tmp_path / "content.json"
    path.write_text("{", encoding="utf-8")
    assert main(["plan", "--content", str(path)]) == EXIT_PROBLEMS


def test_render_when_open_writes_the_panels_in_the_rotation_then(tmp_path, capsys) -> None:
    out = tmp_path / "shots"
    assert main(["render", "--content", str(booth(tmp_path)), "--when", "2026-12-05T14:00",
                 "--out", str(out), "--size", "320x180"]) == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == [
        "01-welcome-en.png", "01-welcome-fr.png", "02-what-en.png", "02-what-fr.png"]


def test_render_when_closed_writes_the_closed_screen(tmp_path, capsys) -> None:
    out = tmp_path / "shots"
    assert main(["render", "--content", str(booth(tmp_path)), "--when", "2026-12-05T22:30",
                 "--out", str(out), "--size", "180x320", "--lang", "fr"]) == EXIT_OK
    assert [p.name for p in out.iterdir()] == ["00-closed-fr.png"]
    assert capsys.readouterr().out.strip().endswith("00-closed-fr.png")


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg makes the test clip")
def test_a_video_panel_stays_in_the_plan_as_long_as_its_video(tmp_path, capsys) -> None:
    from tests.ui.test_video import make_clip

    make_clip(tmp_path / "clip.mp4", seconds=4.0)
    document = sample_document()
    document["settings"] = {"dwell_seconds": 10, "sync_to_clock": True}
    document["schedule"] = {"timezone": "America/Toronto"}
    document["panels"] = [document["panels"][0],
                          {"id": "trailer", "kind": "video", "video": "clip.mp4"}]
    path = write_content(tmp_path, document)
    found = plan(capsys, path, "--when", "2026-12-05T10:00", "--minutes", "0.5")
    # 10:00 is 36000 s after midnight: 2571 cycles of 14 s (10 + the video's 4) and 6 s
    rows = [(m["start"][11:], m["panel"], m["seconds"]) for m in found["moments"]]
    assert rows[:4] == [("10:00:00", "welcome", 4.0), ("10:00:04", "trailer", 4.0),
                        ("10:00:08", "welcome", 10.0), ("10:00:18", "trailer", 4.0)]
