"""Faster stand-ins for the model's rule components and matrix multiply, with identical output.

Profiling ``extract`` on the train corpus (2026-12-07, cProfile) put the model's
attribute ruler at ~15% of the CPU and its rule lemmatizer at ~10%: both are pure
functions of a token's attributes run again for every token, although news repeats
the same few thousand (word, tag) pairs. Both stand-ins remember their answers:

- ``CachedAttributeRuler`` runs the model's own single-token patterns once per distinct
  (LOWER, TAG, DEP, IS_SPACE) token, and its few multi-token patterns with a Matcher, then
  applies the matches exactly as spaCy's AttributeRuler does (sorted by rule, later rules
  win). A model whose single-token patterns read other attributes is left alone. Words no
  single-token rule names share one key; POS, MORPH and LEMMA are written in bulk
  (Doc.from_array), other attributes and multi-token matches token by token in rule order.
- ``memoize_lemmatizer`` remembers the rule lemmatizer's answer per (ORTH, POS, MORPH),
  the key spaCy's own cache uses (spaCy skips its cache for base forms and proper nouns,
  the most frequent tokens); ``ArrayLemmatizer`` runs it in place of spaCy's loop, writing
  the lemmas in bulk, and ``index_as_sets`` makes the rule's word lookups set lookups.

- ``numpy_matmul`` (2026-12-07): thinc's CPU ops multiply the networks' matrices with the
  bundled BLIS, which on this project's x86_64 machines selects its *generic* kernels
  (``BLIS_ARCH_DEBUG=1`` prints "selecting sub-configuration 'generic'"): a
  3000x288 @ 288x288 product took 16 ms against 5.7 ms with numpy's OpenBLAS on one
  thread. Every network layer's ops are switched to ``NumpyOps(use_blis=False)`` (numpy's
  matmul), and OpenBLAS is held to one thread per process (workers are processes; a
  second BLAS thread only spins on a shared machine). Float sums differ in the last bits;
  on the 594 texts of seeds, dev and train (parse scopes and full texts) every tag, head,
  dependency, lemma, entity and sentence start came out identical.

tests/nlp/test_speed.py checks token attributes against the plain components.
"""
from __future__ import annotations

import ctypes
import glob
import os
import re
from typing import Any, Callable, Optional

import numpy

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from ..settings import DEFAULT

__all__ = ["ArrayLemmatizer", "CachedAttributeRuler", "MEMO_LIMIT", "index_as_sets", "memoize_lemmatizer",
           "numpy_matmul", "one_blas_thread", "speed_up"]

# Entries a memo holds before it starts over: Settings.nlp_memo_entries (calibration there).
MEMO_LIMIT = DEFAULT.nlp_memo_entries

# The token attributes single-token patterns may read for the memo to be exact: the key.
_KEY_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")


class CachedAttributeRuler:
    """spaCy's AttributeRuler with its single-token matches remembered per distinct token."""

    def __init__(self, ruler: Any, limit: int = MEMO_LIMIT) -> None:
        self.ruler = ruler
        self.limit = limit
        self.memo: dict[tuple, tuple[tuple[int, ...], Optional[tuple[tuple[int, int], ...]]]] = {}
        self.single = Matcher(ruler.vocab, validate=False)
        self.multi = Matcher(ruler.vocab, validate=False)
        self.match_ids: list[int] = []
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            self.match_ids.append(ruler.vocab.strings.add(key))
            _, patterns = ruler.matcher.get(key)
            target = self.single if all(len(p) == 1 for p in patterns) else self.multi
            target.add(key, patterns)
        self.lower_words, self.lower_regexes = _lower_predicates(ruler)
        self.lower_kept: dict[int, int] = {}  # LOWER id -> itself when a rule names it, else 0

    @staticmethod
    def applies_to(ruler: Any) -> bool:
        """True when every single-token pattern reads only the memo key's attributes."""
        for attr_id in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(str(attr_id))
            for pattern in patterns:
                if len(pattern) == 1 and not set(pattern[0]) <= set(_KEY_ATTRS):
                    return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        if self.lower_words is not None:  # a word no single-token rule names keys as word 0
            kept = self.lower_kept
            if len(kept) >= self.limit:
                kept.clear()
            strings = doc.vocab.strings
            for row in rows:
                lower = kept.get(row[0])
                if lower is None:
                    text = strings[row[0]]
                    named = text in self.lower_words or any(rx.search(text) for rx in self.lower_regexes)
                    lower = kept[row[0]] = row[0] if named else 0
                row[0] = lower
        # the few multi-token rules ("gonna", "let's"): the token each one changes
        multi: dict[int, list[int]] = {}
        for m_id, start, end in self.multi(doc, allow_missing=True):
            attr_id = int(self.ruler.vocab.strings[m_id])
            multi.setdefault(doc[start:end][self.ruler.indices[attr_id]].i, []).append(attr_id)
        memo = self.memo
        values = doc.to_array(_SET_ATTRS).tolist()
        exact: list[tuple[int, tuple[int, ...]]] = []
        for i, row in enumerate(rows):
            key = tuple(row)
            found = memo.get(key)
            if found is None:
                found = self._single_rules(doc, i)
                if len(memo) >= self.limit:
                    memo.clear()
                memo[key] = found
            rules, merged = found
            if i in multi or merged is None:
                exact.append((i, rules))
            elif merged:
                for column, value in merged:
                    values[i][column] = value
        doc.from_array(_SET_ATTRS, _uint64(values))
        for i, rules in exact:  # the token's rules one by one, in rule order as AttributeRuler.match sorts them
            for attr_id in sorted(rules + tuple(multi.get(i, ()))):
                set_token_attrs(doc[i], self.ruler.attrs[attr_id])
        return doc

    def _single_rules(self, doc: Doc, i: int) -> tuple[tuple[int, ...], Optional[tuple[tuple[int, int], ...]]]:
        """The single-token rules matching token ``i`` (in rule order), and what they set
        together as (column of _SET_ATTRS, value) pairs, later rules winning; None when a
        rule sets an attribute other than those (TAG, DEP: applied one by one)."""
        rules = tuple(sorted(int(self.ruler.vocab.strings[m_id])
                             for m_id, _, _ in self.single(doc[i:i + 1], allow_missing=True)))
        merged: dict[int, int] = {}
        for attr_id in rules:
            for attr, value in self.ruler.attrs[attr_id].items():
                if attr not in _COLUMN:
                    return rules, None
                merged[_COLUMN[attr]] = value
        return rules, tuple(sorted(merged.items()))


def _lower_predicates(ruler: Any) -> tuple[Optional[frozenset[str]], list[re.Pattern]]:
    """The words (and regexes) the single-token rules test LOWER against: a token whose
    lowercase form is none of them matches exactly the rules of any other such token with
    the same TAG, DEP and IS_SPACE, so the memo needs far fewer keys. (None, []) when a
    rule tests LOWER otherwise (NOT_IN, ...): then every word is its own key."""
    words: set[str] = set()
    regexes: list[re.Pattern] = []
    for attr_id in range(len(ruler.attrs)):
        _, patterns = ruler.matcher.get(str(attr_id))
        for pattern in patterns:
            if len(pattern) != 1 or "LOWER" not in pattern[0]:
                continue
            test = pattern[0]["LOWER"]
            if isinstance(test, str):
                words.add(test)
            elif isinstance(test, dict) and set(test) == {"IN"}:
                words.update(test["IN"])
            elif isinstance(test, dict) and set(test) == {"REGEX"}:
                regexes.append(re.compile(test["REGEX"]))
            else:
                return None, []
    return frozenset(words), regexes


def _uint64(rows: list) -> Any:
    """Rows of attribute values as the array Doc.from_array takes (its stub says Ints2d)."""
    return numpy.array(rows, dtype=numpy.uint64)


# What the stand-in writes in bulk (Doc.from_array); any other attribute a rule sets goes
# through spaCy's own set_token_attrs for that token.
_SET_ATTRS = [POS, MORPH, LEMMA]
_COLUMN = {attr: k for k, attr in enumerate(_SET_ATTRS)}


@Language.factory("cached_attribute_ruler")
def _make_cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    return CachedAttributeRuler(nlp.get_pipe("attribute_ruler"))


def memoize_lemmatizer(lemmatizer: Any, limit: int = MEMO_LIMIT) -> None:
    """Wrap the lemmatizer's rule function in a memo keyed as spaCy's own cache is."""
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "_endorsetrack_memo", False):
        return
    rule: Callable[[Any], list[str]] = lemmatizer.lemmatize
    memo: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found: Optional[list[str]] = memo.get(key)
        if found is None:
            found = rule(token)
            if len(memo) >= limit:
                memo.clear()
            memo[key] = found
        return found

    lemmatizer.lemmatize = lemmatize
    lemmatizer._endorsetrack_memo = True


def numpy_matmul(nlp: Language) -> None:
    """Multiply every network layer's matrices with numpy (OpenBLAS) instead of BLIS."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:  # plain CPU ops only: GPU and Apple ops are left alone
                node.ops = ops
    one_blas_thread()


# The thread setters of the OpenBLAS builds numpy wheels bundle (scipy-openblas, older
# openblas64_) and of a system OpenBLAS.
_SET_THREADS = ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_",
                "openblas_set_num_threads")


def one_blas_thread() -> bool:
    """Hold numpy's OpenBLAS to one thread (what OPENBLAS_NUM_THREADS=1 would do had it
    been set before numpy loaded); True when a setter was found. A user's explicit
    OPENBLAS_NUM_THREADS / OMP_NUM_THREADS is respected."""
    if os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS"):
        return False
    import numpy

    libs = glob.glob(os.path.join(os.path.dirname(os.path.dirname(numpy.__file__)), "numpy.libs", "*openblas*"))
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SET_THREADS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(1)
                return True
    return False


class ArrayLemmatizer:
    """The model's rule lemmatizer run once per distinct (ORTH, POS, MORPH), the key of
    spaCy's own cache, with the lemmas written in bulk (Doc.from_array) instead of token by
    token; as spaCy's, it leaves a lemma the attribute ruler set unless ``overwrite``."""

    def __init__(self, lemmatizer: Any, limit: int = MEMO_LIMIT) -> None:
        self.lemmatizer = lemmatizer
        self.limit = limit
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        overwrite = lemmatizer.overwrite
        strings = doc.vocab.strings
        memo = self.memo
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = strings.add(lemmatizer.lemmatize(doc[i])[0])
                if len(memo) >= self.limit:
                    memo.clear()
                memo[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], _uint64([[lemma] for lemma in lemmas]))
        return doc


def index_as_sets(lemmatizer: Any) -> None:
    """Turn the rule lemmatizer's word index (a list per part of speech: 57,528 adjectives,
    20,993 nouns) into sets. spaCy's rule asks ``form in index`` for every suffix rule that
    applies, a scan of the list each time: 260 us per new word on train, most of a cold
    lemmatizer's time. Membership is all the rule asks of the index, so the lemmas are the
    same. Only this pipeline's own tables change (each spacy.load reads its own)."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for key in list(index.keys()):
        if isinstance(index[key], list):
            index[key] = frozenset(index[key])


@Language.factory("array_lemmatizer")
def _make_array_lemmatizer(nlp: Language, name: str) -> ArrayLemmatizer:
    return ArrayLemmatizer(nlp.get_pipe("lemmatizer"))


def speed_up(nlp: Language) -> Language:
    """Swap the stand-ins in where the model has the components they replace."""
    numpy_matmul(nlp)
    if "attribute_ruler" in nlp.pipe_names and CachedAttributeRuler.applies_to(nlp.get_pipe("attribute_ruler")):
        nlp.add_pipe("cached_attribute_ruler", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        memoize_lemmatizer(nlp.get_pipe("lemmatizer"))
        if getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
            index_as_sets(nlp.get_pipe("lemmatizer"))
            nlp.add_pipe("array_lemmatizer", after="lemmatizer")
            nlp.disable_pipe("lemmatizer")
    return nlp
