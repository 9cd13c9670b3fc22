"""Panels to images: the `kiosk render` command and the image tests.

Rendering paints exactly what the kiosk paints (background, then the panel view
at time `at`), into an image of exactly the requested size.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from kiosk.core.content.model import Content
from kiosk.core.show.frame import resting_chrome
from kiosk.ui.chrome.controls import paint_chrome
from kiosk.ui.qtapp import ensure_app
from kiosk.ui.stage import Stage


def render_panel_image(
    content: Content,
    content_dir: Path,
    panel_index: int,
    size: tuple[int, int],
    language: str,
    at: float | None = None,
) -> QImage:
    """Paint panel `panel_index` of `content` into a new image.

    Parameters
    ----------
    content : Content
        The content document.
    content_dir : Path
        The folder panel pictures are relative to.
    panel_index : int
        Which panel, from 0.
    size : tuple of int
        Width and height of the image in pixels.
    language : str
        The language the panel is shown in.
    at : float or None
        Seconds since the panel appeared; None paints the settled panel.

    Returns
    -------
    QImage
        An image of exactly `size`, in ``Format_RGB32``.
    """
    ensure_app()
    stage = Stage(content, content_dir)
    t = stage.settle_seconds(panel_index, language) if at is None else at
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    rect = QRectF(0, 0, size[0], size[1])
    painter = QPainter(image)
    try:
        stage.paint(painter, rect, panel_index, language, t)
        chrome = resting_chrome(content.languages, len(content.panels), panel_index, language)
        paint_chrome(painter, rect, chrome, stage.theme)
    finally:
        painter.end()
    return image


def image_name(position: int, panel_id: str, language: str) -> str:
    """The file name of a rendered panel: ``NN-<panel id>-<lang>.png``, NN from 01."""
    return f"{position:02d}-{panel_id}-{language}.png"


def render_to_folder(
    content: Content,
    content_dir: Path,
    out_dir: Path,
    *,
    size: tuple[int, int],
    languages: Sequence[str],
    at: float | None = None,
    panel_id: str | None = None,
) -> list[Path]:
    """Render every panel (or only `panel_id`) in every language to PNG files.

    Parameters
    ----------
    content : Content
        The content document.
    content_dir : Path
        The folder panel pictures are relative to.
    out_dir : Path
        Where the PNGs go; created if missing.
    size : tuple of int
        Width and height of each image in pixels.
    languages : sequence of str
        The languages to render each panel in.
    at : float or None
        Seconds since each panel appeared; None renders settled panels.
    panel_id : str or None
        Render only the panel with this id.

    Returns
    -------
    list of Path
        The files written, in panel then language order.

    Raises
    ------
    OSError
        When an image cannot be written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for index, panel in enumerate(content.panels):
        if panel_id is not None and panel.id != panel_id:
            continue
        for language in languages:
            path = out_dir / image_name(index + 1, panel.id, language)
            image = render_panel_image(content, content_dir, index, size, language, at)
            if not image.save(str(path)):  # PNG, from the file name
                raise OSError(f"could not write {path}")
            written.append(path)
    return written
