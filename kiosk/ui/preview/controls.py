"""The preview's buttons and keys: panel, language, screen, entrance time, rotation.

Every control is a `QAction` with its keys, so a button and its shortcut do one
thing; each tooltip names the keys, and `LEGEND` lists them under the window.
The controls only say what was asked (signals and actions); the preview app
turns that into the show's intents.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QWidget,
)

from kiosk.core.content.cleantext import localized_text
from kiosk.core.content.model import Content
from kiosk.core.show.strings import language_name
from kiosk.ui.preview.frames import Frame

TITLE_CHARACTERS = 48  # of a panel's title in the panel list
SLIDER_STEPS_PER_SECOND = 100  # the entrance-time slider moves in hundredths of a second
STEP_SECONDS = 0.1  # what , and . move the entrance time by
LEGEND = (
    "Keys:  ← →  previous / next panel   ·   1–9  panel by number   ·   Home / End  first / last"
    "   ·   L  language   ·   F  screen size   ·   R  replay the entrance   ·   , .  step through"
    " the entrance   ·   Space  play / stop the rotation"
)

# name: (button text, tooltip, keys)
ACTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "previous": ("◀ Previous", "Show the previous panel (← or Page Up)", ("Left", "PgUp")),
    "next": ("Next ▶", "Show the next panel (→ or Page Down)", ("Right", "PgDown")),
    "first": ("First", "Show the first panel (Home)", ("Home",)),
    "last": ("Last", "Show the last panel (End)", ("End",)),
    "language": ("Language", "Show the panels in the other language (L)", ("L",)),
    "frame": ("Screen", "Show the panel on the next screen size (F)", ("F",)),
    "replay": ("↻ Replay", "Play the panel's entrance again (R)", ("R",)),
    "earlier": ("Earlier", "Step back through the entrance (,)", (",",)),
    "later": ("Later", "Step forward through the entrance (.)", (".",)),
    "rotate": ("▶ Play rotation", "Let the panels change on their own, as at the booth "
               "(Space); the preview starts paused on one panel", ("Space",)),
}


def panel_labels(content: Content, language: str) -> list[str]:
    """One line per panel for the panel list: number, id, kind and title (in `language`)."""
    labels = []
    for number, panel in enumerate(content.panels, start=1):
        title = localized_text(getattr(panel, "title", None), language, content.default_language)
        if len(title) > TITLE_CHARACTERS:
            title = title[: TITLE_CHARACTERS - 1] + "…"
        labels.append(f"{number}. {panel.id} ({panel.kind}): {title}")
    return labels


def make_actions(owner: QWidget) -> dict[str, QAction]:
    """Every action of `ACTIONS` plus "panel:1" to "panel:9", shortcuts live in `owner`'s window."""
    actions: dict[str, QAction] = {}
    for name, (text, tip, keys) in ACTIONS.items():
        action = QAction(text, owner)
        action.setToolTip(tip)
        action.setShortcuts([QKeySequence(key) for key in keys])
        actions[name] = action
    for number in range(1, 10):
        action = QAction(f"Panel {number}", owner)
        action.setShortcut(QKeySequence(str(number)))
        actions[f"panel:{number}"] = action
    actions["rotate"].setCheckable(True)
    for action in actions.values():
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        owner.addAction(action)
    return actions


def button(action: QAction) -> QToolButton:
    """A button that triggers `action`, shows its text and its tooltip (with the keys)."""
    made = QToolButton()
    made.setDefaultAction(action)
    made.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    made.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the window's shortcuts
    made.setMinimumHeight(30)
    return made


class NavigationBar(QWidget):
    """Previous, the panel list, next; the language; the screen size.

    `panel_chosen(index)` when a panel is picked from the list, `frame_chosen(index)`
    when a screen size is.
    """

    panel_chosen = Signal(int)
    frame_chosen = Signal(int)

    def __init__(self, actions: dict[str, QAction], frames: tuple[Frame, ...], start: int) -> None:
        super().__init__()
        self.panels = QComboBox()
        self.panels.setToolTip("Jump to a panel (keys 1 to 9, Home, End)")
        self.panels.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.panels.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.panels.setMinimumContentsLength(16)
        self.panels.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.panels.activated.connect(self.panel_chosen)
        self.language = button(actions["language"])
        self.frames = QComboBox()
        self.frames.addItems([frame.label for frame in frames])
        self.frames.setCurrentIndex(start)
        self.frames.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frames.setToolTip("The booth screen to show the panel on, scaled to fit this "
                               "window (F: the next size)")
        self.frames.activated.connect(self.frame_chosen)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 0)
        row.addWidget(button(actions["previous"]))
        row.addWidget(self.panels, 1)
        row.addWidget(button(actions["next"]))
        row.addSpacing(12)
        row.addWidget(self.language)
        row.addSpacing(12)
        row.addWidget(QLabel("Screen:"))
        row.addWidget(self.frames)

    def set_panels(self, labels: list[str], current: int) -> None:
        """List the panels (one label each) with panel `current` chosen."""
        self.panels.blockSignals(True)
        if [self.panels.itemText(i) for i in range(self.panels.count())] != labels:
            self.panels.clear()
            self.panels.addItems(labels)
        self.panels.setCurrentIndex(current)
        self.panels.blockSignals(False)

    def set_language(self, shown: str, following: str | None) -> None:
        """Name the language the button switches to, as the kiosk's button does."""
        action = self.language.defaultAction()
        action.setEnabled(following is not None)
        action.setText(language_name(following or shown))
        action.setToolTip(f"Show the panels in {language_name(following)} (L)" if following
                          else "The content has one language")

    def set_frame(self, number: int) -> None:
        """Show screen size `number` as the one chosen."""
        self.frames.setCurrentIndex(number)


class TimeBar(QWidget):
    """Replay, the entrance-time slider and its reading, and the rotation's play button.

    `scrubbed(seconds)` when the editor drags the slider (or clicks along it).
    """

    scrubbed = Signal(float)

    def __init__(self, actions: dict[str, QAction]) -> None:
        super().__init__()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slider.setToolTip("Drag to see the entrance at any moment (, and . step through it)")
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.slider.setMinimumWidth(120)
        self.slider.valueChanged.connect(
            lambda value: self.scrubbed.emit(value / SLIDER_STEPS_PER_SECOND)
        )
        self.reading = QLabel()
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        widest = self.reading.fontMetrics().horizontalAdvance("00.00 s of 00.00 s")
        self.reading.setMinimumWidth(widest)
        self.rotate = button(actions["rotate"])
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 8, 0)
        row.addWidget(button(actions["replay"]))
        row.addWidget(QLabel("Entrance:"))
        row.addWidget(self.slider, 1)
        row.addWidget(self.reading)
        row.addSpacing(16)
        row.addWidget(self.rotate)

    def set_time(self, seconds: float, settle: float) -> None:
        """Show the entrance at `seconds` of `settle` (0: a panel that does not move)."""
        self.slider.blockSignals(True)
        self.slider.setEnabled(settle > 0)
        self.slider.setMaximum(round(settle * SLIDER_STEPS_PER_SECOND))
        self.slider.setValue(round(min(seconds, settle) * SLIDER_STEPS_PER_SECOND))
        self.slider.blockSignals(False)
        if settle > 0:
            self.reading.setText(f"{min(seconds, settle):.2f} s of {settle:.2f} s")
        else:
            self.reading.setText("no entrance")

    def set_rotating(self, rotating: bool) -> None:
        """Say on the play button whether the panels change on their own."""
        action = self.rotate.defaultAction()
        action.setChecked(rotating)
        action.setText("■ Stop rotation" if rotating else "▶ Play rotation")
