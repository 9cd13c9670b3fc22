"""Read a running kiosk's event log for scripts/xvfb_e2e.sh.

``python scripts/e2e_probe.py DATA_DIR panel`` prints the index (in content.json)
of the panel shown last, ``... DATA_DIR language`` its language, and
``... DATA_DIR count KIND [DETAIL]`` how many interactions of KIND (and DETAIL)
were recorded. The database is opened read-only, as
`kiosk report` does. Run it with the repository on PYTHONPATH.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from kiosk.core.records.paths import EVENTS_DB

ROOT = Path(__file__).resolve().parents[1]


def _query(data_dir: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    uri = f"{(data_dir / EVENTS_DB).resolve().as_uri()}?mode=ro"
    with sqlite3.connect(uri, uri=True, timeout=2.0) as conn:
        return conn.execute(sql, params).fetchall()


def panel_index(data_dir: Path, content: Path) -> int:
    """Index of the panel shown last, or -1 when nothing was shown yet."""
    rows = _query(data_dir, "SELECT panel_id FROM showings ORDER BY id DESC LIMIT 1")
    ids = [panel["id"] for panel in json.loads(content.read_text("utf-8"))["panels"]]
    return ids.index(rows[0][0]) if rows else -1


def last_language(data_dir: Path) -> str:
    """Language of the showing recorded last ('' when nothing was shown yet)."""
    rows = _query(data_dir, "SELECT language FROM showings ORDER BY id DESC LIMIT 1")
    return str(rows[0][0]) if rows else ""


def interaction_count(data_dir: Path, kind: str, detail: str | None = None) -> int:
    """How many interactions of `kind` (and `detail`, if given) were recorded."""
    sql = "SELECT COUNT(*) FROM interactions WHERE kind = ? AND (? IS NULL OR detail = ?)"
    return int(_query(data_dir, sql, (kind, detail, detail))[0][0])


def main(argv: list[str]) -> int:
    """Print what was asked for; exit code 2 on a usage error."""
    if len(argv) >= 2 and argv[1] == "panel":
        print(panel_index(Path(argv[0]), ROOT / "content.json"))
    elif len(argv) >= 2 and argv[1] == "language":
        print(last_language(Path(argv[0])))
    elif len(argv) >= 3 and argv[1] == "count":
        print(interaction_count(Path(argv[0]), argv[2], argv[3] if len(argv) > 3 else None))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
