"""Parties as poll sides in Westminster-style polls ("puts Labour on 38 per cent").

UK, Canadian, Australian and Irish poll stories give shares to parties, not people.
The gazetteer (nlp/patterns/poll_parties.jsonl) lists party forms; they become
candidate mentions only in articles with that style's wording (the gate rule) or naming
several of its parties (GATE_PARTIES_MIN), since
US stories use party names for subgroups ("among Republicans"). A party named just
before its candidate ("NDP candidate Aisha Roe") is no side: the person is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...errors import RuleFileError
from ...nlp.rules import SCHEMAS
from .people import CandidateMention, PersonIndex
from .rules import PATTERNS_DIR, PollRules, _read_jsonl

PARTIES_FILE = PATTERNS_DIR / "poll_parties.jsonl"
# A party form followed within this many tokens (titles such as "candidate" or
# "incumbent" between) by a person's name introduces that person ("NDP candidate
# Aisha Roe", "PC incumbent Doug Roe"): 3 covers a two-word title.
PARTY_BEFORE_PERSON_TOKENS = 3
# An article that names this many different parties of the gazetteer ("the Liberals ...,
# the Conservatives ..., the New Democrats ..., the Bloc ...") is in that style even
# without a gate word: 3, since a US story may name two by chance ("Labor Day", "the
# Coalition for ..."), and Westminster-style poll stories name three or more.
GATE_PARTIES_MIN = 3


@dataclass(frozen=True)
class PartyRules:
    gate: re.Pattern
    forms: re.Pattern
    key_of: dict[str, str]  # form -> party id


@lru_cache(maxsize=1)
def get_party_rules() -> PartyRules:
    """The packaged party gazetteer, parsed once per process."""
    gate: list[str] = []
    key_of: dict[str, str] = {}
    for n, obj in _read_jsonl(PARTIES_FILE, SCHEMAS["poll_parties"]):
        kind = obj.get("kind")
        if kind == "gate":
            gate.extend(obj.get("terms") or [])
        elif kind == "party" and isinstance(obj.get("forms"), list) and obj["forms"]:
            key_of.update({f: obj["id"] for f in obj["forms"]})
        else:
            raise RuleFileError(f"bad party rule {obj.get('id')!r}", path=str(PARTIES_FILE), line=n)
    if not gate or not key_of:
        raise RuleFileError("the party rules need a gate and at least one party", path=str(PARTIES_FILE))
    alts = "|".join(re.escape(f) for f in sorted(key_of, key=len, reverse=True))
    return PartyRules(
        gate=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(g) for g in gate) + r")(?!\w)", re.I),
        forms=re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])"),
        key_of=key_of)


def add_party_mentions(doc, text: str, index: PersonIndex, rules: PollRules) -> None:
    """Add party mentions to the index's candidate mentions (see module docstring)."""
    parties = get_party_rules()
    if not parties.gate.search(text) and len({parties.key_of[h.group(0)] for h in parties.forms.finditer(text)}) \
            < GATE_PARTIES_MIN:
        return
    people = {m.token_i for m in index.mentions}
    first_tokens = {doc.char_span(m.start, m.end, alignment_mode="expand").start for m in index.mentions}
    added = []
    for hit in parties.forms.finditer(text):
        span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
        if span is None or any(t.i in people for t in span):
            continue
        if _introduces_person(doc, span.end, first_tokens, rules):
            continue
        key = parties.key_of[hit.group(0)]
        added.append(CandidateMention(hit.start(), hit.end(), hit.group(0), key, span.end - 1))
        index.counts[key] = index.counts.get(key, 0) + 1
    if added:
        index.mentions = sorted(index.mentions + added, key=lambda m: m.start)


def _introduces_person(doc, i: int, first_tokens: set[int], rules: PollRules) -> bool:
    for j in range(i, min(len(doc), i + PARTY_BEFORE_PERSON_TOKENS)):
        if j in first_tokens:
            return True
        t = doc[j]
        if not (rules.has("title", t.text) or t.text in ("'s", "’s")):
            return False
    return False
