"""Panels to images: the `kiosk render` command and the image tests.

Rendering paints exactly what the kiosk paints (background, then the panel view
at time `at`, the chrome and the notice banner), into an image of exactly the
requested size. `render_when` paints what the screen shows at a wall-clock moment:
the panels in the rotation then, or the closed screen (``00-closed-<lang>.png``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from kiosk.core.content.model import Content
from kiosk.core.content.schedule import local_time
from kiosk.core.content.source import Source
from kiosk.core.show.calendar import content_zone, notice_text
from kiosk.core.show.changes import dwells
from kiosk.core.show.closed import ClosedScreen, closed_words
from kiosk.core.show.frame import resting_chrome
from kiosk.core.show.moment import OnScreen, on_screen_at
from kiosk.ui.chrome.controls import paint_chrome
from kiosk.ui.closed import paint_closed
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.qtapp import ensure_app
from kiosk.ui.stage import Stage


def render_panel_image(
    content: Content,
    content_dir: Path,
    panel_index: int,
    size: tuple[int, int],
    language: str,
    at: float | None = None,
    shown: Sequence[int] | None = None,
    notice: bool | None = None,
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
    shown : sequence of int or None
        The panels in the rotation (the dots); None: every panel.
    notice : bool or None
        Whether the notice banner is up; None: whenever the content has a notice.

    Returns
    -------
    QImage
        An image of exactly `size`, in ``Format_RGB32``.
    """
    ensure_app()
    stage = Stage(content, content_dir)
    t = stage.settle_seconds(panel_index, language) if at is None else at
    shown = range(len(content.panels)) if shown is None else shown
    banner = notice_text(content, language) if notice in (None, True) else None
    image, painter, rect = _canvas(size)
    try:
        stage.paint(painter, rect, panel_index, language, t)
        current = list(shown).index(panel_index) if panel_index in shown else -1
        chrome = resting_chrome(content.languages, len(shown), current, language, banner)
        paint_chrome(painter, rect, chrome, stage.theme)
    finally:
        painter.end()
    return image


def render_closed_image(content: Content, closed: ClosedScreen, size: tuple[int, int]) -> QImage:
    """Paint the closed screen `closed` of `content` into a new image of `size`."""
    ensure_app()
    image, painter, rect = _canvas(size)
    try:
        paint_closed(painter, rect, closed, Theme.from_settings(content.settings.theme))
    finally:
        painter.end()
    return image


def _canvas(size: tuple[int, int]) -> tuple[QImage, QPainter, QRectF]:
    """A new image of `size`, a painter on it, and its rectangle."""
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    return image, QPainter(image), QRectF(0, 0, size[0], size[1])


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
            written.append(_save(image, path))
    return written


CLOSED_NAME = "00-closed-{language}.png"


def closed_screen_in(content: Content, moment: OnScreen, language: str, zone: tzinfo
                     ) -> ClosedScreen:
    """The closed screen of `moment` with `language` first, lit (as a touch shows it)."""
    local = content_zone(content, zone)
    opening = moment.agenda.next_opening
    words = closed_words(local_time(moment.epoch, local),
                         None if opening is None else local_time(opening, local),
                         content.languages, language)
    notice = notice_text(content, language) if moment.agenda.notice else None
    return ClosedScreen(words, False, notice)


def render_when(
    content: Content,
    content_dir: Path,
    out_dir: Path,
    *,
    epoch: float,
    zone: tzinfo,
    size: tuple[int, int],
    languages: Sequence[str],
) -> list[Path]:
    """Render what the screen shows at `epoch`: the panels in the rotation, or the closed screen.

    Panels are ``NN-<panel id>-<lang>.png`` as `render_to_folder` names them (NN counts
    the panels in the rotation then); the closed screen is ``00-closed-<lang>.png``,
    lit, as a touch shows it even when the schedule switches the display off.

    Raises
    ------
    OSError
        When an image cannot be written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    moment = on_screen_at(content, epoch, zone, dwells(Source(content, content_dir, "file")))
    written: list[Path] = []
    for language in languages:
        if not moment.open:
            image = render_closed_image(content, closed_screen_in(content, moment, language, zone),
                                        size)
            written.append(_save(image, out_dir / CLOSED_NAME.format(language=language)))
            continue
        for position, index in enumerate(moment.panels):
            image = render_panel_image(content, content_dir, index, size, language,
                                       shown=moment.panels, notice=moment.agenda.notice)
            name = image_name(position + 1, content.panels[index].id, language)
            written.append(_save(image, out_dir / name))
    return sorted(written)


def _save(image: QImage, path: Path) -> Path:
    if not image.save(str(path)):  # PNG, from the file name
        raise OSError(f"could not write {path}")
    return path
