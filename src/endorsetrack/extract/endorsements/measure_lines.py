"""An editorial's verdicts on ballot measures, given paragraph by paragraph.

Proposition guides state each verdict in the layout, not in a sentence the parser
sees whole: a paragraph that opens with the measure and its verdict ("Proposition 7:
Yes. This bond would ...", which the parser cuts at the colon), or a heading line
naming the measure ("Prop 7") over a paragraph that ends with the verdict ("We
recommend: No"). Only in an article written in an editorial voice; the endorser is
the paper (references.editorial_voice). Rule ``list.measure_verdict``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...nlp.rules import packaged_rules
from ...nlp.vocabulary import words
from ...ruledata import LazyPattern, alternation
from ...settings import DEFAULT
from ...types import Endorsement, RuleRef
from ..mentions import MEASURE_WORDS
from ..mentions import SentenceContext, editorial_voice, editorial_voice_in, sentence_evidence
from .editorial import full_measure_name
from .list_lines import MEASURE_LEAD, Line, measure_name

# Confidence penalty: the measure comes from the layout (the paragraph's head or a heading line).
MEASURE_LINE_PENALTY = 0.15
# A measure heading line is the measure's name and a few words more ("Prop 51", "Measure K (parcel tax)").
MAX_MEASURE_HEADING_CHARS = 60

VERDICT_WORDS = words("list_lines.verdict_lead")
MEASURE_HEADING = LazyPattern(lambda: re.compile(
    rf"^(?P<word>{alternation(MEASURE_WORDS)})s?\s+(?P<number>[0-9]{{1,3}}[A-Z]?|[A-Z]{{1,2}})\b"))
CLOSING_VERDICT = LazyPattern(lambda: re.compile(
    rf"(?i)\b(?:{alternation(VERDICT_WORDS)})\s*[:—–-]?\s*(?P<verdict>yes|no)\W*$"))


@lru_cache(maxsize=1)
def _rule() -> dict:
    return next(r for r in packaged_rules("triggers", ("kind", "lemmas", "stance")) if r["id"] == "list.measure_verdict")


def measure_verdict_lines(lines: list[Line]) -> list[Endorsement]:
    """Every verdict an editorial gives a measure by layout."""
    if not lines or not editorial_voice_in(lines[0].contexts[0]):
        return []
    text = lines[0].contexts[0].article.text
    out: list[Endorsement] = []
    heading: Optional[str] = None
    for line in lines:
        lead = MEASURE_LEAD.match(line.text)
        if lead:
            out.append(_fact(line, _name(lead, text), lead.group("verdict")))
            heading = None
            continue
        head = MEASURE_HEADING.match(line.text)
        if head and len(line.text) <= MAX_MEASURE_HEADING_CHARS:
            heading = _name(head, text)
            continue
        closing = CLOSING_VERDICT.search(line.text)
        if heading is not None and closing:
            out.append(_fact(line, heading, closing.group("verdict")))
            heading = None
    return out


CAMPAIGN_ROLES = words("measure_campaign_roles")
# Confidence penalty: the stance is read from a role in the campaign, not stated.
CAMPAIGN_ROLE_PENALTY = 0.1


@lru_cache(maxsize=1)
def _role_rule() -> dict:
    return next(r for r in packaged_rules("triggers", ("kind", "lemmas", "stance"))
                if r["id"] == "appos.measure_campaign_role")


def campaign_roles(ctx: SentenceContext) -> list[Endorsement]:
    """'Gov. Ana Ruiz, chairman of the Yes on 12 campaign': the named person or body before a
    role in a 'Yes on' / 'No on' campaign takes that campaign's side on the measure."""
    doc, out = ctx.doc, []
    for m in ctx.mentions:
        if m.kind != "measure" or m.label not in ("yes", "no") or m.start - 4 < ctx.sent.start:
            continue
        k = m.start - 1 if doc[m.start - 1].lower_ == "the" else m.start
        if not (doc[k - 1].lower_ in ("of", "for", "with") and doc[k - 2].lower_ in CAMPAIGN_ROLES and doc[k - 3].text == ","):
            continue
        who = next((x for x in ctx.mentions if x.end == k - 3 and x.kind in ("person", "org")), None)
        if who is None:
            continue
        rule = _role_rule()
        number = m.text.rpartition(" ")[2]
        measure = full_measure_name(number, None, ctx.article.text) or m.text
        out.append(Endorsement(endorser=who.text, endorser_type="person" if who.kind == "person" else "organization",
                               candidate=measure, stance="endorses" if m.label == "yes" else "opposes",
                               stage="general", evidence=sentence_evidence(ctx.sent),
                               confidence=round(DEFAULT.base_confidence - CAMPAIGN_ROLE_PENALTY, 2),
                               rule=RuleRef(rule["id"], rule["version"]), date=ctx.article.published))
    return out


def _name(match: re.Match, text: str) -> str:
    """The name the article gives the measure, its measure word written out ('Prop 51' -> 'Proposition 51')."""
    name = full_measure_name(match.group("number"), match.group("word"), text) or match.group(0)
    word, _, number = name.rpartition(" ")
    return measure_name(word, number) if word else name


def _fact(line: Line, measure: str, verdict: str) -> Endorsement:
    ctx = line.contexts[-1]
    voice = editorial_voice(ctx)
    rule = _rule()
    return Endorsement(endorser=voice[0], endorser_type=voice[1], candidate=measure,
                       stance="endorses" if verdict.lower() == "yes" else "opposes", stage="general",
                       evidence=line.evidence,
                       confidence=round(max(0.3, DEFAULT.base_confidence - voice[2] - MEASURE_LINE_PENALTY), 2),
                       rule=RuleRef(rule["id"], rule["version"]), date=ctx.article.published)
