"""Stance of a frame: the trigger's own stance, changed by negation, modality and time.

"didn't endorse a candidate" -> declines; "has not endorsed anyone yet" -> undecided;
"is expected to endorse" -> will_endorse; "will continue to stand with" -> endorses.
Cue words are data (nlp/patterns/stance_cues.jsonl); how they combine is here.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from ...nlp.rules import packaged_rules


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for rule in packaged_rules("stance_cues", ("group", "words")):
        out.setdefault(rule["group"], set()).update(w.lower() for w in rule["words"])
    return {k: frozenset(v) for k, v in out.items()}


def _chain(tok, limit: int = 4):
    """The trigger and the verbs it hangs from through xcomp/aux-like links."""
    yield tok
    n = 0
    while tok.dep_ in ("xcomp", "acomp", "dobj", "pobj", "prep", "oprd", "attr", "auxpass", "pcomp") \
            and tok.head is not tok and n < limit:
        tok = tok.head
        n += 1
        yield tok


OTHER_CLAUSES = ("conj", "ccomp", "advcl", "parataxis", "relcl")  # "We support her, and we're going to
# work for her": a future in a clause of its own says nothing about the support stated now

SPECULATION_REACH = 4  # "it seemed likely that X would support Y": support -> ccomp -> likely -> seemed, 3 links


def _under(tok, lemmas: frozenset[str]) -> bool:
    """A head within SPECULATION_REACH links above the trigger has one of the lemmas."""
    for _ in range(SPECULATION_REACH):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.lemma_.lower() in lemmas:
            return True
    return False


def _emphatic(tokens: list[Token]) -> bool:
    """'could not be more pleased to endorse', 'couldn't be happier to back': a negated
    comparative that says yes emphatically (tokens: the trigger's chain and their children)."""
    return any(t.dep_ in ("acomp", "attr") and (t.tag_ == "JJR" or any(
        g.dep_ == "advmod" and g.lower_ == "more" for g in t.children)) for t in tokens) and any(
        t.dep_ == "aux" and t.lower_ in ("could", "can") for t in tokens)


def _reluctant(chain: list[Token], c: dict[str, frozenset[str]]) -> bool:
    """'were hesitant to withdraw their support': the trigger hangs from a word of reluctance."""
    return any(t.lemma_.lower() in c["reluctance"] for t in chain[1:])


def _plan_abandoned(trigger: Token, c: dict[str, frozenset[str]]) -> bool:
    """'backing off its plans to endorse Y', 'scrapped its plan to back Y': a plan to
    endorse, given up."""
    if trigger.dep_ not in ("acl", "xcomp") or trigger.head.lemma_.lower() not in c["plan"]:
        return False
    up = trigger.head
    for _ in range(3):  # plan -> (pobj -> prep ->) verb
        if up.head.i == up.i:
            return False
        up = up.head
        if up.pos_ in ("VERB", "AUX"):
            break
    particles = {ch.lower_ for ch in up.children if ch.dep_ in ("prt", "prep", "advmod")}
    lemma = up.lemma_.lower()
    given_up = lemma in c["retreat"] or any(f"{lemma} {p}" in c["retreat"] for p in particles)
    return given_up and not any(ch.dep_ == "neg" for ch in up.children)


def _headline_infinitive(trigger: Token) -> bool:
    """'Union to endorse Vega': a headline's bare infinitive with a subject announces what comes."""
    return trigger.dep_ == "ROOT" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in trigger.children) \
        and any(ch.dep_ == "nsubj" for ch in trigger.children) \
        and not any(ch.dep_ == "aux" and ch.lower_ != "to" for ch in trigger.children)


def still_to_come(trigger: Token) -> bool:
    """'The endorsement by X, to be announced today, ...': a trigger noun whose own
    infinitive clause says it is still to be made."""
    return trigger.pos_ in ("NOUN", "PROPN") and any(
        ch.dep_ in ("acl", "relcl") and ch.i > trigger.i
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children)
        and any(g.dep_ == "auxpass" for g in ch.children) for ch in trigger.children)


def decide_stance(trigger: Token, base: str, candidate_generic: bool) -> Optional[str]:
    """Final stance for a frame, or None when the text makes it no stance at all
    (a condition, a question, a hypothetical)."""
    c = cues()
    chain = list(_chain(trigger))
    words = {t.lower_ for t in chain}
    children = [ch for t in chain for ch in t.children]
    child_words = {ch.lower_ for ch in children}
    negated = any(ch.dep_ == "neg" for ch in children) or bool(child_words & c["negation"]) or any(
        t.lemma_.lower() in c["refuse"] for t in chain[1:])
    if negated and base == "endorses" and _emphatic(chain + children):
        negated = False  # "couldn't be more enthusiastic to endorse Y"
    if base == "rescinds" and _reluctant(chain, c):
        return None  # "hesitant to withdraw their support": nothing withdrawn
    if base == "endorses" and _plan_abandoned(trigger, c):
        return "declines"  # "backing off its earlier plans to support Y"
    # "no endorsement", "without the backing of"
    if any(ch.dep_ == "det" and ch.lower_ == "no" for ch in trigger.children):
        negated = True
    if any(g.dep_ == "det" and g.lower_ == "no" for ch in trigger.children
           if ch.dep_ == "dobj" and ch.lemma_ != "vote" for g in ch.children):
        negated = True  # "we make no endorsement"
    lemmas_up = {t.lemma_.lower() for t in chain[1:]}
    if trigger.dep_ == "ccomp":  # "will decide at its convention whether to endorse"
        lemmas_up.add(trigger.head.lemma_.lower())
    if any(ch.dep_ == "mark" and ch.lower_ == "whether" for ch in children) and \
            lemmas_up & (c["decision"] | c["consider"]):
        return "undecided"  # "has not decided whether to endorse", "is weighing whether to"
    if any(ch.dep_ == "mark" and ch.lower_ in c["condition"] for ch in children):
        return None
    auxes = {ch.lower_ for ch in children if ch.dep_ in ("aux", "auxpass")}
    if auxes & {"would", "could", "might", "'d"} and auxes & c["counterfactual"]:
        return None  # "would have backed X if ...", "would've endorsed X instead": it did not happen
    if auxes & {"would", "could", "might"} and _under(trigger, c["speculation"]):
        return None  # "There was speculation that X would support Y": others guess
    if any(ch.dep_ == "amod" and ch.lower_ in c["open"] for t in [trigger] + [o for o in trigger.children
                                                                             if o.dep_ == "dobj"] for ch in t.children):
        return "declines"  # "announced an open endorsement in the race": nobody endorsed
    lemmas = {t.lemma_.lower() for t in chain}
    still = bool((child_words | words) & c["not_yet"]) or any(
        ch.lower_ == "yet" for t in chain for ch in t.subtree if ch.i > trigger.i - 6)
    if "yet" in lemmas and any(t.lower_ in ("has", "have", "had", "is") for t in trigger.lefts):
        still = True  # "has yet to endorse"
    if base == "endorses" and (lemmas & c["yet_to"]) and still:
        return "undecided"
    if base == "endorses" and "yet" in child_words and lemmas_up & {"have", "be", "remain"}:
        return "undecided"  # "has yet to endorse": 'yet' hangs on 'has'
    if negated:
        if base == "endorses" and auxes & c["possibility"]:
            return "undecided"  # "may endorse no one": not decided either way
        if base in ("declines", "undecided"):
            return base if base == "undecided" else None  # "did not remain neutral": unclear
        if base == "opposes":
            return None
        if base == "rescinds":  # "did not withdraw its endorsement": it stands; "are not easily withdrawn": no one's
            passive = any(ch.dep_ in ("auxpass", "nsubjpass") for ch in trigger.children)
            return None if passive else "endorses"
        if any(t.lemma_.lower() in c["refuse"] for t in chain[1:]):
            return "declines"  # "still refuses to endorse any of them": a refusal, however long it lasts
        decided_not = any(t.lemma_.lower() in c["decision"] for t in chain[1:]) and any(
            ch.dep_ == "neg" for ch in trigger.children)  # "decided not to endorse": a decision
        if not decided_not and (still or lemmas & c["decision"]
                                or any(ch.lemma_.lower() in c["decision"] for ch in children)):
            return "undecided"
        if any(ch.dep_ == "aux" and ch.lower_ in ("has", "have", "'s", "'ve") for ch in trigger.children) \
                and not any(ch.dep_ == "aux" and ch.lower_ in ("will", "would", "wo") for ch in trigger.children):
            if candidate_generic and trigger.lemma_.lower() in c["plain_endorse"]:
                return "declines"  # "has not endorsed in the race", "has not endorsed any candidate": endorses nobody
            return "undecided"  # "has not endorsed X" (so far), unlike "did not endorse" or "will not"
        return "declines"
    if base == "endorses" and auxes & c["possibility"]:
        return "undecided"  # "might publicly endorse X", "may endorse no one": still open
    if base == "endorses":
        continuing = bool(lemmas & c["continuing"])
        own_words = {ch.lower_ for ch in children if ch.dep_ not in OTHER_CLAUSES}
        future = bool((own_words | lemmas) & c["future"]) or any(
            t.lemma_.lower() in c["expect"] for t in chain[1:])
        if (future or _headline_infinitive(trigger) or still_to_come(trigger)) and not continuing:
            return "will_endorse"
        if any(t.lemma_.lower() in c["consider"] for t in chain[1:]):
            return "undecided"
    return base
