"""ContentWatcher: every way a file arrives is picked up once, half-written files are not."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.content.load import LoadResult, load
from kiosk.ui.ticker import monotonic_clock
from kiosk.ui.watcher import ContentWatcher, ReloadPlan, file_stamp
from tests.support import FakeClock

START = 100.0  # the fake clock's time when a test begins
SIGNAL_MS = 10_000  # generous: returns as soon as the signal comes


def document(title: str, image: str | None = None) -> bytes:
    panel = {"id": "p", "kind": "title", "title": title}
    if image is not None:
        panel["image"] = image
    doc = {"languages": ["en"], "default_language": "en", "panels": [panel]}
    return json.dumps(doc, indent=2).encode()


def title_of(result: LoadResult) -> str:
    assert result.content is not None, result.problems
    return result.content.panels[0].title


def replace_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.rename(tmp, path)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "site" / "content"
    folder.mkdir(parents=True)
    path = folder / "content.json"
    path.write_bytes(document("First"))
    return path


@pytest.fixture
def make_watcher(qtbot) -> Iterator:
    made: list[ContentWatcher] = []

    def make(path: Path, clock=monotonic_clock, **plan) -> ContentWatcher:
        sha = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
        watcher = ContentWatcher(path, sha, clock, ReloadPlan(clock(), **plan))
        made.append(watcher)
        return watcher

    yield make
    for watcher in made:
        watcher.close()


# the plan, on a fake clock -----------------------------------------------------------
def test_plan_debounces_events_that_touch_the_file():
    plan = ReloadPlan(0.0, debounce=0.3, settle=1.5, poll=2.0)
    plan.check_at = None
    plan.event(1.0)
    plan.event(1.2)
    assert not plan.check_due(1.4)
    assert plan.check_due(1.5)


def test_plan_waits_for_a_broken_document_to_settle():
    plan = ReloadPlan(0.0, debounce=0.3, settle=1.5, poll=2.0)
    plan.event(1.0)
    assert plan.checked(1.3, ok=False) is False
    assert plan.check_at == pytest.approx(2.5)
    assert plan.next_due() == pytest.approx(2.0)  # the poll comes first
    assert plan.checked(2.5, ok=False) is True
    assert plan.check_at is None


def test_plan_reports_a_good_document_at_once():
    plan = ReloadPlan(0.0)
    plan.event(1.0)
    assert plan.checked(1.3, ok=True) is True


def test_busy_folder_events_never_postpone_a_broken_report():
    plan = ReloadPlan(0.0, debounce=0.3, settle=1.5, poll=60.0)
    plan.event(1.0)
    plan.checked(1.3, ok=False)
    for tick in range(1, 40):  # unrelated files keep changing next to content.json
        plan.event(1.3 + tick * 0.05, touched=False)
    assert plan.check_due(2.5)
    assert plan.checked(2.5, ok=False) is True


def test_plan_polls_every_period():
    plan = ReloadPlan(0.0, poll=2.0)
    assert not plan.poll_due(1.9)
    assert plan.poll_due(2.0)
    assert not plan.poll_due(3.9)
    assert plan.poll_due(4.0)


# polling, on a fake clock ------------------------------------------------------------
def test_poll_finds_a_change_that_no_event_announced(content, make_watcher):
    clock = FakeClock(START)
    watcher = make_watcher(content, clock)
    seen: list[LoadResult] = []
    watcher.changed.connect(seen.append)
    watcher.run_due()  # the start-up check: same bytes, nothing to say
    content.write_bytes(document("Polled"))  # the event loop never runs: no notification
    clock.now += 2.0
    watcher.run_due()
    assert seen == []  # seen by the poll, now debouncing
    clock.now += 0.3
    watcher.run_due()
    assert [title_of(r) for r in seen] == ["Polled"]


def test_broken_document_is_reported_only_once_it_settles(content, make_watcher):
    clock = FakeClock(START)
    watcher = make_watcher(content, clock)
    seen: list[LoadResult] = []
    watcher.changed.connect(seen.append)
    watcher.run_due()
    content.write_bytes(document("Half")[:20])
    clock.now += 2.0
    watcher.run_due()
    clock.now += 0.3
    watcher.run_due()
    assert seen == []  # may be half-written: wait
    clock.now += 1.2
    watcher.run_due()
    assert len(seen) == 1
    assert not seen[0].ok
    assert seen[0].problems[0].severity == "error"


def test_file_stamp_of_missing_file_is_none(tmp_path):
    assert file_stamp(tmp_path / "nope") is None
    (tmp_path / "yes").write_bytes(b"12345")
    assert file_stamp(tmp_path / "yes")[2] == 5


# real file events ---------------------------------------------------------------------
def test_save_in_place_is_picked_up(qtbot, content, make_watcher):
    watcher = make_watcher(content)
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        content.write_bytes(document("Saved in place"))
    assert title_of(blocker.args[0]) == "Saved in place"


def test_repeated_atomic_renames_are_all_picked_up(qtbot, content, make_watcher):
    watcher = make_watcher(content, poll=60.0)  # no polling: notification alone
    for title in ("Renamed once", "Renamed twice", "Renamed thrice"):
        with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
            replace_atomically(content, document(title))
        assert title_of(blocker.args[0]) == title
    assert str(content) in watcher.watched()


def test_write_in_chunks_is_taken_only_once_complete(qtbot, caplog, content, make_watcher):
    caplog.set_level(logging.DEBUG, logger="kiosk.ui.watcher")
    watcher = make_watcher(content, debounce=0.1, settle=3.0)
    seen: list[LoadResult] = []
    watcher.changed.connect(seen.append)
    data = document("Chunked")
    with content.open("wb") as stream:
        stream.write(data[: len(data) // 2])
        stream.flush()
        qtbot.waitUntil(lambda: "waiting for it to settle" in caplog.text, timeout=SIGNAL_MS)
        with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS):
            stream.write(data[len(data) // 2 :])
            stream.flush()
    assert [title_of(r) for r in seen] == ["Chunked"]


def test_delete_is_reported_and_recreate_loads(qtbot, content, make_watcher):
    watcher = make_watcher(content, settle=0.5)
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        content.unlink()
    assert blocker.args[0].sha256 is None
    assert "does not exist" in blocker.args[0].problems[0].message
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        content.write_bytes(document("Back"))
    assert title_of(blocker.args[0]) == "Back"


def test_replaced_folder_is_picked_up(qtbot, content, make_watcher):
    watcher = make_watcher(content, settle=5.0)
    fresh = content.parent.with_name("content.new")
    fresh.mkdir()
    (fresh / "content.json").write_bytes(document("New folder"))
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        content.parent.rename(content.parent.with_name("content.old"))
        fresh.rename(content.parent)
    assert title_of(blocker.args[0]) == "New folder"
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        content.write_bytes(document("Edited after"))  # watching the new folder now
    assert title_of(blocker.args[0]) == "Edited after"


def test_same_bytes_again_are_not_reported(qtbot, content, make_watcher):
    watcher = make_watcher(content, debounce=0.05)
    with qtbot.assertNotEmitted(watcher.changed, wait=600):
        replace_atomically(content, content.read_bytes())
        content.write_bytes(content.read_bytes())


def test_a_picture_appearing_later_triggers_a_reload(qtbot, content, make_watcher):
    content.write_bytes(document("Pictured", image="images/map.png"))
    watcher = make_watcher(content)
    images = content.parent / "images"
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        images.mkdir()
        (images / "map.png").write_bytes(b"not yet a real picture")
    assert title_of(blocker.args[0]) == "Pictured"
    assert not any("not found" in p.message for p in blocker.args[0].problems)
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS):
        (images / "map.png").write_bytes(b"a different picture")


def test_given_content_is_used_instead_of_loading_the_file_again(qtbot, content, monkeypatch):
    content.write_bytes(document("Pictured", image="images/map.png"))
    (content.parent / "images").mkdir()
    (content.parent / "images" / "map.png").write_bytes(b"a picture")
    loaded = load(content)

    def no_second_load(_path: Path) -> LoadResult:
        raise AssertionError("the watcher loaded content.json again")

    monkeypatch.setattr("kiosk.ui.watcher.load", no_second_load)
    watcher = ContentWatcher(content, loaded.sha256, content=loaded.content)
    try:
        assert str(content.parent / "images" / "map.png") in watcher.watched()
    finally:
        watcher.close()


def test_a_replaced_photo_poster_or_video_triggers_a_reload(qtbot, content, make_watcher):
    panels = [
        {"id": "p", "kind": "photo", "image": {"file": "pictures/a.jpg", "focus": [0.3, 0.5]}},
        {"id": "v", "kind": "video", "video": "media/clip.mp4", "poster": "pictures/b.jpg"},
    ]
    doc = {"languages": ["en"], "default_language": "en", "panels": panels}
    content.write_bytes(json.dumps(doc).encode())
    files = [content.parent / name for name in ("pictures/a.jpg", "pictures/b.jpg",
                                                "media/clip.mp4")]
    for path in files:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"first version")
    watcher = make_watcher(content, debounce=0.05)
    assert all(str(path) in watcher.watched() for path in files)
    for path in files:
        with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS):
            replace_atomically(path, f"a new {path.name}".encode())


# symlink deploys and files that are not files (issue 12) -------------------------------
def swap_link(link: Path, target: Path) -> None:
    """Point `link` at `target` atomically, as deploy tools do (ln -s ... tmp && mv -T tmp link)."""
    tmp = link.with_name(f".{link.name}.swap")
    tmp.symlink_to(target)
    os.rename(tmp, link)


def release(root: Path, name: str, title: str) -> Path:
    folder = root / "releases" / name
    folder.mkdir(parents=True)
    (folder / "content.json").write_bytes(document(title))
    return folder


def test_a_swapped_file_link_is_picked_up(qtbot, tmp_path, make_watcher):
    v1, v2 = release(tmp_path, "v1", "Version 1"), release(tmp_path, "v2", "Version 2")
    content = tmp_path / "content.json"
    content.symlink_to(v1 / "content.json")
    watcher = make_watcher(content, poll=60.0)  # notification alone
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        swap_link(content, v2 / "content.json")
    assert title_of(blocker.args[0]) == "Version 2"


def test_a_swapped_folder_link_is_picked_up_and_followed_after(qtbot, tmp_path, make_watcher):
    v1, v2 = release(tmp_path, "v1", "Version 1"), release(tmp_path, "v2", "Version 2")
    current = tmp_path / "current"
    current.symlink_to(v1)
    watcher = make_watcher(current / "content.json", poll=60.0)
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        swap_link(current, v2)
    assert title_of(blocker.args[0]) == "Version 2"
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        (v2 / "content.json").write_bytes(document("Version 2, edited"))
    assert title_of(blocker.args[0]) == "Version 2, edited"


def test_a_fifo_or_a_device_in_place_of_content_is_reported_without_blocking(
    qtbot, content, make_watcher
):
    watcher = make_watcher(content, settle=0.5)
    fifo = content.with_name("content.fifo")
    os.mkfifo(fifo)
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        os.rename(fifo, content)
    assert "named pipe (FIFO)" in blocker.args[0].problems[0].message
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        swap_link(content, Path("/dev/zero"))
    assert "character device" in blocker.args[0].problems[0].message


@pytest.mark.parametrize("swapped", ["pictures/poster.jpg", "media/clip.mp4"])
def test_a_poster_or_video_swapped_for_a_link_out_of_the_folder_is_refused(
    qtbot, tmp_path, content, make_watcher, swapped
):
    panel = {"id": "v", "kind": "video", "video": "media/clip.mp4", "poster": "pictures/poster.jpg"}
    content.write_bytes(json.dumps(
        {"languages": ["en"], "default_language": "en", "panels": [panel]}).encode())
    for name in ("pictures/poster.jpg", "media/clip.mp4"):
        (content.parent / name).parent.mkdir(exist_ok=True)
        (content.parent / name).write_bytes(b"first version")
    secret = tmp_path / "elsewhere" / Path(swapped).name
    secret.parent.mkdir()
    secret.write_bytes(b"not for the booth")
    watcher = make_watcher(content, poll=60.0)  # notification alone
    with qtbot.waitSignal(watcher.changed, timeout=SIGNAL_MS) as blocker:
        swap_link(content.parent / swapped, secret)
    result = blocker.args[0]
    assert not result.ok
    errors = [p.message for p in result.problems if p.severity == "error"]
    assert any(f"'{swapped}' is a link that leads outside the content folder" in message
               and str(secret) in message for message in errors), errors
