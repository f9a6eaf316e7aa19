"""The rule-file loader (ruledata.py, nlp/rules.py): key checks, and errors that name the file, line and key."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from endorsetrack.errors import RuleFileError
from endorsetrack.nlp.rules import (PATTERN_DIR, SCHEMAS, check_packaged_rule_files, load_rules, packaged_rules,
                                   schema_of)
from endorsetrack.ruledata import load_with_schema

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


def test_unknown_key_is_rejected_naming_file_line_and_key(tmp_path):
    path = write(tmp_path, GOOD, '{"id": "b", "version": 1, "lemmas": [], "lemma": "typo"}')
    err = error_for(path, required=("lemmas",), allowed=("stance",))
    assert str(err) == f"{path}:2: rule 'b' has unknown key(s): lemma"
    assert err.exit_code == 3
    # without an allowed list, only the required keys (and note/description) may appear
    with pytest.raises(RuleFileError, match="unknown key"):
        load_rules(path, ("lemmas",))


def test_documentation_keys_are_allowed_everywhere(tmp_path):
    path = write(tmp_path, '{"id": "a", "version": 1, "note": "why", "description": "what"}')
    assert load_rules(path)[0]["note"] == "why"


def test_id_must_be_a_non_empty_string(tmp_path):
    path = write(tmp_path, '{"id": "", "version": 1}')
    assert "'id' must be a non-empty string" in str(error_for(path))


def test_rules_with_kinds_carry_only_their_kind_s_keys(tmp_path):
    kinds = {"verb": (), "verb_prep": ("preps",)}
    path = write(tmp_path, '{"id": "a", "version": 1, "kind": "verb_prep", "preps": ["for"]}',
                 '{"id": "b", "version": 1, "kind": "verb", "preps": ["for"]}')
    assert "2: rule 'b' has unknown key(s): preps" in str(error_for(path, kinds=kinds))
    path = write(tmp_path, '{"id": "a", "version": 1, "kind": "noun"}')
    assert "rule 'a' has an unknown kind 'noun' (expected one of verb, verb_prep)" in str(error_for(path, kinds=kinds))


def test_missing_file_names_the_file(tmp_path):
    path = tmp_path / "nope.jsonl"
    err = error_for(path)
    assert str(path) in str(err) and "cannot read rule file" in str(err)
    assert err.line is None


PACKAGED = sorted(PATTERN_DIR.glob("*.jsonl"))


@pytest.mark.parametrize("path", PACKAGED, ids=lambda p: p.name)
def test_every_packaged_pattern_file_loads_with_its_schema(path):
    rules = packaged_rules(path.stem)
    assert rules, path.name
    assert all(isinstance(r["version"], int) for r in rules)


def test_all_packaged_rule_files_check_out():
    check_packaged_rule_files()  # nlp/patterns and normalize/data: raises on a bad file


@pytest.mark.parametrize("path", PACKAGED, ids=lambda p: p.name)
def test_a_planted_unknown_key_in_each_pattern_file_names_file_line_and_key(tmp_path, path):
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(json.loads(line) for line in lines if line.strip().startswith("{"))
    planted = tmp_path / path.name
    planted.write_text("\n".join(lines + [json.dumps({**first, "id": "planted", "tpyo": 1})]) + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_with_schema(planted, SCHEMAS[path.stem])
    assert str(info.value).startswith(f"{planted}:{len(lines) + 1}: ")
    assert "unknown key(s): tpyo" in str(info.value)


def test_a_trigger_key_of_another_kind_is_rejected(tmp_path):
    path = write(tmp_path, json.dumps({"id": "v", "version": 1, "kind": "verb", "lemmas": ["back"],
                                       "stance": "endorses", "strong": False, "particles": {"back": "up"}}))
    with pytest.raises(RuleFileError, match=r":1: rule 'v' has unknown key\(s\): particles"):
        load_with_schema(path, SCHEMAS["triggers"])


def test_a_pattern_file_without_a_schema_cannot_be_loaded():
    with pytest.raises(RuleFileError, match="no key schema"):
        schema_of("no_such_file")


def test_a_bad_rule_file_stops_the_cli_with_exit_code_3(tmp_path):
    """The packaged files are checked before the first article: one message, exit 3."""
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERN_DIR, patterns)
    triggers = patterns / "triggers.jsonl"
    text = triggers.read_text(encoding="utf-8").replace('"id": "verb.oppose", "version": 1,',
                                                        '"id": "verb.oppose", "version": 1, "stnace": "x",')
    triggers.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "stnace" in row)
    article = tmp_path / "a.txt"
    article.write_text("The Plumbers Union endorsed Maria Vega for mayor.\n", encoding="utf-8")
    script = ("import sys, pathlib; import endorsetrack.nlp.rules as r; r.PATTERN_DIR = pathlib.Path(sys.argv[1]); "
              "from endorsetrack.cli.app import main; main(['extract', sys.argv[2]])")
    done = subprocess.run([sys.executable, "-c", script, str(patterns), str(article)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    assert f"{triggers}:{line}: rule 'verb.oppose' has unknown key(s): stnace" in done.stderr


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
