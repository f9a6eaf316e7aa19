"""Races as records: migration 0006_race_records, the writer's race parts, the races list with
its counts and filters, one race for a query (or the races it fits), race parts on fact rows."""
from __future__ import annotations

import pytest

from endorsetrack.errors import AmbiguousRaceError, UnknownRaceError
from endorsetrack.resolve import race_key
from endorsetrack.store import StoreWriter, connect, migrate, queries
from store_builders import article, end, poll

OLD_RACES = ("2016 U.S. House, Oregon 4th District", "mayor, Eastvale", "Vermont U.S. Senate race (2012)",
             "2020 Harbor Commissioner, Eastvale, Portside")
NOW = "2024-01-01T00:00:00+00:00"


def _database_at_0005(db_url):
    """A database as the 0005 writer left it: races with a key, the text as written and a year only."""
    db = connect(db_url, create=True)
    migrate(db, target="0005_organization_lexicon")
    db.begin()
    for text in OLD_RACES:
        db.execute("INSERT INTO races (race_key, name, year) VALUES (?, ?, ?)", [race_key(text), text, None])
    db.execute("INSERT INTO entities (kind, name_key, name, created_at) VALUES (?, ?, ?, ?)",
               ["organization", "ferry workers", "Ferry Workers", NOW])
    db.execute("INSERT INTO stances (fact_key, endorser_id, stance, race_id) VALUES (?, ?, ?, ?)",
               ["1|-|endorses|-|1", 1, "endorses", 1])
    db.commit()
    return db


def _race(db, text: str) -> dict:
    return db.query("SELECT * FROM races WHERE race_key = ?", [race_key(text)])[0]


def test_an_old_database_migrates_and_its_races_are_read_into_parts(db_url):
    db = _database_at_0005(db_url)
    try:
        assert migrate(db, target="0006_race_records") == ["0006_race_records"]
        house = _race(db, OLD_RACES[0])
        assert (house["year"], house["office"], house["country"], house["state"], house["district"],
                house["label"]) == (2016, "U.S. House", "United States", "Oregon", "4th District", OLD_RACES[0])
        no_year = _race(db, "mayor, Eastvale")  # as far as the old text allows: no year to give
        assert (no_year["year"], no_year["office"], no_year["city"], no_year["label"]) == (
            None, "mayor", "Eastvale", "mayor, Eastvale")
        senate = _race(db, OLD_RACES[2])
        assert (senate["year"], senate["state"], senate["label"]) == (2012, "Vermont", "2012 U.S. Senate, Vermont")
        assert senate["name"] == OLD_RACES[2]  # the text first stored stays
        odd = _race(db, OLD_RACES[3])
        assert odd["office"] == "Harbor Commissioner" and odd["label"] == OLD_RACES[3]
        assert db.scalar("SELECT race_id FROM stances") == house["id"]  # facts keep their race
        assert migrate(db) == ["0007_entity_corrections", "0008_views"]  # the later migrations still apply after it
        assert migrate(db) == []
    finally:
        db.close()


def test_a_migrated_database_files_a_new_report_under_the_old_race(db_url):
    db = _database_at_0005(db_url)
    try:
        migrate(db)
        with StoreWriter(db) as w:
            w.write(article("new.txt", "t", end("Ferry Workers", "Ana Ruiz", race="2012 U.S. Senate, Vermont")))
        assert db.scalar("SELECT count(*) FROM races") == len(OLD_RACES)
        assert queries.endorsements(db, candidate="Ana Ruiz")[0]["race_state"] == "Vermont"
    finally:
        db.close()


@pytest.fixture
def races_db(db):
    with StoreWriter(db) as w:
        w.write(article("a.txt", "a", published="2023-02-01", *[
            end("Harbor Nurses Union", "Lena Park", race="2023 mayor, Eastvale, Illinois"),
            end("Brick Guild", "Tom Osei", race="2023 mayor, Eastvale, Illinois", start=1)],
            polls=(poll("Lakeside Polling", [("Lena Park", 40), ("Mara Quill", 30)],
                        race="2023 mayor, Eastvale, Illinois"),)))
        w.write(article("b.txt", "b", end("Harbor Nurses Union", "Ana Ruiz", race="2019 mayor, Westport, Oregon"),
                        published="2019-03-01"))
        w.write(article("c.txt", "c", end("Ferry Workers", "Cal Dunmore", race="2018 U.S. House, Florida 6th District"),
                        end("Ferry Workers", "Cal Dunmore", race="2018 U.S. House, Florida 7th District", start=1),
                        published="2018-09-01"))
    return db


def test_the_writer_stores_every_part_of_a_new_race(races_db):
    row = _race(races_db, "2018 U.S. House, Florida 6th District")
    assert {k: row[k] for k in ("year", "office", "state", "district", "label")} == {
        "year": 2018, "office": "U.S. House", "state": "Florida", "district": "6th District",
        "label": "2018 U.S. House, Florida 6th District"}


def test_races_lists_each_race_with_its_counts_newest_first(races_db):
    rows = queries.race_rows(races_db)
    assert [r["label"] for r in rows] == ["2023 mayor, Eastvale, Illinois", "2019 mayor, Westport, Oregon",
                                          "2018 U.S. House, Florida 6th District",
                                          "2018 U.S. House, Florida 7th District"]
    eastvale = rows[0]
    assert (eastvale["endorsements"], eastvale["polls"], eastvale["endorsers"], eastvale["candidates"]) == (2, 1, 2, 3)
    assert (eastvale["office"], eastvale["city"], eastvale["state"], eastvale["last_report"]) == (
        "mayor", "Eastvale", "Illinois", "2023-02-01")
    assert tuple(eastvale) == queries.RACE_COLUMNS


def test_races_filter_by_year_office_and_place(races_db):
    def labels(**kw):
        return [r["label"] for r in queries.race_rows(races_db, **kw)]
    assert labels(year=2019) == ["2019 mayor, Westport, Oregon"]
    assert labels(office="house") == ["2018 U.S. House, Florida 6th District", "2018 U.S. House, Florida 7th District"]
    assert labels(place="Oregon") == ["2019 mayor, Westport, Oregon"]
    assert labels(place="eastvale", office="mayor") == ["2023 mayor, Eastvale, Illinois"]
    assert labels(place="United States", year=2023) == ["2023 mayor, Eastvale, Illinois"]
    assert labels(place="Ill") == []  # a place is whole words, not a prefix


def test_one_race_for_a_query_that_fits_one(races_db):
    assert queries.race_record(races_db, "Westport")["label"] == "2019 mayor, Westport, Oregon"
    rid = queries.race_record(races_db, "Westport")["id"]
    assert queries.race_record(races_db, f"#{rid}")["city"] == "Westport"
    exact = queries.race_record(races_db, "2018 U.S. House, Florida 6th District")
    assert exact["district"] == "6th District"


def test_a_query_that_fits_several_races_names_them_all(races_db):
    with pytest.raises(AmbiguousRaceError) as caught:
        queries.race_record(races_db, "mayor")
    assert [label for _, label in caught.value.choices] == ["2023 mayor, Eastvale, Illinois",
                                                             "2019 mayor, Westport, Oregon"]
    assert str(caught.value).startswith("'mayor' matches 2 races: #")
    with pytest.raises(AmbiguousRaceError):
        queries.race_status(races_db, "Florida House")
    with pytest.raises(UnknownRaceError, match="no race with id 999"):
        queries.race_record(races_db, "#999")


def test_status_shows_one_race(races_db):
    rows = queries.race_status(races_db, "Florida 7th District")
    assert {r["race"] for r in rows} == {"2018 U.S. House, Florida 7th District"}


def test_fact_rows_carry_the_race_parts_as_columns(races_db):
    row = next(r for r in queries.endorsements(races_db) if r["candidate"] == "Ana Ruiz")
    assert (row["race_year"], row["race_office"], row["race_city"], row["race_state"], row["race_country"]) == (
        2019, "mayor", "Westport", "Oregon", "United States")
    exported = queries.export_rows(races_db)
    assert set(queries.RACE_PART_COLUMNS) <= set(exported[0])
    assert list(exported[0]) == list(queries.EXPORT_COLUMNS)
    house = next(r for r in exported if r["race_district"] == "7th District")
    assert house["race"] == "2018 U.S. House, Florida 7th District"


def test_an_exact_label_means_its_race_though_its_words_fit_another_too(db):
    with StoreWriter(db) as w:
        w.write(article("g.txt", "g", end("Ferry Workers", "Ana Ruiz", race="2022 governor, Oregon"),
                        end("Brick Guild", "Tom Osei", race="2022 Republican governor primary, Oregon", start=1)))
    assert len(queries.race_rows(db, office="governor")) == 2
    assert queries.race_record(db, "2022 Governor, Oregon")["party"] is None
    assert queries.race_record(db, "2022 governor, Oregon (Republican primary)")["party"] == "Republican"
    with pytest.raises(AmbiguousRaceError):
        queries.race_record(db, "Oregon governor")
