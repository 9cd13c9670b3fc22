"""Test set-up: Qt's offscreen platform before any Qt import, and shared fixtures."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The shared helpers assert too: give their failures pytest's detailed messages.
pytest.register_assert_rewrite("tests.support", "tests.ui.support")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture
def shipped_content_path() -> Path:
    """The content.json that ships with the kiosk."""
    return ROOT / "content.json"


@pytest.fixture(autouse=True)
def _media_warnings_afresh() -> None:
    """Each test starts a new content version: a media file's trouble is logged once more."""
    from kiosk.core.content.folder import new_content_version

    new_content_version()
