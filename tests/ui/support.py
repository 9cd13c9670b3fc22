"""Helpers shared by the UI tests: panel views of sample content, and kiosks on a fake clock.

`running_kiosk` starts the shipped content in full screen (or windowed) on a
`FakeClock`; `wait`, `tick` and `click` move its time and touch it the way the
tests of input, the PIN pad and lockdown need. `KioskApps` builds windowed
kiosks on any content and shuts them all down at the end of a test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.core.content.model import Content
from kiosk.core.records.paths import EVENTS_DB
from kiosk.core.records.report import summarize
from kiosk.ui.app import KioskApp, RunOptions
from kiosk.ui.panels.common import LaidOutView
from kiosk.ui.panels.registry import build_view
from kiosk.ui.render import view_context
from tests.support import ROOT, FakeClock

KIOSK_START = 1000.0  # the fake monotonic time at which test kiosks start


def make_view(content: Content, index: int, tmp_path: Path | None = None) -> LaidOutView:
    """The English view of panel `index`, pictures resolved from `tmp_path` (or here)."""
    view = build_view(content.panels[index], view_context(content, tmp_path or Path("."), "en"))
    assert isinstance(view, LaidOutView)
    return view


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
