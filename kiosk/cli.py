"""Command line: run, validate, preview, schema, render, plan, report, init, doctor.

This is the only module that turns outcomes into exit codes (their numbers and the
help that lists them are in `kiosk.cli_parser`). Each sub-command imports what it
needs inside its handler, so `kiosk validate` never pays for Qt.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kiosk.cli_parser import (
    EXIT_NO_DISPLAY,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    build_parser,
    parse_size,
)
from kiosk.core.content.location import FROM_OPTION, ContentLocation, locate_content

if TYPE_CHECKING:
    from kiosk.core.content.model import Content

__all__ = [
    "EXIT_NO_DISPLAY",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "build_parser",
    "main",
    "parse_size",
]

TOP_LEVEL_FLAGS = ("-h", "--help", "--version")
MAX_PLAN_MINUTES = 7 * 24 * 60


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in TOP_LEVEL_FLAGS):
        args_list.insert(0, "run")
    parser = build_parser()
    args = parser.parse_args(args_list)
    # The content model uses no pydantic plugins: skip pydantic's scan of every
    # installed package for them (start-up time of `run` and `validate`).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    handlers = {
        "run": _run,
        "validate": _validate,
        "preview": _preview,
        "schema": _schema,
        "render": _render,
        "plan": _plan,
        "report": _report,
        "init": _init,
        "doctor": _doctor,
    }
    try:
        code = handlers[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
    except BrokenPipeError:  # e.g. `kiosk report | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return code


def _run(args: argparse.Namespace) -> int:
    from kiosk.boot import RunOptions, run
    from kiosk.display import DisplayUnavailable
    from kiosk.logsetup import shutdown_logging

    location = locate_content(args.content)
    options = RunOptions(
        content_path=location.path,
        data_dir=args.data_dir,
        windowed=args.windowed,
        size=args.size,
        screen=args.screen,
        content_from=location.origin,
    )
    try:
        return run(options)
    except DisplayUnavailable as exc:
        logging.getLogger("kiosk").error("%s", exc)  # stderr and the log file
        shutdown_logging()
        return EXIT_NO_DISPLAY


def _validate(args: argparse.Namespace) -> int:
    from kiosk.core.content.load import load
    from kiosk.core.content.validation import problem_lines, verdict

    path = _located(args.path).path
    name = path.name  # the same name on every line, as the problem lines point at it
    result = load(path)
    for line in problem_lines(result.problems, name):
        print(line, file=sys.stderr)
    print(verdict(result, name), file=sys.stdout if result.ok else sys.stderr)
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def _preview(args: argparse.Namespace) -> int:
    from kiosk.boot import RunOptions, prepare
    from kiosk.core.records.paths import preview_data_dir
    from kiosk.display import DisplayUnavailable
    from kiosk.logsetup import shutdown_logging

    location = _located(args.content)
    if args.when is not None and _local_moment(args.when) is None:  # before any window
        return EXIT_USAGE
    run = RunOptions(location.path, preview_data_dir(args.data_dir), windowed=True,
                     size=args.size, content_from=location.origin)
    try:
        prepared = prepare(run)
    except DisplayUnavailable as exc:
        logging.getLogger("kiosk").error("%s", exc)
        shutdown_logging()
        return EXIT_NO_DISPLAY
    content = prepared.source.content
    if args.lang is not None and args.lang not in content.languages:
        print(f"language {args.lang!r} is not in {content.languages}", file=sys.stderr)
        return EXIT_USAGE
    when = _moment(args.when, content) or None  # checked above: never False here

    from kiosk.ui.preview.app import PreviewOptions, run_preview

    options = PreviewOptions(location.path, args.size, args.lang, location.origin, when)
    code = run_preview(options, prepared)
    shutdown_logging()
    return code


def _located(given: Path | None) -> ContentLocation:
    """The content file to read; where it was found goes to stderr unless it was named."""
    location = locate_content(given)
    if location.origin != FROM_OPTION:
        print(f"content: {location.describe()}", file=sys.stderr)
    return location


def _schema(args: argparse.Namespace) -> int:
    from kiosk.core.content.schema import schema_text

    text = schema_text()
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    loaded = _usable_content(args.content)
    if loaded is None:
        return EXIT_PROBLEMS
    content, path = loaded
    if args.panel is not None and args.panel not in {p.id for p in content.panels}:
        print(f"no panel with id {args.panel!r}", file=sys.stderr)
        return EXIT_USAGE
    if args.lang is not None and args.lang not in content.languages:
        print(f"language {args.lang!r} is not in {content.languages}", file=sys.stderr)
        return EXIT_USAGE
    when = _moment(args.when, content)
    if when is False:
        return EXIT_USAGE
    languages = [args.lang] if args.lang else list(content.languages)

    from kiosk.ui.render import render_to_folder, render_when

    try:
        if when is None:
            written = render_to_folder(content, path.parent, args.out, size=args.size,
                                       languages=languages, at=args.at, panel_id=args.panel)
        else:
            written = render_when(content, path.parent, args.out, epoch=when[0], zone=when[1],
                                  size=args.size, languages=languages)
    except OSError as exc:
        print(f"cannot write the images: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for written_path in written:
        print(written_path)
    return EXIT_OK


def _usable_content(given: Path | None) -> tuple[Content, Path] | None:
    """The content found from `given`, its problems printed; None when it has errors."""
    from kiosk.core.content.load import load
    from kiosk.core.content.validation import problem_lines

    path = _located(given).path
    result = load(path)
    for line in problem_lines(result.problems, path.name):
        print(line, file=sys.stderr)
    return None if result.content is None else (result.content, path)


def _moment(text: str | None, content: Content) -> tuple[float, tzinfo] | Literal[False] | None:
    """--when as epoch seconds in the schedule's zone, and the machine's zone.

    None when not given; False (after saying why) when it is not a local date and time.
    """
    if text is None:
        return None
    from kiosk.core.content.schedule import local_instant
    from kiosk.core.records.localtime import local_zone
    from kiosk.core.show.calendar import content_zone

    moment = _local_moment(text)
    if moment is None:
        return False
    zone = local_zone()
    return local_instant(moment, content_zone(content, zone)), zone


def _local_moment(text: str) -> datetime | None:
    """--when as a local date and time; None after saying why it is not one."""
    from kiosk.core.content.timetext import parse_moment

    try:
        return parse_moment(text)
    except ValueError as exc:
        print(f"--when: {exc}", file=sys.stderr)
        return None


def _plan(args: argparse.Namespace) -> int:
    import json
    import time

    from kiosk.core.content.source import Source
    from kiosk.core.records.localtime import local_zone
    from kiosk.core.show.changes import dwells
    from kiosk.core.show.moment import plan
    from kiosk.core.show.plantext import plan_json, plan_rows, plan_text

    loaded = _usable_content(args.content)
    if loaded is None:
        return EXIT_PROBLEMS
    content, path = loaded
    when = _moment(args.when, content)
    if when is False:
        return EXIT_USAGE
    start, zone = when if when is not None else (time.time(), local_zone())
    if not 0 < args.minutes <= MAX_PLAN_MINUTES:
        print(f"--minutes must be more than 0 and at most {MAX_PLAN_MINUTES} (a week)",
              file=sys.stderr)
        return EXIT_USAGE
    end = start + args.minutes * 60
    lengths = dwells(Source(content, path.parent, "file"))  # a video panel: its video's
    rows = plan_rows(content, plan(content, start, end, zone, lengths), end, zone)
    if args.json:
        print(json.dumps(plan_json(content, rows, zone), indent=2, ensure_ascii=False))
    else:
        print(plan_text(content, rows, zone))
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    import json

    from kiosk.core.records.localtime import parse_moment, zone
    from kiosk.core.records.logread import unreadable
    from kiosk.core.records.paths import EVENTS_DB, preferred_data_dir
    from kiosk.core.records.report import summarize
    from kiosk.core.records.report_text import format_report
    from kiosk.core.records.showorder import show_order

    try:
        tz = zone(args.tz)
        since = None if args.since is None else parse_moment(args.since, tz, "--since")
        until = None if args.until is None else parse_moment(args.until, tz, "--until", end=True)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    if since is not None and until is not None and since >= until:
        print(f"--since ({args.since}) must come before --until ({args.until}).",
              file=sys.stderr)
        return EXIT_USAGE
    data_dir = preferred_data_dir(args.data_dir)
    db_path = data_dir / EVENTS_DB
    if not os.path.lexists(db_path) and not _is_default_data_dir(data_dir):
        print(
            f"No event database ({EVENTS_DB}) in {data_dir}: is that the kiosk's data folder?",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    there = os.path.lexists(db_path)
    problem = unreadable(db_path) if there else None
    if problem is not None:  # never a quiet day for a file that cannot be read
        return _cannot_read(db_path, problem)
    panels = show_order(args.content, data_dir)
    summary = summarize(db_path, args.since, args.until, tz, panels)
    if there and summary["error"]:  # damage met while reading
        return _cannot_read(db_path, summary["error"])
    if args.html is not None and not _write_html(args.html, summary):
        return EXIT_PROBLEMS
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    elif args.html is None:
        print(format_report(summary, tz))
    return EXIT_OK


def _cannot_read(db_path: Path, problem: str) -> int:
    """One sentence for an event database that exists but cannot be read; exit 1."""
    print(
        f"Cannot read the event database {db_path} ({problem}): check that --data-dir names "
        "a kiosk's data folder; a damaged file can be moved aside, and the kiosk starts a "
        "new one.",
        file=sys.stderr,
    )
    return EXIT_PROBLEMS


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


def _init(args: argparse.Namespace) -> int:
    from kiosk.core.content.location import user_config_dir
    from kiosk.core.content.starter import ContentExists, exists_text, write_starter, written_text

    folder = (args.dir or user_config_dir()).expanduser().absolute()
    try:
        written = write_starter(folder, force=args.force)
    except ContentExists as exc:
        print(exists_text(Path(str(exc))), file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        print(f"cannot write to {folder}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(written_text(written, locate_content(None)))
    return EXIT_OK


def _doctor(args: argparse.Namespace) -> int:
    from kiosk.doctor import run_checks
    from kiosk.doctor.report import format_json, format_text

    location = locate_content(args.content)
    results = run_checks(location, args.data_dir)
    print(format_json(results) if args.json else format_text(results))
    failed = any(result.status == "FAIL" for result in results)
    return EXIT_PROBLEMS if failed else EXIT_OK
