import re
from decimal import Decimal

import pytest

from kiosk.core.content.numbers import (
    compact_exponent,
    count_up,
    format_count,
    format_figure,
    locale_for,
)

NBSP = "\u00a0"  # what Babel 2.19 gives for fr_CA grouping and before "$" / "%"


def cc(value, language, **kwargs):
    return format_figure(value, "currency-compact", language, **kwargs)


def numeric(text: str, language: str) -> Decimal:
    """The number inside a formatted figure, e.g. '7,1 milliards $' -> 7.1."""
    decimal_mark = "," if language == "fr" else "."
    digits = "".join(c for c in text if c.isdigit() or c == decimal_mark)
    return Decimal(digits.replace(",", "."))


def test_language_to_locale():
    assert str(locale_for("en")) == "en_CA"
    assert str(locale_for("fr")) == "fr_CA"
    assert str(locale_for("de")) == "de"
    assert str(locale_for("xx")) == "en_CA"


@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        (7.1e9, "$7.1 billion", f"7,1 milliards{NBSP}$"),
        (8.9e9, "$8.9 billion", f"8,9 milliards{NBSP}$"),
        (3.2e9, "$3.2 billion", f"3,2 milliards{NBSP}$"),
        (1e9, "$1.0 billion", f"1,0 milliard{NBSP}$"),
        (1.05e9, "$1.1 billion", f"1,1 milliard{NBSP}$"),  # half-up, singular below 2
        (1e12, "$1.0 trillion", f"1,0 billion{NBSP}$"),
        (2e12, "$2.0 trillion", f"2,0 billions{NBSP}$"),
        (999_999, "$1.0 million", f"1,0 million{NBSP}$"),  # no "1,000.0 thousand"
        (2.5e6, "$2.5 million", f"2,5 millions{NBSP}$"),
        (148_200, "$148.2 thousand", f"148,2 mille{NBSP}$"),
        (1000, "$1.0 thousand", f"1,0 mille{NBSP}$"),
        (999, "$999", f"999{NBSP}$"),
        (1, "$1", f"1{NBSP}$"),
        (0, "$0", f"0{NBSP}$"),
    ],
)
def test_currency_compact(value, en, fr):
    assert cc(value, "en") == en
    assert cc(value, "fr") == fr


def test_currency_compact_uses_words_not_letters():
    assert "B" not in cc(7.1e9, "en")
    assert "G" not in cc(7.1e9, "fr")


def test_currency_compact_decimals():
    assert cc(7.1e9, "en", decimals=0) == "$7 billion"
    assert cc(7.14e9, "en", decimals=2) == "$7.14 billion"
    assert cc(999.96, "en") == "$1.0 thousand"


def test_currency_compact_other_currency_uses_locale_symbol():
    assert cc(7.1e9, "en", currency="USD") == "US$7.1 billion"
    assert cc(7.1e9, "fr", currency="EUR") == f"7,1 milliards{NBSP}€"


def test_compact_fixed_scale_of_final_value():
    assert cc(3.55e9, "en", scale_of=7.1e9) == "$3.6 billion"
    assert cc(0, "en", scale_of=7.1e9) == "$0.0 billion"
    assert cc(0, "fr", scale_of=7.1e9) == f"0,0 milliard{NBSP}$"
    assert cc(1.9e9, "fr", scale_of=7.1e9) == f"1,9 milliard{NBSP}$"
    assert cc(2e9, "fr", scale_of=7.1e9) == f"2,0 milliards{NBSP}$"
    assert cc(950e6, "en", scale_of=1.2e9) == "$1.0 billion"
    assert cc(950e6, "en", scale_of=950e6) == "$950.0 million"


@pytest.mark.parametrize(
    ("value", "exponent"),
    [(0, 0), (999, 0), (1000, 3), (148_200, 6 - 3), (999_949, 3), (999_950, 6), (7.1e9, 9)],
)
def test_compact_exponent(value, exponent):
    assert compact_exponent(value, "en") == exponent


@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        (148_200, "$148,200", f"148{NBSP}200{NBSP}$"),
        (0, "$0", f"0{NBSP}$"),
        (999_999, "$999,999", f"999{NBSP}999{NBSP}$"),
        (1e9, "$1,000,000,000", f"1{NBSP}000{NBSP}000{NBSP}000{NBSP}$"),
    ],
)
def test_currency_full(value, en, fr):
    assert format_figure(value, "currency", "en") == en
    assert format_figure(value, "currency", "fr") == fr


def test_currency_full_decimals():
    assert format_figure(148_200.5, "currency", "en", decimals=2) == "$148,200.50"
    assert format_figure(0.5, "currency", "en") == "$1"  # half-up


@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        (148_200, "148,200", f"148{NBSP}200"),
        (0, "0", "0"),
        (1, "1", "1"),
        (999, "999", "999"),
        (1000, "1,000", f"1{NBSP}000"),
        (999_999, "999,999", f"999{NBSP}999"),
        (1e12, "1,000,000,000,000", NBSP.join(["1", "000", "000", "000", "000"])),
    ],
)
def test_number(value, en, fr):
    assert format_figure(value, "number", "en") == en
    assert format_figure(value, "number", "fr") == fr


def test_number_decimals():
    assert format_figure(1234.5, "number", "en", decimals=1) == "1,234.5"
    assert format_figure(1234.5, "number", "fr", decimals=2) == f"1{NBSP}234,50"


@pytest.mark.parametrize(
    ("value", "decimals", "en", "fr"),
    [
        (12.5, None, "12.5%", f"12,5{NBSP}%"),
        (12, None, "12%", f"12{NBSP}%"),
        (0, None, "0%", f"0{NBSP}%"),
        (100, None, "100%", f"100{NBSP}%"),
        (12.5, 0, "13%", f"13{NBSP}%"),
        (33.333, 2, "33.33%", f"33,33{NBSP}%"),
    ],
)
def test_percent(value, decimals, en, fr):
    assert format_figure(value, "percent", "en", decimals=decimals) == en
    assert format_figure(value, "percent", "fr", decimals=decimals) == fr


def test_percent_decimals_follow_the_final_value_while_counting():
    assert format_figure(6.3, "percent", "en", scale_of=12) == "6%"
    assert format_figure(6.0, "percent", "en", scale_of=12.5) == "6.0%"


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="unknown figure format"):
        format_figure(1, "bogus", "en")


def test_count_up_endpoints():
    final = 7.1e9
    assert count_up(final, 0.0) == 0.0
    assert count_up(final, 0.5, delay=0.5) == 0.0
    assert count_up(final, 1.5) == final
    assert count_up(final, 99.0) == final
    assert count_up(0.1 + 0.2, 10.0) == 0.1 + 0.2  # exactly, no rounding error
    assert count_up(final, 0.75) == pytest.approx(final * 0.875)
    assert count_up(final, 1.25, delay=0.5) == pytest.approx(final * 0.875)


def test_count_up_zero_duration_is_instant():
    assert count_up(148_200, 0.0, duration=0.0) == 148_200
    assert count_up(148_200, -0.1, duration=0.0) == 0.0


def test_count_up_is_non_decreasing():
    values = [count_up(8.9e9, i / 100) for i in range(200)]
    assert values == sorted(values)


FIGURES = [
    (7.1e9, "currency-compact", "en", "$7.1 billion"),
    (8.9e9, "currency-compact", "en", "$8.9 billion"),
    (3.2e9, "currency-compact", "en", "$3.2 billion"),
    (148_200, "number", "en", "148,200"),
    (7.1e9, "currency-compact", "fr", f"7,1 milliards{NBSP}$"),
    (148_200, "number", "fr", f"148{NBSP}200"),
    (12.5, "percent", "fr", f"12,5{NBSP}%"),
    (950e6, "currency-compact", "en", "$950.0 million"),
    (999_999, "currency-compact", "fr", f"1,0 million{NBSP}$"),
]


@pytest.mark.parametrize(("final", "fmt", "language", "settled"), FIGURES)
def test_count_sequence_is_non_decreasing_and_ends_on_the_figure(final, fmt, language, settled):
    times = [i / 60 for i in range(0, 2 * 60)]  # 60 frames a second for 2 s
    texts = [format_count(final, t, fmt, language, delay=0.2) for t in times]
    numbers = [numeric(text, language) for text in texts]
    assert numbers == sorted(numbers)
    assert texts[-1] == settled == format_figure(final, fmt, language)
    assert numeric(texts[0], language) == 0


@pytest.mark.parametrize(("final", "fmt", "language", "settled"), FIGURES)
def test_count_keeps_its_unit(final, fmt, language, settled):
    def unit(text: str) -> str:
        """The unit word and symbol, singular: '7,1 milliards $' -> 'milliard$'."""
        return re.sub(r"[\d.,\s\u00a0\u202f]", "", text).replace("s", "")

    texts = {unit(format_count(final, i / 20, fmt, language)) for i in range(40)}
    assert texts == {unit(settled)}


def test_count_starts_at_zero_of_the_final_unit():
    assert format_count(7.1e9, 0.0, "currency-compact", "en") == "$0.0 billion"
    assert format_count(7.1e9, 0.0, "currency-compact", "fr") == f"0,0 milliard{NBSP}$"
    assert format_count(950e6, 1.0, "currency-compact", "en").endswith(" million")


@pytest.mark.parametrize(
    ("value", "fmt", "en", "fr"),
    [
        (7.4, "currency-compact", "$7.4", f"7,4{NBSP}$"),  # one decimal, as the docs say
        (0.04, "currency-compact", "$0.04", f"0,04{NBSP}$"),
        (999.94, "currency-compact", "$999.9", f"999,9{NBSP}$"),
        (0.4, "currency", "$0.4", f"0,4{NBSP}$"),
        (0.04, "percent", "0.04%", f"0,04{NBSP}%"),
        (0.004, "number", "0.004", "0,004"),
    ],
)
def test_the_only_significant_digits_are_never_rounded_away(value, fmt, en, fr):
    assert format_figure(value, fmt, "en") == en
    assert format_figure(value, fmt, "fr") == fr


def test_a_count_up_keeps_the_decimals_of_its_final_value():
    assert format_count(7.4, 0.0, "currency-compact", "en") == "$0.0"
    assert format_count(7.4, 99.0, "currency-compact", "en") == "$7.4"
