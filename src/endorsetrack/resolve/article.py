"""Resolve stage: names to their fullest in-article (or canonical) form, types, parents.

Runs after extraction, before the store: pure, one article at a time. Facts that
become identical once their names are resolved ("Quill" and "Maren Quill")
merge into one, keeping the most confident evidence.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Iterable

from ..types import ArticleResult, Endorsement, Poll, PollResult
from ..extract.endorsements import dedupe_endorsements
from ..extract.mentions import MEASURE_NAME
from ..extract.race import poll_race, race_index
from ..settings import DEFAULT, Settings
from ..normalize import expand_organization_abbreviations
from ..nlp.entity_types import looks_like_acronym, type_from_name
from .names import SURNAME_PARTICLES, NameIndex, family, known_organization, state_body_parent

__all__ = ["resolve_article"]

LOCAL_OF = re.compile(r"^(?P<parent>.+?)\s+(?:Local|Council|Lodge|District Council)\s+\d+$")


def resolve_article(result: ArticleResult, doc) -> ArticleResult:
    index = NameIndex.from_doc(doc, result.article.links,
                               extra_orgs=[e.endorser for e in result.endorsements if e.endorser_type != "person"],
                               extra_people=[n for e in result.endorsements
                                             for n in (e.candidate, e.endorser if e.endorser_type == "person" else None)
                                             if n and len(n.split()) >= 2 and not MEASURE_NAME.match(n)])
    ends = _without_lead_summaries([_resolve_endorsement(e, index) for e in _families(result.endorsements, index)])
    polls = [_resolve_poll(p, index) for p in result.polls]
    polls = [_poll_race(p, ends, result) for p in polls]
    return replace(result, endorsements=tuple(dedupe_endorsements(ends)), polls=tuple(polls))


def _families(ends: Iterable[Endorsement], index: NameIndex) -> list[Endorsement]:
    """'The Quills endorse X': one fact per member of the family the article names."""
    out = []
    for e in ends:
        members = family(e.endorser, index) if not e.endorser.isupper() else []  # NER may call "Okafors" an ORG
        out.extend([replace(e, endorser=m, endorser_type="person") for m in members] or [e])
    return out


def _without_lead_summaries(ends: list[Endorsement], settings: Settings = DEFAULT) -> list[Endorsement]:
    """A national's stance in a headline that a local of it takes in the body is the
    local's, summarised ("Teamsters line up behind Vance" over "Teamsters Local 986"); a
    lead sentence may report both ("Unifor urges members ...; Unifor Local 1871 endorsed")."""
    by_locals = {(e.endorser_parent, e.candidate, e.stance) for e in ends if e.endorser_parent}
    return [e for e in ends if not ((e.endorser, e.candidate, e.stance) in by_locals and _from_headline(e)
                                    and e.evidence.start < settings.summary_lead_chars)]


def _from_headline(e: Endorsement) -> bool:
    return not e.evidence.text.rstrip().endswith((".", "!", "?", '"', "”"))


def _resolve_candidate(name, index: NameIndex):
    if name is None:
        return None
    if MEASURE_NAME.match(name) or type_from_name(name, "") == "party":
        return name  # a measure or a party ("Liberal Democrats") is nobody's surname
    if len(name.split()) <= 4 and (name[:1].isupper() or name.split()[0] in SURNAME_PARTICLES):
        return index.person(name).name
    return name


def _resolve_endorsement(e: Endorsement, index: NameIndex) -> Endorsement:
    named_like_org = type_from_name(e.endorser, "person") != "person"  # "Riverside Gazette" tagged PERSON
    if e.endorser_type == "person" and not looks_like_acronym(e.endorser) and not named_like_org:
        res = index.person(e.endorser)
        etype = "person"
        if len(e.endorser.split()) == 1 and res.name == e.endorser:  # NER's PERSON "Chamber" for "the Chamber"
            body = index.org(e.endorser)
            if body.name != e.endorser and body.candidates:
                res, etype = body, body.entity_type or type_from_name(body.name, "organization")
    else:
        res = index.org(expand_organization_abbreviations(e.endorser))  # "Nurses Assn." -> "Nurses Association"
        # the gazetteer's type for a known name; else the resolved name's own words
        etype = res.entity_type or type_from_name(
            res.name, e.endorser_type if e.endorser_type != "person" else "organization")
    aliases = tuple(sorted({n for n, _ in res.candidates if n != res.name} | (
        {e.endorser} if e.endorser != res.name else set())))
    parent = e.endorser_parent
    m = LOCAL_OF.match(res.name)
    if parent is None and m:
        parent = _parent_name(m.group("parent"), res.name, index)
    elif parent is None and "/" in res.name:
        parent = index.org(res.name.split("/")[-1]).name
    elif parent is None:
        parent = state_body_parent(res.name)  # "AFT Ohio", "Ohio AFL-CIO" -> the national body
    return replace(e, endorser=res.name, endorser_type=etype, endorser_aliases=aliases,
                   candidate=_resolve_candidate(e.candidate, index), endorser_parent=parent)


def _resolve_poll(p: Poll, index: NameIndex) -> Poll:
    results = tuple(PollResult(_resolve_candidate(r.candidate, index), r.share) for r in p.results)
    return replace(p, results=results)


def _parent_name(text: str, child: str, index: NameIndex) -> str:
    """The body a local belongs to: the gazetteer's name for "IAFF" or "Teamsters", else
    the fullest form the article gives, never the local itself."""
    known = known_organization(text)
    if known:
        return known
    name = index.org(text).name
    return name if name != child else text


def _poll_race(p: Poll, ends: list[Endorsement], result: ArticleResult) -> Poll:
    """A poll is about the race its candidates' stances in the article are in; a poll none of
    whose candidates takes a stance is about the race its sentence or article names, found as a
    stance's is (extract.race)."""
    if p.race:
        return p
    names = {r.candidate for r in p.results}
    races = Counter(e.race for e in ends if e.candidate in names and e.race)
    if races:
        return replace(p, race=races.most_common(1)[0][0])
    a = result.article
    return replace(p, race=poll_race(race_index(a.text, a.published, a.url, a.title), p.evidence.text))
