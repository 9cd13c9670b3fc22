"""CLI polish: `kiosk --version`; every sub-command's help has a description, its defaults
and its exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk import __version__
from kiosk.cli import main
from kiosk.cli_parser import COMMANDS, build_parser
from tests.support import ROOT


def help_text(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as info:
        main([*argv, "--help"])
    assert info.value.code == 0
    return capsys.readouterr().out


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"kiosk {__version__}"


@pytest.mark.parametrize("command", [["main.py"], ["-m", "kiosk"]])
def test_main_py_and_python_m_kiosk_run_the_same_command(command) -> None:
    done = subprocess.run([sys.executable, *command, "--version"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == f"kiosk {__version__}"


def test_the_main_help_lists_every_command_with_one_line(capsys) -> None:
    text = " ".join(help_text(capsys).split())  # argparse wraps long lines
    for name, (summary, _, _) in COMMANDS.items():
        assert f"{name} {summary}" in text


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_a_description_and_exit_codes(capsys, name) -> None:
    text = " ".join(help_text(capsys, name).split())  # argparse wraps lines
    assert " ".join(COMMANDS[name][1].split()) in text
    assert "exit codes: 0 " in text
    assert "2 the command line is wrong" in text


@pytest.mark.parametrize(
    ("name", "defaults"),
    [
        ("run", ["$KIOSK_CONTENT, else ./content.json", "$KIOSK_DATA_DIR", "1280x720"]),
        ("validate", ["default: $KIOSK_CONTENT", "else the story shipped with the kiosk"]),
        ("render", ["default: 1920x1080", "default: every language", "once it has settled"]),
        ("report", ["$KIOSK_DATA_DIR", "default: all"]),
        ("init", ["default: the user config folder"]),
        ("doctor", ["$KIOSK_CONTENT", "$KIOSK_DATA_DIR"]),
        ("schema", ["default: print it"]),
        ("preview", ["$KIOSK_CONTENT", "default: 1920x1080", "default_language",
                     "preview/ in the kiosk's data folder"]),
    ],
)
def test_every_option_says_its_default(capsys, name, defaults) -> None:
    text = " ".join(help_text(capsys, name).split())
    for words in defaults:
        assert words in text


def test_the_run_help_names_the_no_display_exit_code(capsys) -> None:
    text = " ".join(help_text(capsys, "run").split())
    assert "3 no display to show the kiosk on" in text


def test_preview_takes_a_size_or_portrait_not_both(capsys) -> None:
    parser = build_parser()
    assert parser.parse_args(["preview"]).size == (1920, 1080)
    assert parser.parse_args(["preview", "--portrait"]).size == (1080, 1920)
    assert parser.parse_args(["preview", "--size", "800x480"]).size == (800, 480)
    with pytest.raises(SystemExit):
        parser.parse_args(["preview", "--portrait", "--size", "800x480"])
    assert "not allowed with argument" in capsys.readouterr().err
