"""Composition root of `kiosk preview`: the kiosk's own show, drawn in an editor's window.

The preview builds what the kiosk builds (the `Presentation` model, its stages
and show view, the content watcher) and nothing a booth needs besides: no full
screen, no lockdown, no PIN, no records, no proof-of-play; its data folder is
its own (`kiosk.core.records.paths.preview_data_dir`), where it keeps the last
good version of the file for the next time it starts on a broken one.

What the editor does becomes the show's intents, none of them a visitor's
(``cause=None``: no idle countdown ever sends the preview back to the first
panel): previous, next and jump (`go_to`), language, replay (`start`), pause,
which is where the preview starts. A save is shown at once on the panel being
worked on (`replace_content`); a save with errors is listed and the last good
version stays up. Scrubbing paints the show at a chosen moment of the entrance
(`EntranceTime`); the model itself is not changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QApplication

from kiosk.boot import Prepared
from kiosk.core.content.load import LoadResult, load
from kiosk.core.content.location import FROM_OPTION
from kiosk.core.content.source import Source, initial_source, usable_source
from kiosk.core.content.validation import count, tally
from kiosk.core.show.events import NeedsFrames
from kiosk.core.show.presentation import Presentation
from kiosk.ui.chrome.controls import hit_test
from kiosk.ui.drawing.theme import register_fonts
from kiosk.ui.preview.canvas import FrameCanvas
from kiosk.ui.preview.controls import STEP_SECONDS, panel_labels
from kiosk.ui.preview.entrance import EntranceTime
from kiosk.ui.preview.frames import Frame, frames_for
from kiosk.ui.preview.moment import closed_note, moment_text, wall_clock
from kiosk.ui.preview.outline import OverflowOutlines
from kiosk.ui.preview.problems import ProblemsView
from kiosk.ui.preview.window import TITLE, PreviewWindow
from kiosk.ui.qtapp import kiosk_app
from kiosk.ui.qtlog import install_qt_message_handler
from kiosk.ui.show_view import ShowView
from kiosk.ui.signals import SignalBridge
from kiosk.ui.stage import Stages
from kiosk.ui.ticker import Ticker, monotonic_clock
from kiosk.ui.videoscreen import VideoScreen
from kiosk.ui.watcher import ContentWatcher, ReloadPlan

log = logging.getLogger(__name__)

# An editor's save is whole within milliseconds: a save that does not load is listed
# 0.35 s after the last file event, a good one 0.15 s after (the kiosk waits longer
# for slow copies; both answer within half a second of the save).
PREVIEW_DEBOUNCE = 0.15
PREVIEW_SETTLE = 0.35


@dataclass(frozen=True)
class PreviewOptions:
    """How `kiosk preview` was asked to start."""

    content_path: Path
    size: tuple[int, int] = (1920, 1080)
    language: str | None = None
    content_from: str = FROM_OPTION  # where content_path was found (location.SEARCH_ORDER)
    when: tuple[float, tzinfo] | None = None  # from this moment on (epoch, the machine's zone)


def preview_plan(now: float) -> ReloadPlan:
    """The watcher's schedule for an editor's saves (see `PREVIEW_DEBOUNCE`)."""
    return ReloadPlan(now, debounce=PREVIEW_DEBOUNCE, settle=PREVIEW_SETTLE)


class PreviewApp:
    """The running preview: the show, its window, the watcher, and the wiring between them."""

    def __init__(
        self,
        options: PreviewOptions,
        data_dir: Path,
        *,
        clock: Callable[[], float] = monotonic_clock,
        source: Source | None = None,
    ) -> None:
        self.data_dir, self.clock = data_dir, clock
        self.content_path = path = options.content_path.resolve()
        result = load(path)
        source = source or initial_source(path, data_dir)
        self.videos = VideoScreen()  # a video panel plays, as at the booth
        self.stages = Stages(self.videos)
        self.show = Presentation(source, clock(), timing=self.stages,
                                 clock=wall_clock(options.when, clock))
        self.view = ShowView(self.show, self.stages)
        self.outlines = OverflowOutlines(self.stages)
        self.frames, start = frames_for(options.size)
        self.frame_number = start
        self.entrance = EntranceTime(self.show, self.stages, clock)
        self.canvas = FrameCanvas(self.view, self.frames[start], self.entrance.paint_time,
                                  self._outline_areas, self._clicked)
        self.problems = ProblemsView()
        self.problems.show_file(path, options.content_from, moment_text(options.when, source))
        self.window = PreviewWindow(self.canvas, self.problems, self.frames, start)
        self.ticker = Ticker(self.tick, clock)
        self.signals = SignalBridge(lambda _number: self.quit(0))
        self.watcher = ContentWatcher(self.content_path, result.sha256, clock,
                                      plan=preview_plan(clock()), content=result.content)
        self.watcher.changed.connect(self.content_changed)
        self._wire_controls()
        self._follow_the_show()
        self.videos.follow(self.show, self.canvas)
        self.rotating = False  # the preview stays on the panel shown until asked to rotate
        self._hold_still()
        if options.language:
            self.show_language(options.language)
        self._take_result(result)

    def _wire_controls(self) -> None:
        actions, intents = self.window.commands, self._intents()
        for name, intent in intents.items():
            actions[name].triggered.connect(intent)
        for number in range(1, 10):
            actions[f"panel:{number}"].triggered.connect(
                lambda _checked=False, index=number - 1: self.go_to(index)
            )
        self.window.navigation.panel_chosen.connect(self.go_to)
        self.window.navigation.frame_chosen.connect(self.set_frame)
        self.window.time.scrubbed.connect(self.set_scrub)
        self.problems.panel_asked.connect(self.go_to)

    def _intents(self) -> dict[str, Callable[[], None]]:
        """What each of the window's actions does."""
        show = self.show
        return {
            "previous": lambda: show.previous(self.clock(), None),
            "next": lambda: show.next(self.clock(), None),
            "first": lambda: self.go_to(0),
            "last": lambda: self.go_to(len(show.content.panels) - 1),
            "language": lambda: show.toggle_language(self.clock(), None),
            "frame": lambda: self.set_frame((self.frame_number + 1) % len(self.frames)),
            "replay": self.replay,
            "earlier": lambda: self.step(-STEP_SECONDS),
            "later": lambda: self.step(STEP_SECONDS),
            "rotate": self.toggle_rotation,
        }

    def _follow_the_show(self) -> None:
        events = self.show.events
        events.needs_frames.connect(self._redraw)
        events.panel_changed.connect(lambda _event: self.entrance.live())
        events.opening_changed.connect(lambda _event: self._hold_still())

    # life cycle -------------------------------------------------------------------
    def start(self) -> None:
        """Show the window and the first panel's entrance."""
        screen = QApplication.primaryScreen()
        wanted = self.window.sizeHint()
        if screen is not None:  # never larger than the desktop, never full screen
            room = screen.availableGeometry().size() * 0.9
            wanted = wanted.boundedTo(room)
        self.window.resize(wanted)
        self.window.show()
        self.show.start(self.clock())
        self.videos.show_panel(self.show, self.canvas)

    def quit(self, code: int) -> None:
        """Leave the event loop with `code` (SIGTERM, SIGINT)."""
        QApplication.exit(code)

    def shutdown(self) -> None:
        """Stop ticking and watching, and close the window."""
        self.ticker.stop()
        self.videos.stop()
        self.watcher.close()
        self.signals.close()
        self.window.close()

    # time -----------------------------------------------------------------------
    def tick(self, now: float) -> float | None:
        """Advance the show to `now`; return when the next tick is needed."""
        due = self.show.tick(now)
        self.view.report_failures(now)
        self.refresh()
        self.canvas.update()
        return due

    def _redraw(self, _event: NeedsFrames) -> None:
        self.refresh()
        self.canvas.update()
        self.ticker.kick()

    # the editor's intents ---------------------------------------------------------
    def go_to(self, index: int) -> None:
        """Show panel `index` (from 0), if the content has it."""
        if 0 <= index < len(self.show.content.panels):
            self.show.go_to(index, self.clock(), None)

    def show_language(self, language: str) -> None:
        """Switch to `language`, if the content has it."""
        for _ in self.show.content.languages:
            if self.show.language == language:
                return
            self.show.toggle_language(self.clock(), None)

    def set_frame(self, number: int) -> None:
        """Show the panel on screen size `number` of the frames offered."""
        self.frame_number = number
        self.canvas.set_frame(self.frames[number])
        self.window.navigation.set_frame(number)
        self.window.arrange()

    def toggle_rotation(self) -> None:
        """Let the panels change on their own, as at the booth, or stay on the one shown."""
        self.rotating = not self.rotating
        if self.show.paused == self.rotating:
            self.show.toggle_pause(self.clock(), None)
        self.refresh()

    def _hold_still(self) -> None:
        """Keep the rotation paused unless asked for (a booth that opens starts it)."""
        if self.show.open and not self.rotating and not self.show.paused:
            self.show.toggle_pause(self.clock(), None)

    def replay(self) -> None:
        """Play the panel's entrance again from its start."""
        self.entrance.live()
        self.show.start(self.clock())

    def set_scrub(self, seconds: float) -> None:
        """Show the entrance `seconds` after it began, and hold it there."""
        self.entrance.choose(seconds)
        self.refresh()
        self.canvas.update()

    def step(self, seconds: float) -> None:
        """Move the entrance time by `seconds` (back when negative)."""
        self.set_scrub(self.entrance.position() + seconds)

    def _clicked(self, point: QPointF, frame: Frame) -> None:
        """A click on the frame: the kiosk's language button and dots answer, as to a visitor."""
        now = self.clock()
        control = hit_test(QRectF(0, 0, *frame.size), self.show.chrome(now), point)
        if control == "lang":
            self.show.toggle_language(now, None)
        elif control is not None and control.startswith("dot:"):
            self.show.go_to(self.show.active[int(control[4:])], now, None)

    # content --------------------------------------------------------------------
    def content_changed(self, result: LoadResult) -> None:
        """A save settled: list its problems; show it on the same panel unless it has errors."""
        source = usable_source(result, self.content_path, self.data_dir)
        if source is not None:
            self.show.replace_content(source, self.clock())
            self.videos.show_panel(self.show, self.canvas)  # the saved video, from its start
        self._take_result(result)

    def _take_result(self, result: LoadResult) -> None:
        """List the problems of the file as saved, and say whether the panel shows it."""
        fallback = self.show.source.origin == "fallback"
        self.problems.show_result(result, self.content_path.name, fallback=fallback)
        self.canvas.set_stale(not result.ok)
        errors, _ = tally(result.problems)
        flag = f" ({count(errors, 'error')})" if errors else ""
        self.window.setWindowTitle(f"{self.content_path.name}{flag} · {TITLE}")
        self.refresh()

    def _outline_areas(self, frame: Frame) -> list[QRectF]:
        show, when = self.show, self.entrance.paint_time()
        shown = show.frame(when)
        if shown.closed is not None or shown.transition is not None:
            return []
        return self.outlines.areas(show.source, show.index, show.language, frame,
                                   shown.chrome.notice)

    # the controls show the show -----------------------------------------------------
    def refresh(self) -> None:
        """Make the controls say what is on screen: panel, language, entrance time, rotation."""
        show, window = self.show, self.window
        window.navigation.set_panels(panel_labels(show.content, show.language), show.index)
        window.navigation.set_language(show.language, show.chrome(self.clock()).next_language)
        window.time.set_time(self.entrance.position(), self.entrance.settle())
        self.canvas.set_note(closed_note(show.frame(self.entrance.paint_time()).closed))
        window.time.set_rotating(self.rotating)
        window.set_open(show.open)


def run_preview(options: PreviewOptions, prepared: Prepared) -> int:
    """Show the preview window until it is closed (or SIGTERM / SIGINT); return the exit code."""
    install_qt_message_handler()
    app = kiosk_app(prepared.display)
    register_fonts()
    preview = PreviewApp(options, prepared.data_dir, source=prepared.source)
    preview.start()
    log.info("preview of %s open (nothing is recorded)", preview.content_path)
    code = app.exec()
    preview.shutdown()
    log.info("preview closed")
    return code
