"""The cheap scan: which articles, and which paragraphs of them, are worth a full parse.

Most news holds no endorsement and no poll. Two regexes decide before spaCy runs:
an article needs election vocabulary at all (``election_re``), and only paragraphs
holding a trigger or poll cue (``trigger_re``), plus a few before them for the
names that references point back to, are parsed. The trigger cues are derived
from the rule files themselves (every trigger lemma, stance and state word), so a
sentence the scan skips cannot match a rule; irregular verb forms are listed in
nlp/patterns/cues.jsonl with the election words and poll words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .nlp.rules import packaged_rules
from .settings import DEFAULT, Settings
from .types import Article


@lru_cache(maxsize=1)
def _cue_words() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for rule in packaged_rules("cues", ("group", "words")):
        groups.setdefault(rule["group"], []).extend(rule["words"])
    return groups


def _stem(word: str) -> str:
    """'endorse' -> 'endors' so that endorsed/endorsing/endorsement all match."""
    word = word.lower()
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


@lru_cache(maxsize=1)
def trigger_re() -> re.Pattern:
    words: set[str] = set()
    for rule in packaged_rules("triggers", ("kind", "lemmas", "stance")):
        words.update(rule["lemmas"])
        words.update(rule.get("nouns", ()))
    groups = _cue_words()
    words.update(groups.get("irregular", ()))
    words.update(groups.get("stance", ()))
    words.update(groups.get("poll", ()))
    stems = sorted({_stem(w) for w in words if w}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(s) for s in stems) + r")|%", re.I)


@lru_cache(maxsize=1)
def election_re() -> re.Pattern:
    """Election vocabulary as word prefixes, except the words of the "not_election" group
    that merely begin like one ("Pollen counts are high" is weather, not a poll)."""
    groups = _cue_words()
    stems = sorted({_stem(w) for w in groups["election"]}, key=len, reverse=True)
    not_words = sorted({w.lower() for w in groups.get("not_election", ()) if w}, key=len, reverse=True)
    exclude = "(?!" + "|".join(re.escape(w) for w in not_words) + ")" if not_words else ""
    return re.compile(r"(?<![\w])" + exclude + "(?:" + "|".join(re.escape(s) for s in stems) + r")", re.I)


def has_cues(text: str) -> bool:
    """Could this article hold an endorsement or a poll at all?"""
    return election_re().search(text) is not None and trigger_re().search(text) is not None


def parse_scope(article: Article, settings: Settings = DEFAULT) -> list[tuple[int, int]]:
    """Paragraph spans to parse: each paragraph with a trigger cue, the ones just
    before it (antecedents of "the union", full names of "Lamont"), and the first."""
    paras = list(article.paragraphs) or [(0, len(article.text))]
    keep: set[int] = {0}
    rx = trigger_re()
    for k, (a, b) in enumerate(paras):
        if rx.search(article.text, a, b):
            keep.update(range(max(0, k - settings.context_paragraphs_before), k + 1))
            j = k + 1  # a list introduced by a cue paragraph: "Endorsements this week: / * X: Y"
            while j < len(paras) and _list_line(article.text[paras[j][0]:paras[j][1]]):
                keep.add(j)
                j += 1
    return [paras[k] for k in sorted(keep)]


LIST_LINE = re.compile(r"^\s*(?:[*•·▪‣◦-]|\d+[.)])\s+\S|^[^.!?]{3,80}(?::|\s[—–-])\s+\S[^.!?]{0,60}$")


# A line of a list without bullet or separator ("Dana Cole", "Eastvale (did not nominate)",
# "Governor: Ana Ruiz.", "Last updated: May 2, 12pm."): at most this many words, and either
# this short or without sentence punctuation at its end (train list lines: 1-9 words, <= 70 chars).
SHORT_LINE_WORDS = 12
SHORT_LINE_CHARS = 70


def _list_line(text: str) -> bool:
    """A bulleted or 'Name: Name' line, as in endorsement roundups, or a short name line."""
    if len(text) <= 160 and LIST_LINE.search(text) is not None:
        return True
    stripped = text.strip()
    return 0 < len(stripped.split()) <= SHORT_LINE_WORDS and (
        len(stripped) <= SHORT_LINE_CHARS or not re.search(r"[.!?]\W*$", stripped))


def text_for_parse(article: Article, settings: Settings = DEFAULT) -> str:
    """The article text with paragraphs outside the parse scope blanked to spaces.

    Offsets stay those of the article text, so evidence needs no mapping; a run of
    spaces is one token to spaCy, so a blanked paragraph costs almost nothing.
    """
    scope = parse_scope(article, settings)
    text = article.text
    if not article.paragraphs or sum(b - a for a, b in scope) >= len(text) * 0.95:
        return text
    chars = [" " if not c.isspace() or c == "\t" else c for c in text]
    for a, b in scope:
        chars[a:b] = text[a:b]
    return "".join(chars)
