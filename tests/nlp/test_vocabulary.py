"""Named word lists (nlp/patterns/vocabulary.jsonl, nlp/vocabulary.py): lists, mappings and
views of one list, checked on load and read on first use."""
from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import pytest

import endorsetrack.extract
from endorsetrack.errors import RuleFileError
from endorsetrack.nlp.vocabulary import parse_vocabulary, vocabulary, word_map, words
from endorsetrack.ruledata import LazyMap, LazyPattern, LazyWords


def write(tmp_path: Path, *rules: dict) -> Path:
    path = tmp_path / "vocabulary.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rules) + "\n", encoding="utf-8")
    return path


BASE = {"id": "verbs", "version": 1, "words": ["say", "tell", "vow"]}


def test_views_add_drop_or_keep_words_of_their_list(tmp_path):
    path = write(tmp_path, BASE,
                 {"id": "verbs.saying", "version": 1, "view_of": "verbs", "except": ["vow"]},
                 {"id": "verbs.telling", "version": 1, "view_of": "verbs", "only": ["tell"]},
                 {"id": "verbs.more", "version": 1, "view_of": "verbs.saying", "plus": ["add"]},
                 {"id": "gender", "version": 1, "mapping": {"he": "m", "teachers": ["teach", "educat"]}})
    lists = parse_vocabulary(path)
    assert lists["verbs.saying"] == {"say", "tell"}
    assert lists["verbs.telling"] == {"tell"}
    assert lists["verbs.more"] == {"say", "tell", "add"}
    assert lists["gender"] == {"he": "m", "teachers": ("teach", "educat")}


@pytest.mark.parametrize("rule, message", [
    ({"id": "x", "version": 1, "words": ["a", "a"]}, "names a more than once"),
    ({"id": "x", "version": 1, "words": []}, "non-empty list"),
    ({"id": "x", "version": 1, "view_of": "nope", "plus": ["a"]}, "no word list above it"),
    ({"id": "x", "version": 1, "view_of": "verbs", "except": ["shout"]}, "'except' names words not in 'verbs': shout"),
    ({"id": "x", "version": 1, "view_of": "verbs", "plus": ["say"]}, "'plus' names words already in 'verbs': say"),
    ({"id": "x", "version": 1, "words": ["a"], "mapping": {"a": "b"}}, "exactly one of"),
    ({"id": "x", "version": 1, "words": ["a"], "except": ["a"]}, "belong to a view"),
    ({"id": "x", "version": 1, "mapping": {"a": 1}}, "'mapping' must map words"),
    ({"id": "x", "version": 1, "wrods": ["a"]}, "unknown key(s): wrods"),
])
def test_a_bad_list_names_file_and_line(tmp_path, rule, message):
    path = write(tmp_path, BASE, rule)
    with pytest.raises(RuleFileError) as info:
        parse_vocabulary(path)
    assert str(info.value).startswith(f"{path}:2: ")
    assert message in str(info.value)


def test_speech_verbs_are_one_vocabulary_with_two_views():
    lists = vocabulary()
    attribution, announcing = lists["speech_verbs.quote_attribution"], lists["speech_verbs.announcing"]
    assert attribution | announcing == lists["speech_verbs"]
    assert {"say", "tell"} <= attribution & announcing
    assert "vow" in announcing and "vow" not in attribution


def test_lists_are_read_on_first_use_not_when_named():
    missing = words("no_such_list")  # naming it reads nothing
    with pytest.raises(RuleFileError, match="no word list named 'no_such_list'"):
        _ = "x" in missing
    with pytest.raises(RuleFileError, match="no mapping named 'union_words'"):
        word_map("union_words").get("x")
    union = words("union_words") | {"guild"}
    assert isinstance(union, frozenset) and {"teamsters", "guild"} <= union


def test_every_list_the_extractors_name_exists():
    """Each module-level vocabulary of extract/ resolves to a list, a mapping or a pattern."""
    seen = 0
    for info in pkgutil.walk_packages(endorsetrack.extract.__path__, "endorsetrack.extract."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, (LazyWords, LazyMap)):
                assert len(value) > 0, f"{info.name}.{name}"
                seen += 1
            elif isinstance(value, LazyPattern):
                assert value.compiled().pattern, f"{info.name}.{name}"
                seen += 1
    assert seen >= 50
