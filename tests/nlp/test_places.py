from endorsetrack.extract.race import RaceIndex
from endorsetrack.nlp.places import countries, place_rules, us_states
from endorsetrack.resolve.race_record import parse_race


def test_countries_are_kept_apart_from_states_and_provinces():
    names = {rule["name"] for rule in place_rules()}
    assert "Ohio" in names and "Ontario" in names
    assert not names & {c.name for c in countries()}
    assert "Canada" not in {name for name, _ in us_states()}


def test_the_united_states_names_its_offices_and_takes_no_label_adjective():
    us = next(c for c in countries() if c.name == "United States")
    assert us.label == "" and "U.S. Senate" in us.offices


def test_a_country_cue_places_an_article_and_its_label_reads_back_to_the_same_country():
    text = "Voters in Ottawa weigh the federal election. Party leader Tamsin Orrell won the riding."
    race = RaceIndex(text, published="2019-09-30").race_for("Tamsin Orrell")
    assert race is not None and race.endswith(", Canada")
    record = parse_race(race)
    assert record is not None and record.country == "Canada"


def test_postal_codes_and_news_hosts_name_us_states():
    from endorsetrack.nlp.places import us_hosts, us_postal_codes
    assert us_postal_codes()["AZ"] == "Arizona" and "ON" not in us_postal_codes()
    assert us_hosts()["desertsun.com"] == "California"
