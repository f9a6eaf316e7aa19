"""When was an article written, when its page gives no date? A window from its dated references.

An article that reports "the Aug. 8 primary" and "the Sept. 3 labor rally" in the
past tense, and members "pledging to vote ... on Nov. 7", was written between
Sept. 3 and Nov. 7. The date grammar of normalize/dates.py finds the dates; the
tense cue (data/tense_cues.jsonl) nearest each date in its sentence says which way
it bounds the article; no parser needed. Pure.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..nlp.rules import load_rules
from ..normalize import (ISO_DATE_RE, MONTH_ABBREVIATIONS, PROSE_DAY_MONTH_RE, PROSE_MONTH_DAY_RE, month_number,
                               partial_iso)
from ..normalize import view
from ..ruledata import LazyWords
from ..types import Article, DatedReference, DateWindow
from .keys import DATA_DIR
from .url_dates import url_date

YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")

# Words before a period that do not end a sentence ("Sen. Joe Lieberman", "Aug. 8"): month and
# title abbreviations (the month table, the titles lexicon) and these others.
OTHER_ABBREVIATIONS = frozenset({"st", "no", "s", "inc", "co", "vs", "ft", "mt"})
ABBREVIATIONS = LazyWords(lambda: MONTH_ABBREVIATIONS | view("sentence_abbreviations") | OTHER_ABBREVIATIONS)
SENTENCE_END_RE = re.compile(r"[.!?][\"\u201d\u2019)]?\s+")


def parse_date(value: Optional[str]) -> Optional[str]:
    """A full ISO date (YYYY-MM-DD) from a page's or record's date string, else None."""
    if not value:
        return None
    value = value.strip()
    for rx in (ISO_DATE_RE, PROSE_MONTH_DAY_RE, PROSE_DAY_MONTH_RE):
        m = rx.search(value.replace("/", "-"))
        if m and m.groupdict().get("year"):
            iso = _iso(m, int(m.group("year")))
            if iso:
                return iso
    return None


def _iso(m: re.Match, year: Optional[int]) -> Optional[str]:
    """The match's date in ISO ("--MM-DD" without a year); None for a day the calendar lacks."""
    mon = int(m.group("mon")) if "mon" in m.groupdict() else month_number(m.group("month"))
    return partial_iso(year, mon, int(m.group("day")))


@lru_cache(maxsize=2)
def _cues(path: Path = DATA_DIR / "tense_cues.jsonl") -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(rf"(?<![\w'])(?:{r['pattern']})(?![\w'])", re.I), r["tense"])
                 for r in load_rules(path, required=("tense", "pattern")))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): boundaries after abbreviations do not count."""
    lo, hi = 0, len(text)
    for m in SENTENCE_END_RE.finditer(text):
        word = re.search(r"([\w.]+)$", text[max(0, m.start() - 8): m.start()])
        if word and word.group(1).lower() in ABBREVIATIONS:
            continue
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start() + 1
            break
    return lo, hi


def _tense(text: str, start: int, end: int) -> tuple[str, Optional[str]]:
    """The tense of the cue nearest the date within its sentence."""
    lo, hi = _sentence(text, start, end)
    best: Optional[tuple[int, str, str]] = None
    for rx, tense in _cues():
        for m in rx.finditer(text, lo, hi):
            if start <= m.start() < end:
                continue  # a cue inside the date itself ("Sept." never is; kept for safety)
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best is None or dist < best[0]:
                best = (dist, tense, m.group(0))
    return (best[1], best[2]) if best else ("unknown", None)


def find_dated_references(text: str, year: Optional[int] = None) -> list[DatedReference]:
    """Every month-day date in the text, with its tense; yearless dates take ``year`` when given."""
    found: dict[int, tuple[re.Match, Optional[int]]] = {}
    for rx in (ISO_DATE_RE, PROSE_DAY_MONTH_RE, PROSE_MONTH_DAY_RE):
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in ((k, v[0].end()) for k, v in found.items())):
                continue
            y = m.groupdict().get("year")
            found[m.start()] = (m, int(y) if y else None)
    if year is None:  # yearless dates take the year the article's own full dates name most
        years = Counter(y for _, y in found.values() if y)
        year = years.most_common(1)[0][0] if years else None
    refs = []
    for start in sorted(found):
        m, y = found[start]
        iso = _iso(m, y or year)
        if iso is None:
            continue
        tense, cue = _tense(text, m.start(), m.end())
        refs.append(DatedReference(m.group(0), m.start(), m.end(), iso, tense, cue))
    return refs


def infer_date_window(article: Article, year_hint: Optional[int] = None) -> DateWindow:
    """The article's date: its published date, else the date its url carries, else a window
    from its past and future references.

    The ranking: a record's or page's date (basis "published") is what the source says
    about itself; a url date (basis "url", or "url-month" for "/2016/04/", the month's first
    and last day) is where the site filed the article, nearly always its publication day;
    a window guessed from the text's references ("inferred") comes last.

    ``year_hint`` (e.g. the election year of the article's race) dates references
    that give no year; without any year, the window holds "--MM-DD" bounds.
    """
    published = parse_date(article.published)
    if published:
        return DateWindow(published, published, "published")
    from_url = url_date(article.url)
    if from_url:
        return DateWindow(from_url.start, from_url.end, "url" if from_url.precision == "day" else "url-month")
    refs = find_dated_references(article.text, year_hint)
    past = [r for r in refs if r.tense == "past"]
    future = [r for r in refs if r.tense == "future"]
    start = max((r.date for r in past), default=None)
    end = min((r.date for r in future), default=None)
    if start and end and (start > end or start[:2] != end[:2]):
        end = None  # contradictory or incomparable cues: keep the safer lower bound
    used = tuple(r for r in refs if r.date in (start, end) and r.tense != "unknown")
    if not start and not end:
        return DateWindow(None, None, "unknown", ())
    return DateWindow(start, end, "inferred", used)


def effective_date(stated: Optional[str], window: DateWindow) -> tuple[Optional[str], str]:
    """A stance's date and its basis: stated in the text, published, inferred, or unknown.

    Only full ISO dates count; a window without a year leaves the date unknown.
    """
    iso = parse_date(stated)
    if iso:
        return iso, "stated"
    if window.start and not window.start.startswith("--"):
        return window.start, window.basis
    return None, "unknown"


def article_year_hint(race_texts: list[Optional[str]]) -> Optional[int]:
    """The latest election year that the article's facts name, to date yearless references."""
    years = [int(y) for t in race_texts if t for y in YEAR_RE.findall(t)]
    return max(years) if years else None
