"""Pydantic's validation errors, worded in plain words and placed on a line.

`model_problems` turns every error of a failed `Content` validation into a `Problem`
that names the field, says what it allows (from `kiosk.core.content.fields`), shows the value
found, and suggests the closest name for a misspelt key, icon, kind or other choice.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from kiosk.core.content.fields import (
    LANGUAGE_CODE,
    allowed_keys,
    model_at,
    models_in,
    panel_kind,
    rule_for,
)
from kiosk.core.content.jsonparse import JsonPath, Parsed
from kiosk.core.content.model import PANEL_KINDS, Panel
from kiosk.core.content.problems import Problem, error, format_path, locate, show_value

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
# What a value of a field with a fixed set of choices is called in a message.
_CHOICES = {
    "icon": "a known icon",
    "kind": "a kind of panel",
    "transition": "a transition",
    "format": "a figure format",
    "days": "a day",
}


def model_problems(exc: ValidationError, parsed: Parsed) -> list[Problem]:
    """Translate every error of a failed validation into a located, plain-words Problem."""
    problems: dict[tuple[str, str], Problem] = {}
    for detail in exc.errors(include_url=False):
        problem = _translate(detail, parsed)
        if problem is not None:
            problems.setdefault((problem.path, problem.message), problem)
    return list(problems.values())


# The names pydantic gives the branches of a union of text and object: Text is
# str | dict[...]; a picture is a file name (a constrained str) or a Picture object.
_STR_BRANCHES = frozenset({"str", "constrained-str"})
_OBJECT_BRANCHES = frozenset({"Picture"})


def closest(value: object, options: Sequence[str]) -> str | None:
    """Return the option closest to a misspelt `value` (case aside), or None."""
    if not isinstance(value, str):
        return None
    typed = value.strip().lower()
    exact = [option for option in options if option.lower() == typed]
    # a day written in full ("saturday") for its short name ("sat")
    short = [option for option in options if len(option) >= 3 and typed.startswith(option)]
    close = exact or difflib.get_close_matches(typed, options, n=1, cutoff=0.6) or short
    return close[0] if close else None


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
        elif part in _STR_BRANCHES or part in _OBJECT_BRANCHES or str(part).startswith("dict["):
            branch, branch_node = str(part), node
            continue
        elif part == "[key]" or index < len(loc) - 1:
            continue
        path.append(part)
    return tuple(path), branch_node, branch


def _translate(detail: Any, parsed: Parsed) -> Problem | None:
    document, positions = parsed.value, parsed.positions
    path, branch_node, branch = _data_path(tuple(detail["loc"]), document)
    if (branch in _STR_BRANCHES) == isinstance(branch_node, dict) and branch:
        return None  # the other branch of a text or picture union explains it better
    kind = detail["type"]
    if kind == "missing" or (kind == "union_tag_not_found" and isinstance(detail["input"], dict)):
        path = (*path, "kind") if kind == "union_tag_not_found" else path
        return error(_missing(path, document), format_path(path), locate(positions, path[:-1]))
    if kind == "extra_forbidden":
        return error(_unknown(path, document), format_path(path), locate(positions, path))
    if kind == "union_tag_invalid":
        path = (*path, "kind")
    return error(_wording(detail, path, document), format_path(path), locate(positions, path))


def _wording(detail: Any, path: JsonPath, document: Any) -> str:
    kind, value = detail["type"], detail["input"]
    found = f"; it is {show_value(value)}" if isinstance(value, str | int | float | None) else ""
    if kind == "union_tag_invalid":
        tag = value.get("kind") if isinstance(value, dict) else detail["ctx"]["tag"]
        return _choice("kind", tag, PANEL_KINDS)
    if kind == "value_error":  # the model's own check worded it (times, dates, zones)
        return str(detail["ctx"]["error"])
    if "[key]" in detail["loc"]:
        return f"{LANGUAGE_CODE}{found}"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", detail["ctx"]["expected"])
        names = [part for part in path if isinstance(part, str)]
        return _choice(names[-1] if names else "", value, options)
    rule = rule_for(path, document) or _TYPE_WORDS.get(kind)
    if rule is None:
        message = str(detail["msg"])
        rule = message[:1].lower() + message[1:]
    return rule if kind in ("too_short", "too_long") else f"{rule}{found}"


def _choice(name: str, value: object, options: Sequence[str]) -> str:
    """Word a value that is not one of the `options` of field `name`, closest name first."""
    listed = ", ".join(options)
    shown = f"'{value[:40]}'" if isinstance(value, str) else show_value(value)
    what = _CHOICES.get(name, "allowed here")
    suggestion = closest(value, options)
    if suggestion is not None:
        return f"{shown} is not {what}; did you mean '{suggestion}'? (one of: {listed})"
    if name == "kind":
        return f"kind must be one of: {listed} (not {show_value(value)})"
    if name == "icon":
        return f"{shown} is not a known icon; use one of: {listed}"
    return f"must be one of: {listed}; it is {show_value(value)}"


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
    suggestion = closest(key, allowed)
    if suggestion is not None:
        return f"unknown key '{key}'; did you mean '{suggestion}'?"
    message = f"unknown key '{key}' in a {owner}; the keys allowed here are: {', '.join(allowed)}"
    if owner.endswith(" panel"):
        kinds = [panel_kind(m) for m in models_in(Panel) if key in allowed_keys(m)]
        if kinds:
            names = " and ".join(map(str, kinds))
            message += f" ('{key}' belongs to {names} panels: is the kind right?)"
    return message
