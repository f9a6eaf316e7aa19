"""Calendar dates in poll sentences, as ISO 8601 (partial when the year is not given).

"An August 17 ... poll" -> "--08-17"; "Back in December" -> "--12"; "Oct. 14 and 15"
-> "--10-14/--10-15". The grammar and the month table are normalize/dates.py's; what
is decided here is which hits count and which year they take: the year comes from the
text, or from the article's publication date when the month/day falls on or before it;
otherwise it is left out rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...normalize import MONTH_PHRASE_RE, MONTHS, month_number, partial_iso

__all__ = ["DATE_RE", "DateHit", "MONTHS", "find_dates"]

DATE_RE = MONTH_PHRASE_RE  # "August 17", "Oct. 14 and 15", "December", "May 2006"
# "May" and "march" are also ordinary words: without a day or year they need a capital.
_AMBIGUOUS = {"may", "march"}


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    iso: str  # a single date, or "start/end" for a range of days


def _iso(year: Optional[int], month: int, day: Optional[int]) -> str:
    """"2006-08-17", "--08-17", "--08": days are written as found (no calendar check)."""
    iso = partial_iso(year, month, day, calendar=False)
    assert iso is not None  # without the calendar check partial_iso always writes a date
    return iso


def _infer_year(month: int, day: Optional[int], published: Optional[str]) -> Optional[int]:
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", published or "")
    if not m:
        return None
    py, pm, pd = int(m.group(1)), int(m.group(2)), int(m.group(3) or 31)
    if (month, day or 1) <= (pm, pd):
        return py
    return None


def find_dates(text: str, offset: int = 0, published: Optional[str] = None) -> list[DateHit]:
    """Every month(-day) phrase in ``text`` with its ISO value; offsets are absolute."""
    out: list[DateHit] = []
    for m in DATE_RE.finditer(text):
        word = m.group("month")
        if word.lower() in _AMBIGUOUS and not (m.group("day") or m.group("year")) and not word[0].isupper():
            continue
        if word.lower() == "may" and not m.group("day") and not m.group("year"):
            continue  # "may" alone is far more often the verb
        month = month_number(word)
        day = int(m.group("day")) if m.group("day") else None
        if day is not None and not 1 <= day <= 31:
            continue
        year = int(m.group("year")) if m.group("year") else _infer_year(month, day, published)
        iso = _iso(year, month, day)
        if m.group("day2"):
            day2 = int(m.group("day2"))
            if 1 <= day2 <= 31 and day is not None and day2 > day:
                iso = f"{iso}/{_iso(year, month, day2)}"
        out.append(DateHit(m.start() + offset, m.end() + offset, iso))
    return out
