"""`endorsetrack races` and `status --race` over races as records (hand-made facts, no model)."""
from __future__ import annotations

import csv
import io
import json
from typing import Optional

import pytest
from typer.testing import CliRunner

from endorsetrack.cli import store_cmds  # noqa: F401  (registers the commands)
from endorsetrack.cli.app import app
from endorsetrack.resolve import DatingDefaults, date_article
from endorsetrack.store import StoreWriter, open_store
from endorsetrack.types import Article, ArticleResult, Endorsement, Evidence, RuleRef

EASTVALE = "2023 mayor, Eastvale, Illinois"
WESTPORT = "2019 mayor, Westport, Oregon"
HOUSE = "2018 U.S. House, Florida 6th District"


def _end(endorser: str, candidate: str, race: str, start: int = 0) -> Endorsement:
    return Endorsement(endorser, "union", candidate, "endorses", "general", Evidence("quote", start, start + 5), 0.9,
                       RuleRef("t", 1), race=race)


def _article(doc: str, published: Optional[str], *ends: Endorsement) -> ArticleResult:
    raw = ArticleResult(article=Article(doc=doc, text=doc, published=published), endorsements=ends)
    return date_article(raw, DatingDefaults())


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.delenv("ENDORSETRACK_DB", raising=False)
    db_path = str(tmp_path / "r.db")
    db = open_store(db_path, create=True, migrate_to_head=True)
    with StoreWriter(db) as w:
        w.write(_article("a", "2023-02-01", _end("Harbor Nurses Union", "Lena Park", EASTVALE),
                         _end("Brick Guild", "Tom Osei", EASTVALE, 1)))
        w.write(_article("b", "2019-03-01", _end("Harbor Nurses Union", "Ana Ruiz", WESTPORT)))
        w.write(_article("c", "2018-09-01", _end("Ferry Workers", "Cal Dunmore", HOUSE)))
    db.close()
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [*args, "--db", db_path])


def test_races_table_lists_every_race_with_its_counts(run):
    r = run("races")
    assert r.exit_code == 0, r.output
    for label in (EASTVALE, WESTPORT, "6th District"):
        assert label in r.stdout
    assert "endorsements" in r.stdout and "candidates" in r.stdout


def test_races_csv_has_a_column_per_part_and_count(run):
    rows = list(csv.DictReader(io.StringIO(run("races", "--format", "csv").stdout)))
    assert list(rows[0]) == ["id", "label", "year", "office", "country", "state", "county", "city", "district",
                             "party", "stage", "endorsements", "polls", "endorsers", "candidates", "last_report"]
    house = next(r for r in rows if r["label"] == HOUSE)
    assert (house["year"], house["office"], house["state"], house["district"], house["endorsements"]) == (
        "2018", "U.S. House", "Florida", "6th District", "1")


def test_races_filters_by_year_office_and_place(run):
    def labels(*args):
        return [r["label"] for r in json.loads(run("races", "--format", "json", *args).stdout)]
    assert labels("--year", "2019") == [WESTPORT]
    assert labels("--office", "mayor") == [EASTVALE, WESTPORT]
    assert labels("--place", "Florida") == [HOUSE]
    assert labels("--office", "mayor", "--place", "Nowhere") == []


def test_races_csv_of_no_race_still_has_its_header(run):
    out = run("races", "--format", "csv", "--year", "1990").stdout
    assert out.splitlines() == ["id,label,year,office,country,state,county,city,district,party,stage,endorsements,"
                                "polls,endorsers,candidates,last_report"]


def test_status_of_a_query_that_fits_several_races_lists_them_and_exits_2(run):
    r = run("status", "--race", "mayor")
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert lines[0] == "'mayor' matches 2 races:"
    assert [line.split(None, 1)[1] for line in lines[1:3]] == [EASTVALE, WESTPORT]
    assert lines[1].split()[0].startswith("#")
    assert lines[-1].startswith("error: more than one race matches; give one race by its full label or its #id, "
                                "e.g. --race '#")
    assert r.stdout == ""


def test_status_shows_one_race_by_its_words_label_or_id(run):
    by_words = run("status", "--race", "Eastvale")
    assert by_words.exit_code == 0 and EASTVALE in by_words.stdout and "Lena Park" in by_words.stdout
    assert "city: Eastvale" in by_words.stdout and "Ana Ruiz" not in by_words.stdout
    race_id = next(r["id"] for r in json.loads(run("races", "--format", "json").stdout) if r["label"] == WESTPORT)
    by_id = run("status", "--race", f"#{race_id}", "--format", "json")
    assert by_id.exit_code == 0 and [r["candidate"] for r in json.loads(by_id.stdout)] == ["Ana Ruiz"]
    by_label = run("status", "--race", HOUSE, "--format", "csv")
    assert [r["candidate"] for r in csv.DictReader(io.StringIO(by_label.stdout))] == ["Cal Dunmore"]


def test_status_of_an_unknown_id_is_one_line(run):
    r = run("status", "--race", "#999")
    assert r.exit_code == 2 and r.stderr.strip().splitlines() == [
        "error: no race with id 999 in the database (`endorsetrack races` lists them)"]


def test_endorsements_and_export_rows_carry_the_race_parts(run):
    rows = json.loads(run("endorsements", "--candidate", "Ana Ruiz", "--format", "json").stdout)
    assert (rows[0]["race_year"], rows[0]["race_office"], rows[0]["race_city"], rows[0]["race_state"]) == (
        2019, "mayor", "Westport", "Oregon")
    exported = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    house = next(r for r in exported if r["candidate"] == "Cal Dunmore")
    assert (house["race"], house["race_district"], house["race_stage"]) == (HOUSE, "6th District", "")
