"""Pi-class: the kiosk held to a third of one core, its frames counted off the screen.

A booth's Raspberry Pi 4/5-class board has cores about a third of this machine's.
Each app runs in its own cgroup at 3 ms of CPU per 10 ms period (`cpulimit`) on
an Xvfb screen of 1920x1080 whose pixels are in a file (`-fbdir`); a thread of the
benchmark, outside the cgroups, hashes the whole screen hundreds of times a second
and keeps the time each distinct frame was first seen (`framebuffer.FrameLog`).

Per round (interleaved, alternating which app goes first):

- the kiosk on the shipped content at 8 s a panel with its fade: first frame and
  first content (the first headline pixel) from launch; frames per second during
  each fade and during the statistics panel's count-up; CPU seconds of its process
  tree over the first 40 s from launch, start-up included;
- Chromium on the same six panels as a web page, in the same cgroup quota: its first
  frame, first content and CPU over the first 40 s from launch (the peer);
- the kiosk with slides at 4 s a panel: frames per second during each slide (and the
  count-up), then swipes: each swipe lifts 0.2 s into a transition another swipe
  started, and its delay is from the finger lifting (an XTest button release) to the
  first frame whose progress dots show the panel the swipe asked for.

When each transition starts is the kiosk's own record (the showings of its event
log, stamped with wall time); a transition's frames are those first seen from then
until its end, so a late first frame counts against it. A count-up runs from the
end of its transition to its last new frame (the panel is still afterwards); its
frames per second are counted over every one-second window in that span, every
50 ms. Time-based animation means a throttled frame still shows the right
moment: fewer frames, never slower motion.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from apps import LOOP_DWELL, SIZE, Apps, content_copy
from cpulimit import SHARE, CpuLimit, cpu_limit
from framebuffer import FrameBuffer, FrameLog
from launch import AppSpec, Launch, wait_for_blank
from table import Row, Samples, at_least, below, half_of_peer
from xscreen import FakePointer, xvfb

FROM_LAUNCH = 40.0  # CPU is counted over this long from launch, start-up included
SLIDE_DWELL = 4.0
SLIDES_SEEN = 5  # automatic slides before the swipes begin (the count-up is the 4th)
SWIPE_INTO = 0.2  # s into a transition when the measured swipe lifts
STILL = 0.5  # s without a new frame: the screen is still
COUNT_UP_WITHIN = 4.0  # s after its transition, the count-up has surely ended
WINDOW, WINDOW_STEP = 1.0, 0.05  # seconds: frames are counted per second, every 50 ms
SWIPE_Y, SWIPE_FROM, SWIPE_TO = 540, 1400, 900  # a right-to-left swipe across the middle


@dataclass(frozen=True)
class PiPlan:
    """How much to measure at a third of a core."""

    rounds: int = 3
    swipes: int = 4  # swipes during a transition, per slide launch


PI_QUICK = PiPlan(rounds=1, swipes=3)


def rows() -> list[Row]:
    """The Pi-class table's rows."""
    share = f"{SHARE:.2f}"
    return [
        Row("pi_first_frame", "first frame on screen after launch", "s", "(info)", None),
        Row("pi_first_content", "first content on screen (first headline pixel)", "s",
            "<= 1.2", below(1.2)),
        Row("pi_fade_fps", "frames per second during a fade, median", "fps", "(info)", None),
        Row("pi_fade_fps", "  worst fade", "fps", ">= 50", at_least(50), "min"),
        Row("pi_slide_fps", "frames per second during a slide, median", "fps", "(info)", None),
        Row("pi_slide_fps", "  worst slide", "fps", ">= 50", at_least(50), "min"),
        Row("pi_count_fps", "frames per second during the count-up, median second", "fps",
            "(info)", None),
        Row("pi_count_fps", "  worst second", "fps", ">= 50", at_least(50), "min"),
        Row("pi_swipe_ms", "swipe during a transition to screen, median", "ms", "(info)", None),
        Row("pi_swipe_ms", "  longest", "ms", "<= 100", below(100), "max"),
        Row("pi_swipe_still_ms", "swipe on a still panel to screen, longest", "ms", "(info)",
            None, "max"),
        Row("pi_launch_cpu", f"CPU over the first {FROM_LAUNCH:g} s from launch", "s",
            "<= peer / 2", half_of_peer),
        Row("pi_throttled", f"  time held back by the quota ({share} of a core)", "s", "(info)",
            None),
    ]  # fmt: skip


def measure(apps: Apps, plan: PiPlan, samples: Samples, display: str | None) -> str | None:
    """Every Pi-class figure; the reason when it cannot run here (None when it ran)."""
    limits: dict[str, CpuLimit] = {}
    try:
        for name in apps.names:  # a group per app: each gets its own third of a core
            limit = cpu_limit()
            if isinstance(limit, str):
                return limit
            limits[name] = limit
        _on_screen(apps, plan, samples, display, limits)
    finally:
        for limit in limits.values():
            limit.remove()
    return None


@dataclass
class Bench:
    """The screen, its frames and a finger, while the Pi-class runs."""

    display: str
    screen: FrameBuffer
    frames: FrameLog
    pointer: FakePointer
    limits: dict[str, CpuLimit]

    def run(self, spec_name: str, spec: AppSpec, measure: Callable[[Launch], None]) -> Launch:
        """Launch `spec` in the cgroup of `spec_name`, measure it, stop it."""
        wait_for_blank(self.screen, SIZE)
        launch = Launch(spec, self.display, self.screen, SIZE, self.limits[spec_name])
        try:
            measure(launch)
        finally:
            launch.stop()
        return launch


def _on_screen(
    apps: Apps, plan: PiPlan, samples: Samples, display: str | None, limits: dict[str, CpuLimit]
) -> None:
    fade = apps.contents[LOOP_DWELL]
    slide = content_copy(apps.work, SLIDE_DWELL, "slide")
    with tempfile.TemporaryDirectory(prefix="fb-", dir=apps.work) as fbdir, xvfb(
        *SIZE, display, Path(fbdir)
    ) as shown:
        screen = FrameBuffer(Path(fbdir))
        pointer = FakePointer(shown)
        try:
            with FrameLog(screen) as frames:
                bench = Bench(shown, screen, frames, pointer, limits)
                for name in apps.names:  # warm the disk cache; not counted
                    bench.run(name, apps.spec(name, LOOP_DWELL), lambda r: r.sleep_until(5))
                for number in range(plan.rounds):
                    for name in apps.order(number):
                        spec = apps.kiosk(fade) if name == "kiosk" else apps.spec(name, LOOP_DWELL)
                        _from_launch(bench, name, spec, samples, fade)
                    _slide_run(bench, apps.kiosk(slide), plan, samples, slide)
                    samples.progress(f"Pi-class, round {number + 1}/{plan.rounds}")
        finally:
            pointer.close()
            screen.close()


def _from_launch(bench: Bench, name: str, spec: AppSpec, samples: Samples, content: Path) -> None:
    """First frame and content, CPU over the first 40 s; the kiosk's fades and count-up."""
    limit = bench.limits[name]
    held_before = limit.throttled_seconds()

    def measure(run: Launch) -> None:
        samples.add("pi_first_frame", name, run.wait_until("background_shown"))
        samples.add("pi_first_content", name, run.wait_until("headline_shown", timeout=20))
        run.sleep_until(FROM_LAUNCH)
        samples.add("pi_launch_cpu", name, run.cpu())
        samples.add("pi_throttled", name, limit.throttled_seconds() - held_before)

    run = bench.run(name, spec, measure)
    if name == "kiosk":
        _motion(bench.frames, run, content, samples, "pi_fade_fps", until=run.start + FROM_LAUNCH)


def _slide_run(bench: Bench, spec: AppSpec, plan: PiPlan, samples: Samples, content: Path) -> None:
    """The kiosk on slides: its automatic slides, then swipes; slides counted once it stopped."""
    swipes_from: list[float] = []
    run = bench.run("kiosk", spec, lambda r: swipes_from.append(_slides(bench, r, plan, samples,
                                                                         content)))
    if swipes_from and swipes_from[0] > 0:
        _motion(bench.frames, run, content, samples, "pi_slide_fps", until=swipes_from[0])


def _slides(bench: Bench, run: Launch, plan: PiPlan, samples: Samples, content: Path) -> float:
    """Wait through the automatic slides, then swipe; when the swipes began (0: never).

    The kiosk writes its records in bursts (and when it stops), so the slides are
    read from its event log once it has stopped; here, the time they take is waited out.
    """
    first = run.wait_until("headline_shown", timeout=20)
    if first is None:
        print(f"  no first content in time; see {run.log}", flush=True)
        return 0.0
    settings = json.loads(content.read_text(encoding="utf-8"))["settings"]
    cycle = settings["dwell_seconds"] + settings["transition_ms"] / 1000
    run.sleep_until(first + SLIDES_SEEN * cycle + cycle / 2)
    _quiet(bench.frames, STILL)
    swipes_from = time.monotonic()
    dots = Dots(bench.screen, len(json.loads(content.read_text())["panels"]))
    for _ in range(plan.swipes):
        _swipe_pair(bench, dots, samples)
        _quiet(bench.frames, STILL)
    return swipes_from


def _swipe_pair(bench: Bench, dots: Dots, samples: Samples) -> None:
    """A swipe on a still panel, then one lifted `SWIPE_INTO` into the transition it started."""
    shown = dots.lit()
    if shown is None:
        return
    for target, figure in ((shown + 1, "pi_swipe_still_ms"), (shown + 2, "pi_swipe_ms")):
        lifted = bench.pointer.swipe(SWIPE_Y, SWIPE_FROM, SWIPE_TO)
        seen = bench.frames.wait_for(dots.shows(target), lifted, timeout=5)
        samples.add(figure, "kiosk", None if seen is None else (seen - lifted) * 1000)
        if figure == "pi_swipe_still_ms":
            time.sleep(max(0.0, lifted + SWIPE_INTO - 0.06 - time.monotonic()))


class Dots:
    """The progress dots on screen: which panel is lit."""

    def __init__(self, screen: FrameBuffer, count: int) -> None:
        from PySide6.QtCore import QRectF

        from kiosk.core.show.frame import ChromeState
        from kiosk.ui.chrome.controls import chrome_layout

        state = ChromeState(count, 0, "en", next_language="fr")
        layout = chrome_layout(QRectF(0, 0, *SIZE), state)
        self.centres = [layout[f"dot:{i}"].center() for i in range(count)]
        self.screen = screen

    def is_lit(self, index: int) -> bool:
        """True when dot `index` shows the accent (amber), i.e. its panel is on screen."""
        centre = self.centres[index % len(self.centres)]
        red, _green, blue = self.screen.pixel(round(centre.x()), round(centre.y()))
        return red > 200 and blue < 120

    def lit(self) -> int | None:
        """The panel on screen, by its dot."""
        return next((i for i in range(len(self.centres)) if self.is_lit(i)), None)

    def shows(self, index: int) -> Callable[[], bool]:
        """A test: does the screen show panel `index`'s dot lit?"""
        return lambda: self.is_lit(index)


def _quiet(frames: FrameLog, seconds: float, timeout: float = 10.0) -> None:
    """Wait until no new frame has come for `seconds`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        last = frames.frames[-1] if frames.frames else 0.0
        if time.monotonic() - last >= seconds:
            return
        time.sleep(0.05)


def _changes(run: Launch) -> list[float]:
    """When each panel change began (monotonic), from the kiosk's event log.

    Read once the kiosk has stopped: it writes its records in bursts, and all of
    them as it stops.
    """
    return _logged_changes(run.spec.log.parent / "events.sqlite3", run) if run.spec.log else []


def _logged_changes(database: Path, run: Launch) -> list[float]:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT started_at FROM showings ORDER BY started_at").fetchall()
    except sqlite3.Error:
        return []
    to_monotonic = run.start - run.wall_start
    return [wall + to_monotonic for (wall,) in rows[1:]]  # the first showing is the start


def _motion(
    frames: FrameLog, run: Launch, content: Path, samples: Samples, figure: str, until: float
) -> None:
    """Frames per second of each transition begun before `until`, and of the count-up."""
    document = json.loads(content.read_text(encoding="utf-8"))
    length = document["settings"]["transition_ms"] / 1000
    kinds = [panel["kind"] for panel in document["panels"]]
    changes = _changes(run)
    for number, start in enumerate(changes):
        if start + length > until:
            break
        samples.add(figure, "kiosk", len(frames.between(start, start + length)) / length)
        if kinds[(number + 1) % len(kinds)] == "stats":
            entered = start + length
            following = changes[number + 1] if number + 1 < len(changes) else until
            after = frames.between(entered, min(entered + COUNT_UP_WITHIN, following))
            for rate in per_second(after, entered, after[-1] + 1e-6 if after else entered):
                samples.add("pi_count_fps", "kiosk", rate)


def per_second(frames: list[float], start: float, end: float) -> list[float]:
    """Frames per second over every one-second window of [start, end] (the span if shorter)."""
    span = end - start
    if span <= WINDOW:
        return [len([t for t in frames if start <= t < end]) / span] if span > 0 else []
    steps = int((span - WINDOW) / WINDOW_STEP)
    starts = [start + i * WINDOW_STEP for i in range(steps + 1)] + [end - WINDOW]
    return [len([t for t in frames if s <= t < s + WINDOW]) / WINDOW for s in starts]
