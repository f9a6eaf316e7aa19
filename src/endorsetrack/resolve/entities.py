"""Cross-article entity resolution: one canonical entity per organisation or person.

An in-memory index of every stored name (the store fills it from the database and
persists what it decides). Resolving a mention never picks silently: it returns
every scored candidate, the chosen one (if any beats the threshold and no other
entity ties it), and the key and canonical name to create a new entity under.
Pure: no I/O beyond the packaged gazetteer.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Iterable, Optional

from .gazetteer import Gazetteer
from .keys import ACRONYM_SKIP, acronyms, key_for, looks_like_acronym, name_key, numbers, token_subset

# Match scores, one per method. Exact and gazetteer hits are certain; an acronym
# (IAFF <-> International Association of Fire Fighters) is nearly so; score.py's
# token-subset rule ("Service Employees" in "Service Employees International Union")
# is the weakest accepted. Calibrated with Settings.entity_match_threshold (0.8) on
# the seeds' and dev set's gold aliases (tests/resolve/test_gold_aliases_calibration.py).
SCORE_EXACT = 1.0
SCORE_GAZETTEER = 1.0
SCORE_ACRONYM = 0.9
SCORE_TOKEN_SUBSET = 0.8
# An alias the extractor gave for the same mention in one article ("IAFF" beside
# "International Association of Firefighters"): trusted, just below a gazetteer hit.
SCORE_ARTICLE_ALIAS = 0.95

# Mentions longer than this many distinct words are only matched against longer stored
# names (2^12 sub-sets is the most a lookup may try); news names run 1-8 words.
MAX_SUBSET_WORDS = 12

# Words that mark a sub-body: a longer name with one of these extra words is a
# local or a state body of the shorter one, not another spelling of it.
SUB_BODY_WORDS = frozenset({"local", "locals", "council", "chapter", "district", "lodge", "division",
                            "region", "state", "branch", "affiliate", "committee"})


@dataclass(frozen=True)
class Match:
    entity_id: int
    score: float
    method: str  # exact | gazetteer | acronym | token_subset
    via: str  # the stored name key that matched


@dataclass(frozen=True)
class Resolution:
    key: str  # the mention's name key
    entity_id: Optional[int]  # the chosen existing entity; None: create a new one
    score: float
    method: str
    new_key: str  # unique key for a new entity (the gazetteer's canonical key when known)
    new_name: str  # canonical name for a new entity
    gazetteer_id: Optional[str]
    candidates: tuple[Match, ...]  # every scored candidate, best first


class EntityIndex:
    """Every known name of every entity, by kind ('organization', 'person', 'measure')."""

    def __init__(self, gazetteer: Gazetteer, threshold: float):
        self.gazetteer = gazetteer
        self.threshold = threshold
        self._names: dict[tuple[str, str], set[int]] = {}
        self._tokens: dict[tuple[str, str], set[str]] = {}  # word -> stored name keys holding it
        self._by_words: dict[tuple[str, frozenset], set[str]] = {}  # set of words -> stored name keys
        self._acronyms: dict[tuple[str, str], set[int]] = {}
        self._keys: dict[int, set[str]] = {}
        self._kind: dict[int, str] = {}
        self._gaz: dict[str, int] = {}
        self.gazetteer_of: dict[int, str] = {}

    def add_entity(self, entity_id: int, kind: str, gazetteer_id: Optional[str] = None) -> None:
        self._kind[entity_id] = kind
        self._keys.setdefault(entity_id, set())
        if gazetteer_id:
            self._gaz.setdefault(gazetteer_id, entity_id)
            self.gazetteer_of[entity_id] = gazetteer_id

    def add_name(self, entity_id: int, key: str, name: Optional[str] = None) -> None:
        """Register a stored name key (and the name as written, for its acronyms)."""
        kind = self._kind[entity_id]
        if not key or key in self._keys[entity_id]:
            return
        self._keys[entity_id].add(key)
        self._names.setdefault((kind, key), set()).add(entity_id)
        for tok in set(key.split()) - ACRONYM_SKIP:
            self._tokens.setdefault((kind, tok), set()).add(key)
        self._by_words.setdefault((kind, frozenset(key.split())), set()).add(key)
        if kind != "person" and len((name or key).split()) >= 3:
            for acr in acronyms(name or key):
                self._acronyms.setdefault((kind, acr), set()).add(entity_id)

    def names_of(self, entity_id: int) -> frozenset[str]:
        return frozenset(self._keys.get(entity_id, ()))

    def entity_for_key(self, kind: str, key: str) -> Optional[int]:
        ids = self._names.get((kind, key))
        return min(ids) if ids else None

    def knows(self, kind: str, key: str) -> bool:
        return (kind, key) in self._names

    def resolve(self, name: str, kind: str) -> Resolution:
        """Score every stored entity that this mention could be; choose one only when clear."""
        key = key_for(name, kind)
        known = self.gazetteer.by_key(name_key(name)) if kind == "organization" else None
        new_key, new_name = (name_key(known.name), known.name) if known else (key, name.strip())
        gid = known.id if known else None
        cands: dict[int, Match] = {}

        def offer(eid: int, score: float, method: str, via: str) -> None:
            if eid not in cands or cands[eid].score < score:
                cands[eid] = Match(eid, score, method, via)

        if known:  # a well-known body is itself or new; never a look-alike ("New Democratic Party")
            if known.id in self._gaz:
                offer(self._gaz[known.id], SCORE_GAZETTEER, "gazetteer", new_key)
            ranked = tuple(cands.values())
            chosen = ranked[0] if ranked else None
            return Resolution(key, chosen.entity_id if chosen else None, chosen.score if chosen else 0.0,
                              chosen.method if chosen else "new", new_key, new_name, gid, ranked)
        for k in {key, new_key}:
            for eid in self._names.get((kind, k), ()):
                offer(eid, SCORE_EXACT, "exact", k)
        if kind == "organization":
            self._acronym_candidates(name, key, kind, offer)
        self._subset_candidates(key, kind, offer)
        ranked = tuple(sorted(cands.values(), key=lambda m: (-m.score, m.method != "gazetteer", m.entity_id)))
        chosen = _choose(ranked, self.threshold)
        return Resolution(key, chosen.entity_id if chosen else None, chosen.score if chosen else 0.0,
                          chosen.method if chosen else "new", new_key, new_name, gid, ranked)

    def _acronym_candidates(self, name: str, key: str, kind: str, offer) -> None:
        bare = key.replace(" ", "")
        if looks_like_acronym(name):  # "IAFF" -> entities whose initials are iaff
            for eid in self._acronyms.get((kind, bare), ()):
                offer(eid, SCORE_ACRONYM, "acronym", bare)
        elif len(name.split()) >= 3:  # "International Association of Fire Fighters" -> a stored "IAFF"
            for acr in acronyms(name):
                for eid in self._names.get((kind, acr), ()):
                    offer(eid, SCORE_ACRONYM, "acronym", acr)

    def _subset_candidates(self, key: str, kind: str, offer) -> None:
        """Stored names that hold all the mention's words, or whose words the mention all holds."""
        toks = set(key.split()) - ACRONYM_SKIP
        if len(key.split()) < 2 or not toks:
            return
        postings = sorted((self._tokens.get((kind, t), set()) for t in toks), key=len)
        found = set(postings[0]).intersection(*postings[1:]) if postings[0] else set()  # mention in stored
        words = sorted(set(key.split()))
        if len(words) <= MAX_SUBSET_WORDS:  # stored in mention: look up each sub-set of its words
            for size in range(2, len(words)):
                for combo in combinations(words, size):
                    found |= self._by_words.get((kind, frozenset(combo)), set())
        for stored in sorted(found):
            if stored != key and token_subset(key, stored) and not self._is_sub_body(key, stored):
                for eid in self._names.get((kind, stored), ()):
                    offer(eid, SCORE_TOKEN_SUBSET, "token_subset", stored)

    def _is_sub_body(self, a: str, b: str) -> bool:
        """The longer name adds a place or a sub-body word: a local, not the same body."""
        short, long_ = (a, b) if len(a.split()) <= len(b.split()) else (b, a)
        extra = [t for t in long_.split() if t not in short.split()]
        if any(t in SUB_BODY_WORDS for t in extra):
            return True
        if numbers(short):  # "AFSCME Iowa Council 61" is "AFSCME Council 61": the number names the body
            return False
        extra_text = " ".join(extra)
        return bool(extra) and (self.gazetteer.is_place(extra_text)
                                or any(self.gazetteer.is_place(t) for t in extra))


def _choose(ranked: tuple[Match, ...], threshold: float) -> Optional[Match]:
    """The best candidate, if it reaches the threshold and no other entity ties it.

    Ties between exact matches (a name shared by two entities) go to the oldest
    entity: it is still a pick, so the candidates are stored beside it for review.
    """
    if not ranked or ranked[0].score < threshold:
        return None
    best = ranked[0]
    rivals = [m for m in ranked[1:] if m.score == best.score]
    if rivals and best.method != "exact" and best.method != "gazetteer":
        return None
    return best


def useful_aliases(aliases: Iterable[str], kind: str) -> list[str]:
    """Extractor aliases worth storing as names: proper names, not descriptions.

    "IAFF" and "Service Employees" are kept; "the union", "firefighters union" and a
    person's bare surname ("Lieberman", ambiguous across articles) are not.
    """
    out = []
    for a in aliases:
        key = key_for(a, kind)
        if not key or not any(c.isupper() for c in a):
            continue
        if kind == "person" and len(key.split()) < 2:
            continue
        if kind != "person" and len(key.split()) < 2 and not looks_like_acronym(a):
            continue
        if numbers(key) and kind == "person":
            continue
        out.append(a)
    return out
