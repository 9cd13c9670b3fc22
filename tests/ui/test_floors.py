"""Every text role at its legibility floor, landscape and portrait: then "…", and only it suffers.

Each field of `kiosk.core.content.limits.ROLES` is filled with a text far too long for
it, in a sample panel (`kiosk.ui.panels.capacity`): the text stops at its role's floor
and ends with "…" inside the content area, and every other text of the panel keeps its
size and stays whole (its siblings, their place too). Then the over-long content of the
issue: 10,000-emoji titles and 8 cards of 500 characters draw nothing outside their area.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from kiosk.core.content.limits import FLOORS, ORIENTATIONS, ROLES
from kiosk.core.content.model import Content
from kiosk.ui.drawing.scale import CHROME_HEIGHT, Scale
from kiosk.ui.drawing.text import ELLIPSIS
from kiosk.ui.panels.base import view_context
from kiosk.ui.panels.capacity import (
    BLOCKS,
    QR_CAPTION,
    SIZES,
    sample_panel,
    variants_of,
    with_running,
)
from kiosk.ui.panels.common import LaidOutView, PanelLayout, paint_background
from kiosk.ui.panels.registry import build_view
from tests.support import sample_document, sample_items

TEXT_FIELDS = [key for key in ROLES if key in BLOCKS]
CHART_FIELDS = [key for key in ROLES if key.startswith("stats.chart.")]
HERE = Path(".")
GRID_ITEMS = ("card", "step")  # items in fixed cells: a sibling keeps its place too


def view_of(panel: dict):
    content = Content.model_validate(
        {"languages": ["en"], "default_language": "en", "panels": [panel]}
    )
    return build_view(content.panels[0], view_context(content, HERE, "en"))


def texts_of(view, rect: QRectF) -> PanelLayout:
    layout = view.layout(rect)
    return layout if isinstance(view, LaidOutView) else layout.texts


def test_every_field_is_tried() -> None:
    # the notice banner is tried in test_closed_and_notice.py
    tried = ["stats.figures", QR_CAPTION, "notice.text"]
    assert sorted(TEXT_FIELDS + CHART_FIELDS + tried) == sorted(ROLES)


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_a_qr_caption_too_long_stops_at_its_floor_inside_its_card(qapp, orientation) -> None:
    rect = QRectF(0, 0, *SIZES[orientation])
    long = with_running(sample_panel("title", "media", {}), QR_CAPTION)
    media = texts_of(view_of(long), rect).media
    block = media.qr_caption
    assert block.pixel_size == pytest.approx(Scale(rect).px(FLOORS[ROLES[QR_CAPTION]]), abs=0.5)
    assert block.fitted.elided and block.fitted.lines[-1].endswith(ELLIPSIS)
    assert media.qr_card.contains(block.rect) and not block.rect.intersects(media.qr)


@pytest.mark.parametrize("orientation", ORIENTATIONS)
@pytest.mark.parametrize("key", TEXT_FIELDS)
def test_a_text_too_long_stops_at_its_floor_and_only_it_suffers(qapp, key, orientation) -> None:
    kind, variant = key.split(".")[0], variants_of(key)[-1]
    rect = QRectF(0, 0, *SIZES[orientation])
    scale = Scale(rect)
    plain = texts_of(view_of(sample_panel(kind, variant, {})), rect).texts
    long = texts_of(view_of(with_running(sample_panel(kind, variant, {}), key)), rect).texts
    name = BLOCKS[key]
    block = long[name]
    assert block.pixel_size == pytest.approx(scale.px(FLOORS[ROLES[key]]), abs=0.5)
    assert block.fitted.elided and block.fitted.lines[-1].endswith(ELLIPSIS)
    area = scale.content_rect().adjusted(-0.5, -0.5, 0.5, 0.5)
    assert area.contains(block.rect), f"{name} is drawn outside the content area"
    for other, before in plain.items():
        if other == name:
            continue
        after = long[other]
        assert after.pixel_size == before.pixel_size, f"{other} changed size"
        assert not after.fitted.elided, f"{other} was cut short"
        item, number = [*other.split(":"), "", ""][:2]
        if item in GRID_ITEMS and name.startswith(f"{item}:") and number != name.split(":")[1]:
            assert after.rect == before.rect, f"sibling {other} moved"


@pytest.mark.parametrize("orientation", ORIENTATIONS)
@pytest.mark.parametrize("key", CHART_FIELDS)
def test_a_chart_text_too_long_stops_at_the_body_floor(qapp, key, orientation) -> None:
    rect = QRectF(0, 0, *SIZES[orientation])
    view = view_of(with_running(sample_panel("stats", "chart", {}), key))
    layout = view.layout(rect)
    chart, box = view.chart, layout.chart_rect
    size = (round(box.width() / Scale(rect).u, 1), round(box.height() / Scale(rect).u, 1))
    geo = chart.geometry(size)
    heading, names = chart.texts.heading_fit(geo.size), chart.texts.name_fits(geo.rows)
    legend = chart.texts.legend_fits(size[0])
    fitted, room = {
        "stats.chart.title": (heading, geo.heading.adjusted(0, 0, 0, 1e9)),
        "stats.chart.categories": (names[0], geo.rows[0]),
        "stats.chart.series.name": (legend[0], None),
    }[key]
    if key == "stats.chart.series.name":  # the legend has one size, above the floor
        assert fitted.pixel_size >= FLOORS["body"]
    else:
        assert fitted.pixel_size == pytest.approx(FLOORS["body"], abs=0.5)  # design pixels
    assert fitted.elided and fitted.lines[-1].endswith(ELLIPSIS)
    if room is not None:
        assert fitted.width <= room.width() + 0.5 and fitted.height <= room.height() + 0.5
    assert all(not name.elided for name in names[1:])


def paint_panel(view, size: tuple[int, int]) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    rect = QRectF(0, 0, *size)
    paint_background(painter, rect, view.ctx.theme)
    view.paint(painter, rect, 100.0)
    painter.end()
    return image


def background(view, size: tuple[int, int]) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_background(painter, QRectF(0, 0, *size), view.ctx.theme)
    painter.end()
    return image


def same_band(a: QImage, b: QImage, top: int) -> bool:
    return all(a.constScanLine(y) == b.constScanLine(y) for y in range(top, a.height()))


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (800, 480)])
def test_over_long_content_draws_nothing_outside_its_area(qapp, size) -> None:
    """10,000-emoji titles and 8 cards of 500 characters: nothing spills into the dots."""
    document = sample_document()
    document["panels"][0]["title"] = "\U0001f600" * 10000
    document["panels"][1]["title"] = "\U0001f600" * 10000
    document["panels"][1]["cards"] = sample_items(8, text="Far too long. " * 36)
    content = Content.model_validate(document)
    rect = QRectF(0, 0, *size)
    chrome_top = math.ceil(rect.bottom() - Scale(rect).px(CHROME_HEIGHT))
    for index in (0, 1):
        view = build_view(content.panels[index], view_context(content, HERE, "en"))
        layout = view.layout(rect)
        area = Scale(rect).content_rect().adjusted(-0.5, -0.5, 0.5, 0.5)
        for key, block in layout.texts.items():
            assert area.contains(block.rect), f"{key} outside the content area"
            card = layout.shapes.get(f"card:{key.split(':')[1]}" if ":" in key else "")
            if card is not None:
                assert card.contains(block.rect), f"{key} outside its card"
        assert same_band(paint_panel(view, size), background(view, size), chrome_top)
