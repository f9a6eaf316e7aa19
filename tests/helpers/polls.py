"""find_polls on a hand-made string, and compact views of its polls.

The spaCy model comes from the session fixture ``poll_nlp`` (tests/extract/conftest.py).
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language

from endorsetrack.extract.polls.article import find_polls
from endorsetrack.types import Article, Poll


def polls_in(nlp: Language, text: str, published: Optional[str] = None) -> list[Poll]:
    """find_polls on a hand-made text: the Poll objects, as the pipeline would get them."""
    return find_polls(nlp(text), Article(doc="t.txt", text=text, published=published))


def rows(polls: list[Poll]) -> list[tuple]:
    """(pollster, population, ((candidate, share), ...)) per poll, for compact asserts."""
    return [(p.pollster, p.population, tuple((r.candidate, r.share) for r in p.results)) for p in polls]


def shares(polls: list[Poll]) -> dict[str, float]:
    """candidate -> share over every poll (the surname is enough for most asserts)."""
    return {r.candidate.split()[-1]: r.share for p in polls for r in p.results}
