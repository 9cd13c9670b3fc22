"""Helpers shared by test modules that need no Qt: a fake clock, content, a live kiosk.

Kept free of Qt imports so that the core tests can use it (see tests/core/test_no_qt.py
for why kiosk.core stays Qt-free).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.content.jsonparse import JSONSyntaxError, parse
from kiosk.core.content.model import Content
from kiosk.core.content.source import Origin, Source

ROOT = Path(__file__).resolve().parents[1]
DWELLS = (2, 5, 3)  # panel 0 at 0 s, panel 1 at 2 s, panel 2 at 7 s, panel 0 again at 10 s
NAMES = ("alpha", "beta", "gamma")


class FakeClock:
    """Monotonic time that moves only when a test says so.

    Call it for the time, as the kiosk calls `time.monotonic`; set `now` or call
    `advance` to move it.
    """

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        """Move the time on by `seconds`; return the new time."""
        self.now += seconds
        return self.now


# content ---------------------------------------------------------------------------
def title_panel(name: str) -> dict[str, Any]:
    """A title panel called `name`, in English and French."""
    return {"id": name, "kind": "title", "title": {"en": name.title(), "fr": f"{name} FR"}}


def titles_content(names: tuple[str, ...] = NAMES, **settings: Any) -> Content:
    """Title panels `names` at DWELLS seconds each, no transition; `settings` override."""
    dwells = DWELLS[: len(names)]
    panels = [{**title_panel(n), "dwell_seconds": d} for n, d in zip(names, dwells, strict=True)]
    defaults = {"transition": "none", "transition_ms": 500, "idle_timeout_seconds": 30}
    return Content.model_validate(
        {"languages": ["en", "fr"], "default_language": "en",
         "settings": {**defaults, **settings}, "panels": panels}
    )


def as_source(content: Content, origin: Origin = "file", folder: Path = Path(".")) -> Source:
    """`content` as the kiosk receives it from `kiosk.core.content.source`."""
    return Source(content, folder, origin)


def sample_items(count: int, text: str = "A short line about this item") -> list[dict[str, Any]]:
    """`count` cards or steps, each with its own icon and title and the same `text`."""
    icons = ["coins", "people", "contract", "map-pin", "megaphone", "globe", "star", "pen"]
    return [
        {"icon": icons[i], "title": {"en": f"Item {i + 1}", "fr": f"Élément {i + 1}"}, "text": text}
        for i in range(count)
    ]


# A statistics panel: four figures that count up, a two-series chart, a long source line.
STATS_PANEL: dict[str, Any] = {
    "id": "natural-resource",
    "kind": "stats",
    "title": {"en": "A Natural Resource", "fr": "Une ressource naturelle"},
    "figures": [
        {"value": 7100000000, "format": "currency-compact",
         "label": {"en": "Production volume", "fr": "Volume de production"}},
        {"value": 8900000000, "format": "currency-compact",
         "label": {"en": "Gross domestic product", "fr": "Produit intérieur brut"}},
        {"value": 3200000000, "format": "currency-compact",
         "label": {"en": "Export value", "fr": "Valeur des exportations"}},
        {"value": 148200, "format": "number",
         "label": {"en": "Full-time equivalent jobs", "fr": "Emplois équivalents temps plein"}},
    ],
    "chart": {
        "title": {"en": "FTE jobs by sector", "fr": "Emplois ETP par secteur"},
        "categories": [
            {"en": "Canadian TV", "fr": "Télé canadienne"},
            {"en": "Canadian feature film", "fr": "Long métrage canadien"},
            {"en": "Foreign location & service", "fr": "Tournages étrangers"},
            "<b>x</b>",
        ],
        "series": [
            {"name": {"en": "Direct", "fr": "Directs"}, "values": [21100, 3200, 21500, 12500]},
            {"name": {"en": "Spin-off", "fr": "Indirects"},
             "values": [32600, 4900, 33100, 19300]},
        ],
    },
    "source": {
        "en": "Sources: CMPA (2015), Profile 2015: Economic Report on the Screen-based Media "
              "Production Industry in Canada; FTE jobs: CMPA sector table, 2014/15.",
        "fr": "Sources : ACPM (2015), Profil 2015 : Rapport économique sur l’industrie de la "
              "production de contenu sur écran au Canada; emplois ETP : ACPM, 2014-2015.",
    },
}


def sample_document() -> dict[str, Any]:
    """A content document with a title, a cards and a steps panel."""
    return {
        "languages": ["en", "fr"],
        "default_language": "en",
        "panels": [
            {
                "id": "welcome",
                "kind": "title",
                "title": {"en": "Independent producers make it happen", "fr": "Les producteurs"},
                "subtitle": {"en": "Stories on every screen", "fr": "Des histoires à l'écran"},
            },
            {"id": "what", "kind": "cards", "title": "What producers do", "cards": sample_items(6)},
            {
                "id": "how",
                "kind": "steps",
                "title": "Fostering talent",
                "intro": "Screenwriters, directors, actors and crew: Canadian talent first",
                "steps": sample_items(3),
            },
        ],
    }


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data, CRC."""
    crc = struct.pack(">I", zlib.crc32(kind + data))
    return struct.pack(">I", len(data)) + kind + data + crc


def png_header(width: int, height: int, depth: int = 8, colour: int = 2, *,
               pixels: bytes = b"") -> bytes:
    """A PNG of `width` x `height`: its header, the compressed `pixels` given, its end.

    Without pixels it is enough for `kiosk validate` to size it and find it whole (an
    RGB PNG of 8-bit `depth` and `colour` type 2 by default), not for Qt to draw it.
    """
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    body = png_chunk(b"IDAT", pixels) if pixels else b""
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + body + png_chunk(b"IEND", b"")


PNG_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # grey, RGB, grey and alpha, RGBA


def blank_png(width: int, height: int, depth: int = 8, colour: int = 0) -> bytes:
    """A real black PNG of `width` x `height` (Qt reads it), small on disk: grey by default."""
    packer = zlib.compressobj(9)
    row = bytes(1 + width * PNG_CHANNELS[colour] * depth // 8)
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    return png_header(width, height, depth, colour, pixels=pixels)


def sample_content(**changes: Any) -> Content:
    """The sample content, with top-level keys replaced by `changes`."""
    return Content.model_validate({**sample_document(), **changes})


def dwell_copy(source: Path, folder: Path, dwell: float) -> Path:
    """The content at `source` with every dwell at `dwell` s, written to `folder`.

    The copy goes in `folder`/content.json, so put its pictures beside it if it has any.
    """
    document = json.loads(source.read_text(encoding="utf-8"))
    document.pop("$schema", None)
    document["settings"]["dwell_seconds"] = dwell
    for panel in document["panels"]:
        panel["dwell_seconds"] = dwell
    return write_content(folder, document)


def write_content(folder: Path, document: dict[str, Any]) -> Path:
    """Write `document` as `folder`/content.json (making `folder`); return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "content.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def start_kiosk(
    content: Path,
    data_dir: Path,
    *,
    windowed: bool = True,
    env: dict[str, str] | None = None,
    extra_args: tuple[str, ...] = (),
) -> subprocess.Popen[str]:
    """Start `main.py run` on `content` (offscreen unless `env` says otherwise)."""
    command = [sys.executable, "main.py", "run", *(["--windowed"] if windowed else []),
               *extra_args, "--content", str(content), "--data-dir", str(data_dir)]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.Popen(command, cwd=ROOT, env=environment, stderr=subprocess.PIPE,
                            text=True)


def stop_kiosk(proc: subprocess.Popen[str], stop: signal.Signals = signal.SIGTERM,
               seconds: float = 10.0) -> str:
    """Send `stop` and wait `seconds` for the kiosk to end; the rest of its stderr.

    A kiosk still running then is killed (its return code says so).
    """
    proc.send_signal(stop)
    try:
        _, rest = proc.communicate(timeout=seconds)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return rest


def run_kiosk_process(
    content: Path,
    data_dir: Path,
    *,
    run_seconds: float,
    stop: signal.Signals = signal.SIGTERM,
    stop_seconds: float = 2.0,
    extra_args: tuple[str, ...] = (),
) -> tuple[int, str]:
    """Run `main.py run --windowed` offscreen, then stop it with `stop`.

    The kiosk must keep running for `run_seconds`, counted from its "kiosk starting"
    log line so that interpreter start-up on a slow machine does not count, and must
    end within `stop_seconds` of the signal. Returns its exit code and the rest of
    its stderr; a kiosk still running at the end is killed.
    """
    proc = start_kiosk(content, data_dir, extra_args=extra_args)
    rest = ""
    try:
        assert proc.stderr is not None
        while "kiosk starting" not in proc.stderr.readline():
            assert proc.poll() is None, "the kiosk ended before it started"
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=run_seconds)  # it runs until told to stop
    finally:
        rest = stop_kiosk(proc, stop, stop_seconds)
    return proc.returncode, rest


def stand_ins(
    folder: Path,
    log: Path,
    *names: str,
    failing: tuple[str, ...] = (),
    listings: dict[str, str] | None = None,
) -> Path:
    """A folder of stand-in programs that write their name and arguments to `log`.

    A program named in `listings` prints its text when run without arguments (as
    ``wlr-randr`` lists the outputs); ``cec-client`` also logs what it reads; a program
    in `failing` exits 1. Put the folder first on PATH to see what the kiosk runs.
    """
    folder.mkdir(exist_ok=True)
    for name in names:
        body = f'echo "{name} $*" >> "{log}"\n'
        if name in (listings or {}):
            body += f'[ $# -eq 0 ] && cat <<"EOF"\n{(listings or {})[name]}EOF\n'
        if name == "cec-client":
            body += f'sed "s/^/  stdin: /" >> "{log}"\n'
        body += "exit 1\n" if name in failing else "exit 0\n"
        script = folder / name
        script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
        script.chmod(0o755)
    return folder


def logged(log: Path) -> list[str]:
    """The lines stand-ins wrote to `log`, none if they have not run yet."""
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def read_status(path: Path) -> dict[str, Any] | None:
    """Read a status file as a monitor would; None if it is missing, partial or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def syntax_error(text: str) -> JSONSyntaxError:
    """The syntax error the content parser raises for `text`."""
    with pytest.raises(JSONSyntaxError) as info:
        parse(text)
    return info.value


def assert_syntax_error(text: str, words: str, line: int, column: int) -> None:
    """`text` is rejected with `words` in the message, placed at `line`:`column`."""
    error = syntax_error(text)
    assert words in error.message
    assert (error.line, error.column) == (line, column)


# the event database ------------------------------------------------------------------
def query(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


class SimulatedDisk:
    """Gives the log's connections SQLite's page limit: a disk that fills and empties."""

    def __init__(self) -> None:
        self.connections: list[sqlite3.Connection] = []

    def __call__(self, conn: sqlite3.Connection) -> None:
        self.connections.append(conn)

    def fill(self, db: Path) -> None:
        pages = query(db, "PRAGMA page_count")[0][0]
        self.connections[-1].execute(f"PRAGMA max_page_count = {pages}")

    def empty(self) -> None:
        self.connections[-1].execute("PRAGMA max_page_count = 1000000")
