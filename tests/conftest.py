"""Test set-up: Qt's offscreen platform before any Qt import, and shared fixtures."""

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", str(Path(__file__).resolve().parents[1] / "resources" / "fonts"))

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture
def shipped_content_path() -> Path:
    """The content.json that ships with the kiosk."""
    return ROOT / "content.json"
