"""The capacity table `kiosk validate` warns with says what the panels really fit.

`kiosk/core/content/capacities.py` is measured from the panels by
`kiosk.ui.panels.capacity`; measured again here, it must agree, so that a layout change
that forgets to regenerate the table fails (regenerate with
``python -m kiosk.ui.panels.capacity --write``). The figure widths `kiosk validate`
estimates in core are checked against what Qt draws.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF

from kiosk.core.content.capacities import CAPACITIES
from kiosk.core.content.limits import figure_width
from kiosk.core.content.model import Content
from kiosk.core.content.numbers import format_figure
from kiosk.ui.drawing.theme import register_fonts
from kiosk.ui.panels.capacity import RUNNING, markdown_table, measure, measure_all
from kiosk.ui.panels.figures import FigureType
from tests.support import sample_document
from tests.ui.support import make_view

REGENERATE = "regenerate with: python -m kiosk.ui.panels.capacity --write"


def test_the_table_agrees_with_what_the_panels_fit(qapp) -> None:
    measured = measure_all()
    assert measured.keys() == CAPACITIES.keys(), REGENERATE
    for key, rows in measured.items():
        for orientation, counts in rows.items():
            table = CAPACITIES[key][orientation]
            close = all(abs(a - b) <= max(2, 0.05 * b) for a, b in zip(counts, table, strict=True))
            assert close, f"{key} {orientation}: measured {counts}, table {table}; {REGENERATE}"


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_a_card_text_of_the_capacity_shows_whole_and_a_longer_one_does_not(qapp, orientation):
    fits = CAPACITIES["cards.cards.text"][orientation][5]
    assert measure("cards.cards.text", "", 6, orientation) == fits
    assert fits < len(RUNNING)


FIGURES = [
    (value, fmt, language)
    for value, fmt in [
        (7.1e9, "currency-compact"), (148_200, "number"), (12.5, "percent"),
        (2_500_000, "currency"), (999_999_999_999, "number"), (950e6, "currency-compact"),
        (1.05e12, "currency-compact"), (0.04, "percent"), (3.2e9, "currency-compact"),
    ]
    for language in ("en", "fr")
]


@pytest.mark.parametrize(("value", "fmt", "language"), FIGURES)
def test_core_estimates_figure_widths_as_qt_draws_them(qapp, value, fmt, language) -> None:
    register_fonts()
    figure = FigureType.at(100)
    text = format_figure(value, fmt, language)
    drawn = figure.width(text) / figure.width("0")  # in digit widths
    assert figure_width(text) == pytest.approx(drawn, rel=0.1), text


DOCS = Path(__file__).resolve().parents[2] / "docs" / "editing-content.md"


def test_the_editors_guide_has_the_table(qapp) -> None:
    """docs/editing-content.md shows staff the same limits validate warns with."""
    assert markdown_table(CAPACITIES) in DOCS.read_text(encoding="utf-8"), (
        "update the table in docs/editing-content.md: "
        "python -m kiosk.ui.panels.capacity --markdown"
    )


def picture_box(kind: str, size: tuple[int, int]) -> str:
    """The box a picture beside the sample `kind` panel gets at `size`: "W x H (R : 1)"."""
    document = sample_document()
    panel = next(p for p in document["panels"] if p["kind"] == kind)
    panel["image"] = "picture.png"
    if kind in ("cards", "steps"):
        panel[kind] = panel[kind][:4]  # more go behind their picture
    content = Content.model_validate(document)
    view = make_view(content, document["panels"].index(panel))
    box = view.layout(QRectF(0, 0, *size)).media.picture
    return f"{round(box.width())} x {round(box.height())} ({box.width() / box.height():.2f} : 1)"


@pytest.mark.parametrize(("kind", "names"), [("title", "`title`"), ("cards", "`cards`, `steps`")])
def test_the_editors_guide_gives_the_pictures_box(qapp, kind, names) -> None:
    row = f"| {names} | {picture_box(kind, (1920, 1080))} | {picture_box(kind, (1080, 1920))} |"
    assert row in DOCS.read_text(encoding="utf-8"), row
    assert picture_box("cards", (1920, 1080)) == picture_box("steps", (1920, 1080))
