"""Hold an app to a share of one core with a cgroup CPU quota: a Raspberry Pi-class core.

A booth's Raspberry Pi 4/5-class core does roughly a third of the work of this
machine's (an x86 server core). The Pi-class benchmark holds the app to that: a
cgroup with a quota of 3 ms of CPU per 10 ms period, so the app gets at most a
third of one core, in slices as short as a frame's.

- cgroup v2 (the unified hierarchy with its `cpu` controller): a child group with
  ``cpu.max`` = ``3000 10000``;
- cgroup v1 (the `cpu` controller mounted on its own): a child group with
  ``cpu.cfs_period_us`` = 10000 and ``cpu.cfs_quota_us`` = 3000.

Writing either needs root (or a delegated cgroup); where nothing is writable,
`cpu_limit` says why, and the Pi-class benchmark is skipped with that reason. The
app joins its group in the child process, before its program starts
(`CpuLimit.join`, a `preexec_fn`), so every process it forks is held too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import count
from pathlib import Path

PERIOD_US = 10_000
QUOTA_US = 3_000
SHARE = QUOTA_US / PERIOD_US  # of one core
MOUNTS = Path("/proc/self/mounts")
_serial = count()


@dataclass(frozen=True)
class CpuLimit:
    """A cgroup holding what joins it to `SHARE` of one core.

    Attributes
    ----------
    path : Path
        The group's folder.
    version : int
        1 (``cpu.cfs_quota_us``) or 2 (``cpu.max``).
    """

    path: Path
    version: int

    def join(self) -> None:
        """Put the calling process in the group (call it in the child, before exec)."""
        (self.path / "cgroup.procs").write_text(str(os.getpid()))

    def throttled_seconds(self) -> float:
        """How long the group's processes waited for the next period, in all."""
        stat = dict(line.split() for line in (self.path / "cpu.stat").read_text().splitlines())
        if self.version == 2:
            return int(stat.get("throttled_usec", 0)) / 1e6
        return int(stat.get("throttled_time", 0)) / 1e9

    def remove(self) -> None:
        """Remove the group (once its processes have ended)."""
        try:
            self.path.rmdir()
        except OSError:
            pass


def cpu_limit(name: str = "kiosk-bench") -> CpuLimit | str:
    """A new cgroup at a third of one core, or the reason there can be none here.

    The group is named `name`, this process's id and a serial number, so that
    benchmarks run side by side never share one.
    """
    group = f"{name}-{os.getpid()}-{next(_serial)}"
    v2, v1 = _mount("cgroup2"), _mount("cgroup", "cpu")
    reasons = []
    if v2 is not None and "cpu" in _read(v2 / "cgroup.controllers").split():
        made = _make(v2 / group, 2, {"cpu.max": f"{QUOTA_US} {PERIOD_US}"}, v2)
        if isinstance(made, CpuLimit):
            return made
        reasons.append(made)
    if v1 is not None:
        quota = {"cpu.cfs_period_us": str(PERIOD_US), "cpu.cfs_quota_us": str(QUOTA_US)}
        made = _make(v1 / group, 1, quota)
        if isinstance(made, CpuLimit):
            return made
        reasons.append(made)
    return "; ".join(reasons) or "no cgroup with a cpu controller is mounted"


def _make(path: Path, version: int, settings: dict[str, str], v2_root: Path | None = None):
    """Create the group at `path` and write `settings`; a CpuLimit, or why not."""
    try:
        if v2_root is not None and "cpu" not in _read(v2_root / "cgroup.subtree_control"):
            (v2_root / "cgroup.subtree_control").write_text("+cpu")
        path.mkdir()
    except OSError as error:
        return f"cannot create a cgroup v{version} at {path} ({error.strerror})"
    try:
        for key, value in settings.items():
            (path / key).write_text(value)
    except OSError as error:
        path.rmdir()
        return f"cannot set the quota of {path} ({error.strerror})"
    return CpuLimit(path, version)


def _mount(kind: str, option: str | None = None) -> Path | None:
    """Where a cgroup file system of `kind` is mounted (v1: the one with `option`)."""
    for line in _read(MOUNTS).splitlines():
        fields = line.split()
        if len(fields) < 4 or fields[2] != kind:
            continue
        if option is None or option in fields[3].split(","):
            return Path(fields[1])
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""
