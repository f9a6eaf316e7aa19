"""Races as keys: the extractor's free race text -> one comparable key, and query matching.

"2006 U.S. Senate, Connecticut", "Connecticut U.S. Senate race (2006)" and
"2006 US senatorial election in Connecticut" share the key
"2006 connecticut senate us". A user's "--race 'Connecticut Senate'" matches every
race whose key holds all of the query's words.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..nlp.rules import load_rules
from .keys import DATA_DIR, name_key

YEAR_RE = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


@lru_cache(maxsize=2)
def _terms(path: Path = DATA_DIR / "race_terms.jsonl") -> tuple[tuple[str, str], ...]:
    """(phrase key, canonical) pairs, longest phrase first."""
    pairs: list[tuple[str, str]] = []
    for rule in load_rules(path, required=("canonical", "words")):
        pairs.extend((name_key(w), rule["canonical"]) for w in rule["words"])
    return tuple(sorted(set(pairs), key=lambda p: -len(p[0])))


@lru_cache(maxsize=65536)
def race_tokens(text: str | None) -> frozenset[str]:
    """The words that identify a race, synonyms folded and filler dropped."""
    if not text:
        return frozenset()
    key = f" {name_key(text)} "
    for phrase, canonical in _terms():
        key = re.sub(rf" {re.escape(phrase)}(?= )", f" {canonical}" if canonical else " ", key)
    return frozenset(t for t in key.split() if t)


@lru_cache(maxsize=65536)
def race_key(text: str | None) -> str:
    """The unique key a race is stored under ('' when the text names no race)."""
    return " ".join(sorted(race_tokens(text)))


def race_year(text: str | None) -> int | None:
    """The election year the race text names, if any."""
    years = [int(y) for y in YEAR_RE.findall(text or "")]
    return max(years) if years else None


def race_matches(query: str, key: str) -> bool:
    """True when every word of the query (after folding) is in the race key."""
    q = race_tokens(query)
    return bool(q) and q <= set(key.split())
