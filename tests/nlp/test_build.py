"""build_nlp (nlp/build.py): the one model load, our paragraph component, a clear error
when the model package is missing."""
from __future__ import annotations

import pytest

from endorsetrack.errors import ModelNotInstalledError
from endorsetrack.nlp.build import build_nlp
from endorsetrack.settings import DEFAULT


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()  # cached per process: the same model as every other test module


def test_pipeline_has_paragraph_boundaries_before_the_parser(nlp):
    names = nlp.pipe_names
    assert "paragraph_boundaries" in names and "parser" in names and "ner" in names
    assert names.index("paragraph_boundaries") < names.index("parser")


def test_model_is_loaded_once_per_process(nlp):
    assert build_nlp() is nlp


def test_max_length_fits_the_longest_article(nlp):
    assert nlp.max_length > DEFAULT.max_article_chars


@pytest.mark.parametrize("text", [
    "Union Backs Vega in Mayoral Race\n\nThe Harbor Workers Union endorsed Maria Vega on Tuesday.",
    "Photo by Ann Lee\n\nthe Harbor Workers Union endorsed Maria Vega on Tuesday",
    "The union met on Monday and\n\nendorsed Maria Vega on Tuesday.",
    "HARBOR UNION\n\n\nThe Harbor Workers Union endorsed Maria Vega.\n\nIt also backed Tom Reyes.",
])
def test_a_sentence_never_spans_a_blank_line(nlp, text):
    doc = nlp(text)
    for sent in doc.sents:
        assert "\n\n" not in sent.text.strip(), repr(sent.text)
    # every paragraph starts a sentence
    starts = {s.start_char for s in doc.sents}
    pos = 0
    for para in text.split("\n\n"):
        body = para.lstrip("\n")
        if body:
            assert pos + (len(para) - len(body)) in starts, repr(body)
        pos += len(para) + 2


def test_missing_model_is_a_typed_error_naming_the_model():
    with pytest.raises(ModelNotInstalledError) as info:
        build_nlp("en_no_such_model_for_tests")
    message = str(info.value)
    assert "en_no_such_model_for_tests" in message and "pip install" in message
    assert info.value.exit_code == 3


def test_a_run_without_sentence_punctuation_is_cut_into_bounded_sentences(nlp):
    words = " ".join(["union", "members", "backed", "the", "mayor", "and", "council"] * 120)  # 840 tokens, no stop
    lengths = [len(s) for s in nlp(words).sents]
    assert max(lengths) <= DEFAULT.max_sentence_tokens and sum(lengths) == 840


def test_ordinary_sentences_keep_their_boundaries(nlp):
    doc = nlp("The nurses union endorsed Lena Park on Monday. She thanked them.")
    assert [s.text for s in doc.sents] == ["The nurses union endorsed Lena Park on Monday.", "She thanked them."]
