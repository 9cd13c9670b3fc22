"""How many characters each text field shows at its floor, measured on the panels.

`measure_all` lays out, for every field of `kiosk.core.content.limits.ROLES`, in
landscape (1920x1080) and portrait (1080x1920), and for every number of siblings
the content model allows, a sample panel whose field holds a long running text,
and counts the characters drawn before the "…". The figures are measured as the
widest plain number that fits their cell at the figures' floor; the notice as the
banner over every panel (`kiosk.ui.chrome.notice`) lays it out.

``python -m kiosk.ui.panels.capacity --write`` writes the result into
kiosk/core/content/capacities.py, the table `kiosk validate` warns with; the UI
test tests/ui/test_capacity.py measures again and compares, so the table always
says what the screen does.
"""

from __future__ import annotations

import argparse
import copy
import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF

from kiosk.core.content import capacities
from kiosk.core.content.limits import FLOORS, ORIENTATIONS, ROLES, Orientation, capacity_key
from kiosk.core.content.model import CardsPanel, Chart, Content, StatsPanel, StepsPanel, Strict
from kiosk.ui.drawing.scale import FIGURE_MIN, Scale
from kiosk.ui.panels.base import PanelView, view_context
from kiosk.ui.panels.common import LaidOutView
from kiosk.ui.panels.registry import build_view
from kiosk.ui.panels.textblocks import TextBlock
from kiosk.ui.qtapp import ensure_app

SIZES: dict[Orientation, tuple[int, int]] = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
RUNNING = (
    "Independent producers turn the spark of an idea into a story told on screen, with "
    "writers, directors, actors and crews from across the country. Les producteurs "
    "indépendants font d’une étincelle une histoire à l’écran, avec des créateurs et des "
    "équipes de partout au pays. "
) * 12
TABLE = Path(capacities.__file__)
CAP_HEIGHT = 0.73  # of the size: the height of Inter's digits
HEADER = '''"""How many characters each text field shows at its legibility floor (generated).

Keys are ``<panel kind>.<field>``, with ``@<variant>`` for a panel with a picture beside its
text or a QR code (``media``) or a statistics panel with a chart; for each orientation, one
number per count of siblings (1, 2, ...): cards, steps, figures, chart categories or series.
Measured by `kiosk.ui.panels.capacity` from what the panels draw; do not edit by hand.
Regenerate after a layout change with ``python -m kiosk.ui.panels.capacity --write``.
"""
'''

SIBLINGS: dict[str, tuple[type[Strict], str]] = {
    "cards.cards.title": (CardsPanel, "cards"),
    "cards.cards.text": (CardsPanel, "cards"),
    "steps.steps.title": (StepsPanel, "steps"),
    "steps.steps.text": (StepsPanel, "steps"),
    "stats.figures": (StatsPanel, "figures"),
    "stats.figures.label": (StatsPanel, "figures"),
    "stats.chart.categories": (Chart, "categories"),
    "stats.chart.series.name": (Chart, "series"),
}
"""The fields whose room depends on how many siblings share it, and the list they are in."""

BLOCKS = {
    "title.title": "headline",
    "title.subtitle": "subtitle",
    "cards.title": "title",
    "cards.cards.title": "card:0:title",
    "cards.cards.text": "card:0:text",
    "steps.title": "title",
    "steps.intro": "intro",
    "steps.steps.title": "step:0:title",
    "steps.steps.text": "step:0:text",
    "stats.title": "title",
    "stats.figures.label": "label:0",
    "stats.source": "source",
    "photo.caption": "caption",
    "photo.credit": "credit",
    "quote.quote": "quote",
    "quote.name": "name",
    "quote.role": "role",
    "video.caption": "caption",
}
"""The laid-out text block of each field (its first item, for lists)."""

VARIANTS = {
    "title": ("", "media"),
    "cards": ("", "media"),
    "steps": ("", "media"),
    "stats": ("", "chart", "media", "chart+media"),
    "photo": ("", "media"),
    "quote": ("", "media"),
    "video": ("", "media"),
}
"""The layout variants each kind is measured in ("media": with a picture beside the text
and a QR code, the least room either leaves)."""
SHORT = "A short line"


def max_items(model: type[Strict], name: str) -> int:
    """The most items the content model allows in list field `name` of `model`."""
    lengths = [m.max_length for m in model.model_fields[name].metadata if hasattr(m, "max_length")]
    return int(lengths[0])


def sample_panel(kind: str, variant: str, counts: dict[str, int]) -> dict[str, Any]:
    """A panel of `kind` with short texts, as many items as `counts` says, in `variant`."""
    item = {"icon": "star", "title": "Item", "text": "A short line about this item"}
    panel: dict[str, Any] = {"id": "sample", "kind": kind, "title": "A short title"}
    if "media" in variant:
        panel["image"] = "picture.png"  # behind a statistics panel: it takes no room there
        panel["qr"] = {"url": "https://example.org", "caption": SHORT}
    if kind in ("photo", "quote", "video"):
        return media_panel(panel)
    if kind == "title":
        panel["subtitle"] = "A short subtitle under it"
    elif kind in ("cards", "steps"):
        panel[kind] = [dict(item) for _ in range(counts.get(kind, 3))]
        if kind == "steps":
            panel["intro"] = "A short introduction"
    else:
        figure = {"value": 7100000000, "format": "currency-compact", "label": "A short label"}
        panel["figures"] = [dict(figure) for _ in range(counts.get("figures", 4))]
        panel["source"] = "Source: a short line"
        if "chart" in variant:
            categories = counts.get("categories", 4)
            series = {"name": "Series", "values": [1000] * categories}
            panel["chart"] = {"title": "A chart", "categories": ["Category"] * categories,
                              "series": [dict(series) for _ in range(counts.get("series", 2))]}
    return panel


def media_panel(panel: dict[str, Any]) -> dict[str, Any]:
    """`panel` (id, kind, maybe image and qr) completed as a photo, quote or video panel."""
    del panel["title"]
    kind = panel["kind"]
    if kind == "quote":
        return {**panel, "quote": SHORT, "name": "A Name", "role": SHORT}
    texts = {"caption": SHORT, "credit": SHORT} if kind == "photo" else {"caption": SHORT}
    files = {"image": "picture.png"} if kind == "photo" else {"video": "clip.mp4"}
    return {**panel, **texts, **files}


def with_running(panel: dict[str, Any], key: str) -> dict[str, Any]:
    """`panel` with the field `key` (its first item's, for a list) holding `RUNNING`."""
    panel = copy.deepcopy(panel)
    place: Any = panel
    *parents, last = key.split(".")[0 if key == QR_CAPTION else 1:]
    for part in parents:
        place = place[part]
        if isinstance(place, list):
            place = place[0]
    if isinstance(place.get(last), list):
        place[last][0] = RUNNING
    else:
        place[last] = RUNNING
    return panel


def measure(key: str, variant: str, count: int, orientation: Orientation) -> int:
    """Characters of running text field `key` shows at its floor, with `count` siblings."""
    if key == "notice.text":
        from kiosk.ui.chrome.notice import notice_layout
        from kiosk.ui.drawing.theme import FALLBACK_FAMILY, register_fonts

        register_fonts()
        rect = QRectF(0, 0, *SIZES[orientation])
        return int(notice_layout(rect, RUNNING, FALLBACK_FAMILY).fitted.shown)
    content = sample_content(key, variant, count)
    view = build_view(content.panels[0], view_context(content, Path("."), "en"))
    return shown(view, key, QRectF(0, 0, *SIZES[orientation]))


def sample_content(key: str, variant: str, count: int) -> Content:
    """One sample panel whose field `key` runs long, with `count` siblings, in `variant`."""
    kind = "title" if key == QR_CAPTION else key.split(".")[0]
    counts = {SIBLINGS[key][1]: count} if key in SIBLINGS else {}
    panel = sample_panel(kind, "media" if key == QR_CAPTION else variant, counts)
    if key != "stats.figures":
        panel = with_running(panel, key)
    return Content.model_validate(
        {"languages": ["en"], "default_language": "en", "panels": [panel]}
    )


def shown(view: PanelView, key: str, rect: QRectF) -> int:
    """How many characters of field `key` `view` shows laid out in `rect`."""
    if key == "stats.figures":
        return figure_capacity(view, rect)
    if key.startswith("stats.chart."):
        return chart_shown(view, key, rect)
    if key == QR_CAPTION:
        return int(view.layout(rect).media.qr_caption.fitted.shown)  # type: ignore[attr-defined]
    return int(text_blocks(view, rect)[BLOCKS[key]].fitted.shown)


def text_blocks(view: PanelView, rect: QRectF) -> dict[str, TextBlock]:
    """The text blocks `view` lays out in `rect`, by name (``BLOCKS`` names them)."""
    layout = view.layout(rect)  # type: ignore[attr-defined]
    return dict(layout.texts if isinstance(view, LaidOutView) else layout.texts.texts)


def figure_capacity(view: PanelView, rect: QRectF) -> int:
    """How many digits fit side by side in the first figure's cell at the figures' floor."""
    from kiosk.ui.panels.figures import FIGURE_DEPTH, FigureType

    cell = view.layout(rect).grid.cells[0]  # type: ignore[attr-defined]
    floor = Scale(rect).px(FIGURE_MIN)
    figure = FigureType.at(floor)
    if floor * (CAP_HEIGHT + FIGURE_DEPTH) > cell.height():
        return 0
    return int(cell.width() // figure.width("0"))


def chart_shown(view: PanelView, key: str, rect: QRectF) -> int:
    """Characters shown of the chart's heading, first category or first series name."""
    layout = view.layout(rect)  # type: ignore[attr-defined]
    chart, box, u = view.chart, layout.chart_rect, Scale(rect).u  # type: ignore[attr-defined]
    geo = chart.geometry((round(box.width() / u, 1), round(box.height() / u, 1)))
    texts = chart.texts
    fits = {
        "stats.chart.title": texts.heading_fit(geo.size),
        "stats.chart.categories": texts.name_fits(geo.rows)[0],
        "stats.chart.series.name": texts.legend_fits(geo.size[0])[0],
    }
    return int(fits[key].shown)


def counts_of(key: str) -> range:
    """The numbers of siblings field `key` is measured with."""
    if key not in SIBLINGS:
        return range(1, 2)
    return range(1, max_items(*SIBLINGS[key]) + 1)


def variants_of(key: str) -> tuple[str, ...]:
    """The layout variants field `key` is measured in."""
    if key.startswith("stats.chart."):
        return ("chart", "chart+media")
    return VARIANTS.get(key.split(".")[0], ("",))


def measure_all() -> dict[str, dict[str, tuple[int, ...]]]:
    """The whole capacity table: field key (with variant) -> orientation -> by siblings.

    The sample panels name a picture that is not there: its warnings are not shown
    (while measuring only: the picture loader's warnings are back afterwards).
    """
    ensure_app()
    pictures_log = logging.getLogger("kiosk.ui.drawing.pictures")
    level = pictures_log.level
    pictures_log.setLevel(logging.ERROR)
    try:
        return {
            capacity_key(key, variant): {
                orientation: tuple(measure(key, variant, count, orientation)
                                   for count in counts_of(key))
                for orientation in ORIENTATIONS
            }
            for key in ROLES
            for variant in variants_of(key)
        }
    finally:
        pictures_log.setLevel(level)


def table_source(table: dict[str, dict[str, tuple[int, ...]]]) -> str:
    """The Python source of kiosk/core/content/capacities.py holding `table`."""
    lines = [HEADER, "CAPACITIES: dict[str, dict[str, tuple[int, ...]]] = {"]
    for key, rows in table.items():
        lines.append(f'    "{key}": {{')
        for orientation, counts in rows.items():
            lines.append(f'        "{orientation}": {counts!r},')
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


FIELD_NAMES = {
    "title.title": "title panel: `title`",
    "title.subtitle": "title panel: `subtitle`",
    "cards.title": "cards panel: `title`",
    "cards.cards.title": "`cards[].title`",
    "cards.cards.text": "`cards[].text`",
    "steps.title": "steps panel: `title`",
    "steps.intro": "steps panel: `intro`",
    "steps.steps.title": "`steps[].title`",
    "steps.steps.text": "`steps[].text`",
    "stats.title": "stats panel: `title`",
    "stats.figures": "a figure (in digits)",
    "stats.figures.label": "`figures[].label`",
    "stats.source": "stats panel: `source`",
    "stats.chart.title": "`chart.title`",
    "stats.chart.categories": "`chart.categories[]`",
    "stats.chart.series.name": "`chart.series[].name`",
    "photo.caption": "photo panel: `caption`",
    "photo.credit": "photo panel: `credit`",
    "quote.quote": "quote panel: `quote`",
    "quote.name": "quote panel: `name`",
    "quote.role": "quote panel: `role`",
    "video.caption": "video panel: `caption`",
    "qr.caption": "any panel: `qr.caption`",
    "notice.text": "`notice.text` (the banner over every panel)",
}
VARIANT_NAMES = {
    "media": " (with an `image` or a `qr`)",
    "chart": " (with a `chart`)",
    "chart+media": " (with a `chart`, and an `image` or a `qr`)",
}
QR_CAPTION = "qr.caption"  # measured on a title panel with a QR code


def markdown_table(table: dict[str, dict[str, tuple[int, ...]]]) -> str:
    """The capacity table as the Markdown table of docs/editing-content.md.

    A field whose room depends on its siblings lists one number per count: 1, 2, 3 ...
    """
    rows = ["| field | smallest size | landscape | portrait |", "|---|---|---|---|"]
    for name, counts in table.items():
        key, _, variant = name.partition("@")
        role = ROLES[key]
        field = FIELD_NAMES[key] + VARIANT_NAMES.get(variant, "")
        if key in SIBLINGS:
            field += f" (1 to {len(counts['landscape'])} {SIBLINGS[key][1]})"
        size = f"{FLOORS[role]:g} px ({role.replace('_', ' ')})"
        cells = [" / ".join(str(n) for n in counts[o]) for o in ORIENTATIONS]
        rows.append(f"| {field} | {size} | {cells[0]} | {cells[1]} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Measure the table; print it, write it with ``--write``, or print the docs' table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {TABLE}")
    parser.add_argument("--markdown", action="store_true",
                        help="print the table of docs/editing-content.md (from the table)")
    args = parser.parse_args(argv)
    if args.markdown:
        sys.stdout.write(markdown_table(capacities.CAPACITIES))
        return 0
    source = table_source(measure_all())
    if args.write:
        TABLE.write_text(source, encoding="utf-8")
        print(f"wrote {TABLE}")
    else:
        sys.stdout.write(source)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
