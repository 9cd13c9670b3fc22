"""Measure every figure of the performance budget (issue 7), beside Chromium's kiosk mode.

One command, about 11 minutes (`--quick`: about 4). Both apps run on the same
Xvfb screen (1920x1080, software rendering), interleaved in one run so that
machine drift cancels; each figure is the median of several launches.

- first frame on screen: spawn to the first frame on screen, read off the X
  root window for both apps (probe points show the theme background);
  also the first headline pixel, and the first paint the kiosk logs.
- idle CPU: utime+stime of the process tree over a window on a settled panel
  (content with a one-hour dwell), /proc accounting; and over 60 s of a closed
  kiosk (a schedule with no opening hours: the closed screen).
- loop CPU: the same over 40 s of the shipped content at 8 s dwell, from 1 s
  after the first frame; PSS (smaps_rollup, whole tree) after one full loop.
- video CPU: the same over 30 s of a 1080p H.264 loop on a video panel (ffmpeg makes
  the clip; skipped, saying why, without ffmpeg or the video player).
- frame time (count-up, fade, a photo's slow zoom), memory growth over panel changes,
  `kiosk validate`, the longest tick of a fresh kiosk's first loop: in-process or
  single-process helpers in this folder.

    .venv/bin/python benchmarks/run.py [--quick] [--no-chromium] [--json results.json]
    .venv/bin/python benchmarks/run.py --only idle,closed   # some figures (on screen)
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pi_class  # noqa: E402
from apps import CLOSED, IDLE_DWELL, LOOP_DWELL, SIZE, Apps, web_page  # noqa: E402
from launch import (  # noqa: E402
    ROOT,
    AppSpec,
    Launch,
    chromium_binary,
    logged_first_frame,
    wait_for_blank,
)
from pi_class import PI_QUICK, PiPlan  # noqa: E402
from table import Row, Samples, below, half_of_peer, machine, table  # noqa: E402
from xscreen import Screen, xvfb  # noqa: E402

FROM_LAUNCH = 40.0  # seconds from launch over which CPU is counted, start-up included
SETTLE_SECONDS = 3.0  # after the first frame, before idle CPU is read
VIDEO_START = 5.0  # seconds after launch before the video's CPU is read (it is playing by then)


@dataclass(frozen=True)
class Plan:
    """How much to measure."""

    launches: int = 5  # first frame + idle CPU, per app
    idle_seconds: float = 8.0
    loops: int = 3  # 40 s loops + PSS, per app
    loop_seconds: float = 40.0
    churn_changes: int = 10_000
    frames: int = 300
    validate_runs: int = 5
    first_loops: int = 3  # fresh in-process kiosks, one loop each at 2 s dwell
    video_seconds: float = 30.0  # a 1080p loop playing on screen
    video_runs: int = 2
    closed_seconds: float = 60.0  # CPU of a closed kiosk


QUICK = Plan(
    launches=3, idle_seconds=5.0, loops=1, churn_changes=2_000, frames=100, first_loops=1,
    video_runs=1,
    closed_seconds=20.0,
)
PARTS = ("startup", "idle", "loop", "closed", "video", "inprocess")  # what --only may name


# measurements on screen -----------------------------------------------------------
def launch(spec: AppSpec, display: str, screen: Screen) -> Launch:
    """Start an app once the screen is blank again."""
    wait_for_blank(screen, SIZE)
    return Launch(spec, display, screen, SIZE)


def start_and_idle(run: Launch, plan: Plan, samples: Samples) -> None:
    """First frame, first headline pixel, marker; then CPU over a window when settled."""
    name = run.spec.name
    first = run.wait_until("background_shown")
    samples.add("first_frame", name, first)
    samples.add("first_headline", name, run.wait_until("headline_shown", timeout=10))
    if first is None:
        print(f"  {name}: no first frame within 30 s; see {run.log}", flush=True)
        return
    run.sleep_until(first + SETTLE_SECONDS)
    if (painted := logged_first_frame(run.spec.log)) is not None:
        samples.add("marker", name, painted - run.wall_start)
    before = run.cpu()
    time.sleep(plan.idle_seconds)
    samples.add("idle_cpu", name, run.cpu() - before)


def loop(run: Launch, plan: Plan, samples: Samples) -> None:
    """CPU seconds over the loop window, then PSS after one full loop."""
    name = run.spec.name
    first = run.wait_until("background_shown")
    if first is None:
        print(f"  {name}: no first frame within 30 s; see {run.log}", flush=True)
        return
    run.sleep_until(first + 1.0)
    before = run.cpu()
    run.sleep_until(FROM_LAUNCH)
    samples.add("launch_cpu", name, run.cpu())
    run.sleep_until(first + 1.0 + plan.loop_seconds)
    samples.add("loop_cpu", name, (run.cpu() - before) * 40.0 / plan.loop_seconds)
    run.sleep_until(first + 6 * LOOP_DWELL + 1.0)
    samples.add("pss", name, run.pss_mb())


def video_loop(run: Launch, plan: Plan, samples: Samples) -> None:
    """CPU seconds over `plan.video_seconds` while a 1080p loop plays (after 5 s to start)."""
    run.sleep_until(VIDEO_START)
    before = run.cpu()
    run.sleep_until(VIDEO_START + plan.video_seconds)
    samples.add("video_cpu", "kiosk", (run.cpu() - before) * 30.0 / plan.video_seconds)


def video_content(work: Path) -> Path | str:
    """Content with one video panel on a 10 s 1080p H.264 loop, or why there is none."""
    from clip import make_clip

    from kiosk.mpvlib import video_support

    reason = video_support() or (None if shutil.which("ffmpeg") else "ffmpeg is not installed")
    if reason is not None:
        return reason
    make_clip(work / "loop.mp4")
    document = {"languages": ["en"], "default_language": "en",
                "panels": [{"id": "loop", "kind": "video", "video": "loop.mp4"}]}
    path = work / "content-video.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def closed(run: Launch, plan: Plan, samples: Samples) -> None:
    """CPU seconds of a closed kiosk over `plan.closed_seconds`, once it has settled."""
    first = run.wait_until("background_shown")
    if first is None:
        print(f"  kiosk: no closed screen within 30 s; see {run.log}", flush=True)
        return
    run.sleep_until(first + SETTLE_SECONDS)
    before = run.cpu()
    time.sleep(plan.closed_seconds)
    samples.add("closed_cpu", "kiosk", run.cpu() - before)


def on_screen(apps: Apps, plan: Plan, samples: Samples, x_display: str | None = None,
              parts: tuple[str, ...] = PARTS) -> None:
    """Every measurement that needs the X screen, both apps interleaved."""
    with xvfb(*SIZE, x_display) as display:
        screen = Screen(display)
        try:
            for name in apps.names:  # warm the disk cache; not counted
                _measured(display, screen, apps.spec(name, IDLE_DWELL), lambda r: r.sleep_until(3))
            if "closed" in parts:
                _measured(display, screen, apps.spec("kiosk", CLOSED),
                          lambda r: closed(r, plan, samples))
                samples.progress("closed kiosk")
            for round_number in range(plan.launches if {"startup", "idle"} & set(parts) else 0):
                for name in apps.order(round_number):
                    spec = apps.spec(name, IDLE_DWELL)
                    _measured(display, screen, spec, lambda r: start_and_idle(r, plan, samples))
                samples.progress(f"start-up and idle, round {round_number + 1}/{plan.launches}")
            for round_number in range(plan.loops if "loop" in parts else 0):
                for name in apps.order(round_number):
                    spec = apps.spec(name, LOOP_DWELL)
                    _measured(display, screen, spec, lambda r: loop(r, plan, samples))
                samples.progress(f"loop, round {round_number + 1}/{plan.loops}")
            video = video_content(apps.work) if "video" in parts else Path()
            runs = plan.video_runs if "video" in parts and isinstance(video, Path) else 0
            for round_number in range(runs):
                spec = apps.kiosk(video)
                _measured(display, screen, spec, lambda r: video_loop(r, plan, samples))
                samples.progress(f"video, round {round_number + 1}/{plan.video_runs}")
            if isinstance(video, str):
                print(f"  video CPU not measured: {video}", flush=True)
        finally:
            screen.close()


def _measured(
    display: str, screen: Screen, spec: AppSpec, measure: Callable[[Launch], None]
) -> None:
    run = launch(spec, display, screen)
    try:
        measure(run)
    finally:
        run.stop()


# measurements in a single process ---------------------------------------------------
def helper_json(script: str, *args: str) -> dict:
    """Run a helper of this folder and parse the JSON it prints."""
    done = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", **_environ()},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}


def validate_seconds(runs: int) -> list[float]:
    """Whole-process wall time of `kiosk validate content.json`, per run."""
    argv = [sys.executable, str(ROOT / "main.py"), "validate", str(ROOT / "content.json")]
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return times[1:]  # the first one only warms the disk cache


def in_process(plan: Plan, samples: Samples) -> None:
    """Frame times, memory growth and validate time."""
    for clock, suffix in (("wall", ""), ("cpu", "_cpu")):
        frames = helper_json("frames_json.py", "--frames", str(plan.frames), "--clock", clock)
        for size, figures in frames.items():
            samples.add(f"count_up_{size}{suffix}", "kiosk", figures["count_up_p95_ms"])
            samples.add(f"fade_{size}{suffix}", "kiosk", figures["fade_p95_ms"])
    for clock, suffix in (("wall", ""), ("cpu", "_cpu")):
        media = helper_json("media.py", "--json", "--no-video", "--frames", str(plan.frames),
                            "--clock", clock)
        for size in ("1920x1080", "3840x2160"):
            samples.add(f"zoom_{size}{suffix}", "kiosk", media[f"zoom {size}"]["p95"])
    samples.progress("frame time")
    churn = helper_json("churn.py", "--changes", str(plan.churn_changes))
    samples.add("heap_growth", "kiosk", churn["heap_growth_mb"])
    samples.add("rss_growth", "kiosk", churn["rss_growth_mb"])
    samples.progress(f"memory growth ({churn['seconds']} s)")
    for seconds in validate_seconds(plan.validate_runs):
        samples.add("validate", "kiosk", seconds)
    samples.progress("validate")
    for _ in range(plan.first_loops):
        loop = helper_json("first_loop.py")
        samples.add("longest_tick", "kiosk", loop["longest_wait_ms"])
        samples.add("longest_warmup_job", "kiosk", loop["longest_warmup_job_ms"])
    cold = helper_json("first_loop.py", "--no-warmup")
    samples.add("longest_tick_no_warmup", "kiosk", cold["longest_wait_ms"])
    samples.progress("first loop")


# the table --------------------------------------------------------------------------
def rows(plan: Plan) -> list[Row]:
    """The table's rows, in the order of the issue."""
    n = plan.churn_changes
    return [
        Row("first_frame", "first frame on screen after launch", "s", "<= 0.45, < peer",
            below(0.45, beat_peer=True)),
        Row("first_headline", "  first headline pixel on screen", "s", "(info)", None),
        Row("marker", "  kiosk first paintEvent (its log line)", "s", "(info)", None),
        Row("pss", "steady memory after one loop (PSS)", "MB", "<= 150", below(150)),
        Row("loop_cpu", "CPU over a 40 s loop, 8 s dwell", "s", "<= peer / 2", half_of_peer),
        Row("launch_cpu", "CPU over the first 40 s from launch (start-up included)", "s",
            "<= peer / 2", half_of_peer),
        Row("idle_cpu", f"CPU on a settled panel ({plan.idle_seconds:g} s)", "s", "~0 (<= 0.05)",
            below(0.05)),
        Row("closed_cpu", f"CPU of a closed kiosk ({plan.closed_seconds:g} s)", "s",
            f"<= a settled panel's ({0.05 * plan.closed_seconds / 8:.3g})",
            below(0.05 * plan.closed_seconds / 8)),
        Row("count_up_1920x1080", "frame p95, count-up, 1920x1080", "ms", "<= 4", below(4)),
        Row("count_up_1920x1080_cpu", "  same, thread CPU time", "ms", "(info)", None),
        Row("fade_1920x1080", "frame p95, fade, 1920x1080", "ms", "<= 4", below(4)),
        Row("fade_1920x1080_cpu", "  same, thread CPU time", "ms", "(info)", None),
        Row("count_up_3840x2160", "frame p95, count-up, 3840x2160", "ms", "<= 10", below(10)),
        Row("count_up_3840x2160_cpu", "  same, thread CPU time", "ms", "(info)", None),
        Row("fade_3840x2160", "frame p95, fade, 3840x2160", "ms", "<= 10", below(10)),
        Row("fade_3840x2160_cpu", "  same, thread CPU time", "ms", "(info)", None),
        Row("zoom_1920x1080", "frame p95, photo's slow zoom, 1920x1080", "ms", "(info)", None),
        Row("zoom_1920x1080_cpu", "  same, thread CPU time", "ms", "(info)", None),
        Row("zoom_3840x2160", "frame p95, photo's slow zoom, 3840x2160", "ms", "(info)", None),
        Row("zoom_3840x2160_cpu", "  same, thread CPU time", "ms", "(info)", None),
        Row("video_cpu", "CPU over 30 s of a 1080p H.264 loop (video panel)", "s", "(info)",
            None),
        Row("rss_growth", f"RSS growth over {n:,} panel changes", "MB", "<= 10", below(10)),
        Row("heap_growth", f"  Python heap growth (tracemalloc), {n:,}", "MB", "<= 10",
            below(10)),
        Row("validate", "`kiosk validate content.json`, whole process", "s", "<= 0.4",
            below(0.4)),
        Row("longest_tick", "first loop: longest tick or paint (a tap waits this long)", "ms",
            "<= 100", below(100)),
        Row("longest_tick_no_warmup", "  same without the warm-up", "ms", "(info)", None),
        Row("longest_warmup_job", "  longest warm-up job (screen still)", "ms", "(info)", None),
    ]  # fmt: skip


def use_the_project_venv() -> None:
    """Run again under the project's `.venv` (the README's set-up) if started with another Python.

    The kiosk is launched with this interpreter, so `python benchmarks/run.py` measures
    the kiosk as a booth runs it, whichever `python` that is.
    """
    venv = ROOT / ".venv"
    python = venv / "bin" / "python"
    if not python.exists() or Path(sys.prefix).resolve() == venv.resolve():
        return
    print(f"running under the project's virtual environment: {python}", flush=True)
    os.execv(python, [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])


def main() -> int:
    """Run everything and print the table; exit 1 when a budget does not hold."""
    use_the_project_venv()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (about 3 minutes)")
    parser.add_argument("--no-chromium", action="store_true", help="skip the browser peer")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw samples")
    parser.add_argument("--display", default=None,
                        help="X display for the Xvfb screen, e.g. :142 (default: the first free)")
    parser.add_argument("--pi-class", action="store_true",
                        help="the Pi-class table instead: each app held to a third of one core "
                             "(a cgroup CPU quota; needs root or a delegated cgroup)")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"measure only these, comma-separated: {', '.join(PARTS)} "
                             "(default: all; not with --pi-class)")
    args = parser.parse_args()
    parts = tuple(part.strip() for part in args.only.split(","))
    if not set(parts) <= set(PARTS):
        parser.error(f"--only takes {', '.join(PARTS)}")
    with_chromium = not args.no_chromium and chromium_binary() is not None
    peer_note = "" if with_chromium else _skip_note(args.no_chromium)
    if peer_note:
        print(peer_note, flush=True)
    samples = Samples()
    started, load = time.monotonic(), os.getloadavg()[0]
    compile_kiosk()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as work:
        apps = Apps(Path(work), web_page(), with_chromium)
        if args.pi_class:
            skipped = pi_class.measure(apps, PI_QUICK if args.quick else PiPlan(), samples,
                                       args.display)
            table_rows = pi_class.rows()
        else:
            plan = QUICK if args.quick else Plan()
            on_screen(apps, plan, samples, args.display, parts)
            skipped = None
            table_rows = rows(plan)
    if skipped is not None:
        print(f"Pi-class benchmark skipped: {skipped}", flush=True)
        return 0
    if not args.pi_class and "inprocess" in parts:
        in_process(plan, samples)
    text, all_ok = table(samples, table_rows, peer_note)
    print()
    print(text)
    print(f"\n{machine(load)}; {time.monotonic() - started:.0f} s in all.")
    if args.json:
        raw = {f"{figure}/{app}": values for (figure, app), values in samples.values.items()}
        args.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0 if all_ok else 1


def compile_kiosk() -> None:
    """Write the kiosk's bytecode first, as an installed booth has it.

    With PYTHONDONTWRITEBYTECODE set (as in some shells), every launch would
    otherwise recompile the modules edited since their .pyc was last written.
    """
    compileall.compile_dir(str(ROOT / "kiosk"), quiet=1)


def _skip_note(asked: bool) -> str:
    if asked:
        return "Chromium peer skipped (--no-chromium)."
    return (
        "Chromium peer skipped: `chromium` is not installed "
        "(Debian: apt-get install -y chromium); peer budgets are checked against nothing."
    )


if __name__ == "__main__":
    raise SystemExit(main())
