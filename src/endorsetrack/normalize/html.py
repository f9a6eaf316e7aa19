"""Tell HTML from plain text by content, and turn HTML into text, links and metadata.

A file's name says little (seed 000 is an HTML fragment named .txt), so we look
at the markup. A fragment (a few <p> and <a>) is converted by our own walk, which
keeps every link; a whole web page goes through trafilatura, which drops
navigation, sidebars and footers and finds title, canonical URL and date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .edits import Span
from .markup import HTML_TAGS, TRAFILATURA_TAGS, fragment_tree, page_tree, tree_to_text

# How much of the input the detectors look at: enough for the <head> of any real page.
SNIFF_CHARS = 65_536

_STRUCTURAL_TAG = re.compile(
    r"<(?:(?:p|div|br|html|body|head|h[1-6]|li|ul|ol|table|tr|td|blockquote|article|section)[\s/>]"
    r"|a\s[^>]*\bhref\s*=)|</(?:p|div|a|li|h[1-6]|table|blockquote|body|html)\s*>",
    re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?(?:span|strong|em|b|i|u|font|sup|sub|small|img)\b[^>]*>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")
# Page furniture. <script>/<style> alone do not make a page: article fragments carry
# embed scripts (tweets, videos), and the fragment walk skips them anyway.
_PAGE_MARKERS = re.compile(r"<!doctype\s+html|<(?:html|head|body|nav|header|footer|aside|title|meta)\b",
                           re.IGNORECASE)
# trafilatura's precision mode: on small pages its default (recall) mode let menu
# links ("Home Politics") into the text; precision mode kept only the article
# paragraph on the hand-made pages in tests/normalize and the same text on long ones.
PAGE_FAVOR_PRECISION = True
# Dates from the page's metadata and markup only (htmldate without its extensive
# search): the extensive search turned a footer's "Copyright 2020" into 2020-01-01.
PAGE_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Inline tags (or entities beside a tag) needed before plain text counts as HTML:
# two, so that a lone "<b>" quoted in an article's prose does not flip it.
MIN_INLINE_MARKUP = 2


def looks_like_html(text: str) -> bool:
    """Block or link tags; or several inline tags/entities (an HTML fragment, whatever its file name)."""
    head = text[:SNIFF_CHARS]
    if _STRUCTURAL_TAG.search(head):
        return True
    inline = len(_INLINE_TAG.findall(head))
    return inline >= MIN_INLINE_MARKUP or (inline >= 1 and bool(_ENTITY.search(head)))


def is_whole_page(text: str) -> bool:
    """<html>/<head>/<body>, a doctype, or page furniture (nav, header, footer, aside, meta)."""
    return bool(_PAGE_MARKERS.search(text[:SNIFF_CHARS]))


@dataclass(frozen=True)
class ConvertedHtml:
    """Text with paragraph breaks, link spans into it, and page metadata when found."""

    text: str
    links: tuple[tuple[Span, str], ...]
    title: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = None


def convert_fragment(markup: str) -> ConvertedHtml:
    text, links = tree_to_text(fragment_tree(markup), HTML_TAGS)
    return ConvertedHtml(text, tuple(links))


def convert_page(markup: str) -> ConvertedHtml:
    """trafilatura for main text, links and metadata; our own walk if it finds no text."""
    import trafilatura  # imported here: costs ~0.5 s, and fragments and plain text never need it

    doc = trafilatura.bare_extraction(markup, include_links=True, include_comments=False,
                                      include_tables=True, with_metadata=True,
                                      favor_precision=PAGE_FAVOR_PRECISION,
                                      date_extraction_params=PAGE_DATE_PARAMS)
    title = url = date = None
    if doc is not None:
        title, url, date = (_clean(getattr(doc, key, None)) for key in ("title", "url", "date"))
        body = getattr(doc, "body", None)
        if body is not None:
            text, links = tree_to_text(body, TRAFILATURA_TAGS)
            if text.strip():
                return ConvertedHtml(text, tuple(links), title, url, date)
    if doc is None:
        meta = trafilatura.extract_metadata(markup)
        if meta is not None:
            title, url, date = _clean(meta.title), _clean(meta.url), _clean(meta.date)
    text, links = tree_to_text(_without_furniture(page_tree(markup)), HTML_TAGS)
    return ConvertedHtml(text, tuple(links), title, url, date)


def _without_furniture(root):
    """A page trafilatura found no main text in: drop navigation and footers, keep the rest."""
    for el in root.xpath("//nav|//header|//footer|//aside|//form|//script|//style|//noscript"):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:  # keep the text that follows the dropped element
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
    return root


def _clean(value) -> Optional[str]:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
