"""Pictures, videos and QR codes in content.json: the model, the file sniffer, the checks."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.content.filetypes import FileInfo, sniff, video_seconds
from kiosk.core.content.load import load_bytes
from kiosk.core.content.media import Picture, media_refs, picture_of
from kiosk.core.content.model import Content
from kiosk.core.content.source import picture_paths
from kiosk.core.show.changes import dwells
from kiosk.core.show.presentation import Presentation
from kiosk.core.show.timing import SHORTEST_VIDEO_DWELL
from tests.support import as_source, png_header


def jpeg_bytes(width: int, height: int, exif: int = 0, *, end: bytes = b"\xff\xd9",
               preview: bytes = b"") -> bytes:
    """A JPEG: SOI, an APP1 segment of `exif` bytes (holding `preview`), a baseline frame
    header, a scan, then `end` (its end-of-image marker; b"" for a copy cut short)."""
    exif_data = preview + b"E" * exif
    app1 = b"\xff\xe1" + struct.pack(">H", len(exif_data) + 2) + exif_data
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app1 + sof + b"\xff\xda\x00\x02" + b"\x00" * 16 + end


def document(*panels: dict[str, Any]) -> bytes:
    return json.dumps(
        {"languages": ["en", "fr"], "default_language": "en", "panels": list(panels)}, indent=1
    ).encode()


def problems(data: bytes, folder: Path) -> dict[str, str]:
    result = load_bytes(data, folder)
    return {p.path: f"{p.severity}: {p.message}" for p in result.problems}


# the model -------------------------------------------------------------------------------
def test_a_plain_file_name_is_a_picture_with_the_defaults() -> None:
    picture = picture_of("pictures/crew.jpg")
    assert picture == Picture(file="pictures/crew.jpg")
    assert (picture.fit, picture.focus, picture.place) == ("fill", [0.5, 0.5], "beside")
    assert picture_of(None) is None


def test_the_picture_object_and_every_new_kind_validate() -> None:
    content = Content.model_validate_json(document(
        {"id": "on-set", "kind": "photo", "image": "pictures/on-set.jpg",
         "caption": {"en": "Day 12 on set", "fr": "Jour 12 de tournage"},
         "credit": "Photo: A. Martin"},
        {"id": "voice", "kind": "quote", "quote": {"en": "We start with a spark", "fr": "..."},
         "name": "Jane Doe", "role": {"en": "Producer", "fr": "Productrice"},
         "image": {"file": "pictures/jane.jpg", "focus": [0.5, 0.3], "alt": "Jane"}},
        {"id": "trailer", "kind": "video", "video": "media/trailer.mp4",
         "poster": "pictures/trailer.jpg"},
        {"id": "learn-more", "kind": "title", "title": "x",
         "image": {"file": "a.png", "fit": "fit", "place": "behind"},
         "qr": {"url": "https://example.org/producers",
                "caption": {"en": "Learn more", "fr": "En savoir plus"}}},
    ))
    assert [p.kind for p in content.panels] == ["photo", "quote", "video", "title"]
    assert content.panels[2].muted is True
    refs = [(ref.where, ref.file, ref.kind) for p in content.panels for ref in media_refs(p)]
    assert refs == [
        (("image",), "pictures/on-set.jpg", "picture"),
        (("image", "file"), "pictures/jane.jpg", "picture"),
        (("poster",), "pictures/trailer.jpg", "picture"),
        (("video",), "media/trailer.mp4", "video"),
        (("image", "file"), "a.png", "picture"),
    ]
    assert picture_paths(content, Path("/c"))[-2:] == [Path("/c/media/trailer.mp4"),
                                                        Path("/c/a.png")]


@pytest.mark.parametrize(
    ("panel", "path"),
    [
        ({"id": "p", "kind": "photo"}, "panels[0].image"),
        ({"id": "p", "kind": "photo", "image": {"file": "a.jpg", "focus": [1.5, 0]}},
         "panels[0].image.focus[0]"),
        ({"id": "p", "kind": "photo", "image": {"file": "a.jpg", "fit": "stretch"}},
         "panels[0].image.fit"),
        ({"id": "q", "kind": "quote", "quote": "x"}, "panels[0].name"),
        ({"id": "v", "kind": "video", "poster": "a.jpg"}, "panels[0].video"),
        ({"id": "t", "kind": "title", "title": "x", "qr": {"caption": "x"}}, "panels[0].qr.url"),
    ],
)
def test_model_errors_name_the_field(tmp_path: Path, panel: dict[str, Any], path: str) -> None:
    found = problems(document(panel), tmp_path)
    assert found.get(path, "").startswith("error"), found


# the file sniffer ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (png_header(4032, 3024), FileInfo("png", (4032, 3024), 4032 * 3024 * 4)),
        (jpeg_bytes(6000, 4000), FileInfo("jpeg", (6000, 4000))),
        (jpeg_bytes(800, 600, exif=60_000), FileInfo("jpeg", (800, 600))),  # past the head
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', FileInfo("svg")),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", FileInfo("webp")),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", FileInfo("heic")),
        (b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00", FileInfo("mp4")),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81", FileInfo("matroska")),
        (b"this is not a picture", FileInfo(None)),
        (b"\xff\xd8\xff", FileInfo("jpeg", None, None, True)),  # cut short, of unknown size
        (b"", FileInfo(None)),
    ],
)
def test_sniff_reads_format_and_size(tmp_path: Path, data: bytes, expected: FileInfo) -> None:
    path = tmp_path / "file"
    path.write_bytes(data)
    assert sniff(path) == expected


THUMBNAIL = jpeg_bytes(160, 120)  # an EXIF preview: a whole JPEG, end marker and all
MOTION = b"\x00\x00\x00\x18ftypmp42" + b"\xff" * 5000  # a phone's video after the photo


@pytest.mark.parametrize(
    ("data", "cut_short"),
    [
        (jpeg_bytes(2000, 1200), False),
        (jpeg_bytes(2000, 1200, end=b""), True),
        (jpeg_bytes(2000, 1200, end=b"\xff"), True),
        (jpeg_bytes(2000, 1200, preview=THUMBNAIL, end=b""), True),  # the preview's end is not
        (jpeg_bytes(2000, 1200) + MOTION, False),
        (jpeg_bytes(2000, 1200, end=b"\x00" * (3 << 20) + b"\xff\xd9\x00"), False),  # far on
        (png_header(1600, 1000), False),
        (png_header(1600, 1000)[:-12], True),  # no end chunk: Qt draws none of it
        (png_header(1600, 1000)[:-14], True),
        (png_header(1600, 1000) + b"appended", False),
    ],
)
def test_sniff_knows_a_picture_cut_short(tmp_path: Path, data: bytes, cut_short: bool) -> None:
    path = tmp_path / "picture"
    path.write_bytes(data)
    assert sniff(path).cut_short is cut_short


@pytest.mark.parametrize(
    ("header", "too_large"),
    [
        (png_header(8192, 8192), False),  # 256 MB as Qt decodes it: the most it takes
        (png_header(8193, 8192), True),
        (png_header(40000, 40000, 1, 0), True),  # one bit a pixel on disk, four in memory
        (png_header(5792, 5792, 16, 6), False),  # 16-bit colour: eight bytes a pixel
        (png_header(5793, 5793, 16, 6), True),
        (png_header(8192, 8192, 16, 0), False),  # 16-bit grey: four
        (jpeg_bytes(40000, 40000), False),  # a JPEG is decoded at the size it is shown
    ],
)
def test_sniff_knows_a_picture_too_large_to_decode(
    tmp_path: Path, header: bytes, too_large: bool
) -> None:
    path = tmp_path / "picture"
    path.write_bytes(header)
    assert sniff(path).too_large is too_large


def test_validate_names_pictures_cut_short_or_too_large(tmp_path: Path) -> None:
    (tmp_path / "trunc.jpg").write_bytes(jpeg_bytes(2000, 1200, end=b""))
    (tmp_path / "trunc.png").write_bytes(png_header(2000, 1200)[:-12])
    (tmp_path / "bomb.png").write_bytes(png_header(40000, 40000, 1, 0))
    found = problems(document(
        {"id": "a", "kind": "photo", "image": "trunc.jpg"},
        {"id": "b", "kind": "photo", "image": "trunc.png"},
        {"id": "c", "kind": "photo", "image": {"file": "bomb.png"}},
    ), tmp_path)
    assert found["panels[0].image"] == (
        "warning: picture 'trunc.jpg' is cut short: the file ends before the picture does (a "
        "copy or download that did not finish); the kiosk shows what is there, grey below "
        "it: copy the picture again from the original")
    assert "cut short" in found["panels[1].image"] and "a placeholder" in found["panels[1].image"]
    assert found["panels[2].image.file"].startswith(
        "warning: picture 'bomb.png' is 40,000 x 40,000 pixels: decoding it takes 6,104 MB, "
        "more than the 256 MB the kiosk allows a picture, so it shows a placeholder")


def test_sniff_never_raises_on_a_folder_or_a_missing_file(tmp_path: Path) -> None:
    assert sniff(tmp_path) == FileInfo(None)
    assert sniff(tmp_path / "missing.jpg") == FileInfo(None)


# the checks -------------------------------------------------------------------------------
def test_validate_names_the_problem_of_each_file(tmp_path: Path) -> None:
    (tmp_path / "big.jpg").write_bytes(jpeg_bytes(1920, 1280))
    (tmp_path / "small.jpg").write_bytes(jpeg_bytes(800, 600))
    (tmp_path / "phone.jpg").write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00")
    (tmp_path / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00")
    (tmp_path / "clip.avi").write_bytes(b"RIFF\x00\x00\x00\x00AVI LIST")
    found = problems(document(
        {"id": "a", "kind": "photo", "image": "big.jpg"},
        {"id": "b", "kind": "photo", "image": {"file": "small.jpg"}},
        {"id": "c", "kind": "quote", "quote": "x", "name": "n", "image": "phone.jpg"},
        {"id": "d", "kind": "video", "video": "clip.mp4"},
        {"id": "e", "kind": "video", "video": "clip.avi", "poster": "gone.jpg"},
        {"id": "f", "kind": "video", "video": "nowhere.mp4", "poster": "../up.jpg"},
    ), tmp_path)
    assert not any(path.startswith(("panels[0]", "panels[3].poster")) for path in found)
    assert "800 x 600 pixels" in found["panels[1].image.file"]
    assert "1280 pixels on its long side" in found["panels[1].image.file"]
    assert "HEIC (an iPhone photo)" in found["panels[2].image"]
    assert "save it as JPEG" in found["panels[2].image"]
    assert found["panels[3].video"].startswith("warning: this video has no poster")
    assert "AVI" in found["panels[4].video"] and "export it as MP4" in found["panels[4].video"]
    assert "picture 'gone.jpg' not found" in found["panels[4].poster"]
    assert "video 'nowhere.mp4' not found" in found["panels[5].video"]
    assert "the poster" in found["panels[5].video"]
    assert found["panels[5].poster"].startswith("error: '../up.jpg' points outside")


@pytest.mark.parametrize(
    ("url", "severity", "words"),
    [
        ("https://cmpa.ca", None, ""),
        ("http://example.org/producers?lang=fr", None, ""),
        ("cmpa.ca", "error", 'start it with https://, e.g. "https://cmpa.ca"'),
        ("ftp://example.org/file", "error", "not a web address a phone opens"),
        ("javascript:alert(1)", "error", "not a web address a phone opens"),
        ("https://", "error", "not a web address"),
        # h12: these were told "e.g. https://" and "e.g. https://javascript:alert(1)"
        ("https://", "error", 'write the whole web address, e.g. "https://example.org/'),
        ("javascript:alert(1)", "error", 'write the whole web address, e.g. "https://example.org'),
        ("www.cmpa.ca/fr", "error", 'start it with https://, e.g. "https://www.cmpa.ca/fr"'),
        ("https://example.org/a b", "error", "no spaces"),
        ("https://example.org/\n", "error", "no spaces"),
        ("https://example.org/" + "a" * 100, "warning", "a short link (under 80) scans best"),
        ("https://example.org/" + "a" * 300, "error", "cannot be scanned from a distance"),
    ],
)
def test_validate_checks_the_qr_address(
    tmp_path: Path, url: str, severity: str | None, words: str
) -> None:
    panel = {"id": "t", "kind": "title", "title": "x", "qr": {"url": url}}
    found = problems(document(panel), tmp_path).get("panels[0].qr.url")
    if severity is None:
        assert found is None
    else:
        assert found is not None and found.startswith(severity) and words in found, found


# a video's length, and the dwell of a video panel ---------------------------------------
def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def mp4(seconds: float, version: int = 0, moov_last: bool = True) -> bytes:
    """A minimal MP4: ftyp, a media box, and a movie header saying `seconds` at 600 a second."""
    if version == 0:
        mvhd = bytes([0, 0, 0, 0]) + struct.pack(">IIII", 0, 0, 600, round(seconds * 600))
    else:
        mvhd = bytes([1, 0, 0, 0]) + struct.pack(">QQIQ", 0, 0, 600, round(seconds * 600))
    moov = box(b"moov", box(b"mvhd", mvhd + b"\x00" * 80))
    head, media = box(b"ftyp", b"isom\x00\x00\x02\x00"), box(b"mdat", b"\x00" * 5000)
    return head + (media + moov if moov_last else moov + media)


@pytest.mark.parametrize(("version", "moov_last"), [(0, True), (0, False), (1, True)])
def test_a_videos_length_is_read_from_its_movie_header(tmp_path, version, moov_last) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(mp4(42.5, version, moov_last))
    assert video_seconds(path) == pytest.approx(42.5)
    path.write_bytes(mp4(42.5)[:40])  # cut short: unknown
    assert video_seconds(path) is None


def test_a_video_panel_stays_up_as_long_as_its_video(tmp_path) -> None:
    (tmp_path / "long.mp4").write_bytes(mp4(95.0))
    (tmp_path / "short.mp4").write_bytes(mp4(1.0))
    content = Content.model_validate_json(document(
        {"id": "a", "kind": "video", "video": "long.mp4"},
        {"id": "b", "kind": "video", "video": "long.mp4", "dwell_seconds": 20},
        {"id": "c", "kind": "video", "video": "short.mp4"},
        {"id": "d", "kind": "video", "video": "missing.mp4"},
        {"id": "e", "kind": "title", "title": "x"},
    ))
    assert dwells(as_source(content, folder=tmp_path)) == [95.0, 20, SHORTEST_VIDEO_DWELL, 12, 12]


def test_the_show_moves_on_when_the_video_ends(tmp_path) -> None:
    (tmp_path / "clip.mp4").write_bytes(mp4(30.0))
    content = Content.model_validate_json(document(
        {"id": "clip", "kind": "video", "video": "clip.mp4"},
        {"id": "next", "kind": "title", "title": "x", "dwell_seconds": 5},
    ))
    show = Presentation(as_source(content, folder=tmp_path), 0.0)
    assert show.tick(0.0) == pytest.approx(30.0)  # the video's end is the next deadline
    show.tick(29.9)
    assert show.panel_id == "clip"
    show.tick(30.0)
    assert show.panel_id == "next"
