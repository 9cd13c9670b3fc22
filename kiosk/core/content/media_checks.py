"""Checks of the files a panel names and of its QR code, in plain words.

A picture that is missing, is not a PNG, JPEG or SVG, or is too small for a booth
screen; a video in a container the player does not open; a video panel with no
poster; a QR code whose address a phone would not open as a web page. A file that
cannot be shown is a warning (the kiosk shows a placeholder or the poster); a QR
address that is not a web address is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from kiosk.core.content.filetypes import NAMES, PICTURE_FORMATS, VIDEO_FORMATS, sniff
from kiosk.core.content.media import MediaRef, QrCode
from kiosk.core.content.problems import Severity

MIN_LONG_SIDE = 1280  # pixels: a smaller picture looks soft on a booth screen
QR_EASY_CHARS = 80  # a longer address makes a denser code, harder to scan from 2 m
QR_MAX_CHARS = 300  # beyond this the modules get too small to scan at 1280x720

Found = tuple[Severity, str, tuple[str | int, ...]]  # severity, message, path in the panel


def file_problems(ref: MediaRef, base_dir: Path) -> Iterator[Found]:
    """What is wrong with the file `ref` names (it exists and lies inside `base_dir`)."""
    info = sniff(base_dir / ref.file)
    wanted = PICTURE_FORMATS if ref.kind == "picture" else VIDEO_FORMATS
    if info.format not in wanted:
        yield "warning", _unsupported(ref, info.format), ref.where
    elif info.long_side is not None and info.long_side < MIN_LONG_SIDE and info.size:
        width, height = info.size
        yield (
            "warning",
            f"picture '{ref.file}' is only {width} x {height} pixels and will look soft on "
            f"the booth's screen: use one at least {MIN_LONG_SIDE} pixels on its long side "
            "(1920 for a photo across the whole screen)",
            ref.where,
        )


def _unsupported(ref: MediaRef, found: str | None) -> str:
    """The message for a file the kiosk cannot show, naming what it is when known."""
    what = f"a {NAMES[found]} file" if found else "not a file the kiosk can read"
    if ref.kind == "picture":
        return (
            f"'{ref.file}' is {what}; the kiosk shows PNG, JPEG or SVG pictures and will "
            "show a placeholder: save it as JPEG (photos) or PNG"
        )
    return (
        f"'{ref.file}' is {what}; the kiosk plays MP4 (H.264) videos and will show the "
        "poster instead: export it as MP4, H.264"
    )


def poster_problems(panel: object) -> Iterator[Found]:
    """A video panel without a poster has nothing to show while the video cannot play."""
    stills = (getattr(panel, "poster", None), getattr(panel, "image", None))
    if getattr(panel, "kind", None) == "video" and stills == (None, None):
        yield (
            "warning",
            "this video has no poster: add a still picture as \"poster\"; it is shown before "
            "the video plays, and instead of it when it cannot play",
            ("video",),
        )


def qr_problems(qr: QrCode) -> Iterator[Found]:
    """An address a phone will not open as a web page, or one too long to scan easily."""
    url, where = qr.url, ("qr", "url")
    parts = urlsplit(url.strip()) if url.isprintable() else None
    if parts is None or any(char.isspace() for char in url):
        yield "error", "a web address has no spaces or line breaks; remove them", where
    elif parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        bare = url.split("://", 1)[-1].lstrip("/")
        yield (
            "error",
            f"'{url[:60]}' is not a web address a phone opens: start it with https://, "
            f'e.g. "https://{bare[:60]}"',
            where,
        )
    elif len(url) > QR_MAX_CHARS:
        yield (
            "error",
            f"the address is {len(url)} characters long; a QR code that long cannot be "
            f"scanned from a distance: use a short link (at most {QR_MAX_CHARS}, best under "
            f"{QR_EASY_CHARS})",
            where,
        )
    elif len(url) > QR_EASY_CHARS:
        yield (
            "warning",
            f"the address is {len(url)} characters long; the code gets dense and harder to "
            f"scan from two metres: a short link (under {QR_EASY_CHARS}) scans best",
            where,
        )
