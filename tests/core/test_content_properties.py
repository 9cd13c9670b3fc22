"""Whatever the bytes, loading gives content or problems, never an exception."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.content.jsonparse import JSONSyntaxError, parse_bytes
from kiosk.core.content.load import LoadResult, load_bytes

HERE = Path(__file__).resolve().parent

VALID = {
    "$schema": "./content.schema.json",
    "languages": ["en", "fr"],
    "default_language": "en",
    "settings": {"dwell_seconds": 10, "transition": "slide", "theme": {"accent": "#F5B041"}},
    "panels": [
        {"id": "intro", "kind": "title", "title": {"en": "Hi", "fr": "Salut"}},
        {
            "id": "jobs",
            "kind": "cards",
            "title": {"en": "Jobs", "fr": "Emplois"},
            "cards": [
                {"icon": "star", "title": {"en": "A", "fr": "A"}, "text": {"en": "B", "fr": "B"}}
            ],
        },
        {
            "id": "how",
            "kind": "steps",
            "title": {"en": "How", "fr": "Comment"},
            "steps": [
                {"icon": "pen", "title": {"en": "A", "fr": "A"}, "text": {"en": "B", "fr": "B"}}
            ],
        },
        {
            "id": "money",
            "kind": "stats",
            "title": {"en": "Money", "fr": "Argent"},
            "figures": [
                {"value": 7.1e9, "format": "currency-compact", "label": {"en": "GDP", "fr": "PIB"}}
            ],
            "chart": {
                "title": {"en": "By year", "fr": "Par année"},
                "categories": [{"en": "2022", "fr": "2022"}, {"en": "2023", "fr": "2023"}],
                "series": [{"name": {"en": "Film", "fr": "Film"}, "values": [1, 2]}],
            },
            "source": {"en": "Profile 2023", "fr": "Profil 2023"},
        },
    ],
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)


def assert_well_formed(result: LoadResult) -> None:
    assert isinstance(result, LoadResult)
    assert (result.content is None) == any(p.severity == "error" for p in result.problems)
    for problem in result.problems:
        assert problem.severity in ("error", "warning")
        assert problem.message
        assert "unexpected failure" not in problem.message, problem.message


def test_the_valid_document_is_valid():
    result = load_bytes(json.dumps(VALID).encode(), HERE)
    assert result.ok
    assert result.problems == []


@given(json_values)
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_json_value_loads_or_gives_problems(value):
    assert_well_formed(load_bytes(json.dumps(value).encode(), HERE))


@given(st.binary(max_size=200))
@settings(deadline=None)
def test_any_bytes_load_or_give_problems(data):
    assert_well_formed(load_bytes(data, HERE))


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


ALL_PATHS = [path for path in _paths(VALID) if path]


def _copy_with(path, replace):
    document = json.loads(json.dumps(VALID))
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    replace(parent, path[-1])
    return document


@given(st.sampled_from(ALL_PATHS))
@settings(deadline=None)
def test_deleting_any_key_or_item_loads_or_gives_problems(path):
    document = _copy_with(path, lambda parent, key: parent.pop(key))
    assert_well_formed(load_bytes(json.dumps(document).encode(), HERE))


@given(st.sampled_from(ALL_PATHS), json_values)
@settings(deadline=None)
def test_changing_any_value_loads_or_gives_problems(path, value):
    def put(parent, key):
        parent[key] = value

    document = _copy_with(path, put)
    result = load_bytes(json.dumps(document).encode(), HERE)
    assert_well_formed(result)
    for problem in result.problems:
        assert problem.line is not None, problem


TEXT = json.dumps(VALID, indent=2, ensure_ascii=False)
JUNK = st.sampled_from([*",:{}[]\"'/*“”‘’ \n\t\\", "//", "/*", "NaN", "\ufeff", "\x00", "é"])


@given(st.integers(0, len(TEXT)), st.lists(JUNK, min_size=1, max_size=3))
@settings(deadline=None)
def test_junk_typed_into_the_text_loads_or_gives_located_problems(offset, junk):
    text = TEXT[:offset] + "".join(junk) + TEXT[offset:]
    result = load_bytes(text.encode("utf-8"), HERE)
    assert_well_formed(result)
    try:
        parse_bytes(text.encode("utf-8"))
    except JSONSyntaxError as exc:
        assert exc.line is not None and 1 <= exc.line <= text.count("\n") + 1
        assert result.problems[0].message == exc.message


@given(st.integers(0, len(TEXT) - 1), st.integers(1, 20))
@settings(deadline=None)
def test_deleting_characters_loads_or_gives_problems(offset, count):
    text = TEXT[:offset] + TEXT[offset + count :]
    assert_well_formed(load_bytes(text.encode("utf-8"), HERE))
