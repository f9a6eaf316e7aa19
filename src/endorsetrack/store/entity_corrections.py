"""Corrections of the entity catalog by a person: merge, rename, retype (and entities a review names).

Each correction is one row of ``entity_corrections`` (who, when, what, why), an append-only
log next to the reviews of facts (store/review.py). Like a review, a correction names its
entities by natural reference, ``kind:name key``, not by row id, so the log means the same
after a re-ingest or in a rebuilt database. It is applied at once, and it holds against
re-extraction in two ways:

- while writing, the entity store sends a mention to the entity a correction chose: the
  names of a merged entity and the old keys of a retyped one are redirects
  (``redirect_map``), so a re-extracted "B" is filed under A, never created again;
- at the end of every ingest the whole log is replayed (``reapply_corrections``): every
  step is idempotent and writes only what does not hold (a merged entity that exists
  again is folded again, a name or type put back is corrected again).

A merge folds B into A: B's facts, reports, poll rows, parent links, locals and names move to
A (B's names become A's aliases), facts that become the same fact are one fact with all their
reports, reviews that named B name A, and B's row goes. A rename keeps the entity's key (its
reference) and adds the new name as a spelling. A retype sets the type from the entity type
vocabulary (``types.ENTITY_TYPES``); "person" and the organisation types live in different
name spaces, so a retype across them moves the entity to the other kind.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Optional

from ..errors import UNSAFE_FOR_DISPLAY, AmbiguousNameError, QueryError, UnknownNameError
from ..resolve import entity_kind, key_for, name_key, person_key
from ..types import ENTITY_TYPES
from .connection import Database
from .schema import fact_key

# DDL of the named migration 0007_entity_corrections (both dialects, see schema.py). The
# reviews table gains the endorser a correction of a fact names (as it names a candidate).
ENTITY_CORRECTIONS_DDL = [
    """CREATE TABLE entity_corrections (
        id {pk},
        action TEXT NOT NULL,
        entity_ref TEXT NOT NULL,
        other_ref TEXT,
        new_value TEXT,
        old_value TEXT,
        detail TEXT,
        reviewer TEXT,
        note TEXT,
        created_at TEXT NOT NULL)""",
    "ALTER TABLE reviews ADD COLUMN endorser_ref TEXT",
]

ACTIONS = ("create", "merge", "rename", "retype")
# Longest entity name a person may give; news names run to ~80 characters.
MAX_NAME_CHARS = 200
# Longest note kept (as for reviews of facts); longer notes are refused rather than cut.
MAX_NOTE_CHARS = 2000
# How many matching entities an ambiguity message lists before "and N more".
MAX_LISTED = 8
CORRECTION_METHOD = "correction"  # entity_names.method of a name a person gave
MERGE_METHOD = "merge"  # entity_names.method of a folded entity's names
ID_REF = re.compile(r"#(\d{1,18})")


@dataclass(frozen=True)
class Correction:
    id: int
    action: str
    entity_ref: str
    other_ref: Optional[str]
    new_value: Optional[str]
    old_value: Optional[str]
    detail: Optional[str]
    reviewer: Optional[str]
    note: Optional[str]
    created_at: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class CorrectionOutcome:
    """What a correction did: the log row, the entity that holds the result, and what moved."""
    correction: Correction
    entity_id: int
    name: str
    moved: dict[str, int] = field(default_factory=dict)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def ref_of(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def has_corrections_table(db: Database) -> bool:
    return db.table_exists("entity_corrections")


def entity_by_ref(db: Database, ref: Optional[str]) -> Optional[int]:
    if not ref:
        return None
    kind, _, key = ref.partition(":")
    return db.scalar("SELECT id FROM entities WHERE kind = ? AND name_key = ?", [kind, key])


def _entity(db: Database, eid: int) -> dict:
    rows = db.query("SELECT id, kind, name_key, name, entity_type, gazetteer_id, parent_id FROM entities"
                    " WHERE id = ?", [eid])
    if not rows:
        raise UnknownNameError(f"no entity with id {eid} in the database")
    return rows[0]


def _label(e: dict) -> str:
    return f"#{e['id']} {e['name']} ({e['entity_type'] or e['kind']})"


def entity_label(db: Database, eid: int) -> str:
    """'#12 Dockhands Guild (union)': how messages name an entity."""
    return _label(_entity(db, eid))


# --- naming an entity ---------------------------------------------------------------------

def find_entity(db: Database, text: str, role: str = "entity") -> int:
    """The one entity a person names: '#ID', else its name or one of its stored spellings.

    Stricter than a search: a correction must not guess. Several matches raise
    AmbiguousNameError listing them with their ids; none raises UnknownNameError listing
    entities whose names hold the words, if any.
    """
    text = (text or "").strip()
    m = ID_REF.fullmatch(text)
    if m:
        return int(_entity(db, int(m.group(1)))["id"])
    keys = {kind: key_for(text, kind) for kind in ("organization", "person", "measure")}
    if not any(keys.values()):
        raise UnknownNameError(f"empty {role} name")
    by_kind = " OR ".join("(kind = ? AND name_key = ?)" for _ in keys)
    params = [v for kind, key in keys.items() for v in (kind, key)]
    found = [r["id"] for r in db.query(f"SELECT id FROM entities WHERE {by_kind} ORDER BY id", params)]
    if not found:  # a stored spelling (a renamed entity's new name is one)
        found = [r["id"] for r in db.query(
            "SELECT DISTINCT e.id FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE "
            + " OR ".join("(e.kind = ? AND n.name_key = ?)" for _ in keys) + " ORDER BY e.id", params)]
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(_label(_entity(db, i)) for i in found[:MAX_LISTED])
        more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
        raise AmbiguousNameError(f"'{text}' could mean {len(found)} entities: {listed}{more}; "
                                 f"name one by its id, e.g. '#{found[0]}'")
    words = set(name_key(text).split()) | set(person_key(text).split())
    near = sorted({r["entity_id"] for r in db.query("SELECT entity_id, name_key FROM entity_names")
                   if words and words <= set(r["name_key"].split())})
    hint = ""
    if near:
        hint = ("; names that hold these words: " + ", ".join(_label(_entity(db, i)) for i in near[:MAX_LISTED])
                + "; give the full name or the id")
    raise UnknownNameError(f"no {role} named '{text}' in the database{hint}")


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if UNSAFE_FOR_DISPLAY.search(name):
        raise QueryError("an entity name cannot contain control characters")
    if not name or not any(c.isalnum() for c in name):
        raise QueryError("an entity name needs letters or digits")
    if len(name) > MAX_NAME_CHARS:
        raise QueryError(f"an entity name may have at most {MAX_NAME_CHARS} characters")
    return name


def _clean_meta(reviewer: Optional[str], note: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    if "\x00" in (note or "") + (reviewer or ""):
        raise QueryError("a note or reviewer name cannot contain NUL characters")
    note = (note or "").strip() or None
    if note and len(note) > MAX_NOTE_CHARS:
        raise QueryError(f"a note may have at most {MAX_NOTE_CHARS} characters")
    return (reviewer or "").strip() or None, note


def _holder_of_key(db: Database, kind: str, key: str, other_than: int) -> Optional[dict]:
    """Another entity of this kind whose key or stored spelling is ``key``."""
    rows = db.query("SELECT id FROM entities WHERE kind = ? AND name_key = ? AND id <> ?"
                    " UNION SELECT e.id FROM entity_names n JOIN entities e ON e.id = n.entity_id"
                    " WHERE e.kind = ? AND n.name_key = ? AND e.id <> ?", [kind, key, other_than, kind, key, other_than])
    return _entity(db, min(r["id"] for r in rows)) if rows else None


# --- the commands ---------------------------------------------------------------------------

def _logged(db: Database, action: str, entity_ref: str, *, other_ref: Optional[str] = None,
            new_value: Optional[str] = None, old_value: Optional[str] = None, detail: Optional[dict] = None,
            reviewer: Optional[str] = None, note: Optional[str] = None) -> Correction:
    now = _now()
    text = json.dumps(detail, sort_keys=True) if detail else None
    new_id = db.insert_id("INSERT INTO entity_corrections (action, entity_ref, other_ref, new_value, old_value, detail,"
                          " reviewer, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          [action, entity_ref, other_ref, new_value, old_value, text, reviewer, note, now])
    return Correction(new_id, action, entity_ref, other_ref, new_value, old_value, text, reviewer, note, now)


def _in_transaction(db: Database, work):
    db.begin()
    try:
        out = work()
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return out


def merge_entities(db: Database, keep: int, fold: int, *, reviewer: Optional[str] = None,
                   note: Optional[str] = None) -> CorrectionOutcome:
    """Fold entity ``fold`` into ``keep`` and log it; commits."""
    reviewer, note = _clean_meta(reviewer, note)

    def work() -> CorrectionOutcome:
        a, b = _entity(db, keep), _entity(db, fold)
        if a["id"] == b["id"]:
            raise QueryError(f"cannot merge {_label(a)} into itself")
        redirect = [[b["kind"], b["name_key"]]] + [[b["kind"], r["name_key"]] for r in db.query(
            "SELECT name_key FROM entity_names WHERE entity_id = ? ORDER BY id", [b["id"]])]
        detail = {"redirect": redirect, "keep": _snapshot(a), "fold": _snapshot(b)}
        moved = _fold(db, a["id"], b["id"])
        c = _logged(db, "merge", ref_of(a["kind"], a["name_key"]), other_ref=ref_of(b["kind"], b["name_key"]),
                    new_value=a["name"], old_value=b["name"], detail=detail, reviewer=reviewer, note=note)
        return CorrectionOutcome(c, a["id"], a["name"], moved)
    return _in_transaction(db, work)


def rename_entity(db: Database, eid: int, new_name: str, *, reviewer: Optional[str] = None,
                  note: Optional[str] = None) -> CorrectionOutcome:
    """Give an entity a new canonical name (its key, and so its reference, stay); commits."""
    reviewer, note = _clean_meta(reviewer, note)
    new_name = _clean_name(new_name)

    def work() -> CorrectionOutcome:
        e = _entity(db, eid)
        if new_name == e["name"]:
            raise QueryError(f"{_label(e)} is already named '{new_name}'")
        key = key_for(new_name, e["kind"])
        if not key:
            raise QueryError(f"'{new_name}' leaves no name once titles are dropped; give the full name")
        holder = _holder_of_key(db, e["kind"], key, e["id"])
        if holder is not None:
            raise QueryError(f"'{new_name}' is already a name of {_label(holder)}; to make them one entity, run: "
                             f"endorsetrack entities merge '#{holder['id']}' '#{e['id']}'")
        _set_name(db, e["id"], e["kind"], new_name)
        c = _logged(db, "rename", ref_of(e["kind"], e["name_key"]), new_value=new_name, old_value=e["name"],
                    reviewer=reviewer, note=note)
        return CorrectionOutcome(c, e["id"], new_name)
    return _in_transaction(db, work)


def retype_entity(db: Database, eid: int, new_type: str, *, reviewer: Optional[str] = None,
                  note: Optional[str] = None) -> CorrectionOutcome:
    """Set an entity's type (one of ``types.ENTITY_TYPES``); commits."""
    reviewer, note = _clean_meta(reviewer, note)
    new_type = (new_type or "").strip().lower()
    if new_type not in ENTITY_TYPES:
        raise QueryError(f"type must be one of {', '.join(ENTITY_TYPES)}, got '{new_type}'")

    def work() -> CorrectionOutcome:
        e = _entity(db, eid)
        if e["entity_type"] == new_type:
            raise QueryError(f"{_label(e)} is already typed {new_type}")
        kind = entity_kind(new_type, e["name"])
        key = e["name_key"] if kind == e["kind"] else (key_for(e["name"], kind) or e["name_key"])
        if kind != e["kind"]:
            holder = db.query("SELECT id FROM entities WHERE kind = ? AND name_key = ?", [kind, key])
            if holder:
                other = _entity(db, holder[0]["id"])
                raise QueryError(f"{_label(other)} has this name already; to make them one entity, run: "
                                 f"endorsetrack entities merge '#{other['id']}' '#{e['id']}'")
        redirect = [[e["kind"], r["name_key"]] for r in db.query(
            "SELECT name_key FROM entity_names WHERE entity_id = ? ORDER BY id", [e["id"]])] + [[e["kind"], e["name_key"]]]
        old_ref, new_ref = ref_of(e["kind"], e["name_key"]), ref_of(kind, key)
        _set_type(db, e, new_type, kind, key)
        c = _logged(db, "retype", old_ref, new_value=new_type, old_value=e["entity_type"],
                    detail={"new_ref": new_ref, "redirect": redirect if new_ref != old_ref else []},
                    reviewer=reviewer, note=note)
        return CorrectionOutcome(c, e["id"], e["name"])
    return _in_transaction(db, work)


def create_entity(db: Database, name: str, kind: str, entity_type: Optional[str], *,
                  reviewer: Optional[str] = None, note: Optional[str] = None) -> int:
    """An entity a person names (a review's new endorser or candidate), logged; in the caller's transaction.

    An entity of this kind with this name's key already exists: that one is returned.
    """
    name = _clean_name(name)
    key = key_for(name, kind)
    if not key:
        raise QueryError(f"'{name}' leaves no name once titles are dropped; give the full name")
    found = entity_by_ref(db, ref_of(kind, key))
    if found is not None:
        return found
    eid = _insert_entity(db, kind, key, name, entity_type, None)
    _logged(db, "create", ref_of(kind, key), new_value=name, detail={"type": entity_type},
            reviewer=reviewer, note=note)
    return eid


def correction_rows(db: Database) -> list[dict]:
    """Every entity correction ever made, oldest first (the log)."""
    if not has_corrections_table(db):
        return []
    rows = db.query("SELECT * FROM entity_corrections ORDER BY id")
    for r in rows:
        r["entity_id"] = entity_by_ref(db, _final_ref(r))
    return [{k: r[k] for k in ("id", "created_at", "action", "entity_ref", "other_ref", "old_value", "new_value",
                               "reviewer", "note", "entity_id")} for r in rows]


def _final_ref(row: dict) -> str:
    if row["action"] == "retype" and row["detail"]:
        return json.loads(row["detail"]).get("new_ref") or row["entity_ref"]
    return row["entity_ref"]


# --- the writes -----------------------------------------------------------------------------

def _snapshot(e: dict) -> dict:
    return {"name": e["name"], "type": e["entity_type"], "kind": e["kind"], "key": e["name_key"],
            "gazetteer_id": e["gazetteer_id"]}


def _insert_entity(db: Database, kind: str, key: str, name: str, entity_type: Optional[str],
                   gazetteer_id: Optional[str]) -> int:
    eid = db.get_or_create("entities", {"kind": kind, "name_key": key},
                           {"name": name, "entity_type": entity_type, "gazetteer_id": gazetteer_id,
                            "created_at": _now()})
    _add_name(db, eid, name, key, CORRECTION_METHOD)
    return eid


def _add_name(db: Database, eid: int, name: str, key: str, method: str) -> None:
    db.execute("INSERT INTO entity_names (entity_id, name, name_key, score, method, article_id)"
               " VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT (entity_id, name_key) DO NOTHING",
               [eid, name, key, 1.0, method])


def _set_name(db: Database, eid: int, kind: str, name: str) -> None:
    db.execute("UPDATE entities SET name = ? WHERE id = ?", [name, eid])
    _add_name(db, eid, name, key_for(name, kind), CORRECTION_METHOD)


def _set_type(db: Database, e: dict, new_type: str, kind: str, key: str) -> None:
    """Type, and when the type moves it to the other name space, kind, key and name keys."""
    if kind == e["kind"]:
        db.execute("UPDATE entities SET entity_type = ? WHERE id = ?", [new_type, e["id"]])
        return
    db.execute("UPDATE entities SET entity_type = ?, kind = ?, name_key = ? WHERE id = ?",
               [new_type, kind, key, e["id"]])
    seen: set[str] = set()
    for r in db.query("SELECT id, name FROM entity_names WHERE entity_id = ? ORDER BY id", [e["id"]]):
        new_key = key_for(r["name"], kind)
        if not new_key or new_key in seen:
            db.execute("DELETE FROM entity_names WHERE id = ?", [r["id"]])
            continue
        seen.add(new_key)
        db.execute("UPDATE entity_names SET name_key = ? WHERE id = ?", [new_key, r["id"]])
    _rewrite_refs(db, {ref_of(e["kind"], e["name_key"]): ref_of(kind, key)})


def _fold(db: Database, keep: int, fold: int) -> dict[str, int]:
    """Move everything of entity ``fold`` to ``keep`` and delete ``fold``; counts of what moved."""
    a, b = _entity(db, keep), _entity(db, fold)
    moved = {"facts": 0, "polls": 0, "names": 0}
    for n in db.query("SELECT name, name_key FROM entity_names WHERE entity_id = ? ORDER BY id", [fold]):
        key = key_for(n["name"], a["kind"]) or n["name_key"]
        if db.execute("INSERT INTO entity_names (entity_id, name, name_key, score, method, article_id)"
                      " VALUES (?, ?, ?, 1.0, ?, NULL) ON CONFLICT (entity_id, name_key) DO NOTHING RETURNING id",
                      [keep, n["name"], key, MERGE_METHOD]).fetchone():
            moved["names"] += 1
    db.execute("DELETE FROM entity_names WHERE entity_id = ?", [fold])
    db.execute("DELETE FROM entity_match_candidates WHERE entity_id = ? AND EXISTS (SELECT 1 FROM"
               " entity_match_candidates o WHERE o.entity_id = ? AND o.kind = entity_match_candidates.kind"
               " AND o.mention_key = entity_match_candidates.mention_key)", [fold, keep])
    db.execute("UPDATE entity_match_candidates SET entity_id = ? WHERE entity_id = ?", [keep, fold])
    # the hierarchy: B's locals become A's; A under B goes to B's parent; A adopts B's parent if it has none
    db.execute("UPDATE entities SET parent_id = ? WHERE parent_id = ? AND id <> ?", [keep, fold, keep])
    parent = a["parent_id"] if a["parent_id"] not in (None, fold) else b["parent_id"]
    if parent == keep or (parent is not None and keep in _ancestors(db, parent)):
        parent = None
    rule = "correction" if parent != a["parent_id"] else None
    db.execute("UPDATE entities SET parent_id = ?, parent_rule = COALESCE(?, parent_rule),"
               " gazetteer_id = COALESCE(gazetteer_id, ?) WHERE id = ?", [parent, rule, b["gazetteer_id"], keep])
    db.execute("INSERT INTO candidate_races (candidate_id, race_id) SELECT ?, race_id FROM candidate_races"
               " WHERE candidate_id = ? ON CONFLICT (candidate_id, race_id) DO NOTHING", [keep, fold])
    db.execute("DELETE FROM candidate_races WHERE candidate_id = ?", [fold])
    for s in db.query("SELECT id, endorser_id, candidate_id, stance, stage, race_id FROM stances"
                      " WHERE endorser_id = ? OR candidate_id = ? ORDER BY id", [fold, fold]):
        moved["facts"] += 1
        endorser = keep if s["endorser_id"] == fold else s["endorser_id"]
        candidate = keep if s["candidate_id"] == fold else s["candidate_id"]
        key = fact_key(endorser, candidate, s["stance"], s["stage"], s["race_id"])
        same = db.scalar("SELECT id FROM stances WHERE fact_key = ? AND id <> ?", [key, s["id"]])
        if same is None:
            db.execute("UPDATE stances SET endorser_id = ?, candidate_id = ?, fact_key = ? WHERE id = ?",
                       [endorser, candidate, key, s["id"]])
            continue
        # the same fact as one A had: one fact with every report (a report both had is kept once)
        db.execute("UPDATE stance_sources SET stance_id = ? WHERE stance_id = ? AND NOT EXISTS (SELECT 1 FROM"
                   " stance_sources o WHERE o.stance_id = ? AND o.article_id = stance_sources.article_id"
                   " AND o.start_offset = stance_sources.start_offset AND o.end_offset = stance_sources.end_offset)",
                   [same, s["id"], same])
        db.execute("DELETE FROM stance_sources WHERE stance_id = ?", [s["id"]])
        db.execute("DELETE FROM stances WHERE id = ?", [s["id"]])
    moved["polls"] += db.execute("UPDATE polls SET pollster_id = ? WHERE pollster_id = ?", [keep, fold]).rowcount
    db.execute("DELETE FROM poll_results WHERE candidate_id = ? AND poll_id IN (SELECT poll_id FROM poll_results"
               " WHERE candidate_id = ?)", [fold, keep])
    moved["polls"] += db.execute("UPDATE poll_results SET candidate_id = ? WHERE candidate_id = ?",
                                 [keep, fold]).rowcount
    _rewrite_refs(db, {ref_of(b["kind"], b["name_key"]): ref_of(a["kind"], a["name_key"])})
    db.execute("DELETE FROM entities WHERE id = ?", [fold])
    return moved


def _ancestors(db: Database, eid: int) -> list[int]:
    out: list[int] = []
    cur: Optional[int] = eid
    while cur is not None and cur not in out:
        out.append(cur)
        cur = db.scalar("SELECT parent_id FROM entities WHERE id = ?", [cur])
    return out


def _rewrite_refs(db: Database, moved: dict[str, str]) -> None:
    """Reviews name their fact as 'kind:key|kind:key|stance|stage|race' and the entities a
    correction chose as 'kind:key': follow an entity that a merge or retype gave another key."""
    if not db.table_exists("reviews"):
        return
    for row in db.query("SELECT id, fact_ref, candidate_ref, endorser_ref FROM reviews"):
        parts = row["fact_ref"].split("|")
        fact_ref = "|".join(moved.get(p, p) if i < 2 else p for i, p in enumerate(parts))
        cand = moved.get(row["candidate_ref"], row["candidate_ref"])
        endorser = moved.get(row["endorser_ref"], row["endorser_ref"])
        if (fact_ref, cand, endorser) != (row["fact_ref"], row["candidate_ref"], row["endorser_ref"]):
            db.execute("UPDATE reviews SET fact_ref = ?, candidate_ref = ?, endorser_ref = ? WHERE id = ?",
                       [fact_ref, cand, endorser, row["id"]])


# --- holding against re-extraction ------------------------------------------------------------

def _log(db: Database) -> list[dict]:
    if not has_corrections_table(db):
        return []
    return db.query("SELECT id, action, entity_ref, other_ref, new_value, detail FROM entity_corrections ORDER BY id")


def redirect_map(db: Database) -> dict[tuple[str, str], str]:
    """(kind, name key) of a merged-away or retyped entity's names -> reference of the entity
    that holds them now (following later merges and retypes of that entity)."""
    out: dict[tuple[str, str], str] = {}
    for c in _log(db):
        detail = json.loads(c["detail"]) if c["detail"] else {}
        if c["action"] == "merge":
            old, new = c["other_ref"], c["entity_ref"]
        elif c["action"] == "retype" and detail.get("new_ref", c["entity_ref"]) != c["entity_ref"]:
            old, new = c["entity_ref"], detail["new_ref"]
        else:
            continue
        for k, target in list(out.items()):
            if target == old:
                out[k] = new
        for kind, key in detail.get("redirect", []):
            if ref_of(kind, key) != new:
                out[(kind, key)] = new
    return out


def reapply_corrections(db: Database) -> int:
    """Replay the log in order, writing only what does not hold; in the caller's transaction.

    Returns how many steps had to write (0 when re-extraction undid nothing).
    """
    log = _log(db)
    last = {(c["action"], c["entity_ref"]): c["id"] for c in log if c["action"] in ("rename", "retype")}
    changed = 0
    for c in log:
        if c["action"] in ("rename", "retype") and last[(c["action"], c["entity_ref"])] != c["id"]:
            continue  # a later rename (retype) of the same entity is the one in force
        detail = json.loads(c["detail"]) if c["detail"] else {}
        changed += _reapply(db, c, detail)
    return changed


def _reapply(db: Database, c: dict, detail: dict) -> int:
    if c["action"] == "create":
        if entity_by_ref(db, c["entity_ref"]) is not None:
            return 0
        kind, _, key = c["entity_ref"].partition(":")
        _insert_entity(db, kind, key, c["new_value"], detail.get("type"), None)
        return 1
    if c["action"] == "merge":
        fold = entity_by_ref(db, c["other_ref"])
        if fold is None:
            return 0
        keep = entity_by_ref(db, c["entity_ref"])
        if keep is None:  # only the folded entity came back: the kept one is made again, as it was
            k = detail.get("keep") or {}
            kind, _, key = c["entity_ref"].partition(":")
            keep = _insert_entity(db, kind, key, k.get("name") or c["new_value"], k.get("type"), k.get("gazetteer_id"))
        if keep == fold:
            return 0
        _fold(db, keep, fold)
        return 1
    if c["action"] == "rename":
        eid = entity_by_ref(db, c["entity_ref"])
        if eid is None or db.scalar("SELECT name FROM entities WHERE id = ?", [eid]) == c["new_value"]:
            return 0
        _set_name(db, eid, c["entity_ref"].partition(":")[0], c["new_value"])
        return 1
    if c["action"] == "retype":
        new_ref = detail.get("new_ref") or c["entity_ref"]
        old, new = entity_by_ref(db, c["entity_ref"]), entity_by_ref(db, new_ref)
        kind, _, key = new_ref.partition(":")
        if old is not None and old != new:
            if new is None:
                _set_type(db, _entity(db, old), c["new_value"], kind, key)
                return 1
            _fold(db, new, old)
        if new is not None and db.scalar("SELECT entity_type FROM entities WHERE id = ?", [new]) != c["new_value"]:
            db.execute("UPDATE entities SET entity_type = ? WHERE id = ?", [c["new_value"], new])
            return 1
        return int(old is not None and old != new)
    return 0
