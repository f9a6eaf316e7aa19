"""Migration 0005_organization_lexicon: a database written with the old gazetteer's names
is rewritten to the one organisation lexicon's form, its facts and reviews kept with it."""
from __future__ import annotations

from endorsetrack.resolve import default_gazetteer, name_key
from endorsetrack.store import StoreWriter, connect, migrate
from store_builders import article, end

NOW = "2024-01-01T00:00:00+00:00"


def _entity(db, name: str, key: str, gazetteer_id, names: tuple[str, ...] = ()) -> int:
    db.execute("INSERT INTO entities (kind, name_key, name, entity_type, gazetteer_id, created_at)"
               " VALUES (?, ?, ?, ?, ?, ?)", ["organization", key, name, "union", gazetteer_id, NOW])
    eid = db.scalar("SELECT id FROM entities WHERE kind = 'organization' AND name_key = ?", [key])
    for n in (name, *names):
        db.execute("INSERT INTO entity_names (entity_id, name, name_key, score, method) VALUES (?, ?, ?, ?, ?)",
                   [eid, n, name_key(n), 1.0, "gazetteer"])
    return eid


def _old_state_database(db_url):
    """A database at 0004 holding what the old gazetteer stored: UFCW under its short name,
    the Democratic Party under the DNC's id, a pollster id, an unlinked newspaper; one
    stance of the UFCW with a review naming it by its old key."""
    db = connect(db_url, create=True)
    migrate(db, target="0004_reviews")
    db.begin()
    ufcw = _entity(db, "United Food and Commercial Workers", "united food and commercial workers", "ufcw",
                   ("UFCW", "United Food and Commercial Workers International Union"))
    party = _entity(db, "Democratic Party", "democratic party", "dnc", ("DNC", "Democratic National Committee"))
    pollster = _entity(db, "Quinnipiac University", "quinnipiac university", "quinnipiac", ("Quinnipiac",))
    paper = _entity(db, "Washington Post", "washington post", None)
    db.execute("INSERT INTO entities (kind, name_key, name, created_at) VALUES (?, ?, ?, ?)",
               ["person", "jane roe", "Jane Roe", NOW])
    roe = db.scalar("SELECT id FROM entities WHERE kind = 'person'")
    db.execute("INSERT INTO stances (fact_key, endorser_id, candidate_id, stance, stage) VALUES (?, ?, ?, ?, ?)",
               [f"{ufcw}|{roe}|endorses|general|-", ufcw, roe, "endorses", "general"])
    db.execute("INSERT INTO reviews (fact_ref, action, created_at) VALUES (?, ?, ?)",
               ["organization:united food and commercial workers|person:jane roe|endorses|general|-", "confirm", NOW])
    db.commit()
    return db, {"ufcw": ufcw, "party": party, "pollster": pollster, "paper": paper}


def _row(db, eid: int) -> dict:
    return db.query("SELECT name, name_key, gazetteer_id FROM entities WHERE id = ?", [eid])[0]


def test_an_old_database_gets_the_lexicon_names_and_keeps_its_facts(db_url):
    db, ids = _old_state_database(db_url)
    try:
        assert migrate(db, target="0005_organization_lexicon") == ["0005_organization_lexicon"]
        assert _row(db, ids["ufcw"]) == {"name": "United Food and Commercial Workers International Union",
                                         "name_key": "united food and commercial workers international",
                                         "gazetteer_id": "ufcw"}
        assert db.scalar("SELECT endorser_id FROM stances") == ids["ufcw"]
        assert db.scalar("SELECT fact_ref FROM reviews") == (
            "organization:united food and commercial workers international|person:jane roe|endorses|general|-")
        assert _row(db, ids["party"]) == {"name": "Democratic Party", "name_key": "democratic party",
                                          "gazetteer_id": "democratic-party"}
        assert _row(db, ids["pollster"])["gazetteer_id"] is None
        assert _row(db, ids["paper"]) == {"name": "The Washington Post", "name_key": "washington post",
                                          "gazetteer_id": "wapo"}
    finally:
        db.close()


def test_after_the_migration_a_new_mention_finds_the_renamed_entity(db_url):
    db, ids = _old_state_database(db_url)
    try:
        migrate(db)
        with StoreWriter(db) as w:
            w.write(article("new.txt", "text", end("UFCW", "Jane Roe"), end("Washington Post", "Jane Roe", start=9,
                                                                            type_="newspaper")))
        stances = {r["endorser_id"] for r in db.query("SELECT endorser_id FROM stances")}
        assert {ids["ufcw"], ids["paper"]} <= stances
        assert db.scalar("SELECT count(*) FROM entities WHERE gazetteer_id = 'ufcw'") == 1
        assert db.scalar("SELECT name FROM entities WHERE id = ?", [ids["ufcw"]]) == default_gazetteer().orgs["ufcw"].name
    finally:
        db.close()


def test_a_database_without_old_names_migrates_unchanged(db_url):
    db = connect(db_url, create=True)
    try:
        migrate(db)
        assert db.scalar("SELECT count(*) FROM entities") == 0
    finally:
        db.close()
