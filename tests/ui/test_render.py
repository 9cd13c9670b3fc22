"""Rendering panels to images and PNG files, as `kiosk render` does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage

from kiosk.ui.panels.base import view_context
from kiosk.ui.qtapp import ensure_app
from kiosk.ui.render import image_name, render_panel_image, render_to_folder
from tests.support import sample_content, sample_document
from tests.ui.support import make_view

ROOT = Path(__file__).resolve().parents[2]
STATS_PANEL = {
    "id": "figures",
    "kind": "stats",
    "title": "A natural resource",
    "figures": [{"value": 148200, "label": "Jobs"}],
    "chart": {
        "title": "Jobs by sector",
        "categories": ["TV", "Film"],
        "series": [{"name": "Direct", "values": [21100, 3200]}],
    },
    "source": "Source: CMPA",
}


@pytest.mark.parametrize("size", [(1280, 720), (1080, 1920), (333, 211)])
def test_image_has_exactly_the_requested_size_and_format(qapp, size) -> None:
    image = render_panel_image(sample_content(), ROOT, 1, size, "en")
    assert (image.width(), image.height()) == size
    assert image.format() == QImage.Format.Format_RGB32


def test_no_time_means_the_settled_panel(qapp) -> None:
    content = sample_content()
    settled = render_panel_image(content, ROOT, 2, (480, 270), "en")
    assert render_panel_image(content, ROOT, 2, (480, 270), "en", at=50.0) == settled
    assert render_panel_image(content, ROOT, 2, (480, 270), "en", at=0.15) != settled


def test_the_accent_bar_is_painted_in_the_accent_colour(qapp) -> None:
    content = sample_content()
    image = render_panel_image(content, ROOT, 1, (1920, 1080), "en")
    bar = make_view(content, 1).layout(QRectF(0, 0, 1920, 1080)).shapes["accent"]
    probe = image.pixelColor(round(bar.left() + bar.width() * 0.3), round(bar.center().y()))
    assert probe == QColor(content.settings.theme.accent)


def test_languages_render_differently(qapp) -> None:
    content = sample_content()
    english = render_panel_image(content, ROOT, 0, (480, 270), "en")
    assert render_panel_image(content, ROOT, 0, (480, 270), "fr") != english


def test_render_to_folder_names_files_by_position_id_and_language(qapp, tmp_path) -> None:
    written = render_to_folder(
        sample_content(), ROOT, tmp_path / "out", size=(320, 180), languages=["en", "fr"]
    )
    names = [path.name for path in written]
    assert names == [
        "01-welcome-en.png",
        "01-welcome-fr.png",
        "02-what-en.png",
        "02-what-fr.png",
        "03-how-en.png",
        "03-how-fr.png",
    ]
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (320, 180)


def test_render_to_folder_can_render_one_panel(qapp, tmp_path) -> None:
    written = render_to_folder(
        sample_content(), ROOT, tmp_path, size=(640, 360), languages=["fr"], at=0.2, panel_id="how"
    )
    assert [path.name for path in written] == ["03-how-fr.png"]
    assert QImage(str(written[0])).size().height() == 360


def test_image_name_pads_the_position() -> None:
    assert image_name(7, "closing", "fr") == "07-closing-fr.png"
    assert image_name(12, "x", "en") == "12-x-en.png"


def test_ensure_app_reuses_the_running_application(qapp) -> None:
    assert ensure_app() is QGuiApplication.instance()


def test_view_context_follows_the_settings(qapp) -> None:
    content = sample_content(settings={"reduced_motion": True, "theme": {"accent": "#FFAA00"}})
    ctx = view_context(content, ROOT, "fr")
    assert ctx.reduced_motion and ctx.language == "fr"
    assert ctx.theme.accent == QColor("#FFAA00")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display variables are Linux's")
def test_rendering_works_on_a_headless_machine(tmp_path) -> None:
    """With no display, no platform chosen and no app, rendering (stats chart too) works."""
    document = sample_document()
    document["panels"].append(STATS_PANEL)
    (tmp_path / "content.json").write_text(json.dumps(document), encoding="utf-8")
    code = (
        "import json, sys; from pathlib import Path\n"
        "from kiosk.core.content.model import Content\n"
        "from kiosk.ui.render import render_to_folder\n"
        "d = Path(sys.argv[1])\n"
        "c = Content.model_validate(json.loads((d / 'content.json').read_text()))\n"
        "print(len(render_to_folder(c, d, d / 'out', size=(200, 120), languages=['en'])))\n"
    )
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {key: value for key, value in os.environ.items() if key not in hidden}
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "4"
    assert sorted(p.name for p in (tmp_path / "out").iterdir())[0] == "01-welcome-en.png"
