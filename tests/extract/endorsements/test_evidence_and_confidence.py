"""What comes with each fact: its evidence (the one trimmed sentence that states the
stance and holds the trigger, with offsets into the article text), a confidence below 1
(lower for references than for direct frames), the id and version of the rule that found
it, and the publication date as the fact's date.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts, only, packaged_rule_refs, run

from endorsetrack.pipeline import process_records
from endorsetrack.settings import DEFAULT
from endorsetrack.types import Record

VEGA, REYES = "Maria Vega", "Tom Reyes"
HWU = "Harbor Workers Union"


EVIDENCE_ARTICLE = (
    "Union Backs Vega in Mayoral Race\n\n"
    "The Plumbers Union endorsed Maria Vega on Tuesday, and the Riverside Gazette withdrew its "
    "endorsement of Tom Reyes.\n\n"
    "The Harbor Workers Union, which represents 4,000 dock workers, met Monday to weigh the race. "
    "The union said it is backing Maria Vega.\n\n"
    "The Greenfield Federation of Labor did not endorse a candidate in the race."
)
TRIGGER_WORDS = {"verb.back": "backing", "verb.endorse": "endorse", "withdraw.endorsement": "withdrew"}


@pytest.fixture(scope="module")
def evidence_result(nlp):
    return run(nlp, EVIDENCE_ARTICLE)


def test_evidence_article_yields_its_facts(evidence_result):
    assert facts(evidence_result) == {
        (HWU, VEGA, "endorses", None), ("Plumbers Union", VEGA, "endorses", None),
        ("Riverside Gazette", REYES, "rescinds", None),
        ("Greenfield Federation of Labor", None, "declines", None)}


def test_evidence_offsets_index_the_article_text(evidence_result):
    text = evidence_result.article.text
    for e in evidence_result.endorsements:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text, e


def test_evidence_of_a_reference_is_its_own_sentence(evidence_result):
    e = only(evidence_result, HWU)
    assert e.evidence.text.strip() == "The union said it is backing Maria Vega."


def test_evidence_is_one_trimmed_sentence(evidence_result):
    for e in evidence_result.endorsements:
        assert e.evidence.text == e.evidence.text.strip(), e.evidence
        assert "\n" not in e.evidence.text, e.evidence


def test_evidence_contains_the_trigger(evidence_result):
    for e in evidence_result.endorsements:
        assert TRIGGER_WORDS[e.rule.id] in e.evidence.text, (e.rule.id, e.evidence.text)


def test_confidence_is_a_probability(evidence_result):
    for e in evidence_result.endorsements:
        assert 0.0 < e.confidence <= 1.0, e


def test_rule_ids_come_from_the_pattern_files(evidence_result):
    refs = packaged_rule_refs()
    # "verb.endorse+coord.place": the trigger rule, then the list rule that let a name in
    assert {(e.rule.id.split("+")[0], e.rule.version) for e in evidence_result.endorsements} <= refs
    assert {part for e in evidence_result.endorsements for part in e.rule.id.split("+")[1:]} <= {r for r, _ in refs}


def test_direct_frames_score_higher_than_references(evidence_result):
    by_name = {e.endorser: e.confidence for e in evidence_result.endorsements}
    # settings.base_confidence: direct frames score at the base; references below 0.8.
    assert by_name["Plumbers Union"] >= DEFAULT.base_confidence
    assert by_name[HWU] < 0.8


def test_published_date_becomes_the_fact_date(nlp):
    record = Record(doc="dated.txt", content="The Plumbers Union endorsed Maria Vega for mayor.",
                    published="2024-03-03")
    result = next(process_records([record], nlp=nlp))
    assert [(e.endorser, e.date) for e in result.endorsements] == [("Plumbers Union", "2024-03-03")]
