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

from ..mentions import build_profiles, description_at, known_roles
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
        found = _known_role_at(doc, tok.i, known) or _description_end(doc, tok.i, profiles)
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


def _description_end(doc, the: int, profiles) -> Optional[tuple[int, str]]:
    """(end token, person key) of "the Oregon senator": the shared resolver's one fitting person."""
    found = description_at(doc, the, profiles)
    return None if found is None or _name_follows(doc, found[0]) else (found[0], found[1].key)
