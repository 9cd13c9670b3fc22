"""Doctor checks of the content: where, valid, its pictures there, videos playable, PIN."""

from __future__ import annotations

from kiosk.core.content.load import LoadResult
from kiosk.core.content.location import FROM_SHIPPED, ContentLocation
from kiosk.core.content.model import Settings
from kiosk.core.content.problems import format_problem
from kiosk.core.content.source import picture_paths
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
        return warn(
            "content",
            f"{where}: {panels} panels, {warnings} warning(s)",
            f"kiosk validate {location.path}",
        )
    found = ok("content", f"{where}: {panels} panels, no problems")
    if location.origin == FROM_SHIPPED:
        return warn(
            "content",
            f"{found.message}; this is the story shipped with the kiosk",
            "kiosk init  (an editable copy the kiosk then reads)",
        )
    return found


def pictures_result(location: ContentLocation, loaded: LoadResult) -> Result:
    """Whether every picture the content names is beside it."""
    if loaded.content is None:
        return warn("pictures", "not checked: the content is not usable", "fix the content first")
    pictures = picture_paths(loaded.content, location.path.parent)
    missing = [path for path in pictures if not path.is_file()]
    if missing:
        names = ", ".join(str(path.relative_to(location.path.parent)) for path in missing)
        return warn(
            "pictures",
            f"{len(missing)} of {len(pictures)} missing: {names} (a placeholder shows instead)",
            f"copy them into {location.path.parent}",
        )
    if not pictures:
        return ok("pictures", "the content uses no pictures")
    return ok("pictures", f"all {len(pictures)} present")


def videos_result(loaded: LoadResult) -> Result:
    """Whether the video panels of the content will play (else they show their poster)."""
    if loaded.content is None:
        return warn("videos", "not checked: the content is not usable", "fix the content first")
    videos = [panel for panel in loaded.content.panels if panel.kind == "video"]
    if not videos:
        return ok("videos", "the content has no video panels")
    reason = video_support()
    if reason is not None:
        return warn("videos", f"{len(videos)} video panel(s) will show their poster: {reason}",
                    f"{INSTALL_LIBMPV}, then {INSTALL_EXTRA}")
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
