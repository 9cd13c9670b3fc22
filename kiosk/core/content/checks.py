"""Checks that need a validated document: panel ids, charts, figures, media, QR codes.

They run once the model accepts the file, on the `Content` it gives; the language and
text checks, which can run on any parsed document, live in `kiosk.core.content.texts`,
the lengths of texts (what fits at the smallest readable size) in
`kiosk.core.content.length_checks`, and what opening hours and dated panels mean in
`kiosk.core.content.schedule_checks`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path, PurePosixPath

from kiosk.core.content.folder import place_picture
from kiosk.core.content.jsonparse import JsonPath, Parsed
from kiosk.core.content.length_checks import length_problems
from kiosk.core.content.media import MediaRef, media_refs
from kiosk.core.content.media_checks import (
    Found,
    file_problems,
    poster_problems,
    qr_problems,
    shown_instead,
)
from kiosk.core.content.model import Content, Figure, StatsPanel
from kiosk.core.content.numbers import MAX_DECIMALS, format_figure
from kiosk.core.content.problems import Problem, Severity, format_path, locate, problem_at
from kiosk.core.content.schedule_checks import schedule_problems

BILLIONS_FROM = 0.001  # a compact currency figure from this up to 1,000 is read as billions


def content_problems(
    content: Content, parsed: Parsed, base_dir: Path, file_name: str = "content.json"
) -> list[Problem]:
    """Check ids, charts, figures, media files, QR codes and text lengths of `content`.

    Its pictures and videos are in `base_dir`; `file_name` is the content file's name, for messages.
    """
    return (_Checks(content, parsed, base_dir, file_name).run()
            + length_problems(content, parsed.positions)
            + schedule_problems(content, parsed.positions))


class _Checks:
    """The checks of one validated document."""

    def __init__(self, content: Content, parsed: Parsed, base_dir: Path, file_name: str) -> None:
        self.content = content
        self.positions = parsed.positions
        self.base_dir = base_dir
        self.file_name = file_name
        self.problems: list[Problem] = []

    def add(self, severity: Severity, message: str, path: JsonPath) -> None:
        """Record a problem at `path`."""
        self.problems.append(problem_at(severity, message, path, self.positions))

    def run(self) -> list[Problem]:
        """Run every check and return the problems found."""
        self.panel_ids()
        self.charts()
        self.figures()
        self.media()
        return self.problems

    def panel_ids(self) -> None:
        """Each panel needs its own id."""
        first: dict[str, int] = {}
        for index, panel in enumerate(self.content.panels):
            if panel.id not in first:
                first[panel.id] = index
                continue
            lines = [locate(self.positions, ("panels", i, "id")) for i in (first[panel.id], index)]
            numbers = " and ".join(str(where[0]) for where in lines if where)
            self.add(
                "error",
                f"id '{panel.id}' is used by two panels (lines {numbers}); give each panel "
                "its own id",
                ("panels", index, "id"),
            )

    def charts(self) -> None:
        """A chart series needs exactly one value per category."""
        for index, panel in enumerate(self.content.panels):
            chart = getattr(panel, "chart", None)
            if chart is None:
                continue
            wanted = len(chart.categories)
            categories = f"{wanted} categor{'y' if wanted == 1 else 'ies'}"
            for number, series in enumerate(chart.series):
                if len(series.values) != wanted:
                    self.add(
                        "error",
                        f"has {len(series.values)} value(s) but the chart has {categories}: "
                        "give exactly one value per category",
                        ("panels", index, "chart", "series", number, "values"),
                    )

    def figures(self) -> None:
        """A figure a visitor would read wrong: in billions by mistake, or shown as zero."""
        language = self.content.default_language
        for index, panel in enumerate(self.content.panels):
            if not isinstance(panel, StatsPanel):
                continue
            for number, figure in enumerate(panel.figures):
                hint = figure_hint(figure, language)
                if hint is not None:
                    self.add("warning", hint, ("panels", index, "figures", number, "value"))

    def media(self) -> None:
        """Pictures and videos must stay inside the content folder and be usable; QR codes."""
        for index, panel in enumerate(self.content.panels):
            found: list[Found] = [*poster_problems(panel)]
            for ref in media_refs(panel):
                real = self.media_file(ref, ("panels", index, *ref.where))
                if real is not None:
                    found.extend(file_problems(ref, real))
            if panel.qr is not None:
                found.extend(qr_problems(panel.qr))
            for severity, message, where in found:
                self.add(severity, message, ("panels", index, *where))

    def media_file(self, ref: MediaRef, path: JsonPath) -> Path | None:
        """Check where one media file is: its real path when it exists inside the folder.

        The one containment check (`kiosk.core.content.folder.place_picture`): a name
        that leaves the folder as written, or a link that leads out of it, is an error.
        """
        name = ref.file
        place = place_picture(self.base_dir, name, self.file_name, ref.kind)
        if place.refusal is not None:
            self.add("error", place.refusal, path)
        elif place.real is None or not place.real.exists():
            same = other_case(self.base_dir, name)
            hint = f"did you mean '{same}'? (letter case counts) " if same else ""
            self.add(
                "warning",
                f"{ref.kind} '{name}' not found in the folder of {self.file_name}; {hint}"
                f"the kiosk will show {shown_instead(ref)}",
                path,
            )
        else:
            return place.real
        return None


def file_problems_of(
    content: Content, problems: Sequence[Problem], kind: str = "picture"
) -> list[Problem]:
    """The problems `kiosk validate` found with the files of `kind` that `content` names.

    Missing, unreadable, cut short, too large, of a format the kiosk does not show: the
    very lines validate prints, for `kiosk doctor` to name them the same way.
    """
    places = {format_path(("panels", index, *ref.where))
              for index, panel in enumerate(content.panels)
              for ref in media_refs(panel) if ref.kind == kind}
    return [problem for problem in problems if problem.path in places]


def figure_hint(figure: Figure, language: str) -> str | None:
    """What a visitor would read wrong in `figure`, with the fix; None when nothing.

    A compact currency figure under 1,000 was almost surely written in billions; any
    other figure that is not 0 must not show as 0 ("$0.000" for 0.0004).
    """
    if figure.format == "currency-compact" and BILLIONS_FROM <= figure.value < 1000:
        return billions_hint(figure.value, figure.currency, language)
    shown = format_figure(figure.value, figure.format, language, figure.currency, figure.decimals)
    if figure.value and not _significant(shown):
        return zero_hint(figure, shown, language)
    return None


def _significant(shown: str) -> bool:
    """True when a formatted figure has a digit other than 0, in any script."""
    return any(char.isdigit() and unicodedata.digit(char, 0) for char in shown)


def zero_hint(figure: Figure, shown: str, language: str) -> str:
    """The warning for a figure other than 0 that shows as 0 at its decimals."""
    enough = next((places for places in range((figure.decimals or 0) + 1, MAX_DECIMALS + 1)
                   if _significant(format_figure(figure.value, figure.format, language,
                                                 figure.currency, places))), None)
    said = f'shows as "{shown}" although its value is {figure.value!r}'
    if figure.decimals is not None and enough is not None:
        return (
            f"{said}: it rounds to zero at {figure.decimals} decimal"
            f'{"" if figure.decimals == 1 else "s"}; give "decimals": '
            f'{enough}, or leave "decimals" out (the kiosk then shows the digits that matter)'
        )
    in_full = (" (write an amount in full, 7100000000 rather than 7.1: the kiosk adds the "
               "word)" if figure.format == "currency-compact" else "")
    return (
        f"{said}: it rounds to zero even at {MAX_DECIMALS} decimals, the most the kiosk "
        f"shows; check the value{in_full}"
    )


def billions_hint(value: float, currency: str, language: str) -> str:
    """The warning for a compact currency figure under 1,000, with the likely fix."""
    shown = format_figure(value, "currency-compact", language, currency)
    meant = Decimal(repr(float(value))).scaleb(9)
    full = format(meant.quantize(Decimal(1)) if meant == meant.to_integral() else meant, "f")
    intended = format_figure(float(meant), "currency-compact", language, currency)
    return (
        f'shows as "{shown}": a currency figure below 1,000 with the compact format is '
        f"almost surely written in billions: did you mean {full} for {intended}? "
        "(write the amount in full; the kiosk adds the word)"
    )


def other_case(base_dir: Path, name: str) -> str | None:
    """The file `name` under `base_dir` with another letter case, or None.

    A booth PC may run Windows, where "Pictures/Booth.JPG" finds "pictures/booth.jpg",
    and the kiosk Linux, where it does not.
    """
    folder, found = base_dir, []
    for part in PurePosixPath(name).parts:
        try:
            matches = [entry.name for entry in folder.iterdir()
                       if entry.name.lower() == part.lower()]
        except OSError:
            return None
        if len(matches) != 1:
            return None
        found.append(matches[0])
        folder = folder / matches[0]
    return "/".join(found) if folder.is_file() else None
