"""How the kiosk itself fared over a period: starts, restarts after a crash, content errors.

Read from the lifecycle moments of the event log (`kiosk.core.records.events`): a
``start`` with no ``stop`` since the previous ``start`` means the kiosk did not stop
cleanly (a crash, a power cut, a kill); systemd or the restart loop brought it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from kiosk.core.records.localtime import local
from kiosk.core.records.timeline import Moment


def health(
    moments: Sequence[Moment], since: float, until: float, tz: tzinfo | None
) -> dict[str, Any]:
    """The ``health`` section of a report.

    Parameters
    ----------
    moments
        Every lifecycle moment of the log, oldest first (also those before `since`,
        to tell whether the first start of the period followed a crash).
    since, until
        The period, epoch seconds (`until` excluded).
    tz
        The booth's time zone (None: the machine's).

    Returns
    -------
    dict
        ``recorded`` (False for a log older than lifecycle moments), ``starts``,
        ``unclean_restarts`` (starts in the period that followed no clean stop), and
        ``content_errors``: ``[{"at": local ISO time, "message": str}]``.
    """
    starts = unclean = 0
    running = False
    errors: list[dict[str, Any]] = []
    for moment in moments:
        inside = since <= moment.at < until
        if moment.kind == "start":
            starts += inside
            unclean += inside and running
            running = True
        elif moment.kind == "stop":
            running = False
        elif moment.kind == "content_error" and inside:
            at = local(moment.at, tz).isoformat(timespec="seconds")
            errors.append({"at": at, "message": moment.detail or ""})
    return {
        "recorded": bool(moments),
        "starts": starts,
        "unclean_restarts": unclean,
        "content_errors": errors,
    }
