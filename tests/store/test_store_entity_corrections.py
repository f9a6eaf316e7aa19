"""Entity corrections: merge, rename, retype; logged, and holding when articles are extracted again.

"Extracted again" is each way an article's facts are written anew: the same articles
re-ingested (nothing changes), an edited version at the same URL (its facts re-extracted
and its names resolved again), a new article naming the old entity, and a rebuilt
database that carries the correction log over.
"""
from __future__ import annotations

import json

import pytest

from endorsetrack.errors import AmbiguousNameError, QueryError, UnknownNameError
from endorsetrack.store import StoreWriter, open_store, queries
from endorsetrack.store import entity_corrections as ec
from endorsetrack.store import review as rv
from store_builders import article, counts, end, poll

URL_1 = "https://news.example/2030/05/harbor-unions"
URL_2 = "https://news.example/2030/06/harbor-race"
TEXT_1 = "The Dockhands Guild and the Harbor Pilots back Mara Velloso."
TEXT_2 = "Dockhands Local endorsed Mara Velloso; a Quayside poll has her ahead."


def first_article(text: str = TEXT_1):
    return article("one.txt", text,
                   end("Dockhands Guild", "Mara Velloso", race="2030 mayor, Port Elsin"),
                   end("Harbor Pilots", "Mara Velloso", race="2030 mayor, Port Elsin", start=30),
                   url=URL_1, published="2030-05-02")


def second_article(text: str = TEXT_2):
    return article("two.txt", text,
                   end("Dockhands Local", "Mara Velloso", race="2030 mayor, Port Elsin"),
                   url=URL_2, published="2030-06-09",
                   polls=(poll("Quayside Research", [("Mara Velloso", 51), ("Tomas Brede", 40)]),))


def write_all(db, *results):
    with StoreWriter(db) as w:
        return [w.write(r).status for r in results]


def entity(db, name):
    return ec.find_entity(db, name)


def names_of(db, eid):
    return {r["name"] for r in db.query("SELECT name FROM entity_names WHERE entity_id = ?", [eid])}


def endorsers(db):
    return sorted((r["endorser"], r["candidate"], r["reports"]) for r in queries.endorsements(db))


@pytest.fixture
def stored(db):
    write_all(db, first_article(), second_article())
    return db


def test_merge_moves_facts_and_names_and_joins_facts_that_become_one(stored):
    db = stored
    keep, fold = entity(db, "Dockhands Guild"), entity(db, "Dockhands Local")
    out = ec.merge_entities(db, keep, fold, reviewer="ines", note="one guild")
    assert out.entity_id == keep and out.moved == {"facts": 1, "polls": 0, "names": 1}
    assert ("Dockhands Guild", "Mara Velloso", 2) in endorsers(db)  # two facts became one with both reports
    assert "Dockhands Local" in names_of(db, keep)  # B's names are A's aliases
    assert db.scalar("SELECT count(*) FROM entities WHERE id = ?", [fold]) == 0
    [log] = ec.correction_rows(db)
    assert (log["action"], log["entity_ref"], log["other_ref"], log["reviewer"], log["note"], log["entity_id"]) == (
        "merge", "organization:dockhands guild", "organization:dockhands local", "ines", "one guild", keep)


def test_merging_a_pollster_and_a_candidate_moves_polls_and_results(stored):
    db = stored
    pilots = entity(db, "Harbor Pilots")
    ec.merge_entities(db, pilots, entity(db, "Quayside Research"))
    assert [p["pollster"] for p in queries.poll_rows(db)] == ["Harbor Pilots"]
    velloso = entity(db, "Mara Velloso")
    out = ec.merge_entities(db, velloso, entity(db, "Tomas Brede"))
    assert out.moved["polls"] == 0  # the poll named both: one result row stays, the other goes
    [p] = queries.poll_rows(db)
    assert [r["candidate"] for r in p["results"]] == ["Mara Velloso"]


def test_a_merge_holds_when_the_articles_are_extracted_again(stored):
    db = stored
    keep = entity(db, "Dockhands Guild")
    ec.merge_entities(db, keep, entity(db, "Dockhands Local"))
    before = counts(db)
    assert write_all(db, first_article(), second_article()) == ["unchanged", "unchanged"]
    assert counts(db) == before
    # an edited version: its facts are extracted again and "Dockhands Local" resolved again
    assert write_all(db, second_article(TEXT_2 + " Updated.")) == ["superseded"]
    assert db.scalar("SELECT count(*) FROM entities WHERE name = 'Dockhands Local'") == 0
    assert ("Dockhands Guild", "Mara Velloso", 2) in endorsers(db)
    # a new article naming the merged entity files under the kept one
    write_all(db, article("three.txt", "later", end("Dockhands Local", "Tomas Brede"),
                          published="2030-07-01"))
    assert ("Dockhands Guild", "Tomas Brede", 1) in endorsers(db)


def test_a_merge_of_a_well_known_body_holds_against_its_gazetteer_entry(db):
    """A lexicon organisation resolves by its lexicon id, not by stored names: the merge's
    redirect must catch it, or re-extraction would make it again."""
    write_all(db, article("a.txt", "a", end("Firefighters of Port Elsin", "Mara Velloso"),
                          end("IAFF", "Mara Velloso", start=9), url=URL_1))
    keep = entity(db, "Firefighters of Port Elsin")
    ec.merge_entities(db, keep, entity(db, "International Association of Fire Fighters"))
    write_all(db, article("b.txt", "b", end("International Association of Fire Fighters", "Tomas Brede"), url=URL_2))
    assert {r["endorser"] for r in queries.endorsements(db)} == {"Firefighters of Port Elsin"}
    assert db.scalar("SELECT count(*) FROM entities WHERE gazetteer_id IS NOT NULL") == 1


def test_a_merge_across_name_spaces_holds_when_the_extractor_still_calls_it_a_person(db):
    """A person-typed mention is looked up among persons only: the merge's redirect sends it on."""
    write_all(db, article("a.txt", "a", end("Velloso Works", "Mara Velloso"),
                          end("Velloso Worker", "Mara Velloso", type_="person", start=9), url=URL_1))
    keep = entity(db, "Velloso Works")
    ec.merge_entities(db, keep, entity(db, "Velloso Worker"))
    n = counts(db)["entities"]
    write_all(db, article("b.txt", "b", end("Velloso Worker", "Tomas Brede", type_="person"), url=URL_2))
    assert counts(db)["entities"] == n + 1  # only the new candidate
    assert {r["endorser"] for r in queries.endorsements(db)} == {"Velloso Works"}


def test_rename_keeps_the_reference_and_holds_after_reextraction(stored):
    db = stored
    eid = entity(db, "Harbor Pilots")
    out = ec.rename_entity(db, eid, "Harbor Pilots Association", reviewer="ines")
    assert out.correction.entity_ref == "organization:harbor pilots" and out.correction.old_value == "Harbor Pilots"
    write_all(db, first_article(TEXT_1 + " Edited."))
    assert ("Harbor Pilots Association", "Mara Velloso", 1) in endorsers(db)
    assert entity(db, "Harbor Pilots") == entity(db, "Harbor Pilots Association") == eid


def test_retype_across_name_spaces_holds_when_the_extractor_types_it_as_before(db):
    write_all(db, article("a.txt", "a", end("Quill Brotherhood", "Mara Velloso", type_="person"), url=URL_1))
    eid = entity(db, "Quill Brotherhood")
    ec.retype_entity(db, eid, "union")
    assert db.query("SELECT kind, entity_type FROM entities WHERE id = ?", [eid]) == [
        {"kind": "organization", "entity_type": "union"}]
    n = counts(db)["entities"]
    # re-extraction still calls it a person: the mention follows the correction
    write_all(db, article("a.txt", "a edited", end("Quill Brotherhood", "Mara Velloso", type_="person"), url=URL_1))
    assert counts(db)["entities"] == n
    [row] = queries.endorsements(db)
    assert (row["endorser"], row["endorser_type"], row["reports"]) == ("Quill Brotherhood", "union", 1)


def test_a_rebuilt_database_with_the_log_carried_over_gets_every_correction_again(stored, tmp_path):
    db = stored
    ec.merge_entities(db, entity(db, "Dockhands Guild"), entity(db, "Dockhands Local"))
    ec.rename_entity(db, entity(db, "Harbor Pilots"), "Harbor Pilots Association")
    ec.retype_entity(db, entity(db, "Quayside Research"), "other")
    fid = db.scalar("SELECT s.id FROM stances s JOIN entities e ON e.id = s.endorser_id"
                    " WHERE e.name = 'Harbor Pilots Association'")
    rv.record_review(db, fid, "correct", endorser_name="Harbor Pilots Local 9")  # a new entity, logged
    other = open_store(str(tmp_path / "rebuilt.db"), create=True, migrate_to_head=True)
    try:
        other.begin()
        for r in db.query("SELECT * FROM reviews ORDER BY id"):
            other.execute("INSERT INTO reviews (fact_ref, action, endorser_ref, created_at) VALUES (?, ?, ?, ?)",
                          [r["fact_ref"], r["action"], r["endorser_ref"], r["created_at"]])
        for r in db.query("SELECT * FROM entity_corrections ORDER BY id"):
            other.execute("INSERT INTO entity_corrections (action, entity_ref, other_ref, new_value, old_value, detail,"
                          " reviewer, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          [r[k] for k in ("action", "entity_ref", "other_ref", "new_value", "old_value", "detail",
                                          "reviewer", "note", "created_at")])
        other.commit()
        write_all(other, second_article(), first_article())  # another order: other row ids
        assert endorsers(other) == endorsers(db)
        assert ("Harbor Pilots Local 9", "Mara Velloso", 1) in endorsers(other)
        assert {r["name"]: r["type"] for r in queries.entity_rows(other)} == {
            r["name"]: r["type"] for r in queries.entity_rows(db)}
    finally:
        other.close()


def test_a_replay_writes_nothing_when_nothing_was_undone(stored):
    db = stored
    ec.merge_entities(db, entity(db, "Dockhands Guild"), entity(db, "Dockhands Local"))
    ec.rename_entity(db, entity(db, "Harbor Pilots"), "Harbor Pilots Association")
    ec.retype_entity(db, entity(db, "Harbor Pilots Association"), "organization")
    db.begin()
    try:
        assert ec.reapply_corrections(db) == 0
    finally:
        db.rollback()


def test_naming_an_entity_takes_an_id_its_name_or_a_stored_spelling(stored):
    db = stored
    guild = entity(db, "Dockhands Guild")
    assert ec.find_entity(db, f"#{guild}") == guild
    assert ec.find_entity(db, "the dockhands guild") == guild
    ec.merge_entities(db, guild, entity(db, "Dockhands Local"))
    assert ec.find_entity(db, "Dockhands Local") == guild  # an alias now


def test_errors_name_the_problem(stored):
    db = stored
    guild, pilots = entity(db, "Dockhands Guild"), entity(db, "Harbor Pilots")
    with pytest.raises(QueryError, match=r"cannot merge #\d+ Dockhands Guild \(union\) into itself"):
        ec.merge_entities(db, guild, guild)
    with pytest.raises(QueryError, match=rf"'Harbor Pilots' is already a name of #{pilots} Harbor Pilots \(union\); "
                                         rf"to make them one entity, run: endorsetrack entities merge '#{pilots}' '#{guild}'"):
        ec.rename_entity(db, guild, "Harbor Pilots")
    with pytest.raises(QueryError, match="type must be one of union, organization, person, newspaper, party, other, "
                                         "got 'guild'"):
        ec.retype_entity(db, guild, "guild")
    with pytest.raises(QueryError, match="is already typed union"):
        ec.retype_entity(db, guild, "union")
    with pytest.raises(QueryError, match="needs letters or digits"):
        ec.rename_entity(db, guild, "  -- ")
    with pytest.raises(UnknownNameError, match="no entity with id 99999"):
        ec.find_entity(db, "#99999")
    with pytest.raises(UnknownNameError, match=r"no entity named 'Dockhands' in the database; names that hold these "
                                               r"words: #\d+ Dockhands Guild \(union\), #\d+ Dockhands Local"):
        ec.find_entity(db, "Dockhands")
    assert ec.correction_rows(db) == []  # nothing refused was logged


def test_a_name_two_entities_share_is_ambiguous_and_lists_both(stored):
    db = stored
    guild, pilots = entity(db, "Dockhands Guild"), entity(db, "Harbor Pilots")
    db.begin()
    for eid in (guild, pilots):
        db.execute("INSERT INTO entity_names (entity_id, name, name_key, score, method) VALUES (?, 'Port Crew', "
                   "'port crew', 0.9, 'test')", [eid])
    db.commit()
    with pytest.raises(AmbiguousNameError, match=rf"'Port Crew' could mean 2 entities: #{guild} Dockhands Guild "
                                                 rf"\(union\), #{pilots} Harbor Pilots \(union\); name one by its id, "
                                                 rf"e.g. '#{guild}'"):
        ec.find_entity(db, "Port Crew")


def test_a_review_corrects_the_endorser_with_a_new_name_and_the_correction_survives(stored):
    db = stored
    fid = db.scalar("SELECT s.id FROM stances s JOIN entities e ON e.id = s.endorser_id WHERE e.name = 'Harbor Pilots'")
    review = rv.record_review(db, fid, "correct", endorser_name="Harbor Pilots Local 9", reviewer="ines")
    assert review.endorser_ref == "organization:harbor pilots local 9"
    [created] = ec.correction_rows(db)
    assert (created["action"], created["new_value"], created["reviewer"]) == ("create", "Harbor Pilots Local 9", "ines")
    assert ("Harbor Pilots Local 9", "Mara Velloso", 1) in endorsers(db)
    assert [r["endorser"] for r in queries.endorsements(db, endorser="Harbor Pilots Local 9")] == ["Harbor Pilots Local 9"]
    # re-extraction of an edited version: the same fact again, the review holds
    write_all(db, first_article(TEXT_1 + " Edited."))
    assert ("Harbor Pilots Local 9", "Mara Velloso", 1) in endorsers(db)
    assert "Harbor Pilots" not in {r["endorser"] for r in queries.endorsements(db)}
    # the fact's endorser merged into another entity: the review follows it
    ec.merge_entities(db, entity(db, "Dockhands Guild"), entity(db, "Harbor Pilots"))
    assert ("Harbor Pilots Local 9", "Mara Velloso", 1) in endorsers(db)
    [log] = [r for r in rv.review_rows(db) if r["action"] == "correct"]
    assert log["fact_ref"].startswith("organization:dockhands guild|")


def test_a_review_names_an_existing_entity_by_name_and_refuses_both_ways(stored):
    db = stored
    fid = db.scalar("SELECT s.id FROM stances s JOIN entities e ON e.id = s.endorser_id WHERE e.name = 'Harbor Pilots'")
    rv.record_review(db, fid, "correct", endorser_name="dockhands guild", candidate_name="Tomas Brede")
    assert ec.correction_rows(db) == []  # both exist: nothing created
    assert ("Dockhands Guild", "Tomas Brede", 1) in endorsers(db)
    with pytest.raises(QueryError, match="choose an existing entity or name a new one, not both"):
        rv.record_review(db, fid, "correct", endorser_name="X Guild", endorser_id=1)
    with pytest.raises(QueryError, match="only a 'correct' review changes fields"):
        rv.record_review(db, fid, "confirm", endorser_name="X Guild")


def test_the_log_detail_is_json_with_the_redirected_names(stored):
    db = stored
    out = ec.merge_entities(db, entity(db, "Dockhands Guild"), entity(db, "Dockhands Local"))
    detail = json.loads(out.correction.detail or "{}")
    assert ["organization", "dockhands local"] in detail["redirect"]
    assert detail["keep"]["name"] == "Dockhands Guild"
