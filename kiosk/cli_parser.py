"""The `kiosk` command's arguments and help: every sub-command, its defaults and exit codes.

Kept apart from `kiosk.cli`, which runs the commands, so the help an operator reads is
in one place. Exit codes are named in `kiosk.cli` and listed here in each epilog.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk import __version__

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_NO_DISPLAY = 3

CONTENT_DEFAULT = (
    "default: $KIOSK_CONTENT, else ./content.json, else content.json in the user config "
    "folder, else the story shipped with the kiosk"
)
DATA_DIR_DEFAULT = (
    "default: $KIOSK_DATA_DIR, else the user data folder, "
    "~/.local/share/producers-story-kiosk on Linux"
)
USAGE_CODE = f"  {EXIT_USAGE}  the command line is wrong"


def exit_codes(*lines: str) -> str:
    """An epilog listing a command's exit codes, the usage error last."""
    return "exit codes:\n" + "\n".join([*(f"  {line}" for line in lines), USAGE_CODE])


def parse_size(text: str) -> tuple[int, int]:
    """Parse 'WIDTHxHEIGHT' (e.g. 1920x1080) into a pair of positive ints."""
    try:
        width_text, height_text = text.lower().split("x")
        width, height = int(width_text), int(height_text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, not {text!r}") from None
    if not (64 <= width <= 8192 and 64 <= height <= 8192):
        raise argparse.ArgumentTypeError("width and height must be between 64 and 8192 pixels")
    return width, height


COMMANDS: dict[str, tuple[str, str, str]] = {
    # name: (one line for `kiosk --help`, description, epilog)
    "run": (
        "start the kiosk full screen (the default command)",
        "Start the kiosk full screen on the content found (see --content). It runs until "
        "the operator leaves with the PIN, or SIGTERM / SIGINT. Without a display it stops "
        "at once and says so, so a service manager can try again.",
        exit_codes(
            f"{EXIT_OK}  stopped by the operator's PIN, SIGTERM or SIGINT",
            f"{EXIT_NO_DISPLAY}  no display to show the kiosk on (the message says what to do)",
        ),
    ),
    "validate": (
        "check a content file and list its problems",
        "Check a content file: every problem with its line, its field and how to fix it.",
        exit_codes(
            f"{EXIT_OK}  the content is usable (warnings allowed)",
            f"{EXIT_PROBLEMS}  the content has errors and would not be shown",
        ),
    ),
    "preview": (
        "a window beside your editor: each save shown at once, with its problems",
        "Open a normal window that shows the content as the booth will, beside your text "
        "editor: every save is shown within half a second, on the panel you were looking at; "
        "a save with mistakes lists them (line, column, how to fix it, as `kiosk validate` "
        "does) while the last good version stays up. Buttons and keys: previous / next "
        "panel, panel by number, language, screen size, replay and step through the "
        "entrance, play the rotation. With --when, the booth at that local time (closed "
        "screen, dated panels, notice), as kiosk render --when shows it. It keeps its own "
        "data folder and records nothing.",
        exit_codes(
            f"{EXIT_OK}  the window was closed",
            f"{EXIT_NO_DISPLAY}  no display to open the window on",
        ),
    ),
    "schema": (
        "print the JSON Schema of content.json",
        "Print the JSON Schema of content.json, which editors use to complete and check "
        "fields (the shipped content.schema.json is made by this command).",
        exit_codes(f"{EXIT_OK}  written", f"{EXIT_PROBLEMS}  the file could not be written"),
    ),
    "render": (
        "write one PNG per panel, as the kiosk shows it",
        "Write one PNG per panel and language, NN-<panel id>-<lang>.png, as the kiosk "
        "shows it. With --when, what the screen shows at that local time: the panels in "
        "the rotation then, or the closed screen as 00-closed-<lang>.png. Needs no display.",
        exit_codes(
            f"{EXIT_OK}  every image written",
            f"{EXIT_PROBLEMS}  the content has errors, or an image could not be written",
        ),
    ),
    "plan": (
        "which panel is on screen when (opening hours, dated panels, screens in step)",
        "Print which panel is on screen when, from a local date and time on, following the "
        "schedule, the dated panels and the notice. With settings.sync_to_clock every "
        "screen running the content shows exactly this; without it each screen starts the "
        "same cycle when it starts.",
        exit_codes(f"{EXIT_OK}  printed", f"{EXIT_PROBLEMS}  the content has errors"),
    ),
    "report": (
        "what the booth saw: proof-of-play, visitor sessions, kiosk health",
        "What the booth saw, from the event log in the data folder: proof-of-play (how "
        "often and how long each panel was on screen), visitor sessions and interactions, "
        "and the kiosk's health.",
        exit_codes(
            f"{EXIT_OK}  report printed (empty when nothing was recorded)",
            f"{EXIT_PROBLEMS}  a named data folder has no event database, or --html could "
            "not be written",
        ),
    ),
    "init": (
        "write an editable copy of the shipped story",
        "Write an editable copy of the shipped story into DIR: content.json, "
        "content.schema.json (editors complete fields with it) and a pictures/ folder. "
        "An existing content.json is never replaced without --force.",
        exit_codes(
            f"{EXIT_OK}  written",
            f"{EXIT_PROBLEMS}  DIR already has a content.json (use --force), or DIR "
            "cannot be written",
        ),
    ),
    "doctor": (
        "check this machine for what a booth needs",
        "Check what a booth needs, in plain words: display, screen, Qt's system "
        "libraries, fonts and icons, content, data folder, PIN, screen blanking, clock. "
        "Each check says OK, WARN or FAIL, and how to fix it.",
        exit_codes(
            f"{EXIT_OK}  nothing failed (warnings allowed)", f"{EXIT_PROBLEMS}  a check failed"
        ),
    ),
}


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Producers' Story Kiosk: an offline full-screen touch kiosk. "
        "With no command, runs the kiosk.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    adders = {
        "run": _run_options,
        "validate": _validate_options,
        "preview": _preview_options,
        "schema": _schema_options,
        "render": _render_options,
        "plan": _plan_options,
        "report": _report_options,
        "init": _init_options,
        "doctor": _doctor_options,
    }
    for name, (summary, description, epilog) in COMMANDS.items():
        sub = commands.add_parser(
            name,
            help=summary,
            description=description,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        adders[name](sub)
    return parser


def _content(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        metavar="PATH",
        help=f"the content file ({CONTENT_DEFAULT})",
    )


def _data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"where the log, the event database and status.json live ({DATA_DIR_DEFAULT})",
    )


def _run_options(parser: argparse.ArgumentParser) -> None:
    _content(parser)
    _data_dir(parser)
    parser.add_argument(
        "--windowed",
        action="store_true",
        help="a normal window that closes as usual (default: full screen)",
    )
    parser.add_argument(
        "--size",
        type=parse_size,
        default=None,
        metavar="WxH",
        help="window size with --windowed (default: 1280x720)",
    )
    parser.add_argument(
        "--screen",
        type=int,
        default=None,
        metavar="N",
        help="index of the screen to use (default: 0, the primary)",
    )


def _validate_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        metavar="PATH",
        help=f"the content file ({CONTENT_DEFAULT})",
    )


def _preview_options(parser: argparse.ArgumentParser) -> None:
    _content(parser)
    frame = parser.add_mutually_exclusive_group()
    frame.add_argument(
        "--size",
        type=parse_size,
        default=(1920, 1080),
        metavar="WxH",
        help="the booth screen to show the panels on, scaled to fit the window "
        "(default: 1920x1080; the window also offers 1080x1920, 3840x2160 and 800x480)",
    )
    frame.add_argument(
        "--portrait",
        action="store_const",
        const=(1080, 1920),
        dest="size",
        help="start on a portrait screen, 1080x1920",
    )
    parser.add_argument(
        "--lang",
        default=None,
        metavar="CODE",
        help="start in this language, e.g. fr (default: the content's default_language)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="the preview's own folder for its log and its last good copy (default: "
        "preview/ in the kiosk's data folder; the kiosk's own files are never touched)",
    )
    _when(parser, "show the booth as it is from this local time on, e.g. 2026-12-05T22:00: "
                  "its opening hours, dated panels and notice (default: every panel, open, "
                  "whatever the time)")


def _schema_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FILE",
        help="write it to FILE (default: print it)",
    )


def _render_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder for the PNGs (required)"
    )
    _content(parser)
    parser.add_argument(
        "--size",
        type=parse_size,
        default=(1920, 1080),
        metavar="WxH",
        help="image size, e.g. 1080x1920 (default: 1920x1080)",
    )
    parser.add_argument(
        "--lang",
        default=None,
        metavar="CODE",
        help="one language, e.g. fr (default: every language)",
    )
    parser.add_argument(
        "--at",
        type=float,
        default=None,
        metavar="SECONDS",
        help="seconds after the panel appeared (default: once it has settled)",
    )
    parser.add_argument(
        "--panel",
        default=None,
        metavar="ID",
        help="only the panel with this id (default: every panel)",
    )
    _when(parser, "what the screen shows at this local time, e.g. 2026-12-05T22:00 "
                  "(default: every panel, whatever the time)")


def _when(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--when", default=None, metavar="DATETIME", help=text)


def _plan_options(parser: argparse.ArgumentParser) -> None:
    _content(parser)
    _when(parser, "from this local date and time, e.g. 2026-12-05T13:55, in the schedule's "
                  "time zone (default: now)")
    parser.add_argument(
        "--minutes",
        type=float,
        default=10.0,
        metavar="N",
        help="how many minutes to plan, at most a week: 10080 (default: 10)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _report_options(parser: argparse.ArgumentParser) -> None:
    _data_dir(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--html",
        type=Path,
        default=None,
        metavar="FILE",
        help="also write a page with charts (default: none)",
    )
    parser.add_argument(
        "--since",
        default=None,
        metavar="DATE",
        help="only events on or after this date, e.g. 2026-11-27 (default: all)",
    )
    parser.add_argument(
        "--until",
        default=None,
        metavar="DATE",
        help="only events before this time; a date includes that day (default: all)",
    )
    parser.add_argument(
        "--tz",
        default=None,
        metavar="ZONE",
        help="the booth's time zone, e.g. America/Toronto (default: this machine's)",
    )
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        metavar="PATH",
        help="where panel titles and order come from (default: the data folder's last good copy)",
    )


def _init_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write (default: the user config folder, "
        "~/.config/producers-story-kiosk on Linux, where the kiosk looks for content)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing content.json, keeping it as content-backup-<date>.json",
    )


def _doctor_options(parser: argparse.ArgumentParser) -> None:
    _content(parser)
    _data_dir(parser)
    parser.add_argument("--json", action="store_true", help="print JSON, for monitoring")
