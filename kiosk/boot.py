"""`kiosk run` up to the moment Qt is needed: options, data folder, logging, display, content.

Start-up order matters for how soon the first panel is on screen. Everything here
is Qt-free and runs before PySide6 is imported: PySide6 inspects every module
imported after it (for its ``__feature__`` switches), so loading the content model
(pydantic) first is measurably quicker than loading it after Qt. Then
`kiosk.ui.app` takes over with the content already loaded. The display is checked
before anything slow (`kiosk.display`): without one the kiosk stops at once with a
plain sentence instead of letting Qt abort.

A SIGTERM or SIGINT that arrives during start-up, before the kiosk's own signal
bridge is in place, is noted and ends the kiosk with exit code 0 as soon as it is
safe, as it would later.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from kiosk.core.content.location import FROM_OPTION
from kiosk.core.records.paths import resolve_data_dir
from kiosk.display import DESKTOP, PLATFORM_VAR, Display, find_display
from kiosk.logsetup import configure_logging, install_excepthook

if TYPE_CHECKING:
    from kiosk.core.content.source import Source

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@dataclass(frozen=True)
class RunOptions:
    """How `kiosk run` was asked to start."""

    content_path: Path
    data_dir: Path | None = None
    windowed: bool = False
    size: tuple[int, int] | None = None
    screen: int | None = None
    content_from: str = FROM_OPTION  # where content_path was found (location.SEARCH_ORDER)

    @property
    def content_file(self) -> Path:
        """The content file as given, made absolute but never resolved.

        Symlink deploys swap ``content.json`` or a folder above it for a new release;
        the kiosk follows the links afresh at every read, so it sees the swap.
        """
        return self.content_path.absolute()


@dataclass(frozen=True)
class Prepared:
    """What start-up found before Qt: the data folder, the display, the content to show first."""

    data_dir: Path
    source: Source
    display: Display = DESKTOP


_stop_requests: list[int] = []


def _note_stop(number: int, _frame: FrameType | None) -> None:
    _stop_requests.append(number)


def install_startup_signals() -> None:
    """Note SIGTERM and SIGINT during start-up; see `stopped_during_startup`.

    The handler only notes the signal: raising from it could interrupt PySide6 half
    way through its own import. The kiosk's signal bridge replaces it later.
    """
    for number in STOP_SIGNALS:
        signal.signal(number, _note_stop)


def stopped_during_startup() -> bool:
    """True when SIGTERM or SIGINT arrived before the kiosk's signal bridge (logged once)."""
    if not _stop_requests:
        return False
    log.info("received %s during start-up; stopping", signal.Signals(_stop_requests[0]).name)
    _stop_requests.clear()
    return True


def prepare(options: RunOptions) -> Prepared:
    """Resolve the data folder, start logging, check the display and load the content.

    Parameters
    ----------
    options
        How the kiosk was asked to start.

    Returns
    -------
    Prepared
        The data folder, the display and the content source (file, last good copy or
        fallback). ``QT_QPA_PLATFORM`` is set to the platform chosen.

    Raises
    ------
    DisplayUnavailable
        When no display answers (the caller logs the sentence and exits).
    """
    from kiosk.core.content.source import initial_source  # the content model: after the signals

    data_dir = resolve_data_dir(options.data_dir)
    configure_logging(data_dir)
    install_excepthook()
    log.info(
        "kiosk starting: content %s (from %s), data %s",
        options.content_path,
        options.content_from,
        data_dir,
    )
    display = find_display()
    for note in display.notes:
        log.warning("passed over: %s", note)
    if display.platform:
        os.environ[PLATFORM_VAR] = display.qt_request()
        log.info("display: %s (Qt platform %s)", display.description, display.platform)
    source = initial_source(options.content_file, data_dir)
    return Prepared(data_dir, source, display)


M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number
MMAP_THRESHOLD_BYTES = 1 << 20


def return_big_blocks_to_the_system() -> bool:
    """Ask glibc to give every block over 1 MiB back to the system when it is freed.

    Full-screen pictures (8 MB at 1080p) come and go with every transition; by
    default glibc keeps freed ones in its heap, so a kiosk that runs all day would
    hold on to memory it no longer uses. Elsewhere (not glibc) this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
    except (OSError, AttributeError):
        return False


def run(options: RunOptions) -> int:
    """Run the kiosk until the operator, SIGTERM or SIGINT stops it; return the exit code."""
    install_startup_signals()
    return_big_blocks_to_the_system()
    prepared = prepare(options)
    if stopped_during_startup():
        return 0
    from kiosk.ui.app import run_prepared  # Qt is imported from here on

    return run_prepared(options, prepared)
