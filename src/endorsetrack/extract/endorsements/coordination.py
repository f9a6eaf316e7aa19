"""The rule reference of a fact whose endorser or candidate came from an interrupted list.

extract/mentions/coordination.py records, per sentence, which names a list scan let in
across a tag, a home, a description or a semicolon; a fact on such a name records that
coordination rule after its trigger's: ``verb.endorse+coord.place`` (version: the
trigger rule's; the coordination rule's own version is in nlp/patterns/coordination.jsonl).
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from ...nlp.build import doc_text
from ...types import RuleRef
from ..mentions import TITLES, Mention, SentenceContext, coordination_rules, expand_list
from .frames import Frame

RULE_JOINER = "+"


def coordinated_rule(trigger_rule: dict, ctx: SentenceContext, *names: Optional[str]) -> RuleRef:
    """The trigger rule's reference, extended by the coordination rule that let one of
    ``names`` into its list, if any."""
    record: dict[str, dict] = getattr(ctx, "coordination", {})
    rule = next((r for name in names if name for text, r in record.items() if _same(text, name)), None)
    rule_id = trigger_rule["id"] if rule is None else f"{trigger_rule['id']}{RULE_JOINER}{rule['id']}"
    return RuleRef(rule_id, trigger_rule["version"])


def _same(mention_text: str, name: str) -> bool:
    """A resolved name is its mention's text, maybe without an article or title."""
    return mention_text == name or mention_text.endswith(" " + name)


# ---- endorsers named after a copula --------------------------------------------------

COPULAS = ("be", "include")
# "Among those announcing that they will back Y are A, B and C": the names after the copula
# follow within this many tokens (the copula, a colon, an article).
COMPLEMENT_REACH = 3


def complement_list(frame: Frame, ctx: SentenceContext) -> list[Mention]:
    """Endorsers a copula names after the phrase that endorses: 'Also endorsing Y were:
    A, B and C'; 'The other governors who endorsed Y are A, B and C'; 'Among those
    backing Y are A, B and C'. Empty when the sentence is no such statement. The names
    are recorded in ``ctx.coordination`` under the coord.copula rule."""
    complement = _complement(frame, ctx)
    if complement is None:
        return []
    items = expand_list(complement, ctx)
    rule = coordination_rules()["copula"]
    for x in items:
        ctx.coordination.setdefault(x.text, rule)
    return items


def _complement(frame: Frame, ctx: SentenceContext) -> Optional[Mention]:
    doc = ctx.doc
    trigger = doc[frame.trigger]
    if trigger.dep_ in ("csubj", "nsubj") and trigger.head.lemma_ == "be":  # "Also endorsing Y were: A"
        return _first_name_after(trigger.head.i, ctx)
    if frame.endorser is not None and ctx.mention_for(frame.endorser, via_possessor=False) is None:
        role = doc[frame.endorser]  # "the other governors [who endorsed Y] are A, B and C"
        if role.dep_ == "nsubj" and role.head.lemma_ in COPULAS and role.head.i > frame.trigger:
            return _first_name_after(role.head.i, ctx)
    first = ctx.sent[0]
    if first.lower_ == "among" and frame.trigger > first.i:  # "Among those backing Y are A, B"
        copula = next((t for t in doc[frame.trigger + 1:ctx.sent.end] if t.lemma_ == "be"), None)
        if copula is not None:
            return _first_name_after(copula.i, ctx)
    return None


# "are Washington, D.C., Mayor A", "including former Eastport, Maine, Mayor A": places, commas and
# titles before the first name of a list. Calibrated on train: the longest such run, a city, its
# state and a title between commas, is 7 tokens; 8 leaves one token of margin.
PLACE_TITLE_REACH = 8


def _first_name_after(i: int, ctx: SentenceContext, reach: int = COMPLEMENT_REACH) -> Optional[Mention]:
    """The first name within ``reach`` tokens after token i, places and titles before it not counted."""
    j = i + 1
    places = [m for m in ctx.mentions if m.label == "GPE"]
    while j < ctx.sent.end and j - i <= PLACE_TITLE_REACH and (
            ctx.doc[j].text in (",", ":") or ctx.doc[j].lower_ in TITLES or any(p.covers(j) for p in places)):
        j += 1
    reach = max(reach, j - i)
    return next((m for m in ctx.mentions if i < m.start <= i + reach
                 and m.kind in ("person", "org", "desc", "party") and m.label != "GPE"), None)


# ---- endorsers joined to the endorsing clause -----------------------------------------

# ", as do other mayors such as A and B": the names start within this many tokens of the
# verb (calibrated on train: the longest such run, five adjectives and nouns between the verb and
# 'such as', put the first name 8 tokens away).
AS_DO_REACH = 9
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def also_endorsing(frame: Frame, ctx: SentenceContext) -> list[Mention]:
    """Endorsers the sentence joins to the frame's own: 'X joins A in endorsing Y' (A);
    'X stayed out of the race, as did A and B' (A, B). Recorded under coord.joins and
    coord.as_do."""
    doc = ctx.doc
    trigger = doc[frame.trigger]
    out: list[Mention] = []
    join = trigger.head.head if trigger.dep_ == "pcomp" and trigger.head.lower_ == "in" else None
    if join is not None and join.lemma_ == "join":
        obj = next((c for c in join.children if c.dep_ == "dobj"), None)
        m = ctx.mention_for(obj.i) if obj is not None else None
        if m is not None and m.kind in ("person", "org", "desc"):
            out += _recorded(expand_list(m, ctx), "joins", ctx)
    for tok in doc[frame.trigger + 1:ctx.sent.end - 1]:
        verb = doc[tok.i + 1]
        if tok.lower_ == "as" and doc[tok.i - 1].text == "," and verb.lemma_ in ("do", "have", "be") \
                and verb.tag_ in FINITE_TAGS:
            m = next((x for x in ctx.mentions if verb.i < x.start <= verb.i + AS_DO_REACH
                      and x.kind in ("person", "org", "desc", "party") and x.label != "GPE"), None)
            if m is not None and not any(t.tag_ in FINITE_TAGS for t in doc[verb.i + 1:m.start]):
                out += _recorded(expand_list(m, ctx), "as_do", ctx)
            break
    return out


def _recorded(items: list[Mention], kind: str, ctx: SentenceContext) -> list[Mention]:
    rule = coordination_rules()[kind]
    for x in items:
        ctx.coordination.setdefault(x.text, rule)
    return items


# ---- a group named after a colon -----------------------------------------------------

# "the backing of a half dozen elected officials from the city: A, B and C": the colon comes
# within this many tokens after the group noun (its modifiers: "from the city").
COLON_REACH = 4
# "officials: Bronx Borough President A": up to this many title words before the first name.
TITLED_NAME_REACH = 6


COLONS = (":", "—", "–", "--")  # a dash opens a list too: "four hopefuls in tight races — A, B and C"


def colon_named(tok: Token, ctx: SentenceContext, clause_end: Optional[int] = None) -> list[Mention]:
    """'the backing of six elected officials: A, B and C', 'endorsed four hopefuls — A, B and
    C': a plural group noun that names nobody, followed by a colon (or a dash) and a list,
    stands for that list (coord.colon). With ``clause_end`` (the trigger of the clause the
    noun is the subject of) the colon may also close that clause: 'Governors from three
    states have thrown their support behind Y: A, B and C'. A dash, or a colon that far
    from the noun, needs two names at least."""
    if tok.tag_ != "NNS" or any(m.covers(tok.i) for m in ctx.mentions):
        return []  # (a name in apposition, "hopefuls — A, B and C", is the list itself)
    colon = next((t for t in ctx.doc[tok.i + 1:min(tok.i + 1 + COLON_REACH, ctx.sent.end)] if t.text in COLONS), None)
    if colon is not None and any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[tok.i + 1:colon.i]):
        colon = None
    late = False
    if colon is None and clause_end is not None and tok.i < clause_end:
        late = True
        colon = next((t for t in ctx.doc[clause_end + 1:ctx.sent.end] if t.text == ":"), None)
    if colon is None:
        return []
    first = _first_name_after(colon.i, ctx, TITLED_NAME_REACH)
    if first is None or first.kind not in ("person", "org"):
        return []
    items = expand_list(first, ctx)
    if (late or colon.text != ":") and len(items) < 2:
        return []
    return _recorded(items, "colon", ctx)


# ---- a group whose members the next sentence lists ------------------------------------

# "They include A, B and C", "These include ...": pronouns that stand for the group before.
GROUP_PRONOUNS = ("they", "these", "those")
NAME_KINDS = ("person", "org", "party", "measure")  # a mention that names someone, not a group noun ("MPs")
# Between two organisations of the members' list: a separator and maybe an article.
ORG_LIST_GAP = re.compile(r"^\s*(?:,|;|and|, and|; and|&)?\s*(?:the\s+)?$", re.I)


def members_listed_next(tok: Token, ctx: SentenceContext) -> list[Mention]:
    """'X has the endorsements of 11 MPs. They include A, B and C': a plural group noun that
    names nobody, whose members the very next sentence lists after 'include' (its subject a
    pronoun or a plural noun such as 'Signatories'), stands for those members (coord.members).
    People when the first member is a person (every person the list names: descriptions
    between them name other bodies), else the run of organisations that starts the list."""
    doc = ctx.doc
    counted = any(c.dep_ == "nummod" for c in tok.children)  # "11 MPs" is a group even where NER saw a name
    if tok.tag_ != "NNS" or not counted and any(m.covers(tok.i) and m.kind in NAME_KINDS for m in ctx.mentions) \
            or ctx.sent.end >= len(doc) or not ctx.following:
        return []
    nxt, skipped = doc[ctx.sent.end].sent, 0
    while not nxt.text.strip() and nxt.end < len(doc) and skipped + 1 < len(ctx.following):
        nxt, skipped = doc[nxt.end].sent, skipped + 1  # the blank line between two paragraphs
    mentions = ctx.following[skipped]
    verb = nxt.root
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.lemma_ != "include" or subject is None or not (
            subject.lower_ in GROUP_PRONOUNS
            or subject.tag_ == "NNS" and not any(m.covers(subject.i) and m.kind in NAME_KINDS for m in mentions)):
        return []
    names = [m for m in mentions if m.start > verb.i and m.kind in ("person", "org") and m.label != "GPE"
             and not (m.end - m.start == 1 and doc[m.start].tag_ == "NNS")]  # "six MPs from ...": a group again
    if not names:
        return []
    from .candidates import person_like  # (candidates imports this module: a late import breaks the cycle)
    if names[0].kind == "person" or person_like(names[0]):
        items = [m if m.kind == "person" else Mention(m.start, m.end, m.text, "person", m.label)
                 for m in names if m.kind == "person" or person_like(m)]
    else:
        text = doc_text(doc)
        items = names[:1]
        for m in names[1:]:
            between = text[doc[items[-1].end - 1].idx + len(doc[items[-1].end - 1]):doc[m.start].idx]
            if m.kind != "org" or not ORG_LIST_GAP.match(between):
                break
            items.append(m)
    return _recorded(items, "members", ctx)
