"""Well-known organisations and places, looked up by name key across articles.

The organisations are the one lexicon nlp/patterns/organizations.jsonl, read through
nlp/organizations.py as extraction reads it: "IAFF", "International Association of
Firefighters" and "International Association of Fire Fighters" are one union, with one
canonical name in extract output and in the store. Places (nlp/patterns/places.jsonl)
tell a state body ("Ohio AFL-CIO") from another spelling of its national body.
Unknown organisations still resolve by the scored rules in entities.py.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..nlp.organizations import ORGANIZATIONS_FILE, KnownOrg, known_organizations, read_organizations
from ..nlp.places import PLACES_FILE, place_rules
from .keys import name_key

__all__ = ["Gazetteer", "KnownOrg", "default_gazetteer", "load_gazetteer", "PLACES_FILE"]



class Gazetteer:
    """Lookup of known organisations by any of their names' keys."""

    def __init__(self, orgs: tuple[KnownOrg, ...], places: tuple[str, ...]):
        self.orgs = {o.id: o for o in orgs}
        self._by_key: dict[str, str] = {}
        for o in orgs:
            for n in o.names:
                self._by_key.setdefault(name_key(n), o.id)
        self._acronyms = {name_key(a).replace(" ", ""): o.id for o in orgs for a in o.acronyms}
        self.places = frozenset(places)

    def lookup(self, name: Optional[str]) -> Optional[KnownOrg]:
        """The known organisation with this exact name (any spelling), or None."""
        return self.by_key(name_key(name))

    def by_key(self, key: str) -> Optional[KnownOrg]:
        oid = self._by_key.get(key)
        return self.orgs[oid] if oid else None

    def acronym_in(self, key: str) -> Optional[KnownOrg]:
        """A known acronym standing as a word of the key, or glued to a number ('1199seiu')."""
        for tok in key.split():
            bare = tok.strip("0123456789")
            if bare and bare in self._acronyms and len(bare) >= 3:
                return self.orgs[self._acronyms[bare]]
        return None

    def is_place(self, key: str) -> bool:
        return key in self.places


def _places(place_path: Path) -> tuple[str, ...]:
    places = []
    for rule in place_rules(place_path):
        places.append(name_key(rule["name"]))
        places.extend(name_key(a) for a in rule.get("abbr", []) if len(a.rstrip(".")) > 2)
    return tuple(places)


def load_gazetteer(org_path: Path = ORGANIZATIONS_FILE, place_path: Path = PLACES_FILE) -> Gazetteer:
    """Read and check an organisation lexicon and a place file (RuleFileError on a bad line)."""
    orgs = known_organizations() if org_path == ORGANIZATIONS_FILE else read_organizations(org_path)
    return Gazetteer(orgs, _places(place_path))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return load_gazetteer()

