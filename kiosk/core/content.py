"""Load content.json: bytes in, a validated `Content` or a list of problems out.

`load` never raises: an unreadable file, broken JSON, a document the model rejects and
even an unexpected failure all come back as `Problem`s, each placed on a line. Model
errors are worded by `kiosk.core.schema.model_problems`; the checks that need the whole
document (ids, languages, charts, pictures) live here and run once the model accepts it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from pydantic import ValidationError

from kiosk.core import schema
from kiosk.core.jsonparse import MAX_BYTES, JsonPath, JSONSyntaxError, Parsed, parse_bytes
from kiosk.core.model import Content
from kiosk.core.problems import (
    Problem,
    error,
    format_path,
    locate,
    show_value,
    sort_key,
    too_large,
    warning,
)

_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".svg")


@dataclass(frozen=True)
class LoadResult:
    """What loading a content file gave.

    Attributes
    ----------
    content
        The validated content, or None when there is any error.
    problems
        Every error and warning found, ordered by line.
    sha256
        Hex digest of the file's bytes, None when the file could not be read.
    raw
        The file's bytes, None when the file could not be read.
    """

    content: Content | None
    problems: list[Problem]
    sha256: str | None
    raw: bytes | None

    @property
    def ok(self) -> bool:
        """True when the content can be shown (warnings allowed)."""
        return self.content is not None


def load(path: Path) -> LoadResult:
    """Read and check the content file at `path`; never raises."""
    try:
        data = _read(Path(path))
    except _Unreadable as exc:
        return LoadResult(None, [error(str(exc))], None, None)
    except Exception as exc:  # the promise: whatever happens, a problem, not a crash
        return LoadResult(None, [_internal(exc)], None, None)
    return load_bytes(data, Path(path).parent)


def load_bytes(data: bytes, base_dir: Path) -> LoadResult:
    """Check the bytes of a content file whose pictures live in `base_dir`; never raises."""
    try:
        digest = hashlib.sha256(data).hexdigest()
        content, problems = _check(data, Path(base_dir))
        return LoadResult(content, sorted(problems, key=sort_key), digest, bytes(data))
    except Exception as exc:  # the promise: whatever happens, a problem, not a crash
        raw = data if isinstance(data, bytes) else None
        return LoadResult(None, [_internal(exc)], None, raw)


class _Unreadable(Exception):
    """The file cannot be read; the message says why in plain words."""


def _internal(exc: BaseException) -> Problem:
    return error(
        f"the file could not be checked because of an unexpected failure "
        f"({type(exc).__name__}: {exc}); please report this"
    )


def _read(path: Path) -> bytes:
    """Read at most MAX_BYTES + 1 bytes of `path`, or raise _Unreadable."""
    try:
        if path.is_dir():
            raise _Unreadable(f"{path} is a folder, not a file; give the path of content.json")
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _Unreadable(f"{path} does not exist; check the name and the folder") from None
    except PermissionError:
        raise _Unreadable(f"{path} cannot be read: permission denied") from None
    except OSError as exc:
        raise _Unreadable(f"{path} cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise _Unreadable(too_large(path.stat().st_size, MAX_BYTES))
    return data


def _check(data: bytes, base_dir: Path) -> tuple[Content | None, list[Problem]]:
    """Parse, validate and check a document; return the content (None on error) and problems."""
    try:
        parsed = parse_bytes(data)
    except JSONSyntaxError as exc:
        return None, [Problem("error", exc.message, "", exc.line, exc.column)]
    if not isinstance(parsed.value, dict):
        return None, [error(_top_level(parsed.value), "", parsed.positions.get(()))]
    problems = [
        error(
            f"key '{dup.path[-1]}' appears twice in this object (first on line "
            f"{dup.first_line}); keep only one",
            format_path(dup.path),
            (dup.line, dup.column),
        )
        for dup in parsed.duplicates
    ]
    try:
        content = Content.model_validate(parsed.value, strict=True)
    except ValidationError as exc:
        return None, problems + schema.model_problems(exc, parsed)
    problems += _Checks(content, parsed, base_dir).run()
    return (None if any(p.severity == "error" for p in problems) else content), problems


def _top_level(value: Any) -> str:
    kind = "a list [ ... ]" if isinstance(value, list) else f"the single value {show_value(value)}"
    return (
        "the file must hold one JSON object { ... } with languages, default_language and "
        f"panels, not {kind}"
    )


# Checks that need the whole document -----------------------------------------------


class _Checks:
    """Checks run after the model accepts a document: ids, languages, charts, pictures."""

    def __init__(self, content: Content, parsed: Parsed, base_dir: Path) -> None:
        self.content = content
        self.positions = parsed.positions
        self.base_dir = base_dir
        self.problems: list[Problem] = []

    def add(self, severity: str, message: str, path: JsonPath) -> None:
        """Record a problem at `path`."""
        make = error if severity == "error" else warning
        self.problems.append(make(message, format_path(path), locate(self.positions, path)))

    def run(self) -> list[Problem]:
        """Run every check and return the problems found."""
        self.languages()
        self.panel_ids()
        self.texts()
        self.charts()
        self.images()
        return self.problems

    def languages(self) -> None:
        """default_language must be listed; a language should be listed once."""
        content = self.content
        if content.default_language not in content.languages:
            listed = ", ".join(content.languages)
            self.add(
                "error",
                f"'{content.default_language}' is not in languages ({listed}); add it there "
                "or choose one of those",
                ("default_language",),
            )
        for index, code in enumerate(content.languages):
            if code in content.languages[:index]:
                self.add("warning", f"'{code}' is listed twice; remove one", ("languages", index))

    def panel_ids(self) -> None:
        """Each panel needs its own id."""
        first: dict[str, int] = {}
        for index, panel in enumerate(self.content.panels):
            if panel.id not in first:
                first[panel.id] = index
                continue
            lines = [locate(self.positions, ("panels", i, "id")) for i in (first[panel.id], index)]
            numbers = " and ".join(str(where[0]) for where in lines if where)
            self.add(
                "error",
                f"id '{panel.id}' is used by two panels (lines {numbers}); give each panel "
                "its own id",
                ("panels", index, "id"),
            )

    def texts(self) -> None:
        """Every text should be given in every listed language, and only those."""
        languages = list(dict.fromkeys(self.content.languages))
        default = self.content.default_language
        example = ", ".join(f'"{code}": "..."' for code in languages)
        for path, text in schema.iter_texts(self.content):
            if isinstance(text, str):
                if len(languages) > 1:
                    self.add(
                        "warning",
                        f"same text in every language; give {{{example}}}",
                        path,
                    )
                continue
            missing = [code for code in languages if code not in text]
            unknown = [code for code in text if code not in languages]
            if missing:
                self.add("warning", _missing_languages(text, missing, default), path)
            for code in unknown:
                self.add(
                    "warning",
                    f"'{code}' is not in languages ({', '.join(languages)}), so this text is "
                    "never shown; add it to languages or remove it",
                    (*path, code),
                )

    def charts(self) -> None:
        """A chart series needs exactly one value per category."""
        for index, panel in enumerate(self.content.panels):
            chart = getattr(panel, "chart", None)
            if chart is None:
                continue
            wanted = len(chart.categories)
            categories = f"{wanted} categor{'y' if wanted == 1 else 'ies'}"
            for number, series in enumerate(chart.series):
                if len(series.values) != wanted:
                    self.add(
                        "error",
                        f"has {len(series.values)} value(s) but the chart has {categories}: "
                        "give exactly one value per category",
                        ("panels", index, "chart", "series", number, "values"),
                    )

    def images(self) -> None:
        """Pictures must stay inside the content folder and should exist."""
        for index, panel in enumerate(self.content.panels):
            if panel.image is not None:
                self.image(panel.image, ("panels", index, "image"))

    def image(self, name: str, path: JsonPath) -> None:
        """Check one picture path."""
        windows, posix = PureWindowsPath(name), PurePosixPath(name)
        if windows.is_absolute() or posix.is_absolute() or windows.drive or ".." in windows.parts:
            self.add(
                "error",
                f"'{name}' points outside the content folder; use a path inside it, "
                'relative to content.json, e.g. "images/map.png" (no drive, no leading /, no ..)',
                path,
            )
        elif "\\" in name:
            fixed = name.replace("\\", "/")
            self.add("error", f"write / between folders, not \\: '{fixed}'", path)
        elif not (self.base_dir / name).is_file():
            self.add(
                "warning",
                f"picture '{name}' not found next to content.json; the kiosk will show a "
                "placeholder",
                path,
            )
        elif posix.suffix.lower() not in _IMAGE_TYPES:
            self.add("warning", f"'{name}' is not a PNG, JPEG or SVG picture", path)


def _missing_languages(text: dict[str, str], missing: list[str], default: str) -> str:
    """Word the warning for a text that lacks some of the listed languages."""
    if not text:
        return "has no text in any language; the kiosk will show nothing here"
    shown = default if default in text else next(iter(text))
    wanted = ", ".join(f'"{code}": "..."' for code in missing)
    return (
        f"no text in {', '.join(missing)}: the kiosk will show the '{shown}' text "
        f"instead; add {wanted}"
    )
