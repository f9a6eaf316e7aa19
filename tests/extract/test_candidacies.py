"""The candidacies lexicon dates an undated article by who runs in its election (invented names)."""
from __future__ import annotations

from endorsetrack.extract.candidacies import _candidacies, _name_pattern, candidacy_year


def test_a_full_name_matches_with_a_middle_name_but_not_another_persons():
    assert _name_pattern("Ana Ruiz").search("Sen. Ana Maria Ruiz (D-Ore.) spoke.")
    assert not _name_pattern("Ana Ruiz").search("Tom Ruiz spoke.")
    assert not _name_pattern("Ana Ruiz").search("Ana Ruiz-Cole spoke.")
    # a middle part the lexicon writes must be written: the father is not the son
    assert _name_pattern("Tom Q. Reyes").search("Tom Q. Reyes won.")
    assert not _name_pattern("Tom Q. Reyes").search("Tom P. Q. Reyes won.")


def test_the_election_whose_candidates_the_article_names_most_dates_it():
    named = {2004: frozenset({"Ruiz"}), 2008: frozenset({"Ruiz", "Reyes", "Okafor"}), 2012: frozenset({"Reyes"})}
    assert candidacy_year(named) == 2008
    assert candidacy_year(named, "Lee Okafor") == 2008
    # the stance's candidate ran only in 2012 of the named years
    assert candidacy_year({2008: frozenset({"Ruiz", "Cole"}), 2012: frozenset({"Reyes"})}, "Tom Reyes") == 2012


def test_no_election_before_the_latest_year_the_text_names_and_a_tie_dates_nothing():
    named = {2008: frozenset({"Ruiz", "Reyes"}), 2016: frozenset({"Ruiz"})}
    assert candidacy_year(named, None, first_year=2010) == 2016
    assert candidacy_year({2016: frozenset({"Ruiz"}), 2020: frozenset({"Ruiz"})}) is None
    assert candidacy_year({}) is None


def test_every_election_of_the_lexicon_names_candidates_with_a_first_and_last_name():
    for office, year, names in _candidacies():
        assert office and year > 1900 and names


def _invented_lexicon():
    from endorsetrack.extract.candidacies import _name_pattern as pattern

    return (("president", 2032, (("Ruiz", pattern("Ana Ruiz")), ("Reyes", pattern("Tom Reyes")))),
            ("president", 2036, (("Reyes", pattern("Tom Reyes")),)))


def test_a_title_gives_way_to_the_presidential_run_of_the_articles_election(monkeypatch):
    from endorsetrack.extract import candidacies
    from endorsetrack.extract.race import RaceIndex

    monkeypatch.setattr(candidacies, "_candidacies", _invented_lexicon)
    text = "The guild endorsed Eastvale Gov. Ana Ruiz on Monday. Tom Reyes also sought its support."
    assert RaceIndex(text, "2031-12-01").candidacy_office("Ana Ruiz") == "president"  # the year before 2032
    assert RaceIndex(text, "2029-12-01").candidacy_office("Ana Ruiz") is None  # three years early
    assert RaceIndex(text).candidacy_office("Ana Ruiz") == "president"  # undated, her rival named too
    alone = "The guild endorsed Eastvale Gov. Ana Ruiz on Monday."
    assert RaceIndex(alone).candidacy_office("Ana Ruiz") is None  # undated and no rival: her title stands
