"""Qt's own messages (qDebug, qWarning, qCritical, qFatal) go to the kiosk's log.

Without this Qt prints to stderr, which nobody reads on a booth PC. Messages go to
the ``qt`` logger with their category. Whatever Qt would have printed by itself
reaches the log: its plain ``qDebug`` messages (the ``default`` category, on unless
switched off; Qt's Wayland platform speaks this way, e.g. "Buffer already committed,
not attaching.") are logged at INFO, not dropped as debug chatter; the debug
messages of named categories, which Qt prints only when asked (QT_LOGGING_RULES),
stay at DEBUG. The same message repeated within a minute is logged once, then
counted. The handler never raises.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from kiosk.core.records.paths import MessageThrottle

LOGGER_NAME = "qt"
DEFAULT_CATEGORY = "default"
MAX_REMEMBERED = 64  # distinct messages whose repeats are counted

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

_repeats = MessageThrottle(remembered=MAX_REMEMBERED)


def level_of(kind: QtMsgType, category: str | None) -> int:
    """The logging level of a Qt message: as Qt ranks it, but never below what Qt prints."""
    level = LEVELS.get(kind, logging.WARNING)
    if kind == QtMsgType.QtDebugMsg and (category or DEFAULT_CATEGORY) == DEFAULT_CATEGORY:
        return logging.INFO
    return level


def qt_message_to_log(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Log one Qt message at its level (repeats within a minute counted); never raises."""
    try:
        category = _category(context)
        held = _held_back(message)
        if held is None:
            return
        where = f" [{category}]" if category and category != DEFAULT_CATEGORY else ""
        again = f" ({held} repeats held back)" if held else ""
        level = level_of(kind, category)
        logging.getLogger(LOGGER_NAME).log(level, "%s%s%s", message, where, again)
    except Exception:  # a log handler must never take the kiosk down
        pass


def _category(context: QMessageLogContext | None) -> str | None:
    try:
        return None if context is None else context.category
    except Exception:  # the message matters more than its category
        return None


def _held_back(message: str) -> int | None:
    """None while `message` repeats within a minute; else how many repeats were held back."""
    return _repeats.held_back(message, time.monotonic())


def install_qt_message_handler() -> object:
    """Route Qt's messages to logging; return the previous handler (to restore it)."""
    _repeats.forget()
    return qInstallMessageHandler(qt_message_to_log)

