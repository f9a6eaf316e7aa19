"""The whole pipeline on a hand-made string, and compact views of its facts.

The spaCy model comes from the session fixture ``nlp`` (tests/extract/conftest.py).
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.language import Language

from endorsetrack.nlp.rules import PATTERN_DIR, packaged_rules
from endorsetrack.pipeline import extract_text
from endorsetrack.types import ArticleResult, Endorsement

Fact = tuple[str, Optional[str], str, Optional[str]]  # (endorser, candidate, stance, stage)


# The cue scan parses only articles with some election vocabulary (scan.py);
# one-sentence test articles get a dateline-like lead paragraph that provides it
# without naming a stage, an office or anyone.
LEAD = "Election news.\n\n"


def run(nlp: Language, text: str, doc_id: str = "t.txt") -> ArticleResult:
    """The whole pipeline (normalize, cue scan, parse, extract, resolve) on one string."""
    result = extract_text(LEAD + text, doc_id, nlp)
    return result


def facts(result: ArticleResult) -> set[Fact]:
    """The scored part of each endorsement: (endorser, candidate, stance, stage)."""
    return {(e.endorser, e.candidate, e.stance, e.stage) for e in result.endorsements}


def facts_of(nlp: Language, text: str) -> set[Fact]:
    return facts(run(nlp, text))


def only(result: ArticleResult, endorser: Optional[str] = None) -> Endorsement:
    """The single endorsement (of ``endorser``, if given); fails with the facts seen otherwise."""
    found = [e for e in result.endorsements if endorser is None or e.endorser == endorser]
    assert len(found) == 1, f"expected one endorsement{' by ' + endorser if endorser else ''}, got {facts(result)}"
    return found[0]


def packaged_rule_refs() -> set[tuple[str, int]]:
    """(id, version) of every rule in every packaged pattern file."""
    refs: set[tuple[str, int]] = set()
    for path in sorted(PATTERN_DIR.glob("*.jsonl")):
        refs.update((r["id"], r["version"]) for r in packaged_rules(path.stem))
    return refs


def sorted_facts(items: Iterable[Fact]) -> list[list]:
    """A stable order for facts with None fields (golden files, readable diffs)."""
    return sorted(([e, c, s, g] for e, c, s, g in items), key=lambda f: [x or "" for x in f])
