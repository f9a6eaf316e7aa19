"""Conventions and party selections: delegates act for their body ("Minnesota DFL delegates
endorsed", "Delegates representing 60,000 union members voted"), a party endorses at its
convention, and a union's nomination in a Labour selection is a primary endorsement; a
party nominating its own candidate, a party's nod won in a primary, or a party's voters
backing someone in a poll is none.

Each case runs the whole pipeline (``endorsetrack.pipeline.extract_text``) on an invented
text and compares the full set of (endorser, candidate, stance, stage) facts, so a
spurious extra fact fails too.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of


CONVENTION_CASES = [
    pytest.param("Delegates representing 60,000 union members voted Saturday to endorse Nadia Ferreira for governor, "
                 "as the Riverside Federation of Labor's convention closed.",
                 {("Riverside Federation of Labor", "Nadia Ferreira", "endorses", None)}, id="delegates-act-for-body"),
    pytest.param("In the Labour selection, the Harbor Workers Union has nominated Priya Natarajan.",
                 {("Harbor Workers Union", "Priya Natarajan", "endorses", "primary")}, id="union-nominates"),
    pytest.param("The Democrats nominated Priya Natarajan for governor in June.", set(), id="party-nominates-own"),
    pytest.param("ROCHESTER, Minn. — Minnesota DFL delegates endorsed Nadia Osman for the U.S. Senate on Saturday.",
                 {("Minnesota DFL", "Nadia Osman", "endorses", None)}, id="dateline-then-delegates"),
    pytest.param("Republicans, meeting in Duluth, endorsed Mark Dunleavy on the fourth ballot.",
                 {("Republican Party", "Mark Dunleavy", "endorses", None)}, id="party-plural-convention"),
    pytest.param("Republicans backed Mark Dunleavy 52 percent to 40 percent in the poll.", set(),
                 id="party-plural-poll-is-no-endorsement"),
    pytest.param("Hartley wins GOP nod for Kansas governor\n\nDana Hartley won the Republican nomination on Tuesday "
                 "with 52 percent of the vote, with 98 percent of precincts reporting. Curtis Voss conceded and urged "
                 "his supporters to unite behind Hartley.",
                 {("Curtis Voss", "Dana Hartley", "endorses", "general")}, id="party-nod-is-no-endorsement"),
]


@pytest.mark.parametrize("text,expected", CONVENTION_CASES)
def test_conventions_nominations_and_party_nods(nlp, text, expected):
    assert facts_of(nlp, text) == expected


LEADERSHIP_CASES = [
    pytest.param("The Harbor Workers Union has backed Priya Natarajan for Labour leader after a consultation of its "
                 "members.", {("Harbor Workers Union", "Priya Natarajan", "endorses", "primary")},
                 id="union-backs-for-party-leader"),
    pytest.param("The Coastal Farmers Union endorsed Nadia Osman in the Conservative leadership contest, saying she "
                 "would win the general election.", {("Coastal Farmers Union", "Nadia Osman", "endorses", "primary")},
                 id="leadership-contest-beats-general-cue"),
]


@pytest.mark.parametrize("text,expected", LEADERSHIP_CASES)
def test_a_party_leadership_contest_is_a_nomination_contest(nlp, text, expected):
    assert facts_of(nlp, text) == expected
