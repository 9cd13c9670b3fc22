"""`kiosk init`: an editable copy of the shipped story; never over an existing one unless
--force, which keeps a dated backup."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.content.load import load
from kiosk.core.content.starter import ContentExists, backup_name, write_starter
from kiosk.shipped import schema_file, story_file


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch) -> Path:
    """An empty user config folder (XDG_CONFIG_HOME), and a working folder without content."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.delenv("KIOSK_CONTENT", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return home / "producers-story-kiosk"


def test_fresh_init_writes_the_story_its_schema_and_a_pictures_folder(config_home, capsys):
    assert main(["init"]) == 0
    content = config_home / "content.json"
    assert content.read_bytes() == story_file().read_bytes()
    assert (config_home / "content.schema.json").read_bytes() == schema_file().read_bytes()
    assert json.loads(content.read_text(encoding="utf-8"))["$schema"] == "./content.schema.json"
    assert "pictures/" in (config_home / "pictures" / "README.txt").read_text(encoding="utf-8")
    assert load(content).ok
    out = capsys.readouterr().out
    for command in (f"kiosk validate {content}", f"kiosk render --content {content}"):
        assert command in out
    assert f" {content}" in out.splitlines()[-4]  # 1. edit it: <editor> <path>


def test_the_kiosk_then_reads_the_copy(config_home, capsys):
    assert main(["init"]) == 0
    assert main(["validate"]) == 0
    assert f"{config_home / 'content.json'} (from config folder)" in capsys.readouterr().err


def test_init_into_a_named_folder_says_how_to_point_the_kiosk_at_it(config_home, tmp_path, capsys):
    target = tmp_path / "booth"
    assert main(["init", str(target)]) == 0
    out = capsys.readouterr().out
    assert (target / "content.json").is_file()
    assert f"--content {target / 'content.json'}" in out
    assert "(from shipped story) first" in out


def test_init_over_an_existing_content_file_changes_nothing_and_exits_1(config_home, capsys):
    config_home.mkdir(parents=True)
    mine = config_home / "content.json"
    mine.write_text('{"mine": true}', encoding="utf-8")
    assert main(["init"]) == 1
    assert mine.read_text(encoding="utf-8") == '{"mine": true}'
    err = capsys.readouterr().err
    assert "already exists; nothing was written" in err and "--force" in err
    assert not (config_home / "content.schema.json").exists()


def test_force_keeps_a_dated_backup_then_writes_the_story(config_home, capsys):
    config_home.mkdir(parents=True)
    (config_home / "content.json").write_text('{"mine": true}', encoding="utf-8")
    (config_home / "pictures").mkdir()
    (config_home / "pictures" / "crew.jpg").write_bytes(b"jpeg")
    assert main(["init", "--force"]) == 0
    backups = sorted(config_home.glob("content-backup-*.json"))
    assert [b.read_text(encoding="utf-8") for b in backups] == ['{"mine": true}']
    assert (config_home / "content.json").read_bytes() == story_file().read_bytes()
    assert (config_home / "pictures" / "crew.jpg").read_bytes() == b"jpeg"
    assert f"kept as {backups[0].name}" in capsys.readouterr().out


def test_two_forced_inits_in_one_second_keep_both_backups(tmp_path):
    now = datetime(2026, 12, 3, 14, 15, 0)
    (tmp_path / "content.json").write_text("first", encoding="utf-8")
    write_starter(tmp_path, force=True, now=now)
    (tmp_path / "content.json").write_text("second", encoding="utf-8")
    written = write_starter(tmp_path, force=True, now=now)
    assert backup_name(now) == "content-backup-2026-12-03-141500.json"
    assert written.backup == tmp_path / "content-backup-2026-12-03-141500-2.json"
    assert written.backup.read_text(encoding="utf-8") == "second"


def test_write_starter_refuses_an_existing_file(tmp_path):
    (tmp_path / "content.json").write_text("x", encoding="utf-8")
    with pytest.raises(ContentExists):
        write_starter(tmp_path)


def test_a_folder_that_cannot_be_written_exits_1_with_a_sentence(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["init", str(blocker / "kiosk")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"cannot write to {blocker / 'kiosk'}")
    assert "Traceback" not in err
