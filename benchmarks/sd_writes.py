"""Steady-state writes of a running kiosk, the figure that wears out a booth's SD card.

A kiosk is started on the shipped content at one dwell for every panel (10 s, as a
booth runs it), with a fresh data folder on a disk-backed filesystem. After a
warm-up (start-up writes its database, its last good copy and its first log lines
once) the benchmark reads ``/proc/PID/io`` at every dwell for a few minutes:

- ``write_bytes``: bytes the kiosk caused to be sent to the storage layer (counted
  by the kernel when a page is dirtied: the figure that reaches the card), scaled
  to an hour;
- ``syscw``: write system calls (files, pipes and sockets alike), per minute;
- the log lines the kiosk wrote in that window (kiosk.log);
- with ``--strace`` (the kiosk then runs under strace): how many of those write calls
  go to files, and to which, against the wake-ups of Qt's event loop (an eventfd
  written once per animation frame), which never reach storage.

The budget is at most 2 MB an hour; the script exits 1 when it does not hold.

    .venv/bin/python benchmarks/sd_writes.py [--minutes 20] [--dwell 10] [--strace] [--json FILE]

The window (20 minutes after 45 s of warm-up) holds whole periods of every write:
four five-minute bursts and two screenshots (the first one, 30 s after the start, falls
in the warm-up), so the hourly figure is neither flattered nor inflated.

Needs Linux (/proc). The data folder must not be on tmpfs, where nothing is ever
sent to storage: by default it goes under /var/tmp (or --work DIR).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from apps import content_copy  # noqa: E402
from run import ROOT, use_the_project_venv  # noqa: E402

BUDGET_BYTES_PER_HOUR = 2_000_000
MEMORY_FILESYSTEMS = {"tmpfs", "ramfs"}


@dataclass(frozen=True)
class IoSample:
    """One reading of /proc/PID/io, with the monotonic time it was taken."""

    at: float
    write_bytes: int
    syscw: int
    wchar: int


@dataclass(frozen=True)
class Result:
    """The steady-state figures of one run."""

    seconds: float
    bytes_per_hour: float
    writes_per_minute: float
    wchar_per_hour: float
    log_lines: int
    exit_code: int | None
    filesystem: str
    file_writes_per_minute: dict[str, float] | None = None

    @property
    def within_budget(self) -> bool:
        """Whether the bytes written per hour stay within the SD-card budget."""
        return self.bytes_per_hour <= BUDGET_BYTES_PER_HOUR


def read_io(pid: int) -> IoSample:
    """The kiosk's write counters now."""
    fields = {}
    for line in Path(f"/proc/{pid}/io").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = int(value)
    return IoSample(time.monotonic(), fields["write_bytes"], fields["syscw"], fields["wchar"])


def filesystem_of(path: Path) -> str:
    """The type of the filesystem `path` is on (the longest matching mount point)."""
    best, kind = "", "unknown"
    target = str(path.resolve())
    for line in Path("/proc/self/mounts").read_text().splitlines():
        _, mount, fstype, *_ = line.split()
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) > len(best):
            best, kind = mount, fstype
    return kind


def log_lines(data_dir: Path) -> int:
    """How many lines kiosk.log holds now (0 when there is none)."""
    try:
        return (data_dir / "kiosk.log").read_bytes().count(b"\n")
    except OSError:
        return 0


TRACED = "write,pwrite64,writev,pwritev,fsync,fdatasync,rename"
_TEMP = re.compile(r"\.\w{8}\.tmp$")  # status.json's temporary files, before the rename
_TRACE_LINE = re.compile(r"^\d+\s+(\d+\.\d+)\s+(\w+)\((?:\d+<([^>]*)>|\"([^\"]*)\")")


def start_kiosk(
    content: Path, data_dir: Path, trace: Path | None
) -> tuple[subprocess.Popen[bytes], int]:
    """The kiosk, windowed and offscreen (the display plays no part in what is written).

    With `trace`, the kiosk runs under strace, which writes every write call there
    with its time and its file. Returns the launched process and the kiosk's pid.
    """
    command = [sys.executable, str(ROOT / "main.py"), "run", "--windowed", "--size", "1280x720"]
    command += ["--content", str(content), "--data-dir", str(data_dir)]
    if trace is not None:
        command = ["strace", "-f", "-y", "-qq", "-ttt", "-e", f"trace={TRACED}", "-o",
                   str(trace), *command]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    launched = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    return launched, launched.pid if trace is None else _traced_child(launched.pid)


def _traced_child(tracer: int) -> int:
    """The pid of the program strace started (its first child)."""
    for _ in range(100):
        children = Path(f"/proc/{tracer}/task/{tracer}/children")
        found = children.read_text().split() if children.exists() else []
        if found:
            return int(found[0])
        time.sleep(0.05)
    raise RuntimeError("strace did not start the kiosk")


def file_writes(trace: Path, start: float, end: float) -> dict[str, float]:
    """Write calls per minute between the wall times `start` and `end`, by target."""
    counts: collections.Counter[str] = collections.Counter()
    for line in trace.read_text(errors="replace").splitlines():
        match = _TRACE_LINE.match(line)
        if match is None or not start <= float(match.group(1)) <= end:
            continue
        target = Path(match.group(3) or match.group(4) or "?").name
        kind = "event-loop wake-ups" if "eventfd" in target else _TEMP.sub("", target)
        counts[f"{match.group(2)} {kind}".strip()] += 1
    minutes = (end - start) / 60
    return {name: round(count / minutes, 1) for name, count in sorted(counts.items())}


def measure(work: Path, minutes: float, dwell: float, warmup: float, strace: bool) -> Result:
    """Run one kiosk and return its steady-state figures."""
    content = content_copy(work, dwell)
    data_dir = work / "data"
    trace = work / "writes.trace" if strace else None
    launched, pid = start_kiosk(content, data_dir, trace)
    try:
        time.sleep(warmup)
        os.sync()  # start clean: a page dirtied before the window is not counted in it
        first, lines, since = read_io(pid), log_lines(data_dir), time.time()
        samples = [first]
        end = first.at + minutes * 60
        while time.monotonic() < end and launched.poll() is None:
            time.sleep(min(dwell, max(0.0, end - time.monotonic())))
            samples.append(read_io(pid))
            print(_progress(first, samples[-1]), flush=True)
        last, until = samples[-1], time.time()
        new_lines = log_lines(data_dir) - lines
    finally:
        code = _stop(launched, pid)
    seconds = last.at - first.at
    per_hour = 3600 / seconds
    return Result(
        seconds=round(seconds, 1),
        bytes_per_hour=(last.write_bytes - first.write_bytes) * per_hour,
        writes_per_minute=(last.syscw - first.syscw) * 60 / seconds,
        wchar_per_hour=(last.wchar - first.wchar) * per_hour,
        log_lines=new_lines,
        exit_code=code,
        filesystem=filesystem_of(data_dir),
        file_writes_per_minute=None if trace is None else file_writes(trace, since, until),
    )


def _progress(first: IoSample, now: IoSample) -> str:
    return (
        f"  {now.at - first.at:6.0f} s: {now.write_bytes - first.write_bytes:>9,} bytes, "
        f"{now.syscw - first.syscw:>6,} write calls"
    )


def _stop(launched: subprocess.Popen[bytes], pid: int) -> int | None:
    """SIGTERM to the kiosk, as systemd stops it; the exit code (None if it had to be killed)."""
    if launched.poll() is None:
        os.kill(pid, signal.SIGTERM)
    try:
        return launched.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(launched.pid, signal.SIGKILL)
        launched.wait()
        return None


def table(result: Result, dwell: float) -> str:
    """The figures as markdown rows for the README's table."""
    verdict = "ok" if result.within_budget else "OVER"
    return "\n".join(
        [
            "| figure | kiosk | budget | verdict |",
            "|---|---|---|---|",
            f"| SD card: bytes written per hour, steady state ({dwell:g} s dwell) "
            f"| {result.bytes_per_hour / 1e6:.2f} MB | <= 2 MB | {verdict} |",
            f"| SD card: write calls per minute | {result.writes_per_minute:.1f} | (info) | |",
            f"| log lines in steady state ({result.seconds / 60:.0f} min) "
            f"| {result.log_lines} | 0 | {'ok' if result.log_lines == 0 else 'OVER'} |",
        ]
    )


def main() -> int:
    """Measure, print the table, exit 1 when the budget does not hold."""
    use_the_project_venv()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=20.0, help="measured window (20)")
    parser.add_argument("--dwell", type=float, default=10.0, help="seconds per panel (10)")
    parser.add_argument("--warmup", type=float, default=45.0, help="seconds before measuring")
    parser.add_argument("--work", type=Path, default=Path("/var/tmp"), help="disk-backed folder")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--strace", action="store_true", help="count the write calls by file")
    args = parser.parse_args()
    if args.strace and shutil.which("strace") is None:
        print("--strace needs strace (Debian: apt-get install -y strace)")
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-sd-", dir=args.work) as work:
        if filesystem_of(Path(work)) in MEMORY_FILESYSTEMS:
            print(f"{work} is in memory ({filesystem_of(Path(work))}): give --work on a disk")
            return 2
        print(f"measuring {args.minutes:g} min after {args.warmup:g} s of warm-up, in {work}")
        result = measure(Path(work), args.minutes, args.dwell, args.warmup, args.strace)
    print()
    print(table(result, args.dwell))
    for name, rate in (result.file_writes_per_minute or {}).items():
        print(f"  {rate:8.1f} a minute: {name}")
    print(f"\nfilesystem {result.filesystem}; the kiosk exited with {result.exit_code}")
    if args.json:
        args.json.write_text(json.dumps(asdict(result), indent=1), encoding="utf-8")
    return 0 if result.within_budget and result.log_lines == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
