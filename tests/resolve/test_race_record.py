"""A race label read into its parts, and the label built back from them (resolve/race_record.py)."""
from __future__ import annotations

import pytest

from endorsetrack.errors import RuleFileError
from endorsetrack.resolve import RaceRecord, build_label, parse_race, race_key
from endorsetrack.resolve import race_record


def _parts(text: str) -> dict:
    record = parse_race(text)
    assert record is not None
    return {k: v for k, v in record.parts().items() if v is not None}


def test_a_house_race_gives_year_office_state_and_district():
    assert _parts("2018 U.S. House, Ohio 9th District") == {
        "year": 2018, "office": "U.S. House", "country": "United States", "state": "Ohio", "district": "9th District"}
    assert parse_race("2018 U.S. House, Ohio 9th District").label == "2018 U.S. House, Ohio 9th District"


def test_a_state_and_a_number_give_the_state_and_its_district():
    assert _parts("1998 U.S. House, Ohio 6") == {
        "year": 1998, "office": "U.S. House", "country": "United States", "state": "Ohio", "district": "6"}
    assert parse_race("1998 U.S. House, Ohio 6").label == "1998 U.S. House, Ohio 6"


def test_a_city_race_gives_its_city_and_state_and_a_county_race_its_county():
    assert _parts("2023 mayor, Eastvale, Oregon") == {"year": 2023, "office": "mayor", "country": "United States",
                                                     "state": "Oregon", "city": "Eastvale"}
    assert _parts("2022 sheriff, Brindle County") == {"year": 2022, "office": "sheriff", "county": "Brindle County"}


def test_a_foreign_national_race_names_its_country_and_a_leadership_race_its_stage():
    assert _parts("2021 UK party leadership") == {"year": 2021, "office": "party leadership",
                                                  "country": "United Kingdom", "stage": "leadership contest"}
    assert _parts("2019 Canadian federal election") == {"year": 2019, "office": "federal election",
                                                        "country": "Canada"}
    assert parse_race("2021 UK party leadership").label == "2021 UK party leadership"


def test_a_foreign_national_race_label_names_its_country_as_its_place():
    """The extractor's shape, "YEAR office, Place" with the country as the place, reads back whole."""
    assert _parts("2019 Canadian federal election, Canada") == {"year": 2019, "office": "federal election",
                                                                "country": "Canada"}
    assert parse_race("2019 Canadian federal election, Canada").label == "2019 Canadian federal election, Canada"
    record = parse_race("2021 UK party leadership, United Kingdom (Labour)")
    assert (record.country, record.party, record.city) == ("United Kingdom", "Labour", None)
    assert build_label(record) == "2021 UK party leadership, United Kingdom (Labour)"
    assert build_label(RaceRecord(2023, "Senate", "Philippines")) == "2023 Philippine Senate, Philippines"
    assert build_label(RaceRecord(2020, "president", "United States")) == "2020 president"


def test_a_ballot_measure_is_a_measure_stage_with_its_name_as_the_seat():
    assert _parts("2016 Proposition 77, Nevada") == {"year": 2016, "office": "ballot measure",
                                                     "country": "United States", "state": "Nevada",
                                                     "district": "Proposition 77", "stage": "measure"}
    assert parse_race("2016 Proposition 77, Nevada").label == "2016 Proposition 77, Nevada"


def test_party_and_runoff_words_are_parts_and_the_label_puts_them_last():
    record = parse_race("2014 Republican gubernatorial runoff in Georgia")
    assert record is not None
    assert (record.year, record.office, record.state, record.party, record.stage) == (
        2014, "governor", "Georgia", "Republican", "runoff")
    assert record.label == "2014 governor, Georgia (Republican runoff)"
    assert race_key(record.label) == race_key("2014 Republican gubernatorial runoff in Georgia")


def test_a_party_race_without_a_stage_word_is_its_primary():
    record = parse_race("2028 Democratic presidential race")
    assert record is not None and (record.party, record.stage, record.label) == (
        "Democratic", "primary", "2028 president (Democratic primary)")


def test_words_in_another_order_give_the_same_record_and_label():
    a, b = parse_race("Vermont U.S. Senate race (2012)"), parse_race("2012 U.S. Senate, Vermont")
    assert a is not None and b is not None
    assert a.parts() == b.parts() and a.label == b.label == "2012 U.S. Senate, Vermont"


def test_an_office_the_lexicon_does_not_know_is_kept_as_written():
    assert _parts("2020 Harbor Commissioner, Eastvale") == {"year": 2020, "office": "Harbor Commissioner",
                                                           "city": "Eastvale"}


def test_a_numbered_seat_is_a_district_not_an_office():
    assert _parts("2019 District 4, Eastvale") == {"year": 2019, "district": "District 4", "city": "Eastvale"}


def test_the_label_keeps_the_written_words_when_the_parts_cannot_hold_them_all():
    text = "2024 mayor, Eastvale, Portside, Oregon"  # two cities: one place column
    record = parse_race(text)
    assert record is not None and record.city == "Eastvale" and record.label == text


def test_no_race_words_is_no_record():
    assert parse_race(None) is None and parse_race("the race") is None


def test_a_label_is_built_from_parts_alone():
    assert build_label(RaceRecord(year=2018, office="U.S. House", country="United States", state="Florida",
                                  district="6th District")) == "2018 U.S. House, Florida 6th District"
    assert build_label(RaceRecord(office="mayor", city="Eastvale")) == "mayor, Eastvale"


def test_every_country_the_extractor_writes_is_a_known_label_form():
    from endorsetrack.extract.race import foreign_countries
    labels = {label for _, label, _ in race_record._lexicon().countries}
    assert {name for name, _ in foreign_countries()} <= labels


def test_extractor_and_label_reader_share_the_place_lexicons_countries():
    from endorsetrack.extract.race import country_names, foreign_countries
    from endorsetrack.nlp.places import countries
    lexicon = {(c.name, c.label) for c in countries()}
    assert {(name, label) for name, label, _ in race_record._lexicon().countries} == lexicon
    assert {(name, label) for label, name in country_names().items()} == {(n, lab) for n, lab in lexicon if lab}
    assert len(foreign_countries()) == len(country_names())


def test_a_malformed_parts_file_is_a_rule_file_error(tmp_path):
    bad = tmp_path / "race_parts.jsonl"
    bad.write_text('{"id": "x", "version": 1, "kind": "planet", "words": ["Mars"]}\n')
    with pytest.raises(RuleFileError):
        race_record._lexicon(bad)


def test_a_parts_rule_without_a_key_its_kind_needs_is_a_rule_file_error(tmp_path):
    bad = tmp_path / "race_parts.jsonl"
    bad.write_text('{"id": "x", "version": 1, "kind": "stage", "words": ["runoff"]}\n')
    with pytest.raises(RuleFileError, match="rule 'x' \\(stage\\) lacks stage"):
        race_record._lexicon(bad)
