"""What the content model allows at a place in a raw document, read from the model.

These helpers answer, for a path such as ``("panels", 2, "cards", 0)`` of a parsed
(not yet validated) document: which class describes the object there, which keys it
allows, whether a field holds translatable text, and what a field allows in plain
words. Model errors (`kiosk.core.content.model_errors`) and the text checks
(`kiosk.core.content.texts`) use them, so both read the format from the model alone.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from kiosk.core.content.model import MAX_DWELL_SECONDS, Content

_UNIONS = (typing.Union, types.UnionType)


def allowed_keys(model: type[BaseModel]) -> list[str]:
    """Return the keys an object of `model` may have, in the model's order."""
    return [field.alias or name for name, field in model.model_fields.items()]


def panel_kind(model: type[BaseModel]) -> str | None:
    """Return the `kind` a panel class stands for, or None if it has no fixed kind."""
    field = model.model_fields.get("kind")
    args = typing.get_args(field.annotation) if field else ()
    return args[0] if len(args) == 1 and isinstance(args[0], str) else None


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """Return the model classes named anywhere in a type annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in models_in(arg)]


def pick(candidates: Sequence[type[BaseModel]], node: Any) -> type[BaseModel] | None:
    """Choose among candidate classes: the only one, or the one whose kind matches."""
    if len(candidates) == 1:
        return candidates[0]
    kind = node.get("kind") if isinstance(node, dict) else None
    return next((model for model in candidates if panel_kind(model) == kind), None)


def model_at(path: Sequence[str | int], document: Any) -> type[BaseModel] | None:
    """Return the class describing the object at `path` of a raw document, or None."""
    candidates: list[type[BaseModel]] = [Content]
    node = document
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            continue
        model = pick(candidates, node)
        field = field_named(model, part) if model else None
        if field is None:
            return None
        candidates = models_in(field.annotation)
        node = node.get(part) if isinstance(node, dict) else None
    return pick(candidates, node)


def field_named(model: type[BaseModel], key: str) -> Any:
    """Return the field of `model` spelled `key` in the file (its alias), or None."""
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            return field
    return None


def is_text(annotation: Any) -> bool:
    """True for the `Text` type (a string or a {language: string} map), optional or not."""
    if typing.get_origin(annotation) is typing.Annotated:
        return is_text(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) not in _UNIONS:
        return False
    args = typing.get_args(annotation)
    return any(typing.get_origin(arg) is dict or is_text(arg) for arg in args)


def is_text_list(annotation: Any) -> bool:
    """True for a list of `Text` values."""
    args = typing.get_args(annotation)
    return typing.get_origin(annotation) is list and bool(args) and is_text(args[0])


LANGUAGE_CODE = 'must be a two-letter language code in lower case, e.g. "en" or "fr"'
TEXT = 'must be text in double quotes, or one text per language: {"en": "...", "fr": "..."}'
_SECONDS = f"must be a number of seconds greater than 0 and at most {MAX_DWELL_SECONDS}"
_COLOUR = 'must be a colour written #RRGGBB, e.g. "#F5B041"'
_BOOL = "must be true or false (no quotes)"
_TEXT_LIST = "must list {} in [ ], each one text or one text per language"
_PLAIN_NUMBER = "must be a plain number from 0 to 1e15, without quotes or separators"

# What each field allows, in plain words; the key is the field name, or "name[]" for
# the items of a list.
RULES: dict[str, str] = {
    "$schema": 'must be text: "./content.schema.json"',
    "languages": 'must list 1 to 8 language codes in [ ], e.g. ["en", "fr"]',
    "languages[]": LANGUAGE_CODE,
    "default_language": LANGUAGE_CODE,
    "settings": "must be an object { ... } of settings",
    "theme": "must be an object { ... } of colours and a font_family",
    "panels": "must list 1 to 50 panels in [ ], each an object { ... }",
    "panels[]": "must be an object { ... } with an id, a kind and the fields of that kind",
    "dwell_seconds": _SECONDS,
    "idle_timeout_seconds": _SECONDS,
    "transition_ms": "must be a whole number of milliseconds from 0 to 5000",
    "reduced_motion": _BOOL,
    "stacked": _BOOL,
    "screenshot_minutes": "must be a whole number of minutes from 0 (no screenshots) to 1440",
    "admin_pin": 'must be 4 to 8 digits in double quotes, e.g. "2468"',
    "font_family": 'must be the name of a bundled font in double quotes, e.g. "Inter"',
    "id": (
        "must be a short name of lower-case letters, digits and dashes (at most 40), "
        'starting with a letter or digit, e.g. "market-size"'
    ),
    "image": (
        'must be a picture path relative to content.json, e.g. "images/map.png", or an '
        'object { "file": "images/map.png", ... }'
    ),
    "poster": 'must be a picture path relative to content.json, e.g. "pictures/trailer.jpg"',
    "file": 'must be a path relative to content.json, e.g. "pictures/crew.jpg"',
    "video": 'must be a video path relative to content.json, e.g. "media/trailer.mp4"',
    "focus": "must be [x, y]: two numbers from 0 to 1, e.g. [0.5, 0.3] (0.5 is the middle)",
    "focus[]": "must be a number from 0 (left or top) to 1 (right or bottom)",
    "qr": 'must be an object { ... } with a "url" and an optional "caption"',
    "url": 'must be a web address in double quotes, e.g. "https://cmpa.ca"',
    "muted": _BOOL,
    "cards": "must list 1 to 8 cards in [ ], each an object { ... }",
    "steps": "must list 1 to 6 steps in [ ], each an object { ... }",
    "figures": "must list 1 to 6 figures in [ ], each an object { ... }",
    "chart": "must be an object { ... } with a title, categories and series",
    "series": "must list 1 to 4 series in [ ], each an object { ... }",
    "categories": _TEXT_LIST.format("1 to 12 categories"),
    "values": "must list 1 to 12 plain numbers in [ ], one per category",
    "values[]": _PLAIN_NUMBER,
    "value": f"{_PLAIN_NUMBER}, e.g. 7100000000",
    "decimals": "must be a whole number from 0 to 3",
    "currency": 'must be a three-letter currency code in capitals, e.g. "CAD"',
    **dict.fromkeys(("background", "surface", "text", "muted", "accent", "accent_red"), _COLOUR),
}


def rule_for(path: Sequence[str | int], document: Any) -> str | None:
    """Return what the field at `path` allows, in plain words, or None if unknown."""
    names = [index for index, part in enumerate(path) if isinstance(part, str)]
    if not names:
        return None
    name, is_item = str(path[names[-1]]), names[-1] < len(path) - 1
    parent = model_at(path[: names[-1]], document)
    field = field_named(parent, name) if parent is not None else None
    if field is not None and (is_text_list if is_item else is_text)(field.annotation):
        return TEXT
    return RULES.get(f"{name}[]" if is_item else name)
