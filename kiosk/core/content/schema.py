"""The JSON Schema of content.json, generated from the content model.

`schema_text` is the schema that editors such as VS Code use to check content.json as
it is typed (`kiosk schema --out content.schema.json`). How `kiosk validate` words a
breach of the model is in `kiosk.core.content.model_errors`.
"""

from __future__ import annotations

import json
from typing import Any

from kiosk.core.content.model import Content

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
TITLE = "Producers' Story Kiosk content"
DESCRIPTION = (
    "content.json: the languages, settings and panels the kiosk shows. Check it with "
    "`kiosk validate content.json`; regenerate this schema with "
    "`kiosk schema --out content.schema.json`."
)


def schema_text() -> str:
    """Return the JSON Schema of content.json, deterministic, ending with a newline."""
    schema = Content.model_json_schema(by_alias=True, mode="validation")
    schema.pop("title", None)
    schema.pop("description", None)
    document = {"$schema": SCHEMA_DIALECT, "title": TITLE, "description": DESCRIPTION, **schema}
    _close_language_maps(document)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _close_language_maps(node: Any) -> None:
    """Make {language: text} maps reject other keys, so editors flag "EN" or "english"."""
    if isinstance(node, dict):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _close_language_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_language_maps(value)
