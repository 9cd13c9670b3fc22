"""`kiosk preview`: the editor's window shows each save at once, and each mistake, in place.

The preview runs on a fake clock; a save reaches it through the kiosk's own content
watcher (the test moves the fake time on while it waits). What is checked is what the
editor sees: the text of the problems list, the panel shown, the picture painted.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.cli import EXIT_USAGE, main
from kiosk.core.content.limits import ROLES
from kiosk.core.content.load import load
from kiosk.core.content.schedule import local_instant
from kiosk.core.content.timetext import parse_moment
from kiosk.core.content.validation import problem_lines
from kiosk.core.records.paths import EVENTS_DB, LAST_GOOD, STATUS_FILE, preview_data_dir
from kiosk.mpvlib import video_support
from kiosk.ui.panels.base import view_context
from kiosk.ui.panels.capacity import sample_content
from kiosk.ui.panels.registry import build_view
from kiosk.ui.preview.app import PREVIEW_DEBOUNCE, PREVIEW_SETTLE, PreviewApp, PreviewOptions
from kiosk.ui.preview.canvas import OUTLINE
from kiosk.ui.preview.frames import FRAMES
from kiosk.ui.preview.outline import Overflows, field_areas
from kiosk.ui.render import render_panel_image, render_when
from tests.support import ROOT, FakeClock
from tests.test_cli_plan import booth
from tests.ui.golden import different_share
from tests.ui.photo import PHOTO, save_photo
from tests.ui.test_video import make_clip

START = 500.0
LATER = 60.0  # seconds: every entrance has settled by then


class Preview:
    """A preview of a copy of some content, on a fake clock, as an editor would have it."""

    def __init__(self, qtbot: Any, tmp_path: Path, document: dict[str, Any] | None = None,
                 **options: Any) -> None:
        self.qtbot = qtbot
        self.path = tmp_path / "content" / "content.json"
        self.path.parent.mkdir(exist_ok=True)  # a test may have put pictures there
        if document is None:
            shutil.copy(ROOT / "content.json", self.path)
        else:
            self.save(document)
        self.data = tmp_path / "preview-data"
        self.data.mkdir()
        self.clock = FakeClock(START)
        self.app = PreviewApp(PreviewOptions(self.path, **options), self.data, clock=self.clock)
        self.app.start()
        qtbot.waitExposed(self.app.window)
        self.settle()

    @property
    def window(self) -> Any:
        return self.app.window

    def settle(self) -> None:
        """Let every entrance and transition end."""
        self.app.tick(self.clock.advance(LATER))

    def save(self, document: dict[str, Any] | str) -> None:
        text = document if isinstance(document, str) else json.dumps(
            document, ensure_ascii=False, indent=2)
        self.path.write_text(text, encoding="utf-8")

    def until(self, condition: Any) -> None:
        """Let the watcher run on, 50 ms of fake time at a time, until `condition()` holds."""
        def step() -> bool:
            self.app.watcher.run_due()
            self.clock.advance(0.05)
            return bool(condition())
        self.qtbot.waitUntil(step, timeout=10_000)
        self.settle()

    def lines(self) -> list[str]:
        return self.app.problems.lines()

    def header(self) -> str:
        return self.app.problems.header.text()

    def key(self, key: Qt.Key | str, *, settle: bool = True) -> None:
        """Type `key` as the editor would: into the active preview window (its shortcuts)."""
        window = self.app.window
        window.activateWindow()  # an earlier test's window may have kept the focus
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        if isinstance(key, str):
            QTest.keyClicks(self.app.canvas, key)
        else:
            QTest.keyClick(self.app.canvas, key)
        if settle:
            self.settle()

    def picture(self) -> Any:
        return self.app.canvas.frame_image().copy()

    def rendered(self, index: int, language: str, size: tuple[int, int]) -> Any:
        """What `kiosk render` paints for the file on disk, settled."""
        content = load(self.path).content
        assert content is not None
        return render_panel_image(content, self.path.parent, index, size, language)


@pytest.fixture
def preview(qtbot: Any, tmp_path: Path) -> Iterator[Preview]:
    made = Preview(qtbot, tmp_path)
    yield made
    made.app.shutdown()


def same_picture(shown: QImage, rendered: QImage) -> bool:
    """No pixel of the two differs by more than the golden tolerance in any channel.

    A few levels are allowed, as in the golden tests: at 4K `kiosk render` itself differs
    by that much with what the process painted before (Qt's glyph cache).
    """
    return different_share(shown, rendered) == 0.0


def broken(text: str, after: str) -> str:
    """`text` without the comma that follows the first `after`."""
    at = text.index(after) + len(after)
    assert text[at] == ","
    return text[:at] + text[at + 1:]


# saves ---------------------------------------------------------------------------------
def test_a_broken_save_lists_the_located_problem_and_the_last_good_panel_stays(
    preview: Preview,
) -> None:
    preview.key("3")
    assert preview.app.show.panel_id == "what-producers-do"
    shown = preview.picture()
    good = preview.path.read_text(encoding="utf-8")
    preview.save(broken(good, '"what-producers-do"'))
    preview.until(lambda: preview.lines())
    expected = problem_lines(load(preview.path).problems, "content.json", errors_first=True)
    assert preview.lines() == expected  # exactly as `kiosk validate` words them
    line = next(n for n, text in enumerate(good.splitlines(), 1) if '"what-producers-do"' in text)
    assert preview.lines()[0].startswith(f"content.json:{line}:")
    assert ": error: " in preview.lines()[0] and "comma" in preview.lines()[0]
    assert "this save is not shown" in preview.header()
    assert "(1 error)" in preview.window.windowTitle()
    assert preview.app.show.panel_id == "what-producers-do"  # the last good version stays up
    assert preview.picture() == shown
    assert preview.app.canvas.stale


def test_a_fixed_save_clears_the_problems_and_keeps_the_panel_by_id(preview: Preview) -> None:
    preview.key("5")  # the statistics panel
    good = preview.path.read_text(encoding="utf-8")
    preview.save(broken(good, '"natural-resource"'))
    preview.until(lambda: preview.lines())
    document = json.loads(good)
    new_panel = {"id": "added", "kind": "title", "title": {"en": "Added", "fr": "Ajouté"}}
    document["panels"].insert(0, new_panel)  # every panel moves one place on
    preview.save(document)
    preview.until(lambda: not preview.lines())
    assert preview.header() == "content.json: OK (7 panels, no problems)"
    assert not preview.app.canvas.stale
    assert (preview.app.show.panel_id, preview.app.show.index) == ("natural-resource", 5)
    assert same_picture(preview.picture(), preview.rendered(5, "en", (1920, 1080)))
    assert preview.app.window.navigation.panels.currentText().startswith("6. natural-resource")


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed "
                    "(apt-get install tesseract-ocr); scripts/preview_e2e.sh reads a real screen")
def test_a_text_recogniser_reads_the_problem_off_the_window(
    preview: Preview, tmp_path: Path
) -> None:
    good = preview.path.read_text(encoding="utf-8")
    preview.save(broken(good, '"what-producers-do"'))
    preview.until(lambda: preview.lines())
    shot = preview.app.problems.grab().toImage()
    shot = shot.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
        shot.width() * 3, shot.height() * 3, Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation)
    assert shot.save(str(tmp_path / "problems.png"))
    read = subprocess.run(["tesseract", str(tmp_path / "problems.png"), "-"],
                          capture_output=True, text=True, timeout=60).stdout
    assert preview.lines()[0] in " ".join(read.split())


def test_errors_come_first_then_warnings_each_with_line_and_column(
    qtbot: Any, tmp_path: Path
) -> None:
    document = {
        "languages": ["en", "fr"],
        "default_language": "en",
        "panels": [
            {"id": "one", "kind": "title", "title": {"en": "Only English"}},
            {"id": "two", "kind": "title", "title": {"en": "x", "fr": "x"}, "dwell_seconds": 0},
        ],
    }
    made = Preview(qtbot, tmp_path, document)
    try:
        lines = made.lines()
        assert [line.split(": ")[1] for line in lines] == ["error", "warning"]
        located = [re.match(r"content\.json:(\d+):(\d+): ", line) for line in lines]
        assert all(located) and int(located[0][1]) > int(located[1][1])  # errors first
        assert "dwell_seconds" in lines[0] and "no text in fr" in lines[1]
        assert lines == problem_lines(load(made.path).problems, "content.json", errors_first=True)
        assert "placeholder" in made.header()  # never a good version: the calm fallback shows
    finally:
        made.app.shutdown()


def test_problems_are_plain_text_whatever_staff_write(qtbot: Any, tmp_path: Path) -> None:
    document = {"languages": ["en"], "default_language": "en", "<b>bold</b>": 1,
                "panels": [{"id": "one", "kind": "title", "title": "<i>Hi</i>"}]}
    made = Preview(qtbot, tmp_path, document)
    try:
        assert made.app.problems.header.textFormat() == Qt.TextFormat.PlainText
        assert "'<b>bold</b>'" in made.lines()[0]
        assert "<b>bold</b>: unknown key '<b>bold</b>'" in made.app.problems.list.toPlainText()
    finally:
        made.app.shutdown()


def test_a_deleted_file_is_listed_and_its_return_shown(preview: Preview) -> None:
    preview.key("2")
    good = preview.path.read_bytes()
    preview.path.unlink()
    preview.until(lambda: preview.lines())
    assert "does not exist" in preview.lines()[0]
    assert preview.app.show.panel_id == "entrepreneurs"
    preview.path.write_bytes(good)
    preview.until(lambda: not preview.lines())
    assert preview.app.show.panel_id == "entrepreneurs" and not preview.app.canvas.stale


def test_a_first_good_save_replaces_the_placeholder(qtbot: Any, tmp_path: Path) -> None:
    made = Preview(qtbot, tmp_path, "{ broken")
    try:
        assert made.app.show.source.origin == "fallback" and "placeholder" in made.header()
        made.save((ROOT / "content.json").read_text(encoding="utf-8"))
        made.until(lambda: not made.lines())
        assert made.app.show.panel_id == "welcome" and made.app.show.paused
        assert same_picture(made.picture(), made.rendered(0, "en", (1920, 1080)))
    finally:
        made.app.shutdown()


def test_a_save_without_the_language_shown_goes_back_to_the_default(preview: Preview) -> None:
    preview.key("l")
    document = json.loads(preview.path.read_text(encoding="utf-8"))
    document["languages"] = ["en"]
    preview.save(document)
    preview.until(lambda: preview.app.show.language == "en")
    assert not preview.window.commands["language"].isEnabled()


def test_a_save_is_read_within_half_a_second() -> None:
    assert PREVIEW_DEBOUNCE < PREVIEW_SETTLE < 0.5


def test_a_save_writes_the_previews_own_last_good_copy_and_no_records(preview: Preview) -> None:
    document = json.loads(preview.path.read_text(encoding="utf-8"))
    document["panels"][0]["title"] = {"en": "Changed", "fr": "Changé"}
    preview.save(document)
    changed = document["panels"][0]["title"]
    preview.until(lambda: preview.app.show.content.panels[0].title == changed)
    assert (preview.data / LAST_GOOD).read_bytes() == preview.path.read_bytes()
    assert not (preview.data / EVENTS_DB).exists() and not (preview.data / STATUS_FILE).exists()
    assert preview_data_dir(None, {"KIOSK_DATA_DIR": "/booth"}) == Path("/booth/preview")


# what it shows -------------------------------------------------------------------------
@pytest.mark.parametrize("frame", FRAMES, ids=[frame.name for frame in FRAMES])
def test_each_screen_size_paints_what_kiosk_render_paints(preview: Preview, frame) -> None:
    preview.app.go_to(4)  # the statistics panel: figures, chart, source
    preview.app.set_frame(FRAMES.index(frame))
    preview.settle()
    assert preview.app.canvas.frame_image().size().toTuple() == frame.size
    assert same_picture(preview.picture(), preview.rendered(4, "en", frame.size))


def test_the_language_key_paints_what_kiosk_render_paints_in_french(preview: Preview) -> None:
    preview.key(Qt.Key.Key_Right)
    preview.key("l")
    assert preview.app.show.language == "fr"
    assert preview.window.commands["language"].text() == "English"
    assert same_picture(preview.picture(), preview.rendered(1, "fr", (1920, 1080)))


def test_scrubbing_paints_the_entrance_at_the_time_chosen(preview: Preview) -> None:
    preview.app.go_to(4)
    preview.settle()
    preview.app.set_scrub(0.4)
    content = load(preview.path).content
    assert content is not None
    at = render_panel_image(content, preview.path.parent, 4, (1920, 1080), "en", at=0.4)
    assert same_picture(preview.picture(), at)
    assert preview.window.time.slider.value() == 40
    preview.key(".")  # a tenth of a second on
    assert preview.app.entrance.chosen == pytest.approx(0.5)


def test_replay_starts_the_entrance_again(preview: Preview) -> None:
    preview.key(Qt.Key.Key_R, settle=False)
    assert preview.app.show.entered_at == preview.clock.now
    preview.app.tick(preview.clock.advance(0.1))
    assert preview.window.time.slider.value() == 10  # 0.1 s into the entrance


def test_keys_move_jump_switch_and_play(preview: Preview) -> None:
    app = preview.app
    preview.key(Qt.Key.Key_Right)
    assert app.show.index == 1
    preview.key(Qt.Key.Key_PageUp)
    assert app.show.index == 0
    preview.key("6")
    assert app.show.index == 5
    preview.key(Qt.Key.Key_Home)
    assert app.show.index == 0
    preview.key("f")
    assert app.canvas.frame == FRAMES[1]
    assert app.window.navigation.frames.currentIndex() == 1
    assert app.show.paused  # the preview starts paused: it stays on the panel shown
    preview.key(Qt.Key.Key_Space)
    assert not app.show.paused and app.window.commands["rotate"].text() == "■ Stop rotation"


def test_the_window_names_the_file_it_previews(preview: Preview) -> None:
    assert preview.app.problems.file.text().startswith(f"Previewing {preview.path.resolve()}")


def test_every_button_names_its_keys(preview: Preview) -> None:
    commands = preview.window.commands
    for name, keys in {"previous": "←", "next": "→", "language": "(L)", "frame": "(F)",
                       "replay": "(R)", "rotate": "(Space)"}.items():
        assert keys in commands[name].toolTip(), name
    assert "1–9" in preview.window.legend.text()


def test_nobody_touching_never_sends_the_preview_back_to_the_first_panel(
    preview: Preview,
) -> None:
    preview.key("4")
    for _ in range(20):  # ten minutes, far past the idle timeout
        preview.app.tick(preview.clock.advance(30.0))
    assert preview.app.show.index == 3 and preview.app.show.paused


def test_a_click_on_the_drawn_language_button_switches_language(preview: Preview) -> None:
    canvas = preview.app.canvas
    frame = canvas.frame_rect()
    button = QPointF(frame.right() - frame.width() * 0.12, frame.bottom() - frame.height() * 0.07)
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=button.toPoint())
    assert preview.app.show.language == "fr"


def test_a_text_over_its_limit_is_outlined_on_the_panel(preview: Preview) -> None:
    document = json.loads(preview.path.read_text(encoding="utf-8"))
    document["panels"][0]["subtitle"]["en"] = "A subtitle that goes on and on. " * 20
    preview.save(document)
    preview.until(lambda: preview.lines())
    assert "panels[0].subtitle (en): 640 characters" in preview.lines()[0]
    frame = FRAMES[0]
    areas = preview.app._outline_areas(frame)
    assert len(areas) == 1 and areas[0].width() > 600
    canvas = preview.app.canvas
    image = canvas.grab().toImage()
    target = canvas.frame_rect()
    factor = target.width() / frame.width
    left = round(target.left() + areas[0].left() * factor - 2)  # 2 px outside the text
    top, bottom = (round(target.top() + y * factor) for y in (areas[0].top(), areas[0].bottom()))
    edge = {image.pixelColor(x, y).name() for x in range(left - 1, left + 2)
            for y in range(top, bottom)}
    assert QColor(OUTLINE).name() in edge  # a dashed line down its left side
    preview.key("l")  # the French subtitle fits: nothing to outline
    assert preview.app._outline_areas(frame) == []


def test_a_notice_over_its_limit_is_outlined_on_its_banner(preview: Preview) -> None:
    document = json.loads(preview.path.read_text(encoding="utf-8"))
    document["notice"] = {"text": {"en": "Back soon. " * 30, "fr": "Bientôt"}}
    preview.save(document)
    preview.until(lambda: preview.lines())
    assert "notice.text (en)" in preview.lines()[0]
    areas = preview.app._outline_areas(FRAMES[0])
    assert len(areas) == 1 and areas[0].top() < 100  # the banner, across the top


def test_the_window_is_a_normal_resizable_window(preview: Preview) -> None:
    window = preview.window
    assert not window.isFullScreen()
    flags = window.windowFlags()
    assert not flags & Qt.WindowType.FramelessWindowHint
    assert not flags & Qt.WindowType.WindowStaysOnTopHint
    window.resize(1000, 800)
    preview.qtbot.waitUntil(lambda: window.width() == 1000)
    assert window.splitter.orientation() == Qt.Orientation.Vertical
    preview.app.set_frame(1)  # a portrait screen: the problems go beside it
    assert window.splitter.orientation() == Qt.Orientation.Horizontal


PANEL_TEXTS = [key for key in ROLES if key not in ("stats.figures", "notice.text")]


@pytest.mark.parametrize("key", PANEL_TEXTS)
def test_every_kind_of_text_over_its_limit_is_found_on_its_panel(qapp, key) -> None:
    variant = "chart" if key.startswith("stats.chart.") else ""
    content = sample_content(key, variant, 1)  # the field runs far too long
    fields = [f for f in Overflows(content).fields(0, "en", "landscape") if f.key == key]
    assert len(fields) == 1
    view = build_view(content.panels[0], view_context(content, Path("."), "en"))
    frame = QRectF(0, 0, 1920, 1080)
    areas = field_areas(view, frame, fields)
    assert len(areas) == 1 and frame.contains(areas[0]) and not areas[0].isEmpty()


@pytest.mark.skipif(video_support() is not None or shutil.which("ffmpeg") is None,
                    reason=f"videos cannot play here: {video_support() or 'no ffmpeg'}")
def test_a_video_panel_plays_in_the_preview(qtbot: Any, tmp_path: Path) -> None:
    document = {"languages": ["en"], "default_language": "en",
                "panels": [{"id": "clip", "kind": "video", "video": "clip.mp4", "poster": PHOTO}]}
    (tmp_path / "content").mkdir()
    make_clip(tmp_path / "content" / "clip.mp4")
    save_photo(tmp_path / "content" / PHOTO, 900, 600)
    made = Preview(qtbot, tmp_path, document)
    try:
        view = made.app.stages.stage_for(made.app.show.source).view(0, "en")
        qtbot.waitUntil(lambda: view.live, timeout=10_000)
        first = made.picture()
        qtbot.waitUntil(lambda: made.picture() != first, timeout=10_000)  # its frames show
    finally:
        made.app.shutdown()


# --when: the booth at a moment ---------------------------------------------------------
def at_the_booth(qtbot: Any, tmp_path: Path, moment: str) -> tuple[Preview, Path]:
    """A preview of the booth of `kiosk plan`'s tests (Saturday 10:00 to 22:00, a notice until
    15:00, panel 3 from 17:00) from `moment` on, and what `kiosk render --when` writes then."""
    path = booth(tmp_path / "booth", sync=False)
    document = json.loads(path.read_text(encoding="utf-8"))
    zone = ZoneInfo("America/Toronto")
    epoch = local_instant(parse_moment(moment), zone)
    made = Preview(qtbot, tmp_path, document, when=(epoch, zone))
    out = tmp_path / "rendered"
    content = load(made.path).content
    assert content is not None
    render_when(content, made.path.parent, out, epoch=epoch, zone=zone, size=(1920, 1080),
                languages=["en"])
    return made, out


def test_when_open_shows_the_panels_of_that_moment_as_render_when_does(
    qtbot: Any, tmp_path: Path
) -> None:
    made, out = at_the_booth(qtbot, tmp_path, "2026-12-05T14:00")
    try:
        assert made.app.show.chrome(made.clock.now).count == 2  # panel 3 waits for 17:00
        assert made.app.show.chrome(made.clock.now).notice == "Pitch at 15:00"
        assert same_picture(made.picture(), QImage(str(out / "01-welcome-en.png")))
        assert "The booth at 2026-12-05 14:00 (America/Toronto)" in made.app.problems.file.text()
    finally:
        made.app.shutdown()


def test_when_closed_shows_the_closed_screen_as_render_when_does(
    qtbot: Any, tmp_path: Path
) -> None:
    made, out = at_the_booth(qtbot, tmp_path, "2026-12-05T22:30")
    try:
        assert same_picture(made.picture(), QImage(str(out / "00-closed-en.png")))
        assert made.app.canvas.note == "Closed at this time"
        assert made.app._outline_areas(FRAMES[0]) == []
        assert not made.window.commands["next"].isEnabled()
        made.app.tick(made.clock.advance(12 * 3600))  # Sunday: closed all day, still
        made.app.tick(made.clock.advance(6 * 24 * 3600))  # Saturday 10:30: open, still paused
        assert made.app.show.open and made.app.show.paused and made.app.canvas.note is None
    finally:
        made.app.shutdown()


def test_a_moment_that_is_not_one_is_refused_before_any_window(tmp_path, capsys) -> None:
    path = booth(tmp_path, sync=False)
    assert main(["preview", "--content", str(path), "--when", "next friday"]) == EXIT_USAGE
    assert "--when" in capsys.readouterr().err
