"""When was an article written, by its url? "/politics/2016/04/06/...", "/2016-04-06-slug", "/20160406/", "/2016/04/".

News sites put the publication date in the path. Ranked below a record's or page's
own date and above a window guessed from the text (resolve/dates.py). htmldate (a
dependency already) has a url regex, but only for the year-month-day shape with one
separator; the compact and month-only shapes, and a section name between year and
month ("/2004/POLITICS/02/07/"), are not covered, so the shapes are named here. Pure.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

# Years a news url can carry: the web's and the archives' (earlier four-digit numbers are ids).
URL_YEAR = r"(?P<year>199\d|20[0-4]\d)"
URL_MONTH = r"(?P<mon>0?[1-9]|1[0-2])"
URL_DAY = r"(?P<day>0?[1-9]|[12]\d|3[01])"
# "/2016/04/06/", "/2016-04-06-slug", "/2016_04_06", and a section word between year and month.
URL_YEAR_MONTH_DAY_RE = re.compile(
    rf"(?<![\w]){URL_YEAR}(?:[/_-](?:[A-Za-z]+/)?){URL_MONTH}[/_-]{URL_DAY}(?![0-9])")
# "/20160406/", "-20160406-": eight digits standing alone in a path segment.
URL_COMPACT_DATE_RE = re.compile(r"(?<![\w])(?P<year>199\d|20[0-4]\d)(?P<mon>0[1-9]|1[0-2])"
                                 r"(?P<day>0[1-9]|[12]\d|3[01])(?![\w])")
# "/2016/04/" (a month archive path): year and month as whole path segments, no day.
URL_YEAR_MONTH_RE = re.compile(rf"/{URL_YEAR}/(?P<mon>0[1-9]|1[0-2])(?:/|$)")


@dataclass(frozen=True)
class UrlDate:
    """A date read from a url: a day, or a month (``start``..``end`` its first and last day)."""

    start: str
    end: str
    precision: str  # day | month


def url_date(url: Optional[str]) -> Optional[UrlDate]:
    """The publication date a url's path carries, else None. Host and query are not read."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for rx in (URL_YEAR_MONTH_DAY_RE, URL_COMPACT_DATE_RE):
        for m in rx.finditer(path):
            day = _iso(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
            if day:
                return UrlDate(day, day, "day")
    month = URL_YEAR_MONTH_RE.search(path)
    if month:
        year, mon = int(month.group("year")), int(month.group("mon"))
        last = calendar.monthrange(year, mon)[1]
        return UrlDate(f"{year:04d}-{mon:02d}-01", f"{year:04d}-{mon:02d}-{last:02d}", "month")
    return None


def _iso(year: int, mon: int, day: int) -> Optional[str]:
    if day > calendar.monthrange(year, mon)[1]:
        return None
    return f"{year:04d}-{mon:02d}-{day:02d}"
