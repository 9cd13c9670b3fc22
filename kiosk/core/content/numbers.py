"""Locale-aware figures for the statistics panel, and their count-up.

A figure is formatted for a kiosk language (``en`` -> ``en_CA``, ``fr`` ->
``fr_CA``) with Babel's CLDR data: "$7.1 billion" / "7,1 milliards $",
"148,200" / "148 200", "12.5%" / "12,5 %".

Rounding is half-up (1.05 billion shows as 1.1 billion), not Babel's
half-even, because readers compare the kiosk with published figures.

Compact currency always shows its `decimals` (default 1), so that a count-up
keeps a steady width ("$0.0 billion" ... "$7.1 billion"); ask for
``decimals=0`` to get "$7 billion". While counting up, the compact unit is
that of the final value (`scale_of`), so the count never flips from
"$950 million" to "$1.0 billion".

Left to their defaults, decimals never hide what staff wrote: a figure with a
fraction keeps one decimal where the docs promise one (compact currency, percent),
and no figure other than 0 ever shows as 0 ("$0.04", not "$0").
"""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale, localedata
from babel.numbers import NumberPattern, get_currency_symbol, parse_pattern

from kiosk.core.show.easing import ease_out_cubic

CANADIAN_LOCALES = {"en": "en_CA", "fr": "fr_CA"}
FALLBACK_LOCALE = "en_CA"
COMPACT_DEFAULT_DECIMALS = 1
MAX_DECIMALS = 3


@lru_cache(maxsize=32)
def locale_for(language: str) -> Locale:
    """The Babel locale used for a kiosk language code.

    ``en`` and ``fr`` map to Canadian locales; any other code maps to itself
    when Babel knows it, else to ``en_CA``.
    """
    name = CANADIAN_LOCALES.get(language, language)
    if not name or not localedata.exists(name):
        name = FALLBACK_LOCALE
    return Locale.parse(name)


def _quantize(value: float | Decimal, decimals: int) -> Decimal:
    """`value` as a Decimal rounded half-up to `decimals` places."""
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _with_decimals(pattern: NumberPattern, decimals: int) -> NumberPattern:
    """A copy of `pattern` that shows exactly `decimals` fraction digits."""
    fixed = copy.copy(pattern)
    fixed.frac_prec = (decimals, decimals)
    return fixed


def _plain(number: Decimal, locale: Locale, decimals: int) -> str:
    """`number` with the locale's grouping and exactly `decimals` digits."""
    pattern = _with_decimals(locale.decimal_formats[None], decimals)
    return pattern.apply(number, locale)


@lru_cache(maxsize=32)
def _compact_divisors(locale: Locale) -> tuple[int, ...]:
    """Exponents of ten that the locale's long compact forms divide by, ascending."""
    exponents: set[int] = set()
    for key, pattern in dict(locale.compact_decimal_formats["long"]["other"]).items():
        zeros = pattern.pattern.count("0")
        if pattern.pattern.strip() != "0" and zeros >= 1:
            exponents.add(len(key) - zeros)
    return tuple(sorted(exponents))


def default_places(reference: float, fraction: int) -> int:
    """Fraction digits shown by default: none for a whole number, else `fraction`.

    More (up to `MAX_DECIMALS`) when `fraction` would round a figure other than 0 to 0:
    the only significant digits are never rounded away.
    """
    if float(reference).is_integer():
        return 0
    places = fraction
    while places < MAX_DECIMALS and _quantize(abs(reference), places) == 0:
        places += 1
    return places


def _compact_places(exponent: int, decimals: int | None, reference: float) -> int:
    """Fraction digits shown at a compact level: 1 with a unit word, else as `default_places`."""
    if decimals is not None:
        return decimals
    if exponent:
        return COMPACT_DEFAULT_DECIMALS
    return default_places(reference, COMPACT_DEFAULT_DECIMALS)


def compact_exponent(value: float, language: str, decimals: int | None = None) -> int:
    """The power of ten that names `value` compactly (9 for billions; 0 for none).

    Rounding is taken into account: 999,999 with one decimal is "1.0 million",
    not "1,000.0 thousand".
    """
    levels = (0, *_compact_divisors(locale_for(language)))
    magnitude = Decimal(repr(abs(float(value))))
    chosen = 0
    for index, exponent in enumerate(levels):
        if exponent and magnitude < 10**exponent:
            break
        chosen = exponent
        places = _compact_places(exponent, decimals, float(value))
        shown = _quantize(magnitude.scaleb(-exponent), places)
        if index + 1 < len(levels) and shown.scaleb(exponent) >= 10 ** levels[index + 1]:
            chosen = levels[index + 1]
    return chosen


def _unit_affixes(locale: Locale, exponent: int, shown: Decimal) -> tuple[str, str]:
    """Prefix and suffix around the number for the unit 10**exponent, plural-aware."""
    forms = locale.compact_decimal_formats["long"]
    key = str(10**exponent)
    plural = locale.plural_form(abs(shown))
    if shown == 1 and key in forms.get("1", {}):
        plural = "1"
    if plural not in forms or key not in forms[plural]:
        plural = "other"
    pattern = parse_pattern(forms[plural][key].pattern)
    return pattern.prefix[0], pattern.suffix[0]


def _compact_number(
    value: float, language: str, decimals: int | None, exponent: int, reference: float
) -> str:
    """`value` divided by 10**exponent, with the locale's unit word ("7.1 billion")."""
    locale = locale_for(language)
    places = _compact_places(exponent, decimals, reference)
    if exponent == 0:
        return _plain(_quantize(value, places), locale, places)
    shown = _quantize(Decimal(repr(float(value))).scaleb(-exponent), places)
    prefix, suffix = _unit_affixes(locale, exponent, shown)
    return f"{prefix}{_plain(shown, locale, places)}{suffix}"


def _currency_affixes(locale: Locale, currency: str) -> tuple[str, str]:
    """Where the locale puts the currency symbol: ("$", "") or ("", "\u00a0$")."""
    pattern = locale.currency_formats["standard"]
    symbol = get_currency_symbol(currency, locale)
    return pattern.prefix[0].replace("¤", symbol), pattern.suffix[0].replace("¤", symbol)


def _currency_compact(
    value: float, language: str, currency: str, decimals: int | None, scale_of: float | None
) -> str:
    """Compact currency, "$7.1 billion" / "7,1 milliards $"; unit of `scale_of` if given."""
    reference = value if scale_of is None else scale_of
    exponent = compact_exponent(reference, language, decimals)
    prefix, suffix = _currency_affixes(locale_for(language), currency)
    number = _compact_number(value, language, decimals, exponent, reference)
    return f"{prefix}{number}{suffix}"


def _currency_full(value: float, language: str, currency: str, decimals: int) -> str:
    """Full currency, "$148,200" / "148 200 $", with exactly `decimals` digits."""
    locale = locale_for(language)
    pattern = _with_decimals(locale.currency_formats["standard"], decimals)
    return pattern.apply(
        _quantize(value, decimals), locale, currency=currency, currency_digits=False
    )


def _percent(value: float, language: str, decimals: int) -> str:
    """`value` percent as written by staff (12.5 -> "12.5%" / "12,5 %")."""
    locale = locale_for(language)
    fraction = _quantize(Decimal(repr(float(value))).scaleb(-2), decimals + 2)
    return _with_decimals(locale.percent_formats[None], decimals).apply(fraction, locale)


def format_figure(
    value: float,
    fmt: str,
    language: str,
    currency: str = "CAD",
    decimals: int | None = None,
    scale_of: float | None = None,
) -> str:
    """Format a figure for a kiosk language.

    Parameters
    ----------
    value : float
        The number to show.
    fmt : str
        One of "currency-compact", "currency", "number", "percent"
        (``kiosk.core.content.model.FigureFormat``).
    language : str
        A kiosk language code ("en", "fr").
    currency : str
        ISO 4217 code, for the currency formats.
    decimals : int or None
        Fraction digits; by default 1 for compact currency with a unit word, and
        otherwise 0 for a whole reference, else 1 (compact currency, percent) or 0
        (currency, number), with more when needed to show a figure other than 0.
    scale_of : float or None
        The final value of a count-up: it fixes the compact unit and the
        default percent decimals, so the text does not change shape mid-count.

    Returns
    -------
    str
        The text to draw.

    Raises
    ------
    ValueError
        For an unknown `fmt`.
    """
    reference = value if scale_of is None else scale_of
    if fmt == "currency-compact":
        return _currency_compact(value, language, currency, decimals, scale_of)
    if fmt == "percent":
        places = default_places(reference, 1) if decimals is None else decimals
        return _percent(value, language, places)
    places = default_places(reference, 0) if decimals is None else decimals
    if fmt == "currency":
        return _currency_full(value, language, currency, places)
    if fmt == "number":
        return _plain(_quantize(value, places), locale_for(language), places)
    raise ValueError(f"unknown figure format {fmt!r}")


def count_up(final: float, t: float, *, duration: float = 1.5, delay: float = 0.0) -> float:
    """The value shown at time `t` of a count from 0 up to `final` (ease-out cubic).

    Returns 0.0 until `delay`, and exactly `final` from ``delay + duration`` on
    (a duration of 0 or less shows `final` at once from `delay`).
    """
    if t >= delay + max(duration, 0.0):
        return final
    if t <= delay:
        return 0.0
    return final * ease_out_cubic((t - delay) / duration)


def format_count(
    final: float,
    t: float,
    fmt: str,
    language: str,
    currency: str = "CAD",
    decimals: int | None = None,
    *,
    duration: float = 1.5,
    delay: float = 0.0,
) -> str:
    """The text shown at time `t` of a figure counting up to `final`.

    Once the count is over it equals ``format_figure(final, fmt, language,
    currency, decimals)``.
    """
    value = count_up(final, t, duration=duration, delay=delay)
    return format_figure(value, fmt, language, currency, decimals, scale_of=final)


def split_figure(text: str) -> tuple[str, str]:
    """Split a formatted figure into its digits and its unit words.

    "$7.1 billion" -> ("$7.1", " billion"); "7,1 milliards $" -> ("7,1", " milliards $");
    a figure without words ("148,200", "12 %") stays whole.
    """
    last = max((i for i, c in enumerate(text) if c.isdigit()), default=len(text) - 1)
    head, tail = text[: last + 1], text[last + 1 :]
    return (head, tail) if any(c.isalpha() for c in tail) else (text, "")

