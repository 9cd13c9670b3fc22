"""Text layout for lists of items: the cards of a cards panel, the steps of a steps panel.

An item is a bold title over a muted text. `layout_items` fits every item of a
list at one title size and one text size, each text right under its own title,
at the top-left of an `ItemFrame`; `place_item` then moves each item into place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter

from kiosk.ui.drawing.scale import BODY, BODY_MIN, SPACE_S, Scale
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.common import PanelLayout
from kiosk.ui.panels.textblocks import (
    balanced_block,
    shared_style,
    shifted,
    text_style,
    uniform_blocks,
)

TITLE_FLOOR = 30  # design px: the smallest an item title shrinks before it wraps further
TITLE_SHARE = 0.5  # of an item's height: the most its title may take (two full-size lines)


@dataclass(frozen=True)
class ItemFrame:
    """The room one item gets, from its own top-left corner.

    Attributes
    ----------
    width, height
        The room for the title and the text under it.
    indent
        How far right the title starts (an icon beside the title); the text does not indent.
    row
        The least height of the title's row: a shorter title is centred in it.
    """

    width: float
    height: float
    indent: float = 0.0
    row: float = 0.0


def layout_items(
    layout: PanelLayout,
    prefix: str,
    items: tuple[list[str], list[str]],
    frame: ItemFrame,
    scale: Scale,
    theme: Theme,
    title_size: float,
) -> float:
    """Lay out the (titles, texts) of a list of items, each role at one common size.

    Titles are bold, up to two lines; the muted texts are never larger
    than the titles (the hierarchy holds when titles must shrink). Each text is
    fitted to the room left under its own title, and all take the smallest size
    found. Blocks go under the keys ``{prefix}:{i}:title`` and ``{prefix}:{i}:text``,
    relative to (0, 0). Returns the height of the tallest title-and-text stack.
    """
    titles, texts = items
    family = theme.family
    style = text_style(scale, title_size, TITLE_FLOOR, QFont.Weight.Bold, max_lines=2)
    box = QRectF(frame.indent, 0, frame.width - frame.indent, frame.height * TITLE_SHARE)
    title_blocks = uniform_blocks(titles, box, family, style, theme.text)
    rows = [max(frame.row, block.rect.height()) for block in title_blocks]
    gap = scale.px(SPACE_S)
    rooms = [QRectF(0, row + gap, frame.width, frame.height - row - gap) for row in rows]
    body = text_style(scale, BODY, BODY_MIN)
    body = replace(body, pixel_size=min(body.pixel_size, title_blocks[0].pixel_size))
    body = shared_style(texts, rooms, family, body)
    bottom = 0.0
    for index, (title, row, room) in enumerate(zip(title_blocks, rows, rooms, strict=True)):
        block = balanced_block(texts[index], room, family, body, theme.muted)
        layout.texts[f"{prefix}:{index}:title"] = shifted(title, 0, (row - title.rect.height()) / 2)
        layout.texts[f"{prefix}:{index}:text"] = block
        bottom = max(bottom, block.rect.bottom())
    return bottom


ROLES = ("title", "text")


def place_item(layout: PanelLayout, prefix: str, index: int, dx: float, dy: float) -> None:
    """Move item `index`'s title and text (laid out by `layout_items`) by (dx, dy)."""
    for role in ROLES:
        key = f"{prefix}:{index}:{role}"
        layout.texts[key] = shifted(layout.texts[key], dx, dy)


def draw_item(painter: QPainter, layout: PanelLayout, prefix: str, index: int, family: str) -> None:
    """Draw item `index`'s title and text where `place_item` put them."""
    for role in ROLES:
        layout.draw_text(painter, f"{prefix}:{index}:{role}", family)
