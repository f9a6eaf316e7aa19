"""An editorial's verdicts (extract/endorsements/editorial.py): headline and one-line
verdicts on measures ("EDITORIAL: Yes on 12", "No on Measure K", "Measure K: Yes"), office
lines ("Governor: No endorsement"), picks and imperatives ("Our pick is Nadia Ferreira.
Vote for Ferreira."), a subjunctive wish ("it is crucial that Proposition 9 be defeated")
and the paper's own "we". They count only in an editorial voice: the same forms in a news
story, a quote or a results story are no endorsement.

Each case runs the whole pipeline (``endorsetrack.pipeline.extract_text``) on an invented
text and compares the full set of (endorser, candidate, stance, stage) facts, so a
spurious extra fact fails too.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of


EDITORIAL_CASES = [
    pytest.param("EDITORIAL: Yes on 12\n\nProposition 12 would fix the county's roads. We urge readers to study it. "
                 "That alone justifies a \"yes\" vote.",
                 {("editorial board", "Proposition 12", "endorses", "general")}, id="headline-yes-on-measure"),
    pytest.param("No on Measure K\n\nThe Lakeport Ledger has weighed Measure K for months. We think the tax is "
                 "too high.",
                 {("Lakeport Ledger", "Measure K", "opposes", "general")}, id="headline-no-on-measure-named-paper"),
    pytest.param("We think it is crucial that Proposition 9 be defeated on Nov. 3.",
                 {("editorial board", "Proposition 9", "opposes", "general")}, id="subjunctive-be-defeated"),
    pytest.param("We did, however, endorse Proposition 4 in that November election.",
                 {("editorial board", "Proposition 4", "endorses", "general")}, id="did-however-endorse"),
    pytest.param("Our recommendations for the Nov. 3 ballot\n\nCity Council\n\nOur pick is Nadia Ferreira. "
                 "Vote for Ferreira.\n\nMeasure B\n\nYes on Measure B. The Harbor Ledger takes no position on "
                 "Measure D.",
                 {("Harbor Ledger", "Nadia Ferreira", "endorses", None),  # a city race names no party: no stage
                  ("Harbor Ledger", "Measure B", "endorses", "general"),
                  ("Harbor Ledger", "Measure D", "declines", "general")}, id="editorial-verdict-forms"),
    pytest.param("EDITORIAL: Our picks for the Nov. 5 ballot\n\nMeasure K: Yes\n\nMeasure K would fund a fire "
                 "station. The Harbor Firefighters Association is backing the measure. The Harbor Taxpayers "
                 "Association opposes it.\n\nVote yes on Measure K.\n\nDistrict 1: We recommend re-electing "
                 "Councilmember Hal Brody.",
                 {("editorial board", "Measure K", "endorses", "general"),
                  ("Harbor Firefighters Association", "Measure K", "endorses", "general"),
                  ("Harbor Taxpayers Association", "Measure K", "opposes", "general"),
                  ("editorial board", "Hal Brody", "endorses", None)}, id="editorial-measure-heading-and-others"),
    pytest.param("EDITORIAL\n\nThe Ledger's recommendations for the Nov. 3 election\n\nGovernor: No endorsement\n\n"
                 "U.S. House, 6th District: Ellen Vasquez-Ward\n\nWe endorse Ellen Vasquez-Ward over Rep. Todd "
                 "Brisbane. Brisbane, whom this board supported in 2022, has lost his way. The Valley Herald endorsed "
                 "Brisbane last week.\n\nProposition 3: No\n\nProposition 3 would cap taxes. Vote no.",
                 {("Ledger", None, "declines", None), ("Ledger", "Ellen Vasquez-Ward", "endorses", None),
                  ("Ledger", "Todd Brisbane", "endorses", None), ("Valley Herald", "Todd Brisbane", "endorses", None),
                  ("Ledger", "Proposition 3", "opposes", "general")}, id="editorial-office-lines-and-own-paper"),
]


@pytest.mark.parametrize("text,expected", EDITORIAL_CASES)
def test_editorial_verdicts(nlp, text, expected):
    assert facts_of(nlp, text) == expected


NOT_EDITORIAL_CASES = [
    pytest.param("Yes on Measure K\n\nMeasure K would raise the sales tax. Supporters say it is needed.",
                 set(), id="headline-without-editorial-voice"),
    pytest.param("The county measure lost. Critics said Proposition 9 was defeated by a wide margin.",
                 set(), id="past-defeat-is-a-result"),
    pytest.param("Nadia Ferreira is the clear choice, her supporters said at a rally for the Nov. 3 election.",
                 set(), id="clear-choice-without-editorial-voice"),
    pytest.param("\"Maria Vega will stand with us. She has our full support,\" said Tom Reyes, the lodge president, "
                 "outside the hall on Eastland Road.", set(), id="quoted-our-is-no-editorial"),
    pytest.param("Governor: Alan Reinholt\n\nThe Harbor Workers Union endorsed Alan Reinholt on Monday.",
                 {("Harbor Workers Union", "Alan Reinholt", "endorses", None)}, id="office-line-in-news-is-no-endorser"),
]


@pytest.mark.parametrize("text,expected", NOT_EDITORIAL_CASES)
def test_verdict_forms_without_an_editorial_voice_are_no_endorsement(nlp, text, expected):
    assert facts_of(nlp, text) == expected
