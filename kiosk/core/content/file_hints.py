"""The wording of problems with the file as a whole: size, depth, encoding, emptiness.

`kiosk.core.content.jsonparse` and `kiosk.core.content.load` raise or return these before (or
instead of) reading the document item by item.
"""

from __future__ import annotations

SAVE_AS_UTF8 = "in Notepad choose File > Save As, set Encoding to UTF-8 and save again"
EMPTY_FILE = "the file is empty: it must hold one JSON object, starting with { and ending with }"
BLANK_FILE = (
    "the file holds only blank space: it must hold one JSON object, starting with { "
    "and ending with }"
)
NOT_UTF8_WIDE = f"the file is saved as UTF-16 or UTF-32, not UTF-8; {SAVE_AS_UTF8}"


def too_large(size: int, limit: int) -> str:
    """The file is larger than the limit."""
    return (
        f"the file is too large ({size / 1e6:.1f} MB); content.json must be smaller "
        f"than {limit / 1e6:g} MB"
    )


def too_deep(limit: int) -> str:
    """The document nests more than `limit` levels."""
    return f"nested too deeply: more than {limit} levels of {{ }} and [ ]"


def looks_like_utf16_or_32(data: bytes) -> bool:
    """True when the bytes start with a UTF-16/32 BOM or have NUL bytes in every other byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return True
    sample = data[:64]
    if len(sample) < 4 or b"\x00" not in sample:
        return False
    return max(sample[0::2].count(0), sample[1::2].count(0)) * 4 >= len(sample)


def not_utf8(byte: int) -> str:
    """A byte that is not valid UTF-8."""
    return (
        f"the file is not valid UTF-8: byte 0x{byte:02X} on this line cannot be read "
        f"(was it saved as ANSI or Windows-1252?); {SAVE_AS_UTF8}"
    )


NOT_JSON = (
    "this is not a JSON document: content.json must start with { and hold one JSON "
    "object, ending with }; is it the right file?"
)


def starts_like_json(data: bytes) -> bool:
    """Whether the bytes start like a content document: { or [ after blank space.

    Empty and blank files, and files that look like UTF-16 or UTF-32 text, count
    as JSON-like: their own messages are more useful and quote nothing.
    """
    text = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    return not text or text[:1] in (b"{", b"[") or looks_like_utf16_or_32(data)
