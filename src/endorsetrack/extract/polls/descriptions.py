"""A candidate named by the role the article gave them ("the transport minister", "the
former mayor"): poll stories often give a figure to a description instead of a name.

The roles come from the article itself: the lowercase-able words right before a person's
name ("Transport Minister Jane Roe", "former Mayor Ann Fry") or in an appositive after it
("Jane Roe, the transport minister,"). "the" + such a role, when it fits one person only and
no name follows it, is a mention of that person.
"""
from __future__ import annotations

from .people import CandidateMention, PersonIndex


# Words of a role before a name or in an appositive ("former Secretary of State": 4).
ROLE_MAX_TOKENS = 4
_ROLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
# Roles that name no one in particular however the article uses them.
_VAGUE_ROLES = frozenset({("former",), ("state",), ("party",), ("leader",), ("candidate",), ("rival",)})


def _role_before(doc, first: int) -> list[tuple[str, ...]]:
    """Role phrases written right before a name's first token: the whole run and the run
    without its leading modifiers ("former transport minister" and "transport minister")."""
    run: list = []
    i = first - 1
    while i >= 0 and len(run) < ROLE_MAX_TOKENS and doc[i].is_alpha and (
            doc[i].pos_ in _ROLE_POS or (doc[i].lower_ == "of" and run)) and doc[i].ent_type_ not in ("PERSON",
                                                                                                       "GPE", "NORP"):
        run.insert(0, doc[i])
        i -= 1
    while run and run[0].lower_ == "of":
        run.pop(0)
    if not run or run[-1].pos_ not in ("NOUN", "PROPN"):
        return []
    words = tuple(t.lower_ for t in run)
    return [words[k:] for k in range(len(words)) if words[k] != "of" and (k == 0 or run[k - 1].pos_ == "ADJ")]


def _role_after(doc, last: int) -> list[tuple[str, ...]]:
    """"Jane Roe, the transport minister,": the appositive's words."""
    if last + 2 >= len(doc) or doc[last + 1].text != "," or doc[last + 2].lower_ != "the":
        return []
    run: list = []
    j = last + 3
    while j < len(doc) and len(run) < ROLE_MAX_TOKENS and doc[j].is_alpha and doc[j].is_lower \
            and (doc[j].pos_ in _ROLE_POS or doc[j].lower_ == "of"):
        run.append(doc[j])
        j += 1
    if not run or j >= len(doc) or not doc[j].is_punct or run[-1].pos_ != "NOUN":
        return []
    return [tuple(t.lower_ for t in run)]


def add_description_mentions(doc, index: PersonIndex) -> None:
    """Add "the <role>" mentions of the article's people to the index (see module docstring)."""
    roles: dict[tuple[str, ...], set[str]] = {}
    fullest: dict[str, str] = {}
    for m in index.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if len(m.text.split()) > len(fullest.get(m.key, "").split()):
            fullest[m.key] = m.text
        for role in _role_before(doc, span.start) + _role_after(doc, m.token_i):
            roles.setdefault(role, set()).add(m.key)
    known = {r: next(iter(k)) for r, k in roles.items() if len(k) == 1 and r not in _VAGUE_ROLES}
    if not known:
        return
    taken = [(m.start, m.end) for m in index.mentions]
    added = []
    for tok in doc:
        if tok.lower_ != "the":
            continue
        for role, key in known.items():
            n = len(role)
            end = tok.i + 1 + n
            if end > len(doc) or tuple(t.lower_ for t in doc[tok.i + 1:end]) != role:
                continue
            if end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].is_title and doc[end].is_alpha):
                continue  # "the transport minister Jane Roe": the name itself follows
            start_char, end_char = doc[tok.i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text)
            if any(a < end_char and start_char < b for a, b in taken):
                continue
            added.append(CandidateMention(start_char, end_char, fullest[key], key, end - 1))
            taken.append((start_char, end_char))
            break
    if added:
        index.mentions = sorted(index.mentions + added, key=lambda m: m.start)
        for m in added:
            index.counts[m.key] = index.counts.get(m.key, 0) + 1



