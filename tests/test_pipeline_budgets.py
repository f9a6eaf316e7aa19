"""The pipeline's per-article budgets (pipeline.py, Settings): one slow article is reported
and the batch goes on (issue 15)."""
from __future__ import annotations

import dataclasses
import time

from endorsetrack import pipeline
from endorsetrack.nlp.build import build_nlp
from endorsetrack.settings import DEFAULT
from endorsetrack.types import DocumentError, Record

SLOW = "The Ferry Workers Union endorsed Dana Ortiz for mayor on Friday."
FAST = "The Harbor Nurses Union endorsed Lena Park for mayor on Monday."


def test_an_article_past_its_time_budget_is_an_error_and_the_next_is_extracted(monkeypatch):
    real = pipeline.annotate_and_extract

    def slow_for_one(article, doc, settings, dating):
        if "Ferry" in article.text:
            time.sleep(5)
        return real(article, doc, settings, dating)

    monkeypatch.setattr(pipeline, "annotate_and_extract", slow_for_one)
    settings = dataclasses.replace(DEFAULT, max_article_seconds=0.5)
    started = time.monotonic()
    out = list(pipeline.process_records([Record("slow", SLOW), Record("fast", FAST)], settings, build_nlp()))
    assert time.monotonic() - started < 4
    assert isinstance(out[0], DocumentError) and out[0].code == "extract.timeout"
    assert not isinstance(out[1], DocumentError) and out[1].endorsements[0].candidate == "Lena Park"
