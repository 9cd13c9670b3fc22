"""The deployment files keep the promises docs/running-a-booth.md makes about them."""

from __future__ import annotations

from pathlib import Path

from kiosk.shipped import resource_dir

DEPLOY = resource_dir("deploy")


def unit(name: str) -> dict[str, list[str]]:
    """The settings of a systemd unit file, ``Section.Key`` -> every value given."""
    settings: dict[str, list[str]] = {}
    section = ""
    for line in (DEPLOY / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            settings.setdefault(f"{section}.{key}", []).append(value)
    return settings


def test_the_cage_unit_runs_the_kiosk_alone_as_a_booth_user() -> None:
    settings = unit("producers-kiosk-cage.service")
    assert settings["Service.User"] != ["root"] and len(settings["Service.User"]) == 1
    (command,) = settings["Service.ExecStart"]
    assert command.startswith("/usr/bin/cage ") and command.endswith("/kiosk run")
    assert settings["Service.Restart"] == ["always"]
    assert settings["Service.PAMName"] == ["login"] and settings["Service.TTYPath"] == ["/dev/tty1"]


def test_the_cage_unit_hears_the_kiosk_through_cage_and_stops_them_together() -> None:
    settings = unit("producers-kiosk-cage.service")
    assert settings["Service.Type"] == ["notify"]
    assert settings["Service.NotifyAccess"] == ["all"]  # cage is the main process
    assert settings["Service.KillMode"] == ["control-group"]
    assert settings["Service.WatchdogSec"] == ["30"]
    assert "xwayland" in (DEPLOY / "producers-kiosk-cage.service").read_text(encoding="utf-8")


def test_the_user_unit_runs_the_installed_kiosk_with_its_watchdog() -> None:
    settings = unit("producers-kiosk.service")
    assert settings["Service.ExecStart"] == ["%h/.local/bin/kiosk run"]
    assert settings["Service.Type"] == ["notify"] and settings["Service.Restart"] == ["always"]


def test_the_autostart_entries_restart_the_kiosk_except_after_the_pin() -> None:
    loop = "while :; do \"$HOME/.local/bin/kiosk\" run; [ $? -eq 0 ] && break; sleep 2; done"
    labwc = [line for line in (DEPLOY / "labwc-autostart").read_text(encoding="utf-8")
             .splitlines() if line and not line.startswith("#")]
    assert labwc == [f"sh -c '{loop}' &"]  # in the background: labwc goes on starting
    desktop = (DEPLOY / "producers-kiosk.desktop").read_text(encoding="utf-8")
    assert f"Exec=sh -c '{loop}'" in desktop


def test_the_guide_says_which_to_choose() -> None:
    guide = (Path(__file__).resolve().parents[1] / "docs" / "running-a-booth.md").read_text(
        encoding="utf-8")
    for name in ("producers-kiosk.service", "producers-kiosk.desktop", "labwc-autostart",
                 "producers-kiosk-cage.service"):
        assert name in guide
