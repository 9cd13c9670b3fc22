"""The problems of the file, in the preview window: plain text, one per line, errors first.

Each line is worded exactly as `kiosk validate` prints it (file, line, column,
field, what is wrong and how to fix it: `kiosk.core.content.validation`), so staff
learn one set of messages. Above them, one sentence says whether the save is on
screen, or why the panel still shows the last good version. Every string here
comes from the content file: the header is a plain-text label and the list a
plain-text editor, which never interpret markup. Errors are drawn red, warnings
amber (a highlighter colours whole lines; no markup is involved).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.core.content.load import LoadResult
from kiosk.core.content.location import FROM_SHIPPED
from kiosk.core.content.validation import count, problem_lines, tally, verdict

ERROR_COLOUR = QColor("#b3261e")
WARNING_COLOUR = QColor("#8a5a00")
OK_COLOUR = QColor("#1b6e3a")
PANEL = re.compile(r"\bpanels\[(\d+)\]")
NO_PROBLEMS = "No problems."
HINT = "Double-click a problem to show its panel."
TEXT_SCALE = 1.15  # of the desktop's font size: the problems are what the editor reads most


def header_text(result: LoadResult, file_name: str, fallback: bool) -> str:
    """The sentence over the list: is this save on screen, and if not, why and what shows."""
    if result.ok:
        return verdict(result, file_name)
    errors, warnings = tally(result.problems)
    found = count(errors, "error") + (f" and {count(warnings, 'warning')}" if warnings else "")
    them = "it" if errors == 1 else "them"
    shown = (
        "The preview shows a placeholder: there is no good version yet."
        if fallback
        else "The panel is your last good version."
    )
    return f"{file_name} has {found}: this save is not shown. {shown} Fix {them} below and save."


class ProblemsView(QWidget):
    """The header sentence and the list of problems; emits `panel_asked` on a double-click."""

    panel_asked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file = QLabel()
        self.file.setTextFormat(Qt.TextFormat.PlainText)
        self.file.setWordWrap(True)
        self.file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file.setStyleSheet("color: #555b63;")
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
        font.setWeight(QFont.Weight.DemiBold)
        self.header.setFont(font)
        self.list = ProblemList(self)
        font = self.list.font()
        font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
        self.list.setFont(font)
        self.list.panel_asked.connect(self.panel_asked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.file)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)

    def show_file(self, path: Path, origin: str, moment: str | None = None) -> None:
        """Say which file is previewed, how it was found, and at which moment (--when)."""
        text = f"Previewing {path} (from {origin}): each save shows here."
        if moment is not None:
            text += f" The booth at {moment} and after (--when)."
        if origin == FROM_SHIPPED:
            text += " This is the story shipped with the kiosk: run kiosk init for a copy to edit."
        self.file.setText(text)

    def show_result(self, result: LoadResult, file_name: str, *, fallback: bool = False) -> None:
        """List the problems of `result`: errors first, each as `kiosk validate` words it."""
        lines = problem_lines(result.problems, file_name, errors_first=True)
        self.header.setText(header_text(result, file_name, fallback))
        errors, warnings = tally(result.problems)
        colour = ERROR_COLOUR if errors else WARNING_COLOUR if warnings else OK_COLOUR
        self.header.setStyleSheet(f"color: {colour.name()};")
        self.list.setPlainText("\n".join(lines) if lines else NO_PROBLEMS)
        self.list.setToolTip(HINT if lines else "")

    def lines(self) -> list[str]:
        """The problem lines as listed (empty when there are none)."""
        text = self.list.toPlainText()
        return [] if text == NO_PROBLEMS else text.splitlines()


class ProblemList(QPlainTextEdit):
    """A read-only plain-text list, one problem a line, coloured by severity."""

    panel_asked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)
        self._highlighter = SeverityHighlighter(self.document())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Show the panel the double-clicked problem is about (``panels[N]``), if any."""
        line = self.cursorForPosition(event.position().toPoint()).block().text()
        found = PANEL.search(line)
        if found:
            self.panel_asked.emit(int(found.group(1)))
        super().mouseDoubleClickEvent(event)


class SeverityHighlighter(QSyntaxHighlighter):
    """Colours a problem line red for an error, amber for a warning."""

    def highlightBlock(self, text: str) -> None:
        """Colour the whole line by the severity it names."""
        colour = ERROR_COLOUR if ": error: " in text else None
        if colour is None and ": warning: " in text:
            colour = WARNING_COLOUR
        if colour is not None:
            line = QTextCharFormat()
            line.setForeground(colour)
            self.setFormat(0, len(text), line)
