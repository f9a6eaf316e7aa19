"""Reference phrases in a parsed sentence: "the union", "its largest locals", "a Teamsters
local", "the aerospace workers", "the governor", pronouns.

Found after names (extract/mentions.py) so they never overlap one; what each points to
is decided later (extract/references.py). Pure: reads the parse, calls ``add``.
"""
from __future__ import annotations

from ...nlp.vocabulary import words

# Nouns that, after "the"/"its"/"a", refer back to an organisation named earlier.
ORG_REFERENCE_NOUNS = words("org_reference_nouns")
NEWSPAPER_REFERENCE_NOUNS = words("newspaper_reference_nouns")
PERSON_REFERENCE_NOUNS = words("person_reference_nouns")
PERSON_PRONOUNS = words("person_pronouns")
ORG_PRONOUNS = words("org_pronouns")
GROUP_NOUNS = words("group_nouns")


def _definite(tok) -> int:
    """Start of 'the [Liberal|Republican|...] leader': a definite description, or 0."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].dep_ in ("amod", "compound") and i > tok.i - 3:
        i -= 1
    return i if i >= tok.sent.start and tok.doc[i].lower_ in ("the", "this") else 0


def _non_anaphoric(tok) -> bool:
    """'other labor organizations', 'many unions': plural or quantified, no single antecedent."""
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "predet", "nummod")}
    if dets & {"other", "another", "many", "some", "several", "most", "all", "few", "every", "two", "three"}:
        return "another" not in dets or not any(c.dep_ == "appos" for c in tok.children)
    return tok.tag_ == "NNS" and not dets & {"its", "their", "the"}


def _bare_local(tok) -> bool:
    """'the local has endorsed Thibodeau': the tagger reads a bare 'local' as an adjective."""
    return tok.lower_ in ("local", "locals") and tok.i > 0 and (
        tok.doc[tok.i - 1].lower_ in ("the", "this", "that")
        or any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)) \
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss")  # "the largest union local"


PLURAL_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}


def plural_count(tok) -> int:
    """'both unions' -> 2, 'the two unions' -> 2, 'the three groups' -> 3; 0 when the plural
    does not count a set named before ('many unions', 'two unions' without 'the')."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in ORG_REFERENCE_NOUNS:
        return 0
    mods = {c.lower_: c.dep_ for c in tok.children if c.dep_ in ("det", "predet", "nummod", "amod", "preconj")}
    if "both" in mods:
        return 2
    if "the" in mods or "these" in mods or "those" in mods:
        return next((PLURAL_COUNTS[w] for w, dep in mods.items() if dep == "nummod" and w in PLURAL_COUNTS), 0)
    return 0


def find_references(sent, taken: set[int], add) -> None:
    """'the union', 'its largest locals', 'a Teamsters local', 'the aerospace workers', pronouns;
    'both unions', 'the two groups' (a set named before, label 'plural:N:noun')."""
    doc = sent.doc
    for tok in sent:
        if tok.i in taken:
            continue
        count = plural_count(tok)
        if count and tok.dep_ in ("nsubj", "nsubjpass", "poss", "pobj"):
            start = min([c.i for c in tok.children if c.dep_ in ("det", "predet", "nummod", "amod")] + [tok.i])
            if not any(k in taken for k in range(start, tok.i + 1)):
                add(start, tok.i + 1, "ref", f"plural:{count}:{tok.lemma_.lower()}")
                continue
        if tok.lower_ in GROUP_NOUNS and tok.dep_ in ("nsubj", "nsubjpass", "pobj", "conj", "poss") and tok.i > sent.start:
            start = tok.i
            while start > sent.start and doc[start - 1].dep_ in ("amod", "compound") and doc[start - 1].is_lower:
                start -= 1
            if doc[start - 1].lower_ == "the" and start - 1 >= sent.start:
                add(start, tok.i + 1, "desc", "group")
                continue
        low = tok.lower_
        if tok.pos_ == "PRON" and low in PERSON_PRONOUNS | ORG_PRONOUNS:
            add(tok.i, tok.i + 1, "ref", low)
        elif tok.pos_ == "NOUN" and tok.lower_ in PERSON_REFERENCE_NOUNS and tok.i > sent.start \
                and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and _definite(tok):
            add(_definite(tok), tok.i + 1, "ref", "person:" + tok.lower_)
        elif (tok.pos_ in ("NOUN", "PROPN") or _bare_local(tok)) and tok.lemma_.lower() in ORG_REFERENCE_NOUNS \
                and tok.tag_ != "NNPS" and tok.dep_ != "compound" and not _non_anaphoric(tok):
            start = tok.i
            while start > sent.start and doc[start - 1].dep_ in ("det", "amod", "compound", "nummod", "nmod") \
                    and doc[start - 1].i not in taken:
                start -= 1
            if doc[start].lower_ in ("a", "an") and any(doc[k].text[:1].isupper() for k in range(start + 1, tok.i)):
                kind = "desc"  # "a Teamsters local": an unnamed member organisation
            else:
                kind = "ref"
            add(start, tok.i + 1, kind, tok.lemma_.lower())
