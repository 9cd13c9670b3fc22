"""Running the show: the presentation model, its events, rotation, idle, gestures, PIN.

`presentation.Presentation` is the show as a Qt-free model, advanced by `tick(now)`
and by intents; its `frame(now)` (`frame.Frame`) is what the screen shows; its
`events` (`events.ShowEvents`) are what it publishes.
"""

# the modules other packages use; the others serve these (imported on use: start-up
# needs only `strings` before Qt)
__all__ = [
    "easing", "events", "frame", "gestures", "pinpad", "presentation", "rotation", "strings",
    "timing",
]
