"""Watch content.json and its pictures; report each new version once it has settled.

Files reach a booth in many ways: an editor saving in place, a write in several
chunks, a temporary file renamed over the old one (rsync, Syncthing, most
editors), a delete and re-create, the whole folder replaced. The watcher
therefore watches the file, its folder, the folder above and the pictures'
folders; re-arms every watch after each event (Qt keeps watching the old inode
of a replaced file); and polls the files' stat every couple of seconds for
filesystems where change notification misses events (network shares).

Events are debounced; a document that does not parse is only reported once no
event has arrived for a settle period, so a half-written file is not mistaken
for a broken one. `changed` carries the `LoadResult` and is emitted only when
the bytes (or a picture) differ from the last version reported.

The watcher keeps its own single-shot timer rather than using the app's ticker:
file events are not animation, they arrive from the operating system at any
time, and the ticker may sleep for minutes while a settled panel is shown.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.core.content.load import LoadResult, load, load_bytes, read_content
from kiosk.core.content.model import Content
from kiosk.core.content.source import file_read, picture_paths
from kiosk.ui.ticker import monotonic_clock

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 0.3
SETTLE_SECONDS = 1.5
POLL_SECONDS = 2.0

Stamp = tuple[int, int, int] | None


def file_stamp(path: Path) -> Stamp:
    """(inode, mtime in ns, size) of `path`, or None when it is missing or unreadable."""
    try:
        stat = path.stat()
    except (OSError, ValueError):
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


@dataclass(frozen=True)
class Fingerprint:
    """What identifies a content version: the file's hash and its pictures' stamps.

    A file that cannot be read has no hash; why it cannot be read (`unreadable`)
    tells a FIFO from a device or a missing file, so each change is reported.
    """

    sha256: str | None
    pictures: tuple[tuple[str, Stamp], ...] = ()
    unreadable: str | None = None


class ReloadPlan:
    """When to read the file again, as a pure function of `now` (no Qt, no clock).

    Parameters
    ----------
    now
        The time the plan starts.
    debounce, settle, poll
        Seconds to wait after an event before reading; seconds without events
        before a document that does not parse is reported; seconds between polls.
    """

    def __init__(
        self,
        now: float,
        debounce: float = DEBOUNCE_SECONDS,
        settle: float = SETTLE_SECONDS,
        poll: float = POLL_SECONDS,
    ) -> None:
        self.debounce = debounce
        self.settle = settle
        self.poll = poll
        self.last_event = now
        self.check_at: float | None = now
        self.poll_at = now + poll

    def event(self, now: float, touched: bool = True) -> None:
        """Something happened on disk: read again once the files stop changing.

        Parameters
        ----------
        now
            When the event arrived.
        touched
            True when the watched files' stamps changed. Other events (a busy
            folder) only ask for a read; they never postpone one, so they cannot
            keep a broken document from being reported.
        """
        if touched:
            self.last_event = now
            self.check_at = now + self.debounce
        elif self.check_at is None:
            self.check_at = now + self.debounce

    def check_due(self, now: float) -> bool:
        """Whether the file should be read at `now`."""
        return self.check_at is not None and now >= self.check_at

    def poll_due(self, now: float) -> bool:
        """Whether the stamps should be polled at `now` (and the next poll scheduled)."""
        if now < self.poll_at:
            return False
        self.poll_at = now + self.poll
        return True

    def checked(self, now: float, ok: bool) -> bool:
        """The file was read at `now`: True to report it, False to wait for it to settle."""
        if ok or now >= self.last_event + self.settle:
            self.check_at = None
            return True
        self.check_at = self.last_event + self.settle
        return False

    def next_due(self) -> float:
        """When the plan next needs `check_due` / `poll_due` to be asked."""
        return self.poll_at if self.check_at is None else min(self.check_at, self.poll_at)


class ContentWatcher(QObject):
    """Emits `changed(LoadResult)` for each new settled version of the content file.

    Parameters
    ----------
    path
        The content file.
    known_sha256
        The hash of the content file as last read (on screen, or broken at start); an
        identical file is not reported.
    clock
        The monotonic clock (fake in tests, which then call `run_due` themselves).
    plan
        The schedule (debounce, settle, poll); a default one when None.
    content
        The content already loaded from `path` (its pictures are watched); when
        None, the file is loaded here to find them.
    unreadable
        Why the file could not be read at start (missing, a FIFO): the same trouble
        is not reported again.
    """

    changed = Signal(object)

    def __init__(
        self,
        path: Path,
        known_sha256: str | None = None,
        clock: Callable[[], float] = monotonic_clock,
        plan: ReloadPlan | None = None,
        content: Content | None = None,
        unreadable: str | None = None,
    ) -> None:
        super().__init__()
        self.path = Path(path).absolute()
        self.clock = clock
        self.plan = plan or ReloadPlan(clock())
        if content is None:
            content = load(self.path).content
        self._pictures = picture_paths(content, self.path.parent)
        pictures = self._picture_stamps(self._pictures)
        self._seen = Fingerprint(known_sha256, pictures, unreadable)
        self._stamps = self._all_stamps()
        self._fs = QFileSystemWatcher(self)
        self._fs.fileChanged.connect(self._on_event)
        self._fs.directoryChanged.connect(self._on_event)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run_due)
        self.rearm()
        self._arm_timer(clock())

    # watches ------------------------------------------------------------------
    def watched(self) -> list[str]:
        """Every path currently watched for change notification."""
        return [*self._fs.files(), *self._fs.directories()]

    def rearm(self) -> None:
        """Watch every wanted path afresh (a replaced file or folder needs a new watch)."""
        current = self.watched()
        if current:
            self._fs.removePaths(current)
        wanted = [str(p) for p in self._wanted() if p.exists()]
        if wanted:
            self._fs.addPaths(wanted)

    def _wanted(self) -> list[Path]:
        folder = self.path.parent
        folders = [folder, folder.parent, *(p.parent for p in self._pictures)]
        return list(dict.fromkeys([self.path, *self._pictures, *folders]))

    def close(self) -> None:
        """Stop watching and polling."""
        self._timer.stop()
        current = self.watched()
        if current:
            self._fs.removePaths(current)

    # time ---------------------------------------------------------------------
    def _on_event(self, changed_path: str) -> None:
        log.debug("file event: %s", changed_path)
        now = self.clock()
        self.rearm()
        self.plan.event(now, self._restamp())
        self._arm_timer(now)

    def run_due(self) -> None:
        """Poll and read the file if due now, then schedule the next run."""
        now = self.clock()
        if self.plan.poll_due(now):
            self._poll(now)
        if self.plan.check_due(now):
            self._check(now)
        self._arm_timer(now)

    def _arm_timer(self, now: float) -> None:
        delay = max(0.0, self.plan.next_due() - now)
        self._timer.start(math.ceil(delay * 1000))

    def _poll(self, now: float) -> None:
        if self._restamp():
            log.debug("change seen by polling %s", self.path)
            self.rearm()
            self.plan.event(now)

    def _restamp(self) -> bool:
        """Take the files' stamps afresh; True if they differ from the last ones."""
        stamps = self._all_stamps()
        touched, self._stamps = stamps != self._stamps, stamps
        return touched

    # reading ------------------------------------------------------------------
    def _check(self, now: float) -> None:
        result = self._load_if_new()
        found = None if result is None else self._fingerprint(result)
        if result is None or found is None or found == self._seen:
            self.plan.check_at = None
            return
        if not self.plan.checked(now, result.ok):
            log.debug("%s does not load yet; waiting for it to settle", self.path)
            return
        self._report(result, found)

    def _load_if_new(self) -> LoadResult | None:
        """Load the file, or None when its bytes and pictures are those last reported."""
        data = read_content(self.path)  # bounded, regular files only: never blocks
        if isinstance(data, LoadResult):
            return data
        same_pictures = self._picture_stamps(self._pictures) == self._seen.pictures
        if hashlib.sha256(data).hexdigest() == self._seen.sha256 and same_pictures:
            return None
        return load_bytes(data, self.path.parent, self.path.name)

    def _fingerprint(self, result: LoadResult) -> Fingerprint:
        read = file_read(result)
        return Fingerprint(read.sha256, self._picture_stamps(self._pictures_of(result)),
                           read.unreadable)

    def _pictures_of(self, result: LoadResult) -> list[Path]:
        if result.content is None:
            return self._pictures
        return picture_paths(result.content, self.path.parent)

    def _report(self, result: LoadResult, found: Fingerprint) -> None:
        self._seen = found
        pictures = self._pictures_of(result)
        if pictures != self._pictures:
            self._pictures = pictures
            self.rearm()
        state = "loads" if result.ok else "does not load"
        log.info("%s changed (sha256 %s): it %s", self.path, result.sha256, state)
        self.changed.emit(result)

    def _all_stamps(self) -> tuple[Stamp, ...]:
        return (file_stamp(self.path), *(s for _, s in self._picture_stamps(self._pictures)))

    @staticmethod
    def _picture_stamps(pictures: Iterable[Path]) -> tuple[tuple[str, Stamp], ...]:
        return tuple((str(p), file_stamp(p)) for p in pictures)
