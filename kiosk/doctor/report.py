"""`kiosk doctor`'s output: a plain table for the operator, or JSON for monitoring."""

from __future__ import annotations

import json
from collections.abc import Sequence

from kiosk.doctor.result import Result

WIDTH = 17


def format_text(results: Sequence[Result]) -> str:
    """One line per check (``OK   display  X display :0``), the fix indented below.

    A message of several lines (the pictures' problems, one a line) keeps the indent.
    """
    lines = []
    for result in results:
        message = result.message.replace("\n", "\n" + " " * (5 + WIDTH))
        lines.append(f"{result.status:<5}{result.name:<{WIDTH}}{message}")
        if result.fix:
            lines.append(f"{'':<5}{'':<{WIDTH}}fix: {result.fix}")
    lines.append(summary(results))
    return "\n".join(lines)


def summary(results: Sequence[Result]) -> str:
    """The last line: how many checks failed or warned."""
    failed = sum(r.status == "FAIL" for r in results)
    warned = sum(r.status == "WARN" for r in results)
    if not failed and not warned:
        return f"All {len(results)} checks passed."
    return f"{failed} failed, {warned} to look at, {len(results) - failed - warned} passed."


def format_json(results: Sequence[Result]) -> str:
    """``{"ok": bool, "checks": [...]}``; ok is False when a check failed."""
    document = {
        "ok": not any(r.status == "FAIL" for r in results),
        "checks": [r.to_dict() for r in results],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
