"""Text layout for lists of items: the cards of a cards panel, the steps of a steps panel.

An item is a bold title over a muted text. `layout_items` fits every item of a
list at one title size and one text size, each text right under its own title,
at the top-left of an `ItemFrame`; `place_item` then moves each item into place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter

from kiosk.ui.drawing.scale import BODY, BODY_MIN, ITEM_TITLE_MIN, SPACE_S, Scale
from kiosk.ui.drawing.theme import Theme
from kiosk.ui.panels.common import PanelLayout
from kiosk.ui.panels.textblocks import (
    TextBlock,
    balanced_block,
    shared_style,
    shifted,
    text_style,
    uniform_blocks,
)

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


def no_offset(stack: float) -> float:
    """Items stay at the top of their frame, whatever the height of their stacks."""
    return 0.0


def layout_items(
    layout: PanelLayout,
    prefix: str,
    items: tuple[list[str], list[str]],
    frame: ItemFrame,
    scale: Scale,
    theme: Theme,
    title_size: float,
    offset: Callable[[float], float] = no_offset,
) -> float:
    """Lay out the (titles, texts) of a list of items, each role at one common size.

    Titles are bold, up to two lines; the muted texts are never larger
    than the titles (the hierarchy holds when titles must shrink). Each text is
    fitted to the room left under its own title, and all take the size they share
    (`textblocks.shared_size`): an outlier, far longer than its siblings, shrinks on
    its own and ends with "…", and the others keep their size and place. Blocks go
    under the keys ``{prefix}:{i}:title`` and ``{prefix}:{i}:text``, relative to
    (0, 0). Returns the height of the tallest title-and-text stack of the items
    that are not outliers; `offset(stack)` says how far down the caller will move
    every item for that height (to centre them), so an outlier gets that much less room.
    """
    titles, texts = items
    family = theme.family
    style = text_style(scale, title_size, ITEM_TITLE_MIN, QFont.Weight.Bold, max_lines=2)
    box = QRectF(frame.indent, 0, frame.width - frame.indent, frame.height * TITLE_SHARE)
    title_blocks = uniform_blocks(titles, box, family, style, theme.text)
    rows = [max(frame.row, block.rect.height()) for block in title_blocks]
    gap = scale.px(SPACE_S)
    rooms = [QRectF(0, row + gap, frame.width, frame.height - row - gap) for row in rows]
    body = text_style(scale, BODY, BODY_MIN)
    titles_size = max(block.pixel_size for block in title_blocks)  # an outlier's is smaller
    body = replace(body, pixel_size=min(body.pixel_size, titles_size))
    body = shared_style(texts, rooms, family, body)
    blocks = [balanced_block(text, room, family, body, theme.muted)
              for text, room in zip(texts, rooms, strict=True)]
    regular = [text for title, text in zip(title_blocks, blocks, strict=True)
               if not (is_outlier(title, titles_size) or is_outlier(text, body.pixel_size))]
    stack = max(block.rect.bottom() for block in regular or blocks)
    shift = offset(stack)
    for index, (title, row) in enumerate(zip(title_blocks, rows, strict=True)):
        block = blocks[index]
        if block.rect.bottom() + shift > frame.height + 0.5:  # an outlier: less room
            room = rooms[index].adjusted(0, 0, 0, -shift)
            block = balanced_block(texts[index], room, family, body, theme.muted)
        layout.texts[f"{prefix}:{index}:title"] = shifted(title, 0, (row - title.rect.height()) / 2)
        layout.texts[f"{prefix}:{index}:text"] = block
    return stack


def is_outlier(block: TextBlock, shared: float) -> bool:
    """True for a block that shrank below the size its siblings share, or was cut short."""
    return block.fitted.elided or block.pixel_size < shared - 1e-6


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
