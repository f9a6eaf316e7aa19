"""Evidence highlighting: escaped text, flat marks for overlapping spans, anchors that links can target."""
from __future__ import annotations

from html.parser import HTMLParser

import web_builders

web_builders.require_web()

from endorsetrack.web.highlight import Span, render, segments  # noqa: E402


class Tags(HTMLParser):
    """Records the open-tag stack so tests can check marks never nest and every tag closes."""

    def __init__(self):
        super().__init__()
        self.stack, self.ids, self.max_mark_depth, self.text = [], [], 0, []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.ids += [v for k, v in attrs if k == "id"]
        self.max_mark_depth = max(self.max_mark_depth, self.stack.count("mark"))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> Tags:
    p = Tags()
    p.feed(markup)
    p.close()
    assert p.stack == []
    return p


def test_overlapping_nested_and_identical_spans_make_flat_marks_with_unique_anchors():
    text = "Alpha beta gamma delta epsilon."
    spans = [Span(0, 16, "src-1", "/fact/1", "one"), Span(6, 22, "src-2", "/fact/2", "two"),
             Span(6, 22, "src-3", "/fact/3", "three"), Span(11, 16, "src-4", "/fact/4", "four")]
    html = str(render(text, spans))
    p = parse(html)
    assert p.max_mark_depth == 1  # never <mark> inside <mark>
    assert sorted(p.ids) == ["src-1", "src-2", "src-3", "src-4"]  # each span targetable exactly once
    assert "".join(p.text) == text  # the text is all there, in order, once
    # "gamma" (11-16) is covered by four spans and links to the innermost one
    gamma = [s for s in segments(text, spans) if s.text == "gamma"][0]
    assert [s.anchor for s in gamma.spans][0] == "src-4" and len(gamma.spans) == 4
    assert 'data-spans="src-4 src-1 src-2 src-3"' in html
    assert '<a href="/fact/4">gamma</a>' in html


def test_every_text_piece_and_attribute_is_escaped():
    text = 'x <script>window.__xss=1</script> "><img src=x onerror=alert(1)> y'
    spans = [Span(2, 34, "src-1", "/fact/1", 'label "><script>alert(2)</script>')]
    html = str(render(text, spans))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'title="label &#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in html


def test_spans_outside_the_text_are_clipped_and_empty_ones_dropped():
    text = "short text"
    segs = segments(text, [Span(6, 99, "src-1"), Span(3, 3, "src-2"), Span(20, 30, "src-3")])
    assert [(s.text, [x.anchor for x in s.spans]) for s in segs] == [("short ", []), ("text", ["src-1"])]
    assert "src-2" not in str(render(text, [Span(3, 3, "src-2")]))


def test_span_without_link_is_marked_but_not_linked():
    html = str(render("a poll of voters", [Span(2, 6, "poll-1", None, "Brindlewood", "poll")]))
    assert html == 'a <mark id="poll-1" class="ev ev-poll" data-spans="poll-1" title="Brindlewood">poll</mark> of voters'
