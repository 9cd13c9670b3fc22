"""Where the content on screen comes from: the file, its last good copy, or a fallback.

A kiosk must show something good whatever state content.json is in. The file is
preferred; when it is broken or missing, the last good copy kept in the data
folder; when there has never been a good one, a calm built-in screen.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kiosk.core.content.folder import loaded_from, new_content_version, place_picture
from kiosk.core.content.lastgood import last_good_path, load_last_good, save_last_good
from kiosk.core.content.load import LoadResult, load, load_bytes
from kiosk.core.content.media import media_refs
from kiosk.core.content.model import Content
from kiosk.core.content.problems import Problem, format_problem
from kiosk.core.show.strings import UI_STRINGS

log = logging.getLogger(__name__)

Origin = Literal["file", "last_good", "fallback"]


@dataclass(frozen=True)
class FileRead:
    """What reading content.json gave: its bytes' hash, or why it could not be read.

    The watcher starts from this, so the file the kiosk started with (broken,
    missing) is not reported again as news.
    """

    sha256: str | None
    unreadable: str | None = None


def file_read(result: LoadResult) -> FileRead:
    """The `FileRead` of a load: the hash, or the first problem when there are no bytes."""
    if result.sha256 is None and result.problems:
        return FileRead(None, result.problems[0].message)
    return FileRead(result.sha256)


@dataclass(frozen=True)
class Source:
    """A content version ready to show, and how it was obtained.

    `problems` are what reading content.json found: the warnings of the file
    shown, or, when the last good copy or the fallback is shown instead, the
    problems of the file that could not be shown (whose first error is `error`).
    `read` is what reading the file gave (None: not read, e.g. a preview's source).
    """

    content: Content
    content_dir: Path
    origin: Origin
    sha256: str | None = None
    problems: tuple[Problem, ...] = field(default=())
    error: str | None = None
    read: FileRead | None = None


def error_summary(result: LoadResult, path: Path) -> str | None:
    """One line for status.json: the first error and how many problems there are."""
    errors = [p for p in result.problems if p.severity == "error"]
    if not errors:
        return None
    first = format_problem(errors[0], path.name)
    more = len(errors) - 1
    return first + (f" (and {more} more error(s))" if more else "")


def usable_source(result: LoadResult, path: Path, data_dir: Path) -> Source | None:
    """The Source to show from a load of content.json, or None to keep what is shown.

    A document with errors (or a missing file) is never shown: the caller keeps
    the content on screen and reports `error_summary(result, path)`. A good
    document is saved as the last good copy, and its media files' trouble (a missing
    picture) is logged afresh, once (`new_content_version`).

    Parameters
    ----------
    result
        A load of the content file.
    path
        The content file (pictures are relative to its folder, whose real path now is
        the version's folder: `loaded_from`).
    data_dir
        Where the last good copy is kept.

    Returns
    -------
    Source | None
        The content ready to show, or None when it must not be shown.
    """
    if result.content is None:
        return None
    if result.raw is not None:
        save_last_good(data_dir, result.raw)
    new_content_version()
    folder = loaded_from(path)
    return Source(result.content, folder, "file", result.sha256, tuple(result.problems),
                  read=file_read(result))


def picture_paths(content: Content | None, content_dir: Path) -> list[Path]:
    """The media files (pictures, posters, videos) `content` names in `content_dir`.

    In panel order, each once, as written (the path the editor names, links not
    followed). Names that leave the folder as written are left out, so a watcher
    never follows them; a link that leads outside is watched (only its stamp is
    taken) so that replacing it with the file itself reloads the content.
    """
    if content is None:
        return []
    found: dict[Path, None] = {}
    for panel in content.panels:
        for ref in media_refs(panel):
            path = place_picture(content_dir, ref.file).path
            if path is not None:
                found[path] = None
    return list(found)


def initial_source(path: Path, data_dir: Path) -> Source:
    """What to show at start: the file, else its last good copy, else the fallback."""
    result = load(path)
    source = usable_source(result, path, data_dir)
    if source is not None:
        return source
    error = error_summary(result, path) or f"{path}: could not be loaded"
    problems, read, folder = tuple(result.problems), file_read(result), loaded_from(path)
    kept = _last_good(data_dir, folder)
    if kept is not None and kept.content is not None:
        return Source(kept.content, folder, "last_good", kept.sha256, problems, error, read)
    return Source(fallback_content(), folder, "fallback", problems=problems, error=error, read=read)


def _last_good(data_dir: Path, folder: Path) -> LoadResult | None:
    """The last good copy, loaded; None when there is none. A damaged one is logged."""
    path = last_good_path(data_dir)
    raw = load_last_good(data_dir)
    kept = None if raw is None else load_bytes(raw, folder)
    if kept is not None and kept.content is not None:
        return kept
    if kept is not None or os.path.lexists(path):  # there, but not a good copy
        why = "unreadable" if kept is None else error_summary(kept, path) or "unusable"
        log.warning("the last good copy %s is damaged too (%s): the fallback screen shows "
                    "until content.json loads", path, why)
    return kept


def fallback_content() -> Content:
    """A calm built-in screen shown when no good content has ever been loaded."""
    languages = list(UI_STRINGS)
    title = {code: UI_STRINGS[code]["fallback_title"] for code in languages}
    subtitle = {code: UI_STRINGS[code]["fallback_subtitle"] for code in languages}
    return Content.model_validate(
        {
            "languages": languages,
            "default_language": "en",
            "settings": {"dwell_seconds": 3600},
            "panels": [{"id": "fallback", "kind": "title", "title": title, "subtitle": subtitle}],
        }
    )
