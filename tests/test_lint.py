"""The code base stays ruff-clean and mypy-clean (the rules are in pyproject.toml).

ruff and mypy come with the test extra, in the same environment as the Python running
the tests: they are looked for next to it first, so the README's test command runs them
whether or not that environment's bin folder is on PATH.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def tool(name: str) -> str:
    """The path of `name` beside the running interpreter, else on PATH; skip when absent."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]' installs it)")
    return found


def test_the_tools_are_found_next_to_the_interpreter() -> None:
    folder = Path(sys.executable).parent
    if not (folder / "ruff").is_file():
        pytest.skip("this interpreter has no ruff beside it (not the project's venv)")
    assert tool("ruff") == str(folder / "ruff")
    assert tool("mypy") == str(folder / "mypy")


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [tool("ruff"), "check", "kiosk", "tests", "benchmarks", "scripts", "main.py", "setup.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_accepts_the_whole_package() -> None:
    # The files to check are in pyproject.toml ([tool.mypy] files: the kiosk package).
    result = subprocess.run([tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kiosk" in _mypy_files()


def _mypy_files() -> list[str]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["mypy"]["files"])
