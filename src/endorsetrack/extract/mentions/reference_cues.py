"""What a reference's words and the article's wording tell about its referent, without
resolving anything: union and member words, descriptions and their stems, how often a
body is named, a person's gender from the pronouns the article gives them, bylines,
newspapers and quotations. extract/references.py uses these to pick antecedents.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from ...nlp.build import doc_text
from ...nlp.entity_types import type_from_name
from ...nlp.vocabulary import word_map, words
from ...ruledata import LazyPattern, alternation
from .context import SentenceContext
from .detect import Mention


UNION_WORDS = LazyPattern(lambda: re.compile(  # "the Carpenters union", "SEIU", "AFSCME Council 61"
    rf"(?i)\b(?:{alternation(words('union_words'))}|council \d+)\b"))


MEMBER_NOUNS = words("member_nouns")


def member_word(tok) -> Optional[str]:
    """'Delegates', 'delegates', 'the convention' -> the member noun, else None."""
    for form in (tok.lemma_.lower(), tok.lower_, tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_):
        if form in MEMBER_NOUNS:
            return form
    return None


ORG_NAME_HEADS = words("org_heads.name_ending")
DESCRIPTION_NOUNS = words("description_nouns")
UNION_DESCRIPTIONS = words("description_nouns.union")


SALIENT_MENTIONS = 3  # an organisation named this often so far is what "the union" means even right after
# a one-off mention of another (a synthetic probe3 article: "The TEA ... the
# state's other teachers union endorsed X in August. ... Y won the union's recommendation"); 2 flipped a correct dev reference


def salient_first(orgs: list[Mention], ctx: SentenceContext) -> list[Mention]:
    """The nearest candidate, unless it was named once and another one is the article's subject."""
    named = [c for c in orgs if c.kind == "org"]
    if len(named) < 2 or named[0].start >= ctx.sent.start or orgs[0].start >= ctx.sent.start:
        return orgs  # a name or description in the same sentence is the referent ("the SEIU ... two of its locals")

    def count(c: Mention) -> int:
        return times_named(c, ctx)

    top = 0 if orgs[0].kind == "ref" else count(named[0])  # an earlier "the union" is no evidence either way
    best = max(named, key=count)
    return [best] + [c for c in orgs if c is not best] if top <= 1 and count(best) >= SALIENT_MENTIONS else orgs


def times_named(c: Mention, ctx: SentenceContext) -> int:
    """How often the article has named an organisation before this sentence: its name, its
    acronym, and the definite descriptions by its own head noun ("the Harbor Chamber" ...
    "the chamber" ... "The chamber"), which stand for the body the story is about."""
    end = ctx.sent.start_char
    short = "".join(w[0] for w in c.text.split() if w[:1].isupper() and w.lower() not in ("of", "and", "the"))
    n = _count_before(ctx.doc, rf"\b{re.escape(c.text)}\b", 0, len(c.text), end, literal=c.text)
    n += _count_before(ctx.doc, rf"\b{re.escape(short)}\b", 0, len(short), end, literal=short) \
        if len(short) >= 3 and short != c.text else 0
    head = name_head(c.text)
    if head in HEAD_NOUN_REFERENCES:  # a plain word of the lexicon: the match is "the " and it
        n += _count_before(ctx.doc, rf"\b[Tt]he {head}\b(?! of\b)", re.I, len("the ") + len(head), end)
    return n


# Characters past its end a match attempt of _count_before's patterns may read: the
# "\b(?! of\b)" after a head noun reads four; eight is a margin.
_LOOKAHEAD_CHARS = 8


def _count_before(doc, pattern: str, flags: int, length: int, end: int, literal: Optional[str] = None) -> int:
    """``len(re.findall(pattern, text[:end], flags))`` for the article's text, for a pattern
    whose matches are all ``length`` characters long, without a pass over ``text[:end]``.

    The matches over the whole text are found once per article (and pattern) and kept
    on the doc; a search of ``text[:end]`` makes the same attempts, with the same outcome,
    at every place that reads only characters before ``end``, so only the last
    ``length`` + _LOOKAHEAD_CHARS characters before ``end`` are searched again, as
    ``text[:end]`` (``endpos``). A pass per reference and candidate made the references
    of a long article cost the square of its length. ``literal``: the pattern is
    ``\\b`` + this text + ``\\b``, whose matches the article's word index finds."""
    text = doc_text(doc)
    cache = doc.user_data.setdefault("endorsetrack.match_spans", {})
    spans = cache.get((pattern, flags))
    if spans is None:
        starts_ = _literal_starts(doc, pattern, literal) if literal else None
        if starts_ is None:
            starts_ = [m.start() for m in re.finditer(pattern, text, flags)]
        spans = cache[(pattern, flags)] = (starts_, [at + length for at in starts_])
    starts, ends = spans
    settled = end - length - _LOOKAHEAD_CHARS  # an attempt starting before here reads only text[:end]
    if settled <= 0:
        return len(re.compile(pattern, flags).findall(text, 0, end))
    k = bisect_left(starts, settled)  # matches that start before it are the same in text[:end]
    resume = max(settled, ends[k - 1]) if k else settled
    return k + len(re.compile(pattern, flags).findall(text, resume, end))


WORD_RUN = re.compile(r"\w+")


def _literal_starts(doc, pattern: str, literal: str) -> Optional[list[int]]:
    """Where ``pattern`` (``\\b`` + literal + ``\\b``) matches in the article, as
    ``re.finditer`` finds it, from the article's index of word runs; None when the literal
    does not start with a word character (then only a search finds it). Such a match can
    start only where a run of word characters starts that is the literal's first run."""
    first = WORD_RUN.match(literal)
    if first is None:
        return None
    text = doc_text(doc)
    runs: Optional[dict[str, list[int]]] = doc.user_data.get("endorsetrack.word_runs")
    if runs is None:
        runs = {}
        for m in WORD_RUN.finditer(text):
            runs.setdefault(m.group(), []).append(m.start())
        doc.user_data["endorsetrack.word_runs"] = runs
    compiled = re.compile(pattern)
    out: list[int] = []
    for at in runs.get(first.group(), ()):
        if (not out or at >= out[-1] + len(literal)) and compiled.match(text, at):  # matches do not overlap
            out.append(at)
    return out


def name_head(name: str) -> str:
    """The head noun of an organisation's name, lower case: 'chamber' in 'Harbor Chamber of
    Commerce', 'club' in 'Club for Growth' and 'Valley Hiking Club'."""
    core = re.split(r"\s+(?:of|for|on|in|to)\s+", name, maxsplit=1)[0]
    return core.split()[-1].lower() if core.split() else ""


GENERIC_MODIFIERS = words("generic_modifiers")


# A description's word and the stems a name with that meaning holds ("the teachers union" is
# the "Pennsylvania State Education Association")
DESCRIPTION_STEMS = word_map("description_stems")


def described_by(name: str, words: list[str]) -> bool:
    low = name.lower()
    return any(stem in low for w in words for stem in DESCRIPTION_STEMS.get(w, (w,)))


def describing_words(m: Mention, ctx: SentenceContext) -> list[str]:
    """The content words of a description ('building', 'trades' in 'the state's building
    trades council'): its referent is named with them."""
    if m.start > 0 and ctx.doc[m.start - 1].lower_ in ("a", "an") or ctx.doc[m.start].lower_ in ("a", "an"):
        return []  # "a law enforcement group called X" introduces its referent
    words = [t.lower_ for t in ctx.doc[m.start:m.end - 1]
             if t.dep_ in ("compound", "amod", "nmod") and t.is_alpha and t.is_lower and len(t) > 3
             and t.lower_ not in GENERIC_MODIFIERS]
    return words


def union_acronym(text: str, ctx: SentenceContext) -> bool:
    """'OEA' in an article that spells out 'Ostmark Education Association': a union's acronym."""
    if not (2 <= len(text) <= 6 and text.isalpha() and text.isupper()):
        return False
    words = r"\s+(?:(?:of|and|for|the|&)\s+)?".join(rf"{c}[\w'’.-]+" for c in text)
    spelled = re.search(rf"\b{words}", doc_text(ctx.doc))
    return bool(spelled and UNION_WORDS.search(spelled.group(0)))


HEAD_NOUN_REFERENCES = words("org_reference_nouns.heads")


def is_subject_phrase(c: Mention, ctx: SentenceContext) -> bool:
    """A subject, or the name in apposition to one ('The outgoing mayor, Dame Patricia Okoro, ...')."""
    root = ctx.doc[c.start:c.end].root
    return root.dep_ in ("nsubj", "nsubjpass") or ctx.doc[c.end - 1].dep_ in ("nsubj", "nsubjpass") or (
        root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"))


PRONOUN_GENDER = word_map("pronoun_gender")


def person_gender(name: str, ctx: SentenceContext) -> Optional[str]:
    """'m', 'f' or None, from how the article refers to the person: 'Mr./Ms. X', the
    pronoun after X in X's sentence, or the pronoun opening the next sentence. Votes;
    a tie or no evidence says nothing."""
    cache = ctx.doc.user_data.setdefault("endorsetrack.gender", {})
    surname = name.split()[-1]
    if surname not in cache:
        text = doc_text(ctx.doc)
        s = re.escape(surname)
        votes = [m.group(1).lower().rstrip(".") for m in re.finditer(rf"\b(Mr|Ms|Mrs)\.? {s}\b", text)]
        opening = r"(?:^|[.!?\n]\s*)(?:[A-Z][\w.'-]*\s+){0,3}"  # the name opens its sentence: likely its subject
        votes += [m.group(1).lower() for m in re.finditer(
            rf"{opening}{s}\b[^.!?\n]{{0,80}}?\b(he|his|him|she|her)\b", text, re.M)]
        votes += [m.group(1).lower() for m in re.finditer(rf"{opening}{s}\b[^.!?\n]*[.!?]\s+(He|She)\b", text, re.M)]
        male = sum(v in ("mr", "he", "his", "him") for v in votes)
        female = sum(v in ("ms", "mrs", "she", "her") for v in votes)
        cache[surname] = "m" if male > female else "f" if female > male else None
    return cache[surname]


BYLINE = re.compile(r"^\s*By:?\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*$", re.M)


def byline_author(text: str) -> Optional[str]:
    """'By Eleanor Baptiste' on a line of its own near the top of the article."""
    found = BYLINE.search(text[:600])
    return found.group(1) if found else None


def latest_newspaper(ctx: SentenceContext) -> Optional[str]:
    for past in [ctx.mentions] + list(reversed(ctx.all_history)):
        for cand in reversed(past):
            if is_newspaper(cand, ctx.doc):
                return cand.text
    return None


def is_newspaper(cand: Mention, doc=None) -> bool:
    """A newspaper's name, not its poll ('the Ledger/Tidewell poll') or its page's label."""
    if doc is not None:
        root = doc[cand.start:cand.end].root
        if root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in ("poll", "survey"):
            return False
    if cand.kind == "org" and doc is not None and _described_as_a_paper(doc[cand.start:cand.end].root):
        return True  # "The Harbor Union Leader, a conservative-leaning newspaper,": whatever its name sounds like
    return cand.kind == "org" and provisional_type(cand) == "newspaper" \
        and cand.text.lower() not in ("editorial", "opinion", "editorial board")


PAPER_NOUNS = ("newspaper", "paper", "daily", "tabloid", "broadsheet", "weekly")


def _described_as_a_paper(root) -> bool:
    """A name with an appositive 'a ... newspaper' (or itself the appositive of one)."""
    linked = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(t.lemma_.lower() in PAPER_NOUNS for t in linked)


def inside_quotes(ctx: SentenceContext, m: Mention) -> bool:
    """Inside a quotation: opened in this sentence, or in a quote that spans sentences
    ('"... Munroe will stand with us. She has our full support."')."""
    idx = ctx.doc[m.start].idx
    before = doc_text(ctx.doc)[ctx.sent.start_char:idx]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”") or any(
        a < idx < b for a, b in ctx.quoted)


def provisional_type(m: Mention) -> str:
    if m.kind == "person":
        return "person"
    if m.kind == "party":
        return "party"
    return type_from_name(m.text)
