"""Record -> Article: HTML to text (paragraphs and links kept), metadata, text repair.

Pure: no I/O beyond reading the packaged rule data once. Plain text and HTML go
through the same repair rules (repair.py); link offsets are carried through every
step by edits (edits.py), so ``text[link.start:link.end]`` is always the anchor text.
"""
from __future__ import annotations

import re
from typing import Optional

from ..errors import EmptyInputError
from ..types import Article, Link, Record
from .dates import (ISO_DATE_RE, MONTH_ABBREVIATIONS, MONTH_PHRASE_RE, MONTH_STEM, MONTHS, PROSE_DAY_MONTH_RE,
                    PROSE_MONTH_DAY_RE, WEEKDAYS, leading_date, month_number, partial_iso, to_iso_date,
                    to_partial_iso_date)
from .edits import Span
from .html import ConvertedHtml, convert_fragment, convert_page, is_whole_page, looks_like_html
from .layout import plain_paragraphs
from .repair import fix_mojibake, repair
from .rules import check_rule_files, expand_organization_abbreviations, organization_abbreviations
from .titles import description_titles, lazy_view, office_titles, view

# The stage itself, and what every later stage shares: the date grammar (dates.py), the
# titles lexicon and its views (titles.py), the rule-file check (rules.py).
__all__ = ["normalize", "paragraph_spans",
           "ISO_DATE_RE", "MONTH_ABBREVIATIONS", "MONTH_PHRASE_RE", "MONTH_STEM", "MONTHS", "PROSE_DAY_MONTH_RE",
           "PROSE_MONTH_DAY_RE", "WEEKDAYS", "month_number", "partial_iso",
           "description_titles", "lazy_view", "office_titles", "view", "check_rule_files",
           "expand_organization_abbreviations", "organization_abbreviations"]

_PARAGRAPH_BREAK = re.compile(r"\n\n")


def normalize(record: Record) -> Article:
    """Detect HTML by content, convert it, repair the text, find paragraphs and metadata.

    Record fields (url, title, published) win over what a page says about itself.
    Raises EmptyInputError when nothing readable is left.
    """
    content = record.content or ""
    page: Optional[ConvertedHtml] = None
    if looks_like_html(content):
        page = convert_page(content) if is_whole_page(content) else convert_fragment(content)
        text, spans = repair(page.text, [span for span, _ in page.links])
        links = _links(text, spans, [href for _, href in page.links])
    else:
        text, _ = repair(plain_paragraphs(fix_mojibake(content)))
        links = ()
    if not text.strip():
        if page is not None:
            raise EmptyInputError("no article text after removing markup", path=record.doc)
        raise EmptyInputError("article text is empty", path=record.doc)
    # a record's year or year-month ("1996", "2014-08") is kept as given: it dates the races
    published = to_iso_date(record.published) or to_partial_iso_date(record.published)
    if published is None and page is not None:
        published = to_iso_date(page.date)
    if published is None and page is None:
        published = leading_date(text)
    return Article(
        doc=record.doc,
        text=text,
        paragraphs=paragraph_spans(text),
        links=links,
        url=record.url or (page.url if page else None),
        title=record.title or (page.title if page else None),
        published=published,
        was_html=page is not None,
    )


def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph; paragraphs are separated by one blank line."""
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans)


def _links(text: str, spans: list[Span], hrefs: list[str]) -> tuple[Link, ...]:
    """Links over their anchor text, trimmed of surrounding whitespace; empty anchors dropped."""
    out = []
    for (start, end), href in zip(spans, hrefs):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Link(start, end, href))
    return tuple(out)
