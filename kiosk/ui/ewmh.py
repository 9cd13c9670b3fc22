"""What the X11 window manager knows of a window, and requests to it (EWMH), through libX11.

Qt gives no way to put a window on every desktop or to read which desktop shows it;
the window manager's hints (the Extended Window Manager Hints, EWMH) do both. This
module speaks them over its own connection to the X server with `ctypes`, so nothing
beyond the libX11 every X11 desktop has is needed. `connect()` returns None where
there is no X11 (Wayland, offscreen, Windows); callers then do without.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
from functools import cache

log = logging.getLogger(__name__)

ALL_DESKTOPS = 0xFFFFFFFF
_CLIENT_MESSAGE = 33
_SUBSTRUCTURE = (1 << 19) | (1 << 20)  # SubstructureNotifyMask | SubstructureRedirectMask
_ADD = 1
_SOURCE_PAGER = 2  # requests from a pager are not subject to focus-stealing prevention
_ANY_TYPE = 0


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _Event(ctypes.Union):
    _fields_ = [("message", _ClientMessage), ("pad", ctypes.c_long * 24)]


@cache
def _xlib() -> ctypes.CDLL | None:
    """libX11, or None where it is missing."""
    name = ctypes.util.find_library("X11")
    if name is None:
        return None
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                               ctypes.POINTER(_Event)]
    lib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
        ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p),
    ]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return lib


class Ewmh:
    """A connection to the X server for one window's window-manager hints."""

    def __init__(self, lib: ctypes.CDLL, display: int, window: int) -> None:
        self.lib = lib
        self.display = display
        self.window = window
        self.root = lib.XDefaultRootWindow(display)

    def atom(self, name: str) -> int:
        """The X atom called `name`."""
        return int(self.lib.XInternAtom(self.display, name.encode(), 0))

    def cardinals(self, window: int, name: str) -> list[int]:
        """The 32-bit values of property `name` of `window` ([] when it has none)."""
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self.lib.XGetWindowProperty(
            self.display, window, self.atom(name), 0, 64, 0, _ANY_TYPE, ctypes.byref(kind),
            ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after), ctypes.byref(data),
        )
        if status != 0 or not data.value:
            return []
        try:
            if fmt.value != 32:
                return []
            values = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
            return [int(values[i]) & 0xFFFFFFFF for i in range(count.value)]
        finally:
            self.lib.XFree(data)

    def desktop(self) -> int | None:
        """The desktop the window is on (`ALL_DESKTOPS` for every one), None if unknown."""
        values = self.cardinals(self.window, "_NET_WM_DESKTOP")
        return values[0] if values else None

    def active(self) -> int | None:
        """The window the window manager says is active, None if unknown."""
        values = self.cardinals(self.root, "_NET_ACTIVE_WINDOW")
        return values[0] if values else None

    def request(self, name: str, *data: int) -> None:
        """Send the window manager the client message `name` about the window."""
        event = _Event()
        event.message.type = _CLIENT_MESSAGE
        event.message.send_event = 1
        event.message.window = self.window
        event.message.message_type = self.atom(name)
        event.message.format = 32
        for index, value in enumerate(data[:5]):
            event.message.data[index] = value
        self.lib.XSendEvent(self.display, self.root, 0, _SUBSTRUCTURE, ctypes.byref(event))
        self.lib.XFlush(self.display)

    def keep_on_every_desktop_and_above(self) -> None:
        """Ask for the window on every desktop, above every other window."""
        self.request("_NET_WM_DESKTOP", ALL_DESKTOPS, _SOURCE_PAGER)
        self.request("_NET_WM_STATE", _ADD, self.atom("_NET_WM_STATE_STICKY"),
                     self.atom("_NET_WM_STATE_ABOVE"), _SOURCE_PAGER)

    def activate(self) -> None:
        """Ask the window manager to show the window and give it the focus."""
        self.request("_NET_ACTIVE_WINDOW", _SOURCE_PAGER, 0, 0)

    def close(self) -> None:
        """Close the connection."""
        self.lib.XCloseDisplay(self.display)


def connect(window: int) -> Ewmh | None:
    """The hints of X11 window `window`, or None where there is no X11 display to ask."""
    lib = _xlib()
    if lib is None or not os.environ.get("DISPLAY"):
        return None
    display = lib.XOpenDisplay(None)
    if not display:
        log.warning("cannot open the X display to keep the kiosk in front")
        return None
    return Ewmh(lib, display, window)
