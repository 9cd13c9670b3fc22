"""Where the kiosk writes for operators, and how it writes there safely.

The data folder holds the log, the event database, status.json and the
last good copy of the content. It is resolved once at start-up; when the
preferred folder cannot be written the kiosk falls back to a temporary folder
rather than stopping. `atomic_write_bytes` and `LogThrottle` are shared by the
modules that write into it.
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

log = logging.getLogger(__name__)

APP_NAME = "producers-story-kiosk"
ENV_VAR = "KIOSK_DATA_DIR"

EVENTS_DB = "events.sqlite3"
STATUS_FILE = "status.json"
LOG_FILE = "kiosk.log"
LAST_GOOD = "last-good-content.json"
METRICS_FILE = "metrics.prom"
SCREENSHOT_FILE = "screenshot.png"
SHARED_READ = 0o644  # files meant for other readers: metrics.prom (node_exporter), screenshot.png


def resolve_data_dir(arg: Path | None, env: Mapping[str, str] | None = None) -> Path:
    """Return a writable data folder, creating it if needed.

    Parameters
    ----------
    arg
        The folder given on the command line, if any; it wins.
    env
        The environment to read ``$KIOSK_DATA_DIR`` from (default: ``os.environ``).

    Returns
    -------
    Path
        The first of `arg`, ``$KIOSK_DATA_DIR`` and the platform's user data
        folder; when it cannot be created or written, a folder under the
        system's temporary folder (a warning is logged). Never raises.
    """
    preferred = preferred_data_dir(arg, env)
    if is_writable_dir(preferred):
        return preferred
    try:
        fallback = private_temp_dir()
    except OSError as exc:
        log.error("no writable data folder at all (%s); the kiosk runs without one", exc)
        return preferred
    log.warning(
        "cannot write to the data folder %s; using %s instead (logs, events and "
        "status will not survive a reboot there)",
        preferred,
        fallback,
    )
    return fallback


def private_temp_dir() -> Path:
    """A folder in the system's temporary folder that only this user can use, made safely.

    The temporary folder is shared: another local user can plant a folder, or a
    link to a folder of theirs, at any fixed name. The kiosk's is
    ``<temp>/producers-story-kiosk-<uid>``, made with mode 0700, so that a restarted
    kiosk finds its last good content and events again; one that is already there
    is used only when it is a real folder (not a link), owned by this user and
    closed to everyone else. Otherwise the kiosk takes a new folder with a random
    name (`tempfile.mkdtemp`, mode 0700).

    Raises
    ------
    OSError
        When no folder can be made at all.
    """
    base = Path(tempfile.gettempdir())
    path = base / f"{APP_NAME}-{_user_tag()}"
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        if _is_private(path) and is_writable_dir(path):
            return path
        log.warning("%s is not a private folder of this user; using a new one", path)
    except OSError:
        pass
    else:
        return path
    return Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-", dir=base))


def _user_tag() -> str:
    """The user's number (POSIX) or name, to tell the users' folders apart."""
    if hasattr(os, "getuid"):
        return str(os.getuid())
    import getpass

    return "".join(c for c in getpass.getuser() if c.isalnum()) or "user"


def _is_private(path: Path) -> bool:
    """Whether `path` is a real folder (not a link) of this user, closed to others."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if not hasattr(os, "getuid"):  # Windows: the temporary folder is the user's own
        return True
    return info.st_uid == os.getuid() and info.st_mode & 0o077 == 0


def preview_data_dir(arg: Path | None, env: Mapping[str, str] | None = None) -> Path:
    """The folder `kiosk preview` keeps its log and last good copy in, apart from the kiosk's.

    `arg` when given, else ``preview/`` in the kiosk's data folder: the preview never
    writes the kiosk's last good copy, status or event log.
    """
    return Path(arg).expanduser() if arg is not None else preferred_data_dir(None, env) / "preview"


def preferred_data_dir(arg: Path | None, env: Mapping[str, str] | None = None) -> Path:
    """Return the data folder the operator asked for, without touching the disk."""
    environ = os.environ if env is None else env
    if arg is not None:
        return Path(arg).expanduser()
    from_env = environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # only here: the booth's service names its folder, start-up skips this

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def is_writable_dir(folder: Path) -> bool:
    """Create `folder` if needed and check that a file can be written in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError:
        return False
    return True


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` so that readers see the old or the new file, never half.

    The bytes go to a temporary file in the same folder, which is flushed,
    synced to disk and then renamed over `path`. The file is readable by its
    owner only, unless `mode` says otherwise (``0o644``: any local reader, such
    as node_exporter).

    Raises
    ------
    OSError
        When the folder cannot be written (read-only, disk full). The
        temporary file is removed and `path` is left as it was.
    """
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        _remove_quietly(Path(tmp_name))
        raise
    _sync_dir(path.parent)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _sync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable where the platform allows it (POSIX)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class LogThrottle:
    """Decide when a repeated error may be logged again: at most once per `interval`.

    Parameters
    ----------
    interval
        Seconds between two log lines about the same trouble.
    """

    def __init__(self, interval: float = 60.0) -> None:
        self.interval = interval
        self._last: float | None = None
        self._suppressed = 0

    def ready(self, now: float) -> bool:
        """Return True if a message may be logged at `now`; count it as suppressed if not."""
        if self._last is None or now - self._last >= self.interval or now < self._last:
            self._last = now
            return True
        self._suppressed += 1
        return False

    def take_suppressed(self) -> int:
        """Return how many messages were held back since the last logged one, and reset."""
        count, self._suppressed = self._suppressed, 0
        return count

    def log(self, logger: logging.Logger, level: int, now: float, message: str,
            *args: object) -> None:
        """Log `message` % `args` unless one was logged in the last `interval` at `now`.

        The line says how many similar failures were held back since the previous one.
        """
        if not self.ready(now):
            return
        held = self.take_suppressed()
        extra = f" ({held} similar failures since the last report)" if held else ""
        logger.log(level, message + "%s", *args, extra)


class MessageThrottle:
    """A `LogThrottle` for each distinct message, so that repeats are counted, not logged.

    The same words are logged at most once per `interval` (``math.inf``: once, until
    `forget`).

    Parameters
    ----------
    interval
        Seconds between two lines with the same words.
    remembered
        How many distinct messages are followed; past that all are forgotten at once.
    """

    def __init__(self, interval: float = 60.0, remembered: int = 64) -> None:
        self.interval = interval
        self.remembered = remembered
        self._throttles: dict[str, LogThrottle] = {}

    def held_back(self, message: str, now: float) -> int | None:
        """None while `message` repeats too soon; else how many repeats were held back."""
        throttle = self._throttles.get(message)
        if throttle is None:
            if len(self._throttles) >= self.remembered:
                self._throttles.clear()
            throttle = self._throttles[message] = LogThrottle(self.interval)
        if not throttle.ready(now):
            return None
        return throttle.take_suppressed()

    def forget(self) -> None:
        """Every message may be logged again (e.g. a new content version is shown)."""
        self._throttles.clear()


class AtomicFile:
    """A file in the data folder that is replaced whole at each write, never raising.

    Readers (monitors, sync tools) see the old or the new file, never half of one. A
    failed write (full disk, read-only folder) is logged at most once a minute and
    reported as False.

    Parameters
    ----------
    path
        The file, e.g. ``data_dir / STATUS_FILE``.
    clock
        Time used only to rate-limit error messages (monotonic by default).
    mode
        The file's permissions (default: its owner's only); see `atomic_write_bytes`.
    """

    def __init__(
        self, path: Path, clock: Callable[[], float] = time.monotonic, mode: int | None = None
    ) -> None:
        self.path = path
        self.mode = mode
        self._clock = clock
        self._throttle = LogThrottle()

    def write_bytes(self, data: bytes) -> bool:
        """Replace the file with `data`; return False (and log) if that failed."""
        try:
            atomic_write_bytes(self.path, data, self.mode)
        except OSError as exc:
            self.report(exc)
            return False
        return True

    def report(self, exc: Exception) -> None:
        """Log a failed write, at most once a minute, with how many were held back."""
        self._throttle.log(log, logging.WARNING, self._clock(), "could not write %s: %s",
                           self.path, exc)
