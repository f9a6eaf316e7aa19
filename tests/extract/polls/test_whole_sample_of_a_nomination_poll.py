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
