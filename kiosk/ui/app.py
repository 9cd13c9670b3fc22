"""Composition root: builds the show, its view, the window, the records and the one ticker.

`run_prepared(options, prepared)` is what `kiosk run` calls once `kiosk.boot` has
loaded the content (before Qt is imported). This module is the only place where
the parts are wired together:

- the show (`Presentation`, Qt-free) is told the time by the ticker and told what
  people do by the input layer and the content watcher;
- the records follow the show's events; the window repaints and the ticker wakes
  up when the show says the screen changed (`needs_frames`);
- new content is warmed up when it is staged; the PIN pad takes the PIN of the
  content on screen when it is applied;
- a screenshot of what visitors see is saved now and then, when the screen is still;
- the records count only while the window is on a screen a visitor can see
  (`ScreenWatch`); full screen, the window stays in front (`FrontGuard`);
- the video of a video panel on screen plays, its frames repainting the window
  (`VideoScreen`).
- the show reads wall-clock time through a `WallClock` (opening hours, dated panels,
  the notice, screens in step); when the schedule switches the display off or on,
  `ScreenPower` does it.

Everything that happens over time goes through `KioskApp.tick(now)`, called by
the single `Ticker`: the show, the records, the operator's long press, the PIN
pad, the cursor, the warm-up and the screenshots each say when they next need a tick.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk.boot import Prepared, RunOptions, stopped_during_startup
from kiosk.core.content.load import LoadResult
from kiosk.core.content.source import (
    FileRead,
    Source,
    error_summary,
    initial_source,
    usable_source,
)
from kiosk.core.records.localtime import local_zone
from kiosk.core.records.paths import SCREENSHOT_FILE
from kiosk.core.records.recorder import Records
from kiosk.core.records.sdnotify import notify
from kiosk.core.show.calendar import WallClock
from kiosk.core.show.events import ContentApplied, ContentStaged, NeedsFrames, OpeningChanged
from kiosk.core.show.pinpad import PinPad
from kiosk.core.show.presentation import Presentation
from kiosk.core.show.timing import earliest
from kiosk.logsetup import shutdown_logging
from kiosk.screenpower import ScreenPower
from kiosk.ui.chrome.pinpad import PadView
from kiosk.ui.drawing.theme import register_fonts
from kiosk.ui.exposure import ScreenWatch
from kiosk.ui.front import FrontGuard
from kiosk.ui.input import PointerInput
from kiosk.ui.qtapp import kiosk_app
from kiosk.ui.qtlog import install_qt_message_handler
from kiosk.ui.screenshot import Screenshots
from kiosk.ui.show_view import ShowView
from kiosk.ui.signals import SignalBridge
from kiosk.ui.stage import Stages
from kiosk.ui.ticker import Ticker, monotonic_clock
from kiosk.ui.videoscreen import VideoScreen
from kiosk.ui.warmup import Warmup
from kiosk.ui.watcher import ContentWatcher
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

DEFAULT_WINDOW_SIZE = (1280, 720)


class KioskApp:
    """The running kiosk: every part, and the wiring between them."""

    def __init__(
        self,
        options: RunOptions,
        data_dir: Path,
        clock: Callable[[], float] = monotonic_clock,
        source: Source | None = None,
        wall: Callable[[], float] = time.time,
        power: ScreenPower | None = None,
    ) -> None:
        self.options = options
        self.data_dir = data_dir
        self.clock = clock
        self.content_path = options.content_file
        self.exit_code = 0
        self.first_frame_shown = False
        source = source or initial_source(self.content_path, data_dir)
        if source.error:
            log.error("content problem: %s (showing %s)", source.error, source.origin)
        self.records = Records(data_dir, clock)
        self.records.status.content_from = options.content_from
        self.videos = VideoScreen()  # the video panel on screen, if any, plays
        self.stages = Stages(self.videos)
        self.wall_clock = WallClock(lambda now: wall() + now - self.clock(), local_zone())
        self.show = Presentation(source, clock(), timing=self.stages, clock=self.wall_clock)
        self.power = power or ScreenPower(QGuiApplication.platformName())
        self.dark = False  # the display is switched off by the schedule
        self._describe_power()
        self.records.follow(self.show, self.content_path)
        self.view = ShowView(self.show, self.stages)
        self.ticker = Ticker(self.tick, clock)
        self.warmup = Warmup()
        settings = source.content.settings
        self.pinpad = PinPad(settings.admin_pin, lambda: self.quit(0), self.show.operator,
                             settings.reduced_motion)
        pad = PadView(self.pinpad)
        self.pointer = PointerInput(self.show, pad, clock, self.request_admin)
        self.window = KioskWindow(self.view, pad, self.pointer, clock, locked=not options.windowed,
                                  wake=self.ticker.kick, painted=self._painted)
        self.screen_watch = ScreenWatch(self.window, self._screen_changed)
        self.ready_sent = False
        self.front = FrontGuard(self.window)  # full screen: stays in front of the visitor
        self.signals = SignalBridge(lambda _number: self.quit(0))
        shown_file = source.content if source.origin == "file" else None
        read = source.read or FileRead(source.sha256)  # the file as read at start
        self.watcher = ContentWatcher(self.content_path, read.sha256, clock, content=shown_file,
                                      unreadable=read.unreadable)
        self.watcher.changed.connect(self.content_changed)
        self.screenshots = Screenshots(
            data_dir / SCREENSHOT_FILE, self.window.grab, self._screenshot_minutes,
            self._screen_ready, clock(),
        )  # fmt: skip
        self._follow_the_show()
        self.videos.follow(self.show, self.window)

    def _follow_the_show(self) -> None:
        events = self.show.events
        events.needs_frames.connect(self._redraw)
        events.content_staged.connect(self._staged)
        events.content_applied.connect(self._applied)
        events.opening_changed.connect(self._opening_changed)

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
        self.show.start(self.clock())  # the first panel's entrance starts on screen
        self.videos.show_panel(self.show, self.window)
        self._power(self.show.dark)  # started outside opening hours: the display goes off

    def quit(self, code: int) -> None:
        """Leave the event loop with `code` (the operator's PIN, SIGTERM, SIGINT)."""
        self.exit_code = code
        self.window.allow_close = True
        QApplication.exit(code)

    def shutdown(self) -> None:
        """Stop ticking and write the last records."""
        self.ticker.stop()
        self.videos.stop()
        if self.dark:  # the operator left the kiosk: give them their screen back
            self._power(False)
        self.power.close()
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
        self._check_power(now)
        due = earliest(
            self.show.tick(now),
            self.records.tick(now),
            self.pointer.poll(now),
            self.pinpad.tick(now),
            self.window.hide_idle_cursor(now),
            self._warm(now),
            self.screenshots.tick(now),
        )
        self.view.report_failures(now)  # a panel may fail as the show asks how long it moves
        self.window.show_frame(now)
        return due

    def _redraw(self, _event: NeedsFrames) -> None:
        """The screen changed: repaint, and tick (at frame rate while it moves)."""
        self.window.update()
        self.ticker.kick()

    def _painted(self, now: float) -> None:
        self.screen_watch.frame_painted()
        if not self.first_frame_shown:  # the rest of the start-up waits for this moment
            self.first_frame_shown = True
            log.info("first frame on screen")
            self._queue_warmup(self.show.source)

    def _screenshot_minutes(self) -> float:
        return self.show.content.settings.screenshot_minutes

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

    def _queue_warmup(self, source: Source) -> None:
        """Prepare every view of `source` in idle time, the next panel's first."""
        self.warmup.clear()
        stage = self.stages.stage_for(source)
        self.warmup.add(stage.warm_jobs(self.show.language, self.show.upcoming))
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
            if self.show.dark:  # someone is there: the closed screen lights up under the pad
                self.show.touch(self.clock())
            self.pinpad.open(self.clock(), self.show.language)
            self.window.update()
            self.ticker.kick()

    # content ---------------------------------------------------------------------
    def content_changed(self, result: LoadResult) -> None:
        """A new version of content.json settled: stage it, or keep what is shown and say why."""
        source = usable_source(result, self.content_path, self.data_dir)
        if source is None:
            error = error_summary(result, self.content_path) or "content could not be loaded"
            log.error("content problem: %s (keeping the content on screen)", error)
            self.records.problems_found(result.problems)  # the status counts this file's
            self.show.reject_content(error, self.clock())
        else:
            self.show.stage_content(source, self.clock())

    def _staged(self, event: ContentStaged) -> None:
        if self.first_frame_shown:
            self._queue_warmup(event.source)

    def _applied(self, _event: ContentApplied) -> None:
        settings = self.show.content.settings  # the content just applied
        self.pinpad.configure(settings.admin_pin, settings.reduced_motion)
        self._describe_power()

    # the schedule ------------------------------------------------------------------
    def _opening_changed(self, event: OpeningChanged) -> None:
        """The booth opened or closed: switch the display off or on when the schedule says."""
        self._power(event.dark)
        self.window.update()
        self.ticker.kick()

    def _power(self, dark: bool) -> None:
        """Switch the display off (`dark`) or back on, if that changes anything."""
        if dark == self.dark:
            return
        self.dark = dark
        if not dark and self.power.off_failed is not None:
            return  # it never went off: nothing to switch back on
        schedule = self.show.content.schedule
        self.power.switch(not dark, cec=schedule is not None and schedule.hdmi_cec)
        if not dark and not self.options.windowed and self.power.platform.startswith("wayland"):
            self.window.showFullScreen()  # wlr-randr took the output away, and gave it back

    def _check_power(self, now: float) -> None:
        """The display did not go off (xset found no DPMS): the closed screen stays drawn.

        The switch runs on a worker thread; its outcome is read here, at the next tick
        (the records tick every 10 s while the screen is dark).
        """
        if self.dark and self.power.off_failed is not None:
            self.show.display_stays_on(now)
            self._describe_power()

    def _describe_power(self) -> None:
        """status.json says how the schedule switches the display off, when it does."""
        schedule = self.show.content.schedule
        off = schedule is not None and schedule.outside_hours == "screen_off"
        cec = schedule is not None and schedule.hdmi_cec
        self.records.status.screen_power = self.power.describe(cec) if off else None


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
    app = kiosk_app(prepared.display)
    register_fonts()
    kiosk = KioskApp(options, prepared.data_dir, source=prepared.source)
    code = 0
    if not stopped_during_startup():  # a signal before the bridge was installed
        kiosk.start()
        code = app.exec()
    kiosk.shutdown()
    log.info("kiosk stopped with exit code %s", kiosk.exit_code or code)
    shutdown_logging()
    return kiosk.exit_code or code
