"""mpv for video panels (the optional `video` extra): loaded once, or why it cannot be.

python-mpv binds the system's libmpv (Debian and Raspberry Pi OS: ``libmpv2``). Its
1.0 releases do not declare libmpv's software render API, which the kiosk uses to
get frames as images; `load_mpv` adds those declarations. Qt-free, so `kiosk doctor`
can say whether videos will play.
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import Any

INSTALL_EXTRA = "pip install 'producers-story-kiosk[video]'"
INSTALL_LIBMPV = "apt install libmpv2"


@cache
def load_mpv() -> Any:
    """The python-mpv module, its software render API declared.

    Raises
    ------
    ImportError
        python-mpv is not installed.
    OSError
        libmpv is not on the system.
    """
    import mpv

    class SwSize(ctypes.Structure):
        _fields_ = [("w", ctypes.c_int), ("h", ctypes.c_int)]

    class SwStride(ctypes.Structure):
        _fields_ = [("stride", ctypes.c_size_t)]

    mpv.MpvRenderParam.TYPES.setdefault("sw_size", (17, SwSize))  # libmpv's render.h
    mpv.MpvRenderParam.TYPES.setdefault("sw_format", (18, str))
    mpv.MpvRenderParam.TYPES.setdefault("sw_stride", (19, SwStride))
    mpv.MpvRenderParam.TYPES.setdefault("sw_pointer", (20, ctypes.c_void_p))
    return mpv


def video_support() -> str | None:
    """None when videos can play here, else why not, in words for the log."""
    try:
        load_mpv()
    except ImportError:
        return f"the video player is not installed ({INSTALL_EXTRA})"
    except OSError as error:
        return f"libmpv is missing ({INSTALL_LIBMPV}): {error}"
    return None
