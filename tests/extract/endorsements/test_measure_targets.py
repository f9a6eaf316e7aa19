"""Ballot measures as the target of a stance (and who takes it): a plural measure word over a list of numbers
or letters ("Propositions 12, 14 and 15") names each item; a titled act in an article about
the ballot ("the Clean Rivers Act of 2018") is a measure; a counted or determined plural
("all three propositions", "both measures") takes back the measures named before; a role in
a "Yes on"/"No on" campaign takes its side; "the Chamber" is the chamber the article named.

Each case runs the whole pipeline on an invented text and compares the full set of
(endorser, candidate, stance, stage) facts.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of

from endorsetrack.extract.endorsements.editorial import range_after
from endorsetrack.extract.mentions import MEASURE_NAME


MEASURE_CASES = [
    pytest.param("Editorial: Our picks\n\nWe urge voters to approve Propositions 12, 14 and 15.",
                 {("editorial board", "Proposition 12", "endorses", "general"),
                  ("editorial board", "Proposition 14", "endorses", "general"),
                  ("editorial board", "Proposition 15", "endorses", "general")}, id="plural-measure-list"),
    pytest.param("Editorial: Our picks\n\nWe urge a yes vote on Prop. 21 and 22.",
                 {("editorial board", "Proposition 21", "endorses", "general"),
                  ("editorial board", "Proposition 22", "endorses", "general")}, id="singular-word-list"),
    pytest.param("Editorial: Our picks\n\nProposition 21 would fix roads and Prop. 22 would fund parks. "
                 "Proposition 22 passes only with Proposition 21. We urge a yes vote on both measures.",
                 {("editorial board", "Proposition 21", "endorses", "general"),
                  ("editorial board", "Proposition 22", "endorses", "general")}, id="both-measures"),
    pytest.param("The Tolliver Teachers Association urged members to vote no on Question 2.",
                 {("Tolliver Teachers Association", "Question 2", "opposes", "general")}, id="urged-to-vote-no-on"),
    pytest.param("The Tolliver Teachers Association urged members to vote yes on Question 2.",
                 {("Tolliver Teachers Association", "Question 2", "endorses", "general")}, id="urged-to-vote-yes-on"),
    pytest.param("The Tolliver Teachers Association urged voters to reject Question 2.",
                 {("Tolliver Teachers Association", "Question 2", "opposes", "general")}, id="urged-to-reject"),
    pytest.param("Editorial: Our view\n\nWe have studied the ballot. Reject Proposition 9.",
                 {("editorial board", "Proposition 9", "opposes", "general")}, id="imperative-reject"),
    pytest.param("Editorial: Our view\n\nApprove Measures A and B.",
                 {("editorial board", "Measure A", "endorses", "general"),
                  ("editorial board", "Measure B", "endorses", "general")}, id="imperative-approve-list"),
    pytest.param("Reject Proposition 9.", set(), id="imperative-outside-an-editorial"),
    pytest.param("Opponents of Measure K include the Tolliver Taxpayers Association and the Harlow Realtors "
                 "Association.",
                 {("Tolliver Taxpayers Association", "Measure K", "opposes", "general"),
                  ("Harlow Realtors Association", "Measure K", "opposes", "general")}, id="opponents-of-measure"),
    pytest.param("Opponents of Ann Keller include the Tolliver Taxpayers Association.", set(),
                 id="opponents-of-a-person-are-rivals-not-a-stance"),
    pytest.param("EDITORIAL: Yes on 1A-1C\n\nProposition 1A would fund roads, and the other two measures would "
                 "fund schools. We urge readers to study them.",
                 {("editorial board", "Proposition 1A", "endorses", "general"),
                  ("editorial board", "Proposition 1B", "endorses", "general"),
                  ("editorial board", "Proposition 1C", "endorses", "general")}, id="yes-on-a-lettered-range"),
    pytest.param("Ballot initiative news.\n\nProposition 12 would raise the gas tax. Even Gov. Ann Keller "
                 "opposes it.", {("Ann Keller", "Proposition 12", "opposes", "general")}, id="person-opposes-measure"),
    pytest.param("Gov. Ann Keller opposes Tom Reyes.", set(), id="person-opposes-person-is-rivalry"),
    pytest.param("Ballot initiative news.\n\nThe Calder Chamber of Commerce is backing the Harlow Creek "
                 "referendum and the Marsh County School District bond issue.",
                 {("Calder Chamber of Commerce", "Harlow Creek referendum", "endorses", "general"),
                  ("Calder Chamber of Commerce", "Marsh County School District bond issue", "endorses", "general")},
                 id="named-referendum-and-bond-issue"),
    pytest.param("The Tolliver Farm Bureau came out in support of Proposition 12.",
                 {("Tolliver Farm Bureau", "Proposition 12", "endorses", "general")}, id="in-support-of"),
    pytest.param("The Tolliver Farm Bureau testified in opposition to Proposition 12.",
                 {("Tolliver Farm Bureau", "Proposition 12", "opposes", "general")}, id="in-opposition-to"),
    pytest.param("Editorial: Our picks\n\nWe support Measures A and B.",
                 {("editorial board", "Measure A", "endorses", "general"),
                  ("editorial board", "Measure B", "endorses", "general")}, id="plural-measure-letters"),
    pytest.param("Ballot initiative news.\n\nThe Tolliver Chamber of Commerce came out against the Clean Rivers "
                 "and Parks Funding Act of 2018.",
                 {("Tolliver Chamber of Commerce", "Clean Rivers and Parks Funding Act of 2018", "opposes",
                   "general")}, id="titled-act-on-the-ballot"),
    pytest.param("Ballot initiative news.\n\nThe Tolliver Chamber of Commerce endorsed the Clean Rivers Act.",
                 {("Tolliver Chamber of Commerce", "Clean Rivers Act", "endorses", "general")},
                 id="titled-act-without-year"),
    pytest.param("The Tolliver Chamber of Commerce endorsed the Clean Rivers Act.", set(),
                 id="act-outside-a-ballot-article-is-a-law"),
    pytest.param("Editorial: Our picks\n\nProposition 12 would fix roads. Proposition 14 and Proposition 15 would "
                 "fund parks. Again, we urge a yes vote on all three propositions.",
                 {("editorial board", "Proposition 12", "endorses", "general"),
                  ("editorial board", "Proposition 14", "endorses", "general"),
                  ("editorial board", "Proposition 15", "endorses", "general")}, id="counted-plural-reference"),
    pytest.param("Ballot initiative news.\n\nThe Calder Chamber of Commerce released its positions on ballot "
                 "initiatives. The Chamber came out against the Clean Rivers and Parks Funding Act of 2018.",
                 {("Calder Chamber of Commerce", "Clean Rivers and Parks Funding Act of 2018", "opposes",
                   "general")}, id="the-chamber-is-the-named-chamber"),
    pytest.param("Ballot initiative news.\n\nProposition 31 would limit union dues. Gov. Ann Keller, chairman of "
                 "the Yes on 31 campaign, spoke on Tuesday.",
                 {("Ann Keller", "Proposition 31", "endorses", "general")}, id="chair-of-yes-campaign"),
    pytest.param("Ballot initiative news.\n\nMeasure K would raise taxes. Dana Whitfield, spokeswoman for the No "
                 "on K committee, spoke.",
                 {("Dana Whitfield", "Measure K", "opposes", "general")}, id="spokeswoman-for-no-campaign"),
    pytest.param("Ballot initiative news.\n\nProposition 12 would raise the gas tax. The Tolliver Taxpayers "
                 "Association opposes it.",
                 {("Tolliver Taxpayers Association", "Proposition 12", "opposes", "general")}, id="it-the-measure"),
]


@pytest.mark.parametrize("text, expected", MEASURE_CASES)
def test_measure_targets(nlp, text, expected):
    assert facts_of(nlp, text) == expected


def test_range_after():
    assert range_after("4A", "-4D, the bonds") == ["4B", "4C", "4D"]
    assert range_after("4A", " through 4B") == ["4B"]
    assert range_after("4A", "-5C") == []  # another number: no lettered range
    assert range_after("12", "-13") == []
    assert range_after("A", " and the rest") == []


def test_measure_name_covers_titled_acts():
    assert MEASURE_NAME.match("Clean Rivers Act of 2018")
    assert MEASURE_NAME.match("Prop. 12")
    assert not MEASURE_NAME.match("Ann Keller")
    assert not MEASURE_NAME.match("Act now")
