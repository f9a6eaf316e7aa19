"""extract/polls/descriptions.py: a poll side given by description goes through the shared resolver."""
from __future__ import annotations

from endorsetrack.extract.polls.descriptions import add_description_mentions
from endorsetrack.extract.polls.people import build_person_index
from endorsetrack.extract.polls.rules import get_poll_rules


def _described(poll_nlp, text: str) -> list[tuple[str, str]]:
    doc = poll_nlp(text)
    index = build_person_index(doc, get_poll_rules())
    before = {(m.start, m.end) for m in index.mentions}
    add_description_mentions(doc, index)
    return [(text[m.start:m.end], m.key) for m in index.mentions if (m.start, m.end) not in before]


def test_a_role_said_of_one_person_is_that_person(poll_nlp):
    text = "Transport Minister Odile Varga leads Hugo Pellerin, and the transport minister has 41 per cent."
    assert ("transport minister", "varga") in _described(poll_nlp, text)


def test_a_place_and_office_pick_the_one_person_they_fit(poll_nlp):
    text = ("Sen. Rowan Ashby of Oregon and Gov. Mira Kettle of Vermont are running. "
            "Ashby leads with 31 percent, a lead the Oregon senator has kept for months.")
    assert ("Oregon senator", "ashby") in _described(poll_nlp, text)
