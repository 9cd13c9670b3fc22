"""`kiosk validate` and `kiosk schema`: exit codes and compiler-style messages."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.cli import main
from kiosk.core.content.schema import schema_text

MINIMAL = {
    "languages": ["en"],
    "default_language": "en",
    "panels": [{"id": "hello", "kind": "title", "title": {"en": "Hello"}}],
}


def _write(tmp_path: Path, text: str, name: str = "content.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_exits_0_and_says_ok(tmp_path, capsys):
    path = _write(tmp_path, json.dumps(MINIMAL))
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert "OK (1 panel, no problems)" in captured.out
    assert captured.err == ""


def test_warnings_are_printed_but_the_file_is_usable(tmp_path, capsys):
    document = {**MINIMAL, "languages": ["en", "fr"]}
    path = _write(tmp_path, json.dumps(document, indent=2))
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert "content.json:11:7: warning: panels[0].title: no text in fr" in captured.err
    assert "OK (1 panel, 1 warning)" in captured.out


def test_syntax_error_is_placed_and_explained(tmp_path, capsys):
    path = _write(tmp_path, '{\n  "languages": ["en",],\n}\n')
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "content.json:2:21: error: trailing comma: remove the comma after the last item" in err
    assert "not usable (1 error); fix the error above." in err


def test_every_model_error_is_listed(tmp_path, capsys):
    document = {
        "languages": ["en"],
        "default_language": "en",
        "panels": [
            {"id": "a", "kind": "title", "title": "x", "dwell_seconds": 0},
            {"id": "b", "kind": "title", "title": "x", "dwel_seconds": 5},
        ],
    }
    path = _write(tmp_path, json.dumps(document, indent=2))
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        "content.json:11:7: error: panels[0].dwell_seconds: must be a number of seconds "
        "greater than 0 and at most 3600; it is 0"
    ) in err
    assert (
        "content.json:17:7: error: panels[1].dwel_seconds: unknown key 'dwel_seconds'; "
        "did you mean 'dwell_seconds'?"
    ) in err


def test_missing_file_exits_1(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.json")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_schema_command_writes_the_schema(tmp_path):
    out = tmp_path / "content.schema.json"
    assert main(["schema", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == schema_text()


def test_schema_command_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()


def test_counts_are_plural_only_above_one(tmp_path, capsys):
    document = {**MINIMAL, "languages": ["en", "fr"]}
    document["panels"] = [*MINIMAL["panels"], {"id": "bye", "kind": "title", "title": "Bye"}]
    path = _write(tmp_path, json.dumps(document, indent=2))
    assert main(["validate", str(path)]) == 0
    assert "OK (2 panels, 2 warnings)" in capsys.readouterr().out


def test_a_file_with_an_error_lists_its_warnings_too(tmp_path, capsys):
    document = {**MINIMAL, "languages": ["en", "fr"], "settings": {"transition": "fades"}}
    path = _write(tmp_path, json.dumps(document, indent=2))
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "settings.transition: 'fades' is not a transition; did you mean 'fade'?" in err
    assert "warning: panels[0].title: no text in fr" in err
    assert "not usable (1 error, 1 warning); fix the error above." in err


def test_double_comma_in_a_real_file(tmp_path, capsys):
    text = json.dumps(MINIMAL, indent=2).replace('"id": "hello",', '"id": "hello",,')
    path = _write(tmp_path, text)
    assert main(["validate", str(path)]) == 1
    assert "content.json:8:21: error: two commas in a row: remove one" in capsys.readouterr().err


def test_problem_lines_and_summary_name_the_file_alike(tmp_path, capsys):
    path = _write(tmp_path, '{\n  "languages": ["en",],\n}\n', name="stand.json")
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("stand.json:2:21: error:")
    assert lines[-1].startswith("stand.json: not usable (1 error)")
    assert str(tmp_path) not in "\n".join(lines)


def test_ok_names_the_file_as_the_warnings_do(tmp_path, capsys):
    document = {**MINIMAL, "languages": ["en", "fr"]}
    path = _write(tmp_path, json.dumps(document, indent=2), name="stand.json")
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("stand.json:11:7: warning:")
    assert captured.out.startswith("stand.json: OK (1 panel, 1 warning)")
