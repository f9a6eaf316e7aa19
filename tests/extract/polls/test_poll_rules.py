"""The poll rule files load with key checks and fail with the file and line named."""
from __future__ import annotations

import json

import pytest

from endorsetrack.errors import RuleFileError
from endorsetrack.extract.polls.parties import PARTIES_FILE, get_party_rules
from endorsetrack.extract.polls.learned import with_article_pollsters
from endorsetrack.extract.polls.rules import (POLL_RULES_FILE, MergedPattern, _read_jsonl, get_poll_rules, name_alternation,
                                              parse_rules)
from endorsetrack.nlp.rules import SCHEMAS


def test_packaged_rules_load_with_every_frame_and_versions():
    rules = get_poll_rules()
    assert set(rules.frames) == {"pair", "single", "share_first", "distributive", "series"}
    assert all(ref.version >= 1 and ref.id.startswith("poll.frame.") for ref in rules.frames.values())
    assert rules.has("lead_cue", "LEAD") and rules.has("trail_cue", "trail")
    assert rules.pollsters and rules.canonical_pollster("Marist") == "Marist College"


def _write(tmp_path, lines):
    path = tmp_path / "rules.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _good_lines():
    return POLL_RULES_FILE.read_text(encoding="utf-8").strip().splitlines()


@pytest.mark.parametrize("bad, message", [
    ("{not json", "not JSON"),
    (json.dumps({"version": 1, "kind": "lead_cue", "terms": ["x"]}), "missing key(s): id"),
    (json.dumps({"id": "x.y", "kind": "lead_cue", "terms": ["x"]}), "missing key(s): version"),
    (json.dumps({"id": "x.y", "version": 1, "kind": "lead_cue", "terms": ["x"], "term": "y"}),
     "rule 'x.y' has unknown key(s): term"),
    (json.dumps({"id": "x.y", "version": 1, "kind": "nonsense", "terms": ["x"]}), "unknown \"kind\""),
    (json.dumps({"id": "x.y", "version": 1, "kind": "lead_cue", "terms": []}), "\"terms\""),
    (json.dumps({"id": "poll.frame.single", "version": 2, "kind": "frame", "description": "d"}), "duplicate"),
])
def test_a_bad_line_names_the_file_and_line(tmp_path, bad, message):
    lines = _good_lines() + [bad]
    path = _write(tmp_path, lines)
    with pytest.raises(RuleFileError) as err:
        parse_rules(path)
    assert message in str(err.value)
    assert f"{path}:{len(lines)}:" in str(err.value)


def test_missing_kinds_are_reported(tmp_path):
    path = _write(tmp_path, [line for line in _good_lines() if '"lead_cue"' not in line])
    with pytest.raises(RuleFileError, match="lead_cue"):
        parse_rules(path)


def test_missing_file_is_a_rule_error(tmp_path):
    with pytest.raises(RuleFileError, match="cannot read"):
        parse_rules(tmp_path / "absent.jsonl")


def test_pollster_gazetteer_lines_need_a_name(tmp_path):
    gaz = tmp_path / "pollsters.jsonl"
    gaz.write_text(json.dumps({"id": "pollster.x", "version": 1, "aliases": []}) + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"pollsters.jsonl:1: rule is missing key\(s\): name"):
        parse_rules(POLL_RULES_FILE, gaz)


def test_a_planted_key_in_the_pollster_gazetteer_names_file_line_and_key(tmp_path):
    gaz = tmp_path / "pollsters.jsonl"
    gaz.write_text(json.dumps({"id": "pollster.x", "version": 1, "name": "X Poll", "alias": ["X"]}) + "\n",
                   encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"pollsters.jsonl:1: rule 'pollster.x' has unknown key\(s\): alias"):
        parse_rules(POLL_RULES_FILE, gaz)


def test_a_planted_key_in_the_party_gazetteer_names_file_line_and_key(tmp_path):
    parties = tmp_path / "poll_parties.jsonl"
    lines = PARTIES_FILE.read_text(encoding="utf-8").splitlines()
    lines.append(json.dumps({"id": "party.x", "version": 1, "kind": "party", "name": "X", "forms": ["X"],
                             "form": "X"}))
    parties.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        _read_jsonl(parties, SCHEMAS["poll_parties"])
    assert str(err.value) == f"{parties}:{len(lines)}: rule 'party.x' has unknown key(s): form"
    assert get_party_rules().key_of  # the packaged file loads


def test_merged_name_patterns_read_as_one_longest_first_alternation():
    gazetteer = {"Acme", "Acme Research Group", "Bayline"}
    article = {"Acme Research", "Coastal Insights"}
    one = name_alternation(gazetteer | article)
    merged = MergedPattern(name_alternation(article), name_alternation(gazetteer))
    text = "Acme Research Group and Acme Research polled; Coastal Insights, Bayline and Acme agreed. Acmes"
    assert [m.group() for m in merged.finditer(text)] == [m.group() for m in one.finditer(text)] == [
        "Acme Research Group", "Acme Research", "Coastal Insights", "Bayline", "Acme"]
    assert merged.match("Acme Research Group said").group() == "Acme Research Group"
    assert merged.fullmatch("Coastal Insights") and not merged.fullmatch("Coastal")
    assert merged.search("a poll by Bayline").group() == "Bayline"


def test_an_article_pollster_joins_the_gazetteer_without_recompiling_it():
    rules = get_poll_rules()
    base = rules.pollster_regex()
    own = with_article_pollsters(rules, ("Coastal Insights",))
    assert own._regex_cache["<pollsters>"] is base
    assert own.pollster_regex().search("Coastal Insights found Ana Ruiz ahead").group() == "Coastal Insights"
    assert not rules.pollster_regex().search("Coastal Insights found Ana Ruiz ahead")
