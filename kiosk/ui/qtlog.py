"""Qt's own messages (qDebug, qWarning, qCritical, qFatal) go to the kiosk's log.

Without this Qt prints to stderr, which nobody reads on a booth PC. Messages
go to the ``qt`` logger with their category; the handler never raises.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

LOGGER_NAME = "qt"

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_to_log(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Log one Qt message at the matching level; never raises."""
    try:
        category = context.category if context is not None else None
        logger = logging.getLogger(LOGGER_NAME)
        where = f" [{category}]" if category and category != "default" else ""
        logger.log(LEVELS.get(kind, logging.WARNING), "%s%s", message, where)
    except Exception:  # a log handler must never take the kiosk down
        pass


def install_qt_message_handler() -> object:
    """Route Qt's messages to logging; return the previous handler (to restore it)."""
    return qInstallMessageHandler(qt_message_to_log)


def restore_qt_message_handler(previous: object) -> None:
    """Put back the handler that `install_qt_message_handler` replaced."""
    qInstallMessageHandler(previous)  # type: ignore[arg-type]
