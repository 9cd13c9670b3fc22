"""kiosk.core never imports Qt or pyqtgraph, so it runs and is tested without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "kiosk" / "core"
FORBIDDEN = {"PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "kiosk.ui"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _forbidden(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda path: path.name)
def test_core_module_imports_no_qt(path):
    assert not [name for name in _imports(path) if _forbidden(name)]


def test_the_checker_sees_qt_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QTimer\nimport pyqtgraph as pg\n")
    assert {name for name in _imports(sample) if _forbidden(name)} == {
        "PySide6.QtCore",
        "pyqtgraph",
    }


def test_loading_content_leaves_qt_unimported():
    code = (
        "import sys, kiosk.core.content.load, kiosk.core.content.schema, kiosk.cli;"
        "qt = ('PySide6', 'shiboken6', 'pyqtgraph');"
        "bad = [m for m in sys.modules if m.split('.')[0] in qt];"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_every_core_module_imports_first_without_a_cycle():
    """Each module of kiosk.core imports on its own, in a fresh state (no import cycle)."""
    names = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts) for path in CORE.rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('kiosk')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
