"""Subgroup phrases after 'among'/'of' and whether a phrase is the whole sample.

Split from poll_sources so that each module stays short; poll_sources and
poll_population both use these.
"""
from __future__ import annotations

import re
from typing import Optional

from ...nlp.vocabulary import words
from .rules import PollRules

# A subgroup phrase runs at most this many tokens ("Democrats or Independents leaning
# Democrat", 6; "voters who call themselves independents", 5); 10 was the limit the
# seeds and dev set were built with and still covers the probe's longest (5).
SUBGROUP_MAX_TOKENS = 10
# A restrictive relative clause after a group noun ("voters who are members of the
# First Church of the Harbor Valley") runs at most this many tokens; the train set's longest is 14
# (a church's full name), and the clause still ends at the first punctuation or figure.
RELATIVE_CLAUSE_MAX_TOKENS = 16
# Words that make "likely voters" a part of the sample ("very likely voters", "the most
# likely voters"): the poll's universe narrowed, so a subgroup (GUIDELINES, Conventions).
_NARROWING = frozenset({"very", "most", "extremely", "definitely", "certain"})
_OPEN_QUOTES = frozenset({'"', "“", "‘"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")
PARTICIPLE_TAIL = words("poll.sample_participles")


def subgroup_phrase(doc, i: int, end: int, rules: PollRules) -> Optional[tuple[int, int]]:
    """The noun phrase after 'among'/'of' at token i, up to punctuation or a new clause."""
    j = i
    while j < end and j - i < SUBGROUP_MAX_TOKENS:
        t = doc[j]
        if j == i and t.text in _OPEN_QUOTES:
            i = j = j + 1  # 'among "very likely voters,"': the group is inside the quotes
            continue
        if _age_bound(doc, j, end, rules):
            j += 1  # "voters aged 18 to 34", "voters under 45", "those 65 and older"
            continue
        if t.lower_ in ("who", "that") and j > i and doc[j - 1].pos_ in ("NOUN", "PROPN"):
            rel = _restrictive_clause(doc, j, end)
            if rel is not None:  # "voters who call themselves independents"
                j = rel
            break
        if (t.is_punct and t.text not in ("-", "'", "’")) or t.is_space or \
                (t.like_num and not (_YEAR.match(t.text) and not _share_unit_after(doc, j, end))):
            break  # a figure ends the phrase; a year inside it ("likely 2028 primary voters") does not
        if t.tag_ == "VBN" and j > i and j + 1 < end and doc[j + 1].lower_ == "by":
            break  # "of Canadians followed by Roe (21%)": the next clause, not the group
        if t.pos_ == "CCONJ" and j + 1 < end and doc[j + 1].pos_ in ("VERB", "AUX"):
            break  # "in the suburbs and trailing ...": a new clause
        if j > i and doc[j - 1].tag_ in ("NNS", "NNPS") and t.lower_ != "for" and (
                rules.has("support_cue", t.text) or rules.has("ranking_cue", t.text)):
            break  # "of likely voters back Smith", "voters ranking Smith first": the verb
        if j == i and t.lower_ == "those" and j + 1 < end and doc[j + 1].lower_ == "who":
            rel = _restrictive_clause(doc, j + 1, end)  # "among those who backed Roe in May"
            j = rel if rel is not None else j
            break
        if j == i and t.lower_ == "those" and _age_bound(doc, j + 1, end, rules):
            j += 1  # "among those aged 18 to 34"
            continue
        if t.pos_ in ("PRON", "SCONJ", "AUX") or t.lower_ in ("while", "but", "than", "who", "that",
                                                             "which", "said", "says", "say", "saying"):
            break
        if t.pos_ == "ADP" and t.lower_ != "of" and j > i:
            break
        if t.pos_ == "VERB" and t.tag_ == "VBD" and j > i and doc[j - 1].tag_ in ("NNS", "NNPS") \
                and _reduced_relative(doc, j, end):
            j += 1  # "among Democrats judged likely to vote,": a participle the tagger read as a past tense
            continue
        if t.lower_ == "to" and t.pos_ == "PART" and j > i and j + 1 < end and doc[j + 1].tag_ == "VB" \
                and doc[j - 1].pos_ in ("ADJ", "ADV", "VERB"):
            j += 2  # "likely to vote", "planning to attend": the infinitive belongs to the group
            continue
        if t.pos_ == "VERB" and t.tag_ not in ("VBG", "VBN"):
            break
        j += 1
    while j > i and (doc[j - 1].lower_ in PARTICIPLE_TAIL or doc[j - 1].pos_ in ("CCONJ", "DET")
                     or _date_tail(doc[j - 1], rules)):
        j -= 1
    while i < j and doc[i].pos_ == "DET" and doc[i].lower_ not in ("all",):
        i += 1
    return (i, j) if j > i else None


# "judged likely to vote,": the longest reduced relative read through, in tokens, before the
# comma that closes the opening phrase (4 covers "judged likely to vote").
REDUCED_RELATIVE_MAX_TOKENS = 5


def _reduced_relative(doc, j: int, end: int) -> bool:
    """The past-tense verb at j opens a reduced relative clause that the comma closing the
    sentence's opening phrase ends, with no other finite verb before it."""
    for x in range(j + 1, min(end, j + 1 + REDUCED_RELATIVE_MAX_TOKENS)):
        if doc[x].text == ",":
            return True
        if doc[x].tag_ in ("VBD", "VBZ", "VBP", "MD") or doc[x].is_punct:
            return False
    return False


def _date_tail(t, rules: PollRules) -> bool:
    """A date word ending the phrase ("all registered voters last month") says when the
    poll was taken, not who is in the group."""
    return t.ent_type_ in ("DATE", "TIME") and not t.like_num and not rules.has("age_word", t.text)


def _age_bound(doc, j: int, end: int, rules: PollRules) -> bool:
    """Token j belongs to an age bound: an age word, or a number or connector inside one
    ("aged 18 to 34", "under 45", "over 65", "65 and older"), never a share figure."""
    t = doc[j]
    if rules.has("age_word", t.text):
        nxt = doc[j + 1] if j + 1 < end else None
        prev = doc[j - 1] if j > 0 else None
        return (nxt is not None and nxt.like_num and not _share_unit_after(doc, j + 1, end)) or \
            (prev is not None and prev.like_num and t.lower_ in ("older", "over", "up", "plus"))
    if t.like_num and not _share_unit_after(doc, j, end) and j > 0:
        return rules.has("age_word", doc[j - 1].text) or _open_ended(doc, j, end)
    return False


_OPEN_AGE = words("poll.open_age_words")


def _open_ended(doc, j: int, end: int) -> bool:
    """"65 and older", "50 or over", "18 and up": an age bound written after its number."""
    return j + 2 < end and doc[j + 1].lower_ in ("and", "or") and doc[j + 2].lower_ in _OPEN_AGE


def _share_unit_after(doc, j: int, end: int) -> bool:
    nxt = doc[j + 1] if j + 1 < end else None
    return nxt is not None and (nxt.text == "%" or nxt.lower_ in ("percent", "per", "pct", "points"))


def _restrictive_clause(doc, j: int, end: int) -> Optional[int]:
    """The end of a relative clause with no comma before it ("who call themselves
    independents"), which narrows the group; None when it runs past the limit."""
    k = j + 1
    while k < end and k - j <= RELATIVE_CLAUSE_MAX_TOKENS:
        t = doc[k]
        if _YEAR.match(t.text) and not _share_unit_after(doc, k, end):
            k += 1  # "members who joined since 2020": a year, not a figure
            continue
        if (t.is_punct and not (t.text == "-" and not t.whitespace_)) \
                or (t.like_num and t.ent_type_ != "ORDINAL"):  # "in the first round" runs on; "Latter-day" too
            return k if k - j > 1 else None
        k += 1
    return k if k == end and k - j > 1 else None


def is_whole_sample(doc, a: int, b: int, rules: PollRules) -> bool:
    """'all the voters surveyed', 'likely voters', 'Ohio voters': the whole sample.

    "likely"/"registered" before "voters"/"adults" describe a poll's universe, so "likely
    Democratic primary voters" is the sample of a primary poll, not a subgroup of it;
    "registered Republicans" is a party's share of the sample.
    """
    if any(t.lower_ in _NARROWING and t.i + 1 < b and doc[t.i + 1].lower_ == "likely" for t in doc[a:b]):
        return False  # "very likely voters": a narrower part of the sample
    univ = next((t.i for t in doc[a:b] if t.lower_ in ("likely", "registered", "probable")), None)
    if univ is not None and rules.has("whole_sample", doc[b - 1].text) \
            and not any(t.tag_ in ("NNS", "NNPS") for t in doc[a:univ]):
        return True  # "likely voters", but "registered Republicans" is a party's subgroup and
        # "Democrats judged likely to vote" a party's likely voters
    for t in doc[a:b]:
        if t.is_punct:
            continue
        if t.ent_type_ in ("GPE", "LOC") or rules.has("whole_sample", t.text):
            continue
        return False
    return True
