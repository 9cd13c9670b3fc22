"""Composition root: builds the show, the window, the records and the one ticker.

`run(options)` is what `kiosk run` calls. Everything that happens over time goes
through `KioskApp.tick(now)`, called by the single `Ticker`: the show, the
records (proof-of-play and status.json), the operator's long press and the
content watcher each say when they next need a tick.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.core.paths import resolve_data_dir
from kiosk.core.records import Records
from kiosk.core.source import Source, initial_source
from kiosk.logsetup import configure_logging, install_excepthook, shutdown_logging
from kiosk.ui.input import PointerInput
from kiosk.ui.show import Show
from kiosk.ui.signals import SignalBridge
from kiosk.ui.stage import Stage
from kiosk.ui.theme import register_fonts
from kiosk.ui.ticker import Ticker, monotonic_clock
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

DEFAULT_WINDOW_SIZE = (1280, 720)


@dataclass(frozen=True)
class RunOptions:
    """How `kiosk run` was asked to start."""

    content_path: Path
    data_dir: Path | None = None
    windowed: bool = False
    size: tuple[int, int] | None = None
    screen: int | None = None


def make_stage(source: Source) -> Stage:
    """A stage for a content source (the fallback is marked so new content replaces it)."""
    stage = Stage(source.content, source.content_dir)
    stage.is_fallback = source.origin == "fallback"
    return stage


class KioskApp:
    """The running kiosk: wires show, window, input, records and ticker together."""

    def __init__(
        self,
        options: RunOptions,
        data_dir: Path,
        clock: Callable[[], float] = monotonic_clock,
    ) -> None:
        self.options = options
        self.data_dir = data_dir
        self.clock = clock
        self.content_path = options.content_path.resolve()
        self.exit_code = 0
        now = clock()
        self.records = Records(data_dir, clock)
        source = initial_source(self.content_path, data_dir)
        self.show = Show(make_stage(source), now, listener=self.records)
        self._report_source(source)
        self.ticker = Ticker(self.tick, clock)
        self.pointer = PointerInput(self.show, clock, self._changed, self.request_admin)
        locked = not options.windowed
        self.window = KioskWindow(self.show, clock, self.pointer, locked=locked)
        self.window.after_paint = self._after_paint
        self.signals = SignalBridge(lambda _number: self.quit(0))

    # life cycle -------------------------------------------------------------------
    def start(self) -> None:
        """Show the window (full screen or windowed) and start ticking."""
        if self.options.windowed:
            width, height = self.options.size or DEFAULT_WINDOW_SIZE
            self.window.resize(width, height)
            self.window.show()
        else:
            screens = QApplication.screens()
            index = self.options.screen or 0
            screen = screens[index] if 0 <= index < len(screens) else screens[0]
            self.window.setScreen(screen)
            self.window.setGeometry(screen.geometry())
            self.window.showFullScreen()
        self.show.size = self.window.size()
        self.ticker.kick()

    def quit(self, code: int) -> None:
        """Leave the event loop with `code` (the operator's PIN, SIGTERM, SIGINT)."""
        self.exit_code = code
        self.window.allow_close = True
        QApplication.instance().exit(code)

    def shutdown(self) -> None:
        """Stop ticking and write the last records."""
        self.ticker.stop()
        self.signals.close()
        self.records.close()
        self.window.allow_close = True
        self.window.close()

    # time -----------------------------------------------------------------------
    def tick(self, now: float) -> float | None:
        """Advance everything to `now`; return when the next tick is needed."""
        due = [self.show.tick(now), self.records.tick(now), self.pointer.poll(now)]
        self.window.update()
        pending = [d for d in due if d is not None]
        return min(pending) if pending else None

    def _changed(self) -> None:
        self.window.update()
        self.ticker.kick()

    def _after_paint(self) -> None:
        if self.show.skip_requested:
            self.ticker.kick()

    # operator --------------------------------------------------------------------
    def request_admin(self) -> None:
        """The operator's gesture or shortcut: in windowed mode just close."""
        log.info("operator exit requested")
        if self.options.windowed:
            self.quit(0)

    def _report_source(self, source: Source) -> None:
        self.records.content_loaded(
            self.content_path,
            source.sha256,
            len(source.content.panels),
            len(source.problems),
            source.origin == "last_good",
        )
        self.show.problem_marker = source.error is not None
        self.records.content_error(source.error)
        if source.error:
            log.error("content problem: %s (showing %s)", source.error, source.origin)


def _application() -> QApplication:
    """The QApplication, created with a platform that works where the kiosk runs."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication([sys.argv[0]])


def run(options: RunOptions) -> int:
    """Run the kiosk until the operator, SIGTERM or SIGINT stops it; return the exit code."""
    data_dir = resolve_data_dir(options.data_dir)
    configure_logging(data_dir)
    install_excepthook()
    log.info("kiosk starting: content %s, data %s", options.content_path, data_dir)
    app = _application()
    register_fonts()
    kiosk = KioskApp(options, data_dir)
    kiosk.start()
    code = app.exec()
    kiosk.shutdown()
    log.info("kiosk stopped with exit code %s", kiosk.exit_code or code)
    shutdown_logging()
    return kiosk.exit_code or code
