"""'Our endorsement went to Parsons': an endorsement noun that goes to a candidate.

Recaps of endorsements state each one with the endorsement as subject ("Our endorsement
went to X", "For county clerk, the union's nod goes to Y", "endorsements went to Z"), a
form no trigger rule reads, since the endorser is the noun's possessor, not a subject.
The possessor names the endorser; "our", or no possessor in an article written in an
editorial voice, is the paper the article names (references.editorial_voice). Rule ``noun.goes_to``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from ...nlp.rules import packaged_rules
from ...nlp.vocabulary import words
from ...settings import DEFAULT
from ...types import Endorsement, RuleRef
from ..mentions import SentenceContext, editorial_voice, editorial_voice_in, resolve_endorser, sentence_evidence
from .candidates import candidate_name

# Confidence penalty: the roles come from a noun's possessor, a weaker cue than a verb's subject.
GOES_TO_PENALTY = 0.15

GENERIC_VOICE = "editorial board"  # references.editorial_voice when the article names no paper
VERDICT_NOUNS = words("list_lines.goes_to_nouns")


@lru_cache(maxsize=1)
def _rule() -> dict:
    return next(r for r in packaged_rules("triggers", ("kind", "lemmas", "stance")) if r["id"] == "noun.goes_to")


def goes_to(ctx: SentenceContext) -> list[Endorsement]:
    """Each '<endorsement> go(es) to <candidate>' of the sentence."""
    out = []
    for tok in ctx.sent:
        if tok.lemma_ != "go":
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.lemma_.lower() in VERDICT_NOUNS), None)
        if subject is None or any(c.dep_ == "neg" for c in tok.children):
            continue
        endorser = _endorser(subject, ctx)
        if endorser is None:
            continue
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                m = ctx.mention_for(obj.i, via_possessor=False)
                named = candidate_name(m, ctx) if m is not None and m.kind in ("person", "measure") else None
                if named is None:
                    continue
                out.append(Endorsement(endorser=endorser[0], endorser_type=endorser[1], candidate=named[0],
                                       stance="endorses", stage=None, evidence=sentence_evidence(ctx.sent),
                                       confidence=round(max(0.3, DEFAULT.base_confidence - endorser[2]
                                                            - named[1] - GOES_TO_PENALTY), 2),
                                       rule=RuleRef(_rule()["id"], _rule()["version"]), date=ctx.article.published))
    return out


def _endorser(noun: Token, ctx: SentenceContext) -> Optional[tuple[str, str, float]]:
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or poss.lower_ == "our":
        voice = editorial_voice(ctx) if editorial_voice_in(ctx) else None
        # only a paper the article names: "editorial board" alone says too little for a recap's "our"
        return voice if voice is not None and voice[0] != GENERIC_VOICE else None
    m = ctx.mention_for(poss.i)
    return resolve_endorser(m, ctx) if m is not None else None
