"""The files the kiosk ships with: fonts, icons, deployment files and the producers' story.

They are package data, found through `importlib.resources`, so the same code reads
them from a wheel, from ``pip install .`` and from an editable install of a checkout.
``resources/`` at the top of the repository is the package ``kiosk.resources``
(pyproject.toml maps it); the story, ``content.json`` and ``content.schema.json``, sits
one folder above it: at the top of a checkout, beside the kiosk's modules once
installed. Qt-free.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

RESOURCES_PACKAGE = "kiosk.resources"
STORY_FILE = "content.json"
SCHEMA_FILE = "content.schema.json"


def resources_dir() -> Path:
    """The folder of the shipped resources: ``fonts/``, ``icons/``, ``deploy/``.

    Raises
    ------
    RuntimeError
        When the resources are not installed (an editable install made before they
        became a package), or are not in a folder (a zip file): Qt and the content
        watcher need real files.
    """
    try:
        found = files(RESOURCES_PACKAGE)
    except ModuleNotFoundError:
        raise RuntimeError(
            f"the kiosk's resources (package {RESOURCES_PACKAGE}) are not installed: "
            "install the kiosk again (in a checkout: pip install -e .)"
        ) from None
    if not isinstance(found, Path):
        raise RuntimeError(f"the kiosk must be installed in a folder, not in {found}")
    return found


def resource_dir(name: str) -> Path:
    """One folder of the shipped resources, e.g. ``resource_dir("fonts")``."""
    return resources_dir() / name


def story_file() -> Path:
    """The producers' story that ships with the kiosk (its ``content.json``)."""
    return resources_dir().parent / STORY_FILE


def schema_file() -> Path:
    """The JSON Schema of content.json that ships beside the story."""
    return resources_dir().parent / SCHEMA_FILE
