"""Problems found in a content file, and how they are worded and located.

A `Problem` says what is wrong in plain words, what is allowed and how to fix it, and
where: a path such as ``panels[2].dwell_seconds`` and a line and column. This module
also holds the wording of JSON syntax errors, with hints for the slips people make
when they edit content.json by hand in Notepad.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

SAVE_AS_UTF8 = "in Notepad choose File > Save As, set Encoding to UTF-8 and save again"
EMPTY_FILE = "the file is empty: it must hold one JSON object, starting with { and ending with }"
BLANK_FILE = (
    "the file holds only blank space: it must hold one JSON object, starting with { "
    "and ending with }"
)
NOT_UTF8_WIDE = f"the file is saved as UTF-16 or UTF-32, not UTF-8; {SAVE_AS_UTF8}"
TRAILING_COMMA = "trailing comma: remove the comma after the last item"
LONE_SURROGATE = "a \\uD800-style escape without its partner; type the character itself instead"
NUMBER_TOO_LARGE = "this number is too long or too large; write a plain number up to 1e15"
NUMBER_FORM = (
    "write numbers like 12, 0.5 or 7100000000 (no quotes, no leading zeros, "
    "no spaces or thousands separators, a dot for decimals)"
)
_NAN_WORDS = {"nan", "infinity", "-infinity", "-nan", "inf", "-inf", "+inf", "+infinity"}
_WORD = re.compile(r"[+-]?[^\W\d][\w$-]*")
_STRING_BODY = re.compile(r'(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*')
_TOKEN = re.compile(r"[\w.+-]*")


@dataclass(frozen=True)
class Problem:
    """One problem in a content file.

    Parameters
    ----------
    severity
        "error" (the file cannot be used) or "warning" (it can, but check this).
    message
        Plain words: what is wrong, what is allowed, how to fix it.
    path
        Where in the document, e.g. "panels[2].dwell_seconds"; "" for the whole file.
    line, column
        1-based position in the file, None when unknown.
    """

    severity: Severity
    message: str
    path: str = ""
    line: int | None = None
    column: int | None = None


def error(message: str, path: str = "", where: tuple[int, int] | None = None) -> Problem:
    """Build an error at `path`, placed at `where` = (line, column) when known."""
    line, column = where if where else (None, None)
    return Problem("error", message, path, line, column)


def warning(message: str, path: str = "", where: tuple[int, int] | None = None) -> Problem:
    """Build a warning at `path`, placed at `where` = (line, column) when known."""
    line, column = where if where else (None, None)
    return Problem("warning", message, path, line, column)


def format_problem(problem: Problem, filename: str) -> str:
    """Format a problem like a compiler: ``content.json:14:7: error: path: message``."""
    place = filename
    if problem.line is not None:
        place += f":{problem.line}"
        if problem.column is not None:
            place += f":{problem.column}"
    path = f"{problem.path}: " if problem.path else ""
    return f"{place}: {problem.severity}: {path}{problem.message}"


def format_path(path: Sequence[str | int]) -> str:
    """Format a path tuple as ``panels[2].title.en``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def sort_key(problem: Problem) -> tuple[int, int, int]:
    """Order problems: whole-file ones first, then by line and column."""
    return (problem.line is not None, problem.line or 0, problem.column or 0)


# Wording of JSON syntax errors ------------------------------------------------------


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


def describe(char: str) -> str:
    """Name a character for a message: 'x' when printable, else U+0001."""
    return f"'{char}'" if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


def word_at(text: str, pos: int) -> str:
    """Return the bare word (letters, digits, _ $ -) starting at `pos`, or ''."""
    match = _WORD.match(text, pos)
    return match.group() if match else ""


def common_slip(text: str, pos: int) -> str | None:
    """Name a comment, curly quote or single quote at `pos`; None when it is none of those."""
    char = text[pos : pos + 1]
    if text.startswith(("//", "/*"), pos):
        return "comments (// or /* */) are not allowed in JSON; remove the comment"
    if char and char in "“”„‟«»‘’‚‛":
        return (
            f"curly quote {char} (pasted from a word processor?): JSON needs straight "
            'double quotes "; retype the quotes in a plain-text editor'
        )
    if char == "'":
        return 'single quotes are not allowed: put text and keys in double quotes "..."'
    return None


def bad_value(text: str, pos: int) -> str:
    """Explain why no value starts at `pos`."""
    slip = common_slip(text, pos)
    if slip:
        return slip
    char, word = text[pos], word_at(text, pos)
    if char in "]}":
        return f"a value is missing before this {char}"
    if char == ",":
        return "a value is missing before this comma (two commas in a row?)"
    if word.lower() in _NAN_WORDS:
        return "NaN and Infinity are not allowed; write an ordinary number"
    if word.lower() in ("true", "false", "null"):
        return f"write {word.lower()} in lower case"
    if word == "None":
        return "write null, not None"
    if word:
        return f'text must be in double quotes: "{word[:30]}"'
    if char in "+.":
        return f"not a valid number; {NUMBER_FORM}"
    return (
        f"unexpected character {describe(char)}: expected a value (text in double quotes, "
        "a number, true, false, null, { or [)"
    )


def bad_key(text: str, pos: int) -> str:
    """Explain why no key starts at `pos`."""
    slip = common_slip(text, pos)
    if slip:
        return slip
    word = word_at(text, pos)
    if word:
        return f'keys must be in double quotes: "{word[:30]}"'
    return f"expected a key in double quotes, found {describe(text[pos])}"


def missing_colon(key: str, text: str, pos: int) -> str:
    """Explain the missing colon after `key`."""
    slip = common_slip(text, pos)
    if slip:
        return slip
    if text[pos] == "=":
        return f'use a colon : after the key "{key}", not ='
    return f'a colon : is missing after the key "{key}"'


def bad_string(text: str, start: int) -> tuple[int, str]:
    """Locate and explain what breaks the string starting at `start`."""
    end = _STRING_BODY.match(text, start + 1).end()  # type: ignore[union-attr]
    char = text[end : end + 1]
    if not char:
        return start, 'this text is never closed: add the closing double quote "'
    if char in "\r\n":
        return start, (
            'the closing double quote " is missing on this line (a text cannot run '
            "over two lines; write \\n for a line break)"
        )
    if char == "\\":
        escape = text[end : end + 2]
        if escape == "\\u":
            return end, "\\u must be followed by four hex digits, e.g. \\u00e9"
        return end, (
            f"{escape} is not allowed in text: in file paths write / instead of \\; "
            'write \\\\ for a backslash, \\" for a quote, \\n for a new line'
        )
    return end, f"a control character ({describe(char)}) inside a text; delete it"


def bad_number(text: str, start: int) -> str:
    """Explain an invalid number starting at `start`."""
    token = _TOKEN.match(text, start).group()  # type: ignore[union-attr]
    if token.lower() in _NAN_WORDS or word_at(text, start).lower() in _NAN_WORDS:
        return "NaN and Infinity are not allowed; write an ordinary number"
    return f"not a valid number: '{token[:30]}'; {NUMBER_FORM}"


def unclosed(opener: str, closer: str, line: int, column: int) -> str:
    """The text ends inside a container."""
    return (
        f"the file ends before the {opener} opened on line {line}, column {column} "
        f"is closed: add the missing {closer}"
    )


def wrong_closer(found: str, opener: str, closer: str, line: int, column: int) -> str:
    """A closer that does not match the innermost opener."""
    return (
        f"this {found} does not match the {opener} opened on line {line}, "
        f"column {column}: expected {closer} (or a comma before the next item)"
    )


def missing_comma(glued: bool) -> str:
    """Two items without a comma between them."""
    if glued:
        return (
            'a double quote inside a text must be written \\" (or use curly quotes “ ”); '
            "otherwise a comma is missing here"
        )
    return "missing comma between two items: add a comma after this value"


def after_end(char: str) -> str:
    """Text after the end of the document."""
    if char in "]}":
        return (
            f"an extra {char} after the end of the document; remove it, or check the "
            "brackets above for one that closes too early"
        )
    return (
        "unexpected text after the end of the document: the file must hold exactly one "
        "object { ... }; check the brackets above for one that closes too early"
    )


def show_value(value: object) -> str:
    """Show a value from the file as JSON, shortened to about 40 characters."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def locate(
    positions: Mapping[tuple[str | int, ...], tuple[int, int]], path: tuple[str | int, ...]
) -> tuple[int, int] | None:
    """Return where `path` is, else where the nearest enclosing key or item is."""
    for end in range(len(path), -1, -1):
        if path[:end] in positions:
            return positions[path[:end]]
    return None
