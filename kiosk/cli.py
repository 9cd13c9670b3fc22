"""Command line: run, validate, schema, render, report.

This is the only module that turns outcomes into exit codes. Each subcommand
imports what it needs inside its handler, so `kiosk validate` never pays for Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

DEFAULT_CONTENT = Path("content.json")

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


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


def _add_content(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=DEFAULT_CONTENT,
        help="the content file (default: ./content.json)",
    )


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where logs, the event database and status.json live "
        "(default: $KIOSK_DATA_DIR, else the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Producers' Story Kiosk: an offline full-screen touch kiosk. "
        "With no command, runs the kiosk.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start the kiosk (the default command)")
    _add_run_options(run)

    validate = commands.add_parser("validate", help="check a content file and list its problems")
    validate.add_argument("path", nargs="?", type=Path, default=DEFAULT_CONTENT)

    schema = commands.add_parser("schema", help="print the JSON Schema of content.json")
    schema.add_argument("--out", type=Path, default=None, help="write it to this file")

    render = commands.add_parser("render", help="write one PNG per panel, as the kiosk shows it")
    render.add_argument("--out", type=Path, required=True, help="folder for the PNGs")
    _add_content(render)
    render.add_argument("--size", type=parse_size, default=(1920, 1080), help="WxH, e.g. 1080x1920")
    render.add_argument("--lang", default=None, help="language code (default: every language)")
    render.add_argument(
        "--at",
        type=float,
        default=None,
        help="seconds after the panel appeared (default: once it has settled)",
    )
    render.add_argument("--panel", default=None, help="only the panel with this id")

    report = commands.add_parser(
        "report", help="what the booth saw: proof-of-play, visitor sessions, kiosk health"
    )
    _add_report_options(report)
    return parser


def _add_report_options(parser: argparse.ArgumentParser) -> None:
    _add_data_dir(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--html", type=Path, default=None, metavar="FILE", help="also write a page with charts"
    )
    parser.add_argument("--since", default=None, help="only events on or after this date (ISO)")
    parser.add_argument(
        "--until", default=None, help="only events before this time; a date includes that day"
    )
    parser.add_argument(
        "--tz",
        default=None,
        help="the booth's time zone, e.g. America/Toronto (default: this machine's)",
    )
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        help="where panel titles and order come from (default: the data folder's last good copy)",
    )


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    _add_content(parser)
    _add_data_dir(parser)
    parser.add_argument("--windowed", action="store_true", help="a normal window, not full screen")
    parser.add_argument("--size", type=parse_size, default=None, help="window size, e.g. 1280x720")
    parser.add_argument("--screen", type=int, default=None, help="index of the screen to use")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list.insert(0, "run")
    parser = build_parser()
    args = parser.parse_args(args_list)
    # The content model uses no pydantic plugins: skip pydantic's scan of every
    # installed package for them (start-up time of `run` and `validate`).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    handlers = {
        "run": _run,
        "validate": _validate,
        "schema": _schema,
        "render": _render,
        "report": _report,
    }
    return handlers[args.command](args)


def _run(args: argparse.Namespace) -> int:
    from kiosk.boot import RunOptions, run

    options = RunOptions(
        content_path=args.content,
        data_dir=args.data_dir,
        windowed=args.windowed,
        size=args.size,
        screen=args.screen,
    )
    return run(options)


def _validate(args: argparse.Namespace) -> int:
    from kiosk.core.content.load import load
    from kiosk.core.content.problems import format_problem

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}{'' if number == 1 else 's'}"

    result = load(args.path)
    name = args.path.name  # the same name on every line, as the problem lines point at it
    for problem in result.problems:
        print(format_problem(problem, name), file=sys.stderr)
    errors = sum(problem.severity == "error" for problem in result.problems)
    warnings = len(result.problems) - errors
    if result.content is None:
        found = count(errors, "error") + (f", {count(warnings, 'warning')}" if warnings else "")
        fix = "the error" if errors == 1 else "the errors"
        print(f"{name}: not usable ({found}); fix {fix} above.", file=sys.stderr)
        return EXIT_PROBLEMS
    tail = f", {count(warnings, 'warning')}" if warnings else ", no problems"
    print(f"{name}: OK ({count(len(result.content.panels), 'panel')}{tail})")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from kiosk.core.content.schema import schema_text

    text = schema_text()
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    from kiosk.core.content.load import load
    from kiosk.core.content.problems import format_problem

    result = load(args.content)
    for problem in result.problems:
        print(format_problem(problem, args.content.name), file=sys.stderr)
    if result.content is None:
        return EXIT_PROBLEMS
    content = result.content
    if args.panel is not None and args.panel not in {p.id for p in content.panels}:
        print(f"no panel with id {args.panel!r}", file=sys.stderr)
        return EXIT_USAGE
    if args.lang is not None and args.lang not in content.languages:
        print(f"language {args.lang!r} is not in {content.languages}", file=sys.stderr)
        return EXIT_USAGE

    from kiosk.ui.render import render_to_folder

    written = render_to_folder(
        content,
        args.content.parent,
        args.out,
        size=args.size,
        languages=[args.lang] if args.lang else list(content.languages),
        at=args.at,
        panel_id=args.panel,
    )
    for path in written:
        print(path)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    import json

    from kiosk.core.records.localtime import parse_moment, zone
    from kiosk.core.records.paths import EVENTS_DB, preferred_data_dir
    from kiosk.core.records.report import summarize
    from kiosk.core.records.report_text import format_report
    from kiosk.core.records.showorder import show_order

    try:
        tz = zone(args.tz)
        for option, text in (("--since", args.since), ("--until", args.until)):
            if text is not None:
                parse_moment(text, tz, option)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    data_dir = preferred_data_dir(args.data_dir)
    db_path = data_dir / EVENTS_DB
    if not db_path.exists() and not _is_default_data_dir(data_dir):
        print(
            f"No event database ({EVENTS_DB}) in {data_dir}: is that the kiosk's data folder?",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    panels = show_order(args.content, data_dir)
    summary = summarize(db_path, args.since, args.until, tz, panels)
    if args.html is not None and not _write_html(args.html, summary):
        return EXIT_PROBLEMS
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    elif args.html is None:
        print(format_report(summary, tz))
    return EXIT_OK


def _is_default_data_dir(folder: Path) -> bool:
    """Whether `folder` is where the kiosk keeps its data when not told otherwise."""
    from kiosk.core.records.paths import preferred_data_dir

    return folder.expanduser().resolve() == preferred_data_dir(None).resolve()


def _write_html(path: Path, summary: dict[str, object]) -> bool:
    from kiosk.core.records.report_html import render_html

    try:
        path.write_text(render_html(summary), encoding="utf-8")
    except OSError as exc:
        print(f"Could not write the report to {path}: {exc.strerror or exc}.", file=sys.stderr)
        return False
    print(f"Report written to {path}")
    return True
