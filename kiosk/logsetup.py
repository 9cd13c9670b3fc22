"""Logging for an unattended kiosk: a rotating file in the data folder, and stderr.

Nothing here may stop the kiosk: a log file that cannot be opened leaves
stderr only; a log file that cannot be written later (disk full) prints one
short notice a minute instead of a traceback per line; an uncaught exception
is logged and the kiosk goes on. Qt-free.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

from kiosk.core.records.paths import LOG_FILE, LogThrottle

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

_MARK = "_kiosk_handler"
log = logging.getLogger(__name__)


class _QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler whose write errors print one line a minute, no traceback."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        self._throttle = LogThrottle()

    def handleError(self, record: logging.LogRecord) -> None:
        """Tell stderr, at most once a minute, that the log file cannot be written."""
        if not self._throttle.ready(time.monotonic()) or sys.stderr is None:
            return
        error = sys.exc_info()[1]
        try:
            sys.stderr.write(f"kiosk: cannot write the log file {self.baseFilename}: {error}\n")
        except (OSError, ValueError):
            pass


def configure_logging(
    data_dir: Path | None, level: int = logging.INFO, stderr: bool = True
) -> Path | None:
    """Send the root logger to ``data_dir/kiosk.log`` (1 MB x 5) and to stderr.

    Calling it again replaces the handlers it added before, so it never
    duplicates lines; handlers added by others (e.g. pytest) are left alone.

    Parameters
    ----------
    data_dir
        The data folder, or None for stderr only.
    level
        The root logger's level.
    stderr
        Also log to standard error.

    Returns
    -------
    Path | None
        The log file, or None when logging goes to stderr only.
    """
    root = logging.getLogger()
    _remove_ours(root)
    root.setLevel(level)
    formatter = logging.Formatter(LOG_FORMAT)
    if stderr and sys.stderr is not None:
        _add(root, logging.StreamHandler(sys.stderr), formatter)
    if data_dir is None:
        return None
    path = data_dir / LOG_FILE
    try:
        handler = _QuietRotatingFileHandler(path)
    except OSError as exc:
        log.warning("cannot open the log file %s (%s); logging to stderr only", path, exc)
        return None
    _add(root, handler, formatter)
    return path


def _add(root: logging.Logger, handler: logging.Handler, formatter: logging.Formatter) -> None:
    handler.setFormatter(formatter)
    setattr(handler, _MARK, True)
    root.addHandler(handler)


def _remove_ours(root: logging.Logger) -> None:
    for handler in list(root.handlers):
        if getattr(handler, _MARK, False):
            root.removeHandler(handler)
            try:
                handler.close()
            except (OSError, ValueError):
                pass


def shutdown_logging() -> None:
    """Flush and close the handlers that `configure_logging` added."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _MARK, False):
            try:
                handler.flush()
            except (OSError, ValueError):
                pass
    _remove_ours(root)


def install_excepthook() -> None:
    """Log uncaught exceptions (main thread and other threads) instead of printing them.

    A Ctrl-C still ends the process the usual way.
    """
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_thread_exception


def _log_uncaught(
    kind: type[BaseException],
    value: BaseException,
    traceback: TracebackType | None,
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, traceback)
        return
    logging.getLogger("kiosk").error(
        "unexpected error; the kiosk goes on", exc_info=(kind, value, traceback)
    )


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "unknown"
    logging.getLogger("kiosk").error(
        "unexpected error in thread %s; the kiosk goes on",
        name,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )
