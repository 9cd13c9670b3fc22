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


def length_problems(content: Content, positions: Positions) -> list[Problem]:
    """A warning for every text, and every figure, longer than fits at its floor."""
    problems: list[Problem] = []
    if content.notice is not None:
        problems.extend(_text_problems(NOTICE_FIELD, content.notice.text, content, positions))
    for index, panel in enumerate(content.panels):
        for field, text in panel_fields(panel, index):
            problems.extend(_text_problems(field, text, content, positions))
        if isinstance(panel, StatsPanel):
            problems.extend(_figure_problems(panel, index, content, positions))
    return problems


def _text_problems(
    field: Field, text: Text | None, content: Content, positions: Positions
) -> list[Problem]:
    """A warning for each language in which `text` is longer than `field` shows."""
    problems: list[Problem] = []
    for language, value in _languages(text, content.languages):
        length = len(shown_text(value))
        where = (*field.path, language) if language else field.path
        label = format_path(field.path) + (f" ({language})" if language else "")
        problems.extend(_too_long(field, length, "characters", TEXT_FIX,
                                  (label, locate(positions, where))))
    return problems


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


def _too_long(
    field: Field,
    length: int,
    noun: str,
    fix: str,
    place: tuple[str, tuple[int, int] | None],
) -> list[Problem]:
    """A warning at `place` (path, position) when `length` exceeds the field's capacity."""
    room = {orientation: capacity(field, orientation) for orientation in ORIENTATIONS}
    if length <= min(room.values()):
        return []
    path, where = place
    line, column = where or (None, None)
    crowd = CROWDS.get(field.key.split(".")[-1] if field.count > 1 else "", "")
    message = too_long_message(length, room, noun, fix, crowd)
    return [Problem("warning", message, path, line, column)]


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


def _figure_problems(
    panel: StatsPanel, index: int, content: Content, positions: Positions
) -> list[Problem]:
    """A warning for a settled figure wider than its place at the figures' floor.

    Figures are measured in digit widths (`limits.figure_width`); the first language
    in which a figure is too wide is named.
    """
    count, variant = len(panel.figures), variant_of(panel)
    problems: list[Problem] = []
    for number, figure in enumerate(panel.figures):
        path = ("panels", index, "figures", number)
        field = Field(path, "stats.figures", variant, count)
        place = (format_path((*path, "value")), locate(positions, (*path, "value")))
        for language in content.languages:
            shown = format_figure(
                figure.value, figure.format, language, figure.currency, figure.decimals
            )
            noun = f'digits wide ("{shown}" in {language})'
            found = _too_long(field, round(figure_width(shown)), noun, FIGURE_FIX, place)
            if found:
                problems.extend(found)
                break
    return problems
