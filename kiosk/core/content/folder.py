"""Whether a media file named in content.json stays inside the content folder.

Staff name pictures, posters and videos relative to content.json. The kiosk shows
what the content folder holds and nothing else on the machine, so a file is refused
when its name leaves the folder as written (an absolute path, a drive, a ``..`` above
it; ``pictures/../pictures/a.jpg`` is read as ``pictures/a.jpg`` first) and
when its real path does (``pictures/leak.png -> /elsewhere/secret.png``, or a
linked folder). A link that stays inside the folder is fine, and so is a content
folder that is itself reached through a link (``current -> releases/v2``).

A missing or refused file is logged once per content version (`warn_once`): a view asks
for its picture on every frame, and the log must not fill with the same line.

A content version keeps the folder it was loaded from (`loaded_from`: its real path
at load time), so a link later switched to another release changes nothing of what
is on screen until that release's content loads.

This is the one check: validate, the loaders that draw a picture or play a video,
the show's timing (a video's length) and the content watcher all place media files
with `place_picture`; the views and the player take the file to read from
`shown_file`.
"""

from __future__ import annotations

import logging
import math
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from kiosk.core.content.reader import leads_to
from kiosk.core.records.paths import MessageThrottle

log = logging.getLogger(__name__)

MEDIA_WARNINGS = MessageThrottle(math.inf, remembered=256)  # each once per content version


def warn_once(logger: logging.Logger, message: str, *args: object) -> None:
    """Log a media file's trouble once for the content version on screen (`new_content_version`)."""
    text = message % args
    if MEDIA_WARNINGS.held_back(text, 0.0) is not None:
        logger.warning("%s", text)


def new_content_version() -> None:
    """A new content version loaded: its media files' trouble is logged afresh, once."""
    MEDIA_WARNINGS.forget()


@dataclass(frozen=True)
class PicturePlace:
    """Where a media file named in content.json is, and whether it may be shown.

    Attributes
    ----------
    path
        The file's path in the content folder as written, or None when the name
        itself leaves the folder (the watcher watches this path).
    real
        The file to read: the real path, when it stays inside the folder; else None.
    refusal
        Why the file is refused, in words for the editor; None when it is not.
    """

    path: Path | None
    real: Path | None
    refusal: str | None


def place_picture(
    content_dir: Path, name: str, file_name: str = "content.json", kind: str = "picture"
) -> PicturePlace:
    """Place the file `name`, as written in the content file `file_name`, in `content_dir`.

    `kind` ("picture", "video") names the file in the refusal.
    """
    windows, posix = PureWindowsPath(name), PurePosixPath(name)
    normal = posixpath.normpath(name.replace("\\", "/"))  # "a/../b" is "b", "a/./b" "a/b"
    leaves = normal == ".." or normal.startswith("../")
    if windows.is_absolute() or posix.is_absolute() or windows.drive or leaves:
        return PicturePlace(None, None, _outside_as_written(name, file_name))
    if "\\" in name:
        fixed = name.replace("\\", "/")
        return PicturePlace(None, None, f"write / between folders, not \\: '{fixed}'")
    path = Path(content_dir) / normal
    real = _real_inside(Path(content_dir), path)
    if real is None:
        return PicturePlace(path, None, _outside_through_link(name, path, kind))
    return PicturePlace(path, real, None)


def shown_file(content_dir: Path, name: str, kind: str = "picture") -> Path | None:
    """The file to read for the media file `name` of `content_dir`, or None when refused.

    A refusal is logged with the file's name and why. The path returned is the real
    one, inside the folder: reading it follows no link.
    """
    place = place_picture(content_dir, name, kind=kind)
    if place.refusal is not None:
        warn_once(log, "%s %r not shown: %s", kind, name, place.refusal)
    return place.real


def loaded_from(content_file: Path) -> Path:
    """The real folder of `content_file` now: where a content version loaded from it is.

    A deploy by folder link (``current -> releases/v1``) is followed once, at load time:
    the version's pictures are read from ``releases/v1`` even after the link moves to a
    broken release, whose content is not shown. The file itself is watched as given.
    """
    folder = Path(content_file).absolute().parent
    try:
        return Path(os.path.realpath(folder))
    except (OSError, ValueError):  # a loop of links: the folder as given
        return folder


def _real_inside(folder: Path, path: Path) -> Path | None:
    """The real path of `path` when it lies inside the real `folder`, else None."""
    try:
        real_folder = os.path.realpath(folder)
        real = os.path.realpath(path)
        inside = os.path.commonpath([real_folder, real]) == real_folder
    except (OSError, ValueError):  # a loop of links; different drives (Windows)
        return None
    return Path(real) if inside else None


def _outside_as_written(name: str, file_name: str) -> str:
    return (
        f"'{name}' points outside the content folder; use a path inside it, relative to "
        f'{file_name}, e.g. "images/map.png" (no drive, no leading /, no .. above it)'
    )


def _outside_through_link(name: str, path: Path, kind: str) -> str:
    return (
        f"{kind} '{name}' is a link that leads outside the content folder{leads_to(path)}; "
        f"put the {kind} itself in the folder, not a link to it"
    )
