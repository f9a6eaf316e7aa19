"""An editorial's verdicts where no endorsement verb states them.

Opinion pages recommend in forms a news story never uses: a headline or a one-line
verdict ("EDITORIAL: Yes on 40", "Yes on Measure B."), an imperative ("Vote for
Castellanos.", "Re-elect Feld."), a choice stated with a copula ("Our pick is
Sorensen.", "Castellanos is the clear choice."). Each counts only in an article
written in an editorial voice (rule data: ``headline.yes_no``'s ``voice`` pattern),
and the endorser is the paper (references.editorial_voice). Pure: a sentence
context in, Endorsement values out.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from ...nlp.build import doc_text, sent_text
from ...nlp.rules import packaged_rules
from ...ruledata import LazyPattern, alternation
from ...settings import DEFAULT
from ...types import Endorsement, RuleRef
from .candidates import person_like
from ..mentions import SentenceContext, expand_list, sentence_evidence
from ..mentions import MEASURE_RE, MEASURE_WORDS, YES_NO_ON_RE, Mention
from ..mentions import editorial_voice, editorial_voice_in, resolve_endorser
from .stage import frame_stage
from ...nlp.vocabulary import words

MAX_HEADLINE_TOKENS = 12  # "Worth repeating: No on Prop 27" is 7; a body sentence runs longer
YES_NO_ON = LazyPattern(lambda: re.compile(YES_NO_ON_RE.pattern.replace("(Yes|No)", "([Yy]es|[Nn]o)")))
MEASURE_HEADING = LazyPattern(lambda: re.compile(
    rf"^((?:{alternation(MEASURE_WORDS)})\s+[0-9A-Z]{{1,3}})\s*[:—–-]\s*(Yes|No|YES|NO)\.?$"))
VOTE_YES_NO = re.compile(r"^\W*(?:[A-Z][\w ]{0,30}:\s*)?(?:[Vv]ote\s+)?(Yes|No|yes|no)\b,?\s+on\s+")


@lru_cache(maxsize=1)
def _rules() -> dict[str, dict]:
    return {r["kind"]: r for r in packaged_rules("triggers", ("kind", "lemmas", "stance"))
            if r["kind"] in ("headline", "imperative", "choice")}


def editorial_verdicts(ctx: SentenceContext, default_stage: Optional[str] = None) -> list[Endorsement]:
    """Every verdict form in this sentence, if the article speaks as an editorial."""
    if not editorial_voice_in(ctx):
        return []
    stage = frame_stage(ctx.sent, ctx.sent.start, list(ctx.sent), default_stage)
    return [e if e.stage else replace(e, stage=stage)
            for e in _yes_no_line(ctx) + _imperative(ctx) + _choice(ctx)]


def _yes_no_line(ctx: SentenceContext) -> list[Endorsement]:
    """'EDITORIAL: Yes on 40', 'Vote no on Proposition 12.', 'Yes on Measure B.'"""
    sent = ctx.sent
    text = sent_text(sent).strip()
    words = [t for t in sent if not t.is_space and not t.is_punct]
    headline = len(words) <= MAX_HEADLINE_TOKENS and not text.endswith(".")
    hit = YES_NO_ON.search(text)
    heading = MEASURE_HEADING.match(text)  # "Measure K: Yes"
    if heading:
        measure, verdict = heading.group(1), heading.group(2)
    elif hit is not None and (headline or VOTE_YES_NO.match(text) and text.find(hit.group(0)) <= 40):
        measure, verdict = full_measure_name(hit.group(3), hit.group(2), doc_text(ctx.doc)), hit.group(1)
    else:
        return []
    if measure is None:
        return []
    stance = "endorses" if verdict.lower() == "yes" else "opposes"
    measures = [measure]
    if not heading and hit is not None:  # "Yes on 1A-1F": each measure of the range
        measures += [full_measure_name(n, hit.group(2), doc_text(ctx.doc)) or f"{measure.rpartition(' ')[0]} {n}"
                     for n in range_after(hit.group(3), text[hit.end():])]
    return [_verdict(ctx, m, stance, _rules()["headline"], 0.1) for m in measures]


MEASURE_RANGE_END = re.compile(r"\s*(?:[-–]|through|thru|to)\s*(?P<number>[0-9]{1,3})?(?P<letter>[A-Z])\b")
# The longest lettered range read ("1A-1F" is six measures); a longer one is no range of measures.
MAX_MEASURE_RANGE = 12


def range_after(first: str, rest: str) -> list[str]:
    """The measures after ``first`` in a lettered range that ``rest`` goes on with: '1A' and
    '-1F' -> 1B, 1C, 1D, 1E, 1F. Empty when no range follows."""
    end = MEASURE_RANGE_END.match(rest)
    start = re.fullmatch(r"(?P<number>[0-9]{0,3})(?P<letter>[A-Z])", first)
    if not end or not start or (end.group("number") or start.group("number")) != start.group("number"):
        return []
    a, b = ord(start.group("letter")), ord(end.group("letter"))
    if not 0 < b - a <= MAX_MEASURE_RANGE:
        return []
    return [f"{start.group('number')}{chr(k)}" for k in range(a + 1, b + 1)]


URGED_YES_VERBS = words("urged_yes_verbs")  # "Approve Measure K."
URGED_NO_VERBS = words("urged_no_verbs")  # "Reject Proposition 9."


def _imperative(ctx: SentenceContext) -> list[Endorsement]:
    """'Vote for Castellanos.', 'Re-elect Naomi Feld.', 'Vote no on Proposition 12.'"""
    rule = _rules().get("imperative")
    first = next((t for t in ctx.sent if not t.is_punct and not t.is_space), None)
    if rule is not None and first is not None and first.text[:1].isupper() and (
            first.lower_ in URGED_YES_VERBS or first.lower_ in URGED_NO_VERBS):
        # "Reject Proposition 9.", "Approve Measures A and B.": the measures right after the verb
        # (the tagger often reads the capitalised verb as a name, so adjacency, not the parse)
        stance = "endorses" if first.lower_ in URGED_YES_VERBS else "opposes"
        after = next((m for m in ctx.mentions if m.start == first.i + 1 and m.kind == "measure"), None)
        items = [m for m in expand_list(after, ctx) if m.kind == "measure"] if after is not None else []
        return [_verdict(ctx, m.text, stance, rule, 0.1) for m in items]
    if rule is None or first is None or first.lemma_.lower() not in rule["lemmas"] \
            or first.text[:1].islower() or any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        return []
    if any(c.lower_ in ("yes", "no") for c in first.subtree):
        return []  # "Vote no on X": a yes/no line
    targets = [g for p in first.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
               if g.dep_ == "pobj"] if first.lemma_.lower() == "vote" else \
        [c for c in first.children if c.dep_ in ("dobj", "nsubj", "npadvmod", "attr", "oprd")]
    out = []
    for tok in targets:
        m = _named(tok.i, ctx)
        if m is not None:
            out.append(_verdict(ctx, m.text, "endorses", rule, 0.1))
    return out


def _choice(ctx: SentenceContext) -> list[Endorsement]:
    """'Our pick is Sorensen.', 'Castellanos is the clear choice.', 'The union's choice is X.'"""
    rule = _rules().get("choice")
    if rule is None:
        return []
    out = []
    for tok in ctx.sent:
        if tok.lemma_.lower() not in rule["lemmas"] or tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "attr") \
                or tok.head.lemma_ != "be":
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        judged = any(c.lower_ in rule["adjectives"] for c in tok.children if c.dep_ == "amod") and any(
            c.lower_ == "the" for c in tok.children)
        if not (poss is not None and poss.lower_ == "our" or judged):
            continue
        other = next((c for c in tok.head.children if c.dep_ in ("nsubj", "attr") and c.i != tok.i), None)
        m = _named(other.i, ctx) if other is not None else None
        if m is None or m.kind == "measure" and tok.lemma_.lower() == "candidate":
            continue
        owner = ctx.mention_for(poss.i) if poss is not None and poss.lower_ != "our" else None
        if owner is not None:
            resolved = resolve_endorser(owner, ctx)
            if resolved:
                out.append(_verdict(ctx, m.text, "endorses", rule, 0.1, resolved))
            continue
        out.append(_verdict(ctx, m.text, "endorses", rule, 0.1))
    return out


def _named(i: int, ctx: SentenceContext) -> Optional[Mention]:
    """The person or measure at token i; a surname alone if the article gave it a person."""
    m = ctx.mention_for(i, via_possessor=False)
    if m is None:
        return None
    if m.kind in ("person", "measure") or person_like(m) or m.text in ctx.people_surnames:
        return m
    return None


def _verdict(ctx: SentenceContext, candidate: str, stance: str, rule: dict, penalty: float,
             endorser: Optional[tuple[str, str, float]] = None) -> Endorsement:
    voice = endorser or editorial_voice(ctx)
    measure = bool(MEASURE_RE.match(candidate))
    return Endorsement(endorser=voice[0], endorser_type=voice[1], candidate=candidate, stance=stance,
                       stage="general" if measure else None, evidence=sentence_evidence(ctx.sent),
                       confidence=round(DEFAULT.base_confidence - voice[2] - penalty, 2),
                       rule=RuleRef(rule["id"], rule["version"]), date=ctx.article.published)


def full_measure_name(number: str, word: Optional[str], text: str) -> Optional[str]:
    """The longest name the article gives the measure numbered ``number``
    ("40" -> "Proposition 40"); the headline's own words if the body names it no other way."""
    names = [m.group(0) for m in MEASURE_RE.finditer(text)
             if re.search(rf"(?<![\w]){re.escape(number)}$", m.group(0))]
    if names:
        return max(names, key=len)
    return f"{word.strip()} {number}" if word else None
