"""Problems found in a content file: what they are, where they are, how they print.

A `Problem` says what is wrong in plain words, what is allowed and how to fix it, and
where: a path such as ``panels[2].dwell_seconds`` and a line and column. The wording
of JSON syntax errors lives in `kiosk.core.content.syntax_hints`, that of model errors in
`kiosk.core.content.model_errors`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Positions = Mapping[tuple[str | int, ...], tuple[int, int]]


@dataclass(frozen=True)
class Problem:
    """One problem in a content file.

    Parameters
    ----------
    severity
        "error" (the file cannot be used) or "warning" (it can, but check this).
    message
        Plain words: what is wrong, what is allowed, how to fix it.
    path
        Where in the document, e.g. "panels[2].dwell_seconds"; "" for the whole file.
    line, column
        1-based position in the file, None when unknown.
    """

    severity: Severity
    message: str
    path: str = ""
    line: int | None = None
    column: int | None = None


def error(message: str, path: str = "", where: tuple[int, int] | None = None) -> Problem:
    """Build an error at `path`, placed at `where` = (line, column) when known."""
    line, column = where if where else (None, None)
    return Problem("error", message, path, line, column)


def warning(message: str, path: str = "", where: tuple[int, int] | None = None) -> Problem:
    """Build a warning at `path`, placed at `where` = (line, column) when known."""
    line, column = where if where else (None, None)
    return Problem("warning", message, path, line, column)


def format_problem(problem: Problem, filename: str) -> str:
    """Format a problem like a compiler: ``content.json:14:7: error: path: message``."""
    place = filename
    if problem.line is not None:
        place += f":{problem.line}"
        if problem.column is not None:
            place += f":{problem.column}"
    path = f"{problem.path}: " if problem.path else ""
    return f"{place}: {problem.severity}: {path}{problem.message}"


def format_path(path: Sequence[str | int]) -> str:
    """Format a path tuple as ``panels[2].title.en``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def sort_key(problem: Problem) -> tuple[int, int, int]:
    """Order problems: whole-file ones first, then by line and column."""
    return (problem.line is not None, problem.line or 0, problem.column or 0)


def show_value(value: object) -> str:
    """Show a value from the file as JSON, shortened to about 40 characters."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def locate(positions: Positions, path: tuple[str | int, ...]) -> tuple[int, int] | None:
    """Return where `path` is, else where the nearest enclosing key or item is."""
    for end in range(len(path), -1, -1):
        if path[:end] in positions:
            return positions[path[:end]]
    return None


def problem_at(
    severity: Severity, message: str, path: tuple[str | int, ...], positions: Positions
) -> Problem:
    """Build a problem at `path`, placed where `path` (or its nearest parent) is in the file."""
    line, column = locate(positions, path) or (None, None)
    return Problem(severity, message, format_path(path), line, column)


def count_errors(problems: Iterable[Problem]) -> int:
    """How many of `problems` are errors (the rest are warnings)."""
    return sum(problem.severity == "error" for problem in problems)
