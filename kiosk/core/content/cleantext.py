"""Characters nobody means to show: control characters and bidi overrides.

Text copied out of another program can carry invisible characters: NUL, BEL, ESC,
DEL, NEL draw as boxes, and a right-to-left override (U+202E) reverses what follows
it, so that "txt.exe" reads "exe.txt". `unwanted` names them for `kiosk validate`;
`shown_text` is what the kiosk draws: the same text without them. The joiners,
marks and selectors real scripts and emoji need (ZWJ, ZWNJ, LRM, RLM, combining
marks, variation selectors, tag characters) are kept.

A text can also show nothing at all: empty, only spaces, or only characters that
take no room (a zero-width space, a word joiner, a Hangul filler). `blank_message`
says so for `kiosk validate`; `visible_text` is None for such a text, so that a
banner is not drawn around nothing.
"""

from __future__ import annotations

import re
import unicodedata

from kiosk.core.content.model import Text, localize

_C0_NAMES = (
    "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI "
    "DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US"
).split()
_NAMES = {
    **{index: name for index, name in enumerate(_C0_NAMES)},
    0x7F: "DEL",
    0x85: "NEL",
    0xFEFF: "BOM",
    0x202A: "LRE",
    0x202B: "RLE",
    0x202C: "PDF",
    0x202D: "LRO",
    0x202E: "RLO",
    0x2066: "LRI",
    0x2067: "RLI",
    0x2068: "FSI",
    0x2069: "PDI",
}
_REORDERING = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")  # written as \r\n or pasted: a new line
_UNWANTED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufdd0-\ufdef\ufffe\uffff"
    "\ud800-\udfff]"
)


def shown_text(text: str) -> str:
    """`text` as the kiosk draws it: line breaks as new lines, tabs as spaces, no controls."""
    text = _LINE_BREAKS.sub("\n", text).replace("\t", " ")
    return _UNWANTED.sub("", text)


def localized_text(text: Text | None, language: str, fallback: str) -> str:
    """A content text as shown in `language` (`fallback` when missing), without controls."""
    return shown_text(localize(text, language, fallback))


_DRAWN_EMPTY = frozenset("\u115f\u1160\u3164\uffa0\u2800")  # fillers: letters that show nothing


def _shows_nothing(char: str) -> bool:
    """True for a character that leaves no mark: a space, a format character, a filler."""
    return char.isspace() or unicodedata.category(char) == "Cf" or char in _DRAWN_EMPTY


def is_blank(text: str) -> bool:
    """True when `text`, as the kiosk draws it, leaves no mark on the screen."""
    return all(_shows_nothing(char) for char in shown_text(text))


def visible_text(text: Text | None, language: str, fallback: str) -> str | None:
    """`localized_text`, or None when it shows nothing (empty, spaces, invisible)."""
    shown = localized_text(text, language, fallback)
    return None if is_blank(shown) else shown


def blank_message(text: str, leave_out: str = "") -> str | None:
    """The warning for a text that shows nothing, or None when it shows something.

    `leave_out` names an optional field the editor may simply remove instead.
    """
    if not is_blank(text):
        return None
    hidden = [char for char in dict.fromkeys(text) if not char.isspace()]
    if not text:
        what = "is empty"
    elif not hidden:
        what = "holds only spaces"
    else:
        what = f"holds only characters that show nothing ({', '.join(map(describe, hidden[:4]))})"
    instead = f", or leave out \"{leave_out}\"" if leave_out else ""
    return f"{what}, so the kiosk shows nothing here: write the text{instead}"


def unwanted(text: str) -> list[str]:
    """The unwanted characters of `text`, once each in order of appearance."""
    return list(dict.fromkeys(_UNWANTED.findall(_LINE_BREAKS.sub("\n", text))))


def describe(char: str) -> str:
    """Name an invisible character: "RLO (U+202E)", or just "U+FFFE" when it has no short name."""
    code = ord(char)
    name = _NAMES.get(code)
    return f"{name} (U+{code:04X})" if name else f"U+{code:04X}"


def unwanted_message(chars: list[str]) -> str:
    """The warning for a text holding the unwanted characters `chars` (from `unwanted`)."""
    names = [describe(char) for char in chars[:6]]
    listed = ", ".join(names) + (f" and {len(chars) - 6} more" if len(chars) > 6 else "")
    reorders = any(ord(char) in _REORDERING for char in chars)
    why = ' (a direction override reorders text: "txt.exe" would read "exe.txt")'
    return (
        f"invisible control characters: {listed}; the kiosk leaves them out"
        f"{why if reorders else ''}. Delete them (they often come with text pasted from "
        "another program)"
    )
