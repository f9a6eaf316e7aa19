"""Faster stand-ins for two of the model's rule components, with identical output.

Profiling ``extract`` on the train corpus (2026-12-07, cProfile) put the model's
attribute ruler at ~15% of the CPU and its rule lemmatizer at ~10%: both are pure
functions of a token's attributes run again for every token, although news repeats
the same few thousand (word, tag) pairs. Both stand-ins remember their answers:

- ``CachedAttributeRuler`` runs the model's own single-token patterns once per distinct
  (LOWER, TAG, DEP, IS_SPACE) token, and its few multi-token patterns with a Matcher, then
  applies the matches exactly as spaCy's AttributeRuler does (sorted by rule, later rules
  win). A model whose single-token patterns read other attributes is left alone.
- ``memoize_lemmatizer`` remembers the rule lemmatizer's answer per (ORTH, POS, MORPH),
  the key spaCy's own cache uses (spaCy skips its cache for base forms and proper nouns,
  the most frequent tokens).

tests/nlp/test_speed.py checks token attributes against the plain components.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from ..settings import DEFAULT

__all__ = ["CachedAttributeRuler", "MEMO_LIMIT", "memoize_lemmatizer", "speed_up"]

# Entries a memo holds before it starts over: Settings.nlp_memo_entries (calibration there).
MEMO_LIMIT = DEFAULT.nlp_memo_entries

# The token attributes single-token patterns may read for the memo to be exact: the key.
_KEY_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")


class CachedAttributeRuler:
    """spaCy's AttributeRuler with its single-token matches remembered per distinct token."""

    def __init__(self, ruler: Any, limit: int = MEMO_LIMIT) -> None:
        self.ruler = ruler
        self.limit = limit
        self.memo: dict[tuple, tuple[int, ...]] = {}
        self.single = Matcher(ruler.vocab, validate=False)
        self.multi = Matcher(ruler.vocab, validate=False)
        self.match_ids: list[int] = []
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            self.match_ids.append(ruler.vocab.strings.add(key))
            _, patterns = ruler.matcher.get(key)
            target = self.single if all(len(p) == 1 for p in patterns) else self.multi
            target.add(key, patterns)

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
        matches: list[tuple[int, int, int, int]] = []
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist() if len(doc) else []
        memo = self.memo
        for i, row in enumerate(rows):
            key = tuple(row)
            found = memo.get(key)
            if found is None:
                found = tuple(sorted(int(self.ruler.vocab.strings[m_id])
                                     for m_id, _, _ in self.single(doc[i:i + 1], allow_missing=True)))
                if len(memo) >= self.limit:
                    memo.clear()
                memo[key] = found
            for attr_id in found:
                matches.append((attr_id, self.match_ids[attr_id], i, i + 1))
        for m_id, start, end in self.multi(doc, allow_missing=True):
            attr_id = int(self.ruler.vocab.strings[m_id])
            matches.append((attr_id, m_id, start, end))
        matches.sort()  # as AttributeRuler.match: by rule, so that later rules win
        for attr_id, _, start, end in matches:
            set_token_attrs(doc[start:end][self.ruler.indices[attr_id]], self.ruler.attrs[attr_id])
        return doc


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


def speed_up(nlp: Language) -> Language:
    """Swap the stand-ins in where the model has the components they replace."""
    if "attribute_ruler" in nlp.pipe_names and CachedAttributeRuler.applies_to(nlp.get_pipe("attribute_ruler")):
        nlp.add_pipe("cached_attribute_ruler", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        memoize_lemmatizer(nlp.get_pipe("lemmatizer"))
    return nlp
