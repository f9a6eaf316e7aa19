"""pipeline.annotate_and_extract's parsed_chars: the non-space characters that went through spaCy."""
from __future__ import annotations

from endorsetrack import pipeline
from endorsetrack.nlp.build import build_nlp
from endorsetrack.types import Record


def test_parsed_chars_counts_every_non_space_character_of_the_parsed_text():
    text = "The Harbor Nurses Union\u00a0endorsed Lena Park\u2003for mayor\n\non Monday.\t"
    out = pipeline.extract_text(text, nlp=build_nlp())
    assert out.parsed_chars == sum(1 for c in text if not c.isspace())


def test_an_article_without_cues_parses_nothing():
    out = list(pipeline.process_records([Record("quiet", "The Comets won again on Sunday night.")],
                                        nlp=build_nlp()))
    assert out[0].parsed_chars == 0
