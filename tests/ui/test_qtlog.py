"""Qt's own messages reach the log: whatever Qt would print by itself, and repeats counted."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import (
    QLoggingCategory,
    QtMsgType,
    qCDebug,
    qDebug,
    qInstallMessageHandler,
    qWarning,
)

from kiosk.ui import qtlog
from kiosk.ui.qtlog import install_qt_message_handler, level_of


@pytest.fixture
def qt_log(caplog):
    """Qt's messages routed to the log for one test; the records of the ``qt`` logger."""
    caplog.set_level(logging.DEBUG, logger="qt")
    previous = install_qt_message_handler()
    yield lambda: [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "qt"]
    qInstallMessageHandler(previous)  # type: ignore[arg-type]


def test_plain_qdebug_which_qt_prints_by_itself_is_logged_at_info(qt_log) -> None:
    qDebug("Buffer already committed, not attaching.")  # Qt's Wayland platform says this
    assert qt_log() == [(logging.INFO, "Buffer already committed, not attaching.")]


def test_warnings_keep_their_level_and_category(qt_log) -> None:
    qWarning("The Wayland connection broke. Did the Wayland compositor die?")
    assert qt_log() == [(logging.WARNING,
                         "The Wayland connection broke. Did the Wayland compositor die?")]


def test_debug_of_a_named_category_stays_debug() -> None:
    assert level_of(QtMsgType.QtDebugMsg, "qt.qpa.wayland") == logging.DEBUG
    assert level_of(QtMsgType.QtDebugMsg, "default") == logging.INFO
    assert level_of(QtMsgType.QtCriticalMsg, "qt.qpa.xcb") == logging.ERROR


def test_a_categorised_debug_message_switched_on_is_logged_with_its_category(qt_log) -> None:
    category = QLoggingCategory("qt.kiosk.test")
    category.setEnabled(QtMsgType.QtDebugMsg, True)
    qCDebug(category, "hello")
    assert qt_log() == [(logging.DEBUG, "hello [qt.kiosk.test]")]


def test_a_repeated_message_is_logged_once_then_counted(qt_log, monkeypatch) -> None:
    now = [100.0]
    monkeypatch.setattr(qtlog.time, "monotonic", lambda: now[0])
    for _ in range(5):
        qWarning("again")
    now[0] += 61.0
    qWarning("again")
    assert [message for _, message in qt_log()] == ["again", "again (4 repeats held back)"]


def test_the_handler_never_raises() -> None:
    qtlog.qt_message_to_log(QtMsgType.QtWarningMsg, None, "no context")  # type: ignore[arg-type]
    qtlog.qt_message_to_log(QtMsgType.QtWarningMsg, object(), None)  # type: ignore[arg-type]
