"""The wording of JSON syntax errors, with hints for the slips of hand editing.

`kiosk.core.content.jsonparse` finds where a document stops being JSON; the functions here
say why in plain words and what to do, for the slips people make when they edit
content.json by hand in Notepad: comments, curly or single quotes, two commas in a
row, a missing colon or quote, True or NULL. Whole-file problems are worded in
`kiosk.core.content.file_hints`, malformed numbers in `kiosk.core.content.number_hints`.
"""

from __future__ import annotations

import difflib
import re

from kiosk.core.content import number_hints as numbers

TRAILING_COMMA = "trailing comma: remove the comma after the last item"
TWO_COMMAS = "two commas in a row: remove one"
LONE_SURROGATE = "a \\uD800-style escape without its partner; type the character itself instead"
COLON_IN_LIST = (
    "a colon : inside a list [ ]: a list holds values separated by commas; for "
    '"key": value pairs use an object { } instead'
)
_LITERALS = ("true", "false", "null")
_WORD = re.compile(r"[+-]?[^\W\d][\w$-]*")
QUOTE_INSIDE = 'a double quote inside a text must be written \\" (or use curly quotes “ ”)'
_KEY_AFTER = re.compile(r'([^\W\d][\w-]*)"\s*:')
_STRING_BODY = re.compile(r'(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*')


def describe(char: str) -> str:
    """Name a character for a message: 'x' when printable, else U+0001."""
    return f"'{char}'" if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


def word_at(text: str, pos: int) -> str:
    """Return the bare word (letters, digits, _ $ -) starting at `pos`, or ''."""
    match = _WORD.match(text, pos)
    return match.group() if match else ""


def char_before(text: str, pos: int) -> str:
    """Return the last character before `pos` that is not blank space ('' if none)."""
    index = pos - 1
    while index >= 0 and text[index] in " \t\r\n":
        index -= 1
    return text[index] if index >= 0 else ""


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


def misspelt_word(word: str) -> str | None:
    """Explain a bare word that is meant as true, false or null; None if it looks like text."""
    lower = word.lower()
    if lower in _LITERALS:
        return f"write {lower} in lower case"
    if lower in ("none", "nil", "undefined"):
        return f"write null, not {word}"
    if lower in ("yes", "no", "on", "off"):
        return f"write true or false (without quotes), not {word}"
    close = difflib.get_close_matches(lower, _LITERALS, n=1, cutoff=0.75)
    if close:
        return (
            f"did you mean {close[0]}? Write true, false or null in lower case without "
            f'quotes; text goes in double quotes: "{word[:30]}"'
        )
    return None


def bad_value(text: str, pos: int) -> str:
    """Explain why no value starts at `pos`."""
    slip = common_slip(text, pos) or numbers.currency_sign(text, pos)
    if slip:
        return slip
    char, word, before = text[pos], word_at(text, pos), char_before(text, pos)
    if char in ",]}" and before == ":":
        return f"a value is missing after the colon, before this {char}: write one, e.g. 12"
    if char == ",":
        if before == ",":
            return TWO_COMMAS
        return "a value is missing before this comma: remove the comma or put a value before it"
    if char in "]}":
        return f"a value is missing before this {char}"
    if char == ":" and before == ":":
        return "two colons in a row: remove one"
    if numbers.is_not_a_number(word):
        return numbers.NOT_A_NUMBER
    hint = misspelt_word(word) if word else None
    if hint or word:
        return hint or f'text must be in double quotes: "{word[:30]}"'
    if char in "+.":
        return numbers.bad_number(text, pos)
    return (
        f"unexpected character {describe(char)}: expected a value (text in double quotes, "
        "a number, true, false, null, { or [)"
    )


def bad_key(text: str, pos: int) -> tuple[int, str]:
    """Locate and explain why no key starts at `pos`."""
    if numbers.comma_in_number(text, pos):
        return pos - 1, numbers.COMMA_IN_NUMBER
    return pos, _no_key(text, pos)


def _no_key(text: str, pos: int) -> str:
    """Explain the character at `pos`, where a key should start."""
    slip = common_slip(text, pos)
    if slip:
        return slip
    char, word = text[pos], word_at(text, pos)
    if char == ",":
        return TWO_COMMAS if char_before(text, pos) == "," else "remove this comma"
    if char == ":":
        return 'the key is missing before this colon: write "name": value'
    if word:
        return f'keys must be in double quotes: "{word[:30]}"'
    return f'expected a key in double quotes, e.g. "title", found {describe(char)}'


def missing_colon(key: str, text: str, pos: int) -> str:
    """Explain the missing colon after `key`."""
    slip = common_slip(text, pos)
    if slip:
        return slip
    char, name = text[pos], key.split(":")[0].strip()
    if char == "=":
        return f'use a colon : after the key "{key}", not ='
    if char in ",}]":
        comma = " (a colon, not a comma)" if char == "," else ""
        return f'the key "{key}" has no value: write "{key}": and its value{comma}, or remove it'
    if ":" in key and name:
        return f'a double quote is missing after the key {name}: write "{name}": ...'
    return f'a colon : is missing after the key "{key}": write "{key}": followed by its value'


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


def unclosed(opener: str, closer: str, where: tuple[int, int], text: str, depth: int) -> str:
    """The text ends inside a container opened at `where`, `depth` levels deep."""
    before = char_before(text, len(text))
    place = " at the end of the file" if depth == 1 else ""
    extra = {",": " (and remove the last comma)", ":": " (the last key has no value)"}
    return (
        f"the file ends before the {opener} opened on line {where[0]}, column {where[1]} "
        f"is closed: add the missing {closer}{place}{extra.get(before, '')}"
    )


def wrong_closer(found: str, opener: str, closer: str, line: int, column: int) -> str:
    """A closer that does not match the innermost opener."""
    return (
        f"this {found} does not match the {opener} opened on line {line}, column "
        f"{column}: add the missing {closer} before it, or change this {found} to {closer}"
    )


def after_item(text: str, ends: tuple[int, int], value: object, in_list: bool) -> str:
    """Explain what follows a finished value, between `ends` = (its end, the next character)."""
    value_end, pos = ends
    char = text[pos]
    if char == ":" and in_list:
        return COLON_IN_LIST
    same_line = "\n" not in text[value_end:pos]
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    hint = numbers.after_number(text, ends, in_list) if is_number and same_line else None
    if hint:
        return hint
    if isinstance(value, str) and pos == value_end:
        missing_comma = QUOTE_INSIDE + "; otherwise a comma is missing here"
        return unclosed_text(value, text, pos) or missing_comma
    return "missing comma between two items: add a comma after this value"


def unclosed_text(value: str, text: str, pos: int) -> str | None:
    """Explain a text whose closing quote is missing, as in ``"en": "Spark, "fr": "..."``.

    The text then runs on to the next key's opening quote, so it ends with a comma (or a
    space) and the key's name follows it directly, then a quote and a colon. None when the
    document does not look like that.
    """
    key = _KEY_AFTER.match(text, pos)
    meant = value.rstrip().rstrip(",").rstrip()
    if key is None or meant == value or not meant:
        return None
    closed = f'"{meant[:40]}", "{key.group(1)}": ...'
    if value.rstrip().endswith(","):
        return f'the text "{meant[:40]}" is not closed: add its closing double quote: {closed}'
    return f"{QUOTE_INSIDE}; or, if the text ends there, close it: {closed}"


def after_end(char: str) -> str:
    """Text after the end of the document."""
    if char == ",":
        return "a comma after the end of the document: remove it"
    if char in "]}":
        return (
            f"an extra {char} after the end of the document; remove it, or check the "
            "brackets above for one that closes too early"
        )
    return (
        "unexpected text after the end of the document: the file must hold exactly one "
        "object { ... }; check the brackets above for one that closes too early"
    )
