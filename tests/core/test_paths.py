import logging
import os
import stat
import tempfile
from pathlib import Path

import platformdirs
import pytest

from kiosk.core.records import paths
from kiosk.core.records.paths import (
    APP_NAME,
    ENV_VAR,
    LogThrottle,
    atomic_write_bytes,
    private_temp_dir,
    resolve_data_dir,
)


def test_argument_wins_over_environment(tmp_path: Path) -> None:
    chosen = tmp_path / "arg" / "nested"
    env = {ENV_VAR: str(tmp_path / "env")}
    assert resolve_data_dir(chosen, env) == chosen
    assert chosen.is_dir()
    assert not (tmp_path / "env").exists()


def test_environment_used_without_argument(tmp_path: Path) -> None:
    env = {ENV_VAR: str(tmp_path / "from-env")}
    assert resolve_data_dir(None, env) == tmp_path / "from-env"
    assert (tmp_path / "from-env").is_dir()


def test_platform_folder_when_nothing_given(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "u"))
    assert resolve_data_dir(None, {ENV_VAR: "  "}) == tmp_path / "u"


def private(folder: Path) -> bool:
    info = os.lstat(folder)
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0


def test_unwritable_folder_falls_back_to_a_private_temp_folder(
    tmp_path: Path, monkeypatch, caplog
) -> None:
    (tmp_path / "afile").write_text("not a folder")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    with caplog.at_level(logging.WARNING):
        result = resolve_data_dir(tmp_path / "afile" / "sub", {})
    assert result == tmp_path / "tmp" / f"{APP_NAME}-{os.getuid()}"
    assert private(result)
    assert "cannot write to the data folder" in caplog.text
    assert resolve_data_dir(tmp_path / "afile" / "sub", {}) == result  # found again


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX users and modes")
def test_a_planted_link_in_temp_is_never_followed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    attacker = tmp_path / "attacker"
    attacker.mkdir()
    (tmp_path / "tmp" / f"{APP_NAME}-{os.getuid()}").symlink_to(attacker)
    result = private_temp_dir()
    assert private(result) and result.parent == tmp_path / "tmp"
    assert not result.is_symlink() and result.resolve() != attacker
    atomic_write_bytes(result / "status.json", b"{}")
    assert list(attacker.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX users and modes")
def test_a_folder_open_to_others_is_not_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    planted = tmp_path / "tmp" / f"{APP_NAME}-{os.getuid()}"
    planted.mkdir()
    planted.chmod(0o777)  # e.g. made by someone else for everyone to write in
    result = private_temp_dir()
    assert result != planted and private(result)


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_atomic_write_failure_keeps_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "x.json"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(paths.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_throttle_allows_once_per_interval() -> None:
    throttle = LogThrottle(interval=60.0)
    assert throttle.ready(100.0)
    assert not throttle.ready(130.0)
    assert not throttle.ready(159.9)
    assert throttle.take_suppressed() == 2
    assert throttle.ready(160.0)
    assert throttle.take_suppressed() == 0


def test_throttle_logs_once_per_interval_with_the_count_held_back(caplog) -> None:
    throttle = LogThrottle(interval=60.0)
    logger = logging.getLogger("test.throttle")
    with caplog.at_level(logging.WARNING, logger="test.throttle"):
        for now in (0.0, 10.0, 20.0, 60.0):
            throttle.log(logger, logging.WARNING, now, "could not write %s", "x.json")
    assert [r.getMessage() for r in caplog.records] == [
        "could not write x.json",
        "could not write x.json (2 similar failures since the last report)",
    ]
