"""Running the machine's own programs (xset, wlr-randr, cec-ctl...) without ever failing.

Used where the kiosk asks the system something (`kiosk doctor`) or tells it to do
something (the schedule's screen power): a program that is missing, fails or hangs
gives None, never an exception.
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Sequence

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10.0


def run_quietly(
    command: Sequence[str],
    stdin: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
    refusals: Sequence[str] = (),
) -> str | None:
    """The standard output of `command` (fed `stdin`), or None when it cannot run or fails.

    `refusals` are words that mean failure even with exit status 0 (xset on a server
    without DPMS: "server does not have extension for dpms option"); a refusal is logged.
    """
    try:
        done = subprocess.run(list(command), input=stdin, capture_output=True, text=True,
                              timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    said = f"{done.stdout}\n{done.stderr}".lower()
    refused = [words for words in refusals if words.lower() in said]
    if refused:
        log.warning("%s: %s", " ".join(command), done.stderr.strip() or refused[0])
        return None
    return done.stdout if done.returncode == 0 else None
