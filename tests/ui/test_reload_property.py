"""Property: whatever reloads and inputs arrive, the show displays a panel of the last good content.

Hypothesis drives the real loader and the real Show/Stage with random sequences of reloads
(good variants saved in place or renamed in, broken saves, deletions) and visitor inputs on
a fake clock; every step is ticked and painted.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter

from kiosk.core.content.load import load
from kiosk.core.content.model import Content
from kiosk.core.content.source import reload_source
from kiosk.ui.app import make_stage
from kiosk.ui.show import COUNTDOWN_SECONDS, Show
from kiosk.ui.stage import Stage

SIZE = QSize(160, 90)
LONGEST_PANEL = 3.0 + 0.3  # the longest dwell plus the longest transition


def variant(number: int) -> bytes:
    """A good document; variants differ in panel count, languages, dwell and transition."""
    languages = ["en", "fr"] if number % 2 else ["en"]
    panels = [
        {
            "id": f"v{number}p{i}",
            "kind": "title",
            "title": {c: f"{c} {number}.{i}" for c in languages},
        }
        for i in range(1 + number % 3)
    ]
    settings_ = {
        "dwell_seconds": 1 + number % 3,
        "transition": ["none", "fade", "slide"][number % 3],
        "transition_ms": 300,
    }
    doc = {
        "languages": languages,
        "default_language": "en",
        "settings": settings_,
        "panels": panels,
    }
    return json.dumps(doc).encode()


reloads = st.one_of(
    st.tuples(st.just("save"), st.integers(0, 5)),
    st.tuples(st.just("rename"), st.integers(0, 5)),
    st.tuples(st.just("broken"), st.integers(1, 60)),
    st.tuples(st.just("delete"), st.just(0)),
)
inputs = st.tuples(st.sampled_from(["next", "previous", "language", "pause"]), st.just(0))
waits = st.tuples(st.just("wait"), st.integers(0, 4000))
actions = st.lists(st.one_of(reloads, inputs, waits), min_size=1, max_size=25)


class Booth:
    """The show on a content file, reloaded the way the app does it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "content.json"
        self.data = folder / "data"
        self.data.mkdir()
        self.now = 1000.0
        self.path.write_bytes(variant(0))
        self.last_good = self._reload()
        assert self.last_good is not None
        self.show = Show(Stage(self.last_good, folder), self.now)
        self.show.size = SIZE
        self.good_history: list[Content] = [self.last_good]

    def _reload(self) -> Content | None:
        source = reload_source(load(self.path), self.path, self.data)
        return None if source is None else source.content

    def file_event(self, kind: str, value: int) -> None:
        if kind == "save":
            self.path.write_bytes(variant(value))
        elif kind == "rename":
            tmp = self.path.with_name(".content.json.tmp")
            tmp.write_bytes(variant(value))
            os.rename(tmp, self.path)
        elif kind == "broken":
            self.path.write_bytes(variant(3)[:value])
        elif kind == "delete":
            self.path.unlink(missing_ok=True)
        self.apply(load(self.path))

    def apply(self, result) -> None:
        source = reload_source(result, self.path, self.data)
        self.show.problem_marker = source is None
        if source is not None:
            self.last_good = source.content
            self.good_history.append(source.content)
            self.show.stage_content(make_stage(source), self.now)

    def visitor(self, kind: str) -> None:
        actions = {
            "next": self.show.next,
            "previous": self.show.previous,
            "language": self.show.toggle_language,
            "pause": self.show.toggle_pause,
        }
        actions[kind](self.now)

    def step(self, kind: str, value: int) -> None:
        if kind == "wait":
            self.now += value / 1000
        elif kind in ("next", "previous", "language", "pause"):
            self.visitor(kind)
        else:
            self.file_event(kind, value)
        self.show.tick(self.now)
        self.paint()

    def paint(self) -> None:
        image = QImage(SIZE, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        try:
            self.show.paint(painter, QRectF(0, 0, SIZE.width(), SIZE.height()), self.now)
        finally:
            painter.end()

    def check(self) -> None:
        show = self.show
        shown = show.stage.content
        assert any(shown is good for good in self.good_history)
        if show.pending is None:
            assert shown is self.last_good
        else:
            assert show.pending.content is self.last_good
        assert 0 <= show.shown_index < len(shown.panels)
        assert show.current_panel_id in {panel.id for panel in shown.panels}
        assert show.language in shown.languages


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=actions)
def test_the_show_always_displays_the_last_good_content(qapp, steps):
    with tempfile.TemporaryDirectory() as folder:
        booth = Booth(Path(folder))
        for kind, value in steps:
            booth.step(kind, value)
            booth.check()
        booth.step("wait", 0)
        # a visitor's touch holds the rotation until the idle reset, which is a boundary too
        booth.now += booth.show.idle.timeout + COUNTDOWN_SECONDS + LONGEST_PANEL
        booth.step("wait", 0)
        booth.now += LONGEST_PANEL
        booth.step("wait", 0)
        booth.check()
        assert booth.show.pending is None  # a panel boundary came: the last good is on
