"""SIGTERM and SIGINT end the kiosk cleanly, even while Qt's event loop sleeps.

Python runs signal handlers only between bytecodes; a Qt event loop idling in
C++ would delay them indefinitely. A socket pair registered with
`signal.set_wakeup_fd` wakes the loop through a QSocketNotifier instead.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

from kiosk.boot import STOP_SIGNALS

log = logging.getLogger(__name__)


class SignalBridge(QObject):
    """Calls `on_stop(signal_number)` in the Qt thread when SIGTERM or SIGINT arrives."""

    def __init__(self, on_stop: Callable[[int], None]) -> None:
        super().__init__()
        self._on_stop = on_stop
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous = {sig: signal.signal(sig, self._note) for sig in STOP_SIGNALS}
        self._pending: list[int] = []

    def _note(self, number: int, _frame: object) -> None:
        self._pending.append(number)

    def _drain(self) -> None:
        try:
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass
        pending, self._pending = self._pending, []
        for number in pending:
            log.info("received %s; stopping", signal.Signals(number).name)
            self._on_stop(number)

    def close(self) -> None:
        """Restore the previous handlers and wake-up descriptor."""
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        try:
            signal.set_wakeup_fd(self._previous_fd)
        except (OSError, ValueError):  # the previous descriptor is already closed
            signal.set_wakeup_fd(-1)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
