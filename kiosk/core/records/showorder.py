"""The panels a report lists, in show order with their titles, from the booth's content.

The event log knows panels by id only. A report names them as the exhibitor knows
them: from the content file given, else from the last good copy the kiosk keeps in
its data folder (what the booth actually showed last).
"""

from __future__ import annotations

from pathlib import Path

from kiosk.core.content.lastgood import load_last_good
from kiosk.core.content.load import LoadResult, load, load_bytes
from kiosk.core.content.model import localize


def show_order(content_path: Path | None, data_dir: Path) -> list[tuple[str, str | None]]:
    """``(id, title)`` of each panel in show order, titles in the default language.

    Parameters
    ----------
    content_path
        A content file to take the panels from; None for the data folder's last good copy.
    data_dir
        The kiosk's data folder.

    Returns
    -------
    list
        Empty when there is no usable content (the report then lists panels by id).
    """
    if content_path is not None:
        result = load(content_path)
    else:
        raw = load_last_good(data_dir)
        if raw is None:
            return []
        result = load_bytes(raw, data_dir)
    return _titles(result)


def _titles(result: LoadResult) -> list[tuple[str, str | None]]:
    content = result.content
    if content is None:
        return []
    language = content.default_language
    return [(panel.id, localize(panel.headline(), language, language) or None)
            for panel in content.panels]
