"""The smallest readable size of each kind of text, and how much text fits at it.

One table serves the screen and `kiosk validate`. `FLOORS` gives each text role
its legibility floor (VISUAL.md, "Floors"), in design pixels of a 1080-pixel short
side: the panels shrink a text that does not fit down to its floor, never further,
then end it with "…". `kiosk.core.content.capacities` holds how many characters of
running text each field shows at its floor, measured from what the panels draw
(`kiosk.ui.panels.capacity`, which a UI test runs again to prove the table right);
`length_problems` warns about every text longer than that, in landscape and portrait.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from kiosk.core.content import capacities
from kiosk.core.content.media import picture_place
from kiosk.core.content.model import Panel, StatsPanel, Text
from kiosk.core.content.numbers import split_figure

Role = Literal["hero", "title", "item_title", "body", "figure", "caption", "quote", "notice"]
Orientation = Literal["landscape", "portrait"]
ORIENTATIONS: tuple[Orientation, ...] = ("landscape", "portrait")

FLOORS: dict[Role, float] = {
    "hero": 72,  # the title panel's headline
    "title": 56,  # a panel's title
    "item_title": 36,  # a card's or a step's title
    "body": 28,  # running text: subtitles, intros, card and step texts, labels, chart texts
    "figure": 96,  # the digits of a statistics figure
    "caption": 20,  # source lines, a photo's credit
    "quote": 40,  # the words of a quote panel: large type, between item titles and titles
    "notice": 36,  # the notice banner over every panel: read in passing, from further away
}

ROLES: dict[str, Role] = {
    "title.title": "hero",
    "title.subtitle": "body",
    "cards.title": "title",
    "cards.cards.title": "item_title",
    "cards.cards.text": "body",
    "steps.title": "title",
    "steps.intro": "body",
    "steps.steps.title": "item_title",
    "steps.steps.text": "body",
    "stats.title": "title",
    "stats.figures": "figure",
    "stats.figures.label": "body",
    "stats.source": "caption",
    "stats.chart.title": "body",
    "stats.chart.categories": "body",
    "stats.chart.series.name": "body",
    "photo.caption": "body",
    "photo.credit": "caption",
    "quote.quote": "quote",
    "quote.name": "item_title",
    "quote.role": "body",
    "video.caption": "body",
    "qr.caption": "body",
    "notice.text": "notice",
}
"""Each field's role, by its key: the panel kind, then the field's path without indexes.

The caption of a QR code is ``qr.caption`` on every kind: its card is the same everywhere;
``notice.text`` is the notice banner's, over every panel.
"""


@dataclass(frozen=True)
class Field:
    """One text of a panel, where it is and which capacity applies to it.

    Attributes
    ----------
    path
        Where the text is in the document, e.g. ``("panels", 3, "cards", 0, "text")``.
    key
        The field's key in `ROLES`, e.g. ``"cards.cards.text"``.
    variant
        The panel's layout variant the capacity depends on: "" or "chart", "media" (a
        picture beside the text, a QR code, or both: measured with both), "chart+media".
    count
        How many siblings share the room (cards, steps, figures, categories, series).
    """

    path: tuple[str | int, ...]
    key: str
    variant: str
    count: int


def capacity_key(key: str, variant: str) -> str:
    """The key of a field in the capacity table: ``"title.title"`` or ``"title.title@media"``."""
    return f"{key}@{variant}" if variant else key


def capacity(field: Field, orientation: Orientation) -> int:
    """How many characters of running text `field` shows at its floor in `orientation`."""
    counts = capacities.CAPACITIES[capacity_key(field.key, field.variant)][orientation]
    return counts[min(field.count, len(counts)) - 1]


NOTICE_FIELD = Field(("notice", "text"), "notice.text", "", 1)
"""The notice's text: one banner, whatever the panel under it."""


def panel_fields(panel: Panel, index: int) -> Iterator[tuple[Field, Text | None]]:
    """Every text field of `panel` (panel number `index`) with its text."""
    variant = variant_of(panel)
    for key, path, count, text in _texts(panel):
        yield Field(("panels", index, *path), f"{panel.kind}.{key}", variant, count), text
    if panel.qr is not None:
        yield Field(("panels", index, "qr", "caption"), "qr.caption", "", 1), panel.qr.caption


TextAt = tuple[str, tuple[str | int, ...], int, Text | None]  # key, path, siblings, text
TEXTS = ("title", "subtitle", "intro", "source", "caption", "credit", "quote", "name", "role")
"""The single texts a panel may have, by field name."""


def _texts(panel: Panel) -> Iterator[TextAt]:
    """The texts of `panel`: field key, path inside the panel, number of siblings, text."""
    for name in TEXTS:
        if hasattr(panel, name):
            yield name, (name,), 1, getattr(panel, name)
    for items in ("cards", "steps"):
        listed = getattr(panel, items, None) or []
        for number, item in enumerate(listed):
            for part in ("title", "text"):
                yield f"{items}.{part}", (items, number, part), len(listed), getattr(item, part)
    if isinstance(panel, StatsPanel):
        yield from _stats_texts(panel)


def _stats_texts(panel: StatsPanel) -> Iterator[TextAt]:
    """The figure labels and the chart's texts of a statistics panel."""
    count = len(panel.figures)
    for number, figure in enumerate(panel.figures):
        yield "figures.label", ("figures", number, "label"), count, figure.label
    chart = panel.chart
    if chart is None:
        return
    yield "chart.title", ("chart", "title"), 1, chart.title
    count = len(chart.categories)
    for number, category in enumerate(chart.categories):
        yield "chart.categories", ("chart", "categories", number), count, category
    count = len(chart.series)
    for number, series in enumerate(chart.series):
        yield "chart.series.name", ("chart", "series", number, "name"), count, series.name


def variant_of(panel: Panel) -> str:
    """The layout variant of `panel` that changes its room for text (see `Field`)."""
    parts = ["chart"] if isinstance(panel, StatsPanel) and panel.chart is not None else []
    if picture_place(panel) == "beside" or panel.qr is not None:
        parts.append("media")
    return "+".join(parts)


FIGURE_WIDTHS = {
    "digit": 1.0,  # every digit: the unit
    "mark": 0.45,  # "." or ",", with the clear gaps around it
    "space": 0.41,  # a space between digit groups, or before "%" or "$"
    "%": 1.25,
    "other": 1.0,  # "$", "€", letters of "US$"
    "unit gap": 0.06,  # between the digits and the unit words
    "unit": 0.43,  # a letter of the unit words ("billion"), drawn at half size
    "unit narrow": 0.2,  # a space or one of i, l, j, r, t, f
    "unit wide": 0.66,  # m or w
}
"""How wide each character of a figure is drawn, in digit widths (Inter Bold, tabular)."""
_UNIT_NARROW = frozenset(" \u00a0\u202filjrtf'\u2019")


def figure_width(text: str) -> float:
    """About how many digit widths formatted figure `text` takes on the screen."""
    head, tail = split_figure(text)
    width = FIGURE_WIDTHS["unit gap"] if tail else 0.0
    for char in tail:
        narrow, wide = char in _UNIT_NARROW, char in "mw"
        width += FIGURE_WIDTHS["unit narrow" if narrow else "unit wide" if wide else "unit"]
    for char in head:
        if char.isdigit():
            width += FIGURE_WIDTHS["digit"]
        elif char in ".,'\u2019\u00b7":
            width += FIGURE_WIDTHS["mark"]
        elif char.isspace():
            width += FIGURE_WIDTHS["space"]
        else:
            width += FIGURE_WIDTHS.get(char, FIGURE_WIDTHS["other"])
    return width
