"""Idempotent, atomic writes: re-ingest, supersede, restore, one fact with many reports, entities.

The results are dated by the resolve stage first (store_builders.article), as in the pipeline;
the dating decisions themselves are tested in tests/resolve/test_dating.py.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from endorsetrack.store import StoreWriter, article_identity, content_hash, queries
from endorsetrack.types import Article, ArticleResult, DateWindow
from store_builders import RACE, article, counts, end, poll, run_at_once

URL = "https://news.example/2006/08/unions"


def write_all(db, *results):
    with StoreWriter(db) as w:
        return [w.write(r) for r in results]


def test_reingesting_the_same_article_changes_nothing(db):
    a = article("a.txt", "The IAFF stands with Lieberman.", end("IAFF", "Joe Lieberman"), url=URL,
                polls=(poll("Quinnipiac University", [("Joe Lieberman", 49), ("Ned Lamont", 38)]),))
    assert [o.status for o in write_all(db, a)] == ["stored"]
    before = counts(db)
    assert [o.status for o in write_all(db, a, a)] == ["unchanged", "unchanged"]
    assert counts(db) == before
    # whitespace-only differences are the same text
    again = article("a.txt", "The IAFF  stands with\nLieberman. ", end("IAFF", "Joe Lieberman"), url=URL)
    assert write_all(db, again)[0].status == "unchanged"


def test_changed_text_at_same_url_supersedes_and_keeps_history(db):
    v1 = article("a.txt", "version one", end("IAFF", "Joe Lieberman"), url=URL)
    v2 = article("a.txt", "version two", end("IAFF", "Ned Lamont"), url=URL)
    assert [o.status for o in write_all(db, v1, v2)] == ["stored", "superseded"]
    current = queries.endorsements(db)
    assert [(r["endorser"], r["candidate"]) for r in current] == [
        ("International Association of Fire Fighters", "Ned Lamont")]
    history = queries.export_rows(db, history=True)
    assert {(r["candidate"], r["current"]) for r in history} == {("Joe Lieberman", False), ("Ned Lamont", True)}
    rows = db.query("SELECT id, is_current, superseded_by FROM articles ORDER BY id")
    assert rows[0]["is_current"] == 0 and rows[0]["superseded_by"] == rows[1]["id"] and rows[1]["is_current"] == 1
    # the text goes back to version one: that version is current again, nothing new is written
    n = counts(db)
    assert write_all(db, v1)[0].status == "restored"
    assert counts(db) == n
    assert [r["candidate"] for r in queries.endorsements(db)] == ["Joe Lieberman"]


def test_one_endorsement_in_several_articles_is_one_fact_with_all_sources(db):
    write_all(db,
              article("a.txt", "first", end("International Association of Firefighters", "Joe Lieberman"),
                      published="2006-08-29"),
              article("b.txt", "second", end("IAFF", "Sen. Joe Lieberman"), published="2006-08-20"),
              article("c.txt", "third", end("International Association of Fire Fighters", "Joe Lieberman",
                                            start=5), published="2006-09-02"))
    [fact] = queries.endorsements(db)
    assert fact["endorser"] == "International Association of Fire Fighters"
    assert fact["candidate"] == "Joe Lieberman"
    assert fact["reports"] == 3 and len(fact["sources"]) == 3
    assert fact["first_reported"] == "2006-08-20" and fact["last_reported"] == "2006-09-02"
    assert counts(db)["stances"] == 1 and counts(db)["stance_sources"] == 3


def test_entities_keep_all_names_with_scores_and_candidates(db):
    write_all(db, article("a.txt", "x", end("Service Employees", "Ned Lamont", aliases=("SEIU",))),
              article("b.txt", "y", end("Service Employees International Union", "Ned Lamont")))
    [row] = queries.entity_rows(db, "SEIU")
    assert row["name"] == "Service Employees International Union"
    names = {n["name"]: (n["score"], n["method"]) for n in row["names"]}
    assert names["Service Employees"][0] == 1.0 and names["SEIU"][0] == 1.0
    cands = db.query("SELECT mention_key, score, method, chosen FROM entity_match_candidates")
    assert [(c["mention_key"], c["method"], c["chosen"]) for c in cands] == [
        ("service employees international", "gazetteer", 1)]  # name keys drop a trailing "union"


def test_unknown_organisations_merge_by_scored_rules_and_keep_candidates(db):
    org = dict(type_="organization")
    write_all(db, article("a.txt", "x", end("National Citizen Action Network", "Ned Lamont", **org)),
              article("b.txt", "y", end("Citizen Action Network", "Ned Lamont", **org)),
              article("c.txt", "z", end("NCAN", "Ned Lamont", **org)),
              article("d.txt", "w", end("Ohio Citizen Action Network", "Ned Lamont", **org)))
    ents = {r["name"] for r in db.query("SELECT name FROM entities WHERE kind = 'organization'")}
    # token subset (0.8) and acronym (0.9) reach the threshold; a state's body stays apart
    assert ents == {"National Citizen Action Network", "Ohio Citizen Action Network"}
    methods = {r["name"]: r["method"] for r in db.query("SELECT name, method FROM entity_names")}
    assert methods["Citizen Action Network"] == "token_subset" and methods["NCAN"] == "acronym"


def test_a_local_is_its_own_entity_under_its_national(db):
    write_all(db, article("a.txt", "x", end("Carpenters Local 43", "Joe Lieberman", stage="primary"),
                          end("1199/SEIU", "Ned Lamont", stage="primary", start=3),
                          end("AFT Connecticut", "Ned Lamont", start=6),
                          end("two of its largest locals", "John DeStefano", parent="SEIU", start=9,
                              race="2006 Governor, Connecticut")))
    parents = {r["name"]: r["parent"] for r in queries.entity_rows(db)}
    assert parents["Carpenters Local 43"] == "United Brotherhood of Carpenters and Joiners of America"
    assert parents["1199/SEIU"] == "Service Employees International Union"
    assert parents["AFT Connecticut"] == "American Federation of Teachers"
    assert parents["two of its largest locals"] == "Service Employees International Union"
    assert parents["Service Employees International Union"] is None


def test_article_is_atomic_when_a_write_fails_midway(db, monkeypatch):
    good = article("good.txt", "fine", end("IAFF", "Joe Lieberman"))
    bad = article("bad.txt", "boom", end("UAW", "Ned Lamont"), end("AFT", "Ned Lamont", start=4))
    calls = {"n": 0}
    with StoreWriter(db) as w:
        w.write(good)
        original = w._write_stance

        def fail_on_second(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("disk on fire")
            return original(*args, **kwargs)

        monkeypatch.setattr(w, "_write_stance", fail_on_second)
        with pytest.raises(RuntimeError):
            w.write(bad)
        monkeypatch.setattr(w, "_write_stance", original)
        assert w.write(bad).status == "stored"  # a retry writes it whole
    docs = [r["doc"] for r in db.query("SELECT doc FROM articles ORDER BY id")]
    assert docs == ["good.txt", "bad.txt"]
    assert counts(db)["stance_sources"] == 3
    assert w.counts["failed"] == 1


def test_dates_published_inferred_and_stated(db):
    write_all(db,
              article("p.txt", "x", end("IAFF", "Joe Lieberman"), published="2006-08-29T10:00:00Z"),
              article("i.txt", "The Sept. 3 rally was held in the hall. Members are pledging to vote on Nov. 7.",
                      end("UAW", "Ned Lamont")),
              article("s.txt", "y", end("AFT", "Ned Lamont", date="2006-07-01")),
              article("u.txt", "no dates at all", end("CWA", "Joe Lieberman", race=None)))
    rows = {r["endorser_as_written"]: r for r in queries.export_rows(db)}
    assert (rows["IAFF"]["date"], rows["IAFF"]["date_basis"]) == ("2006-08-29", "published")
    assert (rows["UAW"]["date"], rows["UAW"]["date_basis"]) == ("2006-09-03", "inferred")  # year from the race
    assert rows["UAW"]["date_window_end"] == "2006-11-07"
    assert (rows["AFT"]["date"], rows["AFT"]["date_basis"]) == ("2006-07-01", "stated")
    assert (rows["CWA"]["date"], rows["CWA"]["date_basis"]) == (None, "unknown")


def test_year_option_dates_yearless_references_in_the_store(db):
    write_all(db, article("i.txt", "The Aug. 8 primary was won by Lamont.", end("UAW", "Ned Lamont", race=None),
                          year=2006))
    [row] = queries.export_rows(db)
    assert row["date"] == "2006-08-08"


def test_writer_stores_the_dates_and_race_it_is_given_without_deciding_them(db):
    given = replace(article("g.txt", "The Sept. 3 rally.", end("UAW", "Ned Lamont", race="mayor")),
                    date_window=DateWindow("1999-01-01", "1999-02-01", "inferred"), published_date=None)
    given = replace(given, endorsements=tuple(replace(e, effective_date="1999-01-15", date_basis="stated",
                                                      resolved_race="1999 mayor", race_basis="stated+year-of-date")
                                              for e in given.endorsements))
    write_all(db, given)
    [row] = queries.export_rows(db)
    assert (row["date"], row["date_basis"], row["race"]) == ("1999-01-15", "stated", "1999 mayor")
    assert (row["date_window_start"], row["date_window_end"]) == ("1999-01-01", "1999-02-01")


def test_writer_refuses_a_result_the_resolve_stage_did_not_date(db):
    undated = ArticleResult(article=Article(doc="u.txt", text="x"), endorsements=(end("UAW", "Ned Lamont"),))
    with pytest.raises(ValueError, match="not dated"):
        write_all(db, undated)
    assert counts(db)["articles"] == 0


def test_candidate_race_ties_raceless_facts(db):
    write_all(db, article("a.txt", "x", end("IAFF", "Joe Lieberman", race=RACE)),
              article("b.txt", "y", end("CWA", "Joe Lieberman", race=None, stage="primary")))
    races = {r["endorser"]: r["race"] for r in queries.endorsements(db)}
    assert races["Communications Workers of America"] == RACE


def test_identity_is_url_else_doc_path(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("x")
    assert article_identity(Article(doc="d", text="t", url="https://a.example/x#frag")) == "https://a.example/x"
    assert article_identity(Article(doc=str(f), text="t")) == str(f.resolve())
    assert article_identity(Article(doc="record-17", text="t")) == "record-17"
    assert content_hash("a  b\n") == content_hash("a b")


def test_yearless_race_takes_the_year_of_the_stance_date(db):
    write_all(db, article("a.txt", "x", end("SEIU", "Howard Dean", race="president"), published="2004-02-07"),
              article("b.txt", "y", end("SEIU", "Hillary Clinton", race="president"), published="2016-06-10"))
    races = {r["candidate"]: r["race"] for r in queries.endorsements(db)}
    assert races == {"Howard Dean": "2004 president", "Hillary Clinton": "2016 president"}


def test_parent_chain_is_followed_up_to_the_national(db):
    write_all(db, article("a.txt", "x", end("Chicago Fraternal Order of Police Lodge 7", "Paul Vallas", race=None)))
    parents = {r["name"]: (r["parent"], r["top"]) for r in queries.entity_rows(db)}
    assert parents["Chicago Fraternal Order of Police Lodge 7"] == ("Chicago Fraternal Order of Police",
                                                                     "Fraternal Order of Police")
    assert parents["Chicago Fraternal Order of Police"][0] == "Fraternal Order of Police"


def test_two_runs_writing_the_same_article_at_once_both_succeed(db_url):
    """Two ingests of the same files at once: the second finds the first's row at commit
    and counts the article unchanged instead of failing on the unique key."""
    from endorsetrack.store import open_store

    open_store(db_url, create=True, migrate_to_head=True).close()
    result = article("same.txt", "The Harbor Nurses Union endorsed Lena Park.", end("Harbor Nurses Union", "Lena Park"))
    outcomes: list[str] = []

    def one_run(db) -> None:
        with StoreWriter(db) as w:
            outcomes.append(w.write(result).status)

    assert run_at_once(lambda: open_store(db_url), one_run, 2) == []
    assert sorted(outcomes) == ["stored", "unchanged"]
