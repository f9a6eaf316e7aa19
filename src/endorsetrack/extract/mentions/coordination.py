"""Coordinated names that the plain list scan (context.expand_list) stops at.

News lists interrupt their items: a party/state tag ("Sen. A (D-Va.), Rep. B (R-Ohio)
and C"), a home ("A of Ohio, B of Michigan and C"), an appositive description ("A, the
deputy speaker, and B", "Local 8, representing hotel workers; the C council"), or a
semicolon between items that themselves hold commas. ``tolerant_list(m, ctx)`` walks
from the mention a frame's role points at to the next name of the same kind, drops
those interruptions from the text between them and keeps the name when what is left is
a list separator. Which interruption let an item in is recorded in
``ctx.coordination`` (mention span -> rule id of nlp/patterns/coordination.jsonl), so
the facts built on it name that rule too. Pure apart from that record.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc

from ...nlp.build import doc_text
from ...nlp.rules import packaged_rules
from ...normalize import view
from ...ruledata import LazyPattern, alternation
from .detect import Mention

if TYPE_CHECKING:
    from .context import SentenceContext

# An item and its tags may be this far (in tokens) from the next item: "Ana M. Ferris, once the
# deputy commissioner of revenue and later head of the state's pension board; and" is 19 tokens.
# Calibrated on train lists: the longest description seen between two items was 19 tokens;
# 24 leaves a margin and still stops short of a second clause.
MAX_GAP_TOKENS = 24

# A description set off by commas: what follows the comma starts in lower case (after an
# article or possessive) and holds no clause break, quote or further comma.
# "the deputy speaker of the Commons", "representing hotel and restaurant workers",
# "once head of the port and harbor authority", "president of the Bakers Union".
DESCRIPTION = re.compile(r"^\s*[,;]\s*(?:(?:the|a|an|his|her|its|their)\s+)?[a-z0-9][^,;()\"“”:—–]{0,120}?"
                         r"(?=\s*(?:[,;]|$))")
# "of Ohio", "from Compton", "of the Bronx": the place an item comes from, right after it.
PLACE_TAG = re.compile(r"^\s*(?:of|from)\s+(?:the\s+)?[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,3}"
                       r"(?:,\s+[A-Z][a-z]{1,4}\.(?:[A-Z][a-z]?\.)?(?=\s*[,;]))?")
PARENTHETICAL = re.compile(r"\s*\([^()]{0,80}\)")
# "A, Premier of Manitoba, B, Mayor of Leeds, and C": a capitalised office of a place set off
# after a person item (the lower-case DESCRIPTION does not take it). The office word is one of
# the titles written before names (normalize/data/titles.jsonl); up to two more capitalised
# words before "of" ("Lieutenant Governor of Ohio"), up to four in the place name.
OFFICE_OF_PLACE = LazyPattern(lambda: re.compile(
    rf"^\s*,\s*(?:the\s+)?(?:former\s+)?(?:[A-Z][\w.-]*\s+){{0,2}}(?i:{alternation(view('before_names'))})"
    r"\s+of\s+(?:the\s+)?[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,3}(?=\s*[,;])"))
# What may separate two items once the interruptions are gone.
SEPARATOR = re.compile(r"^\s*(?:,|;|and|&|or|,\s*and|;\s*and|,\s*or|as well as|,\s*as well as|along with|plus)\s*$",
                       re.I)
# Words of a title or description right before a person's name, once lower-case descriptions
# and known titles are gone: "Democratic nominee for Manhattan Borough President". Six words
# cover the longest such phrase in train lists; no conjunction or punctuation inside.
PERSON_TITLE_PHRASE = re.compile(r"(?:(?<=[,;])|(?<=\band))\s+(?:(?!(?:and|or|nor|plus)\b)[\w.'’-]+\s+){1,6}$")
ARTICLES = re.compile(r"(?i)\b(?:the|a|an)\b")
# "Dayton's Ana Ruiz and Erie's Tom Ardell": a place's possessive before a name.
PLACE_POSSESSIVE = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}\s*['’]s\s*$")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
CONJUNCTION = re.compile(r"(?i)\b(?:and|or|plus|as well as|along with)\b|&")


@lru_cache(maxsize=1)
def coordination_rules() -> dict[str, dict]:
    """kind -> rule (nlp/patterns/coordination.jsonl)."""
    return {rule["kind"]: rule for rule in packaged_rules("coordination", ("kind",))}


def tolerant_list(m: Mention, ctx: "SentenceContext") -> list[Mention]:
    """The mention and the names coordinated with it across tags and descriptions; just
    [m] when no interruption was needed (the plain scan covers those) or none is a list."""
    if m.kind not in ("person", "org"):
        return [m]
    text = doc_text(ctx.doc)
    peers = _outside_descriptions([x for x in ctx.mentions if _peer(x, m, ctx)], m, text, ctx)
    if m not in peers:
        return [m]
    k = peers.index(m)
    chosen: list[tuple[Mention, Optional[str]]] = [(m, None)]
    for step in (1, -1):
        j = k
        while 0 <= j + step < len(peers):
            a, b = (peers[j], peers[j + step]) if step == 1 else (peers[j + step], peers[j])
            if b.start - a.end > MAX_GAP_TOKENS:
                break
            between = text[ctx.doc[a.end - 1].idx + len(ctx.doc[a.end - 1]):ctx.doc[b.start].idx]
            kind = _bridge(between, a, b)
            if kind is False or _clause_between(a, b, ctx) or _starts_other_clause(peers[j + step], m, step, ctx):
                break
            chosen.append((peers[j + step], kind if isinstance(kind, str) else None))
            j += step
    chosen.sort(key=lambda pair: pair[0].start)
    items = [x for x, _ in chosen]
    if len(items) < 2 or not any(CONJUNCTION.search(_between_text(a, b, ctx)) for a, b in zip(items, items[1:])):
        return [m]
    used = [kind for _, kind in chosen if kind]
    if not used:
        return items
    rule = coordination_rules()[used[0]]
    record = getattr(ctx, "coordination", None)
    if record is not None:
        for x in items:
            record.setdefault(x.text, rule)
    return items


# Inside a description set off after an item: ", the biggest local speaking for Dunmore
# clerks;" -- a comma, maybe an article, then lower-case words with no separator yet.
OPEN_DESCRIPTION = re.compile(r"^\s*,\s*(?:(?:the|a|an|his|her|its|their)\s+)?[a-z0-9][^,;()\"“”:—–]*$")


def _outside_descriptions(peers: list[Mention], m: Mention, text: str, ctx: "SentenceContext") -> list[Mention]:
    """The peers that are not names inside the description of the item before them ('Clerks
    31, the biggest local speaking for Dunmore clerks; Painters 242'): such a name describes an
    item, it is none. The mention the list is built from always stays."""
    out: list[Mention] = []
    for x in peers:
        if out and x is not m:
            a = out[-1]
            between = text[ctx.doc[a.end - 1].idx + len(ctx.doc[a.end - 1]):ctx.doc[x.start].idx]
            if OPEN_DESCRIPTION.match(between) and x.start - a.end <= MAX_GAP_TOKENS and _described_on(x, ctx):
                continue
        out.append(x)
    return out


def _described_on(x: Mention, ctx: "SentenceContext") -> bool:
    """The description goes on after the name ('speaking for Dunmore | clerks;'): the
    name is inside it. A name the list's separator follows ('former Gov. B, and') is an item."""
    nxt = ctx.doc[x.end] if x.end < ctx.sent.end else None
    return nxt is not None and nxt.is_lower and nxt.is_alpha and nxt.lower_ not in ("and", "or", "nor", "plus")


def _clause_between(a: Mention, b: Mention, ctx: "SentenceContext") -> bool:
    """A finite verb between two names ("A, who was elected with B", "A and others support
    B") puts them in different clauses: no list."""
    return any(t.tag_ in FINITE_TAGS or t.pos_ == "AUX" for t in ctx.doc[a.end:b.start])


def _starts_other_clause(nxt: Mention, m: Mention, step: int, ctx: "SentenceContext") -> bool:
    """The guards of the plain list scan: a name that is another verb's subject, that a
    gerund follows ("and Ames backing Roe"), or that right follows a verb (its object)."""
    from .context import GERUND_TRIGGERS, _subject_of_verb, is_subject  # late: context imports this module
    doc = ctx.doc
    if _subject_of_verb(nxt, ctx) and not is_subject(m, ctx):
        return True
    if nxt.end < len(doc) and doc[nxt.end].lower_ in GERUND_TRIGGERS:
        return True
    return step == -1 and nxt.start > 0 and (doc[nxt.start - 1].lower_ in GERUND_TRIGGERS
                                             or doc[nxt.start - 1].pos_ == "VERB")


def possessor_of_name(x: Mention, ctx: "SentenceContext") -> bool:
    """'Youngstown's Paul Rensick': a name in the possessive right before another name is
    that name's place or employer, no list item of its own."""
    doc = ctx.doc
    return x.end + 1 < ctx.sent.end and doc[x.end].tag_ == "POS" and any(
        y.start == x.end + 1 for y in ctx.mentions if y.kind == "person")


def _peer(x: Mention, m: Mention, ctx: "SentenceContext") -> bool:
    """A name of m's kind that can be a list item: not a tag in parentheses, not a place,
    not a name hung on 'of'/'from' (the place or employer of the item before it)."""
    if x.kind != m.kind or x.label == "GPE" or _inside_parentheses(x, ctx.doc, ctx.sent.start) \
            or possessor_of_name(x, ctx):
        return False
    if x is m:
        return True
    k = x.start - 1
    while k > ctx.sent.start and ctx.doc[k].lower_ in ("the", "a", "an"):
        k -= 1
    return not (k >= ctx.sent.start and ctx.doc[k].lower_ in ("of", "from", "in", "at", "for", "with"))


def _inside_parentheses(x: Mention, doc: Doc, sent_start: int) -> bool:
    """An unclosed "(" between the sentence's start and the mention (a stray ")" closes nothing)."""
    return _parenthesis_depth(doc, sent_start, x.start) > 0


def _parenthesis_depth(doc: Doc, sent_start: int, at: int) -> int:
    """Open parentheses before token ``at`` counted from ``sent_start``. The depths are
    counted once per sentence and kept on the doc, extended as far as asked: a count from
    the sentence start for every peer of every list made a long sentence cost its square."""
    depths = doc.user_data.setdefault("endorsetrack.paren_depths", {}).setdefault(sent_start, [0])
    while len(depths) <= at - sent_start:
        t = doc[sent_start + len(depths) - 1]
        depth = depths[-1] + (t.text == "(")
        depths.append(depth - (t.text == ")" and depth > 0))
    return depths[at - sent_start] if at >= sent_start else 0


def _bridge(between: str, a: Mention, b: Mention) -> "str | bool":
    """What lets a and b be neighbours in a list: False (they are not), True (nothing
    beyond the plain separators), or the kind of interruption that had to be dropped."""
    kind: "str | bool" = True
    rest = PARENTHETICAL.sub("", between)
    if rest != between:
        kind = "tag"
    stripped = PLACE_TAG.sub("", rest, count=1)
    if stripped != rest:
        kind, rest = "place", stripped
    stripped = DESCRIPTION.sub("", rest, count=1)
    if stripped != rest and stripped.strip()[:1] in (",", ";"):
        kind, rest = "appositive", stripped
    if a.kind == b.kind == "person":
        stripped = OFFICE_OF_PLACE.sub("", rest, count=1)
        if stripped != rest and stripped.strip()[:1] in (",", ";"):
            kind, rest = "appositive", stripped
    rest = ARTICLES.sub("", rest)
    if b.kind == "person":
        rest = _strip_titles(PLACE_POSSESSIVE.sub("", rest))
        described = PERSON_TITLE_PHRASE.sub("", rest)  # ", Democratic nominee for Manhattan Borough President B"
        if described != rest and kind is True:
            kind = "appositive"
        rest = described
    if ";" in rest and kind is True:
        kind = "semicolon"
    if not rest.strip() or not SEPARATOR.match(rest):
        return False
    return kind


def _strip_titles(between: str) -> str:
    from .context import LIST_TITLES, PERSON_DESCRIPTION, TITLED_DESCRIPTION  # late: context imports this module
    return PERSON_DESCRIPTION.sub("", TITLED_DESCRIPTION.sub("", LIST_TITLES.sub("", between)))


def _between_text(a: Mention, b: Mention, ctx: "SentenceContext") -> str:
    text = doc_text(ctx.doc)
    return text[ctx.doc[a.end - 1].idx + len(ctx.doc[a.end - 1]):ctx.doc[b.start].idx]
