"""The JSONTestSuite corpus: the parser agrees with RFC 8259, `kiosk validate` never crashes.

The corpus lives outside the repository, in shared/corpora/jsontestsuite/test_parsing
beside the repository folder (the workspace's main/ or a CI clone); without it these
tests are skipped with a reason.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.content.jsonparse import JSONSyntaxError, parse_bytes

ROOT = Path(__file__).resolve().parents[2]
_CORPUS = ROOT.parent / "shared" / "corpora" / "jsontestsuite" / "test_parsing"
CORPUS = _CORPUS if _CORPUS.is_dir() else None
FILES = sorted(CORPUS.glob("*.json")) if CORPUS else []
needs_corpus = pytest.mark.skipif(
    CORPUS is None,
    reason="JSONTestSuite corpus not found: expected shared/corpora/jsontestsuite/test_parsing "
    "beside the repository",
)


def _ids(files):
    return [path.name for path in files]


def test_corpus_is_complete_when_present():
    if CORPUS is None:
        pytest.skip("JSONTestSuite corpus not found beside the repository")
    assert len(FILES) >= 300


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_validate_rejects_every_corpus_file_cleanly(path, capsys):
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(path.name)
    assert ": error: " in captured.err
    assert "Traceback" not in captured.err


ACCEPT = [path for path in FILES if path.name.startswith("y_")]
REJECT = [path for path in FILES if path.name.startswith("n_")]


@needs_corpus
@pytest.mark.parametrize("path", ACCEPT, ids=_ids(ACCEPT))
def test_parser_accepts_valid_json_like_the_standard_library(path):
    data = path.read_bytes()
    assert parse_bytes(data).value == json.loads(data)


@needs_corpus
@pytest.mark.parametrize("path", REJECT, ids=_ids(REJECT))
def test_parser_rejects_invalid_json(path):
    with pytest.raises(JSONSyntaxError) as info:
        parse_bytes(path.read_bytes())
    assert info.value.message


def test_validate_in_a_fresh_process_gives_no_traceback(tmp_path):
    bad = tmp_path / "content.json"
    bad.write_bytes(b'{"languages": ["en"],, }')
    completed = subprocess.run(
        [sys.executable, "main.py", "validate", str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1
    assert "content.json:1:22: error:" in completed.stderr
    assert "Traceback" not in completed.stderr
