"""Which system libraries a Qt platform plugin needs and the machine lacks (Linux).

PySide6's wheels carry Qt itself but not every system library its X11 plugin links
to (``libxcb-cursor0`` is the classic one): without them Qt cannot load the plugin.
``ldd`` on the plugin lists what is missing, without loading anything into the kiosk.
Used by `kiosk doctor` and to explain a Qt start that failed. Qt-free.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

PLUGIN_FILES = {"xcb": "libqxcb.so", "wayland": "libqwayland*.so"}
NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)

Runner = Callable[[list[str]], str]


def _ldd(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, timeout=20, check=False).stdout


def plugin_path(platform: str) -> Path | None:
    """The Qt platform plugin file for `platform` in the installed PySide6, if any."""
    pattern = PLUGIN_FILES.get(platform.split("-")[0])
    spec = importlib.util.find_spec("PySide6")
    if pattern is None or spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"
    return next(iter(sorted(folder.glob(pattern))), None)


def missing_libraries(platform: str, run: Runner = _ldd) -> list[str] | None:
    """The libraries (sonames) the plugin of `platform` needs and cannot find.

    Returns
    -------
    list of str or None
        Empty when nothing is missing; None when it cannot be told (no plugin for this
        platform, no ``ldd``, not Linux).
    """
    path = plugin_path(platform)
    if path is None:
        return None
    try:
        output = run(["ldd", str(path)])
    except (OSError, subprocess.SubprocessError):
        return None
    return sorted(set(NOT_FOUND.findall(output)))


def debian_package(soname: str) -> str:
    """The Debian (and Raspberry Pi OS, Ubuntu) package that usually ships `soname`.

    Debian names a library package after its soname: ``libxcb-cursor.so.0`` is in
    ``libxcb-cursor0``, ``libdbus-1.so.3`` in ``libdbus-1-3``.
    """
    name, _, version = soname.partition(".so.")
    name = name.lower()
    if not version:
        return name
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_libraries_hint(platform: str, run: Runner = _ldd) -> str | None:
    """One clause that says which libraries to install, or None when none are missing."""
    missing = missing_libraries(platform, run)
    if not missing:
        return None
    packages = " ".join(sorted({debian_package(soname) for soname in missing}))
    return f"Qt's {platform} platform needs {', '.join(missing)}: sudo apt install {packages}"
