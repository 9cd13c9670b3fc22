"""The controls painted over every panel: progress dots, language button, previous/next.

Also the idle countdown, the notice banner (`kiosk.ui.chrome.notice`) and the
operator's problem marker. What they show is the show's `ChromeState`
(`kiosk.core.show.frame`). The chrome is painted
live on top of the panel picture (it is cheap) and hit-tested from the same
layout, so what a visitor sees is exactly what answers a touch.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from kiosk.core.show.frame import ChromeState
from kiosk.core.show.strings import language_name, ui_text
from kiosk.ui.chrome.notice import notice_layout, paint_notice
from kiosk.ui.drawing.scale import Scale
from kiosk.ui.drawing.text import TextStyle, draw_text
from kiosk.ui.drawing.theme import Theme

DOT_PITCH = 64  # design px between dot centres: each dot is a 64 px touch target
DOT_SIZE = 16
BUTTON_HEIGHT = 80
BUTTON_WIDTH = 250
ARROW_SIZE = 80
CONTROL_GAP = 24  # between neighbouring controls
EDGE_GAP = 48  # controls stay this far from the side bezels
BOTTOM_GAP = 28  # and this far from the bottom one
MARKER_SIZE = 12  # the operator's problem marker, its centre this far in from the corner:
MARKER_INSET = 28


def language_label(state: ChromeState) -> str:
    """What the language button says: the name of the language it switches to, in itself."""
    return language_name(state.next_language) if state.next_language else ""


def chrome_layout(rect: QRectF, state: ChromeState) -> dict[str, QRectF]:
    """Rectangles of every touchable control, keyed 'lang', 'prev', 'next', 'dot:N'.

    The language button sits at the right margin; the arrows and dots are centred
    on the screen, or moved left just enough to keep clear of the language button
    (portrait screens). Dots that would not fit at their full pitch are packed closer.
    """
    scale = Scale(rect)
    centre_y = rect.bottom() - scale.px(BOTTOM_GAP + BUTTON_HEIGHT / 2)
    side = max(scale.margin_x, scale.px(EDGE_GAP))
    rects: dict[str, QRectF] = {}
    right = rect.right() - side
    if state.next_language:
        height, width = scale.px(BUTTON_HEIGHT), scale.px(BUTTON_WIDTH)
        rects["lang"] = QRectF(right - width, centre_y - height / 2, width, height)
        right = rects["lang"].left() - scale.px(CONTROL_GAP)
    rects.update(_navigation_layout(scale, state.count, centre_y, rect.left() + side, right))
    return rects


def _navigation_layout(
    scale: Scale, count: int, centre_y: float, left: float, right: float
) -> dict[str, QRectF]:
    """Arrows around a row of `count` dots, as centred as the span `left`..`right` allows."""
    arrow, gap = scale.px(ARROW_SIZE), scale.px(CONTROL_GAP)
    room = right - left - 2 * (arrow + gap)
    pitch = min(scale.px(DOT_PITCH), room / max(count, 1))
    dots_width = pitch * count
    half = dots_width / 2 + gap + arrow
    centre_x = max(left + half, min(scale.rect.center().x(), right - half))
    first = centre_x - dots_width / 2
    rects = {
        f"dot:{index}": QRectF(first + index * pitch, centre_y - pitch / 2, pitch, pitch)
        for index in range(count)
    }
    rects["prev"] = QRectF(first - gap - arrow, centre_y - arrow / 2, arrow, arrow)
    rects["next"] = QRectF(first + dots_width + gap, centre_y - arrow / 2, arrow, arrow)
    return rects


def chrome_bounds(rect: QRectF, state: ChromeState, family: str) -> list[QRectF]:
    """Where the chrome of `state` may paint in `rect`, whatever its controls show.

    Its band, the problem marker's corner, and the notice banner when one is up
    (its text set in `family`).
    """
    scale = Scale(rect)
    corner = scale.px(MARKER_INSET) * 2
    bounds = [scale.chrome_rect(), QRectF(rect.right() - corner, rect.top(), corner, corner)]
    if state.notice:
        bounds.append(notice_layout(rect, state.notice, family).band)
    return bounds


def hit_test(rect: QRectF, state: ChromeState, point: QPointF) -> str | None:
    """The control under `point`, or None. Hidden arrows do not answer."""
    for name, area in chrome_layout(rect, state).items():
        if name in ("prev", "next") and state.controls_opacity < 0.05:
            continue
        if area.contains(point):
            return name
    return None


def paint_chrome(painter: QPainter, rect: QRectF, state: ChromeState, theme: Theme) -> None:
    """Paint the chrome for `state` over whatever is already in `rect`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    layout = chrome_layout(rect, state)
    if state.countdown is not None:
        _paint_countdown(painter, rect, layout, state, theme)
    else:
        _paint_dots(painter, layout, state, theme)
    if state.controls_opacity > 0:
        _paint_arrows(painter, layout, state, theme)
    if "lang" in layout:
        _paint_language_button(painter, layout["lang"], state, theme)
    if state.notice:
        paint_notice(painter, rect, state.notice, theme)
    if state.problem_marker:
        _paint_problem_marker(painter, rect, theme)
    painter.restore()


def _paint_dots(
    painter: QPainter, layout: dict[str, QRectF], state: ChromeState, theme: Theme
) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    for index in range(state.count):
        area = layout[f"dot:{index}"]
        size = area.width() * DOT_SIZE / DOT_PITCH
        active = index == state.current
        width = size * 2.6 if active else size
        colour = QColor(theme.accent) if active else QColor(theme.muted)
        if not active:
            colour.setAlphaF(0.55)
        painter.setBrush(colour)
        dot = QRectF(0, 0, width, size)
        dot.moveCenter(area.center())
        painter.drawRoundedRect(dot, size / 2, size / 2)


def _paint_arrows(
    painter: QPainter, layout: dict[str, QRectF], state: ChromeState, theme: Theme
) -> None:
    painter.save()
    painter.setOpacity(state.controls_opacity)
    for name, sign in (("prev", -1), ("next", 1)):
        area = layout[name]
        _paint_round_button(painter, area, theme, pressed=state.pressed == name)
        half = area.width() * 0.14
        centre = area.center()
        pen = QPen(theme.text, area.width() * 0.07)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        tip = QPointF(centre.x() + sign * half * 0.6, centre.y())
        back_x = centre.x() - sign * half * 0.6
        painter.drawPolyline(
            [QPointF(back_x, centre.y() - half), tip, QPointF(back_x, centre.y() + half)]
        )
    painter.restore()


def _paint_round_button(painter: QPainter, area: QRectF, theme: Theme, *, pressed: bool) -> None:
    fill = QColor(theme.accent) if pressed else QColor(theme.surface)
    painter.setPen(QPen(QColor(theme.muted), max(1.0, area.height() * 0.025)))
    painter.setBrush(fill)
    painter.drawRoundedRect(area, area.height() / 2, area.height() / 2)


def _paint_language_button(
    painter: QPainter, area: QRectF, state: ChromeState, theme: Theme
) -> None:
    pressed = state.pressed == "lang"
    _paint_round_button(painter, area, theme, pressed=pressed)
    label = language_label(state)
    style = TextStyle(area.height() * 0.4, area.height() * 0.25, QFont.Weight.DemiBold,
                      Qt.AlignmentFlag.AlignHCenter, max_lines=1)
    colour = theme.background if pressed else theme.text
    inner = area.adjusted(area.height() * 0.3, 0, -area.height() * 0.3, 0)
    draw_text(painter, inner, label, theme.family, style, colour, Qt.AlignmentFlag.AlignVCenter)


def _paint_countdown(
    painter: QPainter,
    rect: QRectF,
    layout: dict[str, QRectF],
    state: ChromeState,
    theme: Theme,
) -> None:
    """The idle countdown, in the chrome band where the dots were: it covers no content."""
    scale = Scale(rect)
    text = ui_text("countdown", state.language, seconds=state.countdown)
    band = layout["prev"].united(layout["next"])
    width = min(scale.px(760), band.width())
    area = QRectF(0, 0, width, min(scale.px(96), band.height()))
    area.moveCenter(band.center())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.surface))
    painter.drawRoundedRect(area, area.height() / 2, area.height() / 2)
    style = TextStyle(scale.px(40), scale.px(24), QFont.Weight.DemiBold,
                      Qt.AlignmentFlag.AlignHCenter, max_lines=1)
    inner = area.adjusted(area.height() * 0.4, 0, -area.height() * 0.4, 0)
    draw_text(painter, inner, text, theme.family, style, theme.text, Qt.AlignmentFlag.AlignVCenter)


def _paint_problem_marker(painter: QPainter, rect: QRectF, theme: Theme) -> None:
    """A small dim dot in the top-right corner: operators know to check the log."""
    scale = Scale(rect)
    size = scale.px(MARKER_SIZE)
    path = QPainterPath()
    centre = QPointF(rect.right() - scale.px(MARKER_INSET), rect.top() + scale.px(MARKER_INSET))
    path.addEllipse(centre, size / 2, size / 2)
    colour = QColor(theme.accent_red)
    colour.setAlphaF(0.7)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillPath(path, colour)
