"""Shared fixtures for the poll extractor tests: one spaCy model per test session."""
from __future__ import annotations

from typing import Optional

import pytest

from endorsetrack.extract.polls.article import find_polls
from endorsetrack.nlp.build import build_nlp
from endorsetrack.types import Article


@pytest.fixture(scope="session")
def poll_nlp():
    return build_nlp()


def polls_in(nlp, text: str, published: Optional[str] = None):
    """find_polls on a hand-made text: the Poll objects, as the pipeline would get them."""
    return find_polls(nlp(text), Article(doc="t.txt", text=text, published=published))


def rows(polls) -> list[tuple]:
    """(pollster, population, ((candidate, share), ...)) per poll, for compact asserts."""
    return [(p.pollster, p.population, tuple((r.candidate, r.share) for r in p.results)) for p in polls]


def shares(polls) -> dict[str, float]:
    """candidate -> share over every poll (the surname is enough for most asserts)."""
    return {r.candidate.split()[-1]: r.share for p in polls for r in p.results}
