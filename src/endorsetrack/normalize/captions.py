"""Photo captions glued into paragraphs get a paragraph of their own.

Scraped articles often carry the caption of a dropped photo inside a paragraph
("...before the vote.All smiles at the rally (l-r): Lt. Gov. ..."). Left in place, a
caption's names read as part of the surrounding sentences. We never delete text:
a caption is only moved to its own paragraph at the same place.

A sentence is a caption when it carries a caption marker (data/caption_markers.jsonl),
or when it is glued to a neighbour (evidence of lost structure) and has the shape of
a caption: "Name Name, description." without a verb, or "Name Name: short line."
"""
from __future__ import annotations

import re

from .edits import Edit
from .rules import caption_markers, caption_verbs, sentence_starters
from .sentences import Sentence, glue_points, sentences

# A caption with a marker is short; 60 words is twice the longest marked caption in
# the seeds and dev set (the 28-word "(l-r)" caption of seed 001), while news
# paragraphs that mention "Getty Images" or "(left)" in passing run longer.
CAPTION_MAX_WORDS_WITH_MARKER = 60
# Unmarked "Name, description." captions: the ones in seed 001 have 4-8 words; 14
# leaves room for a longer title and stays far below typical sentence length (~25).
CAPTION_MAX_WORDS = 14
# Words after the colon of a "Name: line." caption (seed 001's has 4).
CAPTION_MAX_WORDS_AFTER_COLON = 10

_NAME_TOKEN = r"(?:[A-Z0-9][\w\u2019'.&-]*)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:(?:of|de|la|van|von|da|del|the)\s+)?{_NAME_TOKEN}){{1,4}}"
_NAME_COMMA = re.compile(rf"^({_NAME}),\s+(.+?)[.!]?$", re.S)
_NAME_COLON = re.compile(rf"^({_NAME}):\s+(.+?)[.!?]?$", re.S)
_QUOTES = re.compile("[\u201c\u201d\"]")
_STARTS_SENTENCE = re.compile("\\s+[\u201c\"]?[A-Z]")
_WORD = re.compile(r"[A-Za-z][A-Za-z\u2019']*")


def caption_edits(text: str) -> list[Edit]:
    """Paragraph breaks around every caption found inside a paragraph (one per line)."""
    glue = [g.pos for g in glue_points(text) if g.sentence_end]
    breaks: dict[tuple[int, int], Edit] = {}
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        sents = sentences(text, line_start, line_end, glue)
        for k, s in enumerate(sents):
            if not is_caption(text[s.start:s.end], s.glued_before or s.glued_after):
                continue
            first = k
            if k > 0 and text[s.start] == "(":  # a bare "(Photo: ...)" credits the sentence before it
                first = k - 1
            if first > 0:
                _add_break(breaks, sents[first - 1].end, sents[first].start)
            credit_end = _credit_end(text, s)
            if credit_end is not None:  # "... (Photo: AP) The vote is next week."
                _add_break(breaks, credit_end, credit_end + len(text[credit_end:s.end]) -
                           len(text[credit_end:s.end].lstrip()))
            elif k + 1 < len(sents):
                _add_break(breaks, s.end, sents[k + 1].start)
        line_start = line_end + 1
    return list(breaks.values())


def _add_break(breaks: dict[tuple[int, int], Edit], end: int, start: int) -> None:
    breaks[(end, start)] = Edit(end, start, "\n\n")


def _credit_end(text: str, s: Sentence) -> int | None:
    """Where a caption ends at a parenthesised credit that prose follows without a period."""
    for _, _, pattern in caption_markers():
        for m in pattern.finditer(text, s.start, s.end):
            if m.group().endswith(")") and _STARTS_SENTENCE.match(text, m.end(), s.end):
                return m.end()
    return None


def is_caption(sentence: str, glued: bool) -> bool:
    """Caption marker, or (only when glued to a neighbour) a caption's shape."""
    n_words = len(sentence.split())
    if n_words <= CAPTION_MAX_WORDS_WITH_MARKER and any(p.search(sentence) for _, _, p in caption_markers()):
        return True
    if not glued or n_words > CAPTION_MAX_WORDS:
        return False
    return looks_like_name_description(sentence)


def looks_like_name_description(sentence: str) -> bool:
    """ "Ned Smith, the mayor's challenger." (no verb) or "Union's Ann Lee: Short line." """
    s = sentence.strip()
    if _QUOTES.search(s):
        return False
    if s.split(maxsplit=1)[0] in sentence_starters():
        return False
    m = _NAME_COLON.match(s)
    if m and len(m.group(2).split()) <= CAPTION_MAX_WORDS_AFTER_COLON:
        return True
    m = _NAME_COMMA.match(s)
    if not m:
        return False
    verbs = caption_verbs()
    for word in _WORD.findall(m.group(2)):
        low = word.lower()
        if low in verbs or (word.islower() and len(word) > 4 and low.endswith("ed")):
            return False
    return True
