"""What a media file really is, read from its first bytes: format and pixel size.

`kiosk validate` runs without Qt, and staff name files whose extension says little
(a phone's HEIC photo renamed .jpg, a WebP saved from a browser). `sniff` reads the
file's signature, and for PNG and JPEG its width and height from the header, without
decoding the picture; whether the file ends where the picture does (a copy cut short
is shown grey, or not at all); and for PNG how much memory decoding it takes, which
the kiosk's image reader refuses beyond `DECODE_LIMIT_MB`. It never raises: an
unreadable file is `FileInfo(None)`, and what is not a regular file (a named pipe,
a device) is never opened (`kiosk.core.content.reader.open_regular`).
`video_seconds` reads how long an MP4 (or MOV) video lasts from its movie header, so
the show can keep a video panel up exactly that long without playing it first.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kiosk.core.content.reader import Unreadable, open_regular

HEAD_BYTES = 64
DECODE_LIMIT_MB = 256
"""The most memory a picture may take while the kiosk decodes it, in MiB.

Qt's image reader refuses a larger one (`QImageReader.allocationLimit`, which the
drawing layer sets to this). A JPEG is decoded straight at the screen's size, so only
a PNG, decoded whole before it is scaled, can exceed it: at 4 bytes a pixel, 8 for a
16-bit colour PNG (measured with Qt 6.11: 8192 x 8192 loads, 8193 x 8192 does not).
"""
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
_JPEG_END = b"\xff\xd9"
_MAX_CHUNKS = 100_000  # a PNG walked this far without its end is taken as whole
_SCAN_BYTES = 1 << 20
# JPEG markers that start a frame and carry its size (SOF0-SOF15 but DHT, JPG and DAC)
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_MAX_SEGMENTS = 2000  # a JPEG with more segments than this before its frame is not one

NAMES = {
    "png": "PNG",
    "jpeg": "JPEG",
    "svg": "SVG",
    "webp": "WebP",
    "heic": "HEIC (an iPhone photo)",
    "avif": "AVIF",
    "gif": "GIF",
    "bmp": "BMP",
    "tiff": "TIFF",
    "mp4": "MP4",
    "matroska": "Matroska/WebM",
    "avi": "AVI",
}
"""How each format is named to staff."""

PICTURE_FORMATS = frozenset({"png", "jpeg", "svg"})
VIDEO_FORMATS = frozenset({"mp4", "matroska"})


@dataclass(frozen=True)
class FileInfo:
    """What a file is, read from its bytes without decoding it.

    Attributes
    ----------
    format
        The format its signature names; None when unknown.
    size
        Width and height in pixels, for PNG and JPEG (None when unknown).
    decoded_bytes
        The memory the kiosk's image reader takes to decode it: PNG only (a JPEG is
        decoded at the size it is shown).
    cut_short
        The file ends before the picture does (PNG, JPEG): a copy that did not finish.
    """

    format: str | None
    size: tuple[int, int] | None = None
    decoded_bytes: int | None = None
    cut_short: bool = False

    @property
    def long_side(self) -> int | None:
        """The longer of width and height, in pixels (None when unknown)."""
        return max(self.size) if self.size else None

    @property
    def too_large(self) -> bool:
        """True when the kiosk refuses to decode it: more than `DECODE_LIMIT_MB` of memory."""
        return self.decoded_bytes is not None and self.decoded_bytes > DECODE_LIMIT_MB << 20


def sniff(path: Path) -> FileInfo:
    """Read what `path` is from its first bytes; `FileInfo(None)` when it cannot tell."""
    try:
        with open_regular(path) as file:
            head = file.read(HEAD_BYTES)
            kind = _format(head)
            if kind == "png":
                size = _png_size(head)
                decoded = _png_decoded_bytes(head, size)
                return FileInfo(kind, size, decoded, not _png_whole(file))
            if kind == "jpeg":
                return FileInfo(kind, _jpeg_size(file), None, not _jpeg_whole(file))
            if kind is None and _looks_like_svg(head + file.read(1024)):
                return FileInfo("svg")
            return FileInfo(kind)
    except (OSError, ValueError, struct.error, Unreadable):
        return FileInfo(None)


def _format(head: bytes) -> str | None:
    """The format whose signature `head` starts with."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"AVI "):
        return "webp" if head[8:12] == b"WEBP" else "avi"
    if head[4:8] == b"ftyp":
        return _iso_brand(head[8:12])
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "matroska"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"BM"):
        return "bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    return None


def _iso_brand(brand: bytes) -> str:
    """The format of an ISO media file (MP4, MOV, HEIC, AVIF) from its major brand."""
    if brand in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc"):
        return "heic"
    if brand in (b"avif", b"avis"):
        return "avif"
    return "mp4"


def _png_size(head: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's IHDR chunk."""
    if head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return (width, height) if width and height else None


def _png_decoded_bytes(head: bytes, size: tuple[int, int] | None) -> int | None:
    """The memory Qt takes to decode a PNG whole: 8 bytes a pixel for 16-bit colour, else 4."""
    if size is None:
        return None
    depth, colour = head[24], head[25]
    deep = depth == 16 and colour in (2, 4, 6)  # RGB, grey with alpha, RGBA: 64-bit pixels
    return size[0] * size[1] * (8 if deep else 4)


def _png_whole(file: BinaryIO) -> bool:
    """True when the PNG's chunks run to its end chunk (IEND) within the file."""
    end = file.seek(0, 2)
    file.seek(end - len(_PNG_END))
    if file.read(len(_PNG_END)) == _PNG_END:
        return True  # the usual case: one read
    offset = 8
    for _ in range(_MAX_CHUNKS):
        file.seek(offset)
        header = file.read(8)
        if len(header) < 8:
            return False
        length, kind = struct.unpack(">I4s", header)
        if kind == b"IEND":
            return True
        offset += 12 + length
    return True


def _jpeg_segments(file: BinaryIO) -> Iterator[tuple[int, int]]:
    """(marker, length) of each segment of a JPEG up to its first scan, the file after each.

    The file is left at the start of each segment's body while its caller looks.
    """
    file.seek(2)
    for _ in range(_MAX_SEGMENTS):
        marker = file.read(2)
        while marker[:1] == b"\xff" and marker[1:2] == b"\xff":  # fill bytes
            marker = marker[1:] + file.read(1)
        if len(marker) < 2 or marker[0] != 0xFF:
            return
        if marker[1] in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            continue
        (length,) = struct.unpack(">H", file.read(2))
        start = file.tell()
        yield marker[1], length
        if marker[1] in (0xD9, 0xDA) or length < 2:  # end of image, start of scan
            return
        file.seek(start + length - 2)


def _jpeg_size(file: BinaryIO) -> tuple[int, int] | None:
    """Width and height from a JPEG's frame header, skipping the segments before it."""
    for marker, _ in _jpeg_segments(file):
        if marker in _SOF:
            height, width = struct.unpack(">xHH", file.read(5))
            return (width, height) if width and height else None
    return None


def _jpeg_whole(file: BinaryIO) -> bool:
    """True when the JPEG's end-of-image marker follows its first scan.

    Usually the file's last two bytes; a phone's motion photo carries a video after it,
    so the bytes after the scan starts are searched (a scan never holds the marker).
    Those before (an EXIF preview has its own end marker) are not.
    """
    end = file.seek(0, 2)
    file.seek(end - len(_JPEG_END))
    if file.read(len(_JPEG_END)) == _JPEG_END:
        return True
    scan = next((file.tell() for marker, _ in _jpeg_segments(file) if marker == 0xDA), None)
    if scan is None:
        return False
    tail = b""
    while chunk := file.read(_SCAN_BYTES):
        if _JPEG_END in tail + chunk:
            return True
        tail = chunk[-1:]
    return False


_CONTAINERS = frozenset({b"moov", b"trak", b"mdia"})  # boxes the movie header may sit in
_MAX_BOXES = 10_000


def video_seconds(path: Path) -> float | None:
    """How long the MP4/MOV video at `path` lasts, from its `mvhd` box; None if unknown."""
    try:
        with open_regular(path) as file:
            size = file.seek(0, 2)
            return _find_mvhd(file, 0, size)
    except (OSError, ValueError, struct.error, Unreadable):
        return None


def _find_mvhd(file: BinaryIO, start: int, end: int) -> float | None:
    """Walk the boxes between `start` and `end`, into `moov`, to the movie header."""
    offset = start
    for _ in range(_MAX_BOXES):
        if offset + 8 > end:
            return None
        file.seek(offset)
        length, kind = struct.unpack(">I4s", file.read(8))
        header = 8
        if length == 1:  # a 64-bit size follows
            (length,) = struct.unpack(">Q", file.read(8))
            header = 16
        elif length == 0:  # the box runs to the end
            length = end - offset
        if length < header:
            return None
        if kind == b"mvhd":
            return _mvhd_seconds(file.read(min(length - header, 32)))
        if kind in _CONTAINERS:
            found = _find_mvhd(file, offset + header, offset + length)
            if found is not None:
                return found
        offset += length
    return None


def _mvhd_seconds(body: bytes) -> float | None:
    """The duration in a movie header box's body (version 0 or 1)."""
    if body[:1] == b"\x01":
        timescale, duration = struct.unpack(">IQ", body[20:32])
    else:
        timescale, duration = struct.unpack(">II", body[12:20])
    if not timescale or duration in (0, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
        return None
    return duration / timescale


def _looks_like_svg(head: bytes) -> bool:
    """True when the text at the start of a file opens an <svg> element."""
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n").lower()
    return text.startswith(("<svg", "<?xml", "<!--", "<!doctype svg")) and "<svg" in text
