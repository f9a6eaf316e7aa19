"""nlp/speed.py: the memoized attribute ruler and lemmatizer annotate exactly as spaCy's own."""
from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

from endorsetrack.nlp.build import build_nlp
from endorsetrack.nlp.speed import ArrayLemmatizer, CachedAttributeRuler, memoize_lemmatizer, one_blas_thread

TEXTS = [
    "Union Backs Vega in Mayoral Race\n\nThe Harbor Workers Union endorsed Maria Vega on Tuesday, "
    "saying she ain't gonna cut the port budget.",
    "Sen. Tomas Reyes said he was backing Gov. Ana Ruiz. \"We're with her,\" he told reporters "
    "in Eastvale; the 52% to 41% poll of 600 likely voters had been released Monday.",
    "Candidates who didn't sign the pledge weren't endorsed.   The council's members, meanwhile, "
    "are gonna vote on whether they'd support the levy -- or not!\n\n\n* Dana Cole: yes\n* Lee Park: no",
    "",
]
ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


@pytest.fixture(scope="module")
def pair():
    return build_nlp(fast=False), build_nlp()


def test_fast_pipeline_swaps_in_the_cached_attribute_ruler(pair):
    plain, fast = pair
    assert "attribute_ruler" in plain.pipe_names and "cached_attribute_ruler" not in plain.pipe_names
    names = fast.pipe_names
    assert "attribute_ruler" not in names and "attribute_ruler" in fast.disabled
    assert names.index("parser") < names.index("cached_attribute_ruler") < names.index("array_lemmatizer")
    assert "lemmatizer" not in names and "lemmatizer" in fast.disabled  # its rule serves the stand-in


def test_fast_pipeline_annotates_every_token_as_the_plain_one(pair):
    plain, fast = pair
    for _ in range(2):  # the second pass answers from the memos
        for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS)):
            assert np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)), a.text


def test_multi_token_rules_still_apply(pair):
    _, fast = pair
    doc = fast("They're gonna win.")
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na")] == ["go", "to"]


def test_lemmatizer_memo_calls_the_rule_once_per_key(pair):
    plain, _ = pair
    calls = []

    class Lemmatizer:
        mode = "rule"

        def lemmatize(self, token):
            calls.append(token.text)
            return [token.text.lower()]

    lemmatizer = Lemmatizer()
    memoize_lemmatizer(lemmatizer, limit=2)
    doc = plain("Vote vote Vote now")
    lemmas = [lemmatizer.lemmatize(t)[0] for t in doc]
    assert lemmas == ["vote", "vote", "vote", "now"]
    assert calls.count("Vote") == 1  # the second "Vote" (same word, tag and morphology) came from the memo
    memoize_lemmatizer(lemmatizer)  # wrapping twice does not stack memos
    assert lemmatizer.lemmatize(doc[3]) == ["now"]


def test_attribute_ruler_memo_is_bounded(pair):
    plain, _ = pair
    ruler = CachedAttributeRuler(plain.get_pipe("attribute_ruler"), limit=3)
    doc = plain.make_doc("One two three four five six")
    for _name, proc in plain.pipeline[:4]:  # up to the parser: what the ruler reads
        doc = proc(doc)
    ruler(doc)
    assert 0 < len(ruler.memo) <= 3


def _network_ops(nlp):
    return [node.ops for _, proc in nlp.pipeline if getattr(proc, "model", None) is not None
            for node in proc.model.walk()]


def test_fast_pipeline_multiplies_with_numpy_the_plain_one_with_blis(pair):
    plain, fast = pair
    assert _network_ops(fast) and all(getattr(ops, "use_blis", False) is False for ops in _network_ops(fast))
    assert any(getattr(ops, "use_blis", False) for ops in _network_ops(plain))  # the peer stays spaCy's own


def test_one_blas_thread_respects_an_explicit_thread_count(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    assert one_blas_thread() is False
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    assert isinstance(one_blas_thread(), bool)


def test_array_lemmatizer_asks_the_rule_once_per_key_and_keeps_preset_lemmas(pair):
    plain, _ = pair
    calls = []

    class Lemmatizer:
        mode = "rule"
        overwrite = False
        _validated = True

        def lemmatize(self, token):
            calls.append(token.text)
            return [token.text.lower() + "-x"]

    stand_in = ArrayLemmatizer(Lemmatizer(), limit=100)
    doc = plain.make_doc("Vote vote Vote now")
    doc[3].lemma_ = "later"  # as the attribute ruler sets some lemmas
    stand_in(doc)
    assert [t.lemma_ for t in doc] == ["vote-x", "vote-x", "vote-x", "later"]
    assert calls == ["Vote", "vote"]  # same word id, tag and morphology: one call
    assert stand_in(plain.make_doc("")) is not None


def test_fast_lemmatizer_index_is_sets_the_plain_one_lists(pair):
    plain, fast = pair
    fast_index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    plain_index = plain.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(v, frozenset) for v in fast_index.values())
    assert all(isinstance(v, list) for v in plain_index.values())  # spacy.load gave each its own tables
    assert {k: set(v) for k, v in fast_index.items()} == {k: set(v) for k, v in plain_index.items()}


def test_attribute_ruler_keys_unnamed_words_together(pair):
    _, fast = pair
    ruler = fast.get_pipe("cached_attribute_ruler")
    assert ruler.lower_words is not None and "gon" not in ruler.lower_words  # "gon" is in a two-token rule
    fast("Vega and Ruiz and Cole")
    assert ruler.lower_kept[fast.vocab.strings["vega"]] == 0
