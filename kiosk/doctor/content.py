"""Doctor checks of the content: where, valid, its pictures there, videos playable, PIN."""

from __future__ import annotations

from kiosk.core.content.checks import file_problems_of
from kiosk.core.content.load import LoadResult
from kiosk.core.content.location import FROM_SHIPPED, ContentLocation
from kiosk.core.content.media import media_refs
from kiosk.core.content.model import Settings
from kiosk.core.content.problems import Problem, format_problem
from kiosk.doctor.result import Result, fail, ok, warn
from kiosk.mpvlib import INSTALL_EXTRA, INSTALL_LIBMPV, video_support

SHIPPED_PIN = Settings.model_fields["admin_pin"].default


def content_result(location: ContentLocation, loaded: LoadResult) -> Result:
    """Whether the content the kiosk would read exists and validates."""
    where = location.describe()
    if loaded.content is None:
        errors = [p for p in loaded.problems if p.severity == "error"]
        first = format_problem(errors[0], location.path.name) if errors else "cannot be read"
        return fail(
            "content",
            f"{where}: not usable ({len(errors)} error(s); first: {first})",
            f"kiosk validate {location.path}  (lists every error, with its line)",
        )
    panels = len(loaded.content.panels)
    warnings = len(loaded.problems)
    if warnings:
        first = format_problem(_first_to_read(loaded.problems), location.path.name)
        return warn(
            "content",
            f"{where}: {panels} panels, {warnings} warning(s); first: {first}",
            f"kiosk validate {location.path}  (lists every warning, with its line)",
        )
    found = ok("content", f"{where}: {panels} panels, no problems")
    if location.origin == FROM_SHIPPED:
        return warn(
            "content",
            f"{found.message}; this is the story shipped with the kiosk",
            "kiosk init  (an editable copy the kiosk then reads)",
        )
    return found


def _first_to_read(warnings: list[Problem]) -> Problem:
    """The warning to name first: the first about the whole booth, else the first in the file.

    A booth that never opens, or a notice, concerns every panel: it comes before a title
    too long on one of them.
    """
    return min(warnings, key=lambda problem: problem.path.startswith("panels"))


def pictures_result(location: ContentLocation, loaded: LoadResult) -> Result:
    """Whether every picture the content names can be shown, in `kiosk validate`'s words."""
    if loaded.content is None:
        return warn("pictures", "not checked: the content is not usable", "fix the content first")
    named = [ref for panel in loaded.content.panels for ref in media_refs(panel)
             if ref.kind == "picture"]  # each place a picture is named
    found = _file_problems(loaded, "picture", location.path.name)
    if found:
        return warn("pictures", f"{len(found)} of {len(named)} to look at, "
                    f"{_as_validate_says(found)}",
                    f"do what each line says (pictures are in {location.path.parent})")
    if not named:
        return ok("pictures", "the content uses no pictures")
    return ok("pictures", f"all {len(named)} present and readable")


def _file_problems(loaded: LoadResult, kind: str, file_name: str) -> list[str]:
    """Validate's lines about the files of `kind` the loaded content names."""
    assert loaded.content is not None
    found = file_problems_of(loaded.content, loaded.problems, kind)
    return [format_problem(problem, file_name) for problem in found]


def _as_validate_says(lines: list[str]) -> str:
    """Validate's lines under one heading, one a line."""
    return "as kiosk validate says:\n" + "\n".join(lines)


def videos_result(loaded: LoadResult, file_name: str = "content.json") -> Result:
    """Whether the video panels of the content will play (else they show their poster).

    The player must be installed, and each video file there and playable, as `kiosk
    validate` says (`file_name` is the content file's name, for its lines).
    """
    if loaded.content is None:
        return warn("videos", "not checked: the content is not usable", "fix the content first")
    videos = [panel for panel in loaded.content.panels if panel.kind == "video"]
    if not videos:
        return ok("videos", "the content has no video panels")
    reason = video_support()
    if reason is not None:
        return warn("videos", f"{len(videos)} video panel(s) will show their poster: {reason}",
                    f"{INSTALL_LIBMPV}, then {INSTALL_EXTRA}")
    found = _file_problems(loaded, "video", file_name)
    if found:
        return warn("videos", f"{len(videos)} video panel(s); the player is installed; to "
                    f"look at, {_as_validate_says(found)}", "do what each line says")
    return ok("videos", f"{len(videos)} video panel(s); the player is installed")


def pin_result(loaded: LoadResult) -> Result:
    """Whether the operator PIN is still the one everybody can read in the manual."""
    if loaded.content is None:
        return warn("pin", "not checked: the content is not usable", "fix the content first")
    if loaded.content.settings.admin_pin == SHIPPED_PIN:
        return warn(
            "pin",
            f"the operator PIN is the shipped {SHIPPED_PIN}: anyone who read the manual can "
            "leave the kiosk",
            'set "admin_pin" under "settings" in content.json to 4 to 8 digits of your own',
        )
    return ok("pin", "the operator PIN is not the shipped one")
