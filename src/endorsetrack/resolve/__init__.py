"""Resolve stage: names to their fullest in-article (or canonical) form, types, parents.

Runs after extraction, before the store: pure, one article at a time. Facts that
become identical once their names are resolved ("Clinton" and "Hillary Clinton")
merge into one, keeping the most confident evidence.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..types import ArticleResult, Endorsement, Poll, PollResult
from .names import NameIndex, Resolution, strip_title

__all__ = ["resolve_article", "NameIndex", "Resolution"]

LOCAL_OF = re.compile(r"^(?P<parent>.+?)\s+(?:Local|Council|Lodge|District Council)\s+\d+$")


def resolve_article(result: ArticleResult, doc) -> ArticleResult:
    index = NameIndex.from_doc(doc, result.article.links)
    ends = [_resolve_endorsement(e, index) for e in result.endorsements]
    polls = [_resolve_poll(p, index) for p in result.polls]
    return replace(result, endorsements=tuple(_merge(ends)), polls=tuple(polls))


def _resolve_candidate(name, index: NameIndex):
    if name is None:
        return None
    if re.match(r"(?i)^(prop|proposition|measure|question|amendment|initiative|issue)\b", name):
        return name
    if len(name.split()) <= 4 and name[:1].isupper():
        return index.person(name).name
    return name


def _resolve_endorsement(e: Endorsement, index: NameIndex) -> Endorsement:
    if e.endorser_type == "person":
        res = index.person(e.endorser)
        etype = "person"
    else:
        res = index.org(e.endorser)
        etype = res.entity_type or e.endorser_type
        if etype == "party" and e.endorser_type == "newspaper":
            etype = e.endorser_type
    aliases = tuple(sorted({n for n, _ in res.candidates if n != res.name} | (
        {e.endorser} if e.endorser != res.name else set())))
    parent = e.endorser_parent
    m = LOCAL_OF.match(res.name)
    if parent is None and m:
        parent = index.org(m.group("parent")).name
    elif parent is None and "/" in res.name:
        parent = index.org(res.name.split("/")[-1]).name
    return replace(e, endorser=res.name, endorser_type=etype, endorser_aliases=aliases,
                   candidate=_resolve_candidate(e.candidate, index), endorser_parent=parent)


def _resolve_poll(p: Poll, index: NameIndex) -> Poll:
    results = tuple(PollResult(_resolve_candidate(r.candidate, index), r.share) for r in p.results)
    return replace(p, results=results)


def _merge(items: list[Endorsement]) -> list[Endorsement]:
    best: dict[tuple, Endorsement] = {}
    for e in items:
        key = (e.endorser.lower(), (e.candidate or "").lower(), e.stance, e.stage)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    return sorted(best.values(), key=lambda e: e.evidence.start)
