"""Reviews: stored apart from extraction, keyed to survive re-extraction, applied by the read queries."""
from __future__ import annotations

import pytest

import web_builders
from endorsetrack.errors import QueryError, UnknownNameError
from endorsetrack.store import HEAD, StoreWriter, open_store, queries
from endorsetrack.store import review as rv
from endorsetrack.store.migrations import applied
from endorsetrack.store.view import CatalogView


def fact_id(db, endorser, candidate, stance="endorses"):
    return web_builders.ids(db)["facts"][(endorser, candidate, stance)]


def endorsers_of(db, candidate):
    rows = rv.reviewed_source_rows(db, CatalogView(db), candidates=set(CatalogView(db).find(candidate)))
    return sorted({CatalogView(db).name(r["endorser_id"]) for r in rows})


def test_the_reviews_migration_is_applied_and_creates_the_table(db):
    assert "0004_reviews" in applied(db) and HEAD in applied(db)
    assert db.table_exists("reviews")


def test_reject_hides_a_fact_and_a_later_confirm_restores_it(db):
    fid = fact_id(db, "Plumbers Guild", "Ned Harlow")
    assert "Plumbers Guild" in endorsers_of(db, "Ned Harlow")
    rv.record_review(db, fid, "reject", note="the text says Plumbers Union", reviewer="ann")
    assert "Plumbers Guild" not in endorsers_of(db, "Ned Harlow")
    flagged = rv.reviewed_source_rows(db, CatalogView(db), endorsers={1}, keep_rejected=True)
    assert [(r["review"], r["review_note"]) for r in flagged if r["fact_id"] == fid] == [
        ("reject", "the text says Plumbers Union")]
    rv.record_review(db, fid, "confirm")
    assert "Plumbers Guild" in endorsers_of(db, "Ned Harlow")
    assert [r.action for r in rv.review_history(db, fid)] == ["reject", "confirm"]


def test_correction_replaces_values_and_filters_match_the_corrected_values(db):
    view = CatalogView(db)
    fid = fact_id(db, "Glaziers Union", "Ned Harlow")
    lieberman = next(iter(view.find("Joe Pennock")))
    rv.record_review(db, fid, "correct", stance="will_endorse", stage="primary", candidate_id=lieberman)
    rows = rv.reviewed_source_rows(db, CatalogView(db), candidates={lieberman}, stance="will_endorse")
    assert [(r["fact_id"], r["stage"], r["review"]) for r in rows] == [(fid, "primary", "correct")]
    assert rows[0]["extracted"]["stance"] == "endorses"
    assert "Glaziers Union" not in endorsers_of(db, "Ned Harlow")


def test_review_input_is_checked(db):
    fid = fact_id(db, "Plumbers Guild", "Ned Harlow")
    with pytest.raises(QueryError, match="must be one of confirm, reject, correct"):
        rv.record_review(db, fid, "approve")
    with pytest.raises(UnknownNameError, match="no fact with id 9999"):
        rv.record_review(db, 9999, "confirm")
    with pytest.raises(QueryError, match="must change"):
        rv.record_review(db, fid, "correct", stance="endorses", stage="general")  # same as extracted
    with pytest.raises(QueryError, match="stance must be one of"):
        rv.record_review(db, fid, "correct", stance="likes")
    with pytest.raises(QueryError, match="only a 'correct' review changes fields"):
        rv.record_review(db, fid, "reject", stance="opposes")
    with pytest.raises(QueryError, match="cannot contain NUL"):  # PostgreSQL text cannot hold it
        rv.record_review(db, fid, "reject", note="fine\x00then not")
    assert rv.review_rows(db) == []  # nothing was stored by the refused reviews


def test_review_survives_a_superseded_article_and_a_rebuilt_database(db, tmp_path):
    fid = fact_id(db, "Plumbers Guild", "Ned Harlow")
    rv.record_review(db, fid, "reject")
    # re-extraction of an edited article at the same URL: new stance_sources, same fact, review holds
    with StoreWriter(db) as w:
        assert w.write(web_builders.article_one(web_builders.TEXT_1 + "\n\nUpdated.")).status == "superseded"
    assert "Plumbers Guild" not in endorsers_of(db, "Ned Harlow")
    # a rebuilt database ingests in another order (other row ids); the review rows carried over still apply
    other = open_store(str(tmp_path / "rebuilt.db"), create=True, migrate_to_head=True)
    try:
        with StoreWriter(other) as w:
            for result in (web_builders.article_xss(), web_builders.article_two(), web_builders.article_one()):
                w.write(result)
        assert fact_id(other, "Plumbers Guild", "Ned Harlow") != fid
        other.begin()
        for r in rv.review_rows(db):
            other.execute("INSERT INTO reviews (fact_ref, action, created_at) VALUES (?, ?, ?)",
                          [r["fact_ref"], r["action"], r["created_at"]])
        other.commit()
        assert "Plumbers Guild" not in endorsers_of(other, "Ned Harlow")
        assert "Glaziers Union" in endorsers_of(other, "Ned Harlow")
    finally:
        other.close()


def test_wiring_reviewed_rows_into_the_named_queries_makes_them_review_aware(db, monkeypatch):
    """What queries.py gets when its source_rows goes through review.reviewed_source_rows."""
    raw = queries.source_rows

    def wired(db_, view, **filters):
        return rv.reviewed_source_rows(db_, view, fetch=raw, **filters)
    monkeypatch.setattr(queries, "source_rows", wired)
    plumbers = fact_id(db, "Plumbers Guild", "Ned Harlow")
    glaziers = fact_id(db, "Glaziers Union", "Ned Harlow")
    rv.record_review(db, plumbers, "reject")
    rv.record_review(db, glaziers, "correct", stance="will_endorse")
    rows = queries.endorsements(db, candidate="Harlow")
    assert "Plumbers Guild" not in {r["endorser"] for r in rows}
    assert {(r["endorser"], r["stance"]) for r in rows} >= {("Glaziers Union", "will_endorse")}
    status = queries.race_status(db, "Connecticut Senate")
    assert ("Glaziers Union", "will_endorse") in {(r["endorser"], r["stance"]) for r in status}
    exported = queries.export_rows(db)
    assert plumbers not in {r["fact_id"] for r in exported}
    assert {r["stance"] for r in exported if r["fact_id"] == glaziers} == {"will_endorse"}
