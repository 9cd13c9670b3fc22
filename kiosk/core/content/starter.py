"""`kiosk init`: an editable copy of the shipped story in a folder staff can find.

The copy is what a booth starts from: ``content.json`` (the shipped story),
``content.schema.json`` beside it (its ``$schema`` points there, so VS Code and other
editors complete and check fields as staff type) and a ``pictures/`` folder with a
short README. An existing ``content.json`` is never overwritten unless asked; then it
is kept first as a dated backup. Qt-free.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kiosk.core.content.location import ContentLocation
from kiosk.shipped import SCHEMA_FILE, STORY_FILE, schema_file, story_file

PICTURES = "pictures"
PICTURES_README = "README.txt"

PICTURES_TEXT = """\
Pictures for the kiosk
======================

Put photos and drawings for the panels in this folder: PNG, JPEG or SVG.
In content.json, give a panel its picture with a path relative to content.json:

    "image": "pictures/crew.jpg"

Keep pictures about the size of the screen (1920 x 1080 is plenty): bigger files
only take longer to load. Check your edit with `kiosk validate`, which says when a
picture is missing or cannot be read, and look at it with `kiosk render`.
"""


class ContentExists(Exception):
    """The folder already has a content.json and replacing it was not asked for."""


@dataclass(frozen=True)
class Written:
    """What `write_starter` did.

    Attributes
    ----------
    content
        The new content.json.
    files
        Every file written, in order.
    backup
        Where the previous content.json was kept, when there was one.
    """

    content: Path
    files: list[Path] = field(default_factory=list)
    backup: Path | None = None


def backup_name(now: datetime) -> str:
    """The dated backup's name, e.g. ``content-backup-2026-12-03-141500.json``."""
    return f"content-backup-{now:%Y-%m-%d-%H%M%S}.json"


def write_starter(folder: Path, *, force: bool = False, now: datetime | None = None) -> Written:
    """Write the shipped story, its schema and a pictures folder into `folder`.

    Parameters
    ----------
    folder
        Where to write; created with its parents when missing.
    force
        Replace an existing content.json, after copying it to a dated backup.
    now
        The local time that dates the backup (default: now).

    Returns
    -------
    Written
        The files written and the backup, if one was made.

    Raises
    ------
    ContentExists
        When `folder` has a content.json and `force` is False; nothing is written.
    OSError
        When the folder cannot be created or written.
    """
    target = folder / STORY_FILE
    if target.exists() and not force:
        raise ContentExists(str(target))
    folder.mkdir(parents=True, exist_ok=True)
    backup = None
    if target.exists():
        backup = _free_name(folder / backup_name(now or datetime.now()))
        shutil.copy2(target, backup)
    written = [_copy(story_file(), target), _copy(schema_file(), folder / SCHEMA_FILE)]
    pictures = folder / PICTURES
    pictures.mkdir(exist_ok=True)
    readme = pictures / PICTURES_README
    if not readme.exists():
        readme.write_text(PICTURES_TEXT, encoding="utf-8")
        written.append(readme)
    return Written(target, written, backup)


def _copy(source: Path, target: Path) -> Path:
    """Copy the bytes of `source` to `target` (not its permissions: the copy is editable)."""
    shutil.copyfile(source, target)
    return target


def _free_name(path: Path) -> Path:
    """`path`, or the same name with -2, -3... when it is taken (two inits in one second)."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def _editor() -> str:
    """The editor to suggest: $VISUAL or $EDITOR, else one every system has."""
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    return chosen or ("notepad" if sys.platform.startswith("win") else "nano")


def written_text(written: Written, found: ContentLocation) -> str:
    """What `kiosk init` prints: the files, the backup, and the next three commands.

    `found` is where the kiosk now finds its content; when that is not the new copy,
    the text says how to point the kiosk at it.
    """
    path = written.content
    lines = [f"Wrote an editable copy of the producers' story in {path.parent}:"]
    lines += [f"  {file.relative_to(path.parent)}" for file in written.files]
    if written.backup is not None:
        lines.append(f"The previous content.json is kept as {written.backup.name}.")
    previews = path.parent / "previews"
    lines += [
        "Next:",
        f"  1. edit it:      {_editor()} {path}",
        f"  2. check it:     kiosk validate {path}",
        f"  3. look at it:   kiosk render --content {path} --out {previews}",
    ]
    if found.path != path:
        lines.append(
            f"The kiosk reads {found.describe()} first: start it with --content {path}, "
            f"or set KIOSK_CONTENT={path}."
        )
    else:
        lines.append("A running kiosk shows it after a restart; `kiosk doctor` checks the booth.")
    return "\n".join(lines)


def exists_text(path: Path) -> str:
    """What `kiosk init` says when content.json is already there."""
    return (
        f"{path} already exists; nothing was written. "
        "Run `kiosk init --force` to replace it (the old file is kept as a dated backup)."
    )
