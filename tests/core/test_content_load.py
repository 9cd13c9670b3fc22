"""Loading content.json: plain-words problems, placed on the right line, never a crash."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path

import pytest

from kiosk.core.content import load as content_module
from kiosk.core.content.load import LoadResult, load, load_bytes
from kiosk.core.content.model import ICON_NAMES, Content
from kiosk.core.content.problems import Problem, format_problem
from tests.support import png_header

ROOT = Path(__file__).resolve().parents[2]

MINIMAL = (
    '{"languages": ["en"], "default_language": "en", "panels": '
    '[{"id": "hello", "kind": "title", "title": {"en": "Hello"}}]}'
)


def doc(*panels: str, languages: str = '["en"]', default: str = '"en"', extra: str = "") -> str:
    """A document with one panel per line: the first panel is on line 5."""
    body = ",\n".join(f"    {panel}" for panel in panels)
    return (
        "{\n"
        f'  "languages": {languages},\n'
        f'  "default_language": {default},{extra}\n'
        '  "panels": [\n'
        f"{body}\n"
        "  ]\n"
        "}\n"
    )


TITLE = '{"id": "t", "kind": "title", "title": {"en": "Hi"}}'
CARD = '{"icon": "star", "title": "A", "text": "B"}'


def check(text: str, base_dir: Path = ROOT) -> LoadResult:
    return load_bytes(text.encode("utf-8"), base_dir)


def only(result: LoadResult, severity: str = "error") -> list[Problem]:
    return [p for p in result.problems if p.severity == severity]


def test_minimal_document_is_valid_without_warnings():
    result = check(MINIMAL)
    assert result.ok
    assert result.problems == []
    assert isinstance(result.content, Content)
    assert result.content.panels[0].id == "hello"


def test_result_carries_the_bytes_and_their_digest():
    result = check(MINIMAL)
    assert result.raw == MINIMAL.encode()
    assert result.sha256 == hashlib.sha256(MINIMAL.encode()).hexdigest()


@pytest.mark.parametrize(
    ("text", "path", "words", "line"),
    [
        (
            doc('{"id": "t", "kind": "title", "title": "Hi", "dwell_seconds": 0}'),
            "panels[0].dwell_seconds",
            "must be a number of seconds greater than 0 and at most 3600",
            5,
        ),
        (
            doc(
                TITLE,
                TITLE.replace('"t"', '"u"'),
                '{"id": "v", "kind": "title", "title": "x", "dwell_seconds": 7200}',
            ),
            "panels[2].dwell_seconds",
            "at most 3600",
            7,
        ),
        (
            doc('{"id": "t", "kind": "title"}'),
            "panels[0].title",
            "is missing: every title panel needs a 'title'",
            5,
        ),
        (
            doc('{"id": "t", "kind": "banner", "title": "x"}'),
            "panels[0].kind",
            "kind must be one of: title, cards, steps, stats, photo, quote, video",
            5,
        ),
        (doc('{"id": "t", "title": "x"}'), "panels[0].kind", "every panel needs a 'kind'", 5),
        (
            doc(TITLE, '{"id": "u", "kind": "title", "title": "x", "dwel_seconds": 5}'),
            "panels[1].dwel_seconds",
            "unknown key 'dwel_seconds'; did you mean 'dwell_seconds'?",
            6,
        ),
        (
            doc('{"id": "t", "kind": "title", "title": "x", "zzz": 5}'),
            "panels[0].zzz",
            "the keys allowed here are: id, dwell_seconds, image, qr, show, kind, title, subtitle",
            5,
        ),
        (
            doc(
                '{"id": "t", "kind": "cards", "title": "x", "cards": [{"icon": "rocket", '
                '"title": "a", "text": "b"}]}'
            ),
            "panels[0].cards[0].icon",
            ", ".join(ICON_NAMES),
            5,
        ),
        (
            doc('{"id": "t", "kind": "cards", "title": "x"}'),
            "panels[0].cards",
            "every cards panel needs a 'cards'",
            5,
        ),
        (
            doc(
                '{"id": "t", "kind": "steps", "title": "x", "steps": [{"icon": "star", '
                '"title": "a"}]}'
            ),
            "panels[0].steps[0].text",
            "every step needs a 'text'",
            5,
        ),
        (
            doc('{"id": "t", "kind": "stats", "title": "x", "source": "s"}'),
            "panels[0].figures",
            "every stats panel needs a 'figures'",
            5,
        ),
        (
            doc('{"id": "t", "kind": "title", "title": "x", "cards": []}'),
            "panels[0].cards",
            "'cards' belongs to cards panels",
            5,
        ),
        (
            doc('{"id": "Big Id", "kind": "title", "title": "x"}'),
            "panels[0].id",
            "lower-case letters, digits and dashes",
            5,
        ),
        (
            doc('{"id": "t", "kind": "title", "title": 5}'),
            "panels[0].title",
            'one text per language: {"en": "...", "fr": "..."}',
            5,
        ),
        (
            doc('{"id": "t", "kind": "title", "title": {"EN": "x"}}'),
            "panels[0].title.EN",
            "two-letter language code in lower case",
            5,
        ),
        (doc(TITLE, languages='["english"]'), "languages[0]", "two-letter language code", 2),
        (doc(TITLE, languages="[]"), "languages", "1 to 8 language codes", 2),
        (doc(), "panels", "1 to 50 panels", 4),
        (
            doc(TITLE, extra='\n  "settings": {"transition": "wipe"},'),
            "settings.transition",
            "must be one of: fade, slide, none",
            4,
        ),
        (
            doc(TITLE, extra='\n  "settings": {"admin_pin": 2468},'),
            "settings.admin_pin",
            "4 to 8 digits in double quotes",
            4,
        ),
        (
            doc(TITLE, extra='\n  "settings": {"reduced_motion": "yes"},'),
            "settings.reduced_motion",
            "true or false",
            4,
        ),
        (
            doc(TITLE, extra='\n  "settings": {"theme": {"accent": "gold"}},'),
            "settings.theme.accent",
            "#RRGGBB",
            4,
        ),
        (
            doc(
                '{"id": "t", "kind": "stats", "title": "x", "source": "s", "figures": '
                '[{"value": "7,1", "label": "l"}]}'
            ),
            "panels[0].figures[0].value",
            "plain number from 0 to 1e15",
            5,
        ),
        (doc(TITLE, extra='\n  "colour": "red",'), "colour", "$schema, languages", 4),
        ('{\n  "title": "a",\n  "title": "b"\n}', "title", "key 'title' appears twice", 3),
    ],
)
def test_model_errors_are_worded_and_placed(text, path, words, line):
    result = check(text)
    assert result.content is None
    matching = [p for p in result.problems if p.path == path and words in p.message]
    assert matching, [format_problem(p, "content.json") for p in result.problems]
    assert matching[0].line == line
    assert matching[0].severity == "error"


def test_all_model_errors_are_reported_at_once():
    text = doc(
        '{"id": "a", "kind": "title", "title": 5}',
        '{"id": "b", "kind": "nope"}',
        '{"id": "c", "kind": "title", "title": "x", "dwell_seconds": -1}',
    )
    lines = sorted(p.line for p in only(check(text)))
    assert lines == [5, 6, 7]


def test_text_union_gives_one_message_per_field():
    result = check(doc('{"id": "t", "kind": "title", "title": 5}'))
    assert len(result.problems) == 1


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("   \n  ", "blank space"),
        ("[]", "one JSON object"),
        ('"hello"', "one JSON object"),
        ("{", "add the missing }"),
        ("\x00\x01\x02\xff", "UTF"),
    ],
)
def test_whole_file_problems(text, words):
    result = load_bytes(text.encode("latin-1"), ROOT)
    assert not result.ok
    assert words in result.problems[0].message


def test_semantic_errors_and_warnings(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "map.png").write_bytes(png_header(1920, 1080))
    text = doc(
        '{"id": "a", "kind": "title", "title": "Same", "image": "images/map.png"}',
        '{"id": "a", "kind": "title", "title": {"en": "x", "de": "y"}, "image": "gone.png"}',
        '{"id": "c", "kind": "title", "title": {"en": "x", "fr": "y"}, "image": "../up.png"}',
        '{"id": "d", "kind": "title", "title": {"en": "x", "fr": "y"}, "image": "C:/x.png"}',
        '{"id": "e", "kind": "title", "title": {"en": "x", "fr": "y"}, "image": "/etc/x.png"}',
        languages='["en", "fr"]',
    )
    result = check(text, tmp_path)
    shown = {(p.severity, p.path, p.line): p.message for p in result.problems}
    assert result.content is None
    assert "same text in every language" in shown["warning", "panels[0].title", 5]
    assert "id 'a' is used by two panels (lines 5 and 6)" in shown["error", "panels[1].id", 6]
    assert "no text in fr" in shown["warning", "panels[1].title", 6]
    assert "'de' is not in languages" in shown["warning", "panels[1].title.de", 6]
    assert "placeholder" in shown["warning", "panels[1].image", 6]
    for index, line in ((2, 7), (3, 8), (4, 9)):
        assert "outside the content folder" in shown["error", f"panels[{index}].image", line]
    assert ("warning", "panels[0].image", 5) not in shown


def test_default_language_must_be_listed():
    result = check(doc(TITLE, default='"fr"'))
    (problem,) = result.problems
    assert (problem.severity, problem.path, problem.line) == ("error", "default_language", 3)
    assert "not in languages" in problem.message


def test_chart_series_need_one_value_per_category():
    stats = (
        '{"id": "s", "kind": "stats", "title": "t", "source": "s", '
        '"figures": [{"value": 1, "label": "l"}], "chart": {"title": "c", '
        '"categories": ["a", "b", "c"], "series": [{"name": "n", "values": [1, 2]}]}}'
    )
    result = check(doc(stats))
    (problem,) = result.problems
    assert problem.path == "panels[0].chart.series[0].values"
    assert "one value per category" in problem.message
    assert result.content is None


def test_missing_picture_is_only_a_warning(tmp_path):
    result = check(doc('{"id": "t", "kind": "title", "title": "x", "image": "nope.png"}'), tmp_path)
    assert result.ok
    assert [p.severity for p in result.problems] == ["warning"]


def test_a_plain_string_is_fine_with_one_language():
    assert check(doc('{"id": "t", "kind": "title", "title": "Hello"}')).problems == []


def test_load_missing_file(tmp_path):
    result = load(tmp_path / "content.json")
    assert not result.ok
    assert result.sha256 is None and result.raw is None
    assert "does not exist" in result.problems[0].message


def test_load_a_folder(tmp_path):
    result = load(tmp_path)
    assert "is a folder" in result.problems[0].message


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root"
)
def test_load_unreadable_file(tmp_path):
    path = tmp_path / "content.json"
    path.write_text(MINIMAL, encoding="utf-8")
    path.chmod(0)
    try:
        result = load(path)
    finally:
        path.chmod(0o644)
    assert "permission denied" in result.problems[0].message


def test_load_a_too_large_file(tmp_path):
    path = tmp_path / "content.json"
    path.write_bytes(b" " * 2_000_001)
    result = load(path)
    assert not result.ok
    assert "too large" in result.problems[0].message


def test_load_reads_pictures_relative_to_the_file(tmp_path):
    (tmp_path / "p.png").write_bytes(png_header(1600, 1200))
    path = tmp_path / "content.json"
    path.write_text(doc('{"id": "t", "kind": "title", "title": "x", "image": "p.png"}'), "utf-8")
    result = load(path)
    assert result.ok and result.problems == []
    assert result.raw == path.read_bytes()


def test_load_binary_junk(tmp_path):
    path = tmp_path / "content.json"
    path.write_bytes(bytes(range(256)) * 4)
    result = load(path)
    assert not result.ok
    assert result.problems[0].severity == "error"


def test_an_unexpected_failure_becomes_a_problem(monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(content_module, "parse_bytes", explode)
    result = check(MINIMAL)
    assert not result.ok
    assert "unexpected failure (RuntimeError: boom)" in result.problems[0].message


def test_problems_are_ordered_by_line():
    text = doc(
        '{"id": "a", "kind": "title", "title": 5}',
        '{"id": "b", "kind": "title"}',
        extra='\n  "zzz": 1,',
    )
    lines = [p.line for p in check(text).problems]
    assert lines == sorted(lines)


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        (
            Problem("error", "must be a number", "panels[2].dwell_seconds", 14, 7),
            "content.json:14:7: error: panels[2].dwell_seconds: must be a number",
        ),
        (
            Problem("warning", "check this", "panels[0]", 3),
            "content.json:3: warning: panels[0]: check this",
        ),
        (Problem("error", "the file is empty"), "content.json: error: the file is empty"),
    ],
)
def test_format_problem(problem, expected):
    assert format_problem(problem, "content.json") == expected


def test_shipped_content_is_valid_without_warnings(shipped_content_path):
    result = load(shipped_content_path)
    assert [format_problem(p, "content.json") for p in result.problems] == []
    assert result.ok


def test_shipped_content_points_at_the_schema(shipped_content_path):
    document = json.loads(shipped_content_path.read_text(encoding="utf-8"))
    assert document["$schema"] == "./content.schema.json"


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ('{"fr": "x"}', "no text in en: the kiosk will show the 'fr' text instead"),
        ('{"en": "x"}', "no text in fr: the kiosk will show the 'en' text instead"),
        ("{}", "has no text in any language"),
    ],
)
def test_missing_languages_name_the_text_shown_instead(title, words):
    text = doc(f'{{"id": "t", "kind": "title", "title": {title}}}', languages='["en", "fr"]')
    result = check(text)
    assert result.ok
    (problem,) = result.problems
    assert (problem.severity, problem.line) == ("warning", 5)
    assert words in problem.message


def test_wrong_kind_shows_the_value_found():
    result = check(doc('{"id": "t", "kind": 5, "title": "x"}'))
    assert "(not 5)" in result.problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n",
        "127.0.0.1 localhost\n",
        'PRETTY_NAME="Debian GNU/Linux 12"\n',
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n",
        "\xc3\x28 binary junk",
    ],
)
def test_a_file_that_is_not_json_is_never_quoted(text):
    """content.json -> /etc/passwd: the message (and so status.json) repeats nothing of it."""
    result = load_bytes(text.encode("latin-1"), ROOT)
    message = result.problems[0].message
    assert "not a JSON document" in message
    assert not [word for word in re.findall(r"[\w-]{3,}", text) if word in message]
