"""The wording of malformed numbers: the slips of typing figures by hand.

A figure is easily typed as people write it on paper: ``7,1``, ``7 100 000``,
``7.1 billion``, ``12.5%``, ``$7.1`` or ``012``. JSON takes none of these; the hints
here say what to write instead.
"""

from __future__ import annotations

import re

NUMBER_TOO_LARGE = "this number is too long or too large; write a plain number up to 1e15"
NUMBER_FORM = (
    "write numbers like 12, 0.5 or 7100000000 (no quotes, no leading zeros, "
    "no spaces or thousands separators, a dot for decimals)"
)
NOT_A_NUMBER = "NaN and Infinity are not allowed; write an ordinary number"
WITH_WORDS = (
    "write the number alone, in full and with digits only, e.g. 7100000000 or 12.5: "
    "no unit, %, currency sign or words (the kiosk formats it)"
)
COMMA_IN_NUMBER = (
    "a comma inside a number: write decimals with a dot (7.1, not 7,1) and thousands "
    "without separators (7100000000, not 7,100,000,000)"
)
_NAN_WORDS = {"nan", "infinity", "-infinity", "-nan", "inf", "-inf", "+inf", "+infinity"}
_TOKEN = re.compile(r"[\w.+-]*")
_LEADING_ZERO = re.compile(r"-?0[0-9]+")
_LEADING_ZEROS = re.compile(r"^(-?)0+(?=[0-9])")
_BARE_DOT = re.compile(r"-?\.[0-9]")
_NO_DECIMALS = re.compile(r"-?[0-9]+\.")
_WITH_LETTERS = re.compile(r"-?[0-9]+(?:\.[0-9]+)?[^\W\d]+")
_SIGNED_WORD = re.compile(r"[+-]?[^\W\d]*")
_DIGITS = re.compile(r"[0-9.]*")
_DIGITS_AND_SPACES = re.compile(r"[0-9 .]*")
_LETTERS = re.compile(r"[^\W\d]+")
_CURRENCY = "$€£¥"
_LITERALS = ("true", "false", "null")


def is_not_a_number(word: str) -> bool:
    """True for NaN, Infinity and their spellings, which JSON does not allow."""
    return word.lower() in _NAN_WORDS


def bad_number(text: str, start: int) -> str:
    """Explain an invalid number (or a +, a dot or a currency sign) starting at `start`."""
    token = _TOKEN.match(text, start).group()  # type: ignore[union-attr]
    word = _SIGNED_WORD.match(token)
    if is_not_a_number(token) or (word and is_not_a_number(word.group())):
        return NOT_A_NUMBER
    return f"not a valid number: '{token[:30]}'; {_number_fix(token)}"


def _number_fix(token: str) -> str:
    """Say how to write a malformed number `token` the JSON way."""
    if token.startswith("+") and len(token) > 1:
        return f"remove the + sign: write {token.lstrip('+')[:30]}"
    if _LEADING_ZERO.fullmatch(token):
        fixed = _LEADING_ZEROS.sub(r"\1", token)[:31]
        return f'no leading zeros: write {fixed} (a PIN or code like "0123" goes in quotes)'
    if _BARE_DOT.match(token):
        return f"write a 0 before the dot: {token.replace('.', '0.', 1)[:31]}"
    if _NO_DECIMALS.fullmatch(token):
        return f"a dot must be followed by decimals: write {token[:-1]} or {token}5"
    if _WITH_LETTERS.fullmatch(token):
        return WITH_WORDS
    return NUMBER_FORM


def currency_sign(text: str, pos: int) -> str | None:
    """Explain a currency sign before a number; None when `pos` holds none."""
    if not text[pos : pos + 1] or text[pos] not in _CURRENCY:
        return None
    digits = _DIGITS.match(text, pos + 1).group()  # type: ignore[union-attr]
    example = f"write {digits[:30]}, not {text[pos]}{digits[:30]}: " if digits else ""
    return f"{example}no currency sign in numbers (the kiosk shows the currency itself)"


def comma_in_number(text: str, pos: int) -> bool:
    """True when a digit at `pos` follows a comma glued to a digit, as in 7,1."""
    return pos >= 2 and text[pos].isdigit() and text[pos - 1] == "," and text[pos - 2].isdigit()


def after_number(text: str, ends: tuple[int, int], in_list: bool) -> str | None:
    """Explain what follows a number on the same line, as in ``7 100`` or ``12.5 %``.

    `ends` holds where the number ends and where the next character is.
    """
    value_end, pos = ends
    char = text[pos]
    if char.isdigit():
        start = value_end
        while start > 0 and text[start - 1] in "0123456789.-":
            start -= 1
        typed = text[start : _DIGITS_AND_SPACES.match(text, pos).end()].strip()  # type: ignore[union-attr]
        hint = f"a space inside a number: write {typed.replace(' ', '')[:30]}, not {typed[:30]}"
        return hint + (" (or, between two numbers of a list, add a comma)" * in_list)
    word = _LETTERS.match(text, pos)
    if char == "%" or char in _CURRENCY or (word and word.group() not in _LITERALS):
        return WITH_WORDS
    return None
