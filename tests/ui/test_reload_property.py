"""Property: whatever reloads and inputs arrive, the show displays a panel of the last good content.

Hypothesis drives the real loader, show and view with random sequences of reloads
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
from PySide6.QtGui import QImage

from kiosk.core.content.load import load
from kiosk.core.content.model import Content
from kiosk.core.content.source import usable_source
from kiosk.core.show.changes import COUNTDOWN_SECONDS
from tests.support import as_source
from tests.ui.support import PaintedShow

SIZE = (160, 90)
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
        self.painted = PaintedShow(as_source(self.last_good, folder=folder), self.now, SIZE)
        self.show = self.painted.show
        self.good_history: list[Content] = [self.last_good]

    def _reload(self) -> Content | None:
        source = usable_source(load(self.path), self.path, self.data)
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
        source = usable_source(result, self.path, self.data)
        if source is None:
            self.show.reject_content("broken", self.now)
        else:
            self.last_good = source.content
            self.good_history.append(source.content)
            self.show.stage_content(source, self.now)

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
        self.painted.tick(self.now)
        self.painted.frame(self.now, QImage.Format.Format_ARGB32_Premultiplied)

    def check(self) -> None:
        show = self.show
        shown = show.content
        assert any(shown is good for good in self.good_history)
        if show.pending is None:
            assert shown is self.last_good
        else:
            assert show.pending.content is self.last_good
        assert 0 <= show.index < len(shown.panels)
        assert show.panel_id in {panel.id for panel in shown.panels}
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
        booth.now += booth.show.idle_timeout + COUNTDOWN_SECONDS + LONGEST_PANEL
        booth.step("wait", 0)
        booth.now += LONGEST_PANEL
        booth.step("wait", 0)
        booth.check()
        assert booth.show.pending is None  # a panel boundary came: the last good is on
