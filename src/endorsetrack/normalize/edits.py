"""Text edits that keep character spans (link anchors) pointing at the right text.

Every repair rule is a pure function ``text -> list[Edit]``; ``apply_edits`` applies
them and moves the spans along, so link offsets stay right after every repair step
without each rule having to know about links.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

Span = tuple[int, int]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (an insertion when start == end)."""

    start: int
    end: int
    replacement: str


Rule = Callable[[str], list[Edit]]


def apply_edits(text: str, edits: Iterable[Edit], spans: Sequence[Span] = ()) -> tuple[str, list[Span]]:
    """Apply non-overlapping edits; return the new text and the spans moved along.

    Overlapping edits are a rule bug in principle; the later one is dropped so a
    repair never corrupts text. Text inserted exactly at a span's start goes before
    the span, text inserted at its end goes after it (the span never swallows it).
    """
    ordered: list[Edit] = []
    last_end = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < last_end or (e.start == last_end and e.start == e.end and ordered
                                  and ordered[-1].start == ordered[-1].end == e.start):
            continue
        ordered.append(e)
        last_end = e.end
    if not ordered:
        return text, list(spans)
    pieces: list[str] = []
    cursor = 0
    for e in ordered:
        pieces.append(text[cursor:e.start])
        pieces.append(e.replacement)
        cursor = e.end
    pieces.append(text[cursor:])
    new_text = "".join(pieces)
    index = _EditIndex(ordered)
    moved = [(index.map(s, is_end=False), index.map(t, is_end=True)) for s, t in spans]
    return new_text, [(s, max(s, t)) for s, t in moved]


class _EditIndex:
    """Old offset -> new offset in O(log n) per position (pages carry hundreds of links)."""

    def __init__(self, edits: list[Edit]):
        self.edits = edits
        self.ends = [e.end for e in edits]
        self.shift_before: list[int] = []  # total length change of edits[:i]
        total = 0
        for e in edits:
            self.shift_before.append(total)
            total += len(e.replacement) - (e.end - e.start)

    def map(self, pos: int, is_end: bool) -> int:
        """Text inserted exactly at a start goes before it; at an end, after it. A position
        inside a replaced run keeps its relative place (clamped to the replacement)."""
        i = bisect_left(self.ends, pos)  # edits[:i] end before pos
        while i < len(self.edits) and self.edits[i].end == pos and (not is_end or self.edits[i].start < pos):
            i += 1  # ends exactly at pos: lies before pos (an insertion only for a start)
        shift = self.shift_before[i] if i < len(self.edits) else self._total()
        if i < len(self.edits):
            e = self.edits[i]
            if e.start < pos < e.end:
                return e.start + shift + min(pos - e.start, len(e.replacement))
        return pos + shift

    def _total(self) -> int:
        last = self.edits[-1]
        return self.shift_before[-1] + len(last.replacement) - (last.end - last.start)


def run_rules(text: str, rules: Iterable[Rule], spans: Sequence[Span] = ()) -> tuple[str, list[Span]]:
    """Apply each rule in turn to the output of the previous one."""
    current, moved = text, list(spans)
    for rule in rules:
        current, moved = apply_edits(current, rule(current), moved)
    return current, moved


def apply_rule(rule: Rule, text: str) -> str:
    """Convenience for plain strings (and tests): one rule, no spans."""
    return apply_edits(text, rule(text))[0]
