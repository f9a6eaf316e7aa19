"""Element tree -> text with paragraph breaks and link spans.

Used for HTML fragments (our own conversion, lxml) and for the XML body that
trafilatura returns for whole pages (same walk, its own tag names). Block elements
become paragraph breaks, <br> a line break, inline elements just their text; every
link with a target becomes a span over its anchor text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree, html as lxml_html

from ..errors import without_surrogates
from .edits import Span
from .repair import fix_mojibake

_SPACES = re.compile(r"\s+")
# A lowercase word ending one text node, a capitalized word starting the next: the
# source had no space at a tag boundary ("when the<strong>Service Employees").
# Two lowercase letters keep "e<b>Bay</b>"-style brand names whole.
_GLUED_LEFT = re.compile(r"[a-z]{2}$")
_GLUED_RIGHT = re.compile(r"^[A-Z][a-z]")


@dataclass(frozen=True)
class Vocabulary:
    """Which tags break paragraphs, break lines, are skipped, and carry links."""

    blocks: frozenset[str]
    line_breaks: frozenset[str]
    skipped: frozenset[str]
    link_tag: str
    link_attr: str


HTML_TAGS = Vocabulary(
    blocks=frozenset({
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "tr", "table", "thead", "tbody", "tfoot", "section", "article", "main",
        "header", "footer", "aside", "nav", "figure", "figcaption", "pre", "address", "hr",
        "center", "form", "fieldset", "caption", "body", "html",
    }),
    line_breaks=frozenset({"br"}),
    skipped=frozenset({"script", "style", "noscript", "template", "head", "iframe", "svg", "object",
                       "embed", "canvas", "video", "audio", "select", "button", "input", "textarea"}),
    link_tag="a",
    link_attr="href",
)

# trafilatura's XML: <p>, <head> (a heading), <list>/<item>, <quote>, <row>/<cell>,
# <lb/> (line break), <ref target=...> (link), <hi> (formatting).
TRAFILATURA_TAGS = Vocabulary(
    blocks=frozenset({"p", "head", "list", "item", "quote", "table", "row", "code", "doc", "main", "body"}),
    line_breaks=frozenset({"lb"}),
    # trafilatura's fallbacks may hand back raw page furniture as the body.
    skipped=frozenset({"graphic", "comments", "nav", "header", "footer", "aside", "script", "style"}),
    link_tag="ref",
    link_attr="target",
)


@dataclass
class _Builder:
    """Accumulates text; resolves pending breaks lazily so none dangle at the ends."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    pending: int = 0  # newlines owed before the next text: 0, 1 (<br>) or 2 (block)
    last: str = ""
    links: list[tuple[int, int, str]] = field(default_factory=list)
    open_links: list[tuple[int, str]] = field(default_factory=list)

    def text(self, raw: str | None, fix: bool) -> None:
        if not raw:
            return
        piece = _SPACES.sub(" ", fix_mojibake(raw, unescape_html=False) if fix else raw)
        if self.pending and self.length:
            if not piece.strip():
                return
            self._write("\n" * self.pending)
            piece = piece.lstrip()
        elif not self.length:
            piece = piece.lstrip()
        if not piece:
            return
        self.pending = 0
        if _GLUED_LEFT.search(self.last) and _GLUED_RIGHT.match(piece):
            self._write(" ")
        self._write(piece)

    def brk(self, n: int) -> None:
        self.pending = min(2, self.pending + n) if n == 1 else 2

    def open_link(self, href: str) -> None:
        self.open_links.append((self.length + (self.pending if self.length else 0), href))

    def close_link(self) -> None:
        start, href = self.open_links.pop()
        if self.length > start:
            self.links.append((start, self.length, href))

    def _write(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)
        self.last = s[-2:] if len(s) >= 2 else (self.last + s)[-2:]


def tree_to_text(root, vocab: Vocabulary, fix_text: bool = True) -> tuple[str, list[tuple[Span, str]]]:
    """Walk an element tree; return (text with "\\n\\n" between paragraphs, [(span, href)])."""
    b = _Builder()
    stack: list[tuple[Any, str]] = [(root, "open")]
    while stack:
        el, phase = stack.pop()
        tag = _tag(el)
        if phase == "tail":
            b.text(el.tail, fix_text)
            continue
        if phase == "close":
            if tag in vocab.blocks:
                b.brk(2)
            if tag == vocab.link_tag and _href(el, vocab):
                b.close_link()
            if el is not root:
                b.text(el.tail, fix_text)
            continue
        if tag is None or tag in vocab.skipped:  # comments, processing instructions, scripts
            if el is not root:
                stack.append((el, "tail"))
            continue
        if tag in vocab.line_breaks:
            b.brk(1)
            stack.append((el, "tail"))
            continue
        if tag in vocab.blocks:
            b.brk(2)
        href = _href(el, vocab) if tag == vocab.link_tag else None
        if href:
            b.open_link(href)
        b.text(el.text, fix_text)
        stack.append((el, "close"))
        for child in reversed(list(el)):
            stack.append((child, "open"))
    return "".join(b.parts), [((s, e), href) for s, e, href in b.links]


# Characters lxml refuses in a tree ("All strings must be XML compatible"): C0 controls
# other than tab, newline and carriage return, and lone surrogates. Hostile or mis-decoded
# input carries them; they are never article text. Controls become spaces (so words on
# either side stay apart), surrogates U+FFFD.
_XML_INCOMPATIBLE_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def parseable(markup: str) -> str:
    """``markup`` without the characters lxml refuses to put in a tree."""
    return without_surrogates(_XML_INCOMPATIBLE_CONTROL.sub(" ", markup))


# lxml's HTML parser drops everything nested deeper than 255 elements (libxml2's default
# depth limit): a page wrapped in 300 <div>s came out empty. huge_tree lifts the limit to
# libxml2's 2,048; the input is already capped (Settings.max_content_chars), so the other
# limits huge_tree lifts (text node size) guard nothing here.
_PARSER = lxml_html.HTMLParser(huge_tree=True)


def fragment_tree(markup: str):
    """Parse an HTML fragment (or a page) leniently into one element."""
    try:
        return lxml_html.fragment_fromstring(parseable(markup), create_parent="div", parser=_PARSER)
    except etree.ParserError:  # nothing but a comment or whitespace: an empty fragment
        return lxml_html.Element("div")


def page_tree(markup: str):
    """Parse a whole page; lxml copes with broken markup and missing <html>."""
    try:
        return lxml_html.document_fromstring(parseable(markup), parser=_PARSER)
    except etree.ParserError:  # "Document is empty": e.g. a page that opens a comment and never closes it
        return lxml_html.Element("html")


def _tag(el) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None
    return etree.QName(tag).localname.lower() if "}" in tag else tag.lower()


def _href(el, vocab: Vocabulary) -> str | None:
    href = (el.get(vocab.link_attr) or "").strip()
    if not href or href.startswith("#") or href.lower().startswith("javascript:"):
        return None
    return href
