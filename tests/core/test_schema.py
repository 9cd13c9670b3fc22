"""The JSON Schema of content.json: generated from the model, shipped up to date."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.core.content.model import ICON_NAMES, PANEL_KINDS
from kiosk.core.content.schema import schema_text

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "content.schema.json"


def test_shipped_schema_is_up_to_date():
    assert SHIPPED.is_file(), (
        "content.schema.json is missing: run `kiosk schema --out content.schema.json`"
    )
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), (
        "content.schema.json is stale: run `kiosk schema --out content.schema.json`"
    )


def test_schema_is_deterministic_and_ends_with_a_newline():
    assert schema_text() == schema_text()
    assert schema_text().endswith("}\n")


def test_schema_describes_the_document():
    schema = json.loads(schema_text())
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["title"] and schema["description"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"languages", "default_language", "panels"}
    assert "$schema" in schema["properties"]


def test_schema_lists_panel_kinds_and_icons():
    schema = json.loads(schema_text())
    mapping = schema["properties"]["panels"]["items"]["discriminator"]["mapping"]
    assert sorted(mapping) == sorted(PANEL_KINDS)
    assert schema["$defs"]["Card"]["properties"]["icon"]["enum"] == list(ICON_NAMES)
    for name in ("TitlePanel", "CardsPanel", "StepsPanel", "StatsPanel", "Card", "Figure"):
        assert schema["$defs"][name]["additionalProperties"] is False


def test_schema_gives_the_limits_of_a_dwell():
    schema = json.loads(schema_text())
    dwell = schema["$defs"]["Settings"]["properties"]["dwell_seconds"]
    assert dwell["exclusiveMinimum"] == 0
    assert dwell["maximum"] == 3600


def test_language_maps_reject_other_keys():
    card = json.loads(schema_text())["$defs"]["Card"]["properties"]["title"]
    (language_map,) = [branch for branch in card["anyOf"] if branch.get("type") == "object"]
    assert list(language_map["patternProperties"]) == ["^[a-z]{2}$"]
    assert language_map["additionalProperties"] is False
