"""What `kiosk validate` says about a content file, word for word: the terminal and the preview.

One wording everywhere staff read about their file: each problem as a compiler
would put it (``content.json:14:7: error: panels[2].dwell_seconds: ...``, by
`kiosk.core.content.problems.format_problem`), and one verdict line that counts
them. `kiosk validate` and `kiosk render` print these lines; `kiosk preview` lists
them in its window, errors first.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.core.content.load import LoadResult
from kiosk.core.content.problems import Problem, count_errors, format_problem


def count(number: int, noun: str) -> str:
    """`number` `noun`s in words: "1 error", "2 warnings"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def tally(problems: Sequence[Problem]) -> tuple[int, int]:
    """How many errors and how many warnings `problems` holds."""
    errors = count_errors(problems)
    return errors, len(problems) - errors


def problem_lines(
    problems: Sequence[Problem], file_name: str, *, errors_first: bool = False
) -> list[str]:
    """Each problem on its own line, as `kiosk validate` prints it.

    Parameters
    ----------
    problems
        The problems of a load, in the order of the file.
    file_name
        The name every line points at (the file's name, as staff know it).
    errors_first
        List the errors (which keep the file off the screen) before the warnings,
        each group in the order of the file.
    """
    ordered = sorted(problems, key=lambda p: p.severity != "error") if errors_first else problems
    return [format_problem(problem, file_name) for problem in ordered]


def verdict(result: LoadResult, file_name: str) -> str:
    """The last line of `kiosk validate`: usable or not, with the count of each kind.

    "content.json: OK (6 panels, 1 warning)" or "content.json: not usable (2 errors,
    1 warning); fix the errors above."
    """
    errors, warnings = tally(result.problems)
    if result.content is None:
        found = count(errors, "error") + (f", {count(warnings, 'warning')}" if warnings else "")
        fix = "the error" if errors == 1 else "the errors"
        return f"{file_name}: not usable ({found}); fix {fix} above."
    tail = f", {count(warnings, 'warning')}" if warnings else ", no problems"
    return f"{file_name}: OK ({count(len(result.content.panels), 'panel')}{tail})"
