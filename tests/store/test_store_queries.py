"""Named read queries: endorsements, status as of a date, timeline, conflicts, export, polls."""
from __future__ import annotations

import pytest

from endorsetrack.errors import BadDateError, QueryError, UnknownNameError, UnknownRaceError
from endorsetrack.store import StoreWriter, queries
from endorsetrack.store.conflicts import conflicts
from store_builders import RACE, article, end, poll

GOV = "2006 Governor, Connecticut"
GOV_LABEL = "2006 governor, Connecticut"  # the label built from its parts: the office as the office lexicon names it


@pytest.fixture
def seeded(db):
    """Three dated articles about one race, shaped like the seed articles."""
    with StoreWriter(db) as w:
        w.write(article("spring.txt", "a", published="2006-03-01", *[
            end("UNITE HERE", "Joe Lieberman", stage="primary", start=0),
            end("Carpenters Local 43", "Joe Lieberman", stage="primary", start=1),
            end("Service Employees International Union", None, "undecided", "primary", start=2),
            end("two of its largest locals", "John DeStefano", stage="primary", parent="SEIU", race=GOV, start=3)]))
        w.write(article("august.txt", "b", published="2006-08-29", *[
            end("International Association of Firefighters", "Joe Lieberman", "endorses", "general", start=0),
            end("United Auto Workers", "Ned Lamont", "endorses", "general", start=1),
            end("UAW", None, "declines", "primary", start=2),
            end("Service Employees", "Ned Lamont", "will_endorse", "general", start=3),
            end("1199/SEIU", "Ned Lamont", "endorses", "primary", start=4),
            end("AFL-CIO", None, "declines", "general", start=5)],
            polls=(poll("Quinnipiac University", [("Joe Lieberman", 49), ("Ned Lamont", 38)], released="--08-17"),
                   poll("Quinnipiac University", [("Ned Lamont", 60), ("Joe Lieberman", 33)],
                        population="Democrats", released="--08-17", start=20))))
        w.write(article("september.txt", "c", published="2006-09-04", *[
            end("SEIU", "Ned Lamont", "endorses", "general", start=0),
            end("United Autoworkers", "Ned Lamont", "endorses", "general", start=1),
            end("IAFF", "Ned Lamont", "endorses", "general", start=2)],
            # the extractor gives a pollster's fullest name in the article; no gazetteer joins a bare
            # "Quinnipiac" to it (pollsters named in the corpus are in no lexicon)
            polls=(poll("Quinnipiac University", [("Joe Lieberman", 49), ("Ned Lamont", 38)], released="--08-17"),)))
    return db


def test_endorsements_filters_and_as_of(seeded):
    lamont = queries.endorsements(seeded, candidate="Lamont")
    assert {(r["endorser"], r["stance"]) for r in lamont} >= {("United Auto Workers", "endorses"),
                                                               ("1199/SEIU", "endorses")}
    uaw = next(r for r in lamont if r["endorser"] == "United Auto Workers")
    assert uaw["reports"] == 2 and uaw["first_reported"] == "2006-08-29"
    early = queries.endorsements(seeded, candidate="Ned Lamont", as_of="2006-09-01")
    assert "International Association of Fire Fighters" not in {r["endorser"] for r in early}
    assert {r["stance"] for r in queries.endorsements(seeded, endorser="SEIU")} == {"undecided", "will_endorse",
                                                                                    "endorses"}
    assert queries.endorsements(seeded, stance="declines", stage="general")[0]["endorser"] == "AFL-CIO"
    assert {r["race"] for r in queries.endorsements(seeded, race="Connecticut governor")} == {GOV_LABEL}


def test_rollup_matches_and_shows_locals_under_their_national(seeded):
    apart = {r["endorser"] for r in queries.endorsements(seeded, endorser="SEIU")}
    assert "1199/SEIU" not in apart
    rolled = queries.endorsements(seeded, endorser="SEIU", rollup=True)
    assert {r["via_local"] for r in rolled} >= {"1199/SEIU", "two of its largest locals"}
    assert {r["endorser"] for r in rolled} == {"Service Employees International Union"}


def test_status_per_stage_latest_stance_as_of(seeded):
    rows = queries.race_status(seeded, "Connecticut Senate", as_of="2006-09-01")
    got = {(r["stage"], r["endorser"]): (r["stance"], r["candidate"]) for r in rows}
    assert got[("general", "International Association of Fire Fighters")] == ("endorses", "Joe Lieberman")
    assert got[("general", "Service Employees International Union")] == ("will_endorse", "Ned Lamont")
    assert got[("general", "AFL-CIO")] == ("declines", None)
    assert got[("primary", "Service Employees International Union")] == ("undecided", None)
    assert got[("primary", "United Auto Workers")] == ("declines", None)
    later = {(r["stage"], r["endorser"]): (r["stance"], r["candidate"])
             for r in queries.race_status(seeded, "Connecticut Senate")}
    assert later[("general", "Service Employees International Union")] == ("endorses", "Ned Lamont")
    assert later[("general", "International Association of Fire Fighters")] == ("endorses", "Ned Lamont")
    assert all(r["race"] == RACE for r in rows)


def test_timeline_in_date_order_with_evidence_and_source(seeded):
    rows = queries.timeline(seeded, "IAFF")
    assert [(r["date"], r["candidate"]) for r in rows] == [("2006-08-29", "Joe Lieberman"),
                                                           ("2006-09-04", "Ned Lamont")]
    assert rows[0]["source"] == "august.txt" and rows[0]["evidence"] == "quote"
    cand = queries.timeline(seeded, "Lamont")
    assert [r["date"] for r in cand] == ["2006-08-29"] * 3 + ["2006-09-04"] * 3


def test_conflicts_two_candidates_clash_and_local_vs_national(seeded):
    found = conflicts(seeded)
    kinds = {(c["kind"], c["endorser_a"]) for c in found}
    assert ("two_candidates", "International Association of Fire Fighters") in kinds
    with StoreWriter(seeded) as w:
        w.write(article("local.txt", "d", published="2006-09-05", *[
            end("Teamsters Local 71", "Joe Lieberman", "endorses", "general"),
            end("Teamsters", "Ned Lamont", "endorses", "general", start=1),
            end("CWA", "Joe Lieberman", "endorses", "general", start=2),
            end("CWA", None, "declines", "general", start=3)]))
    kinds = {(c["kind"], c["endorser_a"], c["endorser_b"]) for c in conflicts(seeded)}
    assert ("local_vs_national", "Teamsters Local 71", "International Brotherhood of Teamsters") in kinds
    assert ("stance_clash", "Communications Workers of America", "Communications Workers of America") in kinds


def test_export_one_row_per_report_with_tracker_columns(seeded):
    rows = queries.export_rows(seeded)
    assert len(rows) == 13
    assert set(queries.EXPORT_COLUMNS) == set(rows[0])
    local = next(r for r in rows if r["endorser"] == "Carpenters Local 43")
    assert local["parent_organization"] == "United Brotherhood of Carpenters and Joiners of America"
    uaw = [r for r in rows if r["endorser"] == "United Auto Workers" and r["stance"] == "endorses"]
    assert {r["report_count"] for r in uaw} == {2} and {r["first_reported"] for r in uaw} == {"2006-08-29"}


def test_polls_grouped_with_report_counts_and_race(seeded):
    rows = queries.poll_rows(seeded)
    overall = next(r for r in rows if r["population"] is None)
    assert overall["reports"] == 2 and overall["released"] == "2006-08-17"
    assert overall["results"][0] == {"candidate": "Joe Lieberman", "share": 49.0}
    assert overall["race"] == RACE  # its candidates' race
    assert len(queries.poll_rows(seeded, race="Connecticut Senate")) == 2


def test_query_errors_are_typed_and_helpful(seeded):
    with pytest.raises(UnknownRaceError, match="no race matches 'Ohio Senate'"):
        queries.race_status(seeded, "Ohio Senate")
    with pytest.raises(BadDateError, match="YYYY-MM-DD"):
        queries.endorsements(seeded, as_of="Sept 1")
    with pytest.raises(BadDateError):
        queries.endorsements(seeded, as_of="2006-02-30")
    with pytest.raises(UnknownNameError, match="close names: Ned Lamont"):
        queries.endorsements(seeded, candidate="Ned Lamontt")
    with pytest.raises(QueryError, match="--stance"):
        queries.endorsements(seeded, stance="likes")


def test_undated_reports_are_counted_under_the_same_filters_and_kept_on_request(seeded):
    with StoreWriter(seeded) as w:
        w.write(article("nodate.txt", "d", end("Glaziers Local 12", "Ned Lamont", "endorses", "general")))
    assert "Glaziers Local 12" not in {r["endorser"] for r in queries.endorsements(seeded, as_of="2006-09-01")}
    kept = queries.endorsements(seeded, candidate="Lamont", as_of="2006-09-01", include_undated=True)
    assert {r["endorser"]: r["first_reported"] for r in kept}["Glaziers Local 12"] is None
    assert queries.undated_reports(seeded, candidate="Lamont") == 1
    assert queries.undated_reports(seeded, candidate="Lieberman") == 0
    assert queries.undated_reports(seeded, race="Connecticut Senate") == 1


def test_the_538_preset_has_one_row_per_endorsement_report_in_fivethirtyeights_shape(seeded):
    rows = queries.export_538_rows(seeded)
    assert all(tuple(r) == queries.PRESET_538_COLUMNS for r in rows)
    # 13 reports, of which the undecided one and the two declines are not endorsements
    assert len(rows) == 10 and {r["stance"] for r in rows} == {"endorses", "will_endorse"}
    firefighters = next(r for r in rows if r["endorsee"] == "Joe Lieberman" and r["date"] == "2006-08-29")
    assert (firefighters["date"], firefighters["endorsee"], firefighters["category"], firefighters["position_sought"],
            firefighters["year"], firefighters["state"], firefighters["district"], firefighters["stage"],
            firefighters["source"], firefighters["evidence"]) == (
        "2006-08-29", "Joe Lieberman", "union", "U.S. Senate", 2006, "Connecticut", None, "general", "august.txt",
        "quote")
    locals_ = next(r for r in rows if r["endorser"] == "two of its largest locals")
    assert (locals_["position_sought"], locals_["race"], locals_["stage"]) == ("governor", GOV_LABEL, "primary")


@pytest.fixture
def cycles(db):
    """One endorser's reports across races and cycles: only some of them are changes of mind."""
    gov14, gov18, mayor = "2014 governor, Vermont", "2018 governor, Vermont", "mayor, Eastvale"
    with StoreWriter(db) as w:
        w.write(article("a14.txt", "a", end("Harbor Pilots Guild", "Rita Vance", "opposes", race=gov14),
                        end("Harbor Pilots Guild", "Omar Feld", race=None, start=1), published="2014-09-01"))
        w.write(article("b18.txt", "b", end("Harbor Pilots Guild", "Rita Vance", race=gov18), published="2018-05-01"))
        w.write(article("c18.txt", "c", end("Harbor Pilots Guild", "Rita Vance", "opposes", race=gov18),
                        published="2018-10-01"))
        w.write(article("undated.txt", "d", end("Harbor Pilots Guild", "Tom Ash", race=mayor),
                        end("Harbor Pilots Guild", "Uma Rill", race=None, start=1)))
        w.write(article("undated2.txt", "e", end("Harbor Pilots Guild", "Lia Park", race=mayor)))
    return db


def test_timeline_shows_a_change_only_within_one_race_stage_and_cycle(cycles):
    rows = queries.timeline(cycles, "Harbor Pilots Guild")
    steps = [(r["date"], r["stance"], r["candidate"], r["race"], r["change"], r["was"]) for r in rows]
    assert steps == [
        ("2014-09-01", "opposes", "Rita Vance", "2014 governor, Vermont", None, None),
        ("2014-09-01", "endorses", "Omar Feld", None, None, None),
        # another cycle's race: its own history, no change of mind
        ("2018-05-01", "endorses", "Rita Vance", "2018 governor, Vermont", None, None),
        ("2018-10-01", "opposes", "Rita Vance", "2018 governor, Vermont", "change", "endorses Rita Vance"),
        # undated reports in a race without a year, or in no race: no cycle to compare them in
        (None, "endorses", "Tom Ash", "mayor, Eastvale", None, None),
        (None, "endorses", "Uma Rill", None, None, None),
        (None, "endorses", "Lia Park", "mayor, Eastvale", None, None)]


class _Races:
    """A stand-in catalog: two races, one without a year."""
    race_records = {1: {"year": None}, 2: {"year": 2018}}

    def name(self, eid):
        return {10: "Tom Ash", 11: "Lia Park"}.get(eid)


def _report(day, race_id, candidate_id, stance="endorses", article_id=None):
    return {"date": day, "endorser_id": 1, "race_id": race_id, "stage": "general", "stance": stance,
            "candidate_id": candidate_id, "article_id": article_id if article_id is not None else object()}


def test_in_a_race_without_a_year_reports_compare_within_the_year_of_their_date():
    reports = [_report("2014-05-01", 1, 10), _report("2018-03-01", 1, 11), _report("2018-09-01", 1, 10),
               _report(None, 1, 11), _report(None, 2, 10), _report("2018-10-01", 2, 11)]
    queries.mark_changes(_Races(), reports)
    assert [(r["change"], r["previous"]) for r in reports] == [
        (None, None), (None, None), ("change", {"stance": "endorses", "candidate": "Lia Park"}),
        (None, None),  # undated in a yearless race: no cycle
        (None, None), ("change", {"stance": "endorses", "candidate": "Tom Ash"})]  # the race's year is the cycle


def test_one_articles_reports_of_one_date_are_simultaneous_not_a_change_from_each_other():
    reports = [_report("2018-03-01", 2, 10, article_id=1),
               _report("2018-05-01", 2, 10, "declines", article_id=2), _report("2018-05-01", 2, 11, "declines", 2)]
    queries.mark_changes(_Races(), reports)
    was_ash = {"stance": "endorses", "candidate": "Tom Ash"}
    # both declines change the March endorsement; the second is no change from the first
    assert [(r["change"], r["previous"]) for r in reports] == [(None, None), ("change", was_ash), ("change", was_ash)]
    listing = [_report("2018-05-01", 2, 10, "declines", 3), _report("2018-05-01", 2, 11, "declines", 3)]
    assert [r["change"] for r in queries.mark_changes(_Races(), listing)] == [None, None]


@pytest.mark.parametrize("released,forms", [
    ("2031-05-14", ("2031-05-14", None)), ("--05-14", (None, "--05-14")), ("2031-05", (None, "2031-05")),
    (None, (None, None))])
def test_a_poll_release_date_is_full_iso_or_its_partial_form_apart(released, forms):
    assert queries.release_forms(released) == forms


@pytest.mark.parametrize("field,span", [
    ("2031-05-08/2031-05-11", ("2031-05-08", "2031-05-11")), ("2031-05-09", ("2031-05-09", "2031-05-09")),
    (None, (None, None))])
def test_a_poll_field_period_is_split_into_its_first_and_last_day(field, span):
    assert queries.field_span(field) == span
