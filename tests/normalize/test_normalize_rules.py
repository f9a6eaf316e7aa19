"""Rule data files load with key checks; a bad file names itself and the line."""
from __future__ import annotations

import json

import pytest

from endorsetrack.errors import RuleFileError
from endorsetrack.normalize.repair import hovercard_edits
from endorsetrack.normalize.edits import apply_rule
from endorsetrack.normalize.rules import (DATA_DIR, abbreviations, caption_markers, check_rule_files, load_patterns,
                                          load_rule_file, load_word_lists)


def test_packaged_rules_load():
    assert {"Sen", "Gov", "Lt", "Inc"} <= abbreviations()
    ids = [rule_id for rule_id, _, _ in caption_markers()]
    assert "caption.left-to-right" in ids and len(ids) == len(set(ids))


@pytest.mark.parametrize("body, message", [
    ('{"id": "a", "version": 1, "words": ["x"]}\n{"id": "b"}\n', "2: rule is missing key(s): version, words"),
    ('// comment\n{"id": "a", "version": 1, "words": ["x"]}\nnot json\n', "3: not JSON"),
    ('{"id": "a", "version": 0, "words": ["x"]}\n', "1: rule 'version' must be a positive integer"),
    ('{"id": "a", "version": 1, "words": []}\n{"id": "a", "version": 1, "words": []}\n',
     "2: duplicate rule id 'a' (first on line 1)"),
])
def test_bad_rule_file(tmp_path, body, message):
    path = tmp_path / "words.jsonl"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path, required=("words",))
    assert str(info.value).startswith(f"{path}:{message}")


@pytest.mark.parametrize("name", ["abbreviations", "caption_words", "caption_markers"])
def test_a_planted_unknown_key_names_file_line_and_key(tmp_path, name):
    packaged = (DATA_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    first = next(json.loads(line) for line in packaged if line.startswith("{"))
    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(packaged + [json.dumps({**first, "id": "planted", "wrods": []})]) + "\n",
                    encoding="utf-8")
    loader = load_patterns if name == "caption_markers" else load_word_lists
    with pytest.raises(RuleFileError) as info:
        loader(path, ("expansions",)) if name == "abbreviations" else loader(path)  # abbreviations may expand
    assert str(info.value) == f"{path}:{len(packaged) + 1}: rule 'planted' has unknown key(s): wrods"


def test_every_normalizer_rule_file_loads():
    check_rule_files()


def test_bad_word_list_and_pattern(tmp_path):
    words = tmp_path / "w.jsonl"
    words.write_text('{"id": "a", "version": 1, "words": "not a list"}\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match="'words' must be a list"):
        load_word_lists(words)
    patterns = tmp_path / "p.jsonl"
    patterns.write_text('{"id": "p", "version": 1, "pattern": "(unclosed"}\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match="bad regular expression"):
        load_patterns(patterns)


def test_hover_card_pasted_into_a_name_is_dropped():
    raw = ("endorsed Sen. Barack ObamaBarack Hussein ObamaOvernight Defense \u2014 Presented by Acme \u2014 "
           "Nation mourns The Memo: a headline here MORE (D-Ill.) for president")
    assert apply_rule(hovercard_edits, raw) == "endorsed Sen. Barack Obama (D-Ill.) for president"
    other = "the iPhoneApple deal was big and MORE came"  # no repeated full name: left alone
    assert apply_rule(hovercard_edits, other) == other


def test_hover_card_after_a_space_is_dropped():
    raw = ("endorsed Sen. Ana Ruiz-Park Ana Ruiz-ParkA headline about her here Another one MORE (D-Vt.) "
           "and President Reyes Tomas Luis ReyesSays things MORE for the job")
    assert apply_rule(hovercard_edits, raw) == "endorsed Sen. Ana Ruiz-Park (D-Vt.) and President Reyes for the job"
    other = "Sen. Ana Ruiz spoke to Ana Ruiz-Park Group members and MORE came"  # no card glued to the name
    assert apply_rule(hovercard_edits, other) == other


def test_hover_card_after_a_space_repeating_the_name_is_dropped():
    raw = ("The group endorsed Sen. Dana Wells Dana WellsTown hall draws crowds Poll shows tight race "
           "Another headline here MORE (D-Ore.) in the primary.")
    assert apply_rule(hovercard_edits, raw) == "The group endorsed Sen. Dana Wells (D-Ore.) in the primary."
    twice = "Dana Wells Dana Wells is written twice and MORE follows"  # no card glued on: left alone
    assert apply_rule(hovercard_edits, twice) == twice
