"""HTML by content: fragments keep paragraphs and links; whole pages lose their furniture."""
from __future__ import annotations

import pytest

from endorsetrack.errors import EmptyInputError
from endorsetrack.normalize import normalize
from endorsetrack.normalize.html import is_whole_page, looks_like_html
from endorsetrack.types import Record


def norm(content: str, **fields):
    return normalize(Record(doc="doc.txt", content=content, **fields))


def anchors(article):
    return [(article.text[link.start:link.end], link.href) for link in article.links]


@pytest.mark.parametrize("text, is_html", [
    ("<p>One.</p>", True),
    ('See <a href="http://x.org">this</a>.', True),
    ("Line<br>break", True),
    ("<strong>Bold</strong> and <em>italic</em>", True),
    ("Plain text about a 5 < 6 comparison & more.", False),
    ("He typed <b> once in prose.", False),
])
def test_html_detected_by_content(text, is_html):
    assert looks_like_html(text) is is_html


def test_whole_page_markers():
    assert is_whole_page("<!DOCTYPE html><p>x</p>")
    assert is_whole_page("<nav>menu</nav><p>x</p>")
    assert not is_whole_page('<p>x</p><script src="embed.js"></script>')


def test_fragment_blocks_inline_entities_and_breaks():
    a = norm("<h2>Big&nbsp;news</h2><p>Line   one<br>line two &amp; more<br><br>after</p>"
             "<ul><li>first <em>item</em></li><li>second</li></ul>\n<p>Caf&eacute; &#8220;quoted&#8221;.</p>")
    assert a.text == ("Big news\n\nLine one\nline two & more\n\nafter\n\nfirst item\n\nsecond\n\n"
                      "Caf\u00e9 \"quoted\".")
    assert a.was_html
    assert [a.text[s:e] for s, e in a.paragraphs] == [
        "Big news", "Line one\nline two & more", "after", "first item", "second", "Caf\u00e9 \"quoted\"."]


def test_fragment_links_point_at_their_anchor_text_after_repairs():
    html = ('<p>The union backs Sen. <a href="http://j.example/"><strong>Joe  Lieberman</strong></a>.'
            'The gang\u2019s all here.\u201cWe win,\u201d said <a href="http://u.example/">the\u00a0UAW</a>.</p>'
            '<p>Lamont will score when the<strong><a href="http://seiu.example/">Service Employees</a></strong> '
            'endorse him.</p>')
    a = norm(html)
    assert a.text == ("The union backs Sen. Joe Lieberman. The gang's all here. \"We win,\" said the UAW.\n\n"
                      "Lamont will score when the Service Employees endorse him.")
    assert anchors(a) == [("Joe Lieberman", "http://j.example/"), ("the UAW", "http://u.example/"),
                          ("Service Employees", "http://seiu.example/")]


def test_script_style_and_comments_are_dropped_from_fragments():
    a = norm('<p>Kept.</p><script>var x = "no";</script><style>p{}</style><!-- note --><p>Also kept.</p>')
    assert a.text == "Kept.\n\nAlso kept."


def test_mojibake_in_html_text_nodes_is_fixed():
    a = norm("<p>Lieberman\u00e2\u20ac\u2122s backers</p>")
    assert a.text == "Lieberman's backers"


PAGE = """<!DOCTYPE html>
<html><head><title>Union backs Smith for governor | The Daily Example</title>
<meta property="og:url" content="https://news.example.com/2016/06/union-backs-smith">
<meta property="og:title" content="Union backs Smith for governor">
<meta property="article:published_time" content="2016-06-10T12:00:00Z">
<script>var tracking = "code";</script></head>
<body>
<header><nav><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/sports">Sports Desk</a></nav></header>
<article>
<h1>Union backs Smith for governor</h1>
<p>The <a href="https://www.example-union.org/">Example Workers Union</a> endorsed Jane Smith for governor on Friday,
saying her record on labor issues was unmatched among the candidates in the race.</p>
<p>\u201cWe are proud to stand with Jane,\u201d said the union president, Bob Jones. The union represents about
40,000 workers across the state and is one of the largest in the region.</p>
<p>Smith faces two rivals in the September primary, including the current lieutenant governor, who has been
endorsed by the state chamber of commerce.</p>
</article>
<footer><p>Copyright 2016 The Daily Example. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>"""


def test_whole_page_text_and_metadata():
    a = norm(PAGE)
    assert a.was_html
    assert a.title == "Union backs Smith for governor"
    assert a.url == "https://news.example.com/2016/06/union-backs-smith"
    assert a.published == "2016-06-10"
    for boilerplate in ("Home", "Politics", "Sports Desk", "Copyright", "newsletter", "tracking"):
        assert boilerplate not in a.text
    assert "The Example Workers Union endorsed Jane Smith for governor on Friday, saying" in a.text
    assert '"We are proud to stand with Jane," said the union president' in a.text
    assert len(a.paragraphs) >= 3
    assert ("Example Workers Union", "https://www.example-union.org/") in anchors(a)


def test_record_fields_win_over_page_metadata():
    a = norm(PAGE, url="https://mirror.example/x", title="Given title", published="June 9, 2016")
    assert (a.url, a.title, a.published) == ("https://mirror.example/x", "Given title", "2016-06-09")


def test_markup_without_text_is_an_error():
    with pytest.raises(EmptyInputError) as info:
        norm("<div><p> </p><p>&nbsp;</p><img src='x.png'></div>")
    assert info.value.message == "no article text after removing markup"
    assert info.value.code == "input.empty"
    with pytest.raises(EmptyInputError, match="no article text after removing markup"):
        norm("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>")


def test_control_characters_in_markup_are_spaces_not_a_parser_crash():
    a = norm("<p>The union\x1fendorsed\x00Ada Quill.</p><p>Second\x0bline.</p>")
    assert a.text == "The union endorsed Ada Quill.\n\nSecond line."


def test_a_page_that_opens_a_comment_and_never_closes_it_is_empty_not_a_parser_crash():
    with pytest.raises(EmptyInputError, match="no article text after removing markup"):
        norm("<!-- <html><body><p>The union endorsed Ada Quill.</p></body></html>")


@pytest.mark.parametrize("depth", [300, 1_000])
def test_text_nested_hundreds_of_elements_deep_is_kept(depth):
    inner = "<p>The union endorsed Ada Quill.</p>"
    assert norm("<div>" * depth + inner + "</div>" * depth).text == "The union endorsed Ada Quill."
    assert norm("<html><body>" + "<div>" * depth + inner + "</div>" * depth + "</body></html>").text == (
        "The union endorsed Ada Quill.")
