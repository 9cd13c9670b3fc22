"""The position-tracking JSON parser: values, positions, hints, limits, encodings."""

from __future__ import annotations

import json

import pytest

from kiosk.core.content.jsonparse import (
    MAX_BYTES,
    MAX_DEPTH,
    JSONSyntaxError,
    decode,
    parse,
    parse_bytes,
)
from tests.support import assert_syntax_error, syntax_error

DOC = """{
  "languages": ["en", "fr"],
  "panels": [
    {
      "id": "hello",
      "title": {"en": "Hi"}
    }
  ]
}
"""


def test_values_match_the_standard_library():
    text = '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}, "c": [], "": 0}'
    assert parse(text).value == json.loads(text)


def test_positions_of_keys_and_items():
    positions = parse(DOC).positions
    assert positions[()] == (1, 1)
    assert positions[("languages",)] == (2, 3)
    assert positions[("languages", 1)] == (2, 23)
    assert positions[("panels", 0)] == (4, 5)
    assert positions[("panels", 0, "id")] == (5, 7)
    assert positions[("panels", 0, "title", "en")] == (6, 17)


def test_positions_with_windows_line_endings():
    positions = parse(DOC.replace("\n", "\r\n")).positions
    assert positions[("panels", 0, "id")] == (5, 7)


def test_columns_count_characters_not_bytes():
    positions = parse('{"é": "àà", "k": 1}').positions
    assert positions[("k",)] == (1, 13)


def test_duplicate_keys_are_reported_with_both_lines():
    parsed = parse('{\n  "title": "a",\n  "title": "b"\n}')
    assert parsed.value == {"title": "b"}
    (duplicate,) = parsed.duplicates
    assert duplicate.path == ("title",)
    assert (duplicate.line, duplicate.first_line) == (3, 2)


def test_same_key_in_different_objects_is_not_a_duplicate():
    assert parse('[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]').duplicates == ()


@pytest.mark.parametrize(
    ("text", "words", "line", "column"),
    [
        ('{\n  "a": [1, 2,]\n}', "remove the comma after the last item", 2, 13),
        ('{\n  "a": 1,\n}', "remove the comma after the last item", 2, 9),
        ('{\n  "a": 1\n  "b": 2\n}', "missing comma", 2, 9),
        ("[1\n 2]", "missing comma", 1, 3),
        ('{"a": “Hello”}', "curly quote", 1, 7),
        ("{‘a’: 1}", "curly quote", 1, 2),
        ("{'a': 1}", "single quotes", 1, 2),
        ("{\"a\": 'x'}", "single quotes", 1, 7),
        ('{\n  // note\n  "a": 1\n}', "comments", 2, 3),
        ('{"a": 1 /* note */}', "comments", 1, 9),
        ('{"a": 1}\n// trailing', "comments", 2, 1),
        ('{title: "x"}', 'keys must be in double quotes: "title"', 1, 2),
        ('{"a": NaN}', "NaN and Infinity are not allowed", 1, 7),
        ('{"a": Infinity}', "NaN and Infinity are not allowed", 1, 7),
        ('{"a": -Infinity}', "NaN and Infinity are not allowed", 1, 7),
        ('{"a": True}', "write true in lower case", 1, 7),
        ('{"a": hello}', 'text must be in double quotes: "hello"', 1, 7),
        ('{"a": 012}', "no leading zeros", 1, 7),
        ('{"a": 1.}', "not a valid number", 1, 7),
        ('{"a": .5}', "not a valid number", 1, 7),
        ('{"a": 1e999}', "too large", 1, 7),
        ('{"a": "line\nbreak"}', "closing double quote", 1, 7),
        ('{"a": "C:\\pictures"}', "write / instead of \\", 1, 10),
        ('{"a": "\\u12"}', "four hex digits", 1, 8),
        ('{"a": "\\ud800"}', "without its partner", 1, 7),
        ('{"a": "x\ty"}', "control character", 1, 9),
        ('{"a": "never closed}', "never closed", 1, 7),
        ('{\n  "a": [1, 2\n}', "does not match the [ opened on line 2, column 8", 3, 1),
        ('{\n  "a": 1', "the { opened on line 1, column 1 is closed: add the missing }", 2, 9),
        ('{"a" 1}', 'a colon : is missing after the key "a"', 1, 6),
        ('{"a" = 1}', "not =", 1, 6),
        ('{"a": }', "a value is missing", 1, 7),
        ("[1,,2]", "two commas in a row", 1, 4),
        ('{"a": "say "hi" now"}', 'must be written \\"', 1, 13),
        ('{"a": 1}}', "an extra }", 1, 9),
        ('{"a": 1} {"b": 2}', "after the end of the document", 1, 10),
        ("{\x00}", "U+0000", 1, 2),
    ],
)
def test_hand_editing_slips_are_explained_and_placed(text, words, line, column):
    assert_syntax_error(text, words, line, column)


@pytest.mark.parametrize(("text", "words"), [("", "empty"), ("   \n\t  \r\n", "only blank space")])
def test_empty_file(text, words):
    error = syntax_error(text)
    assert words in error.message
    assert error.line is None


def test_depth_limit():
    assert parse("[" * MAX_DEPTH + "]" * MAX_DEPTH).value is not None
    error = syntax_error("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert "nested too deeply" in error.message


def test_very_deep_nesting_does_not_overflow():
    error = syntax_error("[" * 100_000)
    assert "nested too deeply" in error.message
    error = syntax_error('{"a":' * 100_000)
    assert "nested too deeply" in error.message


def test_size_limit():
    data = b'{"a": "' + b"x" * MAX_BYTES + b'"}'
    with pytest.raises(JSONSyntaxError) as info:
        parse_bytes(data)
    assert "too large" in info.value.message


def test_long_documents_parse():
    document = {"items": [{"id": f"p{i}", "text": "word " * 20, "n": i / 3} for i in range(400)]}
    text = json.dumps(document, indent=2)
    assert len(text) > 50_000
    assert parse(text).value == document


def test_utf8_with_and_without_bom():
    assert parse_bytes('{"a": "é"}'.encode()).value == {"a": "é"}
    assert parse_bytes(b"\xef\xbb\xbf" + '{"a": "é"}'.encode()).value == {"a": "é"}


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_ask_for_utf8(codec):
    with pytest.raises(JSONSyntaxError) as info:
        decode('{"a": "é"}'.encode(codec))
    assert "UTF-8" in info.value.message
    assert "Save As" in info.value.message


def test_invalid_utf8_names_the_line():
    data = b'{\n  "a": "ok",\n  "b": "caf\xe9"\n}'
    with pytest.raises(JSONSyntaxError) as info:
        decode(data)
    assert "not valid UTF-8" in info.value.message
    assert "0xE9" in info.value.message
    assert (info.value.line, info.value.column) == (3, 12)


def test_lone_nul_byte_is_not_taken_for_utf16():
    with pytest.raises(JSONSyntaxError) as info:
        parse_bytes(b'{"abcdefgh": 1, \x00 "b": 2}')
    assert "UTF-16" not in info.value.message


def test_big_integers_and_negative_zero():
    assert parse("[100000000000000000000, -0, -0.0, 1E2]").value == [10**20, 0, -0.0, 100.0]
