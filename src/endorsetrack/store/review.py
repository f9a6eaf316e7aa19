"""Human review of stance facts (confirm, reject, correct), stored apart from extraction.

A review names its fact by a natural reference, not by a row id:
``endorser kind:name key | candidate kind:name key | stance | stage | race key``.
Entities are unique by (kind, name key) and races by race key, so the reference
survives a superseded article, a re-ingest and a rebuilt database, where
``stances.id`` and ``stances.fact_key`` (which hold row ids) may not. Reviews are
an append-only log: the latest review of a fact is the one in force, so a
"confirm" after a "reject" restores the fact, and every decision stays on record.

Read side: ``reviewed_source_rows`` has the signature of ``queries.source_rows``
and returns the same rows with the latest review applied: rejected facts left
out (or flagged with ``keep_rejected``), corrections (stance, stage, endorser,
candidate, race) in place of the extracted values, and ``review`` / ``review_note`` columns.

A correction names its endorser or candidate as ``kind:name key`` too: an existing
entity, or one the reviewer names, which is then created and logged as an entity
correction (store/entity_corrections.py); a merge or retype of that entity later
rewrites the references that name it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Callable, Optional

from ..errors import QueryError, UnknownNameError
from ..resolve import entity_kind, key_for
from ..types import STAGES, STANCES
from .connection import Database
from .entity_corrections import create_entity, entity_by_ref, ref_of
from .view import CatalogView

# DDL of the named migration 0004_reviews (both dialects, see schema.py).
REVIEWS_DDL = [
    """CREATE TABLE reviews (
        id {pk},
        fact_ref TEXT NOT NULL,
        action TEXT NOT NULL,
        stance TEXT,
        stage TEXT,
        candidate_ref TEXT,
        race_key TEXT,
        note TEXT,
        reviewer TEXT,
        created_at TEXT NOT NULL)""",
    "CREATE INDEX reviews_fact ON reviews (fact_ref, id)",
]

ACTIONS = ("confirm", "reject", "correct")
# A corrected stage that the text does not state (stage NULL in the store).
UNSTATED = "unstated"
# Longest reviewer note kept; longer notes are refused rather than cut.
MAX_NOTE_CHARS = 2000

FACT_REF_SQL = """SELECT s.id, e.kind AS e_kind, e.name_key AS e_key, c.kind AS c_kind, c.name_key AS c_key,
 s.stance, s.stage, r.race_key FROM stances s JOIN entities e ON e.id = s.endorser_id
 LEFT JOIN entities c ON c.id = s.candidate_id LEFT JOIN races r ON r.id = s.race_id"""


@dataclass(frozen=True)
class Review:
    id: int
    fact_ref: str
    action: str
    stance: Optional[str]
    stage: Optional[str]
    candidate_ref: Optional[str]
    race_key: Optional[str]
    note: Optional[str]
    reviewer: Optional[str]
    created_at: str
    endorser_ref: Optional[str] = None

    def as_dict(self) -> dict:
        return asdict(self)


def _ref(row: dict) -> str:
    cand = f"{row['c_kind']}:{row['c_key']}" if row["c_key"] else "-"
    return f"{row['e_kind']}:{row['e_key']}|{cand}|{row['stance']}|{row['stage'] or '-'}|{row['race_key'] or '-'}"


def fact_refs(db: Database, fact_ids: Optional[set[int]] = None) -> dict[int, str]:
    """Natural reference of each stance fact (all facts, or only ``fact_ids``)."""
    sql, params = FACT_REF_SQL, []
    if fact_ids is not None:
        sql += f" WHERE s.id IN ({', '.join('?' for _ in fact_ids) or 'NULL'})"
        params = sorted(fact_ids)
    return {r["id"]: _ref(r) for r in db.query(sql, params)}


def _rows_to_reviews(rows: list[dict]) -> list[Review]:
    return [Review(**{k: r[k] for k in Review.__dataclass_fields__}) for r in rows]


def has_reviews_table(db: Database) -> bool:
    return db.table_exists("reviews")


def review_history(db: Database, fact_id: int) -> list[Review]:
    """Every review of one fact, oldest first (the last one is in force)."""
    refs = fact_refs(db, {fact_id})
    if fact_id not in refs or not has_reviews_table(db):
        return []
    return _rows_to_reviews(db.query("SELECT * FROM reviews WHERE fact_ref = ? ORDER BY id", [refs[fact_id]]))


def latest_reviews(db: Database) -> dict[int, Review]:
    """The review in force for each reviewed fact, by stance id (empty when nothing was reviewed)."""
    if not has_reviews_table(db):
        return {}
    by_ref: dict[str, Review] = {}
    for rv in _rows_to_reviews(db.query("SELECT * FROM reviews ORDER BY id")):
        by_ref[rv.fact_ref] = rv
    if not by_ref:
        return {}
    return {fid: by_ref[ref] for fid, ref in fact_refs(db).items() if ref in by_ref}


def record_review(db: Database, fact_id: int, action: str, *, stance: Optional[str] = None,
                  stage: Optional[str] = None, candidate_id: Optional[int] = None, race_id: Optional[int] = None,
                  note: Optional[str] = None, reviewer: Optional[str] = None, endorser_id: Optional[int] = None,
                  endorser_name: Optional[str] = None, candidate_name: Optional[str] = None) -> Review:
    """Store one review of a fact and commit; a correction must change at least one field.

    A corrected endorser or candidate is an entity id, or a name (``endorser_name``,
    ``candidate_name``): the entity of that kind with that name, else a new one, logged.
    """
    if action not in ACTIONS:
        raise QueryError(f"a review action must be one of {', '.join(ACTIONS)}, got '{action}'")
    refs = fact_refs(db, {fact_id})
    if fact_id not in refs:
        raise UnknownNameError(f"no fact with id {fact_id} in the database")
    if "\x00" in (note or "") + (reviewer or ""):
        raise QueryError("a review note or reviewer name cannot contain NUL characters")
    note = (note or "").strip() or None
    if note and len(note) > MAX_NOTE_CHARS:
        raise QueryError(f"a review note may have at most {MAX_NOTE_CHARS} characters")
    names = {"endorser": (endorser_name or "").strip() or None, "candidate": (candidate_name or "").strip() or None}
    if (names["endorser"] and endorser_id is not None) or (names["candidate"] and candidate_id is not None):
        raise QueryError("choose an existing entity or name a new one, not both")
    fields: dict[str, Optional[str]] = {"stance": None, "stage": None, "candidate_ref": None, "race_key": None,
                                        "endorser_ref": None}
    if action != "correct" and any(v is not None for v in (stance, stage, candidate_id, race_id, endorser_id,
                                                            names["endorser"], names["candidate"])):
        raise QueryError(f"only a 'correct' review changes fields; '{action}' takes a note only")
    reviewer = (reviewer or "").strip() or None
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    db.begin()
    try:
        if action == "correct":
            fact = db.query("SELECT endorser_id, stance, stage, candidate_id, race_id FROM stances WHERE id = ?",
                            [fact_id])[0]
            if names["endorser"]:
                endorser_id = _named_entity(db, names["endorser"], _endorser_kind(db, fact["endorser_id"],
                                                                                  names["endorser"]),
                                            _endorser_type(db, fact["endorser_id"]), reviewer)
            if names["candidate"]:
                candidate_id = _named_entity(db, names["candidate"], entity_kind(None, names["candidate"]), None,
                                             reviewer)
            fields = _correction(db, fact, stance, stage, candidate_id, race_id, endorser_id)
        new_id = db.insert_id(
            "INSERT INTO reviews (fact_ref, action, stance, stage, candidate_ref, race_key, note, reviewer,"
            " created_at, endorser_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [refs[fact_id], action, fields["stance"], fields["stage"], fields["candidate_ref"],
             fields["race_key"], note, reviewer, now, fields["endorser_ref"]])
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return Review(new_id, refs[fact_id], action, fields["stance"], fields["stage"], fields["candidate_ref"],
                  fields["race_key"], note, reviewer, now, fields["endorser_ref"])


def _endorser_type(db: Database, eid: int) -> Optional[str]:
    return db.scalar("SELECT entity_type FROM entities WHERE id = ?", [eid])


def _endorser_kind(db: Database, eid: int, name: str) -> str:
    """A new endorser lives where the fact's endorser does (an organisation or a person)."""
    etype = _endorser_type(db, eid)
    return entity_kind(etype, name) if etype else db.scalar("SELECT kind FROM entities WHERE id = ?", [eid])


def _named_entity(db: Database, name: str, kind: str, entity_type: Optional[str], reviewer: Optional[str]) -> int:
    """The entity of this kind that has this name (canonical or a stored spelling), else a new one."""
    key = key_for(name, kind)
    found = entity_by_ref(db, ref_of(kind, key)) if key else None
    if found is None and key:
        found = db.scalar("SELECT min(n.entity_id) FROM entity_names n JOIN entities e ON e.id = n.entity_id"
                          " WHERE e.kind = ? AND n.name_key = ?", [kind, key])
    if found is not None:
        return found
    return create_entity(db, name, kind, entity_type, reviewer=reviewer, note="named in a review of a fact")


def _correction(db: Database, fact: dict, stance: Optional[str], stage: Optional[str],
                candidate_id: Optional[int], race_id: Optional[int], endorser_id: Optional[int]) -> dict:
    if stance is not None and stance not in STANCES:
        raise QueryError(f"stance must be one of {', '.join(STANCES)}, got '{stance}'")
    if stage is not None and stage not in STAGES + (UNSTATED,):
        raise QueryError(f"stage must be one of {', '.join(STAGES + (UNSTATED,))}, got '{stage}'")
    cand_ref = race = endorser_ref = None
    if candidate_id is not None:
        row = db.query("SELECT kind, name_key FROM entities WHERE id = ?", [candidate_id])
        if not row:
            raise UnknownNameError(f"no candidate with id {candidate_id} in the database")
        cand_ref = f"{row[0]['kind']}:{row[0]['name_key']}" if candidate_id != fact["candidate_id"] else None
    if endorser_id is not None:
        row = db.query("SELECT kind, name_key FROM entities WHERE id = ?", [endorser_id])
        if not row:
            raise UnknownNameError(f"no endorser with id {endorser_id} in the database")
        endorser_ref = f"{row[0]['kind']}:{row[0]['name_key']}" if endorser_id != fact["endorser_id"] else None
    if race_id is not None:
        race = db.scalar("SELECT race_key FROM races WHERE id = ?", [race_id])
        if race is None:
            raise UnknownNameError(f"no race with id {race_id} in the database")
        race = race if race_id != fact["race_id"] else None
    stance = stance if stance != fact["stance"] else None
    if stage is not None and (fact["stage"] or UNSTATED) == stage:
        stage = None
    if stance is None and stage is None and cand_ref is None and race is None and endorser_ref is None:
        raise QueryError("a correction must change the stance, stage, endorser, candidate or race of the fact")
    return {"stance": stance, "stage": stage, "candidate_ref": cand_ref, "race_key": race,
            "endorser_ref": endorser_ref}


def _entity_by_ref(db: Database) -> Callable[[str], Optional[int]]:
    """entity_corrections.entity_by_ref, remembered per reference for one pass over the reviews."""
    cache: dict[str, Optional[int]] = {}

    def lookup(ref: str) -> Optional[int]:
        if ref not in cache:
            cache[ref] = entity_by_ref(db, ref)
        return cache[ref]
    return lookup


def apply_reviews(db: Database, view: CatalogView, rows: list[dict], reviews: dict[int, Review], *,
                  keep_rejected: bool = False) -> list[dict]:
    """Rows (source_rows' shape) with each fact's review in force applied; extracted values kept."""
    races_by_key = {key: rid for rid, (_, key) in view.races.items()}
    entity_of = _entity_by_ref(db)
    out = []
    for r in rows:
        if "review" in r:  # reviewed upstream already (queries.py may route through here): apply once
            if r["review"] != "reject" or keep_rejected:
                out.append(r)
            continue
        rv = reviews.get(r["fact_id"])
        r["review"] = rv.action if rv else None
        r["review_note"] = rv.note if rv else None
        if rv is None or rv.action == "confirm":
            out.append(r)
            continue
        if rv.action == "reject":
            if keep_rejected:
                out.append(r)
            continue
        r["extracted"] = {"stance": r["stance"], "stage": r["stage"], "candidate_id": r["candidate_id"],
                          "race_id": r["race_id"], "endorser_id": r["endorser_id"]}
        if rv.stance:
            r["stance"] = rv.stance
        if rv.stage:
            r["stage"] = None if rv.stage == UNSTATED else rv.stage
        if rv.candidate_ref and entity_of(rv.candidate_ref) is not None:
            r["candidate_id"] = entity_of(rv.candidate_ref)
        if rv.endorser_ref and entity_of(rv.endorser_ref) is not None:
            r["endorser_id"] = entity_of(rv.endorser_ref)
        if rv.race_key and rv.race_key in races_by_key:
            r["race_id"] = races_by_key[rv.race_key]
        out.append(r)
    return out


def reviewed_source_rows(db: Database, view: CatalogView, *, history: bool = False,
                         endorsers: Optional[set[int]] = None, candidates: Optional[set[int]] = None,
                         races: Optional[set[int]] = None, stance: Optional[str] = None,
                         stage: Optional[str] = None, as_of: Optional[str] = None,
                         keep_rejected: bool = False, fetch: Optional[Callable[..., list[dict]]] = None,
                         ) -> list[dict]:
    """``queries.source_rows`` with reviews applied; filters match the corrected values.

    ``fetch`` is the raw row source (default ``queries.source_rows``), so that
    queries.py can route its own ``source_rows`` through here without a cycle.
    """
    if fetch is None:
        from .queries import source_rows  # late: queries may import this module
        fetch = source_rows
    reviews = latest_reviews(db)
    if not any(rv.action == "correct" for rv in reviews.values()):  # filters can run in SQL as usual
        rows = fetch(db, view, history=history, endorsers=endorsers, candidates=candidates, races=races,
                     stance=stance, stage=stage, as_of=as_of)
        return apply_reviews(db, view, rows, reviews, keep_rejected=keep_rejected)
    moves_endorsers = any(rv.action == "correct" and rv.endorser_ref for rv in reviews.values())
    rows = fetch(db, view, history=history, endorsers=None if moves_endorsers else endorsers, as_of=as_of)
    rows = apply_reviews(db, view, rows, reviews, keep_rejected=keep_rejected)
    return [r for r in rows
            if (endorsers is None or r["endorser_id"] in endorsers)
            and (candidates is None or r["candidate_id"] in candidates)
            and (races is None or r["race_id"] in races)
            and (stance is None or r["stance"] == stance)
            and (stage is None or r["stage"] == stage)]


def review_rows(db: Database) -> list[dict]:
    """Every review ever made, oldest first, with the fact it names (for exports)."""
    if not has_reviews_table(db):
        return []
    refs = {ref: fid for fid, ref in fact_refs(db).items()}
    out = []
    for rv in _rows_to_reviews(db.query("SELECT * FROM reviews ORDER BY id")):
        out.append({**rv.as_dict(), "fact_id": refs.get(rv.fact_ref)})
    return out
