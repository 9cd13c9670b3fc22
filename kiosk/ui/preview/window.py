"""The preview's window: a normal, resizable desktop window, and a thin shell.

On top, the panel and screen controls; in the middle, the panel as the booth
shows it with the entrance controls under it, and the file's problems beside it
(to the right when the window is wide for the frame, underneath when it is
tall: whichever leaves the panel larger); at the bottom, the keys. It holds no
state of the show: the preview app fills it in and acts on what it asks.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from kiosk.ui.preview.canvas import MARGIN, FrameCanvas
from kiosk.ui.preview.controls import LEGEND, NavigationBar, TimeBar, make_actions
from kiosk.ui.preview.frames import Frame
from kiosk.ui.preview.problems import ProblemsView

PROBLEMS_MIN = (320, 150)  # px: the least room for the problems, beside or underneath
TITLE = "Kiosk preview"


class PreviewWindow(QWidget):
    """The preview's parts in one window; see the module docstring.

    Parameters
    ----------
    canvas
        The panel, drawn at the frame's size and scaled to fit.
    problems
        The file's problems.
    frames, start
        The screen sizes offered, and the one shown first.
    """

    def __init__(
        self, canvas: FrameCanvas, problems: ProblemsView, frames: tuple[Frame, ...], start: int
    ) -> None:
        super().__init__()
        self.setWindowTitle(TITLE)
        self.canvas = canvas
        self.problems = problems
        self.commands = make_actions(self)
        self.navigation = NavigationBar(self.commands, frames, start)
        self.time = TimeBar(self.commands)
        picture = QWidget()
        column = QVBoxLayout(picture)
        column.setContentsMargins(0, 0, 0, 4)
        column.addWidget(canvas, 1)
        column.addWidget(self.time)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(picture)
        self.splitter.addWidget(problems)
        self.legend = QLabel(LEGEND)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555b63;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.navigation)
        layout.addWidget(self.splitter, 1)
        legend_row = QVBoxLayout()
        legend_row.setContentsMargins(8, 0, 8, 0)
        legend_row.addWidget(self.legend)
        layout.addLayout(legend_row)

    def set_open(self, open_: bool) -> None:
        """While the booth is closed (--when), nothing moves: panels and entrance wait."""
        for name, command in self.commands.items():
            if name not in ("language", "frame"):
                command.setEnabled(open_)
        self.navigation.panels.setEnabled(open_)
        self.time.setEnabled(open_)

    def sizeHint(self) -> QSize:
        """A window that shows a 1080p frame at about half size and the problems under it."""
        return QSize(1280, 900)

    def arrange(self) -> None:
        """Give the panel the most room, and the problems the rest.

        The problems go under the panel or beside it, whichever leaves the panel
        larger with at least `PROBLEMS_MIN` for them; the panel's side gets just
        what the frame needs at that size, so no room is lost round it.
        """
        bars = self.navigation.sizeHint().height() + self.legend.heightForWidth(self.width())
        width, height = max(1, self.width()), max(1, self.height() - bars)
        frame_w, frame_h = self.canvas.frame.size
        time_h, margins = self.time.sizeHint().height() + 4, 2 * MARGIN
        min_w, min_h = PROBLEMS_MIN
        under = min((width - margins) / frame_w, (height - min_h - time_h - margins) / frame_h)
        beside = min((width - min_w - margins) / frame_w, (height - time_h - margins) / frame_h)
        if beside > under:
            self.splitter.setOrientation(Qt.Orientation.Horizontal)
            picture = max(round(beside * frame_w) + margins, self.time.minimumSizeHint().width())
            self.splitter.setSizes([picture, max(min_w, width - picture)])
        else:
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            picture = round(max(under, 0.0) * frame_h) + margins + time_h
            self.splitter.setSizes([picture, max(min_h, height - picture)])

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Arrange the parts for the new size."""
        super().resizeEvent(event)
        self.arrange()

    def closeEvent(self, event: QCloseEvent) -> None:
        """A preview closes like any window."""
        event.accept()
