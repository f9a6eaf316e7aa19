"""Calendar dates in poll sentences, as ISO 8601 (partial when the year is not given).

"An August 17 ... poll" -> "--08-17"; "Back in December" -> "--12"; "Oct. 14 and 15"
-> "--10-14/--10-15". The year comes from the text, or from the article's publication
date when the month/day falls on or before it; otherwise it is left out rather than
guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*(?:-|–|to|and|through)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
DATE_RE = re.compile(rf"\b{_MONTH}(?:\s+{_DAY}{_DAY2}(?![\d]))?{_YEAR}\b", re.I)
# "May" and "march" are also ordinary words: without a day or year they need a capital.
_AMBIGUOUS = {"may", "march"}


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    iso: str  # a single date, or "start/end" for a range of days


def _iso(year: Optional[int], month: int, day: Optional[int]) -> str:
    y = f"{year:04d}" if year else "-"
    if day is None:
        return f"{y}-{month:02d}" if year else f"--{month:02d}"
    return f"{y}-{month:02d}-{day:02d}"


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
        month = MONTHS[word.lower()]
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
