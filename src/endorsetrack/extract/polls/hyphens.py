"""Hyphenated names as one word for the person index.

spaCy splits "Achebe-Moore" and "Jean-Luc" into three tokens, so the last token
("Moore", "Luc") became the person's key and the name came out cut in half. Here a
capitalised token, a hyphen and a capitalised token written with no space between them
are one name word; any other token is a word of its own.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    text: str
    i: int  # first token index
    end: int  # token index after the word
    idx: int  # character offset of the word
    pos_: str  # the part of speech of the word's last token

    @property
    def last(self) -> int:
        return self.end - 1

    @property
    def is_alpha(self) -> bool:
        return self.text.replace("-", "").isalpha()


def _joins(doc, i: int) -> bool:
    """Do tokens i, i+1, i+2 read "Cap-Cap" with no space?"""
    if i + 2 >= len(doc):
        return False
    h = doc[i + 1]
    if h.text != "-" or h.whitespace_:  # checked first: most tokens are followed by no hyphen
        return False
    a, b = doc[i], doc[i + 2]
    return not a.whitespace_ and a.text[:1].isupper() and b.text[:1].isupper() and a.is_alpha and b.is_alpha


def word_at(doc, i: int) -> Word:
    """The word that starts at token i (a hyphen compound runs on)."""
    j = i
    while _joins(doc, j):
        j += 2
    return Word(doc[i:j + 1].text, i, j + 1, doc[i].idx, doc[j].pos_)


def name_words(doc, start: int, end: int) -> list[Word]:
    """The words of doc[start:end], hyphen compounds joined."""
    out = []
    i = start
    while i < end:
        w = word_at(doc, i)
        out.append(w)
        i = w.end
    return out
