"""Which election an undated article is about, by who runs in it (nlp/patterns/candidacies.jsonl).

An article with no date and no year that reports "Ana Ruiz" and "Tom Reyes" for president is
about the one presidential election both ran in. Each election of the lexicon scores the
distinct candidates of its own the text names by full name; a stance's own candidate limits the
elections to those the candidate ran in. Two elections of equal score date nothing. Pure: text in,
year out.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..nlp.rules import packaged_rules

__all__ = ["candidacy_year", "named_candidacies"]

#: How many middle names or initials the text may write between a lexicon name's first and last
#: name when the lexicon writes none ("Hillary Rodham Clinton", "Robert F. Kennedy").
MAX_MIDDLE_WORDS = 2


def _name_pattern(name: str) -> re.Pattern:
    """A full name as the press writes it; a name written without a middle part may carry one."""
    parts = name.split()
    if len(parts) > 2:
        return re.compile(r"(?<![\w.])" + r"\s*".join(re.escape(p) for p in parts) + r"(?![\w])")
    first, last = re.escape(parts[0]), re.escape(parts[-1])
    return re.compile(rf"(?<![\w.]){first}(?:\s+[A-Z][\w.]*){{0,{MAX_MIDDLE_WORDS}}}\s+{last}(?![\w'’-])")


@lru_cache(maxsize=1)
def _candidacies() -> tuple[tuple[str, int, tuple[tuple[str, re.Pattern], ...]], ...]:
    """(office, year, ((surname, full-name pattern), ...)) of each election of the lexicon."""
    return tuple((rule["office"], int(rule["year"]),
                  tuple((name.split()[-1], _name_pattern(name)) for name in rule["candidates"]))
                 for rule in packaged_rules("candidacies", ("office", "year", "candidates")))


def named_candidacies(text: str) -> dict[str, dict[int, frozenset[str]]]:
    """Each office of the lexicon -> election year -> the surnames of its candidates the text names in full."""
    out: dict[str, dict[int, frozenset[str]]] = {}
    for office, year, names in _candidacies():
        named = frozenset(surname for surname, pattern in names if surname in text and pattern.search(text))
        if named:
            years = out.setdefault(office, {})
            years[year] = years.get(year, frozenset()) | named
    return out


def candidacy_year(named: dict[int, frozenset[str]], candidate: Optional[str] = None,
                   first_year: Optional[int] = None) -> Optional[int]:
    """The election the article is about: the year whose candidates it names most, of the years
    the stance's candidate ran in (when the lexicon knows the candidate), not before ``first_year``
    (the latest year the text names, when some election is that late); None when two elections tie."""
    surname = candidate.split()[-1] if candidate else None
    years = [y for y, names in named.items() if surname is None or surname in names] or list(named)
    if first_year is not None and any(y >= first_year for y in years):
        years = [y for y in years if y >= first_year]
    ranked = sorted(years, key=lambda y: -len(named[y]))
    if not ranked or len(ranked) > 1 and len(named[ranked[0]]) == len(named[ranked[1]]):
        return None  # no election, or two the text names as many candidates of
    return ranked[0]
