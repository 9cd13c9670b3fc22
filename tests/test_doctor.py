"""`kiosk doctor`: every check with a case that passes and a case that fails, and the command."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.cli import main
from kiosk.core.content.load import load
from kiosk.core.content.location import FROM_OPTION, FROM_SHIPPED, ContentLocation
from kiosk.core.content.problems import format_problem
from kiosk.core.records.events import EventLog
from kiosk.display import Display
from kiosk.doctor import blanking, clock, content, files, screen, storage
from kiosk.doctor.qt import svg_is_valid
from kiosk.doctor.report import format_json, format_text
from kiosk.doctor.result import fail, ok, warn
from kiosk.qtlibs import debian_package, missing_libraries, missing_libraries_hint
from kiosk.shipped import resource_dir, story_file
from tests.support import png_header, sample_content, sample_document, write_content

MB = 1024 * 1024
TORONTO = ZoneInfo("America/Toronto")


def status(result) -> str:
    return result.status


# display, screen, Qt's libraries ---------------------------------------------------------
def test_display_ok_names_the_display_and_the_platform() -> None:
    found = screen.display_result(Display("wayland", "Wayland display wayland-0"))
    assert status(found) == "OK" and "wayland-0 (Qt platform wayland)" in found.message


def test_no_display_fails_with_what_to_do() -> None:
    found = screen.display_result(None, "neither DISPLAY nor WAYLAND_DISPLAY is set")
    assert status(found) == "FAIL" and "neither DISPLAY" in found.message
    assert found.fix is not None and "desktop session" in found.fix


def test_offscreen_is_a_warning() -> None:
    assert status(screen.display_result(Display("offscreen", "offscreen", True))) == "WARN"


def test_a_full_hd_screen_at_60_hz_passes() -> None:
    found = screen.screen_result([screen.ScreenInfo("HDMI-1", 1920, 1080, 60.0)])
    assert status(found) == "OK" and found.message == "1920x1080 at 60 Hz (HDMI-1)"


@pytest.mark.parametrize(
    ("screens", "expected"),
    [
        ([], "FAIL"),
        (None, "WARN"),
        ([screen.ScreenInfo("HDMI-1", 1920, 1080, 30.0)], "WARN"),
        ([screen.ScreenInfo("DSI-1", 640, 360, 60.0)], "WARN"),
    ],
)
def test_no_screen_a_slow_or_small_one_is_reported(screens, expected) -> None:
    assert status(screen.screen_result(screens)) == expected


def test_the_screen_in_use_is_the_one_checked() -> None:
    screens = [screen.ScreenInfo("A", 1920, 1080, 60), screen.ScreenInfo("B", 1080, 1920, 60)]
    assert "1080x1920" in screen.screen_result(screens, index=1).message


def test_qt_libraries_present_pass_and_missing_fail_with_the_packages() -> None:
    assert status(screen.libraries_result("xcb", [])) == "OK"
    found = screen.libraries_result("xcb", ["libxcb-cursor.so.0"])
    assert status(found) == "FAIL" and found.fix == "sudo apt install libxcb-cursor0"
    assert status(screen.libraries_result("xcb", None)) == "WARN"


LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /x/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => not found
\tlibxkbcommon-x11.so.0 => not found
"""


def test_missing_libraries_are_read_from_ldd() -> None:
    assert missing_libraries("xcb", run=lambda _: LDD) == [
        "libxcb-cursor.so.0", "libxkbcommon-x11.so.0"]
    assert missing_libraries("xcb", run=lambda _: "\tlibc.so.6 => /lib/libc.so.6\n") == []
    hint = missing_libraries_hint("xcb", run=lambda _: LDD)
    assert hint is not None and hint.endswith("sudo apt install libxcb-cursor0 libxkbcommon-x11-0")


def test_missing_libraries_cannot_be_told_without_ldd() -> None:
    def no_ldd(_command):
        raise FileNotFoundError("ldd")

    assert missing_libraries("xcb", run=no_ldd) is None
    assert missing_libraries("eglfs-not-a-plugin-we-know") is None


@pytest.mark.parametrize(
    ("soname", "package"),
    [("libxcb-cursor.so.0", "libxcb-cursor0"), ("libEGL.so.1", "libegl1"),
     ("libdbus-1.so.3", "libdbus-1-3"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0")],
)
def test_debian_names_library_packages_after_their_soname(soname, package) -> None:
    assert debian_package(soname) == package


# fonts and icons -------------------------------------------------------------------------
def test_the_bundled_fonts_load(qapp) -> None:
    from kiosk.ui.drawing.theme import register_fonts

    assert status(files.fonts_result(register_fonts(), resource_dir("fonts"))) == "OK"


def test_a_missing_inter_fails() -> None:
    found = files.fonts_result(("DejaVu Sans",), Path("/nowhere"))
    assert status(found) == "FAIL" and "fallback font" in found.message


def test_every_shipped_icon_is_a_valid_svg(qapp) -> None:
    names = ["globe", "handshake", "placeholder"]
    assert files.broken_icons(names, resource_dir("icons"), svg_is_valid) == []
    assert status(files.icons_result([], 15, resource_dir("icons"))) == "OK"


def test_missing_or_broken_icons_fail(qapp, tmp_path) -> None:
    (tmp_path / "globe.svg").write_text("<svg broken", encoding="utf-8")
    broken = files.broken_icons(["globe", "handshake"], tmp_path, svg_is_valid)
    assert broken == ["globe", "handshake"]
    found = files.icons_result(broken, 15, tmp_path)
    assert status(found) == "FAIL" and "globe, handshake" in found.message


# content, pictures, PIN ------------------------------------------------------------------
def located(path: Path, origin: str = FROM_OPTION):
    location = ContentLocation(path, origin)
    return location, load(path)


def custom_pin_document() -> dict:
    """The shipped story (no warnings) with a booth's own PIN."""
    document = json.loads(story_file().read_text(encoding="utf-8"))
    document.pop("$schema")
    document["settings"]["admin_pin"] = "73914"
    return document


def test_valid_content_passes_and_says_where_it_came_from(tmp_path) -> None:
    location, loaded = located(write_content(tmp_path, custom_pin_document()))
    found = content.content_result(location, loaded)
    assert status(found) == "OK"
    assert f"{location.path} (from --content): 6 panels, no problems" == found.message


def test_broken_content_fails_with_its_first_error(tmp_path) -> None:
    path = tmp_path / "content.json"
    path.write_text('{"languages": ["en",]}', encoding="utf-8")
    found = content.content_result(*located(path))
    assert status(found) == "FAIL" and "content.json:1:20" in found.message
    assert found.fix is not None and found.fix.startswith(f"kiosk validate {path}")


def test_content_with_warnings_and_the_shipped_story_are_to_look_at(tmp_path) -> None:
    with_warnings = write_content(tmp_path, sample_document())  # "same text in every language"
    assert status(content.content_result(*located(with_warnings))) == "WARN"
    found = content.content_result(*located(story_file(), FROM_SHIPPED))
    assert status(found) == "WARN" and found.fix is not None and "kiosk init" in found.fix


def test_a_booth_that_never_opens_is_named_first_by_the_content_check(tmp_path) -> None:
    # h12 V4: doctor passed a schedule that never opens: the closed screen for ever
    document = custom_pin_document()
    document["panels"][0]["title"] = {"en": "", "fr": "Les producteurs"}  # a panel's warning
    document["schedule"] = {"hours": {"mon": "closed"}}
    path = write_content(tmp_path, document)
    location, loaded = located(path)
    found = content.content_result(location, loaded)
    never = next(p for p in loaded.problems if p.path == "schedule.hours")
    assert status(found) == "WARN"
    assert found.message.endswith(f"; first: {format_problem(never, path.name)}")
    assert "the booth never opens" in found.message


def test_video_panels_say_whether_they_will_play(tmp_path, monkeypatch) -> None:
    document = custom_pin_document()
    assert content.videos_result(load(write_content(tmp_path, document))).status == "OK"
    document["panels"].append({"id": "clip", "kind": "video", "video": "media/clip.mp4"})
    path = write_content(tmp_path, document)
    monkeypatch.setattr(content, "video_support", lambda: "libmpv is missing")
    found = content.videos_result(load(path))
    assert found.status == "WARN" and "1 video panel(s) will show their poster" in found.message
    assert found.fix is not None and "libmpv2" in found.fix
    monkeypatch.setattr(content, "video_support", lambda: None)
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00")
    document["panels"][-1]["poster"] = "pictures/clip.png"
    path = write_content(tmp_path, document)
    assert content.videos_result(load(path)).status == "OK"


def test_a_video_file_validate_names_is_named_by_the_videos_check(tmp_path, monkeypatch) -> None:
    # the pictures check names pictures only; a missing or foreign video is named here
    monkeypatch.setattr(content, "video_support", lambda: None)
    document = custom_pin_document()
    document["panels"].append({"id": "clip", "kind": "video", "video": "media/clip.avi",
                               "poster": "pictures/clip.png"})
    path = write_content(tmp_path, document)
    loaded = load(path)
    found = content.videos_result(loaded, path.name)
    (line,) = [format_problem(p, path.name) for p in loaded.problems if p.path.endswith("video")]
    assert status(found) == "WARN" and found.message.splitlines()[1:] == [line]
    assert "video 'media/clip.avi' not found" in line


def test_pictures_present_pass_and_missing_ones_are_named(tmp_path) -> None:
    document = sample_document()
    document["panels"][0]["image"] = "pictures/crew.png"
    path = write_content(tmp_path, document)
    found = content.pictures_result(*located(path))
    assert status(found) == "WARN" and "pictures/crew.png" in found.message
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "crew.png").write_bytes(png_header(1920, 1080))
    assert content.pictures_result(*located(path)).message == "all 1 present and readable"


def test_every_picture_validate_names_is_named_in_its_words(tmp_path) -> None:
    # h12 V3: doctor named only missing files; a placeholder shows for all of these
    pictures = {"text.jpg": b"not a picture", "bomb.png": png_header(40000, 40000, 1, 0),
                "trunc.png": png_header(1920, 1080)[:-12], "good.png": png_header(1920, 1080),
                "phone.jpg": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"}
    (tmp_path / "pictures").mkdir()
    for name, data in pictures.items():
        (tmp_path / "pictures" / name).write_bytes(data)
    document = sample_document()
    document["panels"] = [{"id": f"p{index}", "kind": "photo", "image": f"pictures/{name}"}
                          for index, name in enumerate([*pictures, "gone.png"])]
    path = write_content(tmp_path, document)
    location, loaded = located(path)
    found = content.pictures_result(location, loaded)
    assert status(found) == "WARN" and found.message.startswith("5 of 6 to look at")
    validate = [format_problem(p, path.name) for p in loaded.problems if "image" in p.path]
    assert found.message.splitlines()[1:] == validate and len(validate) == 5
    assert "good.png" not in found.message
    for name in ("text.jpg", "bomb.png", "trunc.png", "phone.jpg", "gone.png"):
        assert f"'pictures/{name}'" in found.message


def test_the_shipped_pin_is_flagged_and_a_booth_pin_passes(tmp_path) -> None:
    _, shipped = located(write_content(tmp_path / "a", sample_document()))
    found = content.pin_result(shipped)
    assert status(found) == "WARN" and "2468" in found.message
    _, custom = located(write_content(tmp_path / "b", custom_pin_document()))
    assert status(content.pin_result(custom)) == "OK"


# data folder, free space, event database ---------------------------------------------------
def test_a_writable_data_folder_passes(tmp_path) -> None:
    assert status(storage.folder_result(tmp_path / "data")) == "OK"


def test_a_data_folder_that_cannot_be_written_fails(tmp_path) -> None:
    found = storage.folder_result(tmp_path, writable=lambda _folder: False)
    assert status(found) == "FAIL" and "temporary folder" in found.message


@pytest.mark.parametrize(
    ("free", "expected"), [(10 * MB, "FAIL"), (200 * MB, "WARN"), (5000 * MB, "OK"), (None, "WARN")]
)
def test_free_space(tmp_path, free, expected) -> None:
    assert status(storage.space_result(tmp_path, free)) == expected


def test_free_space_is_measured_on_the_nearest_existing_folder(tmp_path) -> None:
    free = storage.free_bytes(tmp_path / "not" / "yet")
    assert free is not None and free > 0


def test_an_intact_event_database_passes_and_none_yet_too(tmp_path) -> None:
    assert status(storage.events_result(tmp_path)) == "OK"
    log = EventLog(tmp_path / "events.sqlite3")
    log.panel_shown("welcome", "en", 0.0)
    log.close(1.0)
    found = storage.events_result(tmp_path)
    assert status(found) == "OK" and "intact" in found.message


def test_a_damaged_event_database_fails(tmp_path) -> None:
    (tmp_path / "events.sqlite3").write_bytes(b"SQLite format 3\0" + b"\x13" * 4000)
    found = storage.events_result(tmp_path)
    assert status(found) == "FAIL" and "damaged" in found.message
    conn = sqlite3.connect(tmp_path / "other.sqlite3")
    conn.execute("CREATE TABLE x (y)")
    conn.close()
    (tmp_path / "other.sqlite3").rename(tmp_path / "events.sqlite3")
    assert "no table interactions, showings" in storage.events_result(tmp_path).message


# screen blanking ---------------------------------------------------------------------------
XSET_BLANKS = """\
Screen Saver:
  prefer blanking:  yes    allow exposures:  yes
  timeout:  600    cycle:  600
DPMS (Energy Star):
  Standby: 0    Suspend: 0    Off: 900
  DPMS is Enabled
  Monitor is On
"""
XSET_AWAKE = """\
Screen Saver:
  prefer blanking:  no    allow exposures:  yes
  timeout:  0    cycle:  600
DPMS (Energy Star):
  Standby: 600    Suspend: 600    Off: 600
  DPMS is Disabled
"""


def test_x11_that_would_blank_fails_with_both_culprits() -> None:
    found = blanking.blanking_result(blanking.x11_blanking(XSET_BLANKS))
    assert status(found) == "FAIL"
    assert "screen saver blanks the screen after 600 s" in found.message
    assert "DPMS (the screen's power saving) blanks the screen after 900 s" in found.message
    assert found.fix is not None and "keep-awake.sh" in found.fix


def test_x11_with_blanking_off_passes() -> None:
    assert status(blanking.blanking_result(blanking.x11_blanking(XSET_AWAKE))) == "OK"


def test_wayland_idle_daemons_and_gnome_idle_delay_fail() -> None:
    found = blanking.wayland_blanking(["labwc", "swayidle", "kiosk"], "uint32 300")
    assert [b.by for b in found] == ["swayidle", "GNOME's screen blank"]
    assert status(blanking.blanking_result(found)) == "FAIL"
    assert blanking.wayland_blanking(["labwc"], "uint32 0") == []
    assert blanking.wayland_blanking(["labwc"], None) == []


def test_blanking_is_looked_up_with_the_right_tool() -> None:
    asked: list[list[str]] = []

    def run(command: list[str]) -> str:
        asked.append(command)
        return XSET_AWAKE

    assert blanking.find_blanking("xcb", {"DISPLAY": ":3"}, run) == []
    assert asked == [["xset", "-display", ":3", "q"]]
    assert blanking.find_blanking("xcb", {"DISPLAY": ":3"}, lambda _c: None) is None
    assert blanking.find_blanking("offscreen", {}, run) is None


def test_blanking_that_cannot_be_checked_is_a_warning() -> None:
    assert status(blanking.blanking_result(None)) == "WARN"


def test_blanking_is_fine_for_a_booth_with_no_opening_hours_ahead() -> None:
    hours = blanking.BoothHours(False, "the schedule has no opening hours ahead")
    found = blanking.blanking_result(blanking.x11_blanking(XSET_BLANKS), hours)
    assert status(found) == "OK" and "never during opening hours" in found.message


def test_a_booth_closed_now_still_fails_when_dpms_would_blank_during_its_hours() -> None:
    content = sample_content(schedule={"hours": {"sat": "10:00-18:00"},
                                       "timezone": "America/Toronto"})
    friday_night = datetime(2026, 12, 4, 23, 0, tzinfo=TORONTO).timestamp()
    hours = blanking.booth_hours(content, friday_night, UTC)
    assert hours == blanking.BoothHours(True, "next open Saturday 2026-12-05 10:00")
    found = blanking.blanking_result(blanking.x11_blanking(XSET_BLANKS), hours)
    assert status(found) == "FAIL"
    assert "DPMS (the screen's power saving) blanks the screen after 900 s" in found.message
    assert "during opening hours (next open Saturday 2026-12-05 10:00)" in found.message


def test_the_blanking_check_says_when_the_kiosk_switches_the_screen_off_itself() -> None:
    content = sample_content(schedule={"hours": {"sat": "10:00-18:00"},
                                       "outside_hours": "screen_off",
                                       "timezone": "America/Toronto"})
    saturday = datetime(2026, 12, 5, 11, 0, tzinfo=TORONTO).timestamp()
    hours = blanking.booth_hours(content, saturday, UTC)
    assert hours == blanking.BoothHours(True, "open now, until Saturday 2026-12-05 18:00", True)
    found = blanking.blanking_result(blanking.x11_blanking(XSET_AWAKE), hours)
    assert status(found) == "OK"
    assert "outside opening hours the kiosk switches the display off itself" in found.message
    assert blanking.booth_hours(sample_content(), saturday, UTC) == blanking.ALWAYS_OPEN


XSET_WITHOUT_DPMS = """\
Screen Saver:
  prefer blanking:  no    allow exposures:  yes
  timeout:  0    cycle:  600
DPMS (Energy Star):
  Server does not have the DPMS Extension
"""


def test_the_blanking_check_says_when_the_x_server_has_no_dpms() -> None:
    """xset dpms force off then does nothing (and exits 0): the screen cannot go off (O7)."""
    assert blanking.dpms_missing("xcb", {"DISPLAY": ":3"}, lambda _c: XSET_WITHOUT_DPMS)
    assert not blanking.dpms_missing("xcb", {"DISPLAY": ":3"}, lambda _c: XSET_AWAKE)
    assert not blanking.dpms_missing("wayland", {}, lambda _c: XSET_WITHOUT_DPMS)
    hours = blanking.BoothHours(True, "open now", screen_off=True)
    found = blanking.blanking_result(blanking.x11_blanking(XSET_WITHOUT_DPMS), hours, True)
    assert status(found) == "WARN"
    assert "cannot switch the display off: the X server has no DPMS" in found.message
    always = blanking.blanking_result(blanking.x11_blanking(XSET_WITHOUT_DPMS), no_dpms=True)
    assert status(always) == "OK"  # no schedule switches it off: nothing is missing


# clock ---------------------------------------------------------------------------------------
def test_a_clock_in_1970_fails() -> None:
    found = clock.clock_result(0.0)
    assert status(found) == "FAIL" and "1970-01-01" in found.message


def test_a_clock_in_2026_passes() -> None:
    assert clock.clock_result(1_795_000_000.0) == ok("clock", "2026-11-18 11:06 UTC")


# output and the command ------------------------------------------------------------------------
def test_text_output_has_a_line_per_check_the_fix_below_and_a_summary() -> None:
    results = [ok("clock", "fine"), warn("pin", "default", "change it"), fail("x", "y", "z")]
    text = format_text(results)
    lines = text.splitlines()
    assert lines[0].startswith("OK   clock") and lines[2].strip() == "fix: change it"
    assert lines[-1] == "1 failed, 1 to look at, 1 passed."


def test_a_message_of_several_lines_keeps_the_table_indent() -> None:
    lines = format_text([warn("pictures", "2 of 3:\nfirst line\nsecond", "fix")]).splitlines()
    assert lines[:3] == ["WARN pictures         2 of 3:", " " * 22 + "first line",
                         " " * 22 + "second"]


def test_json_output_is_for_monitoring() -> None:
    document = json.loads(format_json([ok("clock", "fine"), fail("x", "y", "z")]))
    assert document["ok"] is False
    assert document["checks"][1] == {"name": "x", "status": "FAIL", "message": "y", "fix": "z"}


def doctor(capsys, content_path: Path, data_dir: Path) -> tuple[int, dict]:
    code = main(["doctor", "--json", "--content", str(content_path), "--data-dir", str(data_dir)])
    return code, json.loads(capsys.readouterr().out)


def test_doctor_exits_0_when_nothing_fails(qapp, tmp_path, capsys) -> None:
    code, report = doctor(capsys, write_content(tmp_path, custom_pin_document()), tmp_path / "d")
    names = [check["name"] for check in report["checks"]]
    assert names == ["display", "screen", "qt libraries", "fonts", "icons", "content", "pictures",
                     "videos", "pin", "data folder", "free space", "event database",
                     "screen blanking", "clock"]
    assert report["ok"] is True and code == 0
    assert not [c for c in report["checks"] if c["status"] == "FAIL"]


def test_doctor_exits_1_when_a_check_fails(qapp, tmp_path, capsys) -> None:
    broken = tmp_path / "content.json"
    broken.write_text("{", encoding="utf-8")
    code, report = doctor(capsys, broken, tmp_path / "d")
    assert code == 1 and report["ok"] is False
    assert {c["name"] for c in report["checks"] if c["status"] == "FAIL"} == {"content"}
