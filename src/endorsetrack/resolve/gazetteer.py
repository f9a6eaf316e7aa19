"""Well-known organisations and places as data: canonical names, short names, acronyms.

General knowledge, not tied to any article: "IAFF", "International Association of
Firefighters" and "International Association of Fire Fighters" are one union.
Unknown organisations still resolve by the scored rules in entities.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..errors import RuleFileError
from ..nlp.rules import load_rules
from .keys import DATA_DIR, name_key


@dataclass(frozen=True)
class KnownOrg:
    id: str
    version: int
    name: str
    type: str
    names: tuple[str, ...]  # every spelling: canonical, acronyms, aliases
    acronyms: tuple[str, ...]


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

    def lookup(self, name: str) -> Optional[KnownOrg]:
        """The known organisation with this exact name (any spelling), or None."""
        oid = self._by_key.get(name_key(name))
        return self.orgs[oid] if oid else None

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


def load_gazetteer(org_path: Path, place_path: Path) -> Gazetteer:
    """Read and check the organisation and place files (RuleFileError on a bad line)."""
    orgs = []
    for rule in load_rules(org_path, required=("name", "type"), allowed=("aliases", "acronyms")):
        for key in ("aliases", "acronyms"):
            if not isinstance(rule.get(key, []), list):
                raise RuleFileError(f"organisation '{rule['id']}': '{key}' must be a list", path=str(org_path))
        names = (rule["name"], *rule.get("acronyms", []), *rule.get("aliases", []))
        orgs.append(KnownOrg(rule["id"], rule["version"], rule["name"], rule["type"],
                             tuple(names), tuple(rule.get("acronyms", []))))
    places = []
    for rule in load_rules(place_path, required=("name",), allowed=("abbr",)):
        places.append(name_key(rule["name"]))
        places.extend(name_key(a) for a in rule.get("abbr", []) if len(a.rstrip(".")) > 2)
    return Gazetteer(tuple(orgs), tuple(places))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer (catalog/data), loaded once per process."""
    return load_gazetteer(DATA_DIR / "organizations.jsonl", DATA_DIR / "places.jsonl")


@lru_cache(maxsize=1)
def us_states(path: Path = DATA_DIR / "places.jsonl") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name, written abbreviations) of every U.S. state in places.jsonl. Only the AP-style
    abbreviations with a full stop ("Calif.", "W.Va.") count: a two-letter postal code
    ("IN", "OR", "ME") is too often an ordinary word."""
    out = []
    for rule in load_rules(path, required=("name",), allowed=("abbr",)):
        if rule["id"].startswith("us-") and rule["id"] != "us-pr":
            out.append((rule["name"], tuple(a for a in rule.get("abbr", []) if "." in a)))
    return tuple(out)
