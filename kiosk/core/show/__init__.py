"""Running the show: the presentation model, its events, rotation, idle, gestures, PIN.

`Presentation` is the show as a Qt-free model, advanced by `tick(now)` and by
intents; `frame(now)` is what the screen shows; `events` is what it publishes.
"""

from kiosk.core.show.events import (
    ContentApplied,
    ContentStaged,
    Emitter,
    IdleReset,
    Interaction,
    LanguageChanged,
    NeedsFrames,
    PanelChanged,
    ProblemChanged,
    ShowEvents,
)
from kiosk.core.show.frame import ChromeState, Frame, Shot, Transition
from kiosk.core.show.presentation import Presentation
from kiosk.core.show.rotation import Rotation, RotationPolicy
from kiosk.core.show.timing import FRAME_SECONDS, PanelTiming, StillPanels

__all__ = [
    "FRAME_SECONDS",
    "ChromeState",
    "ContentApplied",
    "ContentStaged",
    "Emitter",
    "Frame",
    "IdleReset",
    "Interaction",
    "LanguageChanged",
    "NeedsFrames",
    "PanelChanged",
    "PanelTiming",
    "Presentation",
    "ProblemChanged",
    "Rotation",
    "RotationPolicy",
    "Shot",
    "ShowEvents",
    "StillPanels",
    "Transition",
]
