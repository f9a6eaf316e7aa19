"""Receive frames: the candidate is the subject and the endorser comes after the noun
("won the endorsement of", "got the nod from", "picked up endorsements from", "racked up
endorsements from ..., including"), also after a colon, a weekday or a later "from"; and
"picked up" in a story with no endorsement in it is no endorsement.

Each case runs the whole pipeline (``endorsetrack.pipeline.extract_text``) on an invented
text and compares the full set of (endorser, candidate, stance, stage) facts, so a
spurious extra fact fails too.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of


RECEIVE_CASES = [
    pytest.param("Maria Vega picked up an unexpected endorsement of her own on Friday: former MPP Bernard Tessier, "
                 "who held the seat until 2018.",
                 {("Bernard Tessier", "Maria Vega", "endorses", None)}, id="endorsement-of-her-own-colon"),
    pytest.param("Dana Kowalczyk got the nod from a surprising quarter on the weekend: former MPP Gerald Whitcombe, "
                 "who held the seat until 2011.",
                 {("Gerald Whitcombe", "Dana Kowalczyk", "endorses", None)}, id="nod-from-a-quarter-colon"),
    pytest.param("Celia Varga won the endorsement Monday of U.S. Rep. Angela Moretti.",
                 {("Angela Moretti", "Celia Varga", "endorses", None)}, id="endorsement-monday-of-a-person"),
    pytest.param("Ben Adeyemi picked up endorsements in the final month from UNITE HERE Local 119 and SEIU Healthcare "
                 "Pennsylvania.",
                 {("UNITE HERE Local 119", "Ben Adeyemi", "endorses", None),
                  ("SEIU Healthcare Pennsylvania", "Ben Adeyemi", "endorses", None)}, id="endorsements-later-from"),
    pytest.param("Marisol Quintero has racked up endorsements from the state's largest unions, including the Riverbend "
                 "Education Association and the Statewide Nurses Alliance.",
                 {("Riverbend Education Association", "Marisol Quintero", "endorses", None),
                  ("Statewide Nurses Alliance", "Marisol Quintero", "endorses", None)}, id="racked-up-including"),
    pytest.param("Dana Lusk has been stacking up endorsements. She picked up the Fraternal Order of Police, Tolliver "
                 "County Lodge 27, in January.",
                 {("Fraternal Order of Police, Tolliver County Lodge 27", "Dana Lusk", "endorses", None)},
                 id="picked-up-an-organisation"),
    pytest.param("Celia Varga snared the endorsement of Mayor Tom Reyes on Monday.",
                 {("Tom Reyes", "Celia Varga", "endorses", None)}, id="snared-the-endorsement"),
    pytest.param("Celia Varga netted the backing of the Harbor Workers Union on Monday.",
                 {("Harbor Workers Union", "Celia Varga", "endorses", None)}, id="netted-the-backing"),
    pytest.param("Celia Varga has received the endorsement of prominent local politicians such as Harbor County "
                 "commissioner Tom Reyes and Dana Cole.",
                 {("Tom Reyes", "Celia Varga", "endorses", None), ("Dana Cole", "Celia Varga", "endorses", None)},
                 id="politicians-such-as"),
    pytest.param("Tom Ruiz, who won his seat with the help of activists such as Dana Cole, has endorsed Celia Varga.",
                 {("Tom Ruiz", "Celia Varga", "endorses", None)}, id="such-as-in-a-relative-clause-is-no-endorser"),
    pytest.param("Dana Lusk picked up the Harbor Workers Union banner at the parade.", set(),
                 id="picked-up-without-endorsement-story"),
]


@pytest.mark.parametrize("text,expected", RECEIVE_CASES)
def test_the_endorser_after_a_receive_noun(nlp, text, expected):
    assert facts_of(nlp, text) == expected
