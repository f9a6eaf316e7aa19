"""Quote direction, glued sentences and sentence boundaries in scraped text.

Scrapers that drop block tags glue paragraphs and captions together:
"campaign.The gang", "here.”Lieberman", "Proto said.“We". Finding those glue
points is shared by the glue repair (insert a space) and the caption finder
(which uses them as evidence of lost structure), so it lives here.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .edits import Edit
from .rules import abbreviations

OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"
_DOUBLE_QUOTE = re.compile('\n\n|["\u201c\u201d\u201e\u201f]')
# Characters that leave a quote "free" on that side, as a space would.
_FREE_BEFORE = set("([{\u2014\u2013-/\u2018'")
_FREE_AFTER = set(".,;:!?)]}\u2014\u2013-/\u2026")

# A sentence end glued to the next sentence: two lowercase letters (or a digit,
# %, closing bracket) then . ! or ? then a capital, maybe after an opening quote.
# Two lowercase letters keep "U.S.Senate", "Ph.D." and "ASP.NET" whole.
_SENTENCE_GLUE = re.compile("(?:(?<=[a-z]{2})|(?<=[0-9%)\\]]))[.!?]+(?=\u201c?[A-Z])")
_CLOSE_GLUE = re.compile("\u201d(?=[A-Za-z0-9\u201c])")
_OPEN_GLUE = re.compile("(?<=[A-Za-z0-9.,;:!?])\u201c")
_SENTENCE_PUNCT = ".!?"

# Tokens that are addresses, in which a "." before a capital is no sentence end.
_ADDRESS = re.compile(
    r"(?:://|\bwww\.|[\w.+-]@[\w-]+\.|\.(?:com|org|net|edu|gov|mil|int|us|uk|ca|au|de|fr|io|co|info|biz|tv|me|ly|news)(?:\b|/))",
    re.IGNORECASE)

# A spaced sentence end: . ! or ? (maybe closing quotes/brackets) then space and a capital.
_SPACED_END = re.compile("[.!?]+[\u201d\u2019\"')\\]]*(?=\\s+[\u201c\u2018\"'(]?[A-Z])")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")


@dataclass(frozen=True)
class GluePoint:
    """A place where a space is missing; ``sentence_end`` if a sentence ends there."""

    pos: int
    sentence_end: bool


def quote_direction_edits(text: str) -> list[Edit]:
    """Turn every double quote into “ or ” by context and by open/closed state.

    A quote with a space on one side only is decided by that; a quote glued on both
    sides (or free on both) closes an open quotation and opens otherwise. That fixes
    a closing quote typed as an opening one ("with us.“Lieberman's stand ...") and
    lets the glue repair put the space on the right side. State resets per paragraph.
    """
    edits: list[Edit] = []
    is_open = False
    for m in _DOUBLE_QUOTE.finditer(text):
        if m.group() == "\n\n":
            is_open = False
            continue
        i = m.start()
        prev = text[i - 1] if i > 0 else "\n"
        nxt = text[i + 1] if i + 1 < len(text) else "\n"
        free_before = prev.isspace() or prev in _FREE_BEFORE
        free_after = nxt.isspace() or nxt in _FREE_AFTER
        if free_before and not free_after:
            opening = True
        elif free_after and not free_before:
            opening = False
        else:
            opening = not is_open
        is_open = opening
        wanted = OPEN_QUOTE if opening else CLOSE_QUOTE
        if m.group() != wanted:
            edits.append(Edit(i, i + 1, wanted))
    return edits


def glue_points(text: str) -> list[GluePoint]:
    """Where a space is missing after a sentence end or around a quotation mark.

    Expects quotes already directed (quote_direction_edits). Never inside a URL or an
    e-mail address ("www.RallyAround.us"), an initialism ("U.S.Senate") or a decimal.
    """
    points: dict[int, GluePoint] = {}
    for m in _SENTENCE_GLUE.finditer(text):
        if not _inside_address(text, m.end()):
            points[m.end()] = GluePoint(m.end(), True)
    for m in _CLOSE_GLUE.finditer(text):
        points.setdefault(m.end(), GluePoint(m.end(), m.start() > 0 and text[m.start() - 1] in _SENTENCE_PUNCT))
    for m in _OPEN_GLUE.finditer(text):
        points.setdefault(m.start(), GluePoint(m.start(), text[m.start() - 1] in _SENTENCE_PUNCT))
    return [points[p] for p in sorted(points)]


def glued_sentence_edits(text: str) -> list[Edit]:
    """Insert the missing space at every glue point."""
    return [Edit(g.pos, g.pos, " ") for g in glue_points(text)]


def _inside_address(text: str, pos: int) -> bool:
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return bool(_ADDRESS.search(text[start:end]))


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    glued_before: bool
    glued_after: bool


def sentences(text: str, start: int, end: int, sentence_glue: list[int]) -> list[Sentence]:
    """Split ``text[start:end]`` (one paragraph) into sentences.

    Boundaries are the sentence-ending glue points (``sentence_glue``: sorted
    positions) and spaced sentence ends that do not follow an abbreviation
    ("Sen.", "Lt. Gov.") or an initialism ("U.S.", "R.").
    """
    lo, hi = bisect_right(sentence_glue, start), bisect_left(sentence_glue, end)
    cuts: list[tuple[int, int, bool]] = [(pos, pos, True) for pos in sentence_glue[lo:hi]]
    for m in _SPACED_END.finditer(text, start, end):
        if m.group()[0] == "." and _is_abbreviation(text, start, m.start()):
            continue
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt < end:
            cuts.append((m.end(), nxt, False))
    cuts.sort()
    out: list[Sentence] = []
    cursor, glued_before = start, False
    for stop, nxt, glued in cuts:
        if stop <= cursor:
            continue
        out.append(Sentence(cursor, stop, glued_before, glued))
        cursor, glued_before = nxt, glued
    if cursor < end:
        out.append(Sentence(cursor, end, glued_before, False))
    return out


def _is_abbreviation(text: str, floor: int, dot: int) -> bool:
    """Is the word just before the period at ``dot`` an abbreviation or an initialism?"""
    i = dot
    while i > floor and not text[i - 1].isspace() and text[i - 1] not in "(\u201c\u2018\"'[\u2014":
        i -= 1
    word = text[i:dot]
    if not word:
        return False
    return word in abbreviations() or bool(_INITIALISM.match(word))
