"""Every media file of a panel stays inside the content folder, for real (issues 12 and 17).

Pictures of any panel kind, photos, quote portraits, video posters and the videos
themselves all go through the one real-path check (`kiosk.core.content.folder`): a link
that leads outside the folder is refused by validate with a message naming the file, is
never read by the show's timing, and is watched as written. What is not a plain file
(a named pipe) is a warning and never blocks a reader.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.content.filetypes import FileInfo, sniff, video_seconds
from kiosk.core.content.load import load, load_bytes
from kiosk.core.content.model import Content
from kiosk.core.content.source import picture_paths
from kiosk.core.show.timing import panel_dwell
from tests.core.test_media import mp4
from tests.support import as_source, png_header

NAME = "media/file"  # the file each case names; its extension comes with the case
DEADLINE = 5.0  # seconds; a read that does not block takes microseconds

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")



@dataclass(frozen=True)
class Case:
    """A panel naming one media file ("NAME"): where, with which extension, and what it is."""

    panel: dict[str, Any]
    where: str
    suffix: str
    kind: str

    @property
    def name(self) -> str:
        return NAME + self.suffix

    @property
    def at(self) -> str:
        return f"panels[0].{self.where}"


CASES = {
    "title picture": Case({"kind": "title", "title": "x", "image": "NAME"}, "image", ".png",
                          "picture"),
    "stats picture": Case({"kind": "stats", "title": "x", "source": "x",
                           "figures": [{"value": 1, "label": "one"}],
                           "image": {"file": "NAME", "place": "behind"}},
                          "image.file", ".png", "picture"),
    "photo": Case({"kind": "photo", "image": {"file": "NAME", "focus": [0.3, 0.4]}},
                  "image.file", ".png", "picture"),
    "quote portrait": Case({"kind": "quote", "quote": "We start with a spark",
                            "name": "Jane Doe", "image": "NAME"}, "image", ".png", "picture"),
    "video poster": Case({"kind": "video", "video": "clip.mp4", "poster": "NAME"}, "poster",
                         ".png", "picture"),
    "video": Case({"kind": "video", "video": "NAME", "poster": "poster.png"}, "video", ".mp4",
                  "video"),
}


@pytest.fixture(params=list(CASES.values()), ids=list(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    """Each panel kind and each media file it names, in turn."""
    return request.param


def document(panel: dict[str, Any], name: str) -> bytes:
    filled = json.loads(json.dumps(panel).replace('"NAME"', json.dumps(name)))
    return json.dumps({"languages": ["en"], "default_language": "en",
                       "panels": [{"id": "p", **filled}]}).encode()


def site_with(tmp_path: Path, suffix: str) -> tuple[Path, Path]:
    """A content folder with a good poster and clip, and a file outside it of `suffix`."""
    site, outside = tmp_path / "site", tmp_path / "elsewhere"
    (site / "media").mkdir(parents=True)
    outside.mkdir()
    (site / "poster.png").write_bytes(png_header(1920, 1080))
    (site / "clip.mp4").write_bytes(mp4(20.0))
    secret = outside / f"secret{suffix}"
    secret.write_bytes(mp4(95.0) if suffix == ".mp4" else png_header(1920, 1080))
    return site, secret


def problems_at(data: bytes, site: Path) -> dict[str, str]:
    return {p.path: f"{p.severity}: {p.message}" for p in load_bytes(data, site).problems}


def finishes(action: Callable[[], Any]) -> Any:
    """Run `action` in a thread; fail when it does not return within DEADLINE."""
    outcome: list[Any] = []
    worker = threading.Thread(target=lambda: outcome.append(action()), daemon=True)
    worker.start()
    worker.join(DEADLINE)
    assert not worker.is_alive(), "the read blocked"
    return outcome[0]


def test_a_media_file_linked_from_outside_is_refused_by_validate_naming_it(
    tmp_path: Path, case: Case
) -> None:
    site, secret = site_with(tmp_path, case.suffix)
    (site / case.name).symlink_to(secret)
    (site / "content.json").write_bytes(document(case.panel, case.name))
    result = load(site / "content.json")
    assert not result.ok
    message = problems_at(document(case.panel, case.name), site)[case.at]
    assert message.startswith(f"error: {case.kind} '{case.name}' is a link that leads outside")
    assert str(secret) in message  # where it leads, so the operator can fix it


def test_a_linked_folder_out_of_the_content_folder_is_refused_for_every_file(
    tmp_path: Path, case: Case
) -> None:
    site, secret = site_with(tmp_path, case.suffix)
    (site / "media").rmdir()
    (site / "media").symlink_to(secret.parent)
    name = f"media/{secret.name}"
    message = problems_at(document(case.panel, name), site)[case.at]
    assert message.startswith(f"error: {case.kind} '{name}' is a link that leads outside")


def test_the_same_file_inside_the_folder_or_linked_within_it_is_fine(
    tmp_path: Path, case: Case
) -> None:
    site, secret = site_with(tmp_path, case.suffix)
    os.replace(secret, site / "media" / f"v1{case.suffix}")
    (site / case.name).symlink_to(f"v1{case.suffix}")
    found = problems_at(document(case.panel, case.name), site)
    assert not any(message.startswith("error") for message in found.values()), found


def test_every_media_file_is_watched_as_written_even_a_link_out(
    tmp_path: Path, case: Case
) -> None:
    site, secret = site_with(tmp_path, case.suffix)
    (site / case.name).symlink_to(secret)
    content = Content.model_validate_json(document(case.panel, case.name))
    assert site / case.name in picture_paths(content, site)


def test_a_video_linked_from_outside_is_not_opened_for_its_length(tmp_path: Path) -> None:
    site, secret = site_with(tmp_path, ".mp4")
    (site / "media" / "clip.mp4").symlink_to(secret)  # the outside video says 95 s
    content = Content.model_validate_json(document(
        {"kind": "video", "video": "media/clip.mp4", "poster": "poster.png"}, ""))
    assert video_seconds(secret) == pytest.approx(95.0)
    assert panel_dwell(as_source(content, folder=site), 0) == content.dwell_for(0)
    inside = Content.model_validate_json(document(
        {"kind": "video", "video": "clip.mp4", "poster": "poster.png"}, ""))
    assert panel_dwell(as_source(inside, folder=site), 0) == pytest.approx(20.0)


@posix_only
def test_a_named_pipe_in_place_of_a_media_file_is_a_warning_not_a_blocked_read(
    tmp_path: Path, case: Case
) -> None:
    site, _ = site_with(tmp_path, case.suffix)
    os.mkfifo(site / case.name)
    found = finishes(lambda: problems_at(document(case.panel, case.name), site))
    instead = "the poster" if case.kind == "video" else "a placeholder"
    assert found[case.at] == (
        f"warning: {case.kind} '{case.name}' is a named pipe (FIFO), not a {case.kind} file; "
        f"the kiosk shows {instead}"
    )


@posix_only
def test_the_header_readers_never_open_a_named_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "clip.mp4"
    os.mkfifo(fifo)
    assert finishes(lambda: sniff(fifo)) == FileInfo(None)
    assert finishes(lambda: video_seconds(fifo)) is None
    content = Content.model_validate_json(document({"kind": "video", "video": "clip.mp4"}, ""))
    assert finishes(lambda: panel_dwell(as_source(content, folder=tmp_path), 0)) == (
        content.dwell_for(0))
