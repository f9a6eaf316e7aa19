"""Whom a figure speaks for: a subgroup ("among Democrats") or the whole sample.

"overall", "among all the voters surveyed", "among likely voters" name the whole
sample (population None, the universe kept apart). "among Democrats", "24 percent of
Democrats or Independents leaning Democrat surveyed", "Women back Smith 55 to 40" name a
subgroup. "of those polled" / "of the vote" say nothing new: the figure keeps the
subgroup its poll mention gave ("The survey of Republicans ... showed").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .numbers import SHARE_CUE_RE, is_share_unit
from .rules import PollRules
from .subgroups import SUBGROUP_MAX_TOKENS, is_whole_sample, subgroup_phrase
from ...nlp.build import doc_text
from ...nlp.vocabulary import word_map, words


@dataclass(frozen=True)
class Population:
    name: Optional[str] = None  # the subgroup; None for the whole sample
    explicit: bool = False  # False: inherit the poll mention's subgroup
    universe: Optional[str] = None  # "likely voters", "registered voters", "adults"
    end_char: int = -1  # where the phrase ends (evidence), -1 when none
    used_until: int = -1  # first token after the phrase, so the next figure skips it


NONE_STATED = Population()
# Words a bracketed figure may carry before its bracket closes ("(2 percent in the poll)
# among Baptists": 3); 4 reached every such tail in the train set.
BRACKET_TAIL_MAX_TOKENS = 4
# An aside between a group subject and its verb ("Older voters, who make up about half
# of the expected primary turnout, back ...": 10 tokens) runs at most this far.
GROUP_ASIDE_MAX_TOKENS = 16
# Words that make a group the voters of the contest polled, i.e. the whole sample of a
# primary or caucus poll (GUIDELINES, Conventions), not a part of it.
_SAMPLE_EVENT_WORDS = frozenset({"primary", "caucus", "caucusgoers", "caucus-goers", "electorate"})
# Words that join a party's independents-who-lean to its identifiers: the sample of a
# nomination poll ("Democrats and Democratic-leaning independents").
_LEANER_WORDS = frozenset({"leaning", "lean", "leaners", "leans"})
_PARTY_WORDS = frozenset(w.lower() for w in words("party_adjectives"))
# Words between a figure and its "among ..." ("35 percent support among union members",
# "a 53% to 35% edge among men").
_SHARE_NOUNS = words("poll.share_nouns")


# Words after which a new clause may open with a group as its subject ("..., while men
# split 47-48", "; independents favor Jones").
_CLAUSE_JOINERS = words("poll.clause_joiners")
# Prepositions before a part of the sample: "in western Ohio", "on the west side".
_AREA_PREPS = words("poll.area_prepositions")


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
        while stop > ph[0] and (doc[stop - 1].pos_ in ("CCONJ", "DET") or doc[stop - 1].is_punct):
            stop -= 1  # "among likely voters and Jones with 43 percent": not "voters and"
        ph = (ph[0], stop) if stop > ph[0] else None
    return ph


def _classify(doc, ph: tuple[int, int], marker: str, rules: PollRules) -> Population:
    end = doc[ph[1] - 1].idx + len(doc[ph[1] - 1].text)
    text = doc_text(doc)[doc[ph[0]].idx:end]
    universe = _universe(text.lower())
    if is_whole_sample(doc, *ph, rules) or _contest_voters(doc, ph[0], _before_clause(doc, *ph), rules) \
            or _partisans_with_leaners(doc, *ph) \
            or doc[ph[0]].lower_ == "all":  # "among all Democrats": the whole party sampled, not a part
        # "among all voters" says so; "of those polled" just points at the sample.
        return Population(None, marker == "among", universe, end, ph[1])
    if marker == "of" and _party_sample(doc, ph[0], ph[1]):
        return Population(None, True, universe, end, ph[1])
    return Population(text, True, universe, end, ph[1])


_PARTY_STEMS = word_map("poll.party_group_stems")  # party word -> its party
_PARTY_SAMPLE_WORDS = words("poll.party_sample_words")
_CONTEST_WORDS = words("poll.contest_words")
# "a survey of 570 Tory members", "polls of the Tory electorate": a poll whose sample is one
# party's people; that party's group after "of" is then the whole sample too.
_PARTY_SAMPLED_RE = re.compile(r"\b(?:poll|polls|survey|surveys|polling)\s+of\s+(?:the\s+)?(?:[\d,]+\s+)?"
                               r"(?:registered\s+|likely\s+)?([A-Za-z]+)\b", re.I)
_PARTY_GROUP_RE = re.compile(r"\b(?:of|among)\s+(?:the\s+)?(?:registered\s+|likely\s+)?([A-Za-z]+)\b", re.I)


def _party_sample(doc, i: int, j: int) -> bool:
    """"16 percent of the Democratic vote", "63% of Tory members": in an article about one
    party's contest (a primary, caucus, nomination or leadership word) whose figures name
    no other party's voters, that party's electorate after "of" is the poll's whole sample,
    not a subgroup (GUIDELINES, Conventions). "among Democrats" sets a part apart and stays
    a subgroup (the caller asks only for "of"); so do a phrase with more in it ("Democrats
    judged likely to vote") and an article that also names another party's voters."""
    toks = [t.lower_ for t in doc[i:j] if t.pos_ != "DET"]
    stems = {_PARTY_STEMS[w] for w in toks if w in _PARTY_STEMS}
    if len(stems) != 1 or not all(w in _PARTY_STEMS or w in _PARTY_SAMPLE_WORDS for w in toks):
        return False
    key = "poll_party_groups"
    if key not in doc.user_data:
        text = doc_text(doc)
        groups = {_PARTY_STEMS[m.group(1).lower()] for m in _PARTY_GROUP_RE.finditer(text)
                  if m.group(1).lower() in _PARTY_STEMS}
        sampled = {_PARTY_STEMS[m.group(1).lower()] for m in _PARTY_SAMPLED_RE.finditer(text)
                   if m.group(1).lower() in _PARTY_STEMS}
        doc.user_data[key] = (frozenset(groups), any(t.lower_ in _CONTEST_WORDS for t in doc), frozenset(sampled))
    groups, contest, sampled = doc.user_data[key]
    return (bool(contest) or stems <= sampled) and groups <= stems


# A national poll broken down by region names at least this many regions, each "in" a
# place next to figures ("in Ontario ... in Quebec ... in British Columbia"); an article
# about one state's poll that mentions another place or two stays whole-sample. 3: the
# train set's regional breakdowns name 4-5, its state polls at most 2 other places.
REGIONAL_BREAKDOWN_MIN_PLACES = 3


def _breakdown_places(doc) -> frozenset[str]:
    """Places met as "in <place>" in sentences with a share figure, when the article names
    at least REGIONAL_BREAKDOWN_MIN_PLACES of them: a poll's regional breakdown. Else empty."""
    key = "poll_breakdown_places"
    if key not in doc.user_data:
        found: set[str] = set()
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC") and ent.start > 0 and doc[ent.start - 1].lower_ == "in" \
                    and SHARE_CUE_RE.search(ent.sent.text):
                found.add(ent.text.lower())
        doc.user_data[key] = frozenset(found) if len(found) >= REGIONAL_BREAKDOWN_MIN_PLACES else frozenset()
    return doc.user_data[key]


def _area(doc, i: int, limit: int, rules: PollRules, cand_tokens: set[int]) -> Optional[Population]:
    """'in western Ohio', 'in Cook County', 'in union households': a part of the sample.

    Only with an area word (see the area_subgroup rule): "in Ohio" names the poll's own
    state, and "in the county" alone may be the poll's own county. A bare place is a part
    only in a regional breakdown ("in Ontario ... in Quebec ... in Alberta", see
    _breakdown_places).
    """
    ph = _phrase(doc, i, limit, rules, cand_tokens)
    if ph is None:
        return None
    toks = [t for t in doc[ph[0]:ph[1]] if not t.is_punct]
    region = bool(toks) and all(t.ent_type_ in ("GPE", "LOC") for t in toks) and \
        doc_text(doc)[toks[0].idx:toks[-1].idx + len(toks[-1].text)].lower() in _breakdown_places(doc)
    if not region and not any(rules.has("area_subgroup", t.text)
                              or (t.text.islower() and rules.has("compass_word", t.text)) for t in toks):
        return None
    if not region and len(toks) == 1 and toks[0].tag_ not in ("NNS", "NNPS"):
        return None
    end = doc[ph[1] - 1].idx + len(doc[ph[1] - 1].text)
    return Population(doc_text(doc)[doc[ph[0]].idx:end], True, None, end, ph[1])


def population_for(doc, a: int, b: int, pre_from: int, post_end: int, rules: PollRules,
                   cand_tokens: set[int], sentence_start: int = -1) -> Population:
    """The population of the figure at tokens [a, b).

    Looks right after the figure first ("60 percent to 33 percent among Democrats",
    "26 percent of Democrats"), then before it within [pre_from, a) ("Among women,
    Smith leads 55 to 40"; "Democrats favor Smith 60 to 30").
    """
    i = b
    while i < post_end and i - b < 4 and (doc[i].text == "," or doc[i].lower_ in _SHARE_NOUNS):
        i += 1  # "35 percent support among union members", "26 percent of the vote overall"
    close = _bracket_end(doc, a, i, post_end)
    if close is not None:
        i = close  # "(53% to 17%) among those who ...", "(2 percent in the poll) among Baptists"
    if i < post_end:
        t = doc[i]
        if t.lower_ == "overall":
            return Population(None, True, None, t.idx + len(t.text), i + 1)
        if rules.has("subgroup_marker", t.text) or _with_group(doc, i, post_end, rules):
            ph = _phrase(doc, i + 1, post_end, rules, cand_tokens)
            if ph:
                return _classify(doc, ph, "among", rules)
        if t.lower_ in _AREA_PREPS:  # "led 49% to 44% in Cook County"
            area = _area(doc, i + 1, post_end, rules, cand_tokens)
            if area is not None:
                return area
    if b < post_end and doc[b].lower_ == "of":
        ph = _phrase(doc, b + 1, post_end, rules, cand_tokens)
        if ph and all(t.lower_ in _SHARE_NOUNS for t in doc[ph[0]:ph[1]]):
            ph = None  # "7 percent of support", "40 percent of the vote": no group
        if ph:
            return _classify(doc, ph, "of", rules)
    for i in range(a - 1, pre_from - 1, -1):
        t = doc[i]
        if t.lower_ == "overall":
            return Population(None, True, None, -1, -1)
        if rules.has("subgroup_marker", t.text) or _with_group(doc, i, a, rules):
            ph = _phrase(doc, i + 1, a, rules, cand_tokens)
            if ph:
                return _classify(doc, ph, "among", rules)
        if t.lower_ == "of" and i > pre_from and is_share_unit(doc[i - 1]):
            # "47 percent of independents to Roe's 46 percent": the earlier figure's group is
            # this one's too; "who make up 60 percent of the electorate" says nothing
            ph = _phrase(doc, i + 1, a, rules, cand_tokens)
            found = _classify(doc, ph, "of", rules) if ph else None
            if found is not None and found.name is not None:
                return found
        if t.lower_ in _AREA_PREPS:  # "In western Ohio, Smith led 48 to 30"; "on the west side"
            area = _area(doc, i + 1, a, rules, cand_tokens)
            if area is not None:
                return area
    for i in range(pre_from, a):
        t = doc[i]
        if t.lower_ == "who" and t.dep_ == "nsubj" and t.head.dep_ == "relcl" \
                and rules.has("support_cue", t.head.lemma_) and pre_from <= t.head.head.i < t.i \
                and t.head.head.i not in cand_tokens and t.head.head.tag_ in ("NNS", "NNPS"):
            noun = t.head.head  # "Black voters, who favor her 44 to 19"
            ph = (min(x.i for x in noun.subtree), noun.i + 1)
            if not is_whole_sample(doc, *ph, rules):
                return _classify(doc, ph, "subject", rules)
        if t.i not in cand_tokens and t.tag_ in ("NNS", "NNPS") and t.dep_ in ("dobj", "nsubj") \
                and any(c.dep_ == "acl" and c.tag_ == "VBG" and rules.has("support_cue", c.lemma_) and c.i < a
                        for c in t.children):
            # "a poll that had evangelicals preferring Smith to Jones by 29 percent to 23 percent"
            ph = (min(x.i for x in t.subtree if x.i <= t.i), t.i + 1)
            if is_whole_sample(doc, *ph, rules) or _contest_voters(doc, *ph, rules):
                return NONE_STATED
            return _classify(doc, ph, "subject", rules)
        if t.dep_ in ("nsubj",) and t.i not in cand_tokens and t.pos_ in ("NOUN", "PROPN") \
                and t.tag_ in ("NNS", "NNPS") and rules.has("support_cue", t.head.lemma_):
            # The noun with what modifies it, up to a comma: "Independents, a bloc
            # that ..., favor Smith" is "Independents".
            sub = {x.i for x in t.subtree if x.i < t.head.i}
            right = t.i
            while right + 1 in sub and not doc[right + 1].is_punct:
                right += 1
            ph = (min(sub), right + 1)
            if is_whole_sample(doc, *ph, rules) or _contest_voters(doc, *ph, rules):
                return NONE_STATED
            return _classify(doc, ph, "subject", rules)
    starts = [pre_from] if pre_from == sentence_start else []
    starts += [k + 1 for k in range(pre_from, a - 1) if doc[k].lower_ in _CLAUSE_JOINERS]
    for start in starts:  # "Women back Smith 56-41, while men split 47-48"
        ph = leading_group(doc, start, a, rules, cand_tokens)
        if ph is not None:
            return _classify(doc, ph, "subject", rules)
    return NONE_STATED


def _with_group(doc, i: int, end: int, rules: PollRules) -> bool:
    """"does better with men, at 24 per cent", "32 percent with independents": "with" and a
    group of voters (the group_noun rule, maybe after one adjective) name a subgroup as "among" does."""
    if doc[i].lower_ != "with":
        return False
    j = i + 1
    if j < end and doc[j].pos_ == "ADJ" and doc[j].is_lower:
        j += 1
    return j < end and doc[j].is_lower and rules.has("group_noun", doc[j].text) and doc[j].lower_ != "voters"


def _bracket_end(doc, a: int, i: int, post_end: int) -> Optional[int]:
    """The token after the closing bracket of a bracketed figure ("(53% to 17%)", "(2 percent in
    the poll)"), when the bracket opens right before the figure and closes within
    BRACKET_TAIL_MAX_TOKENS of token i; else None."""
    if a == 0 or doc[a - 1].text != "(":
        return None
    for k in range(i, min(post_end, i + BRACKET_TAIL_MAX_TOKENS + 1)):
        if doc[k].text == ")":
            return k + 1
        if doc[k].text in ("(", ";") or doc[k].like_num:
            return None
    return None


def _contest_voters(doc, i: int, j: int, rules: PollRules) -> bool:
    """A subject group named as the voters of the contest polled ("Democratic primary
    voters back Smith 40%") is the poll's whole sample (GUIDELINES, Conventions). A party
    alone ("Registered Republicans back Smith") stays a subgroup."""
    return any(t.lower_ in _SAMPLE_EVENT_WORDS for t in doc[i:j])


def _before_clause(doc, i: int, j: int) -> int:
    """Where a relative clause starts in the phrase [i, j), or j: "voters who said they were
    certain to vote in the primary" are a part of the sample; the primary is the clause's."""
    return next((k for k in range(i, j) if doc[k].lower_ in ("who", "that", "which")), j)


def _partisans_with_leaners(doc, i: int, j: int) -> bool:
    """A party's identifiers together with the independents who lean to it ("Democrats
    and Democratic-leaning independents", "Republicans and independents who lean
    Republican") are the electorate of that party's nomination poll, i.e. its whole sample.
    When the text names the leaners of two parties, the poll split one sample into both
    parties' primaries and each is a subgroup."""
    return any(t.lower_ in _LEANER_WORDS for t in doc[i:j]) and len(_leaning_parties(doc)) == 1 \
        and not _share_before(doc, doc[i].sent.start)


def _share_before(doc, end: int) -> bool:
    """A share figure ("45 percent", "45%") in an earlier sentence: the poll reported a
    wider sample first, so a party-and-leaners group after it is a part of that sample
    ("In the Republican primary, Smith had 31 percent among Republicans and
    Republican-leaning independents" after a general-election matchup)."""
    for t in doc[:end]:
        if t.like_num and t.i + 1 < len(doc):
            nxt = doc[t.i + 1]
            if nxt.text == "%" or nxt.lower_ == "percent" or (
                    nxt.lower_ == "per" and t.i + 2 < len(doc) and doc[t.i + 2].lower_ == "cent"):
                return True
    return False


def _leaning_parties(doc) -> set[str]:
    """The parties that leaners are said to lean to anywhere in the text."""
    parties: set[str] = set()
    for t in doc:
        if t.lower_ in _LEANER_WORDS:
            for near in doc[max(0, t.i - 2):t.i + 3]:
                low = near.lower_.rstrip("s")
                if low in _PARTY_WORDS or low + "ic" in _PARTY_WORDS:  # "Democrat(s)" -> "democratic"
                    parties.add(low[:5])
    return parties


def leading_group(doc, start: int, a: int, rules: PollRules, cand_tokens: set[int]) -> Optional[tuple[int, int]]:
    """A group of voters opening the sentence as the subject of its figures, found without
    the parse (which often misreads these): "Black voters, who ..., back Smith (45%)",
    "White voters are divided, with Smith (26%) ...", "Union households give Smith 52
    percent", "Women: Smith 48%". The phrase is adjectives and nouns ending in a group noun
    (the group_noun rule), then -- past an aside set off by commas -- a colon or a verb of
    the group_verb rule or a preference verb before the figure at a. A lead/trail verb does
    not qualify: a group does not lead, a candidate does."""
    i = start
    while i < a and i - start < 2 and (doc[i].pos_ in ("CCONJ", "ADV") or doc[i].is_punct):
        i += 1  # "But", "Meanwhile,"
    if doc[i].lower_ == "those" and i + 1 < a and doc[i + 1].lower_ == "who":
        return _those_who(doc, i, a, rules, cand_tokens)
    j = i
    while j < a and j - i < SUBGROUP_MAX_TOKENS and j not in cand_tokens and (
            doc[j].pos_ in ("ADJ", "NOUN", "PROPN") or doc[j].text == "-"
            or (doc[j].tag_ in ("VBN", "VBG") and j > i and doc[j - 1].text == "-")):
        j += 1
    if j <= i or not rules.has("group_noun", doc[j - 1].text) or doc[j - 1].tag_ not in ("NNS", "NNPS"):
        return None
    if _contest_voters(doc, i, j, rules):
        return None
    k = j
    if k < a and doc[k].text == ",":  # "Older voters, who make up ..., back"
        close = next((x for x in range(k + 1, min(a, k + GROUP_ASIDE_MAX_TOKENS)) if doc[x].text == ","), None)
        if close is None:
            return None
        k = close + 1
    if k < a and doc[k].text == ":":
        return i, j
    for x in range(k, min(a, k + 3)):
        t = doc[x]
        if any(rules.has(kind, t.lemma_) or rules.has(kind, t.lower_)
               for kind in ("group_verb", "support_cue")):
            return i, j
        if t.pos_ not in ("AUX", "ADV", "PART"):
            return None
    return None


def _those_who(doc, i: int, a: int, rules: PollRules, cand_tokens: set[int]) -> Optional[tuple[int, int]]:
    """"those who call themselves unaffiliated are split between ...":
    "those" and its relative clause, the subject (in the parse) of a group verb or a
    preference verb before the figure at a, are the group; None otherwise."""
    those = doc[i]
    verb = those.head
    if those.dep_ not in ("nsubj", "nsubjpass") or not (i < verb.i < a) or not any(
            rules.has(kind, verb.lemma_) or rules.has(kind, verb.lower_) for kind in ("group_verb", "support_cue")):
        return None
    j = max(x.i for x in those.subtree) + 1
    if j > verb.i or any(x in cand_tokens for x in range(i, j)) or any(doc[x].like_num for x in range(i, j)):
        return None
    return i, j
