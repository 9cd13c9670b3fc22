"""Helpers shared by the UI tests: panel views, shows drawn without a window, kiosks.

`PaintedShow` is a show and its view wired as the app wires them, painted into
images. `running_kiosk` starts the shipped content in full screen (or windowed)
on a `FakeClock`; `wait`, `tick` and `click` move its time and touch it the way
the tests of input, the PIN pad and lockdown need. `KioskApps` builds windowed
kiosks on any content and shuts them all down at the end of a test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest

from kiosk.core.content.model import Content
from kiosk.core.content.source import Source
from kiosk.core.records.paths import EVENTS_DB
from kiosk.core.records.report import summarize
from kiosk.core.show.presentation import Presentation
from kiosk.ui.app import KioskApp, RunOptions
from kiosk.ui.panels.base import PanelView, view_context
from kiosk.ui.panels.common import LaidOutView, PanelLayout, paint_background
from kiosk.ui.panels.registry import build_view
from kiosk.ui.show_view import ShowView
from kiosk.ui.stage import Stages
from tests.support import ROOT, FakeClock, as_source

KIOSK_START = 1000.0  # the fake monotonic time at which test kiosks start


def make_view(content: Content, index: int, tmp_path: Path | None = None) -> LaidOutView:
    """The English view of panel `index`, pictures resolved from `tmp_path` (or here)."""
    view = build_view(content.panels[index], view_context(content, tmp_path or Path("."), "en"))
    assert isinstance(view, LaidOutView)
    return view


class PaintedShow:
    """A show and its view, wired as `KioskApp` wires them, painted into images of `size`."""

    def __init__(self, content: Content | Source, now: float, size: tuple[int, int]) -> None:
        source = content if isinstance(content, Source) else as_source(content)
        self.size = size
        self.stages = Stages()
        self.show = Presentation(source, now, timing=self.stages)
        self.view = ShowView(self.show, self.stages)

    def tick(self, now: float) -> float | None:
        """Tick the show as the app does (failures found meanwhile are reported)."""
        due = self.show.tick(now)
        self.view.report_failures(now)
        return due

    def frame(self, now: float, format: QImage.Format = QImage.Format.Format_RGB32) -> QImage:
        """What the screen shows at `now` (failures are reported after the paint)."""
        image = QImage(*self.size, format)
        painter = QPainter(image)
        self.view.paint(painter, QRectF(0, 0, *self.size), now)
        painter.end()
        self.view.report_failures(now)
        return image

    def run_until(self, clock: FakeClock, end: float) -> None:
        """Tick like the app's ticker, at each due time, painting every frame, up to `end`."""
        while True:
            due = self.tick(clock.now)
            self.frame(clock.now)
            if due is None or clock.now >= end:
                return
            clock.now = min(max(due, clock.now), end)


def text_rects(layout: PanelLayout) -> dict[str, QRectF]:
    """The rectangle each text of `layout` occupies, by name."""
    return {key: block.rect for key, block in layout.texts.items()}


def paint_view(view: PanelView, size: tuple[int, int], t: float) -> QImage:
    """`view` painted at `t` over the theme's background, in an image of `size`."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    rect = QRectF(0, 0, *size)
    paint_background(painter, rect, view.ctx.theme)
    view.paint(painter, rect, t)
    painter.end()
    return image


@contextmanager
def running_kiosk(qtbot: Any, tmp_path: Path, *, windowed: bool = False) -> Iterator[KioskApp]:
    """A started kiosk on a copy of the shipped content, driven by a FakeClock."""
    content = tmp_path / "content.json"
    shutil.copy(ROOT / "content.json", content)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    options = RunOptions(content, data_dir, windowed=windowed, size=(1280, 720))
    kiosk = KioskApp(options, data_dir, clock=FakeClock(KIOSK_START))
    try:
        kiosk.start()
        qtbot.waitExposed(kiosk.window)
        yield kiosk
    finally:
        kiosk.shutdown()


def wait(kiosk: KioskApp, seconds: float) -> float:
    """Advance the kiosk's fake clock (nothing runs); return the new time."""
    return cast(FakeClock, kiosk.clock).advance(seconds)


def tick(kiosk: KioskApp, seconds: float) -> None:
    """Advance the fake clock and run the app's tick, as the ticker would."""
    kiosk.tick(wait(kiosk, seconds))


def click(
    kiosk: KioskApp, point: QPoint, button: Qt.MouseButton = Qt.MouseButton.LeftButton
) -> None:
    """A quick click (a tap) at `point`."""
    QTest.mousePress(kiosk.window, button, Qt.KeyboardModifier.NoModifier, point)
    wait(kiosk, 0.05)
    QTest.mouseRelease(kiosk.window, button, Qt.KeyboardModifier.NoModifier, point)


def flush_summary(kiosk: KioskApp) -> dict[str, Any]:
    """Commit the event log and read it back as `kiosk report` does."""
    kiosk.records.events.flush(kiosk.clock())
    return summarize(kiosk.data_dir / EVENTS_DB)


class KioskApps:
    """Builds windowed kiosks (not started) with their own data folders in `tmp_path`.

    Use it from a fixture: yield `build`, then call `shutdown_all`.
    """

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.made: list[KioskApp] = []

    def build(self, content_path: Path, clock: Any = None, **options: Any) -> KioskApp:
        """A windowed kiosk on `content_path` and `clock` (a new FakeClock by default).

        `options` are further `RunOptions` fields, such as ``size``.
        """
        data_dir = self.tmp_path / f"data{len(self.made)}"
        data_dir.mkdir()
        run = RunOptions(content_path=content_path, data_dir=data_dir, windowed=True, **options)
        app = KioskApp(run, data_dir, clock or FakeClock(KIOSK_START))
        self.made.append(app)
        return app

    def shutdown_all(self) -> None:
        """Shut down every kiosk built, the last first: signal bridges nest."""
        for app in reversed(self.made):
            app.shutdown()
