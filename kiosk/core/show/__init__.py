"""Running the show: the presentation model, its events, rotation, idle, gestures, PIN.

`presentation.Presentation` is the show as a Qt-free model, advanced by `tick(now)`
and by intents; its `frame(now)` (`frame.Frame`) is what the screen shows; its
`events` (`events.ShowEvents`) are what it publishes. `calendar.WallClock` hands it
wall-clock time for the booth's hours; `moment.on_screen_at` says what is on screen at
any wall-clock moment without running a show.
"""

# the modules other packages use; the others serve these (imported on use: start-up
# needs only `strings` before Qt)
__all__ = [
    "calendar", "changes", "closed", "easing", "events", "frame", "gestures", "moment", "pinpad",
    "plantext", "presentation", "rotation", "strings", "timing",
]
