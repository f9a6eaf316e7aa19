"""SQL views (migration 0008_views): one row per fact and per poll result, readable with SQL alone."""
from __future__ import annotations

import sqlite3

import pytest

from endorsetrack.store import StoreWriter, queries
from store_builders import RACE, article, end, poll

MAYOR = "2027 mayor, Port Alder"


@pytest.fixture
def stored(db):
    with StoreWriter(db) as w:
        w.write(article("first.txt", "a", url="https://paper.example/first", published="2006-08-29", *[
            end("Glaziers Union", "Ned Lamont", evidence="The glaziers back Lamont", start=0),
            end("Tilers Guild", "Joe Lieberman", "declines", start=1)],
            polls=(poll("Oakmere College", [("Joe Lieberman", 49), ("Ned Lamont", 38)], released="--08-17"),)))
        w.write(article("second.txt", "b", published="2006-09-04", *[
            end("Glaziers Union", "Ned Lamont", evidence="Glaziers again for Lamont", start=0),
            end("Ferry Workers", "Ada Quell", race=MAYOR, start=1)]))
        w.write(article("undated.txt", "c", end("Glaziers Union", "Ned Lamont", evidence="undated quote")))
    return db


def test_v_endorsements_has_one_row_per_fact_with_names_race_parts_first_date_and_source(stored):
    rows = stored.query("SELECT * FROM v_endorsements ORDER BY endorser, candidate")
    assert [(r["endorser"], r["candidate"], r["stance"]) for r in rows] == [
        ("Ferry Workers", "Ada Quell", "endorses"), ("Glaziers Union", "Ned Lamont", "endorses"),
        ("Tilers Guild", "Joe Lieberman", "declines")]
    glaziers = rows[1]
    assert (glaziers["first_reported"], glaziers["last_reported"], glaziers["report_count"]) == (
        "2006-08-29", "2006-09-04", 3)
    assert (glaziers["evidence"], glaziers["source_url"], glaziers["source_doc"]) == (
        "The glaziers back Lamont", "https://paper.example/first", "first.txt")
    assert (glaziers["race"], glaziers["race_year"], glaziers["race_office"], glaziers["race_state"],
            glaziers["endorser_type"], glaziers["stage"]) == (RACE, 2006, "U.S. Senate", "Connecticut", "union",
                                                              "general")
    assert rows[0]["race_city"] == "Port Alder"
    # the same facts, counts and first dates as the library's endorsements query
    lib = {(r["endorser"], r["candidate"]): (r["first_reported"], r["reports"], r["race"])
           for r in queries.endorsements(stored)}
    assert {(r["endorser"], r["candidate"]): (r["first_reported"], r["report_count"], r["race"]) for r in rows} == lib


def test_v_polls_has_one_row_per_candidate_result_with_pollster_and_race(stored):
    rows = stored.query("SELECT * FROM v_polls ORDER BY share DESC")
    assert [(r["pollster"], r["candidate"], r["share"], r["released"], r["race"], r["race_state"])
            for r in rows] == [("Oakmere College", "Joe Lieberman", 49, "2006-08-17", RACE, "Connecticut"),
                               ("Oakmere College", "Ned Lamont", 38, "2006-08-17", RACE, "Connecticut")]
    assert {r["source_url"] for r in rows} == {"https://paper.example/first"}


def test_a_superseded_article_leaves_the_views(stored):
    with StoreWriter(stored) as w:
        w.write(article("first.txt", "a, edited", url="https://paper.example/first", published="2006-08-29"))
    assert stored.scalar("SELECT count(*) FROM v_polls") == 0
    assert stored.scalar("SELECT report_count FROM v_endorsements WHERE endorser = 'Glaziers Union'") == 2
    assert stored.scalar("SELECT count(*) FROM v_endorsements WHERE endorser = 'Tilers Guild'") == 0


def test_a_plain_sqlite_client_reads_the_views(tmp_path):
    from endorsetrack.store import open_store

    path = tmp_path / "plain.db"
    db = open_store(str(path), create=True, migrate_to_head=True)
    try:
        with StoreWriter(db) as w:
            w.write(article("x.txt", "x", end("Glaziers Union", "Ned Lamont"), published="2006-08-29"))
    finally:
        db.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT endorser, candidate, race, first_reported FROM v_endorsements").fetchall() == [
            ("Glaziers Union", "Ned Lamont", RACE, "2006-08-29")]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert names == {"v_endorsements", "v_polls"}
