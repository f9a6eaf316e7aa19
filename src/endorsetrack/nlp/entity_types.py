"""The type of an organisation from its name: union, newspaper, party or organization.

Shared by extract (which reference a phrase like "the paper" may point to) and
resolve (the type written on each fact). The name words are data
(nlp/patterns/entity_types.jsonl); a gazetteer type, when the name is known, wins.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .rules import packaged_rules


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, re.Pattern, Optional[re.Pattern]], ...]:
    out = []
    for rule in packaged_rules("entity_types", ("type", "regex", "unless")):
        unless = re.compile(rule["unless"], re.I) if rule["unless"] else None
        out.append((rule["type"], re.compile(rule["regex"], re.I), unless))
    return tuple(out)


def type_from_name(name: str, default: str = "organization") -> str:
    for kind, rx, unless in _rules():
        if rx.search(name) and not (unless and unless.search(name)):
            return kind
    return default


def looks_like_acronym(name: str) -> bool:
    """'HWU', 'SEIU', 'AFL-CIO': NER sometimes tags these PERSON."""
    compact = re.sub(r"[^A-Za-z0-9]", "", name)
    return 2 <= len(compact) <= 8 and compact.isupper() and " " not in name.strip()
