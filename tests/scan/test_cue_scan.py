"""The cue scan (scan.py): which articles, and which paragraphs of them, get a full parse.

A text the scan rejects is never parsed, so every trigger phrasing must pass it; trigger
words outside election news must not, and only the paragraphs holding a cue (with a few
before them for the names that references point back to) are parsed.
"""
from __future__ import annotations

import pytest

from endorsetrack.scan import has_cues, trigger_re

TRIGGER_PHRASINGS = [
    "The union endorsed Vega.", "The union backs Vega.", "The union is supporting Vega.",
    "The group gave its nod to Vega.", "The union withdrew its endorsement.", "The union remained neutral.",
    "The union ran ads against Reyes.", "The union is undecided.", "The union stood with Vega.",
    "The union will back Vega.", "The union sat out the primary.", "The union has not chosen a candidate.",
    "The union is still deliberating.", "The union will champion Vega.",
]


@pytest.mark.parametrize("text", TRIGGER_PHRASINGS)
def test_cue_scan_finds_every_trigger_phrasing(text):
    assert trigger_re().search(text), text


@pytest.mark.parametrize("text", TRIGGER_PHRASINGS)
def test_an_article_about_a_race_passes_the_scan(text):
    assert has_cues("The race for mayor is tightening.\n\n" + text)


def test_cue_scan_rejects_text_without_cues():
    assert not has_cues("The city council approved the harbor budget on Tuesday after a long debate.")


def test_cue_scan_rejects_trigger_words_outside_election_news():
    """'backs', 'support' and 'against' are everywhere in sports and business news:
    without any election vocabulary the article is not parsed."""
    assert not has_cues("The coach backs his quarterback, and the fans support the team against Ohio State.")


def test_only_cue_paragraphs_and_their_lead_in_are_parsed():
    from endorsetrack.scan import text_for_parse
    from endorsetrack.types import Article

    paras = ["Mayoral race news.", "The weather was mild.", "Traffic was light.", "Schools reopened.",
             "The Plumbers Union endorsed Maria Vega."]
    text = "\n\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    parsed = text_for_parse(Article(doc="t", text=text, paragraphs=tuple(spans)))
    assert len(parsed) == len(text)  # offsets unchanged
    assert "Mayoral race news." in parsed and "The Plumbers Union endorsed Maria Vega." in parsed
    assert "The weather was mild." not in parsed  # outside the two paragraphs before the cue
    assert "Traffic was light." in parsed and "Schools reopened." in parsed


def test_words_that_only_begin_like_an_election_word_are_not_election_vocabulary():
    """'Pollen' begins like 'poll': a weather report with a count that 'rose' is not parsed."""
    weather = "Pollen counts rose again on Monday, the Eastvale health office said."
    assert not has_cues(weather)
    assert not has_cues("Bees pollinate the orchards; the count rose by a third.")
    assert has_cues(weather + " A new poll shows Dana Cole ahead by 4 points.")
    assert has_cues("Polling in the mayoral race shows Lee Park ahead by 4 points.")
