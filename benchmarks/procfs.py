"""Process-tree accounting from /proc: CPU seconds (utime+stime) and PSS.

A browser is many processes, some double-forked away from their parent, so the
tree of a launched app is every descendant of its root process plus every
process in the root's session (the launcher starts each app in a new session).
"""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (field 3 is index 0), or None."""
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def _all_pids() -> list[int]:
    return [int(p.name) for p in PROC.iterdir() if p.name.isdigit()]


def tree(root: int) -> list[int]:
    """`root`, its living descendants and every process of its session."""
    parents: dict[int, int] = {}
    sessions: dict[int, int] = {}
    for pid in _all_pids():
        fields = _stat_fields(pid)
        if fields is not None:
            parents[pid], sessions[pid] = int(fields[1]), int(fields[3])
    if root not in parents:
        return []
    found = {root} | {pid for pid, sid in sessions.items() if sid == sessions[root]}
    grew = True
    while grew:
        extra = {pid for pid, ppid in parents.items() if ppid in found and pid not in found}
        found |= extra
        grew = bool(extra)
    return sorted(found)


def session(sid: int) -> list[int]:
    """Every living process of session `sid`."""
    found = []
    for pid in _all_pids():
        fields = _stat_fields(pid)
        if fields is not None and int(fields[3]) == sid:
            found.append(pid)
    return found


def cpu_seconds(pids: list[int]) -> float:
    """utime+stime of `pids`, plus what they reaped from exited children (cutime+cstime)."""
    ticks = 0
    for pid in pids:
        fields = _stat_fields(pid)
        if fields is not None:
            ticks += sum(int(value) for value in fields[11:15])
    return ticks / CLOCK_TICKS


def pss_kib(pids: list[int]) -> int:
    """Proportional set size of `pids` summed, in KiB (smaps_rollup)."""
    total = 0
    for pid in pids:
        try:
            text = (PROC / str(pid) / "smaps_rollup").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1])
                break
    return total


def rss_kib(pid: int) -> int:
    """Resident set size of one process in KiB (VmRSS)."""
    for line in (PROC / str(pid) / "status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0
