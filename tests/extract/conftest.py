"""Fixtures of the extractor tests: one spaCy model for the whole test session.

build_nlp() is cached per process, so ``nlp`` and ``poll_nlp`` are the same model;
the poll tests name it ``poll_nlp``.
"""
from __future__ import annotations

import pytest
from spacy.language import Language

from endorsetrack.nlp.build import build_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture(scope="session")
def poll_nlp(nlp: Language) -> Language:
    return nlp
