"""The languages of a document, and its texts in each of them.

These checks read the parsed document, not the validated model, so a file with a
model error still gets its language warnings in the same run: the editor sees every
problem at once. A text is checked only where the model allows one (`Text` fields,
found through `kiosk.core.content.fields`) and only when it has the shape of a text; a value
of the wrong shape is left to the model's error.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from kiosk.core.content.cleantext import blank_message, is_blank, unwanted, unwanted_message
from kiosk.core.content.fields import (
    allowed_keys,
    field_named,
    is_text,
    is_text_list,
    model_at,
    models_in,
    pick,
)
from kiosk.core.content.jsonparse import JsonPath, Parsed
from kiosk.core.content.model import Content
from kiosk.core.content.problems import Problem, Severity, problem_at

_CODE = re.compile(r"[a-z]{2}")
TextValue = str | dict[str, str]
Candidates = tuple[type[BaseModel], ...]


PROPER_NAMES = frozenset({"name", "credit"})
"""Fields that name people (a quote's speaker, a photo's credit): one text may serve all."""


def iter_texts(document: Any) -> Iterator[tuple[JsonPath, Any]]:
    """Yield (path, value) for every value of a raw document where the model wants a text."""
    yield from _walk(document, (Content,), ())


def _walk(node: Any, candidates: Candidates, path: JsonPath) -> Iterator[tuple[JsonPath, Any]]:
    """Yield the texts inside `node`, an object described by one of `candidates`."""
    model = pick(candidates, node) if isinstance(node, dict) else None
    if model is None:
        return
    plan = _plan(model)
    for key, value in node.items():
        role, children = plan.get(key, ("", ()))
        here = (*path, key)
        if value is None or not role:
            continue
        if role == "text":
            yield here, value
        elif role == "texts" and isinstance(value, list):
            yield from (((*here, index), item) for index, item in enumerate(value))
        elif role == "objects" and isinstance(value, list):
            for index, item in enumerate(value):
                yield from _walk(item, children, (*here, index))
        elif role == "object":
            yield from _walk(value, children, here)


@functools.cache
def _plan(model: type[BaseModel]) -> dict[str, tuple[str, Candidates]]:
    """Map each key of `model` to its role (text, texts, objects, object) and its classes."""
    plan: dict[str, tuple[str, Candidates]] = {}
    for key in allowed_keys(model):
        annotation = field_named(model, key).annotation
        children = tuple(models_in(annotation))
        if is_text(annotation):
            plan[key] = ("text", ())
        elif is_text_list(annotation):
            plan[key] = ("texts", ())
        elif children:
            is_list = typing.get_origin(annotation) is list
            plan[key] = ("objects" if is_list else "object", children)
    return plan


def is_text_value(value: Any) -> bool:
    """True when `value` has the shape of a text: a string, or {code: string}."""
    if isinstance(value, str):
        return True
    return isinstance(value, dict) and all(
        _CODE.fullmatch(code) and isinstance(text, str) for code, text in value.items()
    )


def language_problems(parsed: Parsed) -> list[Problem]:
    """Check the languages and every text of a parsed document; [] when languages are bad."""
    document = parsed.value
    languages = document.get("languages") if isinstance(document, dict) else None
    if not isinstance(languages, list) or not languages:
        return []
    if not all(isinstance(code, str) and _CODE.fullmatch(code) for code in languages):
        return []  # the model's error explains the languages first
    default = document.get("default_language")
    default = default if isinstance(default, str) and _CODE.fullmatch(default) else None
    return _Languages(languages, default, parsed).run()


class _Languages:
    """The language checks of one document, against its list of languages."""

    def __init__(self, languages: list[str], default: str | None, parsed: Parsed) -> None:
        self.listed = languages
        self.languages = list(dict.fromkeys(languages))
        self.default = default
        self.parsed = parsed
        self.problems: list[Problem] = []

    def add(self, severity: Severity, message: str, path: JsonPath) -> None:
        """Record a problem at `path`."""
        self.problems.append(problem_at(severity, message, path, self.parsed.positions))

    def run(self) -> list[Problem]:
        """Run every check and return the problems found."""
        self.listing()
        for path, value in iter_texts(self.parsed.value):
            if is_text_value(value):
                self.text(path, value)
        return self.problems

    def listing(self) -> None:
        """default_language must be listed; a language should be listed once."""
        if self.default is not None and self.default not in self.languages:
            self.add(
                "error",
                f"'{self.default}' is not in languages ({', '.join(self.languages)}); add it "
                "there or choose one of those",
                ("default_language",),
            )
        for index, code in enumerate(self.listed):
            if code in self.listed[:index]:
                self.add("warning", f"'{code}' is listed twice; remove one", ("languages", index))

    def text(self, path: JsonPath, text: TextValue) -> None:
        """A text should be given in every listed language, and only those, without controls.

        It should also show something in each of them (`blank`).
        """
        self.invisible(path, text)
        self.blank(path, text)
        languages = self.languages
        if isinstance(text, str):
            if len(languages) > 1 and path[-1] not in PROPER_NAMES and not is_blank(text):
                example = ", ".join(f'"{code}": "..."' for code in languages)
                self.add("warning", f"same text in every language; give {{{example}}}", path)
            return
        missing = [code for code in languages if code not in text]
        if missing:
            self.add("warning", _missing_languages(text, missing, self.default), path)
        for code in text:
            if code not in languages:
                self.add(
                    "warning",
                    f"'{code}' is not in languages ({', '.join(languages)}), so this text is "
                    "never shown; add it to languages or remove it",
                    (*path, code),
                )


    def blank(self, path: JsonPath, text: TextValue) -> None:
        """A text that shows nothing (empty, spaces, zero-width) in a language it is shown in.

        A warning, not an error: the kiosk runs, with nothing where the text goes. When
        the text is blank in every language and its field is optional, leaving the field
        out is the other fix.
        """
        shown = [(path, text)] if isinstance(text, str) else [
            ((*path, code), value) for code, value in text.items() if code in self.languages]
        blanks = [(where, value) for where, value in shown if is_blank(value)]
        everywhere = len(blanks) == len(shown)
        leave_out = str(path[-1]) if everywhere and self.optional(path) else ""
        for where, value in blanks:
            self.add("warning", blank_message(value, leave_out) or "", where)

    def optional(self, path: JsonPath) -> bool:
        """True when the model lets the text at `path` be left out."""
        if isinstance(path[-1], int):
            return False
        model = model_at(path[:-1], self.parsed.value)
        field = None if model is None else field_named(model, path[-1])
        return field is not None and not field.is_required()

    def invisible(self, path: JsonPath, text: TextValue) -> None:
        """Control characters and direction overrides are warned about (and never drawn)."""
        pairs = [(path, text)] if isinstance(text, str) else [
            ((*path, code), value) for code, value in text.items()]
        for where, value in pairs:
            found = unwanted(value)
            if found:
                self.add("warning", unwanted_message(found), where)


def _missing_languages(text: dict[str, str], missing: list[str], default: str | None) -> str:
    """Word the warning for a text that lacks some of the listed languages."""
    if not text:
        return "has no text in any language; the kiosk will show nothing here"
    shown = default if default in text else next(iter(text))
    wanted = ", ".join(f'"{code}": "..."' for code in missing)
    return (
        f"no text in {', '.join(missing)}: the kiosk will show the '{shown}' text "
        f"instead; add {wanted}"
    )
