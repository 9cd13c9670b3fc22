"""The fleet path: new content arrives as a temporary file renamed into the watched folder.

rsync (and Syncthing) write `.content.json.XXXXXX` next to the target and rename it over
content.json. The watcher must pick the new version up, every time, without a restart.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.ui.watcher import ContentWatcher

WAIT_MS = 10_000  # generous: returns as soon as the condition holds


def document(title: str) -> bytes:
    doc = {
        "languages": ["en"],
        "default_language": "en",
        "panels": [{"id": "p", "kind": "title", "title": title}],
    }
    return json.dumps(doc).encode()


@pytest.fixture
def booth(tmp_path: Path, qtbot):
    folder = tmp_path / "booth"
    folder.mkdir()
    path = folder / "content.json"
    path.write_bytes(document("Before"))
    watcher = ContentWatcher(path, hashlib.sha256(path.read_bytes()).hexdigest())
    yield path, watcher
    watcher.close()


def test_temp_file_renamed_in_is_picked_up(booth, qtbot):
    path, watcher = booth
    for title in ("Synced once", "Synced twice"):
        tmp = path.with_name(".content.json.Ab12Cd")
        tmp.write_bytes(document(title))
        with qtbot.waitSignal(watcher.changed, timeout=WAIT_MS) as blocker:
            os.rename(tmp, path)
        assert blocker.args[0].content.panels[0].title == title


@pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync is not installed")
def test_rsync_into_the_watched_folder_is_picked_up(booth, qtbot, tmp_path):
    path, watcher = booth
    source = tmp_path / "fleet"
    source.mkdir()
    for title in ("From the fleet", "From the fleet again"):
        (source / "content.json").write_bytes(document(title))
        with qtbot.waitSignal(watcher.changed, timeout=WAIT_MS) as blocker:
            subprocess.run(
                ["rsync", "--archive", "--checksum", f"{source}/", f"{path.parent}/"],
                check=True,
                timeout=30,
            )
        assert blocker.args[0].content.panels[0].title == title
    assert not [p.name for p in path.parent.iterdir() if p.name.startswith(".")]
