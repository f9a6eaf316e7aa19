"""Text repair rules, each a small pure function, and the order they run in.

Each ``*_edits`` rule maps text to a list of Edits (normalize/edits.py) so link
spans follow every step. ``fix_mojibake`` changes lengths freely, so it runs on raw
text pieces before any span exists (whole plain text, or each HTML text node).
"""
from __future__ import annotations

import re

import ftfy

from .captions import caption_edits
from .edits import Edit, Rule, Span, run_rules
from .sentences import glued_sentence_edits, quote_direction_edits

_UNICODE_SPACE = re.compile("[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Zero-width characters, soft hyphens, and the bidi marks, embeddings, overrides and
# isolates: none carries meaning in English news, and an override reorders what a
# reader sees of a name on a page.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CURLY_DOUBLE = re.compile("[\u201c\u201d\u201e\u201f]")
_CURLY_SINGLE = re.compile("[\u2018\u2019\u201a\u201b]")
_SPACE_RUN = re.compile(r" {2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w)\]\"'\u201d\u2019]) +(?=[,;.!?](?:\s|$))")
# A news-site "hover card" pasted into a name: "Sen. Barack ObamaBarack Hussein
# ObamaOvernight Defense ... grief MORE (D-Ill.)". The card repeats the person's full
# name glued to the name in the prose and runs into headlines ending in "MORE".
_HOVERCARD = re.compile(
    r"(?<=[a-z])(?P<name>[A-Z][a-z]+(?: [A-Z][\w.'\u2019-]*){0,4}?)(?=[A-Z][a-z])[^\n]{1,600}? MORE(?=[\s,.;)]|$)")
# The longest headline run seen in such cards is ~250 characters; 600 leaves room
# for a longer card and still cannot swallow a paragraph-long stretch.
# The same card after a space: "Sen. Ana Ruiz Ana RuizSome headline ... MORE (D-Vt.)".
_SPACED_HOVERCARD = re.compile(
    r"\b(?P<last>[A-Z][\w'\u2019-]*[a-z]) (?P<card>(?:[A-Z][\w.'\u2019-]* ){0,4}?(?P=last))(?=[A-Z])"
    r"[^\n]{1,600}? MORE(?=[\s,.;)]|$)")
_BREAK_RUN = re.compile(r" *\n[ \n]*")
# A wire or network credit glued to the next word: "Eastvale (ENS)Ana Ruiz said" (a dateline's
# credit), or any short capitalised bracket glued so. The credit is at most CREDIT_CHARS long after
# its capital: 24 holds two- and three-word credits ("Eastvale Wire Service") and no clause.
CREDIT_CHARS = 24
_CREDIT_GLUE = re.compile(r"\([A-Z][A-Za-z.&' ]{0,%d}\)(?=[A-Z][a-z])" % CREDIT_CHARS)


def fix_mojibake(text: str, unescape_html: bool = True) -> str:
    """Undo text decoded with the wrong codec ("Lieberman\u00e2\u20ac\u2122s" -> "Lieberman\u2019s").

    ftfy only changes what it is confident about; quotes stay curly here because
    quote_direction_edits needs to see them, and line breaks become plain "\\n".
    """
    return ftfy.fix_text(text, uncurl_quotes=False, unescape_html="auto" if unescape_html else False,
                         fix_line_breaks=True, normalization="NFC")


def unicode_space_edits(text: str) -> list[Edit]:
    """No-break, thin and other Unicode spaces (and tabs) -> " "; invisible characters removed."""
    edits = [Edit(m.start(), m.end(), " ") for m in _UNICODE_SPACE.finditer(text)]
    edits += [Edit(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]
    return edits


def hovercard_edits(text: str) -> list[Edit]:
    """Drop a pasted hover card whose full name ends with the name it is glued to."""
    edits = []
    for m in _HOVERCARD.finditer(text):
        before = re.search(r"[A-Za-z]+$", text[:m.start()])
        if before and m.group("name").split()[-1] == before.group():
            edits.append(Edit(m.start(), m.end(), ""))
    for m in _SPACED_HOVERCARD.finditer(text):
        start = m.start("card") - 1  # the space before the card too
        if not any(e.start < m.end() and start < e.end for e in edits):
            edits.append(Edit(start, m.end(), ""))
    return sorted(edits, key=lambda e: e.start)


def credit_glue_edits(text: str) -> list[Edit]:
    """ "Eastvale (ENS)Ana Ruiz said" -> "Eastvale (ENS) Ana Ruiz said": a short capitalised bracket
    glued to a capitalised word anywhere in the text gets its space."""
    return [Edit(m.end(), m.end(), " ") for m in _CREDIT_GLUE.finditer(text)]


def space_before_punctuation_edits(text: str) -> list[Edit]:
    """ "released Aug. 22 , Lieberman" -> "released Aug. 22, Lieberman"."""
    return [Edit(m.start(), m.end(), "") for m in _SPACE_BEFORE_PUNCT.finditer(text)]


def straight_quote_edits(text: str) -> list[Edit]:
    """Curly quotes and apostrophes -> ASCII " and ' (after their direction was used)."""
    edits = [Edit(m.start(), m.end(), '"') for m in _CURLY_DOUBLE.finditer(text)]
    edits += [Edit(m.start(), m.end(), "'") for m in _CURLY_SINGLE.finditer(text)]
    return edits


def whitespace_edits(text: str) -> list[Edit]:
    """One space between words, no spaces at line ends, paragraphs one blank line apart.

    A single "\\n" (an HTML <br>) stays a line break inside its paragraph.
    """
    edits: list[Edit] = []
    for m in _BREAK_RUN.finditer(text):
        if m.start() == 0 or m.end() == len(text):
            repl = ""
        else:
            repl = "\n\n" if m.group().count("\n") >= 2 else "\n"
        if m.group() != repl:
            edits.append(Edit(m.start(), m.end(), repl))
    for m in _SPACE_RUN.finditer(text):
        if 0 < m.start() and text[m.start() - 1] != "\n" and m.end() < len(text) and text[m.end()] != "\n":
            edits.append(Edit(m.start(), m.end(), " "))
    lead = len(text) - len(text.lstrip(" "))
    if lead and (lead == len(text) or text[lead] != "\n"):
        edits.append(Edit(0, lead, ""))
    trail = len(text) - len(text.rstrip(" "))
    if trail and trail < len(text) and text[len(text) - trail - 1] != "\n":
        edits.append(Edit(len(text) - trail, len(text), ""))
    return edits


# The order matters: quotes get their direction before glue and captions are
# looked for; captions are isolated before glue points turn into spaces (a glue
# point is the evidence that a caption was pasted in); quotes are straightened
# last, after their direction has been used.
REPAIR_RULES: tuple[Rule, ...] = (
    unicode_space_edits,
    hovercard_edits,
    quote_direction_edits,
    caption_edits,
    glued_sentence_edits,
    credit_glue_edits,
    straight_quote_edits,
    space_before_punctuation_edits,
    whitespace_edits,
)


def repair(text: str, spans: list[Span] | tuple[Span, ...] = ()) -> tuple[str, list[Span]]:
    """Run every repair rule; ``text`` has paragraphs separated by blank lines."""
    return run_rules(text, REPAIR_RULES, spans)
