"""The titles lexicon (normalize/data/titles.jsonl, normalize/titles.py): one entry per title,
and the named views every stage reads instead of a list of its own."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from endorsetrack.errors import RuleFileError
from endorsetrack.nlp.rules import packaged_rules
from endorsetrack.normalize.titles import (TITLES_FILE, description_titles, lexicon, office_titles, parse_titles,
                                           view)

SENATOR = {"id": "title.senator", "version": 1, "kind": "title", "category": "legislator", "words": ["Senator"],
           "abbreviations": ["Sen."], "plurals": ["Sens."], "phrases": ["U.S. Senator"], "office": "office.us_senate"}
FORMER = {"id": "title.former", "version": 1, "kind": "title", "category": "modifier", "words": ["former"]}


def write(tmp_path: Path, *rules: dict) -> Path:
    path = tmp_path / "titles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rules) + "\n", encoding="utf-8")
    return path


def a_view(**keys) -> dict:
    return {"id": "view.v", "version": 1, "kind": "view", "forms": ["words", "abbreviations"], "case": "lower", **keys}


def test_a_view_takes_the_forms_of_its_categories_with_its_exceptions(tmp_path):
    path = write(tmp_path, SENATOR, FORMER,
                 a_view(categories=["legislator"], include=["sen"], exclude=["senator"]),
                 {"id": "view.w", "version": 1, "kind": "view", "view_of": "view.v", "include": ["former"]},
                 {"id": "view.bare", "version": 1, "kind": "view", "forms": ["bare_abbreviations", "bare_plurals"],
                  "case": "as_written"})
    lexicon = parse_titles(path)
    assert lexicon.views["v"] == {"sen.", "sen"}
    assert lexicon.views["w"] == {"sen.", "sen", "former"}
    assert lexicon.views["bare"] == {"Sen", "Sens"}


def test_views_by_office_and_by_description_noun(tmp_path):
    path = write(tmp_path, SENATOR,
                 {"id": "view.offices", "version": 1, "kind": "view", "by": "office",
                  "forms": ["words", "abbreviations", "phrases"], "case": "as_written"},
                 {"id": "view.nouns", "version": 1, "kind": "view", "by": "noun", "nouns": ["senator"],
                  "forms": ["words", "abbreviations"], "case": "as_written"})
    lexicon = parse_titles(path)
    assert lexicon.by_office == {"office.us_senate": ("Senator", "Sen.", "U.S. Senator")}
    assert lexicon.by_noun == {"senator": {"Senator", "Sen."}}


@pytest.mark.parametrize("rule, message", [
    ({**SENATOR, "id": "title.x", "category": "senate"}, "unknown category 'senate'"),
    ({**SENATOR, "id": "title.x", "words": ["Vice President"]}, "put Vice President in 'phrases'"),
    ({"id": "title.x", "version": 1, "kind": "title", "category": "modifier"}, "has no written form"),
    ({**SENATOR, "id": "title.x", "senate": True}, "unknown key(s): senate"),
    (a_view(exclude=["gov."]), "excludes words it does not have: gov."),
    (a_view(include=["sen."]), "includes words it has already: sen."),
    (a_view(categories=["legislator"], titles=["title.senator"]), "already in (or out of) its categories"),
    (a_view(titles=["title.nobody"]), "unknown titles: title.nobody"),
    (a_view(forms=["spellings"]), "unknown form kind(s) spellings"),
    (a_view(case="upper"), "'case' must be one of"),
    ({"id": "view.v", "version": 1, "kind": "view", "view_of": "view.nope"}, "no view above it"),
    ({"id": "view.v", "version": 1, "kind": "list"}, "unknown kind 'list'"),
])
def test_a_bad_rule_names_file_and_line(tmp_path, rule, message):
    path = write(tmp_path, SENATOR, rule)
    with pytest.raises(RuleFileError) as info:
        parse_titles(path)
    assert str(info.value).startswith(f"{path}:2: ")
    assert message in str(info.value)


def test_titles_come_before_the_views(tmp_path):
    path = write(tmp_path, a_view(), SENATOR)
    with pytest.raises(RuleFileError, match=":2: title 'title.senator' comes after a view"):
        parse_titles(path)


def test_a_planted_unknown_key_in_the_packaged_lexicon_names_file_line_and_key(tmp_path):
    lines = TITLES_FILE.read_text(encoding="utf-8").splitlines()
    first = next(json.loads(line) for line in lines if line.startswith("{"))
    path = tmp_path / "titles.jsonl"
    path.write_text("\n".join([json.dumps({**first, "id": "title.planted", "tpyo": 1})] + lines) + "\n",
                    encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        parse_titles(path)
    assert str(info.value) == f"{path}:1: rule 'title.planted' has unknown key(s): tpyo"


def test_the_packaged_views_answer_their_callers():
    assert {"sen.", "coun.", "former", "candidate"} <= view("before_names")
    assert {"coun.", "cllr.", "mayor"} <= view("personal") and "former" not in view("personal")
    assert {"Coun.", "Cllr.", "Lt."} <= view("tokenizer_special_cases")
    assert {"Sen", "Lt", "Supt"} <= view("period_abbreviations")
    assert description_titles("senator") == {"Sen.", "Senator"}
    assert office_titles("office.lt_governor") == ("Lieutenant Governor", "Lt. Gov.")
    with pytest.raises(RuleFileError, match="no view 'nope'"):
        view("nope")


def test_every_office_has_titles_and_every_title_s_office_exists():
    offices = {rule["id"] for rule in packaged_rules("offices")}
    named = {t.office for t in lexicon().titles if t.office}
    assert named == offices
    assert all(office_titles(office) for office in offices)
