"""Endorsements whose candidate is not named in the endorsing clause: a singular definite
description ("the candidate", "the Democratic candidate") of a done act is the person named
before it; a pledge to "the nominee", or "the best candidate", names no one.

Each case runs the whole pipeline on an invented text and compares the full set of facts.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of


DESCRIBED_CANDIDATE_CASES = [
    pytest.param("Rosa Quintero is running for mayor of Elmstead. The Elmstead Plumbers Union voiced its support "
                 "of the candidate on Tuesday.",
                 {("Elmstead Plumbers Union", "Rosa Quintero", "endorses", None)}, id="the-candidate-is-earlier-person"),
    pytest.param("Rosa Quintero is running for mayor of Elmstead. Former Gov. Dale Brandt also announced his support "
                 "for the Democratic candidate.",
                 {("Dale Brandt", "Rosa Quintero", "endorses", None)}, id="described-candidate-not-the-endorser"),
    pytest.param("Rosa Quintero and Ted Vance are running for mayor of Elmstead. The Elmstead Plumbers Union "
                 "endorsed the best candidate.", set(), id="superlative-description-names-no-one"),
    pytest.param("Rosa Quintero is running for mayor of Elmstead. The Elmstead Plumbers Union will back the "
                 "Democratic nominee in November.",
                 {("Elmstead Plumbers Union", None, "will_endorse", "general")}, id="pledge-to-the-nominee-is-generic"),
]


@pytest.mark.parametrize("text,expected", DESCRIBED_CANDIDATE_CASES)
def test_described_candidate(nlp, text, expected):
    assert facts_of(nlp, text) == expected


DESCRIPTION_RESOLVER_CASES = [
    pytest.param("Former Republican Gov. Tobias Marlowe backs Democratic Gov. Celia Brandt. Later, another former "
                 "Republican governor, Hugo Pellerin, also announced his support for the Democratic incumbent.",
                 {("Tobias Marlowe", "Celia Brandt", "endorses", None),
                  ("Hugo Pellerin", "Celia Brandt", "endorses", None)}, id="party-and-role-not-the-endorser"),
    pytest.param("Sen. Rowan Ashby of Oregon is running for president. The Elmstead Plumbers Union has endorsed "
                 "the Oregon Senator.",
                 {("Elmstead Plumbers Union", "Rowan Ashby", "endorses", None)}, id="place-and-office-fit-one-person"),
    pytest.param("Sen. Rowan Ashby of Oregon is running for president. Ashby Welkerton is running for mayor of "
                 "Elmstead. The Elmstead Plumbers Union has endorsed the Oregon Senator.",
                 {("Elmstead Plumbers Union", "Rowan Ashby", "endorses", None)},
                 id="described-person-named-by-own-surname-not-a-later-first-name"),
]


@pytest.mark.parametrize("text,expected", DESCRIPTION_RESOLVER_CASES)
def test_description_resolver(nlp, text, expected):
    assert facts_of(nlp, text) == expected
