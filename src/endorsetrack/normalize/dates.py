"""Publication dates: any common written form -> ISO yyyy-mm-dd.

Record metadata comes as "2016-06-10T12:00:00Z", "June 10, 2016", "06/10/2016";
a plain-text article may open with a dateline ("November 04, 2005"). Only full,
valid dates are returned; anything else is None (unknown), never a guess.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME = r"(?:[T ,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?)?"

_UNAMBIGUOUS = [
    re.compile(rf"{_YEAR}-(?P<month>\d{{1,2}})-{_DAY}", re.I),
    re.compile(rf"{_YEAR}/(?P<month>\d{{1,2}})/{_DAY}", re.I),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),
    re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.I),
]
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})")
_LABEL = re.compile(r"^(?:date|dated|published|posted|updated|last updated)\s*:?\s+", re.I)
# A headline line before a dateline: short and not ending a sentence.
HEADLINE_MAX_WORDS = 20


def to_iso_date(value: Optional[str]) -> Optional[str]:
    """Normalize a metadata date to yyyy-mm-dd; None when it is not a full valid date.

    Numeric d/m/y forms are read month-first (US news) unless the first number
    cannot be a month.
    """
    if value is None:
        return None
    s = str(value).strip()
    for pattern in _UNAMBIGUOUS + [_COMPACT]:
        m = pattern.fullmatch(s) or _with_time(pattern, s)
        if m:
            return _valid(m.group("year"), m.group("month"), m.group("day"))
    m = _NUMERIC.fullmatch(s) or _with_time(_NUMERIC, s)
    if m:
        a, b = int(m.group("a")), int(m.group("b"))
        month, day = (b, a) if a > 12 else (a, b)
        return _valid(m.group("year"), month, day)
    return None


def leading_date(text: str) -> Optional[str]:
    """A full date alone at the very start ("November 04, 2005", "date 2017-03-29 ...").

    The date may follow a headline line, or carry a label ("Published: ...") with
    other text after it on its line; the text itself is left unchanged.
    """
    lines = [line.strip() for line in text.split("\n", 8)[:8] if line.strip()][:2]
    for k, line in enumerate(lines):
        found = _date_alone(line) or (_date_after_label(line) if k == 0 else None)
        if found:
            return found
        if k == 0 and (len(line.split()) > HEADLINE_MAX_WORDS or line.endswith(".")):
            return None
    return None


def _date_alone(line: str) -> Optional[str]:
    for pattern in _UNAMBIGUOUS:
        m = pattern.fullmatch(line) or _with_time(pattern, line)
        if m:
            return _valid(m.group("year"), m.group("month"), m.group("day"))
    return None


def _date_after_label(line: str) -> Optional[str]:
    label = _LABEL.match(line)
    if not label:
        return None
    rest = line[label.end():]
    for pattern in _UNAMBIGUOUS:
        m = pattern.match(rest)
        if m and (m.end() == len(rest) or not rest[m.end()].isalnum()):
            return _valid(m.group("year"), m.group("month"), m.group("day"))
    return None


def _with_time(pattern: re.Pattern, s: str):
    m = pattern.match(s)
    if m and re.fullmatch(_TIME, s[m.end():], re.I):
        return m
    return None


def _valid(year, month, day) -> Optional[str]:
    if isinstance(month, str) and not month.isdigit():
        month = _MONTHS[month.lower().rstrip(".")]
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
