"""The web's read queries on SQLite and PostgreSQL: counts, support over time, history, articles, facts."""
from __future__ import annotations

import pytest

import web_builders
from endorsetrack.errors import UnknownNameError, UnknownRaceError
from endorsetrack.store import review as rv
from endorsetrack.store import web_queries as wq


def test_race_list_counts_facts_endorsers_candidates_and_polls(db):
    races = {r["name"]: r for r in wq.race_list(db)}
    senate = races[web_builders.RACE]
    # one poll: its whole-sample figures and its Democrats subgroup are two rows of the same poll
    assert (senate["facts"], senate["endorsers"], senate["candidates"], senate["polls"]) == (6, 4, 2, 1)
    assert senate["last_report"] == "2006-08-20"


def test_race_detail_counts_by_stage_and_stance_and_support_over_time(db):
    i = web_builders.ids(db)
    d = wq.race_detail(db, i["races"][web_builders.RACE])
    counts = {c["candidate"]: c for c in d["candidates"]}
    assert counts["Ned Harlow"]["by_stage"] == {"general": {"endorses": 4}}
    assert counts["Ned Harlow"]["supporters"] == 4
    assert counts["Joe Pennock"]["by_stage"] == {"primary": {"endorses": 1, "rescinds": 1}}
    series = {s["candidate"]: [(p["date"], p["count"]) for p in s["points"]] for s in d["timeline"]}
    assert series["Ned Harlow"] == [("2006-08-01", 1), ("2006-08-01", 2), ("2006-08-20", 3), ("2006-08-20", 4)]
    assert series["Joe Pennock"] == [("2006-08-01", 1), ("2006-08-20", 0)]  # the rescind takes it back
    assert {(p["population"], p["article_id"]) for p in d["polls"]} == {
        ("Democrats", i["articles"]["two.txt"]), (None, i["articles"]["two.txt"])}
    with pytest.raises(UnknownRaceError):
        wq.race_detail(db, 999)


def test_endorser_history_marks_the_change_and_the_rescind_and_links_parent_and_locals(db):
    i = web_builders.ids(db)
    d = wq.endorser_detail(db, i["entities"]["Roofers Council"])
    steps = [(r["date"], r["stance"], r["candidate"], r["change"]) for r in d["history"]]
    assert steps == [("2006-08-01", "endorses", "Joe Pennock", None),
                     ("2006-08-20", "rescinds", "Joe Pennock", "rescind"),
                     ("2006-08-20", "endorses", "Ned Harlow", None)]
    local = wq.endorser_detail(db, i["entities"]["Carpenters Local 43"])
    national = local["parents"][0]
    assert national["name"] == "United Brotherhood of Carpenters and Joiners of America"
    assert {"id": i["entities"]["Carpenters Local 43"], "name": "Carpenters Local 43"} in \
        wq.endorser_detail(db, national["id"])["locals"]
    with pytest.raises(UnknownNameError):
        wq.endorser_detail(db, 999)


def test_article_detail_gives_the_stored_text_and_offsets_that_point_at_the_evidence(db):
    i = web_builders.ids(db)
    d = wq.article_detail(db, i["articles"]["one.txt"])
    text = d["article"]["text"]
    assert text == web_builders.TEXT_1
    assert len(d["reports"]) == 3
    for r in d["reports"]:
        assert text[r["start"]:r["end"]] == r["evidence"]
    poll_article = wq.article_detail(db, i["articles"]["two.txt"])
    assert [p["pollster"] for p in poll_article["polls"]] == ["Brindlewood University"] * 2


def test_fact_detail_shows_values_in_force_and_as_extracted(db):
    i = web_builders.ids(db)
    fid = i["facts"][("Glaziers Union", "Ned Harlow", "endorses")]
    rv.record_review(db, fid, "correct", stage="primary", note="primary, per the text")
    d = wq.fact_detail(db, fid)
    assert (d["fact"]["stage"], d["extracted"]["stage"], d["fact"]["review"]) == ("primary", "general", "correct")
    assert [r["note"] for r in d["reviews"]] == ["primary, per the text"]
    assert d["reports"][0]["review"] == "correct"


def test_search_finds_races_and_entities_by_any_part_of_a_name(db):
    found = wq.search(db, "  roofers ")
    assert [e["name"] for e in found["entities"]] == ["Roofers Council"]
    assert found["entities"][0]["endorser"] and not found["entities"][0]["candidate"]
    assert [r["name"] for r in wq.search(db, "senate")["races"]] == [web_builders.RACE]
    assert wq.search(db, "") == {"query": "", "races": [], "entities": []}


def test_recent_reports_are_newest_first_and_skip_rejected_facts(db):
    first = wq.recent_reports(db, limit=3)
    assert [r["date"] for r in first] == ["2006-08-25", "2006-08-25", "2006-08-20"]
    for r in first[:2]:
        rv.record_review(db, r["fact_id"], "reject")
    assert wq.recent_reports(db, limit=1)[0]["date"] == "2006-08-20"


def test_endorser_history_calls_no_change_across_cycles_or_for_undated_reports_without_a_cycle(db):
    from endorsetrack.store import StoreWriter
    from endorsetrack.types import Article

    def one(doc, text, published, candidate, race, stance="endorses"):
        evidence = web_builders.ev(text, text)
        return web_builders.dated(article=Article(doc=doc, text=text, published=published),
                                  endorsements=(web_builders.end("Lamplighters Union", candidate, evidence, stance,
                                                                 race=race),))
    with StoreWriter(db) as w:
        w.write(one("l14.txt", "The lamplighters oppose Rita Vance.", "2014-09-01", "Rita Vance",
                    "2014 governor, Vermont", "opposes"))
        w.write(one("l18.txt", "The lamplighters back Rita Vance.", "2018-05-01", "Rita Vance", "2018 governor, Vermont"))
        w.write(one("l18b.txt", "The lamplighters now oppose Rita Vance.", "2018-10-01", "Rita Vance",
                    "2018 governor, Vermont", "opposes"))
        w.write(one("lx.txt", "The lamplighters back Omar Feld.", None, "Omar Feld", None))
        w.write(one("ly.txt", "The lamplighters back Uma Rill.", None, "Uma Rill", None))
    d = wq.endorser_detail(db, web_builders.ids(db)["entities"]["Lamplighters Union"])
    steps = [(r["date"], r["stance"], r["candidate"], r["change"], r["previous"]) for r in d["history"]]
    assert steps == [("2014-09-01", "opposes", "Rita Vance", None, None),
                     ("2018-05-01", "endorses", "Rita Vance", None, None),  # the 2018 race is another record
                     ("2018-10-01", "opposes", "Rita Vance", "change", {"stance": "endorses", "candidate": "Rita Vance"}),
                     (None, "endorses", "Omar Feld", None, None),  # undated, no race: no change of anything
                     (None, "endorses", "Uma Rill", None, None)]
