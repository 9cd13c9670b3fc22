"""`kiosk doctor`: every check a booth operator needs when something looks wrong.

Each concern has its own module (display and screen, files, content, storage,
blanking, clock); each check is a function from what was found to a `Result`, so
it is tested without the machine it describes. `run_checks` gathers the facts
from this machine and runs them all, in the order an operator would fix things.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.core.content.location import ContentLocation
from kiosk.display import Display, DisplayUnavailable, find_display
from kiosk.doctor.result import Result

__all__ = ["Result", "run_checks"]


def run_checks(
    location: ContentLocation,
    data_dir: Path | None,
    wall: Callable[[], float] = time.time,
) -> list[Result]:
    """Check this machine for everything a booth needs.

    Parameters
    ----------
    location
        The content the kiosk would read.
    data_dir
        The data folder asked for (``--data-dir``), or None for the usual one.
    wall
        The wall clock.

    Returns
    -------
    list of Result
        Display, screen, Qt libraries, fonts, icons, content, pictures, videos, PIN, data
        folder, free space, event database, screen blanking, clock.
    """
    from kiosk.core.content.load import load
    from kiosk.core.content.model import ICON_NAMES
    from kiosk.core.records.localtime import local_zone
    from kiosk.core.records.paths import preferred_data_dir
    from kiosk.doctor import blanking, clock, content, files, screen, storage
    from kiosk.doctor.qt import ask_qt, svg_is_valid
    from kiosk.qtlibs import missing_libraries
    from kiosk.shipped import resource_dir

    display, problem = _display()
    facts = ask_qt(display)
    if facts.qt_error is not None:
        display, problem = None, facts.qt_error
    platform = screen.platform_to_check(display, os.environ)
    linux = sys.platform.startswith("linux")
    loaded = load(location.path)
    folder = preferred_data_dir(data_dir)
    icons = [*ICON_NAMES, "placeholder"]
    broken = files.broken_icons(icons, resource_dir("icons"), svg_is_valid)
    return [
        screen.display_result(display, problem),
        screen.screen_result(facts.screens),
        screen.libraries_result(platform if linux else "", missing_libraries(platform)),
        files.fonts_result(facts.families, resource_dir("fonts")),
        files.icons_result(broken, len(icons), resource_dir("icons")),
        content.content_result(location, loaded),
        content.pictures_result(location, loaded),
        content.videos_result(loaded, location.path.name),
        content.pin_result(loaded),
        storage.folder_result(folder),
        storage.space_result(folder, storage.free_bytes(folder)),
        storage.events_result(folder),
        blanking.blanking_result(
            None if display is None else blanking.find_blanking(display.platform, os.environ),
            blanking.booth_hours(loaded.content, wall(), local_zone()),
            display is not None and blanking.dpms_missing(display.platform, os.environ),
        ),
        clock.clock_result(wall()),
    ]


def _display() -> tuple[Display | None, str | None]:
    """The display the kiosk would use, or None and why there is none."""
    try:
        return find_display(), None
    except DisplayUnavailable as exc:
        return None, exc.reason
