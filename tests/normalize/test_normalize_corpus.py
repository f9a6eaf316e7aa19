"""Every seed and dev article normalizes without losing a character of its text.

Needs <repo>/../shared (skipped when absent). Repairs may only add or change
whitespace, straighten quotes, and drop pasted hover cards: the rest of the text
must survive character for character, in order.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from endorsetrack.normalize import normalize
from endorsetrack.types import Record

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = sorted((SHARED / "corpus" / "dev").glob("*.txt")) + sorted((SHARED / "corpus" / "seeds").glob("*.txt"))

pytestmark = pytest.mark.skipif(not CORPUS, reason="shared corpus not available")

_SQUASH = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _letters(text: str) -> str:
    return re.sub(r"\s+", "", text.translate(_SQUASH))


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_article_keeps_its_text(path):
    raw = path.read_text(encoding="utf-8")
    a = normalize(Record(doc=path.name, content=raw))
    assert a.text and a.paragraphs
    assert a.text == a.text.strip() and "\n\n\n" not in a.text and "  " not in a.text
    for start, end in a.paragraphs:
        assert a.text[start:end].strip() == a.text[start:end]
    if not a.was_html:
        original = _letters(raw)
        kept = _letters(a.text)
        assert kept == original or (len(kept) < len(original) and "MORE" in raw)  # hover card dropped
