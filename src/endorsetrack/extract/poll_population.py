"""Whom a figure speaks for: a subgroup ("among Democrats") or the whole sample.

"overall", "among all the voters surveyed", "among likely voters" name the whole
sample (population None, the universe kept apart). "among Democrats", "26 percent of
Democrats or Independents leaning Democrat polled", "Women back Smith 55 to 40" name a
subgroup. "of those polled" / "of the vote" say nothing new: the figure keeps the
subgroup its poll mention gave ("The survey of Republicans ... showed").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .poll_rules import PollRules
from .poll_sources import is_whole_sample, subgroup_phrase
from ..nlp.build import doc_text


@dataclass(frozen=True)
class Population:
    name: Optional[str] = None  # the subgroup; None for the whole sample
    explicit: bool = False  # False: inherit the poll mention's subgroup
    universe: Optional[str] = None  # "likely voters", "registered voters", "adults"
    end_char: int = -1  # where the phrase ends (evidence), -1 when none
    used_until: int = -1  # first token after the phrase, so the next figure skips it


NONE_STATED = Population()
_SHARE_NOUNS = {"support", "backing", "of", "the", "vote"}


def _universe(low: str) -> Optional[str]:
    if "likely" in low:
        return "likely voters"
    if "registered" in low:
        return "registered voters"
    if "adults" in low:
        return "adults"
    return None


def _phrase(doc, i: int, limit: int, rules: PollRules, cand_tokens: set[int]) -> Optional[tuple[int, int]]:
    ph = subgroup_phrase(doc, i, limit, rules)
    if ph and any(t in cand_tokens for t in range(*ph)):
        stop = min(t for t in range(*ph) if t in cand_tokens)
        ph = (ph[0], stop) if stop > ph[0] else None
    return ph


def _classify(doc, ph: tuple[int, int], marker: str, rules: PollRules) -> Population:
    end = doc[ph[1] - 1].idx + len(doc[ph[1] - 1].text)
    text = doc_text(doc)[doc[ph[0]].idx:end]
    universe = _universe(text.lower())
    if is_whole_sample(doc, *ph, rules):
        # "among all voters" says so; "of those polled" just points at the sample.
        return Population(None, marker == "among", universe, end, ph[1])
    return Population(text, True, universe, end, ph[1])


def population_for(doc, a: int, b: int, pre_from: int, post_end: int, rules: PollRules,
                   cand_tokens: set[int]) -> Population:
    """The population of the figure at tokens [a, b).

    Looks right after the figure first ("60 percent to 33 percent among Democrats",
    "26 percent of Democrats"), then before it within [pre_from, a) ("Among women,
    Smith leads 55 to 40"; "Democrats favor Smith 60 to 30").
    """
    i = b
    while i < post_end and i - b < 4 and (doc[i].text == "," or doc[i].lower_ in _SHARE_NOUNS):
        i += 1  # "35 percent support among union members", "26 percent of the vote overall"
    if i < post_end:
        t = doc[i]
        if t.lower_ == "overall":
            return Population(None, True, None, t.idx + len(t.text), i + 1)
        if rules.has("subgroup_marker", t.text):
            ph = _phrase(doc, i + 1, post_end, rules, cand_tokens)
            if ph:
                return _classify(doc, ph, "among", rules)
    if b < post_end and doc[b].lower_ == "of":
        ph = _phrase(doc, b + 1, post_end, rules, cand_tokens)
        if ph:
            return _classify(doc, ph, "of", rules)
    for i in range(a - 1, pre_from - 1, -1):
        t = doc[i]
        if t.lower_ == "overall":
            return Population(None, True, None, -1, -1)
        if rules.has("subgroup_marker", t.text):
            ph = _phrase(doc, i + 1, a, rules, cand_tokens)
            if ph:
                return _classify(doc, ph, "among", rules)
    for i in range(pre_from, a):
        t = doc[i]
        if t.dep_ in ("nsubj",) and t.i not in cand_tokens and t.pos_ in ("NOUN", "PROPN") \
                and t.tag_ in ("NNS", "NNPS") and rules.has("support_cue", t.head.lemma_):
            sub = sorted(x.i for x in t.subtree if x.i < t.head.i)
            ph = (sub[0], sub[-1] + 1)
            if is_whole_sample(doc, *ph, rules):
                return NONE_STATED
            return _classify(doc, ph, "subject", rules)
    return NONE_STATED
