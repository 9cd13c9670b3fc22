"""Model errors suggest the closest name; language warnings come with the errors, once."""

from __future__ import annotations

import json

import pytest

from kiosk.core.content.jsonparse import parse
from kiosk.core.content.load import LoadResult
from kiosk.core.content.problems import format_problem
from kiosk.core.content.texts import iter_texts
from tests.core.test_content_load import TITLE, check, doc

CARDS = (
    '{{"id": "c", "kind": "cards", "title": "T", '
    '"cards": [{{"icon": {}, "title": "A", "text": "B"}}]}}'
)
STATS = (
    '{{"id": "s", "kind": "stats", "title": "T", "source": "S", '
    '"figures": [{{"value": 1, "format": {}, "label": "L"}}]}}'
)


def _shown(result: LoadResult) -> list[str]:
    return [format_problem(p, "content.json") for p in result.problems]


@pytest.mark.parametrize(
    ("text", "path", "words", "line"),
    [
        (
            doc(CARDS.format('"coin"')),
            "panels[0].cards[0].icon",
            "'coin' is not a known icon; did you mean 'coins'? (one of: clapperboard,",
            5,
        ),
        (doc(CARDS.format('"Star"')), "panels[0].cards[0].icon", "did you mean 'star'?", 5),
        (doc(CARDS.format('"map pin"')), "panels[0].cards[0].icon", "did you mean 'map-pin'?", 5),
        (
            doc('{"id": "t", "kind": "card", "title": "x", "cards": []}'),
            "panels[0].kind",
            "'card' is not a kind of panel; did you mean 'cards'? (one of: title, cards,",
            5,
        ),
        (doc('{"id": "t", "kind": "Title", "title": "x"}'), "panels[0].kind", "'title'?", 5),
        (
            doc(TITLE, extra='\n  "settings": {"transition": "fades"},'),
            "settings.transition",
            "'fades' is not a transition; did you mean 'fade'? (one of: fade, slide, none)",
            4,
        ),
        (
            doc(STATS.format('"currency_compact"')),
            "panels[0].figures[0].format",
            "'currency_compact' is not a figure format; did you mean 'currency-compact'?",
            5,
        ),
        (
            doc(STATS.format('"percentage"')),
            "panels[0].figures[0].format",
            "did you mean 'percent'? (one of: currency-compact, currency, number, percent)",
            5,
        ),
        (
            doc(STATS.format('"money"')),
            "panels[0].figures[0].format",
            'must be one of: currency-compact, currency, number, percent; it is "money"',
            5,
        ),
        (doc(STATS.format("5")), "panels[0].figures[0].format", "it is 5", 5),
        (
            doc('{"id": "t", "kind": "title", "Title": "x"}'),
            "panels[0].Title",
            "unknown key 'Title'; did you mean 'title'?",
            5,
        ),
    ],
)
def test_a_misspelt_choice_gets_the_closest_name(text, path, words, line):
    result = check(text)
    matching = [p for p in result.problems if p.path == path and words in p.message]
    assert matching, _shown(result)
    assert (matching[0].severity, matching[0].line) == ("error", line)


def test_the_suggestion_comes_before_the_list():
    (problem,) = check(doc(CARDS.format('"coin"'))).problems
    assert problem.message.index("did you mean") < problem.message.index("clapperboard")


TWO_LANGUAGES = '["en", "fr"]'


@pytest.mark.parametrize(
    ("panels", "extra", "expected"),
    [
        (
            (
                '{"id": "a", "kind": "title", "title": {"en": "Hi"}}',
                '{"id": "b", "kind": "title", "title": "Same", "dwell_seconds": 0}',
            ),
            "",
            {
                ("warning", "panels[0].title", 5, "no text in fr"),
                ("warning", "panels[1].title", 6, "same text in every language"),
                ("error", "panels[1].dwell_seconds", 6, "greater than 0"),
            },
        ),
        (
            ('{"id": "a", "kind": "title", "title": {"en": "Hi", "de": "Hallo"}}',),
            '\n  "settings": {"transition": "wipe"},',
            {
                ("warning", "panels[0].title", 6, "no text in fr"),
                ("warning", "panels[0].title.de", 6, "'de' is not in languages"),
                ("error", "settings.transition", 4, "must be one of: fade, slide, none"),
            },
        ),
        (
            (
                '{"id": "a", "kind": "steps", "title": {"en": "T", "fr": "T"}, "steps": '
                '[{"icon": "pen", "title": {"en": "A"}, "text": {"en": "B", "fr": "B"}}]}',
                '{"id": "b", "kind": "title"}',
            ),
            "",
            {
                ("warning", "panels[0].steps[0].title", 5, "no text in fr"),
                ("error", "panels[1].title", 6, "every title panel needs a 'title'"),
            },
        ),
    ],
)
def test_language_warnings_come_with_model_errors(panels, extra, expected):
    result = check(doc(*panels, languages=TWO_LANGUAGES, extra=extra))
    assert result.content is None
    found = {(p.severity, p.path, p.line) for p in result.problems}
    assert found == {item[:3] for item in expected}, _shown(result)
    for severity, path, line, words in expected:
        (problem,) = [
            p for p in result.problems if (p.severity, p.path, p.line) == (severity, path, line)
        ]
        assert words in problem.message


def test_default_language_is_checked_even_with_a_model_error():
    result = check(doc('{"id": "t", "kind": "title", "title": 5}', default='"fr"'))
    paths = {(p.severity, p.path) for p in result.problems}
    assert paths == {("error", "default_language"), ("error", "panels[0].title")}


@pytest.mark.parametrize(
    "title",
    ['{"EN": "x"}', '{"en": 5}', "5", "[]", '{"en": "x", "fr": null}'],
)
def test_a_malformed_text_gets_only_the_model_error(title):
    text = doc(f'{{"id": "t", "kind": "title", "title": {title}}}', languages=TWO_LANGUAGES)
    result = check(text)
    assert result.problems, "expected the model's error"
    assert all(p.severity == "error" for p in result.problems), _shown(result)


@pytest.mark.parametrize("languages", ['["english"]', '"en"', "[]", '["en", 5]'])
def test_bad_languages_give_no_language_warnings(languages):
    result = check(doc('{"id": "t", "kind": "title", "title": "x"}', languages=languages))
    assert result.problems
    assert all(p.severity == "error" for p in result.problems), _shown(result)


def test_each_warning_is_given_once_when_the_model_accepts():
    text = doc(
        '{"id": "a", "kind": "title", "title": "Same", "subtitle": {"en": "x"}}',
        '{"id": "b", "kind": "title", "title": {"en": "x", "fr": "y"}}',
        languages=TWO_LANGUAGES,
    )
    result = check(text)
    assert result.ok
    assert sorted((p.path, p.line) for p in result.problems) == [
        ("panels[0].subtitle", 5),
        ("panels[0].title", 5),
    ]


def test_texts_are_found_where_the_model_wants_them():
    document = {
        "languages": ["en"],
        "default_language": "en",
        "panels": [
            {"id": "t", "kind": "title", "title": "T", "subtitle": None, "zzz": "not a text"},
            {"id": "v", "kind": "video", "title": "unknown kind: not walked"},
            {
                "id": "s",
                "kind": "stats",
                "title": "S",
                "source": "src",
                "figures": [{"value": 1, "label": "L", "format": "number"}],
                "chart": {"title": "C", "categories": ["a", "b"], "series": [{"name": "N"}]},
            },
        ],
    }
    paths = [path for path, _ in iter_texts(parse(json.dumps(document)).value)]
    assert paths == [
        ("panels", 0, "title"),
        ("panels", 2, "title"),
        ("panels", 2, "source"),
        ("panels", 2, "figures", 0, "label"),
        ("panels", 2, "chart", "title"),
        ("panels", 2, "chart", "categories", 0),
        ("panels", 2, "chart", "categories", 1),
        ("panels", 2, "chart", "series", 0, "name"),
    ]
