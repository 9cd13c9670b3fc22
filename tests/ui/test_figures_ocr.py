"""A text recogniser reads every settled figure of the statistics panel back exactly.

"$7.1 billion" once read "$71 billion": Inter kerned the period under the 7's arm and
up to the 1. A figure a recogniser misreads, a visitor may misread. Each settled figure
is cut out of the rendered panel in the two parts the panel draws, its digits and its
unit words (`FigureType.boxes`); the ink is separated from the background, the part
scaled to the size a recogniser reads best (digits 36 px high), and Debian's tesseract
reads it: the digits with the figures' alphabet, the words in the panel's language.
Both must read back exactly, in English and French, landscape and portrait.
Skipped, saying why, where tesseract (or its French data) is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.core.content.model import Content
from kiosk.core.content.numbers import split_figure
from kiosk.ui.panels.base import view_context
from kiosk.ui.panels.registry import build_view
from kiosk.ui.render import render_panel_image

ROOT = Path(__file__).resolve().parents[2]
TESSERACT = shutil.which("tesseract")
LANGUAGES = {"en": "eng", "fr": "fra"}
DIGITS_ALPHABET = "0123456789$.,%€£ "
CAP_HEIGHT = 0.73  # of the size: Inter's digits
READ_AT = 36  # px: the height of digits tesseract reads best
SIZES = [(1920, 1080), (1080, 1920), (1280, 720)]
MORE_FIGURES = [
    {"value": 1.1e9, "format": "currency-compact", "label": "A one beside the mark"},
    {"value": 12.5, "format": "percent", "label": "A share"},
    {"value": 2500000, "format": "currency", "label": "An amount"},
    {"value": 1234567, "format": "number", "label": "A count"},
]

pytestmark = pytest.mark.skipif(
    TESSERACT is None,
    reason="tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-fra)",
)


def installed_languages() -> set[str]:
    listed = subprocess.run([TESSERACT, "--list-langs"], capture_output=True, text=True)
    return set(listed.stdout.split())


def shipped() -> Content:
    return Content.model_validate_json((ROOT / "content.json").read_text(encoding="utf-8"))


def with_more_figures() -> Content:
    document = shipped().model_dump(by_alias=True, exclude_none=True)
    stats = next(p for p in document["panels"] if p["kind"] == "stats")
    stats["figures"] = MORE_FIGURES
    return Content.model_validate(document)


def ink_only(image: QImage, ink: QColor, ground: QColor) -> QImage:
    """Black where `image` is nearer `ink` than `ground` in lightness, white elsewhere."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    threshold = (ink.lightness() + ground.lightness()) / 2
    dark_ink = ink.lightness() < ground.lightness()
    for y in range(gray.height()):
        row = gray.scanLine(y)
        for x in range(gray.width()):
            row[x] = 0 if (row[x] < threshold) == dark_ink else 255
    return gray


def prepared(crop: QImage, scale: float, ink: QColor, ground: QColor) -> QImage:
    """The crop scaled by `scale`, black ink on white, with a white margin."""
    scaled = crop.scaledToHeight(max(8, round(crop.height() * scale)),
                                 Qt.TransformationMode.SmoothTransformation)
    binary = ink_only(scaled, ink, ground)
    page = QImage(binary.width() + 40, binary.height() + 40, QImage.Format.Format_Grayscale8)
    page.fill(QColor("white"))
    painter = QPainter(page)
    painter.drawImage(20, 20, binary)
    painter.end()
    return page


def read(page: QImage, language: str, alphabet: str | None, tmp_path: Path) -> str:
    path = tmp_path / "part.png"
    assert page.save(str(path))
    command = [TESSERACT, str(path), "-", "--psm", "7", "-l", LANGUAGES[language]]
    if alphabet:
        command += ["-c", f"tessedit_char_whitelist={alphabet}"]
    return subprocess.run(command, capture_output=True, text=True).stdout.strip()


def plain(text: str) -> str:
    """`text` as a recogniser writes it: no-break spaces as spaces, no space at the ends."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def misreads(content: Content, size: tuple[int, int], language: str, tmp_path: Path) -> list:
    if LANGUAGES[language] not in installed_languages():
        pytest.skip(f"tesseract has no {LANGUAGES[language]} data (tesseract-ocr-fra)")
    index = next(i for i, p in enumerate(content.panels) if p.kind == "stats")
    image = render_panel_image(content, ROOT, index, size, language)
    view = build_view(content.panels[index], view_context(content, ROOT, language))
    grid = view.layout(QRectF(0, 0, *size)).grid
    theme = view.ctx.theme
    wrong = []
    for figure, baseline, text in zip(
        grid.types, grid.baselines, view.figure_texts(view.settle_seconds), strict=True
    ):
        size_px = figure.digits.pixelSize()
        for number, (part, box) in enumerate(figure.boxes(baseline, text)):
            digits = number == 0
            pad = size_px * 0.06
            crop = image.copy(box.adjusted(-pad, 0, pad, 0).toAlignedRect())
            cap = CAP_HEIGHT * figure.digits.pixelSize() * (1 if digits else 0.5)
            page = prepared(crop, READ_AT / cap, theme.accent, theme.background)
            got = read(page, language, DIGITS_ALPHABET if digits else None, tmp_path)
            if got != plain(part):
                wrong.append((plain(part), got))
    return wrong


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_settled_figure_of_the_shipped_panel_reads_back_exactly(
    qapp, tmp_path, language, size
) -> None:
    assert misreads(shipped(), size, language, tmp_path) == []


@pytest.mark.parametrize("size", SIZES[:2], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "fr"])
def test_figures_of_every_format_read_back_exactly(qapp, tmp_path, language, size) -> None:
    assert misreads(with_more_figures(), size, language, tmp_path) == []


def test_the_figures_read_are_the_settled_figures(qapp) -> None:
    content = shipped()
    index = next(i for i, p in enumerate(content.panels) if p.kind == "stats")
    view = build_view(content.panels[index], view_context(content, ROOT, "en"))
    texts = view.figure_texts(view.settle_seconds)
    assert texts == ["$7.1 billion", "$8.9 billion", "$3.2 billion", "148,200"]
    assert split_figure(texts[0]) == ("$7.1", " billion")
