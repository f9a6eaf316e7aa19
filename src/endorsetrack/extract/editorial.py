"""An editorial's verdict in its headline: "EDITORIAL: Yes on 40", "No on Measure K".

Opinion pages put the recommendation in the headline and argue it below without
repeating it ("That kind of chicanery alone justifies a 'yes' vote"). A short
headline-like line of the form "Yes/No on <measure>" in an article written in an
editorial voice (rule data: ``headline.yes_no``'s ``voice`` pattern) is the paper's
stance on the measure the article names in full. Pure: a sentence context in,
Endorsement values out.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..nlp.build import doc_text
from ..nlp.rules import packaged_rules
from ..settings import DEFAULT
from ..types import Endorsement, Evidence, RuleRef
from .context import SentenceContext
from .mentions import MEASURE_RE, YES_NO_ON_RE
from .references import editorial_voice

MAX_HEADLINE_TOKENS = 12  # "Worth repeating: No on Prop 27" is 7; a body sentence runs longer


@lru_cache(maxsize=1)
def _rule() -> Optional[dict]:
    return next((r for r in packaged_rules("triggers", ("kind", "lemmas", "stance")) if r["kind"] == "headline"), None)


def headline_verdicts(ctx: SentenceContext) -> list[Endorsement]:
    rule = _rule()
    sent = ctx.sent
    words = [t for t in sent if not t.is_space and not t.is_punct]
    if rule is None or not words or len(words) > MAX_HEADLINE_TOKENS or sent.text.rstrip().endswith("."):
        return []
    hit = YES_NO_ON_RE.search(sent.text)
    text = doc_text(ctx.doc)
    if hit is None or not re.search(rule["voice"], text + " " + (ctx.article.title or "")):
        return []
    measure = full_measure_name(hit.group(3), hit.group(2), text)
    voice = editorial_voice(ctx)
    if measure is None or voice is None:
        return []
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    stripped = sent.text.strip()
    return [Endorsement(endorser=voice[0], endorser_type=voice[1], candidate=measure,
                        stance="endorses" if hit.group(1).lower() == "yes" else "opposes",
                        stage="general", evidence=Evidence(stripped, start, start + len(stripped)),
                        confidence=round(DEFAULT.base_confidence - voice[2] - 0.1, 2),
                        rule=RuleRef(rule["id"], rule["version"]), date=ctx.article.published)]


def full_measure_name(number: str, word: Optional[str], text: str) -> Optional[str]:
    """The longest name the article gives the measure numbered ``number``
    ("40" -> "Proposition 40"); the headline's own words if the body names it no other way."""
    names = [m.group(0) for m in MEASURE_RE.finditer(text)
             if re.search(rf"(?<![\w]){re.escape(number)}$", m.group(0))]
    if names:
        return max(names, key=len)
    return f"{word.strip()} {number}" if word else None
