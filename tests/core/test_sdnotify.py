import socket
from pathlib import Path

from kiosk.core.records.sdnotify import notify


def test_without_notify_socket_nothing_is_sent() -> None:
    assert notify("WATCHDOG=1", env={}) is False


def test_message_reaches_the_socket(tmp_path: Path) -> None:
    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(address)
        assert notify("WATCHDOG=1", env={"NOTIFY_SOCKET": address}) is True
        assert server.recv(64) == b"WATCHDOG=1"


def test_an_unreachable_socket_is_not_an_error(tmp_path: Path) -> None:
    assert notify("READY=1", env={"NOTIFY_SOCKET": str(tmp_path / "gone")}) is False
