"""Which race a stance is about: office, place and election year (extract/race.py)."""
from endorsetrack.extract.race import RaceIndex, next_election


def test_the_election_year_is_the_next_one_of_the_office_cycle():
    assert next_election(2015, "presidential") == 2016
    assert next_election(2016, "presidential") == 2016
    assert next_election(2017, "even") == 2018
    assert next_election(2017, "governor", "Michigan") == 2018
    assert next_election(2020, "governor", "Virginia") == 2021
    assert next_election(2019, "annual") == 2019


def test_a_senate_race_in_an_odd_published_year_is_next_years():
    race = RaceIndex("The union endorsed Mara Quill in the U.S. Senate race in Ohio.", "2021-06-01")
    assert race.race_for("Mara Quill") == "2022 U.S. Senate, Ohio"


def test_a_dateless_article_takes_the_year_its_url_names():
    race = RaceIndex("Backers lined up for governor in Iowa.", None, "https://paper.example/2014/05/backers", None)
    assert race.race_for(None, "governor") == "2014 governor, Iowa"


def test_west_virginia_is_not_counted_as_virginia():
    race = RaceIndex("West Virginia teachers backed Lee Harmon for governor. West Virginia votes in May; "
                     "Virginia does not.", "2016-03-01")
    assert race.place == "West Virginia"


def test_a_mayors_race_names_its_city_and_state():
    race = RaceIndex("DENVER (AP) — The Denver mayoral race drew a crowd as unions endorsed Ana Ruiz for mayor "
                     "of Denver, Colorado's capital.", "2023-04-02")
    assert race.race_for("Ana Ruiz") == "2023 mayor, Denver, Colorado"


def test_an_article_that_only_mentions_an_office_still_names_it():
    race = RaceIndex("The sheriff's deputies union withdrew its support. The sheriff faces voters in Lake County.",
                     "2018-02-01")
    assert race.dominant == "sheriff"
    assert race.race_for(None, "sheriff").startswith("2018 sheriff, Lake County")
