"""Stage of a stance: primary (any nomination contest), general, or None.

A cue near the trigger wins ("backed Lieberman in the primary"); otherwise the
sentence; otherwise the article's own context: a primary already decided ("won the
primary", "presumptive nominee", "as an independent") makes later stances general,
an upcoming one ("primary challenger", "ahead of the primary") makes them primary.
Cue phrases are data (nlp/patterns/stage_cues.jsonl).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...nlp.build import doc_text
from ...nlp.places import us_states
from ...nlp.rules import packaged_rules
from ..race import dominant_office, names_office


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    groups: dict[str, list[str]] = {}
    for rule in packaged_rules("stage_cues", ("group", "regex")):
        groups.setdefault(rule["group"], []).append(f"(?:{rule['regex']})")
    return {g: re.compile("|".join(rs), re.I) for g, rs in groups.items()}


def stage_in_text(text: str, anchor: Optional[int] = None) -> Optional[str]:
    """The stage named in a piece of text; if both, the cue nearest to ``anchor``."""
    p = _patterns()
    # "the week after the primary", "since the nomination": the primary word dates a general stance
    after = [(m.start(), m.end()) for m in p["after_primary"].finditer(text)]
    hits = [(m.start(), "primary") for m in p["primary"].finditer(text)
            if not any(a <= m.start() < b for a, b in after)]
    hits += [(a, "general") for a, _ in after]
    hits += [(m.start(), "general") for m in p["general"].finditer(text)]
    if not hits:
        return None
    if anchor is None or len({s for _, s in hits}) == 1:
        return hits[0][1]
    return min(hits, key=lambda h: abs(h[0] - anchor))[1]


RESULTS = "results"  # the article reports a primary just decided: the stage follows each stance's tense
RESULTS_LEAD_CHARS = 600  # "won the Democratic nomination ... Tuesday" in the first two or three sentences;
# set on dev o025 and the probe sets, where results stories state the outcome in the lead
RESULTS_MIN_PHRASES = 2  # distinct results phrases ("precincts reporting", "conceded"); one alone also
# occurs in campaign stories that recall an earlier primary (probe p01)


def article_stage(text: str, presidential: Optional[bool] = None) -> Optional[str]:
    """The stage that stances in this article default to when nothing nearer says
    (or RESULTS, which frame_stage turns into one per stance). ``presidential``: whether the
    story's race is the presidency (its dominant office; worked out from the text when not given)."""
    p = _patterns()
    if presidential is None:
        presidential = presidential_story(text)
    over = next((m for m in p["primary_over"].finditer(text)
                 if not (presidential and m.group("won_primary") and _one_state_round(text, m.start(), m.end()))), None)
    if over and "independent" in over.group(0).lower() and not p["partisan"].search(text):
        over = None  # "running as an independent" in a nonpartisan city race: no party contest at all
    if over:
        results = {m.group(0).lower() for m in p["results"].finditer(text)}
        lead = over.start() < RESULTS_LEAD_CHARS and re.search(r"(?i)primary|nomination", over.group(0))
        return RESULTS if lead and len(results) >= RESULTS_MIN_PHRASES else "general"
    if p["primary_ahead"].search(text) or _same_party_rivals(text):
        return "primary"
    if p["general_context"].search(text) or p["general"].search(text) and p["partisan"].search(text) \
            or p["parliamentary_party"].search(text) and not p["municipal"].search(text):
        return "general"  # "on the Nov. 3 ballot" of a partisan race, "the Democratic nominee", "the riding"
    if p["primary_ahead_weak"].search(text):
        return "primary"  # "his Republican challenger" and nothing about November
    if partisan(text) and _named_contests(text) > 0:
        return "primary"  # a partisan race whose story names a nomination contest more than anything after it
    return None


def presidential_story(text: str, title: Optional[str] = None) -> bool:
    """Whether the story is about the presidency (presidential_race of its dominant office)."""
    return presidential_race(dominant_office(text, title), text)


def presidential_race(dominant: Optional[str], text: str) -> bool:
    """Whether a story whose most named office is ``dominant`` (race.dominant_office, from the
    offices lexicon) is about the presidency: that office is president, or no office is named
    most and the presidency is named at all. One "presidential library" or "a potential
    presidential contender" in a story about a governor's race does not make it one. The
    fallback on a tie: train has two presidential stories (a union's pick before the Iowa
    caucuses, an Iowa poll) that name the presidency and a governor once each."""
    return dominant == "president" if dominant is not None else names_office(text, "president")


#: How far after "won the ... primary" a state name makes it one state's round ("won the
#: Democratic primary in Ohio", "victory in the Oregon primary" has the state inside the match).
#: Room for " in " and the longest state name ("North Carolina", 4 + 14 = 18 characters) right
#: after the primary word; a state named further on (the next clause, a dateline) is not the
#: primary's own. Swept 0-60 on train and dev article_stage: one story's default depends on
#: it (a presidential story of a January, 4 gold primary stances), primary from 15 on, the
#: same through 60; 20 is kept, inside that plateau.
STATE_ROUND_CHARS = 20


@lru_cache(maxsize=1)
def _state_names() -> re.Pattern:
    names = sorted((name for name, _ in us_states()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def _one_state_round(text: str, start: int, end: int) -> bool:
    """Whether a primary won or lost (the primary_over cue's won_primary group, from ``start``
    to ``end``) is one state's round of a presidential nomination ("a victory in the Oregon
    primary", "won the Republican primary in Utah"): the contest goes on in the other states,
    so it does not make the article's stances general."""
    return bool(_state_names().search(text, start, min(len(text), end + STATE_ROUND_CHARS)))


def partisan(text: str) -> bool:
    """Whether the story's race is fought between parties (a party word or a "(D-" tag)."""
    return bool(_patterns()["partisan"].search(text))


def municipal(text: str) -> bool:
    """Whether the story is about a city or school race ("the mayoral race", "Ward 3",
    "school trustee"), whose election need not fall on the federal November."""
    return bool(_patterns()["municipal"].search(text))


def nonpartisan_runoff(text: str) -> bool:
    """Whether the story is about a runoff of a race without parties (a city runoff): no
    nomination contest takes place in it."""
    p = _patterns()
    return bool(p["runoff"].search(text)) and not p["partisan"].search(text)


def _named_contests(text: str) -> int:
    """How many more times the text names a nomination contest ("the primary", "the caucuses",
    "the nomination") than it dates something after one ("since the primary")."""
    p = _patterns()
    after = [(m.start(), m.end()) for m in p["after_primary"].finditer(text)]
    named = sum(1 for m in p["primary"].finditer(text) if not any(a <= m.start() < b for a, b in after))
    return named - len(after)


CONCESSION = re.compile(r"(?i)\bconced|\bconcession|\bunite behind|\bthe nominee\b")


def _results_stage(trigger) -> str:
    """In a primary-results story, support stated in the past was given for the primary
    ("Halvard endorsed Dorsey in December"); support promised or present is for November
    ("said he would support Carvalho", "now backs the nominee")."""
    if CONCESSION.search(trigger.sent.text):
        return "general"  # "Voss conceded ... and urged his supporters to unite behind Hartley"
    words = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    head = trigger
    while head.dep_ in ("xcomp", "ccomp", "conj") and head.head.i != head.i:
        head = head.head
        words |= {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if words & {"will", "would", "'ll", "wo"} or trigger.tag_ in ("VBZ", "VBP") and not words & {"has", "have"}:
        return "general"
    return "primary"


PARTY_TAG = re.compile(r"\b[A-Z][a-z]+\s+\(([DR])-[A-Z][\w.]*\)")


def _same_party_rivals(text: str) -> bool:
    """Two people of one party tagged '(D-Ill.)' and '(D-N.Y.)' in a story about
    their endorsements compete for that party's nomination."""
    tags = [(m.group(0).split()[0], m.group(1)) for m in PARTY_TAG.finditer(text)]
    by_party: dict[str, set[str]] = {}
    for name, party in tags:
        by_party.setdefault(party, set()).add(name)
    return any(len(names) >= 2 for names in by_party.values())


def frame_stage(sent, trigger_i: int, clause_tokens: list, default: Optional[str]) -> Optional[str]:
    """Stage for one frame: the clause around the trigger, then the sentence, then the default."""
    if clause_tokens:
        start = min(t.idx for t in clause_tokens)
        end = max(t.idx + len(t) for t in clause_tokens)
        clause_text = doc_text(sent.doc)[start:end]
        anchor = sent.doc[trigger_i].idx - start
        found = stage_in_text(clause_text, anchor)
        if found:
            return found
    found = stage_in_text(_outside_other_clauses(sent, trigger_i), sent.doc[trigger_i].idx - sent.start_char)
    if found:
        return found
    return _results_stage(sent.doc[trigger_i]) if default == RESULTS else default


def _outside_other_clauses(sent, trigger_i: int) -> str:
    """The sentence with relative and coordinated clauses that do not hold the trigger blanked out:
    in "The union, which backed Reyes in the primary, endorsed Vega", the primary
    belongs to the Reyes stance only."""
    text = list(sent.text)
    for tok in sent:
        if (tok.dep_ in ("relcl", "acl") or tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")) \
                and not (tok.left_edge.i <= trigger_i <= tok.right_edge.i):
            a = tok.left_edge.idx - sent.start_char
            b = tok.right_edge.idx + len(tok.right_edge) - sent.start_char
            text[a:b] = " " * (b - a)
    return "".join(text)
