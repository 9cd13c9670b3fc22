"""Pictures, videos and QR codes in content.json: the fields, and the files they name.

A picture is written as a file name (``"pictures/crew.jpg"``) or as an object that
also says how to crop it and what it shows::

    {"file": "pictures/crew.jpg", "fit": "fill", "focus": [0.3, 0.4],
     "alt": {"en": "The crew on set", "fr": "L'équipe sur le plateau"}, "place": "beside"}

`media_refs` lists every file a panel names, with where it is in the document: the
checks, the file watcher and the views all read files through it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field

from kiosk.core.content.basics import Strict, Text

FileName = Annotated[
    str,
    Field(
        min_length=1,
        max_length=260,
        description=(
            "A file inside the folder of content.json, relative to it, with / between "
            'folders: "pictures/crew.jpg".'
        ),
    ),
]

Fraction = Annotated[float, Field(ge=0, le=1)]

PICTURE_FILE_TYPES = (".png", ".jpg", ".jpeg", ".svg")
VIDEO_FILE_TYPES = (".mp4", ".m4v", ".mov", ".mkv", ".webm")


class Picture(Strict):
    """A picture with its crop, its focal point, what it shows and where it goes."""

    file: FileName
    fit: Literal["fill", "fit"] = Field(
        default="fill",
        description=(
            "fill: cover the whole box, cropping the edges around `focus`; fit: show the "
            "whole picture, smaller, with nothing cut off."
        ),
    )
    focus: list[Fraction] = Field(
        default=[0.5, 0.5],
        min_length=2,
        max_length=2,
        description=(
            "The point kept in view when the picture is cropped, as [x, y] from the top-left "
            "corner: [0, 0] top left, [0.5, 0.5] the centre, [1, 1] bottom right."
        ),
    )
    alt: Text | None = Field(
        default=None,
        description="What the picture shows, in words; shown if the file cannot be read.",
    )
    place: Literal["beside", "behind"] = Field(
        default="beside",
        description=(
            "beside: next to the text in landscape, above it in portrait; behind: the whole "
            "screen, under a dark veil that keeps the text readable."
        ),
    )


ImageRef = Annotated[
    FileName | Picture,
    Field(
        description=(
            'A picture (PNG, JPEG or SVG): a file name, "pictures/crew.jpg", or an object '
            '{"file": ..., "fit": "fill" | "fit", "focus": [x, y], "alt": {...}, "place": '
            '"beside" | "behind"}.'
        ),
    ),
]


class QrCode(Strict):
    """A QR code visitors scan to take a web page away on their phone."""

    url: str = Field(
        min_length=1,
        description=(
            "The web address the code opens, starting with https:// (or http://). Short "
            "addresses (up to about 80 characters) scan best from a distance."
        ),
    )
    caption: Text | None = Field(
        default=None, description='A few words beside the code, e.g. {"en": "Learn more"}.'
    )


def picture_of(image: str | Picture | None) -> Picture | None:
    """The picture object of an `image` field: a plain file name gets the defaults."""
    if image is None or isinstance(image, Picture):
        return image
    return Picture(file=image)


BESIDE_MAX_ITEMS = 4  # cards or steps beside a picture, at most; with more it goes behind
BEHIND_KINDS = ("photo", "video", "stats")  # full-screen pictures; figures need the width


def picture_place(panel: object) -> Literal["beside", "behind"] | None:
    """Where `panel`'s picture goes: beside (or above) its text, behind it, or None.

    Staff choose with the picture's `place`; a statistics panel (and a photo or video,
    full screen anyway) always has its picture behind, and so do cards or steps with
    more than `BESIDE_MAX_ITEMS` items: beside a picture they would be cut short.
    """
    picture = picture_of(getattr(panel, "image", None))
    if picture is None:
        return None
    items = getattr(panel, "cards", None) or getattr(panel, "steps", None) or []
    if getattr(panel, "kind", None) in BEHIND_KINDS or len(items) > BESIDE_MAX_ITEMS:
        return "behind"
    return picture.place


@dataclass(frozen=True)
class MediaRef:
    """One file a panel names: where in the panel, the file name, and what it is."""

    where: tuple[str, ...]
    file: str
    kind: Literal["picture", "video"]


def media_refs(panel: object) -> Iterator[MediaRef]:
    """Every file `panel` names: its picture, a video's poster and the video itself."""
    for name in ("image", "poster"):
        value = getattr(panel, name, None)
        if isinstance(value, Picture):
            yield MediaRef((name, "file"), value.file, "picture")
        elif isinstance(value, str):
            yield MediaRef((name,), value, "picture")
    video = getattr(panel, "video", None)
    if isinstance(video, str):
        yield MediaRef(("video",), video, "video")
