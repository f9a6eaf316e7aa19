"""Who a frame's candidate role names: a person, a ballot measure or a party.

The object of an endorse verb is usually a name, but the parse often points at a
description ("his opponent ..., attorney Maya Chen", "a yes vote on Measure B",
"his candidacy", "the measure") or misses the name; these helpers find the name
the role stands for, or say that the stance is about the contest ("a candidate").
"""
from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from ...nlp.entity_types import type_from_name
from ...nlp.places import us_cities, us_states
from ...nlp.vocabulary import word_map, words
from ...normalize import lazy_view
from ...ruledata import LazyPattern, alternation
from ..mentions import SentenceContext, expand_list
from .coordination import colon_named
from .frames import CANDIDACY_NOUNS, SUPPORTER_NOUNS, Frame
from ..mentions import GENERIC_CANDIDATE_RE, PERSONAL_TITLES, Mention
from ..mentions import antecedent, appositive_name, described_person, is_institution

GENERIC_PARTY_MEMBERS = words("generic_party_members")
SHARE_WORDS = ("any", "none", "either", "neither", "all", "each", "both")  # "any of the seven candidates"


def find_candidates(frame: Frame, ctx: SentenceContext) -> tuple[list[tuple[str, float]], bool]:
    """Candidate names (with confidence penalty) and whether the object is generic ('a candidate')."""
    names, generic = _find_candidates(frame, ctx)
    if names and frame.rule["kind"] == "verb" and not frame.passive:
        anchor = next((m for m in reversed(ctx.mentions) if m.kind == "person" and m.start > frame.trigger
                       and (m.text, 0.0) in names), None)
        if anchor is not None:
            names = names + [n for n in (candidate_name(x, ctx) for x in office_slate(anchor, ctx))
                             if n and n not in names]
    return names, generic


def _included_candidates(tok: Token, ctx: SentenceContext) -> list[tuple[str, float]]:
    """The names a generic object lists after 'including' or 'such as': 'recommending three
    candidates, including Justice X and Y' -> [X, Y]."""
    for prep in tok.children:
        such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        if prep.dep_ == "prep" and (prep.lower_ == "including" or such_as):
            obj = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            m = ctx.mention_for(obj.i) if obj is not None else None  # a name, not "including many who ..."
            if m is not None and m.kind in ("person", "measure"):
                return [n for n in (candidate_name(x, ctx) for x in expand_list(m, ctx)) if n]
    return []


# "endorsed A for governor, B against C for treasurer and D for auditor", "backed A in 2002 and B in
# 2006": at most this many words of office or time after the preposition (train: "secretary of
# state", "the 3rd District seat": 1-5)
SLATE_OFFICE_WORDS = 6
SLATE_SEPARATORS = {",", ";", "and"}
SLATE_PREPOSITIONS = ("for", "in")


def office_slate(m: Mention, ctx: SentenceContext) -> list[Mention]:
    """The names after 'A for OFFICE' in a gapped list: 'endorsed A for governor, B (against C)
    for treasurer and D for auditor' -> [B, D]; 'backed A in 2002 and B in 2006' -> [B]. Each
    must be followed by the same preposition as A (an opponent after 'against' is skipped)."""
    doc, end = ctx.doc, ctx.sent.end
    people = {x.start: x for x in ctx.mentions if x.kind == "person" or x.kind == "org" and person_like(x)}
    out: list[Mention] = []
    cur = m
    first = _slate_preposition(m, ctx, SLATE_PREPOSITIONS)
    if first is None:
        return []
    prep = (doc[first].lower_,)
    while True:
        j = _slate_preposition(cur, ctx, prep)
        if j is None:
            break
        k = j + 1
        while k < end and k - j <= SLATE_OFFICE_WORDS and doc[k].lower_ not in SLATE_SEPARATORS:
            k += 1
        if not (k < end and doc[k].lower_ in SLATE_SEPARATORS):
            break
        while k < end and doc[k].lower_ in SLATE_SEPARATORS:
            k += 1
        nxt = next((people[i] for i in range(k, min(k + 3, end)) if i in people), None)
        if nxt is None or _slate_preposition(nxt, ctx, prep) is None \
                or any(doc[i].pos_ in ("VERB", "AUX") for i in range(k, nxt.start)):
            break  # "backed A in the primary, endorsed B in May": B is another clause's object
        out.append(nxt)
        cur = nxt
    return out


def _slate_preposition(m: Mention, ctx: SentenceContext, preps: tuple[str, ...]) -> Optional[int]:
    """The preposition of a slate item's office or time right after its name, or after
    'against' and an opponent's name ('A against Democrat C for governor')."""
    doc, j, end = ctx.doc, m.end, ctx.sent.end
    if j < end and doc[j].lower_ == "against":
        k = j + 1
        while k < end and k - j <= SLATE_OFFICE_WORDS and doc[k].lower_ not in preps \
                and doc[k].lower_ not in SLATE_SEPARATORS:
            k += 1
        j = k
    return j if j < end and doc[j].lower_ in preps else None


def _find_candidates(frame: Frame, ctx: SentenceContext) -> tuple[list[tuple[str, float]], bool]:
    doc = ctx.doc
    if frame.rule["kind"] == "verb" and not frame.passive:
        adjacent = _right_neighbour(frame.trigger, ctx)
        if adjacent is not None:  # "Bush endorsing Cruz": adjacency beats a garbled parse
            names = [n for n in (candidate_name(x, ctx) for x in expand_list(adjacent, ctx)) if n]
            if names:
                return names, False
    if frame.candidate is None:
        return [], False
    tok = doc[frame.candidate]
    if tok.dep_ == "poss" and tok.lower_ in ("his", "her") and tok.head.lemma_.lower() in SUPPORTER_NOUNS:
        return _earlier_person(tok, ctx), False  # "said X, her top backer": she is not X
    phrase = " ".join(t.text for t in tok.subtree if t.i <= tok.i + 3)[:80]
    share_of = next((g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj"), None) if tok.lower_ in SHARE_WORDS else None
    if share_of is not None and GENERIC_CANDIDATE_RE.match(_np_text(share_of)):
        return [], True  # "refuses to endorse any of the seven candidates": about the contest
    if GENERIC_CANDIDATE_RE.match(_np_text(tok)) or tok.lower_ in ("anyone", "anybody", "candidate", "one"):
        included = _included_candidates(tok, ctx)  # "is recommending three candidates, including Justice X"
        if included:
            return included, False
        said_of = _said_of(tok, ctx)  # "Ruiz is the candidate the union endorsed"
        if said_of:
            return said_of, False
        named = _delayed_appositive(tok, ctx)  # "Labour's candidate in the by-election, Siobhan Carrick,"
        if named is not None and ctx.doc[named.start:named.end].root.dep_ != "appos":
            named = None  # "does not endorse candidates, president Laura Kinney said": the speaker
        listed = colon_named(tok, ctx) if named is None else []  # "four hopefuls in tight races — A, B and C"
        if listed:
            return [n for n in (candidate_name(x, ctx) for x in listed) if n], False
        if named is None:
            described = _described_candidate(tok, frame, ctx)
            return ([described], False) if described else ([], True)
        return [n for n in (candidate_name(x, ctx) for x in expand_list(named, ctx)) if n], False
    if tok.lemma_.lower() == "vote":  # "recommend a yes vote on Measure B", "On Measure K, we urge a no vote"
        target = next((g for h in (tok, tok.head) for p in h.children
                       if p.dep_ == "prep" and p.lower_ in ("on", "for", "against")
                       for g in p.children if g.dep_ == "pobj"), None)
        if target is not None:
            tok = target
    if tok.lower_ == "re" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        tok = doc[tok.i + 2]  # "re-electing" in three tokens
    if tok.lemma_.lower() in ("re-elect", "reelect", "elect") and any(c.dep_ == "dobj" for c in tok.children):
        tok = next(c for c in tok.children if c.dep_ == "dobj")  # "We recommend re-electing Hal Brody"
    if tok.lower_ in ("whom", "who", "which", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "retired firefighter Angela Pruitt, whom the local has since endorsed"
    measure = _measure_reference(tok, ctx)
    if measure is not None:
        return [(measure.text, 0.15)], False
    group = _measure_group(tok, ctx)
    if group:  # "a no vote on both bonds", "backs all three measures"
        return [(name, 0.15) for name in group], False
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in CANDIDACY_NOUNS:
        tok = tok.head  # "backed Marchbank's leadership bid"
    bid_next = tok.i + 1 < len(doc) and doc[tok.i + 1].lemma_.lower() in CANDIDACY_NOUNS  # parsed as two heads
    if tok.lemma_.lower() in CANDIDACY_NOUNS or bid_next:  # "his candidacy", "Mourdock's bid"
        poss = [c for c in tok.children if c.dep_ == "poss"] or [
            g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
            if g.dep_ == "pobj"]  # "oppose the re-election of state Rep. Brent Yoder"
        if poss:
            tok = poss[0]
            if tok.lower_ == "whose" and tok.head.head.dep_ == "relcl":
                tok = tok.head.head.head  # "Hensen, whose bid is supported by X"
    m = ctx.mention_for(tok.i, via_possessor=False)
    if m is None or m.kind == "org" and m.label == "GPE" and not m.covers(tok.i):
        by_place = _person_description(tok, ctx)  # "endorsed the Arizona Senator": the one person it fits
        fitting = described_person(by_place, ctx) if by_place is not None else None
        if fitting is not None:
            return [(fitting, DESCRIBED_CANDIDATE_PENALTY)], False  # the place is a mention, the phrase none
    if m is None and frame.rule["kind"] == "receive":
        m = _nearest_left_person(frame.trigger, ctx)
    if m is None or m.kind == "ref" and not m.label.startswith(("he", "she", "him", "his", "her", "person:")):
        # a name in apposition or coordination inside the object phrase ("his rival and the
        # eventual nominee, Maren Quill"), not inside a clause on it ("a decision backed
        # by Gov. X and implemented by Y")
        own = _phrase_tokens(tok)
        inner = [x for x in ctx.mentions if x.kind in ("person", "measure") and x.start in own]
        m = inner[-1] if inner else _delayed_appositive(tok, ctx)
    if m is None:
        return [], bool(re.search(r"(?i)\b(candidate|nominee)\b", phrase))
    out = []
    for item in expand_list(m, ctx):
        name = candidate_name(item, ctx)
        if name:
            out.append(name)
    if not out and frame.rule["kind"] == "receive":
        left = _nearest_left_person(frame.trigger, ctx)
        if left is not None:
            out.append((left.text, 0.15))
    return out, False


BEFORE_CANDIDATE_NAMES = lazy_view("before_candidate_names")  # "endorsed former Sen. X"


def _right_neighbour(i: int, ctx: SentenceContext) -> Optional[Mention]:
    j = i + 1
    described = 0  # "endorsed city council member Ana Ortiz": up to four words of description
    while j < ctx.sent.end and (ctx.doc[j].lower_ == "the" or ctx.doc[j].lower_ in BEFORE_CANDIDATE_NAMES
                                or ctx.doc[j].pos_ == "ADV"
                                or ctx.doc[j].is_lower and ctx.doc[j].pos_ in ("NOUN", "ADJ", "PROPN") and described < 4):
        described += ctx.doc[j].is_lower and ctx.doc[j].pos_ in ("NOUN", "ADJ", "PROPN")
        j += 1
    for m in ctx.mentions:
        if m.start == j and m.kind in ("person", "measure"):
            possessive = m.end < len(ctx.doc) and ctx.doc[m.end].tag_ == "POS"
            return None if possessive else m  # "backed Hensen's opponent" names the opponent, not Hensen
    return None


ORG_WORDS = LazyPattern(lambda: re.compile(rf"(?i)\b(?:{alternation(words('org_words'))})\b"))


MEASURE_NOUNS = words("measure_nouns")
LEGISLATION = re.compile(r"^(?:House |Senate |Assembly )?Bill \d+|\b(?:H\.?B\.?|S\.?B\.?|A\.?B\.?) ?\d+\b|\bAct$")


def _measure_reference(tok, ctx: SentenceContext) -> Optional[Mention]:
    """'ads attacking the measure', 'vote against it': the ballot measure named last."""
    voting = tok.head.lower_ in ("against", "for") and tok.head.head.lemma_ == "vote"
    if tok.lower_ == "it" and not voting and tok.dep_ == "dobj":  # "The Taxpayers Association opposes it"
        latest = [m for m in ctx.mentions if m.end <= tok.i and m.kind in ("person", "measure")
                  and ctx.doc[m.start:m.end].root.head.i != tok.head.i]  # not "Even Gov. X opposes it"'s subject
        for past in reversed(ctx.history[-3:]):
            latest = latest or [m for m in past if m.kind in ("person", "measure")]
        return latest[-1] if latest and latest[-1].kind == "measure" else None
    if not (tok.lower_ in MEASURE_NOUNS and any(c.lower_ in ("the", "this") for c in tok.children)
            or tok.lower_ == "it" and voting):  # "urging its members to vote against it"
        return None
    earlier = [m for m in ctx.mentions if m.kind == "measure" and m.end <= tok.i]
    for past in reversed(ctx.history):
        if earlier:
            break
        earlier = [m for m in past if m.kind == "measure"]
    return earlier[-1] if earlier else None


MEASURE_PLURALS = words("measure_nouns.plural")
MEASURE_GROUP_COUNTS = word_map("measure_group_counts")
GROUP_DETERMINERS = ("all", "these", "those", "the", "both")


def _measure_group(tok, ctx: SentenceContext) -> list[str]:
    """'all three measures', 'both measures', 'these measures': the measures named before.
    A count takes the last that many distinct measures named; without one, the measures of
    the nearest sentence that names several."""
    if tok.lower_ not in MEASURE_PLURALS:
        return []
    count = next((MEASURE_GROUP_COUNTS.get(c.lower_) or (c.text if c.text.isdigit() else None)
                  for c in tok.children if c.dep_ in ("nummod", "det", "predet", "quantmod")
                  and (c.lower_ in MEASURE_GROUP_COUNTS or c.text.isdigit())), None)
    if count is None and not any(c.lower_ in GROUP_DETERMINERS for c in tok.children):
        return []
    sentences = [[m for m in ctx.mentions if m.kind == "measure" and m.end <= tok.i]]
    sentences += [[m for m in past if m.kind == "measure"] for past in reversed(ctx.history)]
    seen = [m.text for found in sentences for m in found]

    def fullest(picked: list[str]) -> list[str]:  # 'Proposition 22', not 'Prop. 22'
        return [max((t for t in seen if _same_measure(t, n)), key=len) for n in reversed(picked)]
    names: list[str] = []
    for found in sentences:
        distinct = [n for n in dict.fromkeys(m.text for m in reversed(found))
                    if not any(o != n and _same_measure(o, n) for o in names)]
        if count is None:
            if len(distinct) >= 2:
                return fullest(distinct)
            continue
        names += [n for n in distinct if not any(_same_measure(o, n) for o in names)]
        if len(names) >= int(count):
            return fullest(names[:int(count)])
    return []


def _same_measure(a: str, b: str) -> bool:
    """'Prop. 57' and 'Proposition 57': one measure, by its number or letter."""
    return a.split()[-1] == b.split()[-1]


def no_vote(tok) -> bool:
    return tok.lemma_.lower() == "vote" and any(c.lower_ == "no" for c in tok.children
                                                if c.dep_ in ("det", "amod", "compound"))


ROLE_NOUNS = words("role_nouns")


def _delayed_appositive(tok, ctx: SentenceContext) -> Optional[Mention]:
    """'backing his opponent in the Nov. 7 general election, attorney Maya Chen': the
    name set off by a comma a few words after a role noun names that role."""
    if tok.lemma_.lower() not in ROLE_NOUNS:
        return None
    for m in ctx.mentions:
        if m.kind != "person" or not (tok.i < m.start <= tok.i + 12):
            continue
        k = m.start - 1
        while k > tok.i and (ctx.doc[k].is_lower and ctx.doc[k].pos_ in ("NOUN", "ADJ", "PROPN")
                             or ctx.doc[k].lower_ in PERSONAL_TITLES or ctx.doc[k].tag_ == "POS"):
            k -= 1  # "attorney", "former state senator", "Coun."
        return m if ctx.doc[k].text in (",", ":") else None
    return None


DESCRIBED_CANDIDATE_PENALTY = 0.2  # a person resolved from "the Democratic candidate": less sure than a name;
# set so such facts stay below a named object's confidence (0.15 for a pronoun antecedent)
DEFINITE_DETERMINERS = ("the", "this")
NON_REFERRING_MODIFIERS = ("best", "right", "strongest", "only", "eventual", "next", "same", "other", "winning",
                           "endorsed", "preferred")


def _described_candidate(tok: Token, frame: Frame, ctx: SentenceContext) -> Optional[tuple[str, float]]:
    """'endorsed the Democratic candidate', 'voiced its support of the candidate': a singular
    definite description of a candidate, in an act already done, is the person named before it
    (the sentence's or a recent sentence's subject first); 'the best candidate', 'the candidate
    who wins', 'will back the nominee' say nothing about a particular person."""
    if tok.tag_ not in ("NN", "NNP") or tok.lemma_.lower() not in CANDIDACY_ROLE_NOUNS:
        return None
    dets = [c for c in tok.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in DEFINITE_DETERMINERS:
        return None
    if any(c.dep_ in ("relcl", "acl") or c.tag_ in ("JJS", "RBS") or c.lower_ in NON_REFERRING_MODIFIERS
           for c in tok.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "the candidate of their choice"
    trigger = ctx.doc[frame.trigger]
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children) \
            or verb.tag_ == "VB" and verb.dep_ == "xcomp":
        return None  # "will support the nominee", "plans to back the candidate": whoever it is
    start = min([c.i for c in tok.children if c.dep_ in ("det", "amod", "compound") and c.i < tok.i] + [tok.i])
    # the whole description ("the Democratic nominee"): its words choose among the people named before
    pronoun = Mention(start, tok.i + 1, ctx.doc[start:tok.i + 1].text, "ref", "person:" + tok.lemma_.lower())
    return _named_before(pronoun, ctx)


def _named_before(pronoun: Mention, ctx: SentenceContext) -> Optional[tuple[str, float]]:
    """The person a reference points back to, past the people this sentence names: they are
    its endorser or speaker, not "the candidate" or the "her" of "said Mayor X, her top backer"."""
    earlier_only = copy.copy(ctx)
    earlier_only.mentions = [m for m in ctx.mentions if m.kind != "person"]
    ante = antecedent(pronoun, earlier_only)
    return (ante[0], DESCRIBED_CANDIDATE_PENALTY) if ante else None


def _person_description(tok: Token, ctx: SentenceContext) -> Optional[Mention]:
    """'the Arizona Senator', 'the Glenford mayor': a definite description of a person whose
    modifier is a place (a mention of its own) as one person reference."""
    if tok.lower_ not in PERSON_NOUNS or tok.ent_type_ == "PERSON":
        return None
    det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS), None)
    if det is None or any(ctx.doc[k].ent_type_ == "PERSON" for k in range(det.i, tok.i)):
        return None
    return Mention(det.i, tok.i + 1, ctx.doc[det.i:tok.i + 1].text, "ref", "person:" + tok.lower_)


PERSON_NOUNS = words("person_reference_nouns")


def _said_of(tok: Token, ctx: SentenceContext) -> list[tuple[str, float]]:
    """The person a generic noun with a relative clause is said of: the subject of its copula
    ('Ruiz is the candidate the union endorsed') or the name it is in apposition to ('Ruiz,
    the candidate the union backed, ...')."""
    if not any(c.dep_ == "relcl" for c in tok.children):
        return []
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        named = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    elif tok.dep_ == "appos":
        named = tok.head
    else:
        return []
    m = ctx.mention_for(named.i, via_possessor=False) if named is not None else None
    if m is None or m.kind != "person":
        return []
    return [n for n in (candidate_name(x, ctx) for x in expand_list(m, ctx)) if n]


def _earlier_person(tok: Token, ctx: SentenceContext) -> list[tuple[str, float]]:
    """The person a pronoun points back to, past the people this sentence names (its endorser
    or speaker): 'said Mayor X, her top backer' is said of a woman named before."""
    found = _named_before(Mention(tok.i, tok.i + 1, tok.text, "ref", tok.lower_), ctx)
    return [found] if found else []


CANDIDACY_ROLE_NOUNS = ("candidate", "nominee", "incumbent", "challenger")
FUTURE_AUXILIARIES = ("will", "would", "'ll", "shall")


def _phrase_tokens(tok) -> set[int]:
    """Token indices of a noun phrase without its clauses and prepositional phrases."""
    out = {tok.i}
    for child in tok.children:
        if child.dep_ not in ("acl", "relcl", "prep", "agent", "advcl", "punct", "poss"):
            out |= _phrase_tokens(child)  # not the possessor: "Hensen's primary opponent" is not Hensen
    return out


def _nearest_left_person(i: int, ctx: SentenceContext) -> Optional[Mention]:
    left = [m for m in ctx.mentions if m.kind == "person" and m.end <= i]
    return left[-1] if left else None


def candidate_name(m: Mention, ctx: SentenceContext) -> Optional[tuple[str, float]]:
    if m.text == ctx.byline:
        return None  # the article's author is not a candidate
    if m.kind != "measure" and is_institution(m.text):
        return None  # "Quill's White House bid", "the City Council": no candidate
    if LEGISLATION.search(m.text) and m.label != "title" or m.start > 0 and ctx.doc[m.start - 1].lower_ in ("house", "senate") \
            and m.text.split()[0] == "Bill":
        return None  # "House Bill 4410": a union backing a bill takes no stance in an election
    if m.kind in ("person", "measure"):
        return m.text, 0.0
    if m.kind == "party":
        if m.text.lower() in GENERIC_PARTY_MEMBERS:
            return None  # "endorse a Republican", "backed Democrats for governor": no one in particular
        return m.text, 0.05
    if m.kind == "ref" and (m.label in ("he", "she", "him", "his", "her") or m.label.startswith("person:")):
        named = appositive_name(m, ctx)  # "The Conservative candidate, Glen Harwick,"
        if named is not None and named.kind == "person":
            return named.text, 0.0
        ante = antecedent(m, ctx)
        return (ante[0], 0.15) if ante else None
    if m.kind == "org":
        last = m.text.split()[-1]
        if last in ctx.people_surnames:
            return m.text, 0.05
        if person_like(m):
            return m.text, 0.2  # a short proper name without organisation words, NER unsure
        if m.label == "GPE" and _unknown_place(m.text) and person_like(Mention(m.start, m.end, m.text, "org")):
            return m.text, 0.2  # "its support for Ana Ruiz": a name NER took for a place no lexicon knows
    return None


def _unknown_place(text: str) -> bool:
    """Two or three words none of which is a U.S. state or a city of the place lexicon."""
    words_ = text.split()
    return 2 <= len(words_) <= 3 and not any(w.lower() in _place_words() for w in words_)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset({w.lower() for name, _ in us_states() for w in name.split()}
                     | {w.lower() for city, _ in us_cities() for w in city.split()})


def person_like(m: Mention) -> bool:
    words = m.text.split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()
                                         and not w.isupper() for w in words)
            and type_from_name(m.text, "") == "" and not ORG_WORDS.search(m.text) and m.label != "GPE")


def _np_text(tok) -> str:
    left = [t for t in tok.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "advmod")]
    start = left[0].i if left else tok.i
    return tok.doc[start:tok.i + 1].text
