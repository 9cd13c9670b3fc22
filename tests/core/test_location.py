"""Where content comes from: --content, $KIOSK_CONTENT, ./content.json, the config folder, the
shipped story; each place in that order, and only the named ones taken when missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.content.location import (
    FROM_CONFIG,
    FROM_CWD,
    FROM_ENV,
    FROM_OPTION,
    FROM_SHIPPED,
    SEARCH_ORDER,
    locate_content,
)
from kiosk.shipped import story_file


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    """A content.json in each place of the search order (the shipped one is the package's)."""
    found = {}
    for name in ("option", "env", "cwd", "config"):
        folder = tmp_path / name
        folder.mkdir()
        found[name] = folder / "content.json"
        found[name].write_text("{}", encoding="utf-8")
    return found


def locate(places: dict[str, Path], *present: str):
    """Locate with only the places in `present` offered."""
    return locate_content(
        places["option"] if "option" in present else None,
        env={"KIOSK_CONTENT": str(places["env"])} if "env" in present else {},
        cwd=places["cwd"].parent if "cwd" in present else places["cwd"].parent.parent,
        config_dir=lambda: places["config"].parent if "config" in present else Path("/nowhere"),
    )


def test_the_order_is_option_env_cwd_config_shipped() -> None:
    assert SEARCH_ORDER == (FROM_OPTION, FROM_ENV, FROM_CWD, FROM_CONFIG, FROM_SHIPPED)


def test_the_option_comes_first(places) -> None:
    found = locate(places, "option", "env", "cwd", "config")
    assert (found.path, found.origin) == (places["option"], FROM_OPTION)


def test_then_the_environment(places) -> None:
    found = locate(places, "env", "cwd", "config")
    assert (found.path, found.origin) == (places["env"], FROM_ENV)


def test_then_the_working_folder(places) -> None:
    found = locate(places, "cwd", "config")
    assert (found.path, found.origin) == (places["cwd"], FROM_CWD)


def test_then_the_user_config_folder(places) -> None:
    found = locate(places, "config")
    assert (found.path, found.origin) == (places["config"], FROM_CONFIG)


def test_last_the_story_shipped_with_the_kiosk(places) -> None:
    found = locate(places)
    assert (found.path, found.origin) == (story_file(), FROM_SHIPPED)
    assert found.path.is_file()


def test_a_named_file_is_taken_even_when_missing(tmp_path, places) -> None:
    missing = tmp_path / "nowhere" / "content.json"
    found = locate_content(missing, env={}, cwd=places["cwd"].parent)
    assert (found.path, found.origin) == (missing, FROM_OPTION)
    found = locate_content(None, env={"KIOSK_CONTENT": str(missing)}, cwd=places["cwd"].parent)
    assert (found.path, found.origin) == (missing, FROM_ENV)


def test_relative_paths_are_made_absolute_against_the_working_folder(tmp_path) -> None:
    found = locate_content(Path("booth/content.json"), env={}, cwd=tmp_path)
    assert found.path == tmp_path / "booth" / "content.json"
    found = locate_content(None, env={"KIOSK_CONTENT": " c.json "}, cwd=tmp_path)
    assert found.path == tmp_path / "c.json"


def test_an_empty_environment_variable_counts_as_unset(places) -> None:
    found = locate_content(None, env={"KIOSK_CONTENT": "  "}, cwd=places["cwd"].parent)
    assert found.origin == FROM_CWD


def test_a_folder_called_content_json_is_not_content(tmp_path) -> None:
    (tmp_path / "content.json").mkdir()
    found = locate_content(None, env={}, cwd=tmp_path, config_dir=lambda: tmp_path / "none")
    assert found.origin == FROM_SHIPPED


def test_the_config_folder_is_only_asked_for_when_needed(places) -> None:
    def unexpected() -> Path:
        raise AssertionError("the config folder was looked up")

    found = locate_content(None, env={}, cwd=places["cwd"].parent, config_dir=unexpected)
    assert found.origin == FROM_CWD


def test_the_description_names_the_place(places) -> None:
    found = locate(places, "cwd")
    assert found.describe() == f"{places['cwd']} (from ./content.json)"
