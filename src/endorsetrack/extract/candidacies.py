"""Who ran in which election (nlp/patterns/candidacies.jsonl): dates an undated article, and tells
the office a candidate runs for (extract/race.py RaceIndex.year_for, .candidacy_office).

An article with no date and no year that reports "Ana Ruiz" and "Tom Reyes" for president is
about the one presidential election both ran in. Each election of the lexicon scores the
distinct candidates of its own the text names by full name (first and last name, with any middle
part the lexicon writes, possessive or not); they are kept by their full names, so a namesake is no
candidate ("Ana Scott" is not "Tom Scott"). A stance's own candidate, matched by full name (or by a
surname the text gives no one else), limits the elections to those the candidate ran in. Two
elections of equal score date nothing. A one-word name in the lexicon is refused on load. Pure:
text in, year out.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..nlp.rules import packaged_rules
from ..normalize import view

__all__ = ["candidacy_year", "is_candidate", "named_candidacies"]

#: How many middle names or initials the text may write between a lexicon name's first and last
#: name when the lexicon writes none ("Ana Maria Ruiz", "Tom B. Reyes").
MAX_MIDDLE_WORDS = 2


#: After a name: no further letter, hyphen ("Ruiz-Cole") or apostrophe, save a possessive ("Ana Ruiz's").
_NAME_END = r"(?![\w-])(?!['’](?!s\b))"


@lru_cache(maxsize=None)
def _name_pattern(name: str) -> re.Pattern:
    """A full name as the press writes it, first name included; a name written without a middle part
    may carry one. A one-word name is refused: the lexicon identifies a candidate by full name."""
    parts = name.split()
    if len(parts) < 2:
        raise ValueError(f"candidacies.jsonl: {name!r} is not a first and last name")
    if len(parts) > 2:
        return re.compile(r"(?<![\w.])" + r"\s*".join(re.escape(p) for p in parts) + _NAME_END)
    first, last = re.escape(parts[0]), re.escape(parts[-1])
    return re.compile(rf"(?<![\w.]){first}(?:\s+[A-Z][\w.]*){{0,{MAX_MIDDLE_WORDS}}}\s+{last}{_NAME_END}")


@lru_cache(maxsize=1)
def _candidacies() -> tuple[tuple[str, int, tuple[tuple[str, re.Pattern], ...]], ...]:
    """(office, year, ((full name, its pattern), ...)) of each election of the lexicon; a ValueError
    names a candidate written as one word (it could never be matched by full name)."""
    return tuple((rule["office"], int(rule["year"]),
                  tuple((name, _name_pattern(name)) for name in rule["candidates"]))
                 for rule in packaged_rules("candidacies", ("office", "year", "candidates")))


def named_candidacies(text: str) -> dict[str, dict[int, frozenset[str]]]:
    """Each office of the lexicon -> election year -> the lexicon's full names of its candidates the
    text names in full (first and last name)."""
    out: dict[str, dict[int, frozenset[str]]] = {}
    for office, year, names in _candidacies():
        named = frozenset(name for name, pattern in names if name.split()[-1] in text and pattern.search(text))
        if named:
            years = out.setdefault(office, {})
            years[year] = years.get(year, frozenset()) | named
    return out


def is_candidate(candidate: str, names: frozenset[str], text: Optional[str] = None) -> bool:
    """Whether the stance's candidate is one of the lexicon's full names: the name's pattern matches the
    candidate as written, first name included ("Ana Scott" is not "Tom Scott"). A candidate written by
    surname alone ("Scott") is the one name of ``names`` with that surname when the ``text`` names no
    other person of that surname ("Sen. Ana Scott" beside "Tom Scott" leaves "Scott" unresolved)."""
    if any(_name_pattern(name).search(candidate) for name in names):
        return True
    if text is None or len(candidate.split()) != 1:
        return False
    full = [name for name in names if name.split()[-1] == candidate]
    return len(full) == 1 and not _namesake_in(full[0], text)


def _namesake_in(name: str, text: str) -> bool:
    """Whether the text writes the name's surname after a capitalised word that is neither part of the
    name as the text writes it nor a title ("Ana Scott" beside "Tom Scott"; not "Sen. Scott", "President
    Scott"). A capitalised word opening a sentence ("But Scott") counts too: unresolved, not misread."""
    surname = name.split()[-1]
    full = [m.span() for m in _name_pattern(name).finditer(text)]
    titles = view("before_names")
    for m in re.finditer(rf"(?<![\w.'’-])([A-Z][\w'’-]*)\s+{re.escape(surname)}{_NAME_END}", text):
        if m.group(1).lower() not in titles and not any(s <= m.start() and m.end() <= e for s, e in full):
            return True
    return False


def candidacy_year(named: dict[int, frozenset[str]], candidate: Optional[str] = None,
                   first_year: Optional[int] = None, text: Optional[str] = None) -> Optional[int]:
    """The election the article is about: the year whose candidates it names most, of the years
    the stance's candidate ran in (when it is a candidate of some named year, by full name or by a
    surname the ``text`` gives no one else: ``is_candidate``; else of all), not before
    ``first_year`` (the latest year the text names, when some election is that late); None when
    two elections tie."""
    years = [y for y, names in named.items() if candidate is None or is_candidate(candidate, names, text)] or list(named)
    if first_year is not None and any(y >= first_year for y in years):
        years = [y for y in years if y >= first_year]
    ranked = sorted(years, key=lambda y: -len(named[y]))
    if not ranked or len(ranked) > 1 and len(named[ranked[0]]) == len(named[ranked[1]]):
        return None  # no election, or two the text names as many candidates of
    return ranked[0]
