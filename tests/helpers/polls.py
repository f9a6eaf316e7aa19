"""find_polls on a hand-made string, compact views of its polls, and the invented races
and first polls that the poll tests start from.

The spaCy model comes from the session fixture ``poll_nlp`` (tests/extract/conftest.py).
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language

from endorsetrack.extract.polls.article import find_polls
from endorsetrack.types import Article, Poll

# Names are invented; each text introduces its people by full name first, as news does,
# so the parser knows them as people.
RACE = "Senator Joe Carter faces challenger Ned Lawson in November. "
# A first poll that names its pollster, for tests of what the sentences after it add.
INTRO = ("A Ridgeway College poll released Monday showed Carter leading Lawson 45 percent "
         "to 40 percent among likely voters. ")
# A nonpartisan three-way race and its first poll.
MAYORAL_RACE = ("Mayor Tom Garvey faces challenger Nina Oduya and Councilman Ray Pelt in the "
                "nonpartisan race. ")
MAYORAL_POLL = "The Acme Research poll found Garvey at 38%, with Oduya at 29% and Pelt at 17%. "


def polls_in(nlp: Language, text: str, published: Optional[str] = None) -> list[Poll]:
    """find_polls on a hand-made text: the Poll objects, as the pipeline would get them."""
    return find_polls(nlp(text), Article(doc="t.txt", text=text, published=published))


def rows(polls: list[Poll]) -> list[tuple]:
    """(pollster, population, ((candidate, share), ...)) per poll, for compact asserts."""
    return [(p.pollster, p.population, tuple((r.candidate, r.share) for r in p.results)) for p in polls]


def shares(polls: list[Poll]) -> dict[str, float]:
    """candidate -> share over every poll (the surname is enough for most asserts)."""
    return {r.candidate.split()[-1]: r.share for p in polls for r in p.results}
