"""Canonical entities across articles: their names with scores, candidates, parents.

The entity index (``resolve.EntityIndex``, pure) scores a mention against every stored
name; this module loads
the stored names into its index, writes what it decides (a new entity, a new
spelling of an old one, the scored candidates, a parent link) and keeps the
index in step. After a rolled-back article the index is reloaded from the
database, so it never points at rows that were not written. A person's corrections
(store/entity_corrections.py) come first: a mention whose name a merge or a retype
moved to another entity goes to that entity, unless the index finds the name itself.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable, Optional

from ..resolve import SCORE_ARTICLE_ALIAS, EntityIndex, useful_aliases
from ..resolve import Gazetteer, default_gazetteer
from ..resolve import infer_parent
from ..resolve import key_for
from ..settings import DEFAULT, Settings
from .connection import Database
from .entity_corrections import entity_by_ref, redirect_map


# A local's chain is short (local -> council or state body -> national); deeper is a loop or noise.
MAX_PARENT_DEPTH = 3


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class EntityStore:
    def __init__(self, db: Database, settings: Settings = DEFAULT, gazetteer: Optional[Gazetteer] = None):
        self.db = db
        self.gazetteer = gazetteer or default_gazetteer()
        self.settings = settings
        self.index: Optional[EntityIndex] = None
        self._parents: dict[int, Optional[int]] = {}
        self._memo: dict[tuple[str, str], int] = {}
        self._redirects: dict[tuple[str, str], str] = {}

    def reset(self) -> None:
        """Forget the in-memory view (after a rollback); it reloads on next use."""
        self.index = None
        self._parents.clear()
        self._memo.clear()

    def _load(self) -> EntityIndex:
        if self.index is None:
            idx = EntityIndex(self.gazetteer, self.settings.entity_match_threshold)
            for r in self.db.query("SELECT id, kind, gazetteer_id, parent_id FROM entities"):
                idx.add_entity(r["id"], r["kind"], r["gazetteer_id"])
                self._parents[r["id"]] = r["parent_id"]
            for r in self.db.query("SELECT entity_id, name, name_key FROM entity_names"):
                idx.add_name(r["entity_id"], r["name_key"], r["name"])
            self._redirects = redirect_map(self.db)
            self.index = idx
        return self.index

    def resolve(self, name: str, kind: str, entity_type: Optional[str], article_id: Optional[int],
                aliases: Iterable[str] = ()) -> int:
        """The entity id for a mention: an existing entity when the index is sure, else a new one."""
        idx = self._load()
        memo_key = (kind, name)
        eid = self._memo.get(memo_key)
        if eid is None:
            res = idx.resolve(name, kind)
            moved = self._redirected(kind, res.key, res.new_key) if res.method not in ("exact", "gazetteer") else None
            if moved is not None:
                eid = moved
                self._add_name(eid, name, 1.0, "correction", article_id)
            elif res.entity_id is not None:
                eid = res.entity_id
                self._add_name(eid, name, res.score, res.method, article_id)
            else:
                eid = self._create(kind, res.new_key, res.new_name, entity_type, res.gazetteer_id, article_id)
                self._add_name(eid, name, 1.0, "mention", article_id)
            for m in res.candidates:
                self.db.execute(
                    "INSERT INTO entity_match_candidates (kind, mention_key, entity_id, score, method, chosen)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, mention_key, entity_id) DO NOTHING",
                    [kind, res.key, m.entity_id, m.score, m.method, int(m.entity_id == eid)])
            self._memo[memo_key] = eid
        for alias in useful_aliases(aliases, kind):
            other = idx.resolve(alias, kind)
            if other.entity_id in (None, eid) and (other.gazetteer_id is None
                                                   or idx.gazetteer_of.get(eid) == other.gazetteer_id):
                self._add_name(eid, alias, SCORE_ARTICLE_ALIAS, "article_alias", article_id)
        return eid

    def _redirected(self, kind: str, *keys: str) -> Optional[int]:
        """The entity a correction moved this name to, when it is loaded (see entity_corrections)."""
        for key in keys:
            ref = self._redirects.get((kind, key))
            eid = entity_by_ref(self.db, ref) if ref else None
            if eid is not None and eid in self._load()._kind:
                return eid
        return None

    def _create(self, kind: str, key: str, name: str, entity_type: Optional[str], gazetteer_id: Optional[str],
                article_id: Optional[int]) -> int:
        if gazetteer_id:
            entity_type = self.gazetteer.orgs[gazetteer_id].type
        eid = self.db.get_or_create("entities", {"kind": kind, "name_key": key},
                                    {"name": name, "entity_type": entity_type, "gazetteer_id": gazetteer_id,
                                     "created_at": _now()})
        self._load().add_entity(eid, kind, gazetteer_id)
        self._parents.setdefault(eid, None)
        self._add_name(eid, name, 1.0, "canonical", article_id)
        if gazetteer_id:
            for n in self.gazetteer.orgs[gazetteer_id].names:
                self._add_name(eid, n, 1.0, "gazetteer", article_id)
        return eid

    def _add_name(self, eid: int, name: str, score: float, method: str, article_id: Optional[int]) -> None:
        idx = self._load()  # loaded already: every caller goes through resolve or link_parent
        key = key_for(name, idx._kind[eid])
        if not key or key in idx.names_of(eid):
            return
        self.db.execute("INSERT INTO entity_names (entity_id, name, name_key, score, method, article_id)"
                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id, name_key) DO NOTHING",
                        [eid, name.strip(), key, score, method, article_id])
        idx.add_name(eid, key, name)

    def link_parent(self, eid: int, name: str, given_parent: Optional[str], entity_type: Optional[str],
                    article_id: Optional[int], _depth: int = 0) -> Optional[int]:
        """Give an organisation its parent body once: the extractor's, else one its name implies.

        A cross-article decision, so it stays in the store: the hierarchy rules' {known}
        slots match the organisations already stored, the parent is linked the first time
        the entity is met, and a link that would close a loop in the stored tree is refused.
        """
        idx = self._load()
        if self._parents.get(eid) is not None:
            return self._parents[eid]
        if given_parent and eid not in idx.gazetteer_of:  # national bodies: no federation as parent
            pid, rule = self.resolve(given_parent, "organization", entity_type, article_id), "extractor"
        else:
            guess = infer_parent(name, self.gazetteer, lambda key: idx.knows("organization", key))
            if guess is None:
                return None
            pid = self.resolve(guess.name, "organization", entity_type, article_id)
            rule = f"{guess.rule_id}@{guess.rule_version}"
        if pid == eid or self._is_ancestor(eid, pid):
            return None
        self.db.execute("UPDATE entities SET parent_id = ?, parent_rule = ? WHERE id = ? AND parent_id IS NULL",
                        [pid, rule, eid])
        self._parents[eid] = pid
        if _depth < MAX_PARENT_DEPTH:  # "SEA/SEIU Local 1984" -> "SEA/SEIU" -> SEIU
            parent_name = self.db.scalar("SELECT name FROM entities WHERE id = ?", [pid])
            self.link_parent(pid, parent_name, None, entity_type, article_id, _depth + 1)
        return pid

    def _is_ancestor(self, eid: int, other: int) -> bool:
        """Would making ``other`` the parent of ``eid`` close a loop?"""
        seen: set[int] = set()
        cur: Optional[int] = other
        while cur is not None and cur not in seen:
            if cur == eid:
                return True
            seen.add(cur)
            cur = self._parents.get(cur)
        return False
