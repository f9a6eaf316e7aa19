"""extract/mentions/detect.py is_headline: Title Case lines, answered once per sentence."""
from __future__ import annotations

from endorsetrack.extract.mentions.detect import is_headline
from endorsetrack.nlp.build import build_nlp


def test_headline_answer_is_kept_per_sentence_and_stays_the_same():
    doc = build_nlp()("Harbor Union Backs Vega In Mayoral Contest\n\nThe Harbor Workers Union met on Monday.")
    first = [is_headline(s) for s in doc.sents]
    assert first == [True, False]
    assert len(doc.user_data["endorsetrack.headline"]) == 2
    assert [is_headline(s) for s in doc.sents] == first


def test_headline_answer_is_per_span_not_per_doc():
    doc = build_nlp()("Harbor Union Backs Vega In Mayoral Contest\n\nThe Harbor Workers Union met on Monday.")
    sents = list(doc.sents)
    assert not is_headline(sents[1])
    assert is_headline(sents[0])
