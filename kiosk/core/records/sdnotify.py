"""Tell systemd the kiosk is ready and alive (sd_notify), with no extra dependency.

When the kiosk runs as a `Type=notify` unit with `WatchdogSec=`, systemd passes a
socket address in $NOTIFY_SOCKET: the kiosk sends READY=1 once it shows content and
WATCHDOG=1 with every heartbeat, so a kiosk whose event loop hangs is restarted.
Elsewhere (no $NOTIFY_SOCKET, Windows) every call is a harmless no-op.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping


def notify(message: str, env: Mapping[str, str] | None = None) -> bool:
    """Send `message` (e.g. "WATCHDOG=1") to systemd; True if it was sent."""
    address = (os.environ if env is None else env).get("NOTIFY_SOCKET", "")
    if not address or not hasattr(socket, "AF_UNIX"):
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))
    except OSError:
        return False
    return True
