"""What the screen shows at one moment, as plain data: the contract between model and view.

`Presentation.frame(now)` returns a `Frame`; the Qt layer paints it and nothing
else. A `Shot` names one panel picture (which content, which panel, which
language, how far into its entrance); a `Transition` blends two shots; a
`ChromeState` says what the controls over the panel show (and the notice banner);
outside opening hours `Frame.closed` (`kiosk.core.show.closed.ClosedScreen`) replaces
the panel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from kiosk.core.show.easing import clamp01, ease_in_out_cubic, progress

if TYPE_CHECKING:
    from kiosk.core.content.source import Source
    from kiosk.core.show.closed import ClosedScreen

CONTROLS_VISIBLE_SECONDS = 5.0  # the arrows stay this long after the last touch
CONTROLS_FADE_SECONDS = 0.4  # then fade out over this long

TransitionKind = Literal["fade", "slide"]


@dataclass(frozen=True)
class Shot:
    """One panel picture: panel `index` of `source` in `language`, `t` s into its entrance."""

    source: Source
    index: int
    language: str
    t: float


@dataclass(frozen=True, eq=False)
class Transition:
    """A blend from `outgoing` to `incoming`, started at `start` (compared by identity).

    `direction` is 1 when going forward (the incoming panel enters from the right
    for a slide) and -1 when going back.
    """

    outgoing: Shot
    incoming: Shot
    kind: TransitionKind
    start: float
    duration: float
    direction: int = 1

    @property
    def end(self) -> float:
        """When the incoming panel fully covers the screen."""
        return self.start + self.duration

    def done(self, now: float) -> bool:
        """True once the transition is over."""
        return now >= self.end

    def blend(self, now: float) -> float:
        """Eased completion at `now`: 0 all outgoing, 1 all incoming."""
        return ease_in_out_cubic(progress(now, self.start, self.duration))


@dataclass(frozen=True)
class ChromeState:
    """What the controls over the panel show at one moment.

    `count` progress dots, `current` of them lit (-1: none); the language button
    switches to `next_language` (None: no button); the arrows show at
    `controls_opacity`; `countdown` whole seconds before the idle reset (None: no
    countdown); `pressed` is the control under a finger (set by the input layer).
    """

    count: int
    current: int
    language: str
    next_language: str | None = None
    controls_opacity: float = 0.0
    countdown: int | None = None
    problem_marker: bool = False
    pressed: str | None = None
    paused: bool = False
    notice: str | None = None


@dataclass(frozen=True)
class Frame:
    """Everything on screen at one moment: the panel (or a transition) and the chrome.

    While the booth is closed, `closed` is what the screen shows instead of the panel.
    """

    shot: Shot
    transition: Transition | None
    chrome: ChromeState
    closed: ClosedScreen | None = None


def next_language(languages: list[str], current: str) -> str | None:
    """The language the language button switches to (None with a single language)."""
    if len(languages) < 2 or current not in languages:
        return None
    return languages[(languages.index(current) + 1) % len(languages)]


def resting_chrome(
    languages: list[str], count: int, current: int, language: str, notice: str | None = None
) -> ChromeState:
    """The chrome of an untouched kiosk showing dot `current` of `count`."""
    return ChromeState(count, current, language, next_language(languages, language),
                       notice=notice)


def controls_opacity(last_touch: float | None, now: float) -> float:
    """Opacity of the previous/next arrows: shown on touch, faded once left untouched."""
    if last_touch is None:
        return 0.0
    fade = (now - last_touch - CONTROLS_VISIBLE_SECONDS) / CONTROLS_FADE_SECONDS
    return 1.0 - clamp01(fade)


def controls_change_at(last_touch: float | None, now: float) -> float | None:
    """When the arrows next start to fade (None once they are fading or gone)."""
    if last_touch is None:
        return None
    fade_start = last_touch + CONTROLS_VISIBLE_SECONDS
    return fade_start if now < fade_start else None
