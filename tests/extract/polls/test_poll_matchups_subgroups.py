"""find_polls on phrasings beyond the seeds and dev set: matchups in sentences that do not
name the poll, subgroups (ages, relative clauses, a party's registered voters), the whole
sample of a primary poll, figure-first clauses, unit-less figures, titled names the parser
takes for organisations; and the election returns these must not swallow.

Names are invented.
"""
from __future__ import annotations

from endorsetrack.extract.polls.numbers import find_shares
from endorsetrack.extract.polls.people import _titled_names
from endorsetrack.extract.polls.rules import get_poll_rules

from helpers.polls import polls_in, rows, shares

RACE = ("Mayor Tom Garvey faces challenger Nina Oduya and Councilman Ray Pelt in the "
        "nonpartisan race. ")
POLL = "The Acme Research poll found Garvey at 38%, with Oduya at 29% and Pelt at 17%. "


def test_a_unitless_matchup_in_the_next_sentence_is_the_same_poll(poll_nlp):
    text = RACE + POLL + "In a head-to-head matchup, Garvey leads Oduya 48-41."
    assert rows(polls_in(poll_nlp, text))[1] == ("Acme Research", None, (("Garvey", 48), ("Oduya", 41)))


def test_against_the_object_the_possessor_leads(poll_nlp):
    text = RACE + POLL + "Against Pelt, Garvey's lead grows to 47% to 36%."
    assert rows(polls_in(poll_nlp, text))[1] == ("Acme Research", None, (("Garvey", 47), ("Pelt", 36)))


def test_subgroup_sentences_chain_on_after_a_sentence_without_figures(poll_nlp):
    text = RACE + POLL + ("The matchup splits sharply by gender. Other numbers were flat. "
                          "Among women, Oduya leads Garvey 50% to 40%. "
                          "Among voters who call themselves independents, Garvey leads Oduya 49% to 37%.")
    got = rows(polls_in(poll_nlp, text))
    assert ("Acme Research", "women", (("Oduya", 50), ("Garvey", 40))) in got
    assert ("Acme Research", "voters who call themselves independents",
            (("Garvey", 49), ("Oduya", 37))) in got


def test_a_matchup_far_from_any_poll_is_not_read(poll_nlp):
    filler = "The council met on Tuesday. It discussed parking. Residents spoke. The meeting ran late. "
    text = RACE + POLL + filler + "Garvey leads Oduya 48-41 in yard signs, his aides say."
    assert len(polls_in(poll_nlp, text)) == 1


def test_election_returns_after_a_poll_are_not_poll_figures(poll_nlp):
    text = RACE + POLL + ("In March, Oduya led the field with 37 percent of the vote to Garvey's "
                          "29 percent. Pelt won the 2019 primary with 51 percent.")
    assert len(polls_in(poll_nlp, text)) == 1


def test_age_bands_stay_whole(poll_nlp):
    text = RACE + POLL + ("Among voters aged 18 to 34, Oduya had 41 percent support to Garvey's 22 percent. "
                          "Among voters under 45, Oduya led Garvey, 38% to 27%.")
    pops = [p.population for p in polls_in(poll_nlp, text)]
    assert pops == [None, "voters aged 18 to 34", "voters under 45"]


def test_an_age_range_is_not_a_unitless_pair():
    assert [s.values for s in find_shares("voters aged 18 to 34, led 51-40", allow_bare=True)] == [(51, 40)]
    assert [s.values for s in find_shares("those 35 to 44, led 51-40", allow_bare=True)] == [(35, 44), (51, 40)]


def test_the_sample_of_a_poll_met_for_the_first_time_is_the_whole_sample(poll_nlp):
    text = ("Senator Ana Ruiz and Governor Pete Hale are running for president. A national "
            "Zenith Poll of Democratic primary voters showed Ruiz at 34% and Hale at 29%.")
    assert rows(polls_in(poll_nlp, text)) == [("Zenith", None, (("Ruiz", 34), ("Hale", 29)))]


def test_registered_party_voters_are_a_subgroup_likely_voters_are_not(poll_nlp):
    text = ("Caleb Whitman and Lucy Dorn are running. A Zenith College poll released Tuesday showed "
            "Whitman leading Dorn 36-28 among likely primary voters, with businessman Grant Moss at 14. "
            "Registered Republicans back Whitman 41 percent to 25 percent.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Zenith College", None, (("Whitman", 36), ("Dorn", 28), ("Grant Moss", 14))),
        ("Zenith College", "Registered Republicans", (("Whitman", 41), ("Dorn", 25))),
    ]


def test_a_unitless_figure_after_at_needs_other_figures_and_its_name_right_before():
    assert find_shares("the rally at 14 Main Street", allow_bare=True) == []
    assert find_shares("Moss at 14, and the polls close at 8", allow_bare=False) == []
    got = [(s.values, s.bare) for s in find_shares("Whitman at 36%, with Moss at 14.", allow_bare=True)]
    assert got == [((36,), False), ((14,), True)]


def test_a_subgroup_before_a_figure_that_is_nobodys_share(poll_nlp):
    text = RACE + ("An internal poll by Acme Research found Garvey at 44 percent and Oduya at 40 percent. "
                   "Among Hispanic voters, who make up roughly 60 percent of the electorate, Oduya led "
                   "51 percent to 35 percent.")
    assert rows(polls_in(poll_nlp, text))[1] == ("Acme Research", "Hispanic voters",
                                                 (("Oduya", 51), ("Garvey", 35)))


def test_figure_first_clauses_with_a_verb_the_tagger_misses(poll_nlp):
    text = ("Democrat Rosa Vidal and Republican Bert Hallam are tied. Forty-four percent of likely "
            "voters back Vidal and 42 percent back Hallam in the survey by Acme Research, with 11 "
            "percent undecided.")
    assert rows(polls_in(poll_nlp, text)) == [("Acme Research", None, (("Vidal", 44), ("Hallam", 42)))]


def test_a_title_introduces_a_person_but_not_an_organisation(poll_nlp):
    doc = poll_nlp("Republican Bert Hallam spoke to the Republican National Committee and Mayor Lee.")
    names = [doc[a:b + 1].text for a, b in _titled_names(doc, get_poll_rules(), [])]
    assert names == ["Bert Hallam"]
