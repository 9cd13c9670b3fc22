"""Small inline SVG charts for the HTML report: columns and labelled bar rows.

Plain strings, no Qt: a report is made anywhere (a laptop with a synced fleet
folder, a headless booth over SSH) in milliseconds, and the file it gives stays
sharp at any zoom on a phone. Every chart scales to the width of its container
(``viewBox`` and ``width="100%"``), carries a text alternative (``role="img"`` and
``aria-label``), and escapes every string it draws. No ``xmlns``: inside HTML an
``<svg>`` needs none, and the report holds no web address at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

# A phone's width in CSS pixels, so text drawn at FONT is that size on a phone; the
# page caps charts at MAX_CSS_WIDTH on wider screens.
WIDTH = 360
FONT = 13
MAX_CSS_WIDTH = 560
INK = "#1d2a3a"
MUTED = "#5b6b7f"


@dataclass(frozen=True)
class Row:
    """One row of a bar-row chart: a label over one bar per series.

    Attributes
    ----------
    label
        Drawn above the bars (cut with an ellipsis when too long; the whole label
        shows as the row's tooltip).
    shares
        Each bar's value, one per series, as a share (0 to 1) of its series' total;
        the longest bar of the chart spans the width.
    texts
        The text after each bar, e.g. ``"12 (30%)"``.
    """

    label: str
    shares: Sequence[float]
    texts: Sequence[str]


def _svg(height: float, label: str, body: list[str]) -> str:
    return (
        f'<svg viewBox="0 0 {WIDTH} {height:.0f}" width="100%" role="img" '
        f'aria-label="{escape(label)}" font-family="inherit" font-size="{FONT}">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


def _text(x: float, y: float, text: str, **attrs: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(text)}</text>'


def _rect(x: float, y: float, width: float, height: float, colour: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" '
        f'height="{max(height, 0):.1f}" rx="2" fill="{colour}"/>'
    )


def columns(
    bars: Sequence[tuple[str, float]],
    label: str,
    colour: str,
    height: float = 190,
    value_text: Callable[[float], str] = lambda v: f"{v:g}",
) -> str:
    """A column chart: one column per ``(category, value)``, its value above it.

    Parameters
    ----------
    bars
        Categories left to right with their values (0 or more).
    label
        What the chart shows, for screen readers and as its tooltip.
    colour
        The columns' fill.
    height
        Of the drawing, in the same units as `WIDTH`.
    value_text
        How a value is written above its column; zeros are left blank.
    """
    top, bottom = FONT + 8, FONT + 12
    plot = height - top - bottom
    slot = WIDTH / max(len(bars), 1)
    peak = max((value for _, value in bars), default=0) or 1
    base = top + plot
    body = [f'<line x1="0" x2="{WIDTH}" y1="{base:.1f}" y2="{base:.1f}" stroke="#c9d1db"/>']
    for index, (category, value) in enumerate(bars):
        x, bar = index * slot, plot * value / peak
        middle = x + slot / 2
        body.append(_rect(x + slot * 0.15, top + plot - bar, slot * 0.7, bar, colour))
        if value:
            body.append(
                _text(
                    middle,
                    top + plot - bar - 5,
                    value_text(value),
                    text_anchor="middle",
                    fill=INK,
                    font_weight="600",
                )
            )
        body.append(_text(middle, height - 6, category, text_anchor="middle", fill=MUTED))
    return _svg(height, label, body)


def bar_rows(rows: Sequence[Row], colours: Sequence[str], label: str) -> str:
    """Horizontal bars under their labels: one group per row, one bar per series.

    Labels sit above the bars, over the whole width, so long panel titles stay
    readable on a narrow phone screen.
    """
    bar_height, gap = 14, 3
    group = FONT + 6 + len(colours) * (bar_height + gap) + 10
    body: list[str] = []
    room = WIDTH - 90  # the longest bar leaves room for its text
    peak = max((share for row in rows for share in row.shares), default=0) or 1
    for index, row in enumerate(rows):
        y = index * group + FONT
        name = _text(0, y, _cut(row.label, 46), fill=INK, font_weight="600")
        body.append(f"<g><title>{escape(row.label)}</title>{name}</g>")
        for series, (share, text) in enumerate(zip(row.shares, row.texts, strict=True)):
            bar_y = y + 6 + series * (bar_height + gap)
            length = room * max(0.0, min(1.0, share / peak))
            body.append(_rect(0, bar_y, max(length, 2), bar_height, colours[series]))
            body.append(_text(length + 6, bar_y + bar_height - 3, text, fill=INK))
    return _svg(max(len(rows), 1) * group, label, body)


def _cut(text: str, limit: int) -> str:
    """`text`, ending with an ellipsis when longer than `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
