"""The candidacies lexicon dates an undated article by who runs in its election (invented names)."""
from __future__ import annotations

import pytest

from endorsetrack.extract.candidacies import _candidacies, _name_pattern, candidacy_year, named_candidacies


def test_a_full_name_matches_with_a_middle_name_but_not_another_persons():
    assert _name_pattern("Ana Ruiz").search("Sen. Ana Maria Ruiz (D-Ore.) spoke.")
    assert not _name_pattern("Ana Ruiz").search("Tom Ruiz spoke.")
    assert not _name_pattern("Ana Ruiz").search("Ana Ruiz-Cole spoke.")
    # a middle part the lexicon writes must be written: the father is not the son
    assert _name_pattern("Tom Q. Reyes").search("Tom Q. Reyes won.")
    assert not _name_pattern("Tom Q. Reyes").search("Tom P. Q. Reyes won.")


def test_a_possessive_name_matches_whatever_its_length():
    assert _name_pattern("Ana Ruiz").search("Ana Ruiz's campaign")
    assert _name_pattern("Ana Ruiz").search("Ana Ruiz’s campaign")
    assert _name_pattern("Tom Q. Reyes").search("Tom Q. Reyes's campaign")
    assert not _name_pattern("Ana Ruiz").search("Ana Ruiz'ella spoke.")


def test_a_one_word_lexicon_name_is_refused():
    with pytest.raises(ValueError, match="first and last name"):
        _name_pattern("Ruiz")


def test_the_election_whose_candidates_the_article_names_most_dates_it():
    named = {2004: frozenset({"Ana Ruiz"}), 2008: frozenset({"Ana Ruiz", "Tom Reyes", "Lee Okafor"}),
             2012: frozenset({"Tom Reyes"})}
    assert candidacy_year(named) == 2008
    assert candidacy_year(named, "Lee Okafor") == 2008
    # the stance's candidate ran only in 2012 of the named years
    assert candidacy_year({2008: frozenset({"Ana Ruiz", "Mia Cole"}), 2012: frozenset({"Tom Reyes"})},
                          "Tom Reyes") == 2012


def test_a_stance_candidate_is_a_lexicon_candidate_by_full_name_not_by_surname():
    named = {2008: frozenset({"Ana Ruiz", "Mia Cole"}), 2012: frozenset({"Tom Reyes"})}
    # Pia Reyes is not Tom Reyes: her stance limits nothing, the most named election stands
    assert candidacy_year(named, "Pia Reyes") == 2008
    assert candidacy_year(named, "Tom Reyes") == 2012


def test_named_candidacies_keeps_the_lexicons_full_names(monkeypatch):
    from endorsetrack.extract import candidacies

    monkeypatch.setattr(candidacies, "_candidacies", _invented_lexicon)
    assert named_candidacies("Ana Ruiz's rally drew Tom Reyes.") == {
        "president": {2032: frozenset({"Ana Ruiz", "Tom Reyes"}), 2036: frozenset({"Tom Reyes"})}}
    assert named_candidacies("Pia Ruiz spoke.") == {}


def test_no_election_before_the_latest_year_the_text_names_and_a_tie_dates_nothing():
    named = {2008: frozenset({"Ana Ruiz", "Tom Reyes"}), 2016: frozenset({"Ana Ruiz"})}
    assert candidacy_year(named, None, first_year=2010) == 2016
    assert candidacy_year({2016: frozenset({"Ana Ruiz"}), 2020: frozenset({"Ana Ruiz"})}) is None
    assert candidacy_year({}) is None


def test_every_election_of_the_lexicon_names_candidates_with_a_first_and_last_name():
    elections = _candidacies()
    assert elections
    for office, year, names in elections:
        assert office and year > 1900 and names
        for name, _ in names:
            assert len(name.split()) >= 2, f"{year} {office}: {name!r} is one word"


def _invented_lexicon():
    from endorsetrack.extract.candidacies import _name_pattern as pattern

    return (("president", 2032, (("Ana Ruiz", pattern("Ana Ruiz")), ("Tom Reyes", pattern("Tom Reyes")))),
            ("president", 2036, (("Tom Reyes", pattern("Tom Reyes")),)))


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
    assert RaceIndex(alone, "2031-12-01").candidacy_office("Ana Ruiz") is None  # dated and no rival either


def test_a_namesake_of_a_lexicon_candidate_keeps_their_own_race(monkeypatch):
    from endorsetrack.extract import candidacies
    from endorsetrack.extract.race import RaceIndex

    monkeypatch.setattr(candidacies, "_candidacies", _invented_lexicon)
    text = "Tom Reyes and Ana Ruiz campaigned in Eastvale. The farm bureau endorsed Sen. Pia Reyes for re-election."
    assert RaceIndex(text, "2032-06-15").candidacy_office("Pia Reyes") is None
    assert RaceIndex(text).candidacy_office("Pia Reyes") is None
    assert RaceIndex(text, "2032-06-15").candidacy_office("Tom Reyes") == "president"


def test_another_dominant_office_stands_unless_the_text_names_the_candidacys_office(monkeypatch):
    from endorsetrack.extract import candidacies
    from endorsetrack.extract.race import RaceIndex

    monkeypatch.setattr(candidacies, "_candidacies", _invented_lexicon)
    senate = ("The Senate race in Eastvale is close, and the Senate majority may hang on it. "
              "The teachers endorsed former Gov. Ana Ruiz over Sen. Lia Okafor. Tom Reyes stayed out of it.")
    index = RaceIndex(senate, "2032-06-15")
    assert index.dominant not in (None, "president")
    assert index.candidacy_office("Ana Ruiz") is None
    cued = senate + " Ruiz once sought the presidential nomination."
    assert RaceIndex(cued, "2032-06-15").candidacy_office("Ana Ruiz") == "president"


def test_a_candidate_written_by_surname_alone_is_the_lexicon_name_unless_the_text_has_a_namesake():
    from endorsetrack.extract.candidacies import is_candidate

    names = frozenset({"Tom Reyes", "Ana Ruiz"})
    assert is_candidate("Reyes", names, "Gov. Tom Reyes spoke. Later Sen. Reyes left.")
    assert not is_candidate("Reyes", names)  # no text to resolve the surname by
    assert not is_candidate("Reyes", names, "Tom Reyes spoke, and Pia Reyes listened.")
    assert not is_candidate("Pia Reyes", names, "Tom Reyes spoke, and Pia Reyes listened.")


def test_an_office_only_titles_name_gives_way_to_the_candidacy(monkeypatch):
    from endorsetrack.extract import candidacies
    from endorsetrack.extract.race import RaceIndex

    monkeypatch.setattr(candidacies, "_candidacies", _invented_lexicon)
    text = ("Ana Ruiz, the governor of Eastvale, and Tom Reyes, a congressman and a former governor, toured "
            "Eastvale before the caucus. The farm bureau endorsed Ruiz on Monday.")
    index = RaceIndex(text, "2032-01-10")
    assert index.dominant == "governor" and index.dominant_race is None
    assert index.candidacy_office("Ruiz") == "president"
