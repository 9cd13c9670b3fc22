"""Load content.json: bytes in, a validated `Content` or a list of problems out.

`load` never raises: an unreadable file, broken JSON, a document the model rejects and
even an unexpected failure all come back as `Problem`s, each placed on a line. This
module orchestrates: it parses (`kiosk.core.content.jsonparse`), checks languages and texts on
the parsed document (`kiosk.core.content.texts`), validates against the model (its errors
worded by `kiosk.core.content.model_errors`), then checks ids, charts and pictures of the
validated content (`kiosk.core.content.checks`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.core.content.checks import content_problems
from kiosk.core.content.jsonparse import MAX_BYTES, JSONSyntaxError, Parsed, parse_bytes
from kiosk.core.content.model import Content
from kiosk.core.content.model_errors import model_problems
from kiosk.core.content.problems import Problem, error, format_path, show_value, sort_key
from kiosk.core.content.reader import Unreadable, read_regular_file
from kiosk.core.content.texts import language_problems


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
    data = read_content(path)
    if isinstance(data, LoadResult):
        return data
    return load_bytes(data, Path(path).parent, Path(path).name)


def read_content(path: Path) -> bytes | LoadResult:
    """The bytes of the content file, or the LoadResult that says why they cannot be read.

    The read is bounded and takes regular files only (`kiosk.core.content.reader`):
    the start-up and the watcher both read content.json through it. Never raises.
    """
    try:
        return read_regular_file(Path(path), MAX_BYTES)
    except Unreadable as exc:
        return LoadResult(None, [error(str(exc))], None, None)
    except Exception as exc:  # the promise: whatever happens, a problem, not a crash
        return LoadResult(None, [_internal(exc)], None, None)


def load_bytes(data: bytes, base_dir: Path, file_name: str = "content.json") -> LoadResult:
    """Check the bytes of a content file whose pictures live in `base_dir`; never raises.

    `file_name` is the file's name, for messages that point next to it.
    """
    try:
        digest = hashlib.sha256(data).hexdigest()
        content, problems = _check(data, Path(base_dir), file_name)
        return LoadResult(content, sorted(problems, key=sort_key), digest, bytes(data))
    except Exception as exc:  # the promise: whatever happens, a problem, not a crash
        raw = data if isinstance(data, bytes) else None
        return LoadResult(None, [_internal(exc)], None, raw)


def _internal(exc: BaseException) -> Problem:
    return error(
        f"the file could not be checked because of an unexpected failure "
        f"({type(exc).__name__}: {exc}); please report this"
    )


def _check(data: bytes, base_dir: Path, file_name: str) -> tuple[Content | None, list[Problem]]:
    """Parse, validate and check a document; return the content (None on error) and problems."""
    try:
        parsed = parse_bytes(data)
    except JSONSyntaxError as exc:
        return None, [Problem("error", exc.message, "", exc.line, exc.column)]
    if not isinstance(parsed.value, dict):
        return None, [error(_top_level(parsed.value), "", parsed.positions.get(()))]
    problems = _duplicates(parsed) + language_problems(parsed)
    try:
        content = Content.model_validate(parsed.value, strict=True)
    except ValidationError as exc:
        return None, problems + model_problems(exc, parsed)
    problems += content_problems(content, parsed, base_dir, file_name)
    return (None if any(p.severity == "error" for p in problems) else content), problems


def _duplicates(parsed: Parsed) -> list[Problem]:
    """A key given twice in one object: the later value would silently win."""
    return [
        error(
            f"key '{dup.path[-1]}' appears twice in this object (first on line "
            f"{dup.first_line}); keep only one",
            format_path(dup.path),
            (dup.line, dup.column),
        )
        for dup in parsed.duplicates
    ]


def _top_level(value: Any) -> str:
    kind = "a list [ ... ]" if isinstance(value, list) else f"the single value {show_value(value)}"
    return (
        "the file must hold one JSON object { ... } with languages, default_language and "
        f"panels, not {kind}"
    )
