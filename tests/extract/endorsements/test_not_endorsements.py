"""What states no stance: advisers, poll shares, praise, a campaign about itself, support
for a policy, habits ("traditionally backs Democrats"), members who support someone,
ordinary voters' votes, scare-quoted triggers, abstentions and spelled-out percentages.

Each case runs the whole pipeline (``endorsetrack.pipeline.extract_text``) on an invented
text and compares the full set of (endorser, candidate, stance, stage) facts, so a
spurious extra fact fails too.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of


@pytest.mark.parametrize("text", [
    pytest.param("Tom Reyes signed on as an adviser to the Vega campaign.", id="adviser"),
    pytest.param("Tom Reyes, a longtime union organizer, signed on as an adviser to the Vega campaign on Monday.",
                 id="adviser-appositive"),
    pytest.param("Maria Vega hired Tom Reyes as a senior adviser to her campaign.", id="hired-adviser"),
    pytest.param("Democrats back Vega 55 percent to 40 percent, according to the poll.", id="poll-of-voters"),
    pytest.param("Among likely Democratic voters, 55 percent back Vega and 40 percent support Reyes.",
                 id="poll-shares"),
    pytest.param("The Harbor Workers Union praised Maria Vega as a tireless advocate for working families.",
                 id="praise"),
    pytest.param('Linda Okafor called Maria Vega "a tireless public servant" at a breakfast on Tuesday.',
                 id="praise-quote"),
    pytest.param("The Vega campaign says it has the backing of every working family in Riverside.",
                 id="campaign-about-itself"),
    pytest.param('"We have the support of working families across this city," said Dan Ruiz, '
                 "Vega's campaign manager.", id="campaign-quote"),
    pytest.param("Maria Vega said she supports the new stadium plan.", id="supports-a-policy"),
    pytest.param("The Harbor Workers Union traditionally backs Democrats.", id="habitual-traditionally"),
    pytest.param("The Harbor Workers Union has traditionally backed Democrats for mayor.", id="habitual-perfect"),
    pytest.param("The Harbor Workers Union typically endorses the Democratic nominee for mayor.",
                 id="habitual-typically"),
])
def test_not_an_endorsement(nlp, text):
    assert facts_of(nlp, text) == set()


def test_praise_with_explicit_no_endorsement_is_not_support(nlp):
    found = facts_of(nlp, "The Harbor Workers Union praised Maria Vega's plan for the waterfront "
                          "but stopped short of an endorsement.")
    assert not any(stance == "endorses" for _, _, stance, _ in found)


NO_STANCE_CASES = [
    pytest.param("The Riverside Federation of Labor met Saturday. Many rank-and-file members who support Tom Reyes "
                 "were unhappy.", set(), id="members-who-support-are-no-endorsement"),
    pytest.param("Readers say the Harbor Workers Union \"endorsed\" Maria Vega. It did not.", set(),
                 id="scare-quoted-trigger"),
    pytest.param("\"We respect the federation, but our members voted, and they voted for Joe Brannigan,\" the local "
                 "president said.", set(), id="they-voted-for"),
    pytest.param("\"A lot of his voters were voting against Dana Hartley,\" said a professor.", set(),
                 id="a-lot-of-voters"),
    pytest.param("Seven percent were undecided, and the rest said they would back a minor-party candidate.", set(),
                 id="spelled-out-percent"),
    pytest.param("Two leaders from the United Farm Workers of America abstained from the endorsement vote.", set(),
                 id="abstaining-is-no-stance"),
]


@pytest.mark.parametrize("text,expected", NO_STANCE_CASES)
def test_these_phrasings_state_no_stance(nlp, text, expected):
    assert facts_of(nlp, text) == expected
