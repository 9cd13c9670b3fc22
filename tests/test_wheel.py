"""The wheel is the product: built, installed into a fresh venv outside the checkout, and run
from an empty folder, it renders every panel as the editable install does.

The fresh venv borrows the third-party packages (PySide6, pyqtgraph...) of the test venv
through a ``.pth`` line, so installing it takes seconds instead of downloading 300 MB
again; the kiosk itself comes only from the wheel (the editable install's finder is not
run there, and the test checks where `kiosk` is imported from).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.core.content.load import load
from kiosk.ui.render import render_to_folder
from tests.support import ROOT
from tests.ui.golden import MAX_DIFFERENT_SHARE, different_share

SIZE = (960, 540)
NOT_BUILT = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".mypy_cache",
             ".pytest_cache", ".ruff_cache", ".hypothesis")


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the checkout, as `pip install .` would build it."""
    source = tmp_path_factory.mktemp("source") / "kiosk"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_BUILT))
    dist = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)])
    (found,) = dist.glob("producers_story_kiosk-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(tmp_path_factory, wheel: Path) -> Path:
    """A fresh venv outside the checkout with the wheel installed; its folder."""
    folder = tmp_path_factory.mktemp("booth") / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(folder)])
    python = folder / "bin" / "python"
    site = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site.stdout.strip(), "borrowed-dependencies.pth").write_text(
        "\n".join(sorted(borrowed)) + "\n", encoding="utf-8"
    )
    run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
         "--ignore-installed", str(wheel)])
    return folder


@pytest.fixture(scope="module")
def booth_env(tmp_path_factory) -> dict[str, str]:
    """An environment with an empty home, config and data folder, and no content named."""
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "XDG_", "VIRTUAL"))}
    return {**env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share")}


def kiosk(venv: Path, env: dict[str, str], cwd: Path, *args: str):
    return run([str(venv / "bin" / "kiosk"), *args], cwd=cwd, env=env)


def test_the_wheel_carries_fonts_icons_deploy_files_and_the_story(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"kiosk/resources/{path.relative_to(ROOT / 'resources').as_posix()}"
               for path in (ROOT / "resources").rglob("*") if path.is_file()
               and "__pycache__" not in path.parts}
    assert shipped <= names, sorted(shipped - names)
    assert {"kiosk/content.json", "kiosk/content.schema.json"} <= names
    assert any(name.endswith(".otf") for name in names)


def test_the_installed_kiosk_comes_from_the_wheel(venv: Path, booth_env, tmp_path) -> None:
    code = ("import kiosk, kiosk.shipped as s; "
            "print(kiosk.__file__); print(s.resources_dir()); print(s.story_file())")
    done = run([str(venv / "bin" / "python"), "-c", code], cwd=tmp_path, env=booth_env)
    for line in done.stdout.splitlines():
        assert Path(line).is_relative_to(venv), line
        assert not Path(line).is_relative_to(ROOT), line
    assert kiosk(venv, booth_env, tmp_path, "--version").stdout.startswith("kiosk ")


def test_from_an_empty_folder_every_panel_renders_as_in_the_checkout(
    qapp, venv: Path, booth_env, tmp_path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    size = f"{SIZE[0]}x{SIZE[1]}"
    done = kiosk(venv, booth_env, empty, "render", "--out", str(tmp_path / "wheel"), "--size", size)
    output = done.stdout + done.stderr
    assert "(from shipped story)" in done.stderr
    assert "no such icon" not in output and "fallback" not in output, output
    shipped = load(ROOT / "content.json").content
    assert shipped is not None
    expected = render_to_folder(shipped, ROOT, tmp_path / "editable", size=SIZE,
                                languages=list(shipped.languages))
    rendered = sorted((tmp_path / "wheel").glob("*.png"))
    assert [p.name for p in rendered] == [p.name for p in expected]
    assert len(rendered) == 2 * len(shipped.panels)
    for wheel_png, editable_png in zip(rendered, expected, strict=True):
        share = different_share(QImage(str(wheel_png)), QImage(str(editable_png)))
        assert share <= MAX_DIFFERENT_SHARE, f"{wheel_png.name}: {share:.2%} of the pixels differ"


def test_init_validate_and_doctor_work_from_the_wheel(venv: Path, booth_env, tmp_path) -> None:
    kiosk(venv, booth_env, tmp_path, "init")
    config = Path(booth_env["XDG_CONFIG_HOME"]) / "producers-story-kiosk"
    assert (config / "content.json").is_file() and (config / "content.schema.json").is_file()
    done = kiosk(venv, booth_env, tmp_path, "validate")
    assert "(from config folder)" in done.stderr and "OK (6 panels" in done.stdout
    doctor = subprocess.run(
        [str(venv / "bin" / "kiosk"), "doctor"], cwd=tmp_path, capture_output=True, text=True,
        env={**booth_env, "QT_QPA_PLATFORM": "offscreen"}, timeout=120,
    )
    lines = {line.split()[1]: line for line in doctor.stdout.splitlines() if line[:4] in
             ("OK  ", "WARN", "FAIL")}
    assert lines["fonts"].startswith("OK") and str(venv) in lines["fonts"], doctor.stdout
    assert lines["icons"].startswith("OK") and "all 15 icons" in lines["icons"], doctor.stdout
