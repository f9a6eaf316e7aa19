"""Named word lists (nlp/patterns/vocabulary.jsonl): the extractors' vocabularies as data.

Each rule is one named list, read by name where it is used (``words("union_words")``):
- ``words``: a list of words or phrases, as written (case matters where the code
  compares the written form);
- ``mapping``: word -> a word or a list of words ("teachers" -> ["teach", "educat"]);
- a view of another list (``view_of``), with words ``plus``, ``except`` those, or
  ``only`` those: one vocabulary whose uses differ in a few words stays one list.
A list names each word once; a view names only words of its list (``except``/``only``)
or new ones (``plus``); anything else is a RuleFileError naming the file and line.
Lists are read on first use (ruledata.LazyWords), not at import.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Union

from ..errors import RuleFileError
from ..ruledata import LazyMap, LazyWords, read_rules
from .rules import SCHEMAS, pattern_path

VOCABULARY_FILE = pattern_path("vocabulary")

Entry = Union[frozenset, dict]


def _strings(rule: dict, key: str, path: str, line: int) -> list[str]:
    value = rule[key]
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise RuleFileError(f"list '{rule['id']}': '{key}' must be a non-empty list of non-empty strings",
                            path=path, line=line)
    doubled = sorted({w for w in value if value.count(w) > 1})
    if doubled:
        raise RuleFileError(f"list '{rule['id']}': '{key}' names {', '.join(doubled)} more than once",
                            path=path, line=line)
    return value


def _mapping(rule: dict, path: str, line: int) -> dict:
    value = rule["mapping"]
    ok = isinstance(value, dict) and value and all(
        isinstance(v, str) and v or isinstance(v, list) and v and all(isinstance(x, str) and x for x in v)
        for v in value.values())
    if not ok:
        raise RuleFileError(f"list '{rule['id']}': 'mapping' must map words to a word or a list of words",
                            path=path, line=line)
    return {k: tuple(v) if isinstance(v, list) else v for k, v in value.items()}


def _view(rule: dict, lists: dict[str, Entry], path: str, line: int) -> frozenset:
    base = lists.get(rule["view_of"])
    if not isinstance(base, frozenset):
        raise RuleFileError(f"list '{rule['id']}' is a view of '{rule['view_of']}', which is no word list "
                            f"above it", path=path, line=line)
    out = set(base)
    if "only" in rule:
        out &= set(_strings(rule, "only", path, line))
    for key in ("only", "except"):
        strangers = sorted(set(_strings(rule, key, path, line)) - base) if key in rule else []
        if strangers:
            raise RuleFileError(f"list '{rule['id']}': '{key}' names words not in '{rule['view_of']}': "
                                f"{', '.join(strangers)}", path=path, line=line)
    if "except" in rule:
        out -= set(rule["except"])
    if "plus" in rule:
        known = sorted(set(_strings(rule, "plus", path, line)) & base)
        if known:
            raise RuleFileError(f"list '{rule['id']}': 'plus' names words already in '{rule['view_of']}': "
                                f"{', '.join(known)}", path=path, line=line)
        out |= set(rule["plus"])
    return frozenset(out)


def parse_vocabulary(path=VOCABULARY_FILE) -> dict[str, Entry]:
    """Every named list of a vocabulary file, views resolved; RuleFileError on a bad line."""
    schema = SCHEMAS["vocabulary"]
    lists: dict[str, Entry] = {}
    for line, rule in read_rules(path, schema.required, schema.optional, schema.kinds):
        shapes = [k for k in ("words", "mapping", "view_of") if k in rule]
        if len(shapes) != 1:
            raise RuleFileError(f"list '{rule['id']}' needs exactly one of 'words', 'mapping', 'view_of'",
                                path=str(path), line=line)
        if shapes != ["view_of"] and any(k in rule for k in ("plus", "except", "only")):
            raise RuleFileError(f"list '{rule['id']}': plus/except/only belong to a view ('view_of')",
                                path=str(path), line=line)
        if "words" in rule:
            lists[rule["id"]] = frozenset(_strings(rule, "words", str(path), line))
        elif "mapping" in rule:
            lists[rule["id"]] = _mapping(rule, str(path), line)
        else:
            lists[rule["id"]] = _view(rule, lists, str(path), line)
    return lists


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Entry]:
    """The packaged vocabulary, parsed once per process."""
    return parse_vocabulary()


def _word_list(name: str) -> frozenset[str]:
    entry = vocabulary().get(name)
    if not isinstance(entry, frozenset):
        raise RuleFileError(f"no word list named '{name}'", path=str(VOCABULARY_FILE))
    return entry


def _named_mapping(name: str) -> dict:
    entry = vocabulary().get(name)
    if not isinstance(entry, dict):
        raise RuleFileError(f"no mapping named '{name}'", path=str(VOCABULARY_FILE))
    return entry


def words(name: str) -> LazyWords:
    """The named word list (or view), read on first use."""
    return LazyWords(lambda: _word_list(name))


def word_map(name: str) -> LazyMap:
    """The named mapping, read on first use."""
    return LazyMap(lambda: _named_mapping(name))
