"""Running the machine's own programs (xset, wlr-randr, cec-ctl...) without ever failing.

Used where the kiosk asks the system something (`kiosk doctor`) or tells it to do
something (the schedule's screen power): a program that is missing, fails or hangs
gives None, never an exception.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence

TIMEOUT_SECONDS = 10.0


def run_quietly(
    command: Sequence[str], stdin: str | None = None, timeout: float = TIMEOUT_SECONDS
) -> str | None:
    """The standard output of `command` (fed `stdin`), or None when it cannot run or fails."""
    try:
        done = subprocess.run(list(command), input=stdin, capture_output=True, text=True,
                              timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
