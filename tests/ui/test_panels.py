"""Title, cards and steps views: layout at every screen size, plain text, motion, contrast."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from kiosk.core.content.model import Content, Theme
from kiosk.ui.drawing.scale import BODY, BODY_MIN, CHROME_HEIGHT, SPACE_L, Scale
from kiosk.ui.drawing.theme import make_font
from kiosk.ui.panels.base import ViewContext, view_context
from kiosk.ui.panels.cards import CARD_TITLE, CardsView, grid_shape
from kiosk.ui.panels.common import LaidOutView, paint_background
from kiosk.ui.panels.registry import build_view
from kiosk.ui.panels.steps import StepsView
from kiosk.ui.panels.title import TitleView
from tests.support import sample_content, sample_document, sample_items
from tests.ui.support import make_view, text_rects
from tests.ui.support import paint_view as paint

SIZES = [(1280, 720), (1920, 1080), (1080, 1920), (3840, 2160)]
LANDSCAPE = [(1280, 720), (1920, 1080), (3840, 2160)]
SHIPPED = Path(__file__).resolve().parents[2] / "content.json"
MARKUP = "<b>Hi</b> <img src=x>"
LONG = (
    "A card text far too long for a booth, written by someone who forgot that visitors "
    "read from two metres away and only glance for a few seconds; the layout must shrink "
    "it, and its siblings alike, without clipping a word or overlapping anything at all."
)


def _overlap(a: QRectF, b: QRectF) -> bool:
    """True when two rectangles share more than a hairline."""
    inter = a.intersected(b)
    return inter.width() > 0.5 and inter.height() > 0.5


def assert_clean_layout(view: LaidOutView, size: tuple[int, int]) -> None:
    """Texts are big enough, inside the safe area, clear of each other and of graphics."""
    rect = QRectF(0, 0, *size)
    scale = Scale(rect)
    layout = view.layout(rect)
    chrome_top = rect.bottom() - scale.px(CHROME_HEIGHT)
    floor = scale.px(BODY_MIN) - 0.5
    texts, graphics = media_parts(layout)
    for key, block in {**layout.texts, **texts}.items():
        assert block.pixel_size >= floor, f"{key} at {block.pixel_size:.1f}px < {floor:.1f}px"
        assert block.rect.bottom() <= chrome_top + 0.5, f"{key} runs into the chrome band"
        assert block.rect.left() >= scale.margin_x - 0.5, f"{key} is in the left margin"
        assert block.rect.right() <= rect.right() - scale.margin_x + 0.5, f"{key} right margin"
        assert block.fitted.width <= block.rect.width() + 0.5, f"{key} is wider than its box"
        assert "".join(block.fitted.lines).replace(" ", "") == block.text.replace(" ", "")
        assert " ".join(block.fitted.lines).split() == block.text.split(), f"{key} breaks a word"
    rects = {**text_rects(layout), **{k: b.rect for k, b in texts.items()}}
    for (ka, a), (kb, b) in itertools.combinations(rects.items(), 2):
        assert not _overlap(a, b), f"{ka} overlaps {kb}"
    graphics.update({k: r for k, r in layout.shapes.items() if not k.startswith("card:")})
    for (kt, text), (kg, shape) in itertools.product(rects.items(), graphics.items()):
        assert not _overlap(text, shape), f"{kt} overlaps {kg}"
    for (ka, a), (kb, b) in itertools.combinations(graphics.items(), 2):
        if {ka, kb} & {"picture", "qr"}:
            assert not _overlap(a, b), f"{ka} overlaps {kb}"
    for key, shape in graphics.items():
        assert shape.bottom() <= chrome_top + 0.5, f"{key} runs into the chrome band"


def media_parts(layout) -> tuple[dict, dict]:
    """The QR caption (a text) and the picture and QR code (graphics) of a laid-out panel."""
    media = layout.media
    if media is None:
        return {}, {}
    texts = {"qr caption": media.qr_caption} if media.qr_caption is not None else {}
    graphics = {k: r for k, r in (("picture", media.picture), ("qr", media.qr)) if r is not None}
    return texts, graphics


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("index", [0, 1, 2], ids=["title", "cards", "steps"])
def test_every_kind_lays_out_cleanly_at_every_size(qapp, index, size) -> None:
    view = make_view(sample_content(), index)
    assert_clean_layout(view, size)
    assert paint(view, size, 100.0).size().width() == size[0]


QR = {"url": "https://cmpa.ca", "caption": {"en": "Learn more at cmpa.ca", "fr": "cmpa.ca"}}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("index", [0, 1, 2], ids=["title", "cards", "steps"])
@pytest.mark.parametrize("extras", ["picture", "qr", "picture+qr"])
def test_picture_and_qr_keep_clear_of_the_text(qapp, tmp_path, size, index, extras) -> None:
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#885533"))
    picture.save(str(tmp_path / "photo.png"))
    document = sample_document()
    if "picture" in extras:
        document["panels"][index]["image"] = "photo.png"
    if "qr" in extras:
        document["panels"][index]["qr"] = QR
    view = make_view(Content.model_validate(document), index, tmp_path)
    media = view.layout(QRectF(0, 0, *size)).media
    assert (view.media.image(QSize(64, 48)) is not None) == ("picture" in extras)
    assert (media.qr is not None) == ("qr" in extras)
    assert_clean_layout(view, size)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_eight_cards_and_six_steps_stay_clean(qapp, size) -> None:
    document = sample_document()
    document["panels"][1]["cards"] = sample_items(8)
    document["panels"][2]["steps"] = sample_items(6)
    content = Content.model_validate(document)
    for index in (1, 2):
        assert_clean_layout(make_view(content, index), size)


def test_markup_in_a_title_is_shown_literally(qapp) -> None:
    document = sample_document()
    document["panels"][0]["title"] = MARKUP
    document["panels"][1]["title"] = MARKUP
    content = Content.model_validate(document)
    for index in (0, 1):
        view = make_view(content, index)
        assert MARKUP in view.visible_texts()
        texts = [block.text for block in view.layout(QRectF(0, 0, 1920, 1080)).texts.values()]
        assert MARKUP in texts
        assert not paint(view, (640, 360), 100.0).isNull()


def test_visible_texts_are_in_the_views_language(qapp) -> None:
    content = sample_content()
    view = build_view(content.panels[0], view_context(content, Path("."), "fr"))
    assert view.visible_texts() == ["Les producteurs", "Des histoires à l'écran"]
    steps = make_view(content, 2)
    assert steps.visible_texts()[:2] == [
        "Fostering talent",
        "Screenwriters, directors, actors and crew: Canadian talent first",
    ]
    assert len(steps.visible_texts()) == 2 + 2 * 3


def test_a_slightly_longer_card_text_shrinks_every_card_text_alike(qapp) -> None:
    document = sample_document()
    longer = "A short line about this item and a little more besides that, really, honestly"
    document["panels"][1]["cards"][0]["text"] = longer
    layout = make_view(Content.model_validate(document), 1).layout(QRectF(0, 0, 1920, 1080))
    sizes = {layout.texts[f"card:{i}:text"].pixel_size for i in range(6)}
    assert len(sizes) == 1
    assert Scale(QRectF(0, 0, 1920, 1080)).px(BODY_MIN) < sizes.pop() < BODY
    assert not layout.texts["card:0:text"].fitted.elided


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_a_far_too_long_card_text_suffers_alone(qapp, size) -> None:
    """It shrinks to the body floor and ends with "…"; the other cards' texts do not move."""
    rect = QRectF(0, 0, *size)
    plain = make_view(sample_content(), 1).layout(rect)
    document = sample_document()
    document["panels"][1]["cards"][0]["text"] = LONG * 4
    layout = make_view(Content.model_validate(document), 1).layout(rect)
    first = layout.texts["card:0:text"]
    assert first.pixel_size == pytest.approx(Scale(rect).px(BODY_MIN), abs=0.5)
    assert first.fitted.elided and first.fitted.lines[-1].endswith("…")
    assert LONG.startswith(" ".join(first.fitted.lines)[:-1][:100])
    for key, block in plain.texts.items():
        if key != "card:0:text":
            assert layout.texts[key].rect == block.rect, key
            assert layout.texts[key].fitted == block.fitted, key


@pytest.mark.parametrize(
    ("count", "portrait", "shape"),
    [
        (6, False, (3, 2)),
        (6, True, (2, 3)),
        (2, False, (2, 1)),
        (4, False, (2, 2)),
        (1, True, (1, 1)),
    ],
)
def test_card_grid_reflows(count, portrait, shape) -> None:
    assert grid_shape(count, portrait) == shape


def test_cards_are_equal_and_do_not_overlap(qapp) -> None:
    layout = make_view(sample_content(), 1).layout(QRectF(0, 0, 1920, 1080))
    cards = [layout.shapes[f"card:{i}"] for i in range(6)]
    assert len({(round(c.width()), round(c.height())) for c in cards}) == 1
    assert len({round(c.top()) for c in cards}) == 2
    assert not any(_overlap(a, b) for a, b in itertools.combinations(cards, 2))


@pytest.mark.parametrize(("size", "vertical"), [((1920, 1080), False), ((1080, 1920), True)])
def test_step_connectors_join_neighbouring_circles(qapp, size, vertical) -> None:
    layout = make_view(sample_content(), 2).layout(QRectF(0, 0, *size))
    for index in range(2):
        line = layout.shapes[f"connector:{index}"]
        before, after = layout.shapes[f"circle:{index}"], layout.shapes[f"circle:{index + 1}"]
        if vertical:
            assert line.width() == 0 and before.bottom() < line.top() < line.bottom() < after.top()
        else:
            assert line.height() == 0 and before.right() < line.left() < line.right() < after.left()


@pytest.mark.parametrize("index", [0, 1, 2], ids=["title", "cards", "steps"])
def test_motion_settles_and_reduced_motion_shows_the_settled_picture(qapp, index) -> None:
    content = sample_content()
    view = make_view(content, index)
    settled = paint(view, (640, 360), view.settle_seconds)
    assert paint(view, (640, 360), 100.0) == settled
    assert paint(view, (640, 360), 0.1) != settled
    still = sample_content(settings={"reduced_motion": True})
    assert paint(make_view(still, index), (640, 360), 0.0) == settled


@pytest.mark.parametrize("index", [0, 1, 2], ids=["title", "cards", "steps"])
def test_nothing_shows_before_the_entrance_starts(qapp, index) -> None:
    view = make_view(sample_content(), index)
    blank = QImage(640, 360, QImage.Format.Format_RGB32)
    painter = QPainter(blank)
    paint_background(painter, QRectF(0, 0, 640, 360), view.ctx.theme)
    painter.end()
    assert paint(view, (640, 360), 0.0) == blank


def test_settle_seconds_are_short(qapp) -> None:
    content = sample_content()
    for index in range(3):
        assert 0.3 < make_view(content, index).settle_seconds < 2.0


def test_registry_maps_kinds_to_views(qapp) -> None:
    content = sample_content()
    kinds = [type(make_view(content, i)) for i in range(3)]
    assert kinds == [TitleView, CardsView, StepsView]


def test_building_non_stats_views_does_not_import_pyqtgraph() -> None:
    code = (
        "import sys; from kiosk.ui.panels import registry; "
        "assert 'pyqtgraph' not in sys.modules, 'pyqtgraph imported'; "
        "assert 'kiosk.ui.panels.stats' not in sys.modules, 'stats imported'"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_helper_matches_known_values() -> None:
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("ground", ["background", "surface"])
@pytest.mark.parametrize(
    ("role", "minimum"),
    [("text", 7.0), ("muted", 7.0), ("accent", 4.5), ("accent_red", 3.0)],
)
def test_default_palette_contrast(ground, role, minimum) -> None:
    """Body text (text, muted) >= 7:1, accent >= 4.5:1; red is a graphic only (>= 3:1)."""
    theme = Theme()
    ratio = contrast(getattr(theme, role), getattr(theme, ground))
    assert ratio >= minimum, f"{role} on {ground}: {ratio:.2f}:1 < {minimum}:1"


def test_contexts_carry_the_views_language(qapp) -> None:
    ctx = view_context(sample_content(), Path("."), "fr")
    assert isinstance(ctx, ViewContext)
    assert ctx.language == "fr" and not ctx.reduced_motion


def test_hero_headline_lines_are_balanced(qapp) -> None:
    view = make_view(sample_content(), 0)
    headline = view.layout(QRectF(0, 0, 1920, 1080)).texts["headline"]
    assert headline.fitted.lines == ("Independent producers", "make it happen")
    assert headline.style.align == Qt.AlignmentFlag.AlignHCenter


def test_hero_descenders_are_not_cut_off(qapp) -> None:
    document = sample_document()
    document["panels"][0]["title"] = "gjpqy"
    view = make_view(Content.model_validate(document), 0)
    image = paint(view, (1920, 1080), 100.0)
    block = view.layout(QRectF(0, 0, 1920, 1080)).texts["headline"]
    metrics = QFontMetricsF(make_font(view.ctx.theme.family, block.pixel_size, block.style.weight))
    baseline = block.rect.top() + (block.fitted.line_step - metrics.height()) / 2 + metrics.ascent()
    glyph_bottom = baseline + metrics.tightBoundingRect("gjpqy").bottom()
    ink_rows = [
        y
        for y in range(round(block.rect.top()), min(1080, round(glyph_bottom) + 20))
        if any(
            image.pixelColor(x, y).lightness() > 160
            for x in range(round(block.rect.left()), round(block.rect.right()), 2)
        )
    ]
    assert ink_rows and max(ink_rows) >= glyph_bottom - 3


def shipped_view(panel_id: str, language: str) -> LaidOutView:
    """The view of the shipped content.json's panel `panel_id`, in `language`."""
    content = Content.model_validate_json(SHIPPED.read_text(encoding="utf-8"))
    panel = next(panel for panel in content.panels if panel.id == panel_id)
    view = build_view(panel, view_context(content, SHIPPED.parent, language))
    assert isinstance(view, LaidOutView)
    return view


def design_px(block_px: float, size: tuple[int, int]) -> float:
    """A device pixel size at `size` in design pixels."""
    return block_px / Scale(QRectF(0, 0, *size)).u


SHIPPED_PANELS = ["welcome", "entrepreneurs", "what-producers-do", "fostering-talent", "closing"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("panel_id", SHIPPED_PANELS)
def test_shipped_panels_lay_out_cleanly(qapp, panel_id, language, size) -> None:
    assert_clean_layout(shipped_view(panel_id, language), size)


@pytest.mark.parametrize("size", LANDSCAPE, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "fr"])
def test_shipped_cards_read_from_two_metres(qapp, language, size) -> None:
    """Card texts >= 36 design px; titles keep their full size, on two lines if need be."""
    layout = shipped_view("what-producers-do", language).layout(QRectF(0, 0, *size))
    for index in range(6):
        text = layout.texts[f"card:{index}:text"]
        title = layout.texts[f"card:{index}:title"]
        assert design_px(text.pixel_size, size) >= 36 - 0.5, f"card {index} text"
        assert design_px(title.pixel_size, size) == pytest.approx(CARD_TITLE, abs=0.5)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_card_contents_are_centred_in_their_cards(qapp, language, size) -> None:
    """The tallest card's icon-to-text stack has as much room above it as below it."""
    layout = shipped_view("what-producers-do", language).layout(QRectF(0, 0, *size))
    stacks = []
    for index in range(6):
        card = layout.shapes[f"card:{index}"]
        top = min(
            layout.shapes[f"icon:{index}"].top(), layout.texts[f"card:{index}:title"].rect.top()
        )
        bottom = layout.texts[f"card:{index}:text"].rect.bottom()
        stacks.append((bottom - top, top - card.top(), card.bottom() - bottom))
    _, above, below = max(stacks)
    assert above == pytest.approx(below, abs=1.0)


@pytest.mark.parametrize(("size", "beside"), [((1920, 1080), True), ((1080, 1920), False)])
def test_card_icons_sit_beside_titles_on_wide_cards_and_above_on_square_ones(
    qapp, size, beside
) -> None:
    layout = shipped_view("what-producers-do", "fr").layout(QRectF(0, 0, *size))
    for index in range(6):
        icon, title = layout.shapes[f"icon:{index}"], layout.texts[f"card:{index}:title"].rect
        if beside:
            assert icon.right() < title.left() + 0.5
            assert icon.center().y() == pytest.approx(title.center().y(), abs=1.0)
        else:
            assert icon.bottom() < title.top()


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("panel_id", ["entrepreneurs", "fostering-talent"])
def test_portrait_steps_fill_the_height_and_are_centred(qapp, panel_id, language) -> None:
    size = (1080, 1920)
    scale = Scale(QRectF(0, 0, *size))
    layout = shipped_view(panel_id, language).layout(QRectF(0, 0, *size))
    body_top = layout.texts["intro"].rect.bottom() + scale.px(SPACE_L)
    body_bottom = scale.content_rect().bottom()
    first, last = layout.shapes["circle:0"], layout.shapes["circle:2"]
    assert design_px(first.width(), size) >= 220
    assert first.top() - body_top == pytest.approx(body_bottom - last.bottom(), abs=1.0)
    assert last.bottom() - first.top() >= 0.75 * (body_bottom - body_top)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_portrait_hero_keeps_its_size_on_more_lines(qapp, language) -> None:
    size = (1080, 1920)
    headline = shipped_view("welcome", language).layout(QRectF(0, 0, *size)).texts["headline"]
    assert design_px(headline.pixel_size, size) >= 110


def test_an_intro_is_broken_into_even_lines(qapp) -> None:
    """Greedy wrapping leaves "screen" alone on the intro's second line; balancing does not."""
    intro = shipped_view("entrepreneurs", "en").layout(QRectF(0, 0, 1080, 1920)).texts["intro"]
    assert len(intro.fitted.lines) == 2
    assert all(len(line.split()) >= 3 for line in intro.fitted.lines)
