"""The panel as the booth shows it: painted at the frame's size, then scaled to fit the window.

The show view paints the frame (panel and chrome) into an image of exactly the
frame's size, as it paints a booth screen of that size; the canvas then draws
that image scaled down (or up) to fit, centred on a neutral backdrop. Over the
picture, never in it, go the preview's own marks: a dashed outline round each
text that is over its limit, and a tag while the panel is the last good version
rather than the save.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.preview.frames import Frame, fit
from kiosk.ui.show_view import ShowView

BACKDROP = QColor("#3a3d42")
OUTLINE = QColor("#ff3df0")  # a tool's colour, unlike anything the panels use
STALE = QColor("#b3261e")
NOTE = QColor("#44505c")
MARGIN = 8  # widget px round the frame
STALE_TEXT = "Last good version: this save has errors"
OUTLINE_TEXT = "too long"


class FrameCanvas(QWidget):
    """Paints the show's frame at a booth's size, scaled to fit, with the preview's marks.

    Parameters
    ----------
    view
        The show view, painted exactly as the kiosk paints it.
    frame
        The booth screen to show it on.
    when
        The time to paint the show at (now, or the chosen moment of the entrance).
    outlines
        The areas of the texts over their limit, in frame pixels, for a frame.
    clicked
        Called with the point clicked, in frame pixels (the chrome answers it).
    """

    def __init__(
        self,
        view: ShowView,
        frame: Frame,
        when: Callable[[], float],
        outlines: Callable[[Frame], list[QRectF]],
        clicked: Callable[[QPointF, Frame], None],
    ) -> None:
        super().__init__()
        self.view = view
        self.frame = frame
        self.when = when
        self.outlines = outlines
        self.clicked = clicked
        self.stale = False
        self.note: str | None = None
        self._image: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        """A comfortable first size: a 1080p frame at half size."""
        return QSize(960 + 2 * MARGIN, 540 + 2 * MARGIN)

    def set_frame(self, frame: Frame) -> None:
        """Show the panel on another booth screen."""
        self.frame = frame
        self.update()

    def set_stale(self, stale: bool) -> None:
        """Say whether the panel is the last good version rather than the file as saved."""
        self.stale = stale
        self.update()

    def set_note(self, note: str | None) -> None:
        """Say something about what the booth shows (closed at this time), or nothing."""
        if note != self.note:
            self.note = note
            self.update()

    def frame_rect(self) -> QRectF:
        """Where the frame is drawn in the widget."""
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        return fit(self.frame.size, area)

    def frame_image(self) -> QImage:
        """The frame as the booth screen shows it at `when()`: exactly the frame's size."""
        width, height = self.frame.size
        if self._image is None or self._image.size() != QSize(width, height):
            self._image = QImage(width, height, QImage.Format.Format_RGB32)
        painter = QPainter(self._image)
        self.view.paint(painter, QRectF(0, 0, width, height), self.when())
        painter.end()
        return self._image

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the frame scaled to fit, then the outlines and the tag over it."""
        target = self.frame_rect()
        image = self.frame_image()
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)
        scaled = image.scaled(target.size().toSize(), Qt.AspectRatioMode.IgnoreAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        painter.drawImage(target.topLeft(), scaled)
        factor = target.width() / self.frame.width
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for area in self.outlines(self.frame):
            shown = QRectF(target.topLeft() + area.topLeft() * factor, area.size() * factor)
            _paint_outline(painter, shown, target)
        corner = target.topLeft() + QPointF(6, 6)
        tags = [(STALE_TEXT, STALE)] if self.stale else []
        tags += [(self.note, NOTE)] if self.note else []
        for text, colour in tags:
            tag = _tag_box(painter, text)
            tag.moveTopLeft(corner)
            _paint_tag(painter, tag, text, colour)
            corner += QPointF(0, tag.height() + 4)
        painter.end()
        self.view.report_failures(self.when())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on the frame: the chrome drawn there answers (language button, dots)."""
        target = self.frame_rect()
        if event.button() == Qt.MouseButton.LeftButton and target.contains(event.position()):
            factor = self.frame.width / target.width()
            self.clicked((event.position() - target.topLeft()) * factor, self.frame)
        event.accept()


def _paint_outline(painter: QPainter, area: QRectF, frame: QRectF) -> None:
    """A dashed outline round `area`, and a "too long" tag at its bottom-right corner.

    The tag hangs under the corner where the text ends with "…", outside the text, or
    over the top-right corner when the frame has no room under it.
    """
    pen = QPen(OUTLINE, 2.0, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    outline = area.adjusted(-2, -2, 2, 2)
    painter.drawRect(outline)
    tag = _tag_box(painter, OUTLINE_TEXT)
    tag.moveTopRight(outline.bottomRight())
    if tag.bottom() > frame.bottom():
        tag.moveBottomRight(outline.topRight())
    _paint_tag(painter, tag, OUTLINE_TEXT, OUTLINE)


def _tag_box(painter: QPainter, text: str) -> QRectF:
    """The size of a tag saying `text`, at the origin."""
    metrics = painter.fontMetrics()
    return QRectF(0, 0, metrics.horizontalAdvance(text) + 10, metrics.height() + 4)


def _paint_tag(painter: QPainter, box: QRectF, text: str, colour: QColor) -> None:
    """A small filled label in `box` with `text` (the preview's own words)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRect(box)
    painter.setPen(QColor("white"))
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
