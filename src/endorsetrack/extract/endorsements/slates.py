"""List lines: roundup lines ("* Laborers Local 1022: Nadia Ferreira") and slates,
an endorsement announced over a list that follows it.

Union press releases and editorials announce a slate in one sentence ending in a
colon ("delegates endorsed the following candidates:") and name it line by line
("- Attorney General: state Sen. Liam Hurley"). The introducing sentence gives the
endorser and stance; every following list line gives candidates; the first line
that is not a list item ends the slate. Pure: sentence contexts in, Endorsements out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...nlp.build import sent_text
from ...nlp.rules import packaged_rules
from ...settings import DEFAULT
from ...types import Endorsement, RuleRef
from .candidates import candidate_name, person_like
from ..mentions import SentenceContext, sentence_evidence
from ..mentions import editorial_voice, editorial_voice_in, resolve_endorser
from .stage import frame_stage

OFFICE_LINE = re.compile(r"(?i)^(?:U\.S\. )?(?:house|senate|governor|mayor|congress|assembly|district|county|city council|"
                         r"council|sheriff|judge|attorney general|treasurer|auditor|state senate|state house|school board|"
                         r"ward|comptroller|secretary of state|lieutenant governor)\b")
LIST_ITEM = re.compile(r"^\s*(?:[-*•·–—]|\d{1,2}[.)])\s+")
MAX_LINE_TOKENS = 30  # a slate line names an office and a person; longer lines are prose


@dataclass(frozen=True)
class Slate:
    endorsers: tuple[tuple[str, str, float], ...]
    stance: str
    rule: dict
    stage: Optional[str]


def opens_slate(ctx: SentenceContext) -> bool:
    """The sentence ends in a colon: what follows may be the list its verb is about."""
    sent = ctx.sent  # the Doc's text, sliced: a Span's .text is rebuilt from its tokens on every access
    return sent_text(sent).rstrip().endswith(":")


def slate_line(slate: Slate, ctx: SentenceContext) -> Optional[list[Endorsement]]:
    """The endorsements of one list line, or None when the line is not a list item."""
    sent = ctx.sent
    text = sent_text(sent)
    if not LIST_ITEM.match(text) or len(sent) > MAX_LINE_TOKENS:
        return None
    colon = text.find(":")
    right = sent.start_char + colon if colon >= 0 else sent.start_char
    people = [m for m in ctx.mentions if m.kind in ("person", "measure") and ctx.doc[m.start].idx > right]
    return [Endorsement(endorser=e[0], endorser_type=e[1], candidate=m.text, stance=slate.stance,
                        stage=slate.stage, evidence=sentence_evidence(sent),
                        confidence=round(max(0.3, DEFAULT.base_confidence - e[2] - 0.15), 2),
                        rule=RuleRef(slate.rule["id"], slate.rule["version"]), date=ctx.article.published)
            for e in slate.endorsers for m in people]


def _surname_alone(right: str, ctx: SentenceContext) -> Optional[str]:
    """The right side of a roundup line when it is only the surname of a person the article names."""
    word = right.strip().strip(" *-–—>.")
    return word if word in ctx.people_surnames and word[:1].isupper() else None


def _opens_line(m, ctx: SentenceContext) -> bool:
    """Nothing but a bullet before the mention in its sentence."""
    return not any(t.is_alpha or t.is_digit for t in ctx.doc[ctx.sent.start:m.start])


def roundup_line(ctx: SentenceContext, default_stage) -> list[Endorsement]:
    """A verbless list line of a roundup: '* Laborers Local 1022: Nadia Ferreira',
    'Sierra Club — no endorsement'. Left of the separator the endorser, right the
    candidate (or a stance word)."""
    rule = next((r for r in packaged_rules("triggers", ("kind", "lemmas", "stance")) if r["kind"] == "roundup"), None)
    sent = ctx.sent
    if rule is None or any(t.pos_ in ("VERB", "AUX") for t in sent) or len(sent) > 30:
        return []
    text = sent_text(sent)
    for sep in rule["separators"]:
        k = text.find(f"{sep} ") if sep != "-" else text.find(" - ")
        if k > 0:
            break
    else:
        return []
    left = [m for m in ctx.mentions if sent.start_char + k > ctx.doc[m.start].idx and m.kind in ("org", "desc", "person")]
    if left and left[0].kind == "person" and _opens_line(left[0], ctx) and ctx.doc[left[0].end].text == ",":
        left = left[:1]  # "Dana Cole, Mayor, City of Eastvale >>> X": the person, then her office and city
    right_text = text[k + len(sep):].strip(" *-–—").lower()
    right = [m for m in ctx.mentions if ctx.doc[m.start].idx > sent.start_char + k and m.kind in ("person", "measure", "org")]
    endorser: Optional[tuple[str, str, float]]
    if OFFICE_LINE.search(text[:k].strip(" *-–—•")):
        # "U.S. House, 6th District: Ellen Vasquez-Ward": an office, not an endorser; in an
        # editorial the line is the paper's pick
        if not editorial_voice_in(ctx):
            return []
        endorser = editorial_voice(ctx)
    elif len(left) != 1:
        return []
    else:
        endorser = resolve_endorser(left[0], ctx)
    if endorser is None:
        return []
    if any(right_text.startswith(w) for w in rule["declines"]):
        stance, cand = "declines", None
    elif any(right_text.startswith(w) for w in rule["undecided"]):
        stance, cand = "undecided", None
    elif right and (name := candidate_name(right[0], ctx) or ((right[0].text, 0.2) if person_like(right[0]) else None)):
        stance, cand = "endorses", name[0]
    elif (surface := _surname_alone(text[k + len(sep):], ctx)) is not None:
        stance, cand = "endorses", surface  # "... >>> Ruiz", where NER found no name
    else:
        return []
    return [Endorsement(endorser=endorser[0], endorser_type=endorser[1], candidate=cand, stance=stance,
                        stage=frame_stage(sent, sent.start, list(sent), default_stage), evidence=sentence_evidence(sent),
                        confidence=round(DEFAULT.base_confidence - 0.2, 2), rule=RuleRef(rule["id"], rule["version"]),
                        date=ctx.article.published)]
