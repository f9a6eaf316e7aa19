"""Who a frame's endorser role names: names, lists, references, bodies acting through
their delegates or conventions, and the surface fallbacks for garbled parses.

``endorsers_of(frame, ctx)`` returns (name, provisional type, confidence penalty) for
each endorser; extract/endorsements.py turns them into facts. Pure: reads the parse.
"""
from __future__ import annotations

import re
from typing import Optional

from ...nlp.vocabulary import word_map, words
from ...normalize import lazy_view

from ..mentions import SentenceContext, expand_list
from .coordination import also_endorsing, colon_named, complement_list, members_listed_next
from .frames import Frame
from ..mentions import DATELINE_RE, Mention
from ...nlp.build import sent_text
from ..mentions import inside_quotes, member_word
from ..mentions import members_body, plural_antecedents, provisional_type, resolve_endorser, story_subject

# "picked up an endorsement of his own: X", "got the nod from a surprising quarter: X"
VAGUE_SOURCES = words("vague_sources")
PREPOSITION_REACH = 10  # "picked up endorsements in the final month from X": 9 tokens from the verb to "from"
TITLE_WORDS = lazy_view("before_endorser_names")  # words before a name that are not part of it
PERCENT_RE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
                        r"twenty|thirty|forty|fifty|"
                        r"sixty|seventy|eighty|ninety))\s*(?:%|percent\b|per cent\b|pct\b)", re.I)  # "Seven percent"
PARTY_PLURALS = word_map("party_plurals")


def endorsers_of(frame: Frame, ctx: SentenceContext) -> list[tuple[str, str, float]]:
    """(name, provisional type, confidence penalty) for each endorser the role names."""
    doc = ctx.doc
    named_after = complement_list(frame, ctx)  # "Also endorsing Y were: A, B and C"
    if named_after:
        return [r for r in (resolve_endorser(x, ctx) for x in named_after) if r]
    if frame.rule["kind"] == "receive" and (frame.endorser is None or doc[frame.endorser].lower_ in VAGUE_SOURCES):
        # "picked up an endorsement of his own on Friday: former MPP Bernard Tessier, who ..."
        colon = next((t.i for t in ctx.sent if t.text == ":" and t.i > frame.trigger), None)
        named = next((x for x in ctx.mentions if colon is not None and x.start > colon
                      and x.kind in ("person", "org", "party") and x.label != "GPE"), None)
        resolved = resolve_endorser(named, ctx) if named is not None else None
        if resolved or frame.endorser is not None:
            return [resolved] if resolved else []
    if frame.endorser is None and frame.rule["kind"] == "includes":
        # "Endorsed candidates for the Senate include A": the endorsements of the body the story is about
        subject = story_subject(ctx)
        return [(subject.text, provisional_type(subject), 0.2)] if subject is not None else []
    if frame.endorser is None and frame.rule["kind"] == "receive":
        named = _org_after_preposition(frame.trigger, ctx)  # "picked up the endorsement of | the X"
        if named is not None:
            return [r for r in (resolve_endorser(x, ctx) for x in expand_list(named, ctx)) if r]
        noun = next((c for c in doc[frame.trigger].children if c.dep_ in ("dobj", "attr")), None)
        source = next((g for p in (noun.children if noun is not None else ()) if p.lower_ in ("from", "of")
                       for g in p.children if g.dep_ == "pobj"), None)
        included = _included_names(source, ctx) if source is not None else []
        if included:  # "endorsements from the state's largest unions, including A and B"
            return [r for r in (resolve_endorser(x, ctx) for x in included) if r]
        owner_word = noun is not None and any(c.dep_ == "compound" and c.lower_ in ("party", "union", "group")
                                              for c in noun.children)  # "won the party endorsement"
        if ctx.last_org_endorser and noun is not None and noun.lemma_ in ("endorsement", "nod") \
                and any(c.lower_ == "the" for c in noun.children) \
                and (owner_word or not PERCENT_RE.search(sent_text(ctx.sent))):
            return [ctx.last_org_endorser]  # "X won the endorsement" after "Y won the party's endorsement"
    endorser_i = frame.endorser
    dateline = DATELINE_RE.match(sent_text(ctx.sent))
    if endorser_i is not None and dateline and doc[endorser_i].idx < ctx.sent.start_char + dateline.end():
        # "ROCHESTER, Minn. — Minnesota DFL delegates endorsed": the parse took the dateline
        after = [t for t in ctx.sent if ctx.sent.start_char + dateline.end() <= t.idx and t.i < frame.trigger]
        members = next((t for t in after if _members_acting(t, doc[frame.trigger])), None)
        if members is not None:
            body = members_body(members, ctx)
            return [body] if body else []
        first = next((x for x in ctx.mentions if after and after[0].i <= x.start and x.end <= frame.trigger
                      and x.kind in ("org", "desc", "ref", "person")
                      and doc[x.start:x.end].root.dep_ != "poss"), None)  # "— Ohio's largest union endorsed"
        endorser_i = ctx.doc[first.start:first.end].root.i if first is not None else None  # "The union ..., X, threw"
    if endorser_i is None and _unattributed(frame, ctx):
        # "X and Y were endorsed in the district", "Z received the endorsement": the body the story is about
        subject = story_subject(ctx)
        body = ctx.latest_body or ((subject.text, provisional_type(subject), AGENTLESS_PENALTY) if subject else None)
        if body is not None and body[1] != "party":  # a party's "X was nominated" is its members' nomination
            return [body]
    if endorser_i is None:
        before = doc[frame.trigger - 1] if frame.trigger > ctx.sent.start else None
        if before is not None and _members_acting(before, doc[frame.trigger]):
            body = members_body(before, ctx)
            return [body] if body else []
        m = _left_neighbour(frame, ctx)
        return [r for r in (resolve_endorser(x, ctx) for x in (expand_list(m, ctx) if m else [])) if r]
    tok = doc[endorser_i]
    if _members_acting(tok, doc[frame.trigger]):  # "Delegates voted to endorse X": the body they belong to
        body = members_body(tok, ctx)
        return [body] if body else []
    # "six officials: A, B and C"; "... of 11 MPs. They include A, B and C."
    included = _included_names(tok, ctx) or colon_named(tok, ctx, frame.trigger) or members_listed_next(tok, ctx)
    if included:
        return [r for r in (resolve_endorser(x, ctx) for x in included) if r]
    if tok.lower_ in QUANTIFIERS:
        return _as_do_only(frame, ctx)  # "many of the players in the party": a vague share of a group
    m = ctx.mention_for(endorser_i)
    if m is not None and m.kind == "ref" and m.label == "they":
        pair = _coordinated_people(m, ctx)  # "Ana Ruiz and her brother Tom ... said they would both vote for X"
        if pair:
            return [(x.text, "person", PLURAL_PERSON_PENALTY) for x in pair]
    if m is not None and m.kind == "ref" and m.label in ("they", "we", "them") and doc[frame.trigger].lemma_ == "vote":
        return []  # "they voted for Joe": members casting ballots, not the body's endorsement
    if m is not None and m.kind == "ref" and m.label == "i" and doc[frame.trigger].lemma_ == "vote" \
            and inside_quotes(ctx, m):
        return []  # '"I'm still voting for Vogler," Pruitt said': a voter's ballot, however quoted
    if m is None and tok.tag_ == "NNS" and any(c.dep_ == "nummod" for c in tok.children):
        return []  # "58 MPs": a count of people, unless an appositive names them ("Two unions ..., X and Y,")
    if m is None or m.kind == "org" and m.label == "caps":
        # "The Chief Whip, Ana Ruiz, stayed out": the name the title stands beside
        m = _appositive_person(tok, ctx) or m
    if m is None or _quantified(doc[m.end - 1]):
        m = _left_neighbour(frame, ctx)
    if m is None:
        return _as_do_only(frame, ctx)  # "A few MPs remain uncommitted, as do A and B": A and B
    if m.kind == "ref" and m.label.startswith("plural:"):  # "Both unions endorsed X": each body named before
        return [(r[0], r[1], max(r[2], 0.15)) for r in (resolve_endorser(x, ctx) for x in plural_antecedents(m, ctx)) if r]
    party = PARTY_PLURALS.get(m.text.lower()) if m.kind == "party" else None
    if party and doc[frame.trigger].lemma_.lower() == "endorse" and not PERCENT_RE.search(sent_text(ctx.sent)):
        return [(party, "party", 0.2)]  # "Republicans, meeting in Duluth, endorsed X": the party's convention
    out = []
    for item in expand_list(m, ctx) + _in_addition_to(doc[frame.trigger], ctx) + also_endorsing(frame, ctx):
        resolved = resolve_endorser(item, ctx)
        if resolved:
            out.append(resolved)
    return out


def _appositive_person(tok, ctx: SentenceContext) -> Optional[Mention]:
    """'The Chief Whip, Ana Ruiz, and ...': a subject that is a title or role noun set off
    with a person's name in apposition is that person."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in tok.children:
        if child.dep_ == "appos":
            m = ctx.mention_for(child.i)
            if m is not None and m.kind == "person":
                return m
    return None


PLURAL_PERSON_PENALTY = 0.15  # as for any pronoun resolved to a name (references.antecedent's 0.15)


def _coordinated_people(m: Mention, ctx: SentenceContext) -> list[Mention]:
    """The people an earlier subject of the same sentence coordinates ('Ana Ruiz and her brother
    Tom Ruiz made a video, and Ana said they would both vote for X'): whom a 'they' after them
    means, before any body named earlier; empty when the sentence names no such pair."""
    for x in ctx.mentions:
        if x.end > m.start or x.kind != "person":
            continue
        head = ctx.doc[x.end - 1]
        if head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        # "... and her brother, Tom Ruiz": the conjunct, or the name in apposition to it
        joined = [next(y for y in ctx.mentions if y.kind == "person" and y.covers(t.i))
                  for c in head.children if c.dep_ == "conj"
                  for t in [c] + [a for a in c.children if a.dep_ == "appos"]
                  if any(y.kind == "person" and y.covers(t.i) for y in ctx.mentions)]
        if joined:
            return [x] + joined
    return []


def _unattributed(frame: Frame, ctx: SentenceContext) -> bool:
    """A stance the sentence gives no source for: an agentless passive ('X and Y were endorsed'),
    or a received endorsement with no 'of'/'from' ('X received the endorsement in District 1')."""
    trigger = ctx.doc[frame.trigger]
    if frame.passive:
        return trigger.tag_ == "VBN" and frame.candidate is not None
    if frame.rule["kind"] != "receive":
        return False
    noun = next((c for c in trigger.children if c.dep_ in ("dobj", "attr")), None)
    return noun is not None and noun.lemma_.lower() in ("endorsement", "nod") and not any(
        c.dep_ in ("prep", "poss", "compound", "amod") for c in noun.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("from", "of", "by") for c in trigger.children)


def _as_do_only(frame: Frame, ctx: SentenceContext) -> list[tuple[str, str, float]]:
    """The names an 'as do A and B' clause joins to a subject that names nobody itself."""
    return [r for r in (resolve_endorser(x, ctx) for x in also_endorsing(frame, ctx)) if r]


def _members_acting(tok, trigger) -> bool:
    """Delegates or a convention act for their body; members only when they vote as one
    ('members voted to endorse'), not 'many rank-and-file members who support X'."""
    lemma = member_word(tok)
    if lemma is None or _quantified(tok) or any(c.dep_ == "nummod" for c in tok.children):
        return False  # "11 delegates abstained", "1,500 union members pledging to vote for": individuals
    return lemma != "member" or trigger.head.lemma_ == "vote"


QUANTIFIERS = words("quantifiers")


def _org_after_preposition(i: int, ctx: SentenceContext) -> Optional[Mention]:
    """The organisation right after 'of'/'from'/'by' following a receive verb's noun."""
    for k in range(i + 1, min(i + PREPOSITION_REACH, ctx.sent.end)):
        if ctx.doc[k].pos_ in ("VERB", "AUX") and ctx.doc[k].dep_ != "prep":
            break  # "won several endorsements including from A and B": "including" is a preposition
        if ctx.doc[k].lower_ in ("of", "from", "by"):
            j = k + 1
            while j < ctx.sent.end and ctx.doc[j].lower_ in ("the", "a", "an"):
                j += 1
            # "won the endorsement Monday of U.S. Rep. Angela Moretti": people endorse too
            while j < ctx.sent.end and ctx.doc[j].lower_ in TITLE_WORDS and not any(m.covers(j) for m in ctx.mentions):
                j += 1
            return next((m for m in ctx.mentions if m.start <= j < m.end and m.kind in ("org", "desc", "person")), None)
    return None


def _quantified(tok) -> bool:
    """'nearly every national Democrat', 'many unions': a vague group, not an endorser."""
    return any(c.lower_ in ("every", "many", "most", "some", "all", "several", "few", "those", "these")
               for c in tok.children if c.dep_ in ("det", "amod", "advmod", "predet", "nummod"))


AUX_GAP = words("aux_gap")
RELATIVE_PRONOUNS = words("relative_pronouns")
AGENTLESS_PENALTY = 0.25  # an endorser the sentence does not name at all: less sure than a reference (0.15-0.2)
ASIDE_REACH = 12  # tokens between a subject and its verb that an aside (", with some 90,000 members,",
# "which is known for X,") may take before the surface fallback gives up


def _left_neighbour(frame: Frame, ctx: SentenceContext) -> Optional[Mention]:
    """Surface fallback when the parse gives no subject: the name right before the verb
    group ("the [International Association of Firefighters] will continue to stand with")."""
    i = frame.trigger - 1
    if ctx.doc[i].text == "," and i > ctx.sent.start:
        # "The Guild, with some 90,000 members, endorsed Vega": step over the aside
        opening = [k for k in range(max(ctx.sent.start, i - ASIDE_REACH), i) if ctx.doc[k].text == ","]
        if opening:
            i = opening[0] - 1
    i = _skip_verb_group(i, frame, ctx)
    closing = next((k for k in range(max(i, ctx.sent.start), frame.trigger) if ctx.doc[k].text == ","), None)
    if closing is not None and not any(m.covers(i) for m in ctx.mentions) and (relative := [
            k for k in range(max(ctx.sent.start + 1, closing - ASIDE_REACH), closing)
            if ctx.doc[k].lower_ in RELATIVE_PRONOUNS]):
        # '..., the "Guild" which is known for X, also endorsed Vega': a relative clause hangs on the name before it
        k = relative[-1] - 1
        while k > ctx.sent.start and ctx.doc[k].is_punct:
            k -= 1  # the name's closing quotation mark or comma
        named = next((m for m in ctx.mentions if m.covers(k) and m.kind in ("org", "desc", "ref")), None)
        if named is not None:
            return named
    if i < ctx.sent.start:
        return None
    for m in ctx.mentions:
        if m.covers(i) and m.kind in ("org", "desc", "person"):
            return m
    return None


def _skip_verb_group(i: int, frame: Frame, ctx: SentenceContext) -> int:
    """From token i leftwards past auxiliaries, adverbs and dates ("has also", "on Wednesday")."""
    while i >= ctx.sent.start and (ctx.doc[i].lower_ in AUX_GAP or ctx.doc[i].pos_ in ("ADV", "PART")
                                   or ctx.doc[i].ent_type_ in ("DATE", "TIME")  # "on Wednesday endorsed"
                                   or ctx.doc[i].lower_ in ("on", "in", "late", "early") and i + 1 < frame.trigger
                                   and ctx.doc[i + 1].ent_type_ in ("DATE", "TIME")):
        i -= 1
    return i


def _in_addition_to(trigger, ctx: SentenceContext) -> list[Mention]:
    """'In addition to X and Y, Z have endorsed W': X and Y endorsed W too."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "besides", "beyond"):
            for obj in prep.children:
                if obj.lower_ == "addition" or prep.lower_ != "in":
                    target = obj if prep.lower_ != "in" else next(
                        (g for p2 in obj.children if p2.lower_ == "to" for g in p2.children if g.dep_ == "pobj"), None)
                    m = ctx.mention_for(target.i) if target is not None else None
                    if m and m.end < ctx.sent.end and ctx.doc[m.end].lower_ == "for":
                        return []  # "In addition to Raman for mayor, the council backs X": a candidate
                    if m and m.kind in ("org", "desc", "ref", "person"):
                        return expand_list(m, ctx)
    return []


def _included_names(tok, ctx: SentenceContext) -> list[Mention]:
    """'other prominent Republicans, including A and B' -> [A, B]; 'a number of leaders such as
    A and B, as well as unions, including C' -> [C, A, B]."""
    listed = _listed_names(tok, ctx)
    return listed + [m for m in _such_as_names(tok, ctx) if m not in listed]


def _such_as_names(tok, ctx: SentenceContext) -> list[Mention]:
    """'prominent politicians such as Ontario minister A and B' -> [A, B]: only in the phrase of
    the endorser word itself (not in a clause said of someone else)."""
    if any(m.start <= tok.i < m.end and m.kind in ("person", "org", "party") for m in ctx.mentions):
        return []  # "the X League and groups such as A": the name is the endorser, the rest examples
    phrase, stack = [], [tok]
    while stack:  # the endorser's own phrase: not its relative or other clauses ("X, who won with the help of ...")
        here = stack.pop()
        phrase.append(here)
        stack.extend(c for c in here.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "appos"))
    for child in phrase:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i > tok.i \
                and any(c.lower_ == "such" for c in child.children) and child.head.pos_ in ("NOUN", "PROPN"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            m = None if obj is None else ctx.mention_for(obj.i) or next(
                (x for x in ctx.mentions if x.kind in ("person", "org")
                 and obj.left_edge.i <= x.start and x.end - 1 <= obj.i), None)
            if m is not None:
                return expand_list(m, ctx)
    return []


def _listed_names(tok, ctx: SentenceContext) -> list[Mention]:
    heads = [tok, tok.head, tok.head.head]
    for child in [c for h in heads for c in h.children] + list(tok.subtree):
        if child.dep_ == "prep" and child.lower_ == "among" and child.i > tok.i:
            # "backed by 58 MPs, among them the former shadow chancellor Ruth Ellingham"
            them = next((g for g in child.children if g.dep_ == "pobj" and g.lower_ == "them"), None)
            named = next((x for x in ctx.mentions if them is not None and x.start > them.i
                          and x.kind in ("person", "org")), None)
            if named is not None:
                return expand_list(named, ctx)
        if child.dep_ == "prep" and child.lower_ in ("including", "like", "such") and child.i > tok.i:
            objs = [g for g in child.subtree if g.dep_ == "pobj"]
            if objs:
                m = ctx.mention_for(objs[0].i)
                if m:
                    return expand_list(m, ctx)
    return []
