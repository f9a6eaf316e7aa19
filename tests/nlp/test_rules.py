"""The rule-file loader (nlp/rules.py): key checks, and errors that name the file and line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from endorsetrack.errors import RuleFileError
from endorsetrack.nlp.rules import PATTERN_DIR, load_rules, packaged_rules

GOOD = '{"id": "a", "version": 1, "lemmas": ["endorse"]}'


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "rules.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def error_for(path: Path, **kwargs) -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        load_rules(path, **kwargs)
    return info.value


def test_good_file_loads_skipping_comments_and_blank_lines(tmp_path):
    path = write(tmp_path, "// a comment", "", GOOD, '{"id": "b", "version": 2, "lemmas": []}')
    rules = load_rules(path, ("lemmas",))
    assert [(r["id"], r["version"]) for r in rules] == [("a", 1), ("b", 2)]


@pytest.mark.parametrize("bad,words", [
    ('{"version": 1, "lemmas": []}', "missing key(s): id"),
    ('{"id": "b", "lemmas": []}', "missing key(s): version"),
    ('{"id": "b", "version": 1}', "missing key(s): lemmas"),
    ('{"id": "b", "version": 1, "lemmas": [}', "not JSON"),
    ('{"id": "a", "version": 1, "lemmas": []}', "duplicate rule id 'a' (first on line 2)"),
    ('{"id": "b", "version": "1", "lemmas": []}', "'version' must be a positive integer"),
    ('{"id": "b", "version": 1.5, "lemmas": []}', "'version' must be a positive integer"),
    ('{"id": "b", "version": 0, "lemmas": []}', "'version' must be a positive integer"),
    ('["id", "version"]', "must be a JSON object"),
])
def test_bad_rule_names_file_and_line(tmp_path, bad, words):
    path = write(tmp_path, "// header", GOOD, "", bad)  # the bad rule is on line 4
    err = error_for(path, required=("lemmas",))
    assert words in str(err)
    assert str(err).startswith(f"{path}:4: ")
    assert (err.path, err.line) == (str(path), 4)
    assert err.exit_code == 3


def test_unknown_key_is_rejected_when_keys_are_listed(tmp_path):
    path = write(tmp_path, '{"id": "a", "version": 1, "lemmas": [], "lemma": "typo"}')
    err = error_for(path, required=("lemmas",), allowed=("stance",))
    assert "unknown key(s): lemma" in str(err) and err.line == 1
    # without an allowed list, extra keys are fine
    assert load_rules(path, ("lemmas",))[0]["lemma"] == "typo"


def test_missing_file_names_the_file(tmp_path):
    path = tmp_path / "nope.jsonl"
    err = error_for(path)
    assert str(path) in str(err) and "cannot read rule file" in str(err)
    assert err.line is None


@pytest.mark.parametrize("path", sorted(PATTERN_DIR.glob("*.jsonl")), ids=lambda p: p.name)
def test_every_packaged_pattern_file_loads(path):
    rules = load_rules(path)
    assert rules, path.name
    assert all(isinstance(r["version"], int) for r in rules)


def test_packaged_rules_are_cached_and_checked():
    first = packaged_rules("triggers", ("kind", "lemmas", "stance"))
    assert first is packaged_rules("triggers", ("kind", "lemmas", "stance"))
    assert {"verb.endorse", "state.neutral", "withdraw.endorsement"} <= {r["id"] for r in first}
    with pytest.raises(RuleFileError, match="missing key"):
        packaged_rules("triggers", ("no_such_key",))


def test_error_message_is_valid_for_users(tmp_path):
    """The message is one line a user can act on: path:line: what is wrong."""
    path = write(tmp_path, json.dumps({"id": "x"}))
    err = error_for(path)
    assert "\n" not in str(err)
    assert str(err) == f"{path}:1: rule is missing key(s): version"
