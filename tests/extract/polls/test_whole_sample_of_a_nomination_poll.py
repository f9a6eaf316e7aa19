"""The whole sample of a nomination poll is no subgroup (GUIDELINES: the full sample of
each question has population null): a party's identifiers with the independents who lean
to it, and the voters of the primary or caucus itself. Names are invented."""
from __future__ import annotations

from helpers.polls import polls_in, rows

FIELD = ("Senator Alma Brisco, Governor Dev Okafor and Mayor Lena Strand are seeking the "
         "Democratic nomination for president. ")


def test_partisans_and_their_leaners_are_the_whole_sample(poll_nlp):
    text = FIELD + ("A new Harwell Institute survey puts Brisco ahead with 31% support among "
                    "Democrats and Democratic-leaning independents, with Okafor at 22%.")
    got = rows(polls_in(poll_nlp, text))
    assert got == [("Harwell Institute", None, (("Brisco", 31), ("Okafor", 22)))]


def test_leaners_of_two_parties_stay_subgroups(poll_nlp):
    text = ("Senator Alma Brisco and Governor Dev Okafor seek the Democratic nomination; Tom Reyes "
            "and Ann Malloy seek the Republican one. A Harwell Institute survey found Brisco at 40 "
            "percent among Democrats and independents leaning Democratic. Reyes had 35 percent "
            "among Republicans and independents leaning Republican.")
    pops = {p for _, p, _ in rows(polls_in(poll_nlp, text))}
    assert "Democrats and independents leaning Democratic" in pops


def test_the_primary_electorate_is_the_whole_sample(poll_nlp):
    text = FIELD + ("The Harwell Institute poll found 44 percent of likely Democratic primary voters "
                    "back Brisco, while 30 percent back Okafor.")
    got = rows(polls_in(poll_nlp, text))
    assert got and all(pop is None for _, pop, _ in got)


def test_all_of_a_party_is_the_whole_sample(poll_nlp):
    text = FIELD + ("In a Harwell Institute poll, Brisco leads Okafor among all Democrats, 51 percent to "
                    "33 percent.")
    got = rows(polls_in(poll_nlp, text))
    assert got == [("Harwell Institute", None, (("Brisco", 51), ("Okafor", 33)))]


def test_leaners_after_a_wider_sample_figure_stay_a_subgroup(poll_nlp):
    text = ("Judge Rosa Delgado, a Democrat, faces Republicans Kurt Abel and Sam Ferris for governor. "
            "A Harwell Institute poll of registered voters found Delgado leading Abel 46 percent to "
            "40 percent. In the Republican primary, Abel had 33 percent among Republicans and "
            "Republican-leaning independents to 25 percent for Ferris.")
    pops = [p for _, p, _ in rows(polls_in(poll_nlp, text))]
    assert pops[0] is None
    assert "Republicans and Republican-leaning independents" in pops


def test_a_primary_named_inside_a_relative_clause_leaves_a_subgroup(poll_nlp):
    text = FIELD + ("A Harwell Institute poll found Brisco ahead. Among voters who said they would "
                    "surely vote in the primary, Brisco had 38 percent to Okafor's 21 percent.")
    pops = [p for _, p, _ in rows(polls_in(poll_nlp, text))]
    assert any(p and p.startswith("voters who said") for p in pops)


def test_of_support_and_a_saying_clause_are_no_subgroup(poll_nlp):
    text = FIELD + ("A Harwell Institute poll found Brisco ahead with 35 percent of support, while Okafor "
                    "notched 12 percent of support.")
    assert all(p is None for _, p, _ in rows(polls_in(poll_nlp, text)))


def test_a_year_inside_the_primary_electorate_keeps_it_the_whole_sample(poll_nlp):
    text = FIELD + ("The Harwell Institute poll found 44% of likely Democratic 2028 primary election "
                    "voters in Ohio favor Brisco, while 30% favor Okafor.")
    assert rows(polls_in(poll_nlp, text)) == [("Harwell Institute", None, (("Brisco", 44), ("Okafor", 30)))]


def test_prospective_voters_the_membership_and_a_nation_are_the_whole_sample(poll_nlp):
    for group in ("prospective voters", "the membership", "Canadians"):
        text = FIELD + f"The Harwell Institute poll found 44 percent of {group} back Brisco, while 30 percent back Okafor."
        assert rows(polls_in(poll_nlp, text)) == [
            ("Harwell Institute", None, (("Brisco", 44), ("Okafor", 30)))], group
    # A party's voters in a general-election poll are still a part of the sample.
    text = FIELD + "The Harwell Institute poll found 44 percent of independents back Brisco."
    assert rows(polls_in(poll_nlp, text)) == [("Harwell Institute", "independents", (("Brisco", 44),))]


def test_a_group_followed_by_the_next_candidate_ends_before_followed(poll_nlp):
    text = FIELD + ("In the Harwell Institute poll, Brisco is the preferred choice at 40.8 per cent of "
                    "Canadians followed by Okafor (21.3%) and Strand (8%).")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Harwell Institute", None, (("Brisco", 40.8), ("Okafor", 21.3), ("Strand", 8)))]


def test_a_partys_group_is_the_whole_sample_of_a_poll_of_that_partys_people(poll_nlp):
    text = ("Jane Roe and Sam Fry want to lead the Tories. A Pinecrest Analytics survey of 700 Tory members "
            "found 58% of Tory members would back Roe, compared to 35% who wanted Fry.")
    assert rows(polls_in(poll_nlp, text)) == [("Pinecrest Analytics", None, (("Roe", 58), ("Fry", 35)))]
