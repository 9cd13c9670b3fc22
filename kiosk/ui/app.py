"""Composition root: builds the show, the window, the records and the one ticker.

`run_prepared(options, prepared)` is what `kiosk run` calls once `kiosk.boot` has
loaded the content (before Qt is imported). Everything that happens over time goes
through `KioskApp.tick(now)`, called by the single `Ticker`: the show, the
records (proof-of-play and status.json), the operator's long press and the
content watcher each say when they next need a tick.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.boot import Prepared, RunOptions, stopped_during_startup
from kiosk.core.content.load import LoadResult
from kiosk.core.content.source import Source, error_summary, initial_source, reload_source
from kiosk.core.records.paths import SCREENSHOT_FILE
from kiosk.core.records.recorder import Records
from kiosk.core.records.sdnotify import notify
from kiosk.display import Display, confirm_platform
from kiosk.logsetup import shutdown_logging
from kiosk.ui.chrome.pinpad import PinPad
from kiosk.ui.drawing.theme import register_fonts
from kiosk.ui.exposure import ScreenWatch
from kiosk.ui.front import FrontGuard
from kiosk.ui.input import PointerInput
from kiosk.ui.qtlog import install_qt_message_handler
from kiosk.ui.screenshot import Screenshots
from kiosk.ui.show import Show
from kiosk.ui.signals import SignalBridge
from kiosk.ui.stage import Stage
from kiosk.ui.ticker import Ticker, monotonic_clock
from kiosk.ui.warmup import Warmup
from kiosk.ui.watcher import ContentWatcher
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

DEFAULT_WINDOW_SIZE = (1280, 720)


def make_stage(source: Source) -> Stage:
    """A stage for a content source (the fallback is marked so new content replaces it)."""
    return Stage(source.content, source.content_dir, is_fallback=source.origin == "fallback")


class KioskApp:
    """The running kiosk: wires show, window, input, records and ticker together."""

    def __init__(
        self,
        options: RunOptions,
        data_dir: Path,
        clock: Callable[[], float] = monotonic_clock,
        source: Source | None = None,
    ) -> None:
        self.options = options
        self.data_dir = data_dir
        self.clock = clock
        self.content_path = options.content_path.resolve()
        self.exit_code = 0
        now = clock()
        self.records = Records(data_dir, clock)
        self.records.status.content_from = options.content_from
        source = source or initial_source(self.content_path, data_dir)
        self.show = Show(make_stage(source), now, listener=self.records)
        self._report_source(source)
        self.ticker = Ticker(self.tick, clock)
        self.warmup = Warmup()
        self.first_frame_shown = False
        self.pinpad = PinPad(self.show, on_accept=lambda: self.quit(0))
        self.pointer = PointerInput(
            self.show, clock, self._changed, self.request_admin, self.pinpad
        )
        locked = not options.windowed
        self.window = KioskWindow(self.show, clock, self.pointer, locked=locked, pad=self.pinpad)
        self.window.after_paint = self._after_paint
        self.screen_watch = ScreenWatch(self.window, self._screen_changed)
        self.ready_sent = False
        self.window.cursor_revealed = self.ticker.kick
        self.front = FrontGuard(self.window)  # full screen: stays in front of the visitor
        self.signals = SignalBridge(lambda _number: self.quit(0))
        shown_file = source.content if source.origin == "file" else None
        self.watcher = ContentWatcher(self.content_path, source.sha256, clock, content=shown_file)
        self.watcher.changed.connect(self.content_changed)
        self.screenshots = Screenshots(
            data_dir / SCREENSHOT_FILE, self.window.grab, self._screenshot_minutes,
            self._screen_ready, now,
        )  # fmt: skip

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
            self.front.start()
        self.screen_watch.attach()
        self.show.size = self.window.size()
        self.show.restart_clock(self.clock())  # the first panel's entrance starts on screen
        self.ticker.kick()

    def quit(self, code: int) -> None:
        """Leave the event loop with `code` (the operator's PIN, SIGTERM, SIGINT)."""
        self.exit_code = code
        self.window.allow_close = True
        QApplication.exit(code)

    def shutdown(self) -> None:
        """Stop ticking and write the last records."""
        self.ticker.stop()
        self.front.stop()
        self.screen_watch.detach()
        self.watcher.close()
        self.signals.close()
        self.records.close()
        self.window.allow_close = True
        self.window.close()

    # time -----------------------------------------------------------------------
    def tick(self, now: float) -> float | None:
        """Advance everything to `now`; return when the next tick is needed."""
        due = [
            self.show.tick(now),
            self.records.tick(now),
            self.pointer.poll(now),
            self.pinpad.tick(now),
            self.window.hide_idle_cursor(now),
            self._warm(now),
            self.screenshots.tick(now),
        ]
        self.window.update()
        pending = [d for d in due if d is not None]
        return min(pending) if pending else None

    def _changed(self) -> None:
        self.window.update()
        self.ticker.kick()

    def _after_paint(self) -> None:
        self.screen_watch.frame_painted()
        if not self.first_frame_shown:  # the rest of the start-up waits for this moment
            self.first_frame_shown = True
            self._queue_warmup(self.show.stage)
        if self.show.skip_requested:
            self.ticker.kick()

    def _screenshot_minutes(self) -> float:
        return self.show.stage.content.settings.screenshot_minutes

    def _screen_ready(self, now: float) -> bool:
        """Whether the screen shows a settled panel for visitors (for a screenshot)."""
        return self.first_frame_shown and self.show.is_still(now) and not self.pinpad.is_open

    def _screen_changed(self, on_screen: bool, problem: str | None, facts: dict[str, Any]) -> None:
        """Records count only what a visitor can see; systemd hears READY=1 then, once."""
        self.records.screen_changed(on_screen, problem, facts)
        if on_screen and not self.ready_sent:
            notify("READY=1")
            self.ready_sent = True
        self.ticker.kick()

    def _queue_warmup(self, stage: Stage) -> None:
        """Prepare every view of `stage` in idle time, the next panel's first."""
        self.warmup.clear()
        self.warmup.add(stage.warm_jobs(self.show.language, self.show.shown_index + 1))
        self.ticker.kick()

    def _warm(self, now: float) -> float | None:
        """One warm-up job while nothing moves; the next tick at once while jobs remain.

        While the show moves, its own frame ticks come back here; while the PIN pad
        is open the operator has the screen, and the pad's closing kicks the ticker.
        """
        if not self.warmup.pending or not self.show.is_still(now) or self.pinpad.is_open:
            return None
        self.warmup.run_one()
        return now if self.warmup.pending else None

    # operator --------------------------------------------------------------------
    def request_admin(self) -> None:
        """The operator's gesture or shortcut: open the PIN pad (in windowed mode just close)."""
        log.info("operator exit requested")
        if self.options.windowed:
            self.quit(0)
        elif not self.pinpad.is_open:
            self.pinpad.open(self.clock())
            self._changed()

    # content ---------------------------------------------------------------------
    def content_changed(self, result: LoadResult) -> None:
        """A new version of content.json settled: stage it, or keep what is shown and say why."""
        source = reload_source(result, self.content_path, self.data_dir)
        if source is None:
            error = error_summary(result, self.content_path) or "content could not be loaded"
            log.error("content problem: %s (keeping the content on screen)", error)
            self.show.problem_marker = True
            self.records.content_error(error, using_last_good=not self.show.stage.is_fallback)
        else:
            stage = make_stage(source)
            self.show.stage_content(stage, self.clock())
            self._report_source(source)
            if self.first_frame_shown:
                self._queue_warmup(stage)
        self._changed()

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


def _application(display: Display) -> QApplication:
    """The QApplication, on the platform `kiosk.boot` chose (never a silent offscreen).

    Raises
    ------
    DisplayUnavailable
        When Qt could not start on that platform after all.
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0]])
    confirm_platform(display, app.platformName())
    return app


def _mark_first_paint(window: KioskWindow) -> None:
    """Benchmarks only: write the first paint's wall time to $KIOSK_BENCH_FIRST_PAINT."""
    path = os.environ.get("KIOSK_BENCH_FIRST_PAINT")
    after = window.after_paint
    if not path:
        return

    def first() -> None:
        import time

        window.after_paint = after
        Path(path).write_text(repr(time.time()), encoding="utf-8")
        if after is not None:
            after()

    window.after_paint = first


def run_prepared(options: RunOptions, prepared: Prepared) -> int:
    """Show the prepared content and run until the operator, SIGTERM or SIGINT stops it.

    Parameters
    ----------
    options
        How the kiosk was asked to start.
    prepared
        The data folder and the content loaded by `kiosk.boot.prepare`.

    Returns
    -------
    int
        The process exit code.
    """
    install_qt_message_handler()  # Qt's own messages go to the log too
    app = _application(prepared.display)
    register_fonts()
    kiosk = KioskApp(options, prepared.data_dir, source=prepared.source)
    _mark_first_paint(kiosk.window)  # issue 7 benchmarks; inert unless the env var is set
    code = 0
    if not stopped_during_startup():  # a signal before the bridge was installed
        kiosk.start()
        code = app.exec()
    kiosk.shutdown()
    log.info("kiosk stopped with exit code %s", kiosk.exit_code or code)
    shutdown_logging()
    return kiosk.exit_code or code
