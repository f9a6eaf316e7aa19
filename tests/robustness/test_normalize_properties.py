"""Property: any text or HTML string normalizes to an Article or a typed error.

``normalize`` raises only EndorsetrackErrors (an input it cannot use), never a parser
library's exception; the pipeline's ``normalize_record`` turns those into DocumentErrors.
"""
from __future__ import annotations

from hypothesis import given, strategies as st

from endorsetrack.errors import EndorsetrackError
from endorsetrack.normalize import normalize
from endorsetrack.pipeline import normalize_record
from endorsetrack.types import Article, DocumentError, Record

MARKUP = ("<html>", "</html>", "<head>", "<body>", "</body>", "<p>", "</p>", "<div>", "</div>", "<br>",
          "<a href='http://news.example/x'>", "</a>", "<!--", "-->", "<script>", "</script>", "<style>",
          "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<!DOCTYPE html>", "<title>", "</title>", "&amp;",
          "&#0;", "&#xD800;", "&nbsp;", "<b>", "</i>", "<table><tr><td>", "<meta name='date' content='2031-02-30'>",
          "\u202e", "\x00", "\x1b[2J", "\ufeff", "\ud800", "\n\n", " ")
WORDS = ("The", "union", "endorsed", "Ada Quill", "for mayor", ".", ",", "Jan. 3, 2030", "\u201c", "said")


html_like = st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(WORDS), st.text(max_size=12)),
                     max_size=40).map("".join)


def _check(text: str) -> None:
    try:
        article = normalize(Record(doc="prop", content=text))
    except EndorsetrackError:
        return
    assert isinstance(article, Article)
    assert article.text.strip()
    for start, end in article.paragraphs:
        assert 0 <= start < end <= len(article.text)
    for link in article.links:
        assert 0 <= link.start <= link.end <= len(article.text)


@given(html_like)
def test_any_html_like_string_is_an_article_or_a_typed_error(text):
    _check(text)


@given(st.text(max_size=300))
def test_any_text_is_an_article_or_a_typed_error(text):
    _check(text)


@given(html_like)
def test_the_pipeline_stage_never_raises_for_any_markup(text):
    assert isinstance(normalize_record(Record(doc="prop", content=text)), (Article, DocumentError))
