"""Warnings for texts and figures longer than fit at their legibility floor.

For every text of every panel, in every listed language, and every settled figure:
when it is longer than `kiosk.core.content.limits` says fits at its floor in
landscape or in portrait, `kiosk validate` says so with the field's path, its length
and the limit, e.g. "panels[3].cards[0].text (fr): 1,480 characters; about 180 fit at
the smallest readable size in landscape, 150 in portrait: shorten it, or the screen
cuts it short with …". The screen does exactly that: nothing is drawn smaller, or
outside its place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.core.content.cleantext import shown_text
from kiosk.core.content.limits import (
    NOTICE_FIELD,
    ORIENTATIONS,
    Field,
    Orientation,
    capacity,
    figure_width,
    panel_fields,
    variant_of,
)
from kiosk.core.content.model import Content, StatsPanel, Text
from kiosk.core.content.numbers import format_figure
from kiosk.core.content.problems import Positions, Problem, format_path, locate

TEXT_FIX = "shorten it, or {screen} cuts it short with …"
FIGURE_FIX = (
    "{screen} draws it smaller than can be read from two metres (a figure is never cut "
    'short); shorten it: fewer decimals, or "format": "currency-compact" for an amount'
)
CROWDS = {
    "cards": "cards",
    "steps": "steps",
    "figures": "figures",
    "categories": "categories",
    "series": "series",
}


@dataclass(frozen=True)
class Overflow:
    """A text, or a settled figure, longer than fits at its floor in some orientation.

    Attributes
    ----------
    field
        The text's field (a figure's is ``stats.figures``, its path the figure's).
    language
        The language of the text; "" for a plain string, shown in every language.
    length
        Its length: characters, or digit widths for a figure.
    room
        How much fits at the floor, in each orientation.
    shown
        A figure as the screen shows it (e.g. "$7.1 billion"); "" for a text.
    """

    field: Field
    language: str
    length: int
    room: dict[Orientation, int]
    shown: str = ""

    def over_in(self, orientation: Orientation) -> bool:
        """True when it does not fit at its floor in `orientation`."""
        return self.length > self.room[orientation]


def overflows(content: Content) -> Iterator[Overflow]:
    """Every text (per language) and settled figure (per language) longer than fits."""
    if content.notice is not None:
        yield from _text_overflows(NOTICE_FIELD, content.notice.text, content.languages)
    for index, panel in enumerate(content.panels):
        for field, text in panel_fields(panel, index):
            yield from _text_overflows(field, text, content.languages)
        if isinstance(panel, StatsPanel):
            yield from _figure_overflows(panel, index, content.languages)


def length_problems(content: Content, positions: Positions) -> list[Problem]:
    """A warning for every text, and every figure, longer than fits at its floor.

    A figure gets one warning, naming the first language in which it is too wide.
    """
    problems: list[Problem] = []
    figures: set[tuple[str | int, ...]] = set()
    for over in overflows(content):
        if over.shown:
            if over.field.path in figures:
                continue
            figures.add(over.field.path)
        problems.append(_warning(over, positions))
    return problems


def _text_overflows(field: Field, text: Text | None, languages: list[str]) -> Iterator[Overflow]:
    """`text` in each language in which it is longer than `field` shows."""
    for language, value in _languages(text, languages):
        yield from _overflow(field, language, len(shown_text(value)))


def _languages(text: Text | None, languages: list[str]) -> Iterator[tuple[str, str]]:
    """(language, text) pairs of a text: "" for a plain string, else each listed language."""
    if text is None:
        return
    if isinstance(text, str):
        yield "", text
        return
    for language, value in text.items():
        if language in languages:
            yield language, value


def _overflow(field: Field, language: str, length: int, shown: str = "") -> Iterator[Overflow]:
    """An `Overflow` when `length` exceeds the field's capacity in either orientation."""
    room = {orientation: capacity(field, orientation) for orientation in ORIENTATIONS}
    if length > min(room.values()):
        yield Overflow(field, language, length, room, shown)


def _warning(over: Overflow, positions: Positions) -> Problem:
    """The warning `kiosk validate` gives for `over`, placed at its text in the file."""
    field = over.field
    if over.shown:  # a figure: placed at its value
        path = (*field.path, "value")
        label, fix = format_path(path), FIGURE_FIX
        noun = f'digits wide ("{over.shown}" in {over.language})'
    else:
        path = (*field.path, over.language) if over.language else field.path
        label = format_path(field.path) + (f" ({over.language})" if over.language else "")
        noun, fix = "characters", TEXT_FIX
    line, column = locate(positions, path) or (None, None)
    crowd = CROWDS.get(field.key.split(".")[-1] if field.count > 1 else "", "")
    message = too_long_message(over.length, over.room, noun, fix, crowd)
    return Problem("warning", message, label, line, column)


def too_long_message(
    length: int, room: dict[Orientation, int], noun: str, fix: str, crowd: str = ""
) -> str:
    """Say how long a text is, how much of it fits at its floor, and what to do.

    "1,480 characters; about 180 fit at the smallest readable size in landscape, 150 in
    portrait: shorten it, or the screen cuts it short with …"
    """
    landscape, portrait = room["landscape"], room["portrait"]
    if length > landscape and length > portrait:
        fits, where = landscape, f"in landscape, {portrait:,} in portrait"
        screen = "the screen"
    else:
        short, other = ORIENTATIONS if length > landscape else ORIENTATIONS[::-1]
        fits, where = room[short], f"in {short} ({room[other]:,} in {other})"
        screen = f"a {short} screen"
    amount = f"about {fits:,} fit" if fits else "none fit"
    fewer = f" (fewer {crowd} leave more room)" if crowd and not fits else ""
    return (
        f"{length:,} {noun}; {amount} at the smallest readable size {where}{fewer}: "
        + fix.format(screen=screen)
    )


def _figure_overflows(panel: StatsPanel, index: int, languages: list[str]) -> Iterator[Overflow]:
    """Each settled figure wider than its place at the figures' floor, per language.

    Figures are measured in digit widths (`limits.figure_width`).
    """
    count, variant = len(panel.figures), variant_of(panel)
    for number, figure in enumerate(panel.figures):
        field = Field(("panels", index, "figures", number), "stats.figures", variant, count)
        for language in languages:
            shown = format_figure(
                figure.value, figure.format, language, figure.currency, figure.decimals
            )
            yield from _overflow(field, language, round(figure_width(shown)), shown)
