"""In-article name resolution: every name becomes the fullest form the article gives.

"Lamont" -> "Ned Lamont" (a longer person name in the article ending in the same
surname); "IAFF" -> "International Association of Firefighters" (an expansion whose
initials spell the acronym, or a link to iaff.org on the expanded name); "the
Machinists" -> the gazetteer's canonical name when the article gives no longer one (the
one organisation lexicon, through resolve/gazetteer.py, as the store reads it; names are
compared by keys.name_key, the one normalisation key).
Each choice keeps its candidates and scores (``NameChoice``), not a silent pick; the
cross-article ``Resolution`` (entities.py) is a different decision, against stored entities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterable, Optional

from spacy.tokens import Span

from ..extract.mentions import is_headline
from ..nlp.build import doc_text
from ..nlp.vocabulary import words
from ..normalize import view
from ..ruledata import LazyPattern, alternation
from ..types import Link
from .gazetteer import default_gazetteer
from .keys import name_key

POSSESSIVE = re.compile(r"['’]s?$")
SURNAME_PARTICLES = words("surname_particles")
STOPWORDS = {"of", "and", "the", "for", "&", "in", "on", "at", "to", "de"}
# A numbered body after a name: "AFSCME Council 61", "Teamsters Local 986".
NUMBERED_BODY = re.compile(r"\b(?:Local|Council|Lodge)\s+\d+")


def _title_words() -> re.Pattern:
    """One or more titles (and the words that stand with them) at the front of a person's name."""
    words = alternation(view("before_article_person_names")).replace("\\ ", r"\s+")
    return re.compile(rf"^(?:(?:{words})\s+)+")


# Case-sensitive, as the view writes them: "Mayor Jane Roe", "candidate Jane Roe".
TITLE_WORDS = LazyPattern(_title_words)


@dataclass(frozen=True)
class NameChoice:
    """The fullest form one article gives a name, with every scored candidate."""

    name: str
    candidates: tuple[tuple[str, float], ...]  # (name, score), best first
    gazetteer_id: Optional[str] = None
    entity_type: Optional[str] = None


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-/]+", name) if w and w.lower() not in STOPWORDS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def strip_title(name: str) -> str:
    stripped = TITLE_WORDS.sub("", name).strip()
    return stripped if stripped and stripped[0].isupper() else name


class NameIndex:
    """Names seen in one article: people (by surname) and organisations (by acronym)."""

    def __init__(self, people: Iterable[str], orgs: Iterable[str], links: Iterable[tuple[str, str]] = ()):
        # Longest first; names of one length keep the order the article gives them (dict.fromkeys,
        # not a set: a set's order changes with the process's hash seed, and so did the choice
        # between two people of one surname and one length).
        self.people = sorted(dict.fromkeys(strip_title(" ".join(POSSESSIVE.sub("", p).split()))  # "Ana Ruiz's": "Ana Ruiz"
                                           for p in people  # not NER's "Blaine 48-41"
                                           if p.strip() and not any(ch.isdigit() for ch in p)), key=len, reverse=True)
        self.orgs = sorted(dict.fromkeys(" ".join(o.split()) for o in orgs if o.strip()), key=len, reverse=True)
        self.link_names = list(links)  # (anchor text, href)

    # Lookups built once per article, on first use, so that resolving each of an article's
    # names costs the names that match it, not a pass over every name (the passes made a
    # long article's resolution grow with the square of its length). Lists keep the order
    # of self.people / self.orgs, which the choices' tie-breaking follows.
    @cached_property
    def _people_by_surname(self) -> dict[str, list[str]]:
        return _grouped(self.people, lambda p: p.split()[-1])

    @cached_property
    def _people_by_first_name(self) -> dict[str, list[str]]:
        return _grouped([p for p in self.people if len(p.split()) > 1], lambda p: p.split()[0])

    @cached_property
    def _org_keys(self) -> dict[str, str]:
        return {o: name_key(o) for o in self.orgs}

    @cached_property
    def _orgs_by_initials(self) -> dict[str, list[str]]:
        return _grouped(self.orgs, initials)

    @cached_property
    def _orgs_by_key_word(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for o, key in self._org_keys.items():
            for word in key.split():
                index.setdefault(word, set()).add(o)
        return index

    @cached_property
    def _orgs_by_key_tail(self) -> dict[str, set[str]]:
        """Each key's tails of one word or more after its first word ("b c" and "c" of "a b c"), and
        the tails of its head before an "of" ("chamber" of "calder chamber of commerce": "the Chamber")."""
        index: dict[str, set[str]] = {}
        for o, key in self._org_keys.items():
            parts = key.split()
            for i in range(1, len(parts)):
                index.setdefault(" ".join(parts[i:]), set()).add(o)
            head_end = parts.index("of") if "of" in parts[2:] else 0
            for i in range(1, head_end):
                index.setdefault(" ".join(parts[i:head_end]), set()).add(o)
        return index

    @cached_property
    def _local_bodies(self) -> list[str]:
        """Orgs that can name a numbered body ("AFSCME Council 61"): the only ones the acronym rule searches."""
        return [o for o in self.orgs if NUMBERED_BODY.search(o)]

    @cached_property
    def _orgs_by_known(self) -> dict[str, list[str]]:
        """Orgs grouped by the gazetteer entry they name (its id)."""
        groups: dict[str, list[str]] = {}
        for o in self.orgs:
            known = default_gazetteer().by_key(self._org_keys[o])
            if known is not None:
                groups.setdefault(known.id, []).append(o)
        return groups

    @classmethod
    def from_doc(cls, doc, links: Iterable[Link] = (), extra_orgs: Iterable[str] = (),
                 extra_people: Iterable[str] = ()) -> "NameIndex":
        """``extra_orgs``/``extra_people``: names the extractor found that NER missed or
        mislabelled ("Nadia Ferreira" tagged ORG is still the "Ferreira" of "Vote for Ferreira")."""
        text = doc_text(doc)
        body = [t.text for sent in doc.sents if not is_headline(sent) for t in sent[1:]]
        body_words = ({w for w in body if w[:1].isupper()}, {w for w in body if w.islower()})
        people = [e.text for e in doc.ents if e.label_ == "PERSON" and not _headline_capitals(e, *body_words)]
        people += list(extra_people)
        orgs = [re.sub(r"^(?:the|The)\s+", "", e.text).rstrip("'’ ") for e in doc.ents if e.label_ == "ORG"]
        anchors = [(text[link.start:link.end], link.href) for link in links]
        orgs += [a for a, _ in anchors if a and a[0].isupper()]
        orgs += [o for o in extra_orgs if o and o[0].isupper()]
        # "Full Name (ACRONYM)" pairs anywhere in the text
        for m in re.finditer(r"((?:[A-Z][\w'’.-]*\s+)(?:(?:of|and|for|the|&)\s+|[A-Z][\w'’.-]*,?\s+){1,10})"
                             r"\(([A-Z][A-Z0-9&-]{1,9})\)", text):
            orgs.append(re.sub(r"^(?:The|the)\s+", "", m.group(1).strip().rstrip(",")))
        return cls(people, orgs, anchors)

    def person(self, name: str) -> NameChoice:
        base = strip_title(name)
        surname = base.split()[-1]
        cands = [(p, 1.0 if p == base else 0.9) for p in self._people_by_surname.get(surname, ())
                 if len(p) >= len(base) and _compatible(base, p)]
        if len(base.split()) == 1 and all(c[0] == base for c in cands):
            cands = []  # NER's lone "Lucia" is no surname when "Lucia Carvalho" is in the article
        if not cands and len(base.split()) == 1:
            # a first name alone ("Joe") is the one person of that first name, if unique
            firsts = self._people_by_first_name.get(base, [])
            if len({f.split()[-1] for f in firsts}) == 1:
                cands = [(firsts[0], 0.7)]
        if not cands:
            return NameChoice(base, ((base, 1.0),), entity_type="person")
        best = cands[0][0]
        return NameChoice(best, tuple(cands), entity_type="person")

    def org(self, name: str) -> NameChoice:
        clean = re.sub(r"^(?:the|The|a|an)\s+", "", name).strip()
        cands: list[tuple[str, float]] = []
        compact = re.sub(r"[^A-Za-z0-9]", "", clean)
        if clean.isupper() and 2 <= len(compact) <= 8 and not re.search(r"\d", clean):
            for o in self._orgs_by_initials.get(compact.upper(), ()):
                if o != clean:
                    cands.append((o, 0.95))
            for anchor, href in self.link_names:
                host = re.sub(r"^(?:https?://)?(?:www\.)?", "", href.lower()).split("/")[0]
                if host.split(".")[0] == compact.lower() and anchor != clean:
                    cands.append((anchor, 0.9))
        known = default_gazetteer().lookup(clean)
        if not cands and clean[:1].islower():
            # "the aerospace workers", "the teachers union": a description whose words all
            # stand in one organisation the article names ("...Machinists and Aerospace Workers")
            words = set(name_key(clean).split()) - {"union"}
            hits = set.intersection(*(self._orgs_by_key_word.get(w, set()) for w in words)) \
                if words else set()  # a new set: the index is not popped
            if len(hits) == 1:
                cands.append((hits.pop(), 0.7))
        if not cands and clean[:1].isupper() and len(clean.split()) <= 2 and not compact.isupper():
            # "the Courier" after "the Marlow Valley Courier": the one longer name ending in it
            tail = name_key(clean)
            ends = set(self._orgs_by_key_tail.get(tail, ()))  # the keys that end in " " + tail (a copy: popped below)
            if len(ends) == 1:
                cands.append((ends.pop(), 0.7))
        short = re.sub(r"\s+union$", "", clean)  # "the AFSCME union" names the same body as "AFSCME"
        if not cands and re.sub(r"[^A-Za-z0-9]", "", short).isupper() and not re.search(r"\d", short):
            # "AFSCME" in an article that names only "AFSCME Council 61": its own body
            own_body = re.compile(rf"\b{re.escape(short)}\b.*{NUMBERED_BODY.pattern}")
            bodies = {o for o in self._local_bodies if own_body.search(o)}
            if len(bodies) == 1:
                cands.append((bodies.pop(), 0.75))
        if not cands and known is not None:
            longer = [o for o in self._orgs_by_known.get(known.id, ()) if len(o) > len(clean)
                      and self._org_keys[o] != name_key(clean)]  # "AFL-CIO's" is the same name, not a longer one
            cands += [(o, 0.85) for o in longer]
            if not longer and known.name != clean and not re.search(r"\d|/", clean):
                cands.append((known.name, 0.8))
        cands.sort(key=lambda c: (-c[1], -len(c[0])))
        best = cands[0][0] if cands else clean
        gaz = default_gazetteer().lookup(best) or known
        parent_name = state_body_parent(best)
        if gaz is None and parent_name:
            gaz = default_gazetteer().lookup(parent_name)  # a state body has its national's type
        return NameChoice(best, tuple(cands) or ((clean, 1.0),),
                          gazetteer_id=gaz.id if gaz else None,
                          entity_type=gaz.type if gaz else None)


def _grouped(names: Iterable[str], key: Callable[[str], str]) -> dict[str, list[str]]:
    """Names by ``key``, each list in the order given."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(key(name), []).append(name)
    return groups


def known_organization(name: str) -> Optional[str]:
    """The gazetteer's canonical name for a name or alias it lists, else None."""
    known = default_gazetteer().lookup(name)
    return known.name if known else None


def state_body_parent(name: str) -> Optional[str]:
    """'AFT Ohio' or 'the Ohio AFL-CIO' is a state body of a known national: its name."""
    from ..nlp.places import us_states

    words = name.split()
    for state, _ in us_states():
        n = len(state.split())
        for rest in (" ".join(words[n:]) if " ".join(words[:n]) == state else None,
                     " ".join(words[:-n]) if " ".join(words[-n:]) == state else None):
            if rest:
                known = default_gazetteer().lookup(rest)
                if known is not None:
                    return known.name
    return None


# Endings of a headline verb's other forms in the body ("Papers Abandon X" / "papers abandoned X").
VERB_ENDINGS = ("s", "es", "d", "ed", "ing")


def _headline_capitals(ent: Span, capitalised: set[str], lower_case: set[str]) -> bool:
    """A PERSON in a Title Case line whose first word the article's body writes in lower
    case (that form or another of the verb's) and never capitalises inside a sentence ("Senator to Endorse Whitcomb", "Papers
    Abandon Whitcomb"): the verb's capital, not a first name."""
    first = ent[0].text
    low = first.lower()
    verb = low in lower_case or any(low + ending in lower_case for ending in VERB_ENDINGS)  # "abandoned"
    return len(ent) > 1 and verb and first not in capitalised and is_headline(ent.sent)


def _compatible(short: str, long: str) -> bool:
    """'Quill' fits 'Maren Quill'; 'Tom Voss' does not fit 'Ada M. Voss'."""
    s, whole = short.split(), long.split()
    if s[0] in SURNAME_PARTICLES:  # "de Varga" fits "Lena de Varga": a surname with its particle
        return whole[-len(s):] == s and len(whole) > len(s)
    return len(s) == 1 or s[0] == whole[0]


def family(name: str, index: "NameIndex") -> list[str]:
    """'the Quills', 'Ambroses': every person of that surname the article names in full
    (two or more), else nobody."""
    word = name.split()[-1] if len(name.split()) == 1 else ""
    stems = {word[:-2], word[:-1]} if word.endswith("es") else {word[:-1]} if word.endswith("s") else set()
    for stem in stems - {""}:
        members = sorted({p for p in index.people if len(p.split()) > 1 and p.split()[-1] == stem})
        if len(members) >= 2 and not any(len(p.split()) > 1 and p.split()[-1] == word for p in index.people):
            return members
    return []
