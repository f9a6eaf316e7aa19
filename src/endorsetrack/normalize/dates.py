"""Dates: the one month table and date-expression grammar, and publication dates.

The grammar (months, weekdays, days, years and the expressions they make: "Aug. 17",
"August 17, 2006", "17 August 2006", "2006-08-17", "Oct. 14 and 15", "mid-August")
lives here, in the leftmost stage that reads dates, and every later stage builds on
it: resolve/dates.py (an article's dated references), extract/polls/dates.py (dates
in poll sentences). What each caller decides (tense cues, which year a yearless date
takes) stays with the caller; ``partial_iso`` writes every result.

Publication dates: record metadata comes as "2016-06-10T12:00:00Z", "June 10, 2016",
"06/10/2016"; a plain-text article may open with a dateline ("November 04, 2005").
Only full, valid dates are returned; anything else is None (unknown), never a guess.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

# ---- the month table ------------------------------------------------------------------

# Each month's full name and its abbreviations, shortest first (each a prefix of the next).
MONTH_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("january", ("jan",)), ("february", ("feb",)), ("march", ("mar",)), ("april", ("apr",)),
    ("may", ()), ("june", ("jun",)), ("july", ("jul",)), ("august", ("aug",)),
    ("september", ("sep", "sept")), ("october", ("oct",)), ("november", ("nov",)), ("december", ("dec",)),
)
# Every written form (lower case, without a period) -> month number.
MONTHS: dict[str, int] = {form: n for n, (name, abbrs) in enumerate(MONTH_NAMES, 1) for form in (name, *abbrs)}
# The forms that are abbreviations ("aug", "sept"): a period after one does not end a sentence.
MONTH_ABBREVIATIONS = frozenset(a for _, abbrs in MONTH_NAMES for a in abbrs)
# Abbreviations that prose dates write without a period: "Jun. 5" is not read as a date in
# running text (resolve's dated references never did; kept for identical output).
UNDOTTED_IN_PROSE = frozenset({"jun", "jul"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")


def month_number(word: str) -> int:
    """1-12 for any form the grammar matches ("Aug.", "august", "Sept", "SEPTEMBER")."""
    return MONTHS[word[:3].lower()]


# ---- grammar fragments (named groups: month, day, day2, year) -----------------------------

# Any month form, any case (compile with re.I), an optional period after it.
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


def _prose_month(name: str, abbrs: tuple[str, ...]) -> str:
    """'Jan(?:uary|\\.)?', 'Sep(?:t)?(?:ember|\\.)?', 'June?', 'May': the shortest abbreviation,
    the longer ones and the rest of the full name as continuations, a period after an
    abbreviation (but not after those UNDOTTED_IN_PROSE)."""
    if not abbrs:
        return name.capitalize()
    out = abbrs[0].capitalize() + "".join(f"(?:{longer[len(shorter):]})?" for shorter, longer in zip(abbrs, abbrs[1:]))
    rest = name[len(abbrs[-1]):]
    if abbrs[-1] in UNDOTTED_IN_PROSE:
        return out + (f"{rest}?" if len(rest) == 1 else f"(?:{rest})?")
    return out + f"(?:{rest}|\\.)?"


# A month as running text writes it, capitalised (case-sensitive): "Aug.", "August", "Sept.".
PROSE_MONTH = r"(?P<month>" + "|".join(_prose_month(name, abbrs) for name, abbrs in MONTH_NAMES) + r")"
# The stem every form of a month begins with ("aug" in "Aug.", "August").
MONTH_STEM = r"(?:" + "|".join(abbrs[0] if abbrs else name for name, abbrs in MONTH_NAMES) + r")"
WEEKDAY = r"(?:(?:" + "|".join(WEEKDAY_ABBREVIATIONS) + r")[a-z]*\.?,?\s+)?"  # "Tuesday, ", "Tue. "
DAY = r"(?P<day>[0-3]?\d)"
ORDINAL = r"(?:st|nd|rd|th)?"
DAY_RANGE = r"(?:\s*(?:-|–|to|and|through)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"  # "14 and 15", "14-16"
YEAR = r"(?P<year>(?:19|20)\d\d)"  # a year in running text
FOUR_DIGIT_YEAR = r"(?P<year>\d{4})"  # a year in page metadata
TIME = r"(?:[T ,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?)?"

# ---- date expressions ----------------------------------------------------------------------

# In running text (case-sensitive months): "Aug. 8", "Sept. 3, 2006", "7 November 2006", "2006-11-07".
PROSE_MONTH_DAY_RE = re.compile(PROSE_MONTH + rf"\s+{DAY}{ORDINAL}\b(?:,?\s+{YEAR}\b)?")
PROSE_DAY_MONTH_RE = re.compile(rf"\b{DAY}\s+" + PROSE_MONTH + rf"\s+{YEAR}\b")
ISO_DATE_RE = re.compile(rf"(?<!\d){YEAR}-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
# A month phrase in any case, maybe with a day, a range of days and a year: "August 17",
# "Oct. 14 and 15", "back in December", "May 2006" ("mid-August" reads as "August").
MONTH_PHRASE_RE = re.compile(rf"\b{MONTH}(?:\s+{DAY}{ORDINAL}{DAY_RANGE}(?![\d]))?(?:,?\s+{YEAR})?\b", re.I)
# Page metadata: whole-string forms ("2016-06-10", "2016/06/10", "Friday, June 10, 2016", "10 June 2016").
PAGE_DATE_PATTERNS = (
    re.compile(rf"{FOUR_DIGIT_YEAR}-(?P<month>\d{{1,2}})-{DAY}{ORDINAL}", re.I),
    re.compile(rf"{FOUR_DIGIT_YEAR}/(?P<month>\d{{1,2}})/{DAY}{ORDINAL}", re.I),
    re.compile(rf"{WEEKDAY}{MONTH}\s+{DAY}{ORDINAL},?\s+{FOUR_DIGIT_YEAR}", re.I),
    re.compile(rf"{WEEKDAY}{DAY}{ORDINAL}\s+{MONTH},?\s+{FOUR_DIGIT_YEAR}", re.I),
)
COMPACT_DATE_RE = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")  # "20160610"
NUMERIC_DATE_RE = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})")  # "06/10/2016"


def partial_iso(year: Optional[int], month: int, day: Optional[int] = None, *,
                calendar: bool = True) -> Optional[str]:
    """ISO 8601, partial when a part is unknown: "2006-08-17", "--08-17", "2006-08", "--08".

    With ``calendar`` a day the calendar lacks gives None (a yearless Feb. 29 is fine);
    without it the numbers are written as they are.
    """
    if day is not None and calendar:
        try:
            date(year if year is not None else 2000, month, day)  # 2000: a leap year
        except ValueError:
            return None
    y = f"{year:04d}" if year else "-"
    if day is None:
        return f"{y}-{month:02d}" if year else f"--{month:02d}"
    return f"{y}-{month:02d}-{day:02d}"


# ---- publication dates -------------------------------------------------------------------

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
    for pattern in PAGE_DATE_PATTERNS + (COMPACT_DATE_RE,):
        m = pattern.fullmatch(s) or _with_time(pattern, s)
        if m:
            return _valid(m.group("year"), m.group("month"), m.group("day"))
    m = NUMERIC_DATE_RE.fullmatch(s) or _with_time(NUMERIC_DATE_RE, s)
    if m:
        a, b = int(m.group("a")), int(m.group("b"))
        month, day = (b, a) if a > 12 else (a, b)
        return _valid(m.group("year"), month, day)
    return None


PARTIAL_ISO_RE = re.compile(r"(?P<year>(?:19|20)\d\d)(?:-(?P<month>0[1-9]|1[0-2]))?")


def to_partial_iso_date(value: Optional[str]) -> Optional[str]:
    """A metadata date that gives only a year or a year and month ("1996", "2014-08"), as
    it is; None for anything else. Such a date still says which election an article is about."""
    if value is None:
        return None
    m = PARTIAL_ISO_RE.fullmatch(str(value).strip())
    return m.group(0) if m else None


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
    for pattern in PAGE_DATE_PATTERNS:
        m = pattern.fullmatch(line) or _with_time(pattern, line)
        if m:
            return _valid(m.group("year"), m.group("month"), m.group("day"))
    return None


def _date_after_label(line: str) -> Optional[str]:
    label = _LABEL.match(line)
    if not label:
        return None
    rest = line[label.end():]
    for pattern in PAGE_DATE_PATTERNS:
        m = pattern.match(rest)
        if m and (m.end() == len(rest) or not rest[m.end()].isalnum()):
            return _valid(m.group("year"), m.group("month"), m.group("day"))
    return None


def _with_time(pattern: re.Pattern, s: str):
    m = pattern.match(s)
    if m and re.fullmatch(TIME, s[m.end():], re.I):
        return m
    return None


def _valid(year: str, month, day) -> Optional[str]:
    """A full date from the matched parts (month a number or a name), or None."""
    month = month_number(month) if isinstance(month, str) and not month.isdigit() else int(month)
    return partial_iso(int(year), month, int(day))
