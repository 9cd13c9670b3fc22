"""Checks of the files a panel names and of its QR code, in plain words.

A picture that is missing, is not a PNG, JPEG or SVG, is cut short (a copy that did
not finish), is larger than the kiosk decodes, or is too small for a booth screen; an
SVG that names other files (drawn without them); a video in a container the player
does not open; something that is not a plain file (a named pipe, a
device: never read); a video panel with no poster; a QR code whose address a phone
would not open as a web page. A file that cannot be shown is a warning (the kiosk
shows a placeholder or the poster); a QR address that is not a web address is an
error. Whether a file lies inside the content folder is checked before, by
`kiosk.core.content.folder`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from kiosk.core.content.filetypes import (
    DECODE_LIMIT_MB,
    NAMES,
    PICTURE_FORMATS,
    VIDEO_FORMATS,
    FileInfo,
    sniff,
)
from kiosk.core.content.media import MediaRef, QrCode
from kiosk.core.content.problems import Severity
from kiosk.core.content.reader import Unreadable, not_regular, read_regular_file
from kiosk.core.content.svg import SVG_LIMIT, without_external_references

MIN_LONG_SIDE = 1280  # pixels: a smaller picture looks soft on a booth screen
QR_EASY_CHARS = 80  # a longer address makes a denser code, harder to scan from 2 m
QR_MAX_CHARS = 300  # beyond this the modules get too small to scan at 1280x720

Found = tuple[Severity, str, tuple[str | int, ...]]  # severity, message, path in the panel


def file_problems(ref: MediaRef, file: Path) -> Iterator[Found]:
    """What is wrong with the file `ref` names, found at `file` (its real path, inside)."""
    not_a_file = _not_a_file(ref, file)
    if not_a_file is not None:
        yield "warning", not_a_file, ref.where
        return
    info = sniff(file)
    wanted = PICTURE_FORMATS if ref.kind == "picture" else VIDEO_FORMATS
    if info.format not in wanted:
        yield "warning", _unsupported(ref, info.format), ref.where
    elif info.cut_short or info.too_large:
        yield "warning", _undecodable(ref, info), ref.where
    elif info.long_side is not None and info.long_side < MIN_LONG_SIDE and info.size:
        width, height = info.size
        yield (
            "warning",
            f"picture '{ref.file}' is only {width} x {height} pixels and will look soft on "
            f"the booth's screen: use one at least {MIN_LONG_SIDE} pixels on its long side "
            "(1920 for a photo across the whole screen)",
            ref.where,
        )
    elif info.format == "svg":
        yield from _svg_links(ref, file)


def _undecodable(ref: MediaRef, info: FileInfo) -> str:
    """The message for a PNG or JPEG the kiosk cannot show whole: cut short, or too large."""
    if info.cut_short:
        grey = info.format == "jpeg"
        shown = "what is there, grey below it" if grey else "a placeholder"
        return (
            f"picture '{ref.file}' is cut short: the file ends before the picture does (a "
            f"copy or download that did not finish); the kiosk shows {shown}: copy the "
            "picture again from the original"
        )
    width, height = info.size or (0, 0)
    needed = (info.decoded_bytes or 0) / (1 << 20)
    return (
        f"picture '{ref.file}' is {width:,} x {height:,} pixels: decoding it takes "
        f"{needed:,.0f} MB, more than the {DECODE_LIMIT_MB} MB the kiosk allows a picture, "
        "so it shows a placeholder: save it smaller (3840 pixels on its long side is "
        "plenty), or as a JPEG"
    )


def _not_a_file(ref: MediaRef, file: Path) -> str | None:
    """Why `file` is never read (a named pipe would block a reader, a device never end)."""
    kind = not_regular(file)
    if kind is None:
        return None
    return (
        f"{ref.kind} '{ref.file}' is {kind}, not a {ref.kind} file; the kiosk shows "
        f"{shown_instead(ref)}"
    )


def shown_instead(ref: MediaRef) -> str:
    """What the kiosk shows where the file `ref` names cannot be: the poster, a placeholder."""
    return "the poster" if ref.kind == "video" else "a placeholder"


def _svg_links(ref: MediaRef, file: Path) -> Iterator[Found]:
    """An SVG that names other files is drawn without them; one that cannot be read not at all."""
    try:
        _, removed = without_external_references(read_regular_file(file, SVG_LIMIT))
    except (Unreadable, ValueError) as exc:
        yield "warning", f"picture '{ref.file}': {exc}; the kiosk shows a placeholder", ref.where
        return
    if removed:
        more = f" and {len(removed) - 3} more" if len(removed) > 3 else ""
        shown = ", ".join(removed[:3]) + more
        yield (
            "warning",
            f"SVG picture '{ref.file}' refers to other files ({shown}); the kiosk draws it "
            "without them: embed pictures in the SVG (data: URIs) instead",
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


_SITE = re.compile(r"[\w-]+(\.[\w-]+)+(/\S*)?")  # "cmpa.ca", "www.example.org/producers"


def _not_web(url: str) -> str:
    """The error for a QR address that is not a web address, with one where it is clear.

    "cmpa.ca" becomes "https://cmpa.ca"; "https://" with nothing after it and
    "javascript:alert(1)" get no made-up address.
    """
    bare = url.split("://", 1)[-1].lstrip("/") if "://" in url else url
    example = bare if _SITE.fullmatch(bare) else "example.org/producers"
    fix = "start it with https://" if example == bare else "write the whole web address"
    return (
        f"'{url[:60]}' is not a web address a phone opens: {fix}, "
        f'e.g. "https://{example[:60]}"'
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
        yield "error", _not_web(url), where
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
