"""Data of the named migration 0005_organization_lexicon: stored organisations in the
form the one organisation lexicon (nlp/patterns/organizations.jsonl) gives them.

The two gazetteers that extraction and the store used to read disagreed; merged, some
stored organisations change their canonical name or their lexicon id. This migration
rewrites what an existing database stored under the old form, so that a new article's
mention of the same organisation finds the same entity, and the extract output and the
store give it one name. Frozen: the old and new forms (names, name keys, ids) are
written out here, not read from the lexicon, so that a later change of the lexicon is a
later migration. Reviews name facts by entity key (store/review.py): their references
follow a renamed key.

Spellings that the merge added to an organisation that was already in the store's
gazetteer are not merged into it here: an entity stored under such a spelling keeps its
facts (a reviewer can see both in ``endorsetrack entities``).
"""
from __future__ import annotations

from typing import Optional

from .connection import Database

KIND = "organization"

# (lexicon id, old canonical name, old name key, new canonical name, new name key)
RENAMED: tuple[tuple[str, str, str, str, str], ...] = (
    ("ufcw", "United Food and Commercial Workers", "united food and commercial workers",
     "United Food and Commercial Workers International Union", "united food and commercial workers international"),
    ("ufw", "United Farm Workers", "united farm workers",
     "United Farm Workers of America", "united farm workers of america"),
)

# (old lexicon id, new lexicon id): the old entries named a whole party after its national
# committee's id; the party and its committee are two entries now, the party keeps the entity.
RE_IDENTIFIED: tuple[tuple[str, str], ...] = (
    ("dnc", "democratic-party"),
    ("rnc", "republican-party"),
)

# Lexicon ids no longer in the organisation lexicon: pollsters, which the pollster
# gazetteer (nlp/patterns/poll_pollsters.jsonl) does not list either.
DROPPED: tuple[str, ...] = ("quinnipiac", "arg")

# Entries new to the store's gazetteer: (id, canonical name, canonical name key, keys of
# its other spellings). An entity stored under one of these keys becomes the entry's entity.
NEWLY_KNOWN: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("nabtu", "North America's Building Trades Unions", "north america building trades unions",
     ("building and construction trades department", "building trades unions", "nabtu")),
    ("wfp", "Working Families Party", "working families party", ("wfp",)),
    ("aclu", "American Civil Liberties Union", "american civil liberties", ("aclu",)),
    ("sierra-club", "Sierra Club", "sierra club", ()),
    ("emilys-list", "EMILY's List", "emily list", ()),
    ("moveon", "MoveOn", "moveon", ("moveon org",)),
    ("planned-parenthood", "Planned Parenthood Action Fund", "planned parenthood action fund", ("planned parenthood",)),
    ("nyt", "The New York Times", "new york times", ()),
    ("wapo", "The Washington Post", "washington post", ()),
    ("wsj", "The Wall Street Journal", "wall street journal", ()),
    ("latimes", "Los Angeles Times", "los angeles times", ("l a times", "la times")),
    ("usatoday", "USA Today", "usa today", ()),
    ("globe-and-mail", "The Globe and Mail", "globe and mail", ()),
    ("toronto-star", "Toronto Star", "toronto star", ()),
    ("national-post", "National Post", "national post", ()),
    ("boston-globe", "The Boston Globe", "boston globe", ()),
    ("chicago-tribune", "Chicago Tribune", "chicago tribune", ()),
    ("hartford-courant", "The Hartford Courant", "hartford courant", ()),
)


def apply_organization_lexicon(db: Database) -> None:
    """Rename, re-identify, unlink and link stored organisations (see the module docstring)."""
    renamed_keys: dict[str, str] = {}
    for gid, _old_name, old_key, new_name, new_key in RENAMED:
        eid = _entity(db, "SELECT id FROM entities WHERE kind = ? AND gazetteer_id = ? AND name_key = ?",
                      [KIND, gid, old_key])
        if eid is not None and _rename(db, eid, new_name, new_key):
            renamed_keys[old_key] = new_key
    for old_id, new_id in RE_IDENTIFIED:
        db.execute("UPDATE entities SET gazetteer_id = ? WHERE kind = ? AND gazetteer_id = ?", [new_id, KIND, old_id])
    for gid in DROPPED:
        db.execute("UPDATE entities SET gazetteer_id = NULL WHERE kind = ? AND gazetteer_id = ?", [KIND, gid])
    for gid, name, key, other_keys in NEWLY_KNOWN:
        if _entity(db, "SELECT id FROM entities WHERE kind = ? AND gazetteer_id = ?", [KIND, gid]) is not None:
            continue
        eid = _entity(db, "SELECT id FROM entities WHERE kind = ? AND name_key = ? AND gazetteer_id IS NULL",
                      [KIND, key])
        if eid is not None:
            db.execute("UPDATE entities SET name = ?, gazetteer_id = ? WHERE id = ?", [name, gid, eid])
            continue
        for other in other_keys:
            eid = _entity(db, "SELECT id FROM entities WHERE kind = ? AND name_key = ? AND gazetteer_id IS NULL",
                          [KIND, other])
            if eid is not None:
                if _rename(db, eid, name, key):
                    renamed_keys[other] = key
                db.execute("UPDATE entities SET gazetteer_id = ? WHERE id = ?", [gid, eid])
                break
    if renamed_keys and db.table_exists("reviews"):
        _rewrite_review_refs(db, renamed_keys)


def _entity(db: Database, sql: str, params: list) -> Optional[int]:
    rows = db.query(sql + " ORDER BY id", params)
    return rows[0]["id"] if rows else None


def _rename(db: Database, eid: int, name: str, key: str) -> bool:
    """Give an entity its new canonical name and key (and that name as a stored spelling);
    False, and only the name, when another entity holds the key already."""
    if _entity(db, "SELECT id FROM entities WHERE kind = ? AND name_key = ? AND id <> ?", [KIND, key, eid]) is not None:
        db.execute("UPDATE entities SET name = ? WHERE id = ?", [name, eid])
        return False
    db.execute("UPDATE entities SET name = ?, name_key = ? WHERE id = ?", [name, key, eid])
    db.execute("INSERT INTO entity_names (entity_id, name, name_key, score, method, article_id)"
               " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id, name_key) DO NOTHING",
               [eid, name, key, 1.0, "canonical", None])
    return True


def _rewrite_review_refs(db: Database, renamed_keys: dict[str, str]) -> None:
    """Reviews name their fact as 'kind:key|kind:key|stance|stage|race': follow renamed keys."""
    old_refs = {f"{KIND}:{old}": f"{KIND}:{new}" for old, new in renamed_keys.items()}
    for row in db.query("SELECT id, fact_ref, candidate_ref FROM reviews"):
        parts = row["fact_ref"].split("|")
        fact_ref = "|".join(old_refs.get(p, p) if i < 2 else p for i, p in enumerate(parts))
        candidate_ref = old_refs.get(row["candidate_ref"], row["candidate_ref"])
        if fact_ref != row["fact_ref"] or candidate_ref != row["candidate_ref"]:
            db.execute("UPDATE reviews SET fact_ref = ?, candidate_ref = ? WHERE id = ?",
                       [fact_ref, candidate_ref, row["id"]])
