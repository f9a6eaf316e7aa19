"""A poll none of whose candidates takes a stance is about the race its sentence or article names."""
from __future__ import annotations

from endorsetrack import pipeline
from endorsetrack.extract.race import poll_race, race_index
from endorsetrack.nlp.build import build_nlp


def test_a_poll_sentence_names_its_office_and_the_article_its_place_and_year():
    races = race_index("Voters in Eastvale, Oregon, go to the polls soon.", "2014-10-01")
    assert poll_race(races, "A Brindle Research poll of the governor's race had Ana Ruiz at 44 percent.") \
        == "2014 governor, Oregon"
    # no office in the sentence: the article's (here a mayoral race, in its city)
    local = race_index("The Eastvale mayoral race is close. Eastvale, Oregon, votes in May.", "2021-04-01")
    assert poll_race(local, "Ana Ruiz had 41 percent to Tom Reyes's 39 percent.").startswith("2021 mayor")


def test_a_poll_only_article_stores_its_poll_with_the_articles_race():
    text = ("Tight race for Ohio governor\n\n"
            "A new Brindle Research poll shows Ana Ruiz at 46 percent and Tom Reyes at 44 percent "
            "among likely voters in the race for governor.")
    out = pipeline.extract_text(text, nlp=build_nlp())
    assert out.polls and all(p.race and "governor" in p.race and "Ohio" in p.race for p in out.polls)
