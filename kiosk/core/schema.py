"""What the content format allows, read from the model, and how a breach is worded.

`schema_text` is the JSON Schema that editors use to check content.json as it is typed
(`kiosk schema --out content.schema.json`). `model_problems` turns pydantic's
validation errors into located, plain-words problems; the helpers it uses answer which
class describes the object at a path, which keys it allows, what a field allows, and
where the translatable texts are.
"""

from __future__ import annotations

import difflib
import json
import re
import types
import typing
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk.core.jsonparse import JsonPath, Parsed
from kiosk.core.model import ICON_NAMES, MAX_DWELL_SECONDS, PANEL_KINDS, Content, Panel
from kiosk.core.problems import Problem, error, format_path, locate, show_value

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
TITLE = "Producers' Story Kiosk content"
DESCRIPTION = (
    "content.json: the languages, settings and panels the kiosk shows. Check it with "
    "`kiosk validate content.json`; regenerate this schema with "
    "`kiosk schema --out content.schema.json`."
)
_UNIONS = (typing.Union, types.UnionType)


def schema_text() -> str:
    """Return the JSON Schema of content.json, deterministic, ending with a newline."""
    schema = Content.model_json_schema(by_alias=True, mode="validation")
    schema.pop("title", None)
    schema.pop("description", None)
    document = {"$schema": SCHEMA_DIALECT, "title": TITLE, "description": DESCRIPTION, **schema}
    _close_language_maps(document)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _close_language_maps(node: Any) -> None:
    """Make {language: text} maps reject other keys, so editors flag "EN" or "english"."""
    if isinstance(node, dict):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _close_language_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_language_maps(value)


def allowed_keys(model: type[BaseModel]) -> list[str]:
    """Return the keys an object of `model` may have, in the model's order."""
    return [field.alias or name for name, field in model.model_fields.items()]


def panel_kind(model: type[BaseModel]) -> str | None:
    """Return the `kind` a panel class stands for, or None if it has no fixed kind."""
    field = model.model_fields.get("kind")
    args = typing.get_args(field.annotation) if field else ()
    return args[0] if len(args) == 1 and isinstance(args[0], str) else None


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """Return the model classes named anywhere in a type annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models_in(arg)]


def _pick(candidates: list[type[BaseModel]], node: Any) -> type[BaseModel] | None:
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
        model = _pick(candidates, node)
        field = _field(model, part) if model else None
        if field is None:
            return None
        candidates = _models_in(field.annotation)
        node = node.get(part) if isinstance(node, dict) else None
    return _pick(candidates, node)


def _field(model: type[BaseModel], key: str) -> Any:
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


def _text_items(annotation: Any) -> bool:
    """True for a list of `Text` values."""
    args = typing.get_args(annotation)
    return typing.get_origin(annotation) is list and bool(args) and is_text(args[0])


def iter_texts(
    node: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str | dict[str, str]]]:
    """Yield (path, value) for every translatable text of a validated model."""
    if isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            yield from iter_texts(item, (*path, index))
        return
    if not isinstance(node, BaseModel):
        return
    for name, field in type(node).model_fields.items():
        value = getattr(node, name)
        here = (*path, field.alias or name)
        if value is None:
            continue
        if is_text(field.annotation):
            yield here, value
        elif _text_items(field.annotation):
            yield from (((*here, index), item) for index, item in enumerate(value))
        else:
            yield from iter_texts(value, here)


LANGUAGE_CODE = 'must be a two-letter language code in lower case, e.g. "en" or "fr"'
TEXT = 'must be text in double quotes, or one text per language: {"en": "...", "fr": "..."}'
_SECONDS = f"must be a number of seconds greater than 0 and at most {MAX_DWELL_SECONDS}"
_COLOUR = 'must be a colour written #RRGGBB, e.g. "#F5B041"'
_BOOL = "must be true or false (no quotes)"
_TEXT_LIST = "must list {} in [ ], each one text or one text per language"

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
    "admin_pin": 'must be 4 to 8 digits in double quotes, e.g. "2468"',
    "font_family": 'must be the name of a bundled font in double quotes, e.g. "Inter"',
    "id": (
        "must be a short name of lower-case letters, digits and dashes (at most 40), "
        'starting with a letter or digit, e.g. "market-size"'
    ),
    "image": 'must be a picture path relative to content.json, e.g. "images/map.png"',
    "cards": "must list 1 to 8 cards in [ ], each an object { ... }",
    "steps": "must list 1 to 6 steps in [ ], each an object { ... }",
    "figures": "must list 1 to 6 figures in [ ], each an object { ... }",
    "chart": "must be an object { ... } with a title, categories and series",
    "series": "must list 1 to 4 series in [ ], each an object { ... }",
    "categories": _TEXT_LIST.format("1 to 12 categories"),
    "values": "must list 1 to 12 plain numbers in [ ], one per category",
    "values[]": "must be a plain number from 0 to 1e15, without quotes or separators",
    "value": "must be a plain number from 0 to 1e15, without quotes or separators, e.g. 7100000000",
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
    field = _field(parent, name) if parent is not None else None
    if field is not None:
        if (_text_items if is_item else is_text)(field.annotation):
            return TEXT
    return RULES.get(f"{name}[]" if is_item else name)


# Model errors in plain words --------------------------------------------------------

_TYPE_WORDS = {
    "float_type": "must be a number, without quotes",
    "float_parsing": "must be a number, without quotes",
    "int_type": "must be a whole number, without quotes",
    "int_parsing": "must be a whole number, without quotes",
    "int_from_float": "must be a whole number",
    "string_type": "must be text in double quotes",
    "bool_type": "must be true or false, without quotes",
    "list_type": "must be a list in [ ]",
    "dict_type": "must be an object { ... }",
    "model_type": "must be an object { ... }",
    "model_attributes_type": "must be an object { ... }",
    "finite_number": "must be an ordinary number (not NaN or Infinity)",
}
_KINDS = ", ".join(PANEL_KINDS)
_OWNERS = {"cards": "card", "steps": "step", "figures": "figure", "series": "chart series"}


def model_problems(exc: ValidationError, parsed: Parsed) -> list[Problem]:
    """Translate every error of a failed validation into a located, plain-words Problem."""
    problems: dict[tuple[str, str], Problem] = {}
    for detail in exc.errors(include_url=False):
        problem = _translate(detail, parsed)
        if problem is not None:
            problems.setdefault((problem.path, problem.message), problem)
    return list(problems.values())


def _data_path(loc: tuple[Any, ...], document: Any) -> tuple[JsonPath, Any, str]:
    """Turn a pydantic location into a document path, plus a text-union branch and its value."""
    path: list[str | int] = []
    node, branch, branch_node = document, "", None
    for index, part in enumerate(loc):
        is_panel = len(path) == 2 and path[0] == "panels" and isinstance(node, dict)
        if is_panel and index == 2 and part == node.get("kind"):
            continue  # the discriminator's tag
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        elif part == "str" or str(part).startswith("dict["):
            branch, branch_node = str(part), node
            continue
        elif part == "[key]" or index < len(loc) - 1:
            continue
        path.append(part)
    return tuple(path), branch_node, branch


def _translate(detail: Any, parsed: Parsed) -> Problem | None:
    document, positions = parsed.value, parsed.positions
    path, branch_node, branch = _data_path(tuple(detail["loc"]), document)
    if (branch == "str") == isinstance(branch_node, dict) and branch:
        return None  # the other branch of the text union explains it better
    kind = detail["type"]
    if kind == "missing" or (kind == "union_tag_not_found" and isinstance(detail["input"], dict)):
        path = (*path, "kind") if kind == "union_tag_not_found" else path
        return error(_missing(path, document), format_path(path), locate(positions, path[:-1]))
    if kind == "extra_forbidden":
        return error(_unknown(path, document), format_path(path), locate(positions, path))
    message = _wording(detail, path, document)
    if kind == "union_tag_invalid":
        path = (*path, "kind")
    return error(message, format_path(path), locate(positions, path))


def _wording(detail: Any, path: JsonPath, document: Any) -> str:
    kind, value = detail["type"], detail["input"]
    found = f"; it is {show_value(value)}" if isinstance(value, str | int | float | None) else ""
    if kind == "union_tag_invalid":
        tag = value.get("kind") if isinstance(value, dict) else detail["ctx"]["tag"]
        return f"kind must be one of: {_KINDS} (not {show_value(tag)})"
    if "[key]" in detail["loc"]:
        return f"{LANGUAGE_CODE}{found}"
    if kind == "literal_error" and path and path[-1] == "icon":
        return f"{show_value(value)} is not a known icon; use one of: {', '.join(ICON_NAMES)}"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", detail["ctx"]["expected"])
        return f"must be one of: {', '.join(options)}{found}"
    rule = rule_for(path, document) or _TYPE_WORDS.get(kind)
    if rule is None:
        message = str(detail["msg"])
        rule = message[:1].lower() + message[1:]
    return rule if kind in ("too_short", "too_long") else f"{rule}{found}"


def _owner(path: JsonPath, document: Any) -> str:
    """Name the object at `path` for a message: 'title panel', 'card', 'content file'."""
    if len(path) == 2 and path[0] == "panels":
        model = model_at(path, document)
        kind = panel_kind(model) if model is not None else None
        return f"{kind} panel" if kind else "panel"
    names = [part for part in path if isinstance(part, str)]
    return _OWNERS.get(names[-1], names[-1].replace("_", " ")) if names else "content file"


def _missing(path: JsonPath, document: Any) -> str:
    key = path[-1]
    extra = f": one of {_KINDS}" if key == "kind" else ""
    return f"is missing: every {_owner(path[:-1], document)} needs a '{key}'{extra}"


def _unknown(path: JsonPath, document: Any) -> str:
    key, owner = str(path[-1]), _owner(path[:-1], document)
    model = model_at(path[:-1], document)
    allowed = allowed_keys(model) if model is not None else []
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key '{key}'; did you mean '{close[0]}'?"
    message = f"unknown key '{key}' in a {owner}; the keys allowed here are: {', '.join(allowed)}"
    if owner.endswith(" panel"):
        kinds = [panel_kind(m) for m in _models_in(Panel) if key in allowed_keys(m)]
        if kinds:
            names = " and ".join(map(str, kinds))
            message += f" ('{key}' belongs to {names} panels: is the kind right?)"
    return message
