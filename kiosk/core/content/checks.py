"""Checks that need a validated document: panel ids, chart series and pictures.

They run once the model accepts the file, on the `Content` it gives; the language and
text checks, which can run on any parsed document, live in `kiosk.core.content.texts`.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from kiosk.core.content.jsonparse import JsonPath, Parsed
from kiosk.core.content.model import Content
from kiosk.core.content.problems import Problem, Severity, locate, problem_at

_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".svg")


def content_problems(content: Content, parsed: Parsed, base_dir: Path) -> list[Problem]:
    """Check ids, charts and pictures of validated `content` whose pictures are in `base_dir`."""
    return _Checks(content, parsed, base_dir).run()


class _Checks:
    """The checks of one validated document."""

    def __init__(self, content: Content, parsed: Parsed, base_dir: Path) -> None:
        self.content = content
        self.positions = parsed.positions
        self.base_dir = base_dir
        self.problems: list[Problem] = []

    def add(self, severity: Severity, message: str, path: JsonPath) -> None:
        """Record a problem at `path`."""
        self.problems.append(problem_at(severity, message, path, self.positions))

    def run(self) -> list[Problem]:
        """Run every check and return the problems found."""
        self.panel_ids()
        self.charts()
        self.images()
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

    def images(self) -> None:
        """Pictures must stay inside the content folder and should exist."""
        for index, panel in enumerate(self.content.panels):
            if panel.image is not None:
                self.image(panel.image, ("panels", index, "image"))

    def image(self, name: str, path: JsonPath) -> None:
        """Check one picture path."""
        windows, posix = PureWindowsPath(name), PurePosixPath(name)
        if windows.is_absolute() or posix.is_absolute() or windows.drive or ".." in windows.parts:
            self.add(
                "error",
                f"'{name}' points outside the content folder; use a path inside it, "
                'relative to content.json, e.g. "images/map.png" (no drive, no leading /, no ..)',
                path,
            )
        elif "\\" in name:
            fixed = name.replace("\\", "/")
            self.add("error", f"write / between folders, not \\: '{fixed}'", path)
        elif not (self.base_dir / name).is_file():
            self.add(
                "warning",
                f"picture '{name}' not found next to content.json; the kiosk will show a "
                "placeholder",
                path,
            )
        elif posix.suffix.lower() not in _IMAGE_TYPES:
            self.add("warning", f"'{name}' is not a PNG, JPEG or SVG picture", path)
