"""Name keys for matching across articles: one normalisation for every lookup.

The key follows eval/score.py's normalisation (case, accents, punctuation, a
leading "the" and a trailing "union" dropped) so that what the scorer calls the
same name, the catalog files under the same key. Person keys also drop titles
("Sen.", "former Gov.", "Jr.") that the titles lexicon's person-key views list
(normalize/data/titles.jsonl, read through normalize/titles.py).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..normalize import view

DATA_DIR = Path(__file__).parent / "data"

# Words that do not count towards an organisation's acronym ("International
# Association of Fire Fighters" -> IAFF, not IAOFF).
ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "in", "on", "at", "a", "an", "to"})


def name_key(name: str | None) -> str:
    """The normalised form under which a name is stored and looked up ('' for no name)."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("&", " and ").replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = re.sub(r"(?<=\d)(?=[a-z]{3})|(?<=[a-z]{3})(?=\d)", " ", s)  # "1199seiu" = "1199/SEIU"
    s = re.sub(r"^the ", "", s)
    s = re.sub(r" union$", "", s)
    return s


def tokens(key: str) -> list[str]:
    return key.split()


@lru_cache(maxsize=65536)
def numbers(key: str) -> frozenset[str]:
    """Numbers in a key: a local's number tells it apart ("Local 43" is not "Local 24")."""
    return frozenset(t for t in key.split() if t.isdigit())


def acronym(name: str) -> str:
    """Initials of the significant words, lower case: 'Service Employees International Union' -> 'seiu'.

    The trailing word "union" counts here (SEIU), unlike in name_key.
    """
    s = unicodedata.normalize("NFKD", name).lower().replace("&", " and ")
    words = [w for w in re.split(r"[^a-z0-9]+", s) if w and w not in ACRONYM_SKIP]
    if words and words[0] == "the":
        words = words[1:]
    return "".join(w[0] for w in words if not w.isdigit())


def acronyms(name: str) -> set[str]:
    """Both common forms: without small words (IAFF) and with them (CFG for Club for Growth)."""
    words = [w for w in re.split(r"[^a-z0-9]+", unicodedata.normalize("NFKD", name).lower()) if w]
    if words and words[0] == "the":
        words = words[1:]
    full = "".join(w[0] for w in words if not w.isdigit())
    return {acronym(name), full} - {""}


def looks_like_acronym(name: str) -> bool:
    """'IAFF', 'SEIU', 'AFL-CIO': short, upper-case, no spaces."""
    bare = re.sub(r"[^A-Za-z0-9]", "", name)
    return 2 <= len(bare) <= 8 and " " not in name.strip() and bare.upper() == bare and any(c.isalpha() for c in bare)


def token_subset(a: str, b: str) -> bool:
    """score.py's rule: every token of the shorter key (>= 2 tokens) is in the longer, same numbers."""
    at, bt = a.split(), b.split()
    if numbers(a) != numbers(b):
        return False
    short, long_ = (at, bt) if len(at) <= len(bt) else (bt, at)
    return len(short) >= 2 and all(t in long_ for t in short)


@lru_cache(maxsize=1)
def _titles() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(prefix titles, suffixes) as name keys, longest first so 'lt gov' beats 'gov'."""
    prefixes = {name_key(w) for w in view("person_key_prefixes")}
    suffixes = {name_key(w) for w in view("person_key_suffixes")}
    return (tuple(sorted(prefixes, key=len, reverse=True)),
            tuple(sorted(suffixes, key=len, reverse=True)))


def person_key(name: str | None) -> str:
    """A person's key without titles: 'former Vermont Gov. Howard Dean' -> 'howard dean'."""
    key = name_key(name)
    prefixes, suffixes = _titles()
    places = _places()
    changed = True
    while changed and key:
        changed = False
        for p in places:  # a place only as part of a title: "Maryland Gov.", "Indiana State Treasurer"
            rest = key[len(p) + 1:] if key.startswith(p + " ") else ""
            if rest and any(rest.startswith(t + " ") for t in prefixes + ("state",)):
                key, changed = rest, True
                break
        if key.startswith("state ") and any(key[6:].startswith(t + " ") for t in prefixes):
            key, changed = key[6:], True
        for t in prefixes:
            if key.startswith(t + " ") and len(key.split()) > len(t.split()) + 1:
                key, changed = key[len(t) + 1:], True
                break
        for t in suffixes:
            if key.endswith(" " + t):
                key, changed = key[: -len(t) - 1], True
                break
    return key


@lru_cache(maxsize=1)
def _places() -> tuple[str, ...]:
    from .gazetteer import default_gazetteer  # late: the gazetteer imports this module
    return tuple(sorted(default_gazetteer().places, key=len, reverse=True))


# "Prop. 27" = "Proposition 27": a measure's number is its name.
MEASURE_WORDS = {"prop": "proposition", "props": "propositions", "q": "question", "amdt": "amendment"}


def key_for(name: str | None, kind: str) -> str:
    """The key for an entity of this kind ('person' keys drop titles, 'measure' keys spell out Prop.)."""
    if kind == "person":
        return person_key(name)
    key = name_key(name)
    if kind == "measure":
        key = " ".join(MEASURE_WORDS.get(t, t) for t in key.split())
    return key


MEASURE_RE = re.compile(r"\b(prop(osition|osal)?|measure|question|amendment|initiative|referendum|issue)\s*\w*\d", re.I)


def entity_kind(entity_type: str | None, name: str | None = None) -> str:
    """Which namespace a name lives in: 'person', 'measure' or 'organization'."""
    if entity_type == "person":
        return "person"
    if entity_type == "measure" or (entity_type is None and name and MEASURE_RE.search(name)):
        return "measure"
    if entity_type is None and name and name_key(name).endswith(" party"):
        return "organization"  # a party as the object of an endorsement ("backs the Liberal Party")
    return "organization" if entity_type else "person"
