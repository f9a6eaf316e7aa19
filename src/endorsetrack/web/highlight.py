"""An article's text as safe HTML with its evidence spans marked, overlapping spans included.

Why segments: one sentence often supports several facts (a list of endorsers),
and spans may overlap or nest. Cutting the text at every span boundary gives flat,
never-nested ``<mark>`` elements, so no overlap can break the markup; each text
piece is escaped on its own. A span's anchor id sits on its first segment (or on
an empty anchor before it when two spans start at the same place), so a link to
``#src-N`` lands on the highlighted sentence.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    anchor: str  # unique element id, e.g. "src-12"
    href: Optional[str] = None  # where the highlighted text links (the fact it supports)
    label: str = ""  # tooltip: what the span supports
    kind: str = "fact"  # css class suffix: fact | poll


@dataclass(frozen=True)
class Segment:
    text: str
    spans: tuple[Span, ...]  # spans covering this piece, shortest first
    starts: tuple[Span, ...]  # spans that begin at this piece


def segments(text: str, spans: Sequence[Span]) -> list[Segment]:
    """The text cut at every span boundary; spans outside the text are clipped, empty ones dropped."""
    n = len(text)
    good = []
    for s in spans:
        a, b = max(0, min(s.start, n)), max(0, min(s.end, n))
        if a < b:
            good.append(Span(a, b, s.anchor, s.href, s.label, s.kind))
    cuts = sorted({0, n, *(s.start for s in good), *(s.end for s in good)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(sorted((s for s in good if s.start <= a and b <= s.end),
                                key=lambda s: (s.end - s.start, s.anchor)))
        starting = tuple(sorted((s for s in good if s.start == a), key=lambda s: s.anchor))
        out.append(Segment(text[a:b], covering, starting))
    return out


def render(text: str, spans: Sequence[Span]) -> Markup:
    """Escaped text with every span wrapped in ``<mark>`` (linked to what it supports)."""
    parts: list[str] = []
    for seg in segments(text, spans):
        body = escape(seg.text)
        if not seg.spans:
            parts.append(str(body))
            continue
        ids = [s.anchor for s in seg.starts]
        for extra in ids[1:]:
            parts.append(f'<span class="anchor" id="{escape(extra)}"></span>')
        inner = seg.spans[0]
        kinds = sorted({s.kind for s in seg.spans})
        classes = " ".join(["ev"] + [f"ev-{k}" for k in kinds] + (["ev-multi"] if len(seg.spans) > 1 else []))
        attrs = [f'class="{classes}"', f'data-spans="{escape(" ".join(s.anchor for s in seg.spans))}"']
        if ids:
            attrs.insert(0, f'id="{escape(ids[0])}"')
        labels = "; ".join(dict.fromkeys(s.label for s in seg.spans if s.label))
        if labels:
            attrs.append(f'title="{escape(labels)}"')
        if inner.href:
            body = Markup(f'<a href="{escape(inner.href)}">{body}</a>')
        parts.append(f"<mark {' '.join(attrs)}>{body}</mark>")
    return Markup("".join(parts))
