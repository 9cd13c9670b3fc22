"""A strict JSON parser (RFC 8259) that remembers where every key and value is.

`parse` returns the value and a map from paths such as ``("panels", 2, "title")`` to
the 1-based (line, column) of that key (object members) or value (array items and the
top level). Syntax errors raise `JSONSyntaxError` with a position and a plain-words hint
for the usual slips made by hand in a text editor (worded in `kiosk.core.content.syntax_hints`).
The parser is a loop with an explicit stack, so deep nesting cannot overflow Python's
recursion limit, and it refuses files over 2 MB or nested more than 64 levels.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from kiosk.core.content import file_hints as files
from kiosk.core.content import number_hints as numbers
from kiosk.core.content import syntax_hints as words

MAX_DEPTH = 64
MAX_BYTES = 2_000_000

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]

_WS = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_NUMBER_TAIL = re.compile(r"[\w.+-]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LITERALS = {"true": True, "false": False, "null": None}
_CLOSER = {"{": "}", "[": "]"}


class JSONSyntaxError(ValueError):
    """A document is not valid JSON; `line` and `column` are 1-based, None if unknown."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True)
class DuplicateKey:
    """A key given twice in one object (the later value wins)."""

    path: JsonPath
    line: int
    column: int
    first_line: int


@dataclass(frozen=True)
class Parsed:
    """A parsed document: the value, where each path is, and any duplicate keys."""

    value: Any
    positions: dict[JsonPath, Position]
    duplicates: tuple[DuplicateKey, ...]


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: JsonPath
    opener: int
    key: str = ""


def decode(data: bytes) -> str:
    """Decode a file's bytes as UTF-8 (a BOM is allowed); raise JSONSyntaxError if not."""
    if len(data) > MAX_BYTES:
        raise JSONSyntaxError(files.too_large(len(data), MAX_BYTES))
    if files.looks_like_utf16_or_32(data):
        raise JSONSyntaxError(files.NOT_UTF8_WIDE)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode("utf-8", "replace")) + 1
        raise JSONSyntaxError(files.not_utf8(data[exc.start]), line, column) from None


def parse_bytes(data: bytes) -> Parsed:
    """Decode and parse a whole file; raise JSONSyntaxError when it is not JSON.

    A file that does not even start like a JSON document (``content.json ->
    /etc/passwd``, a picture saved under the wrong name) gets one message that
    quotes nothing from it: its words are not the editor's, and may be private.
    """
    try:
        text = decode(data)
    except JSONSyntaxError:
        if files.starts_like_json(data):
            raise
        raise JSONSyntaxError(files.NOT_JSON, 1, 1) from None
    return parse(text)


def parse(text: str) -> Parsed:
    """Parse one JSON document; raise JSONSyntaxError with a position and a hint."""
    if len(text) > MAX_BYTES:
        raise JSONSyntaxError(files.too_large(len(text), MAX_BYTES))
    return _Parser(text).run()


class _Parser:
    """One parse: the text, the offset and the stack of open containers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.stack: list[_Frame] = []
        self.positions: dict[JsonPath, Position] = {}
        self.duplicates: list[DuplicateKey] = []
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def where(self, offset: int) -> Position:
        """Return the 1-based (line, column) of a character offset."""
        line = bisect_right(self.newlines, offset - 1)
        start = self.newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1

    def fail(self, message: str, offset: int) -> JSONSyntaxError:
        """Build the error for `message` at `offset`."""
        return JSONSyntaxError(message, *self.where(offset))

    def skip(self) -> str:
        """Skip whitespace and return the next character ('' at the end)."""
        self.pos = _WS.match(self.text, self.pos).end()  # type: ignore[union-attr]
        return self.text[self.pos : self.pos + 1]

    def need(self) -> str:
        """Like `skip`, but the end of the text inside a container is an error."""
        char = self.skip()
        if not char and self.stack:
            frame = self.stack[-1]
            opener = self.text[frame.opener]
            where, depth = self.where(frame.opener), len(self.stack)
            message = words.unclosed(opener, _CLOSER[opener], where, self.text, depth)
            raise self.fail(message, self.pos)
        return char

    def run(self) -> Parsed:
        """Parse the whole text."""
        if not self.skip():
            raise JSONSyntaxError(files.BLANK_FILE if self.text else files.EMPTY_FILE)
        done, value = self.first_value()
        while not done or self.stack:
            done, value = self.after_value(value) if done else self.after_open()
        if self.skip():
            slip = words.common_slip(self.text, self.pos)
            raise self.fail(slip or words.after_end(self.text[self.pos]), self.pos)
        return Parsed(value, self.positions, tuple(self.duplicates))

    def first_value(self) -> tuple[bool, Any]:
        """Start the top-level value; a file that does not start with one is not JSON.

        Its message quotes nothing from the file (see `parse_bytes`).
        """
        start = self.pos
        try:
            return self.start_value(())
        except JSONSyntaxError:
            raise self.fail(files.NOT_JSON, start) from None

    def start_value(self, path: JsonPath) -> tuple[bool, Any]:
        """Read a scalar, or open a container; the flag is True when a value is complete."""
        char = self.need()
        if not self.stack or isinstance(self.stack[-1].container, list):
            self.positions[path] = self.where(self.pos)
        if char in _CLOSER:
            if len(self.stack) >= MAX_DEPTH:
                raise self.fail(files.too_deep(MAX_DEPTH), self.pos)
            container: dict[str, Any] | list[Any] = {} if char == "{" else []
            self.stack.append(_Frame(container, path, self.pos))
            self.pos += 1
            return False, None
        if char == '"':
            return True, self.string()
        if char == "-" or "0" <= char <= "9":
            return True, self.number()
        word = words.word_at(self.text, self.pos)
        if word in _LITERALS:
            self.pos += len(word)
            return True, _LITERALS[word]
        raise self.fail(words.bad_value(self.text, self.pos), self.pos)

    def string(self) -> str:
        """Read a string starting at the current double quote."""
        start = self.pos
        match = _STRING.match(self.text, start)
        if match is None:
            offset, message = words.bad_string(self.text, start)
            raise self.fail(message, offset)
        self.pos = match.end()
        raw = match.group()
        if "\\" not in raw:
            return raw[1:-1]
        value = scanstring(self.text, start + 1, True)[0]
        if _SURROGATE.search(value):
            raise self.fail(words.LONE_SURROGATE, start)
        return value

    def number(self) -> int | float:
        """Read a number; reject leading zeros, bare dots, and numbers too large."""
        start = self.pos
        match = _NUMBER.match(self.text, start)
        end = match.end() if match else start
        if match is None or _NUMBER_TAIL.match(self.text, end):
            raise self.fail(numbers.bad_number(self.text, start), start)
        token = match.group()
        if len(token) > 100:
            raise self.fail(numbers.NUMBER_TOO_LARGE, start)
        self.pos = end
        if token.lstrip("-").isdigit():
            return int(token)
        value = float(token)
        if value in (float("inf"), float("-inf")):
            raise self.fail(numbers.NUMBER_TOO_LARGE, start)
        return value

    def after_open(self) -> tuple[bool, Any]:
        """Just after '{' or '[': the container is empty, or its first item starts."""
        frame = self.stack[-1]
        if self.need() == _CLOSER[self.text[frame.opener]]:
            self.pos += 1
            return True, self.stack.pop().container
        return self.next_item(frame)

    def next_item(self, frame: _Frame) -> tuple[bool, Any]:
        """Start the next item of `frame`: a value, or a key, a colon and a value."""
        if isinstance(frame.container, list):
            return self.start_value((*frame.path, len(frame.container)))
        frame.key = self.key(frame)
        if self.need() != ":":
            raise self.fail(words.missing_colon(frame.key, self.text, self.pos), self.pos)
        self.pos += 1
        return self.start_value((*frame.path, frame.key))

    def key(self, frame: _Frame) -> str:
        """Read an object key and remember where it is."""
        if self.need() != '"':
            offset, message = words.bad_key(self.text, self.pos)
            raise self.fail(message, offset)
        line, column = self.where(self.pos)
        key = self.string()
        path = (*frame.path, key)
        if key in frame.container:
            first_line = self.positions[path][0]
            self.duplicates.append(DuplicateKey(path, line, column, first_line))
        self.positions[path] = (line, column)
        return key

    def after_value(self, value: Any) -> tuple[bool, Any]:
        """Store a finished value in its container, then expect ',' or the closer."""
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
        else:
            frame.container[frame.key] = value
        value_end = self.pos
        char = self.need()
        if char == ",":
            comma = self.pos
            self.pos += 1
            if self.need() in ("]", "}"):
                raise self.fail(words.TRAILING_COMMA, comma)
            return self.next_item(frame)
        if char == _CLOSER[self.text[frame.opener]]:
            self.pos += 1
            return True, self.stack.pop().container
        raise self.unexpected_after(frame, value, value_end)

    def unexpected_after(self, frame: _Frame, value: Any, value_end: int) -> JSONSyntaxError:
        """Explain what is wrong after a finished value inside `frame`."""
        slip = words.common_slip(self.text, self.pos)
        if slip:
            return self.fail(slip, self.pos)
        if self.text[self.pos] in "]}":
            opener = self.text[frame.opener]
            line, column = self.where(frame.opener)
            message = words.wrong_closer(self.text[self.pos], opener, _CLOSER[opener], line, column)
            return self.fail(message, self.pos)
        in_list = isinstance(frame.container, list)
        message = words.after_item(self.text, (value_end, self.pos), value, in_list)
        return self.fail(message, value_end)
