"""Organisation hierarchy: which body a local, council or state affiliate belongs to.

A well-known body's parent is the one the organisation lexicon gives it (the DNC's
party: nlp/patterns/organizations.jsonl "parent"). General rules read the child's own
name (data/hierarchy_rules.jsonl): "Local N of X", "X Council N", "AFT <State>",
"<State> Education Association", a known acronym inside the name ("1199SEIU"), a city
before a known union ("Chicago Fraternal Order of Police"). The extractor's ``endorser_parent`` is used first when it gives one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from ..nlp.rules import load_rules
from .gazetteer import Gazetteer
from .keys import DATA_DIR, name_key

# Leading quantifiers that describe a group of locals rather than name one:
# "two SEIU locals", "two of its largest locals", "a Teamsters local".
QUANTIFIER_RE = re.compile(
    r"^(?:a|an|one|two|three|four|five|six|several|some|many|its|their|\d+)\s+"
    r"(?:of\s+(?:its|the|their)\s+)?(?:largest\s+|biggest\s+|big\s+|major\s+|own\s+)?")

# A city or region before a known union names one of its locals; at most this many words.
MAX_PREFIX_WORDS = 2


@dataclass(frozen=True)
class ParentGuess:
    name: str  # the parent's name as the child's name spells it, or the gazetteer name
    gazetteer_id: Optional[str]
    rule_id: str
    rule_version: int


@dataclass(frozen=True)
class _Rule:
    id: str
    version: int
    regex: re.Pattern
    slots: tuple[str, ...]
    parent_id: Optional[str]


_SLOT_RE = {"org": r"(?P<org>.+?)", "known": r"(?P<known>.+?)", "place": r"(?P<place>.+?)",
            "n": r"(?P<n>\d+[a-z]?(?: and \d+[a-z]?)*)"}


def _compile(pattern: str) -> tuple[re.Pattern, tuple[str, ...]]:
    """'{org} local {n}' -> a regex over name keys with one named group per slot."""
    slots = tuple(re.findall(r"\{(\w+)\}", pattern))
    out = []
    for part in re.split(r"(\{\w+\})", pattern):
        slot = re.fullmatch(r"\{(\w+)\}", part)
        if slot:
            out.append(_SLOT_RE[slot.group(1)])
        elif part.strip():
            out.append(" " + re.escape(name_key(part)) + " ")
        else:
            out.append(" ")
    return re.compile("^" + re.sub(" +", " ", "".join(out)).strip() + "$"), slots


@lru_cache(maxsize=4)
def load_hierarchy_rules(path: Path = DATA_DIR / "hierarchy_rules.jsonl") -> tuple[_Rule, ...]:
    rules = []
    for r in load_rules(path, required=("pattern",), allowed=("parent_id",)):
        regex, slots = _compile(r["pattern"])
        rules.append(_Rule(r["id"], r["version"], regex, slots, r.get("parent_id")))
    return tuple(rules)


def infer_parent(name: str, gazetteer: Gazetteer, is_known: Callable[[str], bool] = lambda key: False,
                 rules: Optional[tuple[_Rule, ...]] = None) -> Optional[ParentGuess]:
    """The parent body that a sub-body's name points to, or None when the name names no parent.

    ``is_known(key)`` tells whether an organisation with that name key is already stored.
    """
    key = name_key(name)
    own = gazetteer.by_key(key)
    if own is not None:  # a known body: the parent the lexicon gives it (the DNC's party), none from its name
        parent = gazetteer.orgs.get(own.parent) if own.parent else None
        return ParentGuess(parent.name, parent.id, "parent.gazetteer", own.version) if parent else None
    bare = QUANTIFIER_RE.sub("", key) or key
    for rule in rules or load_hierarchy_rules():
        m = rule.regex.match(bare)
        if not m:
            continue
        guess = _guess_from_match(rule, m, name, key, gazetteer, is_known)
        if guess is not None:
            return guess
    inside = gazetteer.acronym_in(key)
    if inside is not None:
        return ParentGuess(inside.name, inside.id, "parent.acronym-inside", 1)
    return _prefixed_union(bare, gazetteer)


def _prefixed_union(key: str, gazetteer: Gazetteer) -> Optional[ParentGuess]:
    """'chicago fraternal order of police' -> the Fraternal Order of Police (a city's local)."""
    words = key.split()
    for k in range(1, min(MAX_PREFIX_WORDS, len(words) - 1) + 1):
        org = gazetteer.by_key(" ".join(words[k:]))
        if org is not None and org.type == "union":
            return ParentGuess(org.name, org.id, "parent.place-prefix-union", 1)
    return None


def _guess_from_match(rule: _Rule, m: re.Match, name: str, key: str, gazetteer: Gazetteer,
                      is_known: Callable[[str], bool]) -> Optional[ParentGuess]:
    slots = m.groupdict()
    if "place" in slots and not gazetteer.is_place(slots["place"]):
        return None
    if rule.parent_id:
        org = gazetteer.orgs.get(rule.parent_id)
        return ParentGuess(org.name, org.id, rule.id, rule.version) if org else None
    part = slots.get("known") or slots.get("org")
    if not part or part == key:
        return None
    org = gazetteer.by_key(part)
    if org is not None:
        return ParentGuess(org.name, org.id, rule.id, rule.version)
    if is_known(part):
        return ParentGuess(_original_span(name, part), None, rule.id, rule.version)
    inside = gazetteer.acronym_in(part)
    if inside is not None:
        return ParentGuess(inside.name, inside.id, rule.id, rule.version)
    if "org" in slots:  # "X Local 12": X is the parent even when we have never seen X
        return ParentGuess(_original_span(name, part), None, rule.id, rule.version)
    return None


def _original_span(name: str, key_part: str) -> str:
    """The words of ``name`` that ``key_part`` (a name key) came from, in their own casing."""
    words = key_part.split()
    rx = r"[^A-Za-z0-9]*".join(re.escape(w) for w in words)
    m = re.search(rx, name, re.I)
    return m.group(0) if m else key_part
