"""Pictures stay inside the content folder, for real; SVGs lose their links (issue 12, 4)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from kiosk.core.content.folder import place_picture
from kiosk.core.content.load import load
from kiosk.core.content.source import picture_paths
from kiosk.core.content.svg import SVG_LIMIT, without_external_references

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001"
    "0d0a2db40000000049454e44ae426082"
)
OUTSIDE_SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
 width="10" height="10"><rect id="r" width="10" height="10" fill="blue"/>
<image width="10" height="10" xlink:href="/elsewhere/secret.png"/>
<image width="10" height="10" href="file:///elsewhere/secret.png"/>
<image width="10" height="10" xlink:href="data:image/png;base64,iVBORw0KGgo="/>
<use xlink:href="#r"/></svg>"""


def content_with(folder: Path, image: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    panel = {"id": "p", "kind": "title", "title": "Hello", "image": image}
    doc = {"languages": ["en"], "default_language": "en", "panels": [panel]}
    path = folder / "content.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    path = elsewhere / "secret.png"
    path.write_bytes(PNG)
    return path


def test_a_link_out_of_the_folder_is_refused_by_validate_naming_the_picture(
    tmp_path: Path, secret: Path
) -> None:
    path = content_with(tmp_path / "site", "pictures/leak.png")
    (path.parent / "pictures").mkdir()
    (path.parent / "pictures" / "leak.png").symlink_to(secret)
    result = load(path)
    assert not result.ok
    message = result.problems[0].message
    assert "'pictures/leak.png'" in message and "outside the content folder" in message
    assert str(secret) in message  # where it leads, so the operator can fix it


def test_a_linked_folder_out_of_the_content_folder_is_refused(
    tmp_path: Path, secret: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "pictures").symlink_to(secret.parent)
    place = place_picture(site, "pictures/secret.png")
    assert place.real is None and place.refusal is not None
    assert place.path == site / "pictures" / "secret.png"  # still watched, never read


def test_links_inside_the_folder_and_a_linked_content_folder_are_fine(tmp_path: Path) -> None:
    release = tmp_path / "releases" / "v1"
    (release / "pictures").mkdir(parents=True)
    (release / "pictures" / "map-v1.png").write_bytes(PNG)
    (release / "pictures" / "map.png").symlink_to("map-v1.png")
    current = tmp_path / "current"
    current.symlink_to(release)
    place = place_picture(current, "pictures/map.png")
    assert place.refusal is None
    assert place.real == (release / "pictures" / "map-v1.png").resolve()
    assert load(content_with(release, "pictures/map.png")).ok


@pytest.mark.parametrize("name", ["/etc/passwd", "../secret.png", "C:\\secret.png", "a/../../b"])
def test_names_that_leave_the_folder_as_written_are_refused_and_never_watched(
    tmp_path: Path, name: str
) -> None:
    place = place_picture(tmp_path, name)
    assert place.path is None and place.real is None and place.refusal
    result = load(content_with(tmp_path / "c", name))
    assert not result.ok
    assert picture_paths(result.content, tmp_path) == []


@pytest.mark.parametrize("name", ["pictures/../pictures/map.png", "./pictures/map.png",
                                  "pictures/./map.png"])
def test_a_name_that_stays_inside_once_tidied_is_the_tidy_file(tmp_path: Path, name) -> None:
    # h12: "pictures/../pictures/good.jpg" was called outside the content folder
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "map.png").write_bytes(PNG)
    place = place_picture(tmp_path, name)
    assert place.refusal is None
    assert place.path == tmp_path / "pictures" / "map.png"
    assert place.real == (tmp_path / "pictures" / "map.png").resolve()
    assert load(content_with(tmp_path, name)).ok


def test_a_fifo_picture_is_a_warning_not_a_blocked_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs are POSIX")
    path = content_with(tmp_path, "pictures/map.png")
    (tmp_path / "pictures").mkdir()
    os.mkfifo(tmp_path / "pictures" / "map.png")
    result = load(path)
    assert result.ok
    assert "named pipe" in result.problems[0].message


@pytest.mark.parametrize("name", ["pictures/map.svg", "pictures/map.png"])  # known by its bytes
def test_an_svg_with_links_out_loads_with_a_warning_naming_them(tmp_path: Path, name) -> None:
    path = content_with(tmp_path, name)
    (tmp_path / "pictures").mkdir()
    (tmp_path / name).write_bytes(OUTSIDE_SVG)
    result = load(path)
    assert result.ok
    warning = result.problems[0].message
    assert f"'{name}'" in warning and "/elsewhere/secret.png" in warning


def test_svg_links_out_are_removed_and_links_within_are_kept() -> None:
    clean, removed = without_external_references(OUTSIDE_SVG)
    assert removed == ["/elsewhere/secret.png", "file:///elsewhere/secret.png"]
    assert b"secret" not in clean
    assert b"data:image/png" in clean and b'href="#r"' in clean
    assert clean.startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')


def test_svg_stylesheet_instructions_are_removed() -> None:
    svg = b'<?xml-stylesheet type="text/css" href="/dev/zero"?><svg xmlns="http://www.w3.org/2000/svg"/>'
    clean, removed = without_external_references(svg)
    assert removed == ['<?xml-stylesheet type="text/css" href="/dev/zero"?>']
    assert b"stylesheet" not in clean


def test_compressed_svg_is_opened_within_the_limit() -> None:
    clean, removed = without_external_references(gzip.compress(OUTSIDE_SVG))
    assert len(removed) == 2 and b"<rect" in clean
    bomb = gzip.compress(b"<svg>" + b" " * (SVG_LIMIT + 10) + b"</svg>")
    with pytest.raises(ValueError, match="larger than"):
        without_external_references(bomb)


@pytest.mark.parametrize(
    "data",
    [b"", b"<svg", b"not xml", b'<!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>'],
)
def test_what_is_not_an_svg_is_a_value_error(data: bytes) -> None:
    with pytest.raises(ValueError):
        without_external_references(data)
