"""Plain-words hints for the slips of editing content.json by hand: what to do, and where."""

from __future__ import annotations

import pytest

from tests.support import assert_syntax_error, syntax_error

# A settings object as staff type it; each case below breaks one line of it.
SETTINGS = '{\n  "id": "closing",\n  "value": 7100000000,\n  "stacked": false\n}\n'


def _slip(old: str, new: str) -> str:
    assert old in SETTINGS
    return SETTINGS.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "words", "line", "column"),
    [
        # commas
        (_slip('"closing",', '"closing",,'), "two commas in a row: remove one", 2, 19),
        ('{"id": 0,,,}', "two commas in a row: remove one", 1, 10),
        ("[1,,2]", "two commas in a row: remove one", 1, 4),
        ("[,1]", "a value is missing before this comma: remove the comma", 1, 2),
        ("{,}", "remove this comma", 1, 2),
        (_slip('"stacked": false', '"stacked": false,'), "trailing comma: remove the comma", 4, 19),
        ('{"a": 1},', "a comma after the end of the document: remove it", 1, 9),
        # colons and keys
        (_slip('"id": "closing"', '"id" "closing"'), 'colon : is missing after the key "id"', 2, 8),
        (_slip('"id": "closing"', '"id" "closing"'), 'write "id": followed by its value', 2, 8),
        ('{"x", null}', 'the key "x" has no value', 1, 5),
        ('{"a": 1, "b"}', 'the key "b" has no value', 1, 13),
        ('{"x"::"b"}', "two colons in a row: remove one", 1, 6),
        ('{:"b"}', "the key is missing before this colon", 1, 2),
        (
            _slip('"id": "closing"', '"id: "closing"'),
            "a double quote is missing after the key id",
            2,
            9,
        ),
        ('{"a": , "b": 1}', "a value is missing after the colon, before this ,", 1, 7),
        ('["": 1]', "a colon : inside a list [ ]", 1, 4),
        # an unclosed text runs on to the next key's opening quote
        ('{"en": "Spark, "fr": "Étincelle"}', 'the text "Spark" is not closed', 1, 17),
        ('{"en": "Spark, "fr": "Étincelle"}', 'closing double quote: "Spark", "fr": ...', 1, 17),
        ('{"en": "Spark "fr": "x"}', 'or, if the text ends there, close it: "Spark", "fr"', 1, 16),
        ('{"en": "a "quote" in it"}', 'a double quote inside a text must be written \\"', 1, 12),
        # brackets
        (SETTINGS.rstrip().removesuffix("}"), "add the missing } at the end of the file", 5, 1),
        ('{"x": true,', "at the end of the file (and remove the last comma)", 1, 12),
        ('{"x":', "(the last key has no value)", 1, 6),
        ('{\n  "a": [1, 2\n}', "add the missing ] before it, or change this } to ]", 3, 1),
        # true, false, null
        (_slip("false", "False"), "write false in lower case", 4, 14),
        (_slip("false", "NULL"), "write null in lower case", 4, 14),
        (_slip("false", "tru"), "did you mean true?", 4, 14),
        (_slip("false", "flase"), "did you mean false?", 4, 14),
        (_slip("false", "nul"), "did you mean null?", 4, 14),
        (_slip("false", "yes"), "write true or false (without quotes), not yes", 4, 14),
        (_slip("false", "none"), "write null, not none", 4, 14),
        # numbers
        (_slip("7100000000", "07100000000"), "no leading zeros: write 7100000000", 3, 12),
        ('{"pin": 0123}', 'a PIN or code like "0123" goes in quotes', 1, 9),
        (_slip("7100000000", "7,1"), "a comma inside a number: write decimals with a dot", 3, 13),
        (_slip("7100000000", "7 100 000 000"), "write 7100000000, not 7 100 000 000", 3, 13),
        ("[1 000]", "(or, between two numbers of a list, add a comma)", 1, 3),
        (_slip("7100000000", "7.1 billion"), "write the number alone, in full", 3, 15),
        (_slip("7100000000", "12.5%"), "no unit, %, currency sign or words", 3, 16),
        (_slip("7100000000", "7.1B"), "write the number alone, in full", 3, 12),
        (_slip("7100000000", "$7100000000"), "write 7100000000, not $7100000000", 3, 12),
        ('{"a": .5}', "write a 0 before the dot: 0.5", 1, 7),
        ('{"a": 2.}', "a dot must be followed by decimals: write 2 or 2.5", 1, 7),
        ('{"a": +3}', "remove the + sign: write 3", 1, 7),
    ],
)
def test_slips_say_what_to_do_and_where(text, words, line, column):
    assert_syntax_error(text, words, line, column)


@pytest.mark.parametrize("text", ["[1 true]", "[1 null]", '[1 "a"]'])
def test_a_value_after_a_number_is_a_missing_comma(text):
    assert "missing comma" in syntax_error(text).message


def test_huge_numbers_with_leading_zeros_are_worded_without_failing():
    assert "no leading zeros" in syntax_error("[0" + "1" * 6000 + "]").message
