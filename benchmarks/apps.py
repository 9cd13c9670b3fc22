"""What the benchmarks show: the content copies, the web peer, a fresh launch spec per run."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "web"))

import webpage  # noqa: E402
from launch import ROOT, AppSpec, chromium_spec, kiosk_spec  # noqa: E402

SIZE = (1920, 1080)
LOOP_DWELL = 8.0
IDLE_DWELL = 3600.0
CLOSED = "closed"  # the content key of the closed kiosk: no opening hours, the closed screen


def content_copy(
    folder: Path, dwell: float, transition: str | None = None, closed: bool = False
) -> Path:
    """content.json with every panel at `dwell` seconds (per-panel dwells removed).

    `transition` ("fade", "slide") replaces the content's own; `closed`: with a
    schedule that never opens, so the kiosk shows its closed screen.
    """
    data = json.loads((ROOT / "content.json").read_text(encoding="utf-8"))
    data.pop("$schema", None)
    data["settings"]["dwell_seconds"] = dwell
    if transition is not None:
        data["settings"]["transition"] = transition
    for panel in data["panels"]:
        panel.pop("dwell_seconds", None)
    if closed:
        data["schedule"] = {"hours": {}, "outside_hours": "closed_screen"}
    name = f"content-dwell-{dwell:g}" + (f"-{transition}" if transition else "")
    path = folder / f"{name}{'-closed' if closed else ''}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def web_page() -> Path:
    """(Re)build the web peer from the shipped content.json."""
    page = HERE / "web" / "index.html"
    content = json.loads((ROOT / "content.json").read_text(encoding="utf-8"))
    content.pop("$schema", None)
    page.write_text(webpage.build(content, page.parent), encoding="utf-8")
    return page


class Apps:
    """Makes fresh launch specs for both apps (new data folder / profile each time)."""

    def __init__(self, work: Path, page: Path, with_chromium: bool) -> None:
        self.work = work
        self.page = page
        self.names = ["kiosk"] + (["chromium"] if with_chromium else [])
        self.contents: dict[float | str, Path] = {
            d: content_copy(work, d) for d in (LOOP_DWELL, IDLE_DWELL)
        }
        self.contents[CLOSED] = content_copy(work, IDLE_DWELL, closed=True)

    def spec(self, name: str, dwell: float | str) -> AppSpec:
        """A spec for `name` showing the content at `dwell` (or `CLOSED`)."""
        if name == "kiosk":
            return self.kiosk(self.contents[dwell])
        return chromium_spec(self.page, float(dwell), self.fresh(name) / "profile", SIZE)

    def kiosk(self, content: Path) -> AppSpec:
        """A spec for the kiosk showing `content`, with a fresh data folder."""
        return kiosk_spec(content, self.fresh("kiosk") / "data")

    def fresh(self, name: str) -> Path:
        """A new empty folder for one launch of `name`."""
        return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.work))

    def order(self, round_number: int) -> list[str]:
        """Alternate which app goes first, so neither always runs on a warmer machine."""
        return self.names if round_number % 2 == 0 else self.names[::-1]
