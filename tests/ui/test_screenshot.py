"""screenshot.png: what visitors see, every few minutes, never while the PIN pad is open."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import cast

from PySide6.QtGui import QImage

from kiosk.core.records.paths import SCREENSHOT_FILE
from kiosk.core.show.pinpad import UNTOUCHED_SECONDS
from kiosk.ui.app import KioskApp
from kiosk.ui.screenshot import FIRST_SECONDS, MAX_WIDTH, png_bytes
from tests.support import FakeClock, write_content
from tests.ui.support import KioskApps, running_kiosk, tick

MINUTE = 60.0


def shot(kiosk: KioskApp) -> Path:
    return kiosk.data_dir / SCREENSHOT_FILE


def run_for(kiosk: KioskApp, seconds: float) -> None:
    """Let the fake clock run, ticking when the app asks to, as its ticker would."""
    clock = cast(FakeClock, kiosk.clock)
    end = clock.now + seconds
    while clock.now < end:
        due = kiosk.tick(clock.now)
        clock.now = end if due is None else min(max(due, clock.now + 0.001), end)
    kiosk.tick(end)


def settle(qtbot, kiosk: KioskApp) -> None:
    """Wait for the first frame, then run the kiosk until the first screenshot is due."""
    qtbot.waitUntil(lambda: kiosk.first_frame_shown)
    run_for(kiosk, FIRST_SECONDS + 3.0)


def test_the_first_screenshot_is_what_visitors_see_scaled_to_960(qtbot, tmp_path) -> None:
    with running_kiosk(qtbot, tmp_path, windowed=True) as kiosk:
        settle(qtbot, kiosk)
        assert shot(kiosk).exists()
        saved = QImage(str(shot(kiosk)))
        assert (saved.width(), saved.height()) == (MAX_WIDTH, 540)  # from 1280x720
        taken = kiosk.screenshots.taken_at
        assert taken is not None and kiosk.show.entered_at <= taken  # this panel, settled
        assert kiosk.show.is_still(kiosk.clock())
        assert shot(kiosk).read_bytes() == png_bytes(kiosk.window.grab())
        assert stat.S_IMODE(shot(kiosk).stat().st_mode) == 0o644
        assert not [p for p in kiosk.data_dir.iterdir() if p.name.endswith(".tmp")]


def test_screenshots_come_every_ten_minutes_by_default(qtbot, tmp_path) -> None:
    with running_kiosk(qtbot, tmp_path, windowed=True) as kiosk:
        settle(qtbot, kiosk)
        first = kiosk.screenshots.taken_at
        assert first is not None
        assert kiosk.screenshots.due() == first + 10 * MINUTE
        run_for(kiosk, 9 * MINUTE)
        assert kiosk.screenshots.taken_at == first
        run_for(kiosk, MINUTE + 5)
        second = kiosk.screenshots.taken_at
        assert second is not None and first + 10 * MINUTE <= second < first + 10 * MINUTE + 5


def test_never_while_the_pin_pad_is_open(qtbot, tmp_path) -> None:
    with running_kiosk(qtbot, tmp_path) as kiosk:
        settle(qtbot, kiosk)
        due = kiosk.screenshots.due()
        assert due is not None
        run_for(kiosk, due - kiosk.clock() - 1.0)
        taken = kiosk.screenshots.taken_at
        kiosk.request_admin()
        assert kiosk.pinpad.is_open
        run_for(kiosk, UNTOUCHED_SECONDS - 1.0)  # due, the panel settles, the pad stays up
        assert kiosk.pinpad.is_open and kiosk.show.is_still(kiosk.clock())
        assert kiosk.screenshots.taken_at == taken
        run_for(kiosk, 5.0)  # the untouched pad closes by itself; the picture follows
        assert not kiosk.pinpad.is_open
        assert kiosk.screenshots.taken_at is not None and kiosk.screenshots.taken_at > due


def test_zero_minutes_turns_screenshots_off(qtbot, tmp_path) -> None:
    document = {
        "languages": ["en"],
        "default_language": "en",
        "settings": {"screenshot_minutes": 0},
        "panels": [{"id": "a", "kind": "title", "title": "Hello"}],
    }
    apps = KioskApps(tmp_path)
    try:
        kiosk = apps.build(write_content(tmp_path / "c", document), size=(640, 360))
        kiosk.start()
        settle(qtbot, kiosk)
        tick(kiosk, 30 * MINUTE)
        assert kiosk.screenshots.due() is None
        assert not shot(kiosk).exists()
    finally:
        apps.shutdown_all()


def test_a_small_window_is_not_enlarged() -> None:
    image = QImage(640, 360, QImage.Format.Format_RGB32)
    image.fill(0x123456)
    saved = QImage.fromData(png_bytes(image))
    assert (saved.width(), saved.height()) == (640, 360)
