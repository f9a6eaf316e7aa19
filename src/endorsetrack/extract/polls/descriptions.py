"""A candidate named by the role the article gave them ("the transport minister", "the
former mayor"): poll stories often give a figure to a description instead of a name.

Who a description means is decided by the shared description resolver
(extract/mentions, ``resolve_description``): the roles come from the article itself (the
words right before a person's name, "Transport Minister Jane Roe", or in an appositive after
it, "Jane Roe, the transport minister,"). "the" + such a role, when it fits one person only
and no name follows it, is a mention of that person.
"""
from __future__ import annotations

from typing import Optional

from ..mentions import Profile, build_profiles, describe, known_roles, resolve_description
from ..mentions.descriptions import PERSON_REFERENCE_NOUNS, ROLE_MAX_TOKENS, ROLE_POS
from .people import CandidateMention, PersonIndex


def add_description_mentions(doc, index: PersonIndex) -> None:
    """Add "the <role>" mentions of the article's people to the index (see module docstring)."""
    people = []
    for m in index.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            people.append((m.key, m.text, span.start, m.token_i))
    profiles = build_profiles(doc, people)
    # the longest role first: "the former transport minister" before "the former"
    known = {role: p.key for role, p in sorted(known_roles(profiles).items(), key=lambda kv: -len(kv[0]))}
    fullest = {p.key: p.name for p in profiles}
    taken = [(m.start, m.end) for m in index.mentions]
    added = []
    for tok in doc:
        if tok.lower_ != "the":
            continue
        found = _known_role_at(doc, tok.i, known) or _described_at(doc, tok.i, profiles)
        if found is None:
            continue
        end, key = found
        start_char, end_char = doc[tok.i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text)
        if any(a < end_char and start_char < b for a, b in taken):
            continue
        added.append(CandidateMention(start_char, end_char, fullest[key], key, end - 1))
        taken.append((start_char, end_char))
    if added:
        index.mentions = sorted(index.mentions + added, key=lambda m: m.start)
        for m in added:
            index.counts[m.key] = index.counts.get(m.key, 0) + 1


def _name_follows(doc, end: int) -> bool:
    """"the transport minister Jane Roe": the name itself follows the role."""
    return end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].is_title and doc[end].is_alpha)


def _known_role_at(doc, the: int, known: dict[tuple[str, ...], str]) -> Optional[tuple[int, str]]:
    """(end token, person key) of a role phrase the article gives one person, right after "the"."""
    for role, key in known.items():
        end = the + 1 + len(role)
        if end <= len(doc) and tuple(t.lower_ for t in doc[the + 1:end]) == role and not _name_follows(doc, end):
            return end, key
    return None


def _described_at(doc, the: int, profiles: list[Profile]) -> Optional[tuple[int, str]]:
    """(end token, person key) of "the Democratic senator", "the former mayor": a description whose
    office noun ends it and whose attributes fit one person only."""
    end = the + 1
    while end < len(doc) and end - the <= ROLE_MAX_TOKENS and doc[end].is_alpha and doc[end].pos_ in ROLE_POS:
        end += 1
    while end > the + 1 and doc[end - 1].lower_ not in PERSON_REFERENCE_NOUNS:
        end -= 1
    if end == the + 1 or _name_follows(doc, end):
        return None
    found = describe(list(doc[the:end]))
    person = resolve_description(found, profiles) if found is not None else None
    return (end, person.key) if person is not None else None
