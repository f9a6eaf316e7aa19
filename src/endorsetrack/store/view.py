"""A read-side view of the catalog: entity names, hierarchy, races, candidates' races.

Loaded once per query from the database (entities and races are few next to
facts). Turns what a user types ("IAFF", "Lamont", "Connecticut Senate") into
ids, and answers hierarchy questions (root of a local, all locals of a union).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Optional

from ..resolve import default_gazetteer
from ..resolve import acronym, looks_like_acronym, name_key, person_key
from ..resolve import RACE_PARTS, race_key, race_matches
from ..errors import AmbiguousRaceError, UnknownNameError, UnknownRaceError
from .connection import Database


@dataclass(frozen=True)
class Entity:
    id: int
    kind: str
    name: str
    type: Optional[str]
    parent_id: Optional[int]


class CatalogView:
    def __init__(self, db: Database):
        self.entities = {r["id"]: Entity(r["id"], r["kind"], r["name"], r["entity_type"], r["parent_id"])
                         for r in db.query("SELECT id, kind, name, entity_type, parent_id FROM entities")}
        self.gazetteer_ids = {r["gazetteer_id"]: r["id"] for r in
                              db.query("SELECT id, gazetteer_id FROM entities WHERE gazetteer_id IS NOT NULL")}
        self.names: dict[int, list[tuple[str, str]]] = {}
        for r in db.query("SELECT entity_id, name, name_key FROM entity_names"):
            self.names.setdefault(r["entity_id"], []).append((r["name"], r["name_key"]))
        self.race_records = {r["id"]: r for r in db.query(
            f"SELECT id, name, race_key, label, {', '.join(RACE_PARTS)} FROM races")}
        # (label, key) of every race: a race is shown by its label (its stored text before 0006)
        self.races = {rid: (r["label"] or r["name"], r["race_key"]) for rid, r in self.race_records.items()}
        links: dict[int, set[int]] = {}
        for r in db.query("SELECT candidate_id, race_id FROM candidate_races"):
            links.setdefault(r["candidate_id"], set()).add(r["race_id"])
        # A candidate known in exactly one race ties its race-less facts to that race.
        self.only_race = {c: next(iter(rs)) for c, rs in links.items() if len(rs) == 1}
        self.children: dict[int, list[int]] = {}
        for e in self.entities.values():
            if e.parent_id is not None:
                self.children.setdefault(e.parent_id, []).append(e.id)

    # --- names --------------------------------------------------------------
    def name(self, eid: Optional[int]) -> Optional[str]:
        return self.entities[eid].name if eid is not None else None

    def find(self, text: str, role: str = "name") -> set[int]:
        """Entities a user's name could mean: exact spelling, gazetteer, acronym, or all its words."""
        key, pkey = name_key(text), person_key(text)
        if not key:
            raise UnknownNameError(f"empty {role}")
        known = default_gazetteer().lookup(text)
        if known and known.id in self.gazetteer_ids:
            return {self.gazetteer_ids[known.id]}
        exact = {eid for eid, ns in self.names.items() if any(k in (key, pkey) for _, k in ns)}
        if exact:
            return exact
        words = set(key.split())
        found = {eid for eid, ns in self.names.items() if any(words <= set(k.split()) for _, k in ns)}
        if not found and looks_like_acronym(text):
            found = {eid for eid, ns in self.names.items()
                     if any(len(k.split()) >= 3 and acronym(k) == key.replace(" ", "") for _, k in ns)}
        if not found:
            all_names = sorted({n for ns in self.names.values() for n, _ in ns})
            close = difflib.get_close_matches(text, all_names, n=3, cutoff=0.6)
            hint = f"; close names: {', '.join(close)}" if close else ""
            raise UnknownNameError(f"no {role} named '{text}' in the database{hint}")
        return found

    # --- hierarchy ------------------------------------------------------------
    def parent(self, eid: int) -> Optional[int]:
        return self.entities[eid].parent_id

    def root(self, eid: int) -> int:
        """The top body of a local's chain (a national union); itself when it has no parent."""
        seen = {eid}
        parent = self.entities[eid].parent_id
        while parent is not None and parent not in seen:
            eid = parent
            seen.add(eid)
            parent = self.entities[eid].parent_id
        return eid

    def ancestors(self, eid: int) -> list[int]:
        out, cur = [], self.entities[eid].parent_id
        while cur is not None and cur not in out and cur != eid:
            out.append(cur)
            cur = self.entities[cur].parent_id
        return out

    def with_descendants(self, ids: set[int]) -> set[int]:
        out, todo = set(ids), list(ids)
        while todo:
            for c in self.children.get(todo.pop(), ()):
                if c not in out:
                    out.add(c)
                    todo.append(c)
        return out

    # --- races ----------------------------------------------------------------
    def find_races(self, text: str) -> set[int]:
        """Every race whose words hold all of the query's words ("#12" is the race with id 12)."""
        by_id = self._race_by_id(text)
        if by_id is not None:
            return {by_id}
        found = {rid for rid, (_, key) in self.races.items() if race_matches(text, key)}
        if not found:
            names = sorted(n for n, _ in self.races.values())
            close = difflib.get_close_matches(text, names, n=3, cutoff=0.3)
            hint = f"; known races include: {'; '.join(close or names[:3])}" if names else "; no races are stored yet"
            raise UnknownRaceError(f"no race matches '{text}'{hint}")
        return found

    def _race_by_id(self, text: str) -> Optional[int]:
        m = re.fullmatch(r"\s*#\s*(\d{1,19})\s*", text)
        if not m:
            return None
        if int(m.group(1)) not in self.races:
            raise UnknownRaceError(f"no race with id {m.group(1)} in the database (`endorsetrack races` lists them)")
        return int(m.group(1))

    def find_race(self, text: str) -> int:
        """The one race a query means: its #id, its exact label, the one race whose words hold the
        query's, or the one whose words are exactly the query's; AmbiguousRaceError naming the
        candidates when several fit."""
        found = self.find_races(text)
        if len(found) == 1:
            return next(iter(found))
        wanted = " ".join(text.split()).casefold()
        for exact in ([rid for rid in found if wanted in (self.races[rid][0].casefold(),
                                                          self.race_records[rid]["name"].casefold())],
                      [rid for rid in found if self.races[rid][1] == race_key(text)]):
            if len(exact) == 1:
                return exact[0]
        choices = sorted(found, key=lambda rid: (-(self.race_records[rid]["year"] or 0), self.races[rid][0]))
        raise AmbiguousRaceError(text, [(rid, self.races[rid][0]) for rid in choices])

    def race_of(self, race_id: Optional[int], candidate_id: Optional[int]) -> Optional[int]:
        """A fact's race: stated, else its candidate's only known race."""
        if race_id is not None:
            return race_id
        return self.only_race.get(candidate_id) if candidate_id is not None else None

    def race_name(self, race_id: Optional[int]) -> Optional[str]:
        return self.races[race_id][0] if race_id is not None else None

    def race_parts(self, race_id: Optional[int], prefix: str = "race_") -> dict:
        """The race's id and parts as columns ("race_year", "race_office", ...), None without a race."""
        rec = self.race_records.get(race_id) if race_id is not None else None
        return {f"{prefix}id": race_id, **{f"{prefix}{p}": rec[p] if rec else None for p in RACE_PARTS}}
