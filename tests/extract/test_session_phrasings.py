"""Phrasings met on the dev set in the second session, as hand-made invented articles:
editorial headline verdicts on ballot measures, subjunctive wishes, an auxiliary that
carries the subject, "decided not to endorse", reflexive "his", support promised in
reported speech, and groups a news lead describes before it names them.
Each case compares the full set of (endorser, candidate, stance, stage) facts."""
from __future__ import annotations

import pytest
from endorsement_fixtures import facts_of, nlp  # noqa: F401

CASES = [
    pytest.param("EDITORIAL: Yes on 12\n\nProposition 12 would fix the county's roads. We urge readers to study it. "
                 "That alone justifies a \"yes\" vote.",
                 {("editorial board", "Proposition 12", "endorses", "general")}, id="headline-yes-on-measure"),
    pytest.param("No on Measure K\n\nThe Lakeport Ledger has weighed Measure K for months. We think the tax is "
                 "too high.",
                 {("Lakeport Ledger", "Measure K", "opposes", "general")}, id="headline-no-on-measure-named-paper"),
    pytest.param("Yes on Measure K\n\nMeasure K would raise the sales tax. Supporters say it is needed.",
                 set(), id="headline-without-editorial-voice"),
    pytest.param("We think it is crucial that Proposition 9 be defeated on Nov. 3.",
                 {("editorial board", "Proposition 9", "opposes", "general")}, id="subjunctive-be-defeated"),
    pytest.param("The county measure lost. Critics said Proposition 9 was defeated by a wide margin.",
                 set(), id="past-defeat-is-a-result"),
    pytest.param("We did, however, endorse Proposition 4 in that November election.",
                 {("editorial board", "Proposition 4", "endorses", "general")}, id="did-however-endorse"),
    pytest.param("The Harbor Workers Union decided not to endorse in the race for mayor.",
                 {("Harbor Workers Union", None, "declines", None)}, id="decided-not-to-endorse"),
    pytest.param("The Harbor Workers Union has not decided whether to endorse in the race for mayor.",
                 {("Harbor Workers Union", None, "undecided", None)}, id="not-decided-whether"),
    pytest.param("Tom Reyes won the Democratic primary for governor on Tuesday, beating Maria Vega. "
                 "Vega spoke to Reyes and conceded, telling supporters she would throw her full support "
                 "behind Reyes.",
                 {("Maria Vega", "Tom Reyes", "endorses", "general")}, id="conceded-would-throw-her-support"),
    pytest.param("Maria Vega plans to announce her endorsement of Tom Reyes on Saturday, her office said.",
                 {("Maria Vega", "Tom Reyes", "will_endorse", None)}, id="plans-to-announce-stays-future"),
    pytest.param("A union of city bus drivers said Sunday that it had voted to endorse Maria Vega for mayor.\n\n"
                 "The vote is notable because the union chapter, Transit Workers Local 88, broke with its "
                 "national leadership.",
                 {("Transit Workers Local 88", "Maria Vega", "endorses", None)}, id="described-then-named"),
    pytest.param("A group of local merchants said it would back Maria Vega for mayor.\n\n"
                 "The group, which meets monthly, has 40 members.",
                 set(), id="described-never-named"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_phrasing(nlp, text, expected):  # noqa: F811
    assert facts_of(nlp, text) == expected
