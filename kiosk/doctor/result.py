"""One finding of `kiosk doctor`: a name, OK / WARN / FAIL, what was found, how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Status = Literal["OK", "WARN", "FAIL"]


@dataclass(frozen=True)
class Result:
    """What one check found.

    Attributes
    ----------
    name
        What was checked, e.g. ``"display"``.
    status
        ``OK``, ``WARN`` (the booth works, but look) or ``FAIL`` (a visitor would see it).
    message
        What was found, in plain words.
    fix
        What to do about a WARN or a FAIL; None when there is nothing to do.
    """

    name: str
    status: Status
    message: str
    fix: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


def ok(name: str, message: str) -> Result:
    """A check that passed."""
    return Result(name, "OK", message)


def warn(name: str, message: str, fix: str) -> Result:
    """A check that found something to look at; the booth still works."""
    return Result(name, "WARN", message, fix)


def fail(name: str, message: str, fix: str) -> Result:
    """A check that found something a visitor or an operator would suffer from."""
    return Result(name, "FAIL", message, fix)
