"""Paragraphs of a plain-text article.

Scraped news mostly puts one paragraph per line (dev articles use single newlines
or blank lines between paragraphs), so every non-empty line is a paragraph. Only
text that is clearly hard-wrapped (lines of similar width that mostly end
mid-sentence, as in e-mail or wire copy) has its lines joined back into paragraphs.
"""
from __future__ import annotations

import re

# Hard-wrapped text wraps at 60-80 columns; no wrapper used here goes past 100, and
# dev articles with one paragraph per line have lines of 100-700 characters.
HARD_WRAP_MAX_WIDTH = 100
# ...and none narrower than 40 (newspaper columns, the narrowest, run ~30-40); short
# lines of a byline block ("By A. Writer" / "Staff writer") are layout, not wrapping.
HARD_WRAP_MIN_WIDTH = 40
# Fewer lines than this inside paragraphs are too few to tell wrapping from layout.
HARD_WRAP_MIN_LINES = 4
# Share of wrapped lines (not last in their block) that end mid-sentence; in wrapped
# prose ~90% do, in one-paragraph-per-line text almost none (only headlines).
HARD_WRAP_MID_SENTENCE_SHARE = 0.5
# A wrapped line fills most of the width: at least this share of the widest line...
HARD_WRAP_FILL = 0.6
# ...for at least this share of the wrapped lines (a ragged right edge still passes).
HARD_WRAP_FULL_SHARE = 0.6

_ENDS_SENTENCE = re.compile("[.!?:\"\u201d\u2019')\\]]\\s*$")
_HYPHEN_END = re.compile(r"[A-Za-z]-$")


def plain_paragraphs(text: str) -> str:
    """Plain text -> paragraphs separated by one blank line (lines stripped)."""
    blocks = _blocks(text)
    if is_hard_wrapped(blocks):
        width = max(len(line) for block in blocks for line in block)
        paragraphs = [p for block in blocks for p in _unwrap(block, width)]
    else:
        paragraphs = [line.strip() for block in blocks for line in block]
    return "\n\n".join(p for p in paragraphs if p)


def is_hard_wrapped(blocks: list[list[str]]) -> bool:
    """Lines of similar width that mostly end mid-sentence (see the constants above)."""
    inner = [line for block in blocks for line in block[:-1]]
    if len(inner) < HARD_WRAP_MIN_LINES:
        return False
    width = max(len(line) for block in blocks for line in block)
    if not HARD_WRAP_MIN_WIDTH <= width <= HARD_WRAP_MAX_WIDTH:
        return False
    mid_sentence = sum(1 for line in inner if not _ENDS_SENTENCE.search(line))
    full = sum(1 for line in inner if len(line) >= HARD_WRAP_FILL * width)
    return (mid_sentence / len(inner) >= HARD_WRAP_MID_SENTENCE_SHARE
            and full / len(inner) >= HARD_WRAP_FULL_SHARE)


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines (right-stripped), split at blank lines."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _unwrap(block: list[str], width: int) -> list[str]:
    """Join wrapped lines; a short line that ends a sentence, or an indented line, starts anew."""
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(block):
        indented = i > 0 and line[:1].isspace() and not block[i - 1][:1].isspace()
        if current and indented:
            paragraphs.append(current)
            current = ""
        stripped = line.strip()
        if not current:
            current = stripped
        elif _HYPHEN_END.search(current):
            current += stripped  # "pro-\nlabor" -> "pro-labor": keep the hyphen, no space
        else:
            current += " " + stripped
        if len(line) < HARD_WRAP_FILL * width and _ENDS_SENTENCE.search(line):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
