"""Pollsters an article itself establishes, read like gazetteer names for the rest of it.

The gazetteer (poll_pollsters.jsonl) knows well-known firms; an article about a poll
by a firm it does not know names that firm once by a construction ("polls conducted by
Acme Research", "the Bayline survey of 500 voters") and then by name alone ("Bayline
also found ..."). The names the constructions find in the article, when they have the
shape of an organisation (an organisation word such as "Research" or "University", or
the tagger's ORG) and are nobody's person name, make the article's other sentences
that use them poll sentences with a named pollster, as a gazetteer name would.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ...nlp.build import doc_text
from .registry import clean_name
from .rules import Pollster, PollRules
from .sources import PollMention, find_mentions


def _org_shaped(doc, start: int, end: int, rules: PollRules) -> bool:
    """The span names an organisation: an organisation word in it or the ORG tag on it,
    and no PERSON tag."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.ent_type_ == "PERSON" for t in span):
        return False
    return any(rules.has("org_suffix", t.text) for t in span) or any(t.ent_type_ == "ORG" for t in span)


def _person_elsewhere(doc, name: str) -> bool:
    """Is the name (or one of its words) tagged a person anywhere in the article?"""
    words = set(name.split())
    return any(e.label_ == "PERSON" and (e.text == name or words & set(e.text.split())) for e in doc.ents)


def learned_pollsters(doc, units, rules: PollRules, published: Optional[str],
                      mentions: Optional[dict[int, list[PollMention]]] = None) -> tuple[str, ...]:
    """Organisation-shaped pollster names the article's poll mentions give that the
    gazetteer does not know, in the order met. ``mentions``, when given, receives each
    read unit's poll mentions by unit index (they stand when no name is learned)."""
    known = rules.pollster_regex() if rules.pollsters else None
    out: list[str] = []
    text = doc_text(doc)
    for ui, u in enumerate(units):
        if not rules.regex("poll_word").search(u.text):
            continue
        found = find_mentions(doc, u, rules, published)
        if mentions is not None:
            mentions[ui] = found
        for m in found:
            if m.kind != "named" or not m.pollster or not m.name_spans:
                continue
            name = clean_name(m.pollster)
            if len(name) < 3 or name in out or (known is not None and known.fullmatch(name)):
                continue
            s, e = next(((a, b) for a, b in m.name_spans if text[a:b] == m.pollster), m.name_spans[0])
            if _org_shaped(doc, s, e, rules) and not _person_elsewhere(doc, name):
                out.append(name)
    return tuple(out)


def with_article_pollsters(rules: PollRules, names: tuple[str, ...]) -> PollRules:
    """The rules with the article's own pollster names added to the gazetteer."""
    if not names:
        return rules
    extra = tuple(Pollster(id="article." + re.sub(r"\W+", "_", n.lower()), version=1, name=n) for n in names)
    kept = {k: v for k, v in rules._regex_cache.items() if k != "<article pollsters>"}  # the gazetteer's stay compiled
    return replace(rules, pollsters=rules.pollsters + extra, article_pollsters=rules.article_pollsters + extra,
                   _regex_cache=kept)
