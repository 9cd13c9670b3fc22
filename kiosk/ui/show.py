"""What is on screen and what comes next: panels, language, transitions, idle reset.

The show is driven entirely by `now` (seconds, monotonic): the app's one ticker
calls `tick(now)` and repaints; visitors' actions call the navigation methods
with the same `now`. New content is staged and swapped in at the next panel
boundary, never mid-panel.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPixmap

from kiosk.core.show.easing import clamp01
from kiosk.core.show.idle import ATTRACT, IdleState, IdleTracker
from kiosk.core.show.rotation import Rotation
from kiosk.ui.chrome.controls import ChromeState, next_language, paint_chrome
from kiosk.ui.stage import Stage
from kiosk.ui.ticker import FRAME_SECONDS
from kiosk.ui.transition import Transition

log = logging.getLogger(__name__)

CONTROLS_VISIBLE_SECONDS = 5.0
CONTROLS_FADE_SECONDS = 0.4
COUNTDOWN_SECONDS = 5.0


class ShowListener(Protocol):
    """Receives what the show did, for proof-of-play and the status file."""

    def panel_shown(self, panel_id: str, language: str) -> None:
        """A panel appeared on screen."""

    def interaction(self, kind: str, panel_id: str | None, detail: str | None = None) -> None:
        """A visitor (or the idle reset) did something."""


class Show:
    """The running presentation of one content version at a time."""

    def __init__(self, stage: Stage, now: float, listener: ShowListener | None = None) -> None:
        self.stage = stage
        self.listener = listener
        self.language = stage.content.default_language
        self.size = QSize(1920, 1080)
        self.rotation = Rotation(self._dwells(stage), now)
        self.idle = IdleTracker(stage.content.settings.idle_timeout_seconds, COUNTDOWN_SECONDS)
        self.transition: Transition | None = None
        self.shown_index = 0
        self.panel_started = now
        self.last_touch: float | None = None
        self.pending: Stage | None = None
        self.pressed: str | None = None
        self.problem_marker = False
        self.skip_requested = False
        self._move_past_bad(now, direction=1)
        self._announce()

    # ----------------------------------------------------------------- state
    @property
    def current_panel_id(self) -> str:
        """Id of the panel on screen (or entering it)."""
        return self.stage.content.panels[self.shown_index].id

    def panel_time(self, now: float) -> float:
        """Seconds since the current panel appeared (negative during its transition)."""
        return now - self.panel_started

    def restart_clock(self, now: float) -> None:
        """Start the current panel (its entrance and full dwell) afresh at `now`."""
        self.panel_started = now
        self.rotation.go_to(self.shown_index, now)

    def stage_content(self, stage: Stage, now: float) -> None:
        """Take new content; it replaces the current one at the next panel boundary."""
        self.pending = stage
        if self.stage.is_fallback:
            self._apply_pending(now)
            self._show(0, now, direction=1)

    # ------------------------------------------------------------ navigation
    def touch(self, now: float) -> None:
        """Any visitor input: hold the rotation, show the controls, restart the idle clock."""
        self.idle.touch(now)
        self.rotation.hold(now)
        self.last_touch = now

    def next(self, now: float, cause: str | None = "swipe") -> None:
        """Show the next panel at once."""
        self._navigate(now, cause, (self.shown_index + 1) % self.stage.count, 1)

    def previous(self, now: float, cause: str | None = "swipe") -> None:
        """Show the previous panel at once."""
        self._navigate(now, cause, (self.shown_index - 1) % self.stage.count, -1)

    def go_to(self, index: int, now: float, cause: str | None = "tap") -> None:
        """Show panel `index` at once."""
        direction = 1 if index >= self.shown_index else -1
        self._navigate(now, cause, index % self.stage.count, direction)

    def toggle_language(self, now: float, cause: str = "language") -> None:
        """Switch every text to the next configured language."""
        self.touch(now)
        languages = self.stage.content.languages
        position = languages.index(self.language) if self.language in languages else -1
        self.language = languages[(position + 1) % len(languages)]
        if self.transition is not None:  # the incoming picture is in the old language
            self.transition = None
            self.panel_started = min(self.panel_started, now)
        self._record(cause, self.language)
        self._announce()

    def tap_panel(self, now: float) -> None:
        """A tap on the panel itself (not a control): shows the controls."""
        self.touch(now)
        self._record("tap", None)

    def toggle_pause(self, now: float) -> None:
        """Pause or resume the automatic rotation (Space on a presenter's keyboard)."""
        self.touch(now)
        if self.rotation.paused:
            self.rotation.resume(now)
        else:
            self.rotation.pause(now)
        self._record("key", "resume" if not self.rotation.paused else "pause")

    def _navigate(self, now: float, cause: str | None, target: int, direction: int) -> None:
        if cause is not None:
            self.touch(now)
            self._record(cause, None)
        self._show(target, now, direction)

    # ------------------------------------------------------------------ time
    def tick(self, now: float) -> float | None:
        """Advance the show to `now`; return when it next needs a tick."""
        if self.idle.poll(now):
            self._reset_to_attract(now)
        if self.skip_requested:
            self.skip_requested = False
            self._show((self.shown_index + 1) % self.stage.count, now, 1)
        elif self._dwell_over(now):
            self._show((self.shown_index + 1) % self.stage.count, now, 1)
        if self.transition is not None and self.transition.done(now):
            self.transition = None
        return self._next_tick(now)

    def _dwell_over(self, now: float) -> bool:
        """True when the automatic rotation is due to move on by one panel.

        A late tick still moves one panel, never several: every panel the rotation
        passes is really shown (and recorded), with a full dwell from `now`.
        """
        due = self.rotation.due(now)
        return due is not None and now >= due

    def is_still(self, now: float) -> bool:
        """True when nothing on screen moves at `now`: no transition, entrance or fade."""
        return self.transition is None and not self._animating(now)

    def _next_tick(self, now: float) -> float | None:
        if not self.is_still(now):
            return now + FRAME_SECONDS
        deadlines = [self.rotation.due(now)]
        if self.last_touch is not None:
            fade_start = self.last_touch + CONTROLS_VISIBLE_SECONDS
            deadlines.append(fade_start if now < fade_start else None)
        deadlines.append(self.idle.next_change_at(now))
        due = [d for d in deadlines if d is not None]
        return min(due) if due else None

    def _animating(self, now: float) -> bool:
        t = self.panel_time(now)
        if t < self.stage.settle_seconds(self.shown_index, self.language):
            return True
        opacity = self.controls_opacity(now)
        return 0.0 < opacity < 1.0

    def controls_opacity(self, now: float) -> float:
        """Opacity of the previous/next arrows: shown on touch, faded when untouched."""
        if self.last_touch is None:
            return 0.0
        fade = (now - self.last_touch - CONTROLS_VISIBLE_SECONDS) / CONTROLS_FADE_SECONDS
        return 1.0 - clamp01(fade)

    # ---------------------------------------------------------------- paint
    def paint(self, painter: QPainter, rect: QRectF, now: float) -> None:
        """Paint the frame at `now`: the panel (or the transition) and the chrome."""
        if self.transition is not None and not self.transition.done(now):
            self.transition.paint(painter, rect, now)
        else:
            t = max(0.0, self.panel_time(now))
            if not self.stage.paint(painter, rect, self.shown_index, self.language, t):
                self.skip_requested = True
        paint_chrome(painter, rect, self.chrome_state(now), self.stage.theme)

    def chrome_state(self, now: float) -> ChromeState:
        """What the controls show at `now`."""
        good = self.stage.good_indices()
        idle = self._idle_state(now)
        return ChromeState(
            count=len(good),
            current=good.index(self.shown_index) if self.shown_index in good else -1,
            language=self.language,
            next_language=next_language(self.stage.content.languages, self.language),
            controls_opacity=self.controls_opacity(now),
            countdown=idle.seconds_left if idle.phase == "countdown" else None,
            problem_marker=self.problem_marker,
            pressed=self.pressed,
            paused=self.rotation.paused,
        )

    def _idle_state(self, now: float) -> IdleState:
        """The idle phase for painting, without consuming the reset that `tick` acts on."""
        last = self.idle.last_touch
        if last is None or now >= last + self.idle.timeout:
            return ATTRACT
        return self.idle.state(now)

    def dot_target(self, dot: int) -> int:
        """The panel index behind progress dot `dot`."""
        return self.stage.good_indices()[dot]

    # ------------------------------------------------------------- internals
    def _show(self, target: int, now: float, direction: int) -> None:
        outgoing = self._current_picture(now)
        self._apply_pending(now)
        self.shown_index = target % self.stage.count
        self._move_past_bad(now, direction)
        if self.rotation.index != self.shown_index:
            self.rotation.go_to(self.shown_index, now)
        self._start_transition(outgoing, now, direction)
        self._announce()

    def _start_transition(self, outgoing: QPixmap | None, now: float, direction: int) -> None:
        settings = self.stage.content.settings
        duration = settings.transition_ms / 1000
        instant = settings.transition == "none" or settings.reduced_motion or duration <= 0
        if instant or outgoing is None:
            self.transition = None
            self.panel_started = now
            return
        incoming = self.stage.snapshot(self.shown_index, self.language, self.size, 0.0)
        self.transition = Transition(
            outgoing, incoming, settings.transition, now, duration, direction
        )
        self.panel_started = now + duration

    def _current_picture(self, now: float) -> QPixmap | None:
        if self.transition is not None and not self.transition.done(now):
            return self.transition.incoming
        if self.shown_index >= self.stage.count:
            return None
        t = max(0.0, self.panel_time(now))
        return self.stage.snapshot(self.shown_index, self.language, self.size, t)

    def _apply_pending(self, now: float) -> None:
        if self.pending is None:
            return
        self.stage, self.pending = self.pending, None
        if self.language not in self.stage.content.languages:
            self.language = self.stage.content.default_language
        self.rotation.set_dwells(self._dwells(self.stage), now)
        self.idle = IdleTracker(self.stage.content.settings.idle_timeout_seconds, COUNTDOWN_SECONDS)
        if self.last_touch is not None:
            self.idle.touch(self.last_touch)

    def _move_past_bad(self, now: float, direction: int) -> None:
        for _ in range(self.stage.count):
            if self.shown_index not in self.stage.bad:
                return
            self.shown_index = (self.shown_index + direction) % self.stage.count
        log.error("every panel of this content failed; showing the first one's background")

    def _reset_to_attract(self, now: float) -> None:
        self.language = self.stage.content.default_language
        self.rotation.release(now)
        self.rotation.resume(now)  # a presenter's pause ends with the visitor: rotate again
        self.last_touch = None
        self._record("idle_reset", None)
        self._show(0, now, -1)

    def _announce(self) -> None:
        if self.listener is not None:
            self.listener.panel_shown(self.current_panel_id, self.language)

    def _record(self, kind: str, detail: str | None) -> None:
        if self.listener is not None:
            self.listener.interaction(kind, self.current_panel_id, detail)

    @staticmethod
    def _dwells(stage: Stage) -> list[float]:
        return [stage.content.dwell_for(i) for i in range(stage.count)]
