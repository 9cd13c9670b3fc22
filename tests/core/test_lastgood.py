from pathlib import Path

from kiosk.core.content import lastgood
from kiosk.core.content.lastgood import last_good_path, load_last_good, save_last_good


def test_nothing_saved_gives_none(tmp_path: Path) -> None:
    assert load_last_good(tmp_path) is None


def test_save_then_load_round_trip(tmp_path: Path) -> None:
    assert save_last_good(tmp_path, b'{"panels": []}')
    assert load_last_good(tmp_path) == b'{"panels": []}'
    assert save_last_good(tmp_path, b'{"panels": [1]}')
    assert load_last_good(tmp_path) == b'{"panels": [1]}'


def test_unchanged_bytes_are_not_rewritten(tmp_path: Path, monkeypatch) -> None:
    save_last_good(tmp_path, b"same")
    calls = []
    monkeypatch.setattr(lastgood, "atomic_write_bytes", lambda *a: calls.append(a))
    assert save_last_good(tmp_path, b"same")
    assert calls == []
    assert save_last_good(tmp_path, b"different")
    assert calls == [(last_good_path(tmp_path), b"different")]


def test_unwritable_folder_returns_false(tmp_path: Path, caplog) -> None:
    (tmp_path / "afile").write_text("x")
    data_dir = tmp_path / "afile" / "sub"
    assert save_last_good(data_dir, b"{}") is False
    assert load_last_good(data_dir) is None
    assert "could not save the last good content" in caplog.text
