"""The booth's hours on screen: the closed screen, a dark screen woken by a touch, the notice.

A kiosk built on fake clocks (monotonic and wall) and a `ScreenPower` whose commands are
recorded instead of run: what the kiosk asks of the display, what it paints, what
status.json says, and that a closed kiosk asks for no frame ticks.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage

from kiosk.core.records.paths import STATUS_FILE
from kiosk.core.show.closed import ClosedScreen, ClosedWords
from kiosk.screenpower import Command, ScreenPower
from kiosk.ui.app import KioskApp
from kiosk.ui.chrome.notice import notice_layout
from kiosk.ui.drawing.scale import NOTICE_MIN, Scale
from kiosk.ui.drawing.text import ELLIPSIS
from kiosk.ui.drawing.theme import FALLBACK_FAMILY, Theme
from kiosk.ui.render import render_closed_image, render_panel_image
from tests.support import FakeClock, sample_document, write_content
from tests.ui.support import KIOSK_START, KioskApps, click

TORONTO = ZoneInfo("America/Toronto")
MONDAY_0800 = datetime(2026, 12, 7, 8, 0, tzinfo=TORONTO).timestamp()
SCHEDULE = {"hours": {"mon": "09:00-18:00"}, "outside_hours": "screen_off",
            "timezone": "America/Toronto"}
BLACK = QColor(0, 0, 0)
TESSERACT = shutil.which("tesseract")


class RecordedPower(ScreenPower):
    """Screen power on X11 whose commands are written down, not run."""

    def __init__(self) -> None:
        self.ran: list[str] = []
        super().__init__("xcb", which=lambda name: name, run=self._record)

    def _record(self, command: Command) -> str:
        self.ran.append(" ".join(command.argv))
        return ""

    def commands(self) -> list[str]:
        self.wait()
        ran, self.ran = self.ran, []
        return ran


@pytest.fixture
def closed_kiosk(qtbot, tmp_path: Path) -> Iterator[Callable[..., tuple[KioskApp, FakeClock]]]:
    """A windowed kiosk at 08:00 on a Monday, opening at 09:00, its display off meanwhile."""
    apps = KioskApps(tmp_path)

    def build(**document: Any) -> tuple[KioskApp, FakeClock]:
        path = write_content(tmp_path / "content", {**sample_document(), "schedule": SCHEDULE,
                                                    **document})
        clock = FakeClock(KIOSK_START)
        data_dir = tmp_path / f"data{len(apps.made)}"
        data_dir.mkdir()
        from kiosk.boot import RunOptions

        options = RunOptions(content_path=path, data_dir=data_dir, windowed=True, size=(640, 360))
        app = KioskApp(options, data_dir, clock, wall=lambda: MONDAY_0800 + clock.now - KIOSK_START,
                       power=RecordedPower())
        apps.made.append(app)
        return app, clock

    yield build
    apps.shutdown_all()


def status(app: KioskApp) -> dict[str, Any]:
    return json.loads((app.data_dir / STATUS_FILE).read_text(encoding="utf-8"))


def pixel(app: KioskApp, x: float = 0.5, y: float = 0.5) -> QColor:
    image = app.window.grab().toImage()
    return image.pixelColor(int(image.width() * x), int(image.height() * y))


def beat(app: KioskApp, clock: FakeClock, seconds: float) -> float | None:
    """Move the time on and tick as the ticker does at each deadline on the way."""
    end = clock.now + seconds
    due = app.tick(clock.now)
    while due is not None and due <= end:
        clock.now = max(due, clock.now)
        due = app.tick(clock.now)
    clock.now = end
    return app.tick(clock.now)


def test_outside_hours_the_display_goes_off_and_a_touch_lights_the_closed_screen(
    closed_kiosk, qtbot
) -> None:
    app, clock = closed_kiosk()
    power: RecordedPower = app.power  # type: ignore[assignment]
    app.start()
    qtbot.waitUntil(lambda: app.screen_watch.on_screen)
    assert power.commands() == ["xset dpms force off"]
    beat(app, clock, 1.0)
    assert status(app)["screen_state"] == "off_by_schedule"
    assert status(app)["screen_power"] == "xset"
    assert (status(app)["open"], status(app)["current_panel"]) == (False, None)
    assert pixel(app) == BLACK

    click(app, QPoint(320, 180))  # staff setting up
    assert power.commands() == ["xset dpms force on", "xset -dpms"]
    assert pixel(app) != BLACK  # the closed screen, lit
    beat(app, clock, 1.0)
    assert status(app)["screen_state"] == "closed_screen"

    beat(app, clock, 60.0)  # a minute later, nobody there: off again
    assert power.commands() == ["xset dpms force off"]
    assert pixel(app) == BLACK

    beat(app, clock, KIOSK_START + 3600.0 + 1.0 - clock.now)  # 09:00: open, the first panel
    assert power.commands() == ["xset dpms force on", "xset -dpms"]
    assert (status(app)["screen_state"], status(app)["current_panel"]) == ("panels", "welcome")


def test_a_closed_kiosk_asks_for_no_frame_ticks(closed_kiosk) -> None:
    app, clock = closed_kiosk(schedule={**SCHEDULE, "outside_hours": "closed_screen"})
    app.tick(clock.now)
    ticks, end = 0, clock.now + 600.0
    due = app.tick(clock.now)
    while due is not None and due < end:
        assert due - clock.now >= 1.0, "a closed kiosk asked for a frame"
        clock.now = due
        due = app.tick(clock.now)
        ticks += 1
    assert ticks <= 600 / 10 + 12  # the 10 s heartbeat and the schedule's minute, no more


def test_the_real_ticker_sleeps_on_a_closed_screen(closed_kiosk, qtbot) -> None:
    app, clock = closed_kiosk()
    app.clock = clock  # (the ticker reads the same fake clock)
    app.start()
    qtbot.waitExposed(app.window)
    qtbot.wait(100)
    before = app.ticker.tick_count
    qtbot.wait(400)
    assert app.ticker.tick_count - before <= 1  # frames would be about 24


def test_the_operator_leaving_at_night_gets_the_screen_back(closed_kiosk, qtbot) -> None:
    app, _ = closed_kiosk()
    power: RecordedPower = app.power  # type: ignore[assignment]
    app.start()
    assert power.commands() == ["xset dpms force off"]
    app.shutdown()
    assert power.commands() == ["xset dpms force on", "xset -dpms"]


# the closed screen, drawn ---------------------------------------------------------------------
def closed(dark: bool = False, notice: str | None = None, first: str = "en") -> ClosedScreen:
    words = {"en": ClosedWords("en", "Closed", "Open again tomorrow at 9:00"),
             "fr": ClosedWords("fr", "Fermé", "Réouverture demain à 9\u00a0h")}
    ordered = (words[first], words["fr" if first == "en" else "en"])
    return ClosedScreen(ordered, dark, notice)


def content() -> Any:
    from kiosk.core.content.model import Content

    return Content.model_validate(sample_document())


def test_a_dark_closed_screen_is_black_and_a_lit_one_is_calm(qapp) -> None:
    image = render_closed_image(content(), closed(dark=True), (480, 270))
    assert {image.pixelColor(x, y).name() for x in range(0, 480, 40) for y in range(0, 270, 30)} \
        == {"#000000"}
    lit = render_closed_image(content(), closed(), (480, 270))
    assert lit.pixelColor(5, 265) != BLACK


def read_words(image: QImage, tmp_path: Path) -> str:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    gray.invertPixels()  # dark ink on light ground reads best
    path = tmp_path / "closed.png"
    assert gray.save(str(path))
    listed = subprocess.run([TESSERACT, "--list-langs"], capture_output=True, text=True).stdout
    if not {"eng", "fra"} <= set(listed.split()):
        pytest.skip("tesseract has no English or no French data (tesseract-ocr-fra)")
    done = subprocess.run([TESSERACT, str(path), "-", "--psm", "6", "-l", "eng+fra"],
                          capture_output=True, text=True)
    return " ".join(done.stdout.split())


@pytest.mark.skipif(TESSERACT is None, reason="tesseract is not installed (tesseract-ocr)")
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 720)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_recogniser_reads_the_closed_screen_in_both_languages(
    qapp, tmp_path, size, language
) -> None:
    image = render_closed_image(content(), closed(first=language), size)
    read = bare(read_words(image, tmp_path))
    first, second = closed(first=language).words
    for words in (first, second):
        for line in (words.heading, words.reopening):
            assert bare(line) in read, (line, read)
    assert read.index(bare(first.heading)) < read.index(bare(second.heading))  # its own first


def bare(text: str) -> str:
    """`text` without spaces or accents: tesseract often reads "Fermé" as "Ferme"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not c.isspace() and not unicodedata.combining(c))


# the notice banner ------------------------------------------------------------------------------
def test_a_one_line_notice_fits_the_top_margin_and_covers_no_panel(qapp) -> None:
    for size in ((1920, 1080), (1080, 1920), (800, 480), (3840, 2160)):
        rect = QRectF(0, 0, *size)
        layout = notice_layout(rect, "Back at 14:00", FALLBACK_FAMILY)
        assert len(layout.fitted.lines) == 1
        assert layout.band.height() == pytest.approx(Scale(rect).margin_y)
        assert layout.band.top() == 0 and rect.contains(layout.band)
        assert layout.text.left() > layout.icon.right()


def test_a_notice_far_too_long_stops_at_its_floor_on_two_lines_and_ends_with_ellipsis(
    qapp,
) -> None:
    for size in ((1920, 1080), (1080, 1920)):
        rect = QRectF(0, 0, *size)
        layout = notice_layout(rect, "Back soon, " * 100, FALLBACK_FAMILY)
        assert layout.fitted.pixel_size == pytest.approx(Scale(rect).px(NOTICE_MIN), abs=0.5)
        assert len(layout.fitted.lines) == 2 and layout.fitted.lines[-1].endswith(ELLIPSIS)
        assert layout.band.contains(layout.text.adjusted(0, 1, 0, -1))
        assert layout.band.bottom() < rect.height() * 0.15  # a band, not a wall


def test_the_notice_reads_at_seven_to_one(qapp) -> None:
    from kiosk.core.content.model import Theme as ThemeSettings

    theme = Theme.from_settings(ThemeSettings())
    assert contrast(theme.accent, theme.background) >= 7.0


def contrast(one: QColor, other: QColor) -> float:
    def luminance(colour: QColor) -> float:
        parts = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_notice_is_painted_over_every_panel_in_its_language(qapp) -> None:
    document = {**sample_document(),
                "notice": {"text": {"en": "Back at 14:00", "fr": "De retour à 14 h"}}}
    from kiosk.core.content.model import Content

    with_notice = Content.model_validate(document)
    amber = Theme.from_settings(with_notice.settings.theme).accent
    for index in range(len(with_notice.panels)):
        image = render_panel_image(with_notice, Path("."), index, (960, 540), "fr")
        assert image.pixelColor(940, 10) == amber  # the banner's right end, at the top
        plain = render_panel_image(with_notice, Path("."), index, (960, 540), "fr", notice=False)
        assert plain.pixelColor(940, 10) != amber


def test_a_notice_of_spaces_or_zero_width_characters_paints_no_banner(qapp) -> None:
    from kiosk.core.content.model import Content

    document = {**sample_document(), "notice": {"text": {"en": "   ", "fr": "\u200b\u2060"}}}
    blank = Content.model_validate(document)
    amber = Theme.from_settings(blank.settings.theme).accent
    for language in ("en", "fr"):
        image = render_panel_image(blank, Path("."), 0, (960, 540), language)
        assert image.pixelColor(940, 10) != amber


class PowerWithoutDpms(RecordedPower):
    """X11 whose server has no DPMS: ``xset dpms force off`` does nothing (finding O7)."""

    def _record(self, command: Command) -> str | None:
        super()._record(command)
        return None if command.argv[:2] == ("xset", "dpms") else ""


def test_a_display_that_does_not_go_off_keeps_the_closed_screen_drawn(
    closed_kiosk, qtbot
) -> None:
    app, clock = closed_kiosk()
    app.power = power = PowerWithoutDpms()
    app.start()
    qtbot.waitUntil(lambda: app.screen_watch.on_screen)
    assert power.commands() == ["xset dpms force off"]
    beat(app, clock, 11.0)  # the next tick reads the outcome
    assert pixel(app) != BLACK  # the closed screen, not a lit black display
    assert status(app)["screen_state"] == "closed_screen"
    assert status(app)["screen_power"] == (
        "none: xset dpms force off failed, the closed screen stays on")
    beat(app, clock, KIOSK_START + 3600.0 + 1.0 - clock.now)  # 09:00: open
    assert power.commands() == []  # it never went off: nothing to switch on
    assert (status(app)["screen_state"], status(app)["current_panel"]) == ("panels", "welcome")
