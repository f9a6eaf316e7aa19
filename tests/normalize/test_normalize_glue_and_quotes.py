"""Glued sentences get their space; initialisms, decimals, URLs and e-mails stay whole."""
from __future__ import annotations

import pytest

from endorsetrack.normalize.edits import run_rules
from endorsetrack.normalize.repair import repair
from endorsetrack.normalize.sentences import glued_sentence_edits, quote_direction_edits


def fix(text: str) -> str:
    return repair(text)[0]


@pytest.mark.parametrize("raw, fixed", [
    ("during the campaign.The crowd is here.", "during the campaign. The crowd is here."),
    ("Was it?Yes. Really!No.", "Was it? Yes. Really! No."),
    ("Turnout rose in 2006.The count", "Turnout rose in 2006. The count"),
    ("stood with the drivers.\u201cVukovich\u2019s pledge\u201d helped", "stood with the drivers. \"Vukovich's pledge\" helped"),
    ("\u201cWe keep our word.\u201dQuarles said", "\"We keep our word.\" Quarles said"),
    ("Whitcombe said.\u201cWe don\u2019t quit,\u201d she said.", "Whitcombe said. \"We don't quit,\" she said."),
])
def test_glued_sentences_are_split(raw, fixed):
    assert fix(raw) == fixed


@pytest.mark.parametrize("text", [
    "He went to the U.S. Senate in 2006.",
    "the U.S.Senate race",
    "She holds a Ph.D. in law.",
    "a Ph.D.Candidate",
    "The meeting is at 9 a.m. on Tuesday.",
    "Akers won 61.4 percent of the vote.",
    "See the speakers wall (www.RallyAround.us) for details.",
    "Write to press@Union.org today.",
    "Visit https://example.com/News.Today for more.",
    "He works with ASP.NET and Node.js.",
])
def test_must_not_break(text):
    assert fix(text) == text


def test_closing_quote_typed_as_opening_is_closed_by_state():
    text = "\u201cIt\u2019s clear, with us.\u201cLieberman\u2019s stand was praised.\u201cJoe\u2019s words,\u201d Proto said."
    directed, _ = run_rules(text, [quote_direction_edits])
    assert directed == ("\u201cIt\u2019s clear, with us.\u201dLieberman\u2019s stand was praised."
                        "\u201cJoe\u2019s words,\u201d Proto said.")
    assert fix(text) == "\"It's clear, with us.\" Lieberman's stand was praised. \"Joe's words,\" Proto said."


def test_straight_quotes_get_directions_too():
    directed, _ = run_rules('He said."We win," she said.', [quote_direction_edits])
    assert directed == "He said.\u201cWe win,\u201d she said."
    spaced, _ = run_rules(directed, [glued_sentence_edits])
    assert spaced == "He said. \u201cWe win,\u201d she said."


def test_quote_state_resets_per_paragraph():
    text = "\u201cAn open quote runs on\n\n\u201cA new paragraph opens again.\u201d"
    directed, _ = run_rules(text, [quote_direction_edits])
    assert directed == text


@pytest.mark.parametrize("raw, fixed", [
    ("Eastvale (ENS)Ana Ruiz said on Monday.", "Eastvale (ENS) Ana Ruiz said on Monday."),
    ("GLENFORD, Ohio (Eastvale Wire)The union backed Tom Reyes.",
     "GLENFORD, Ohio (Eastvale Wire) The union backed Tom Reyes."),
])
def test_a_credit_glued_to_the_first_word_is_spaced(raw, fixed):
    assert repair(raw)[0] == fixed


@pytest.mark.parametrize("text", ["Ana Ruiz (D) said so.", "The vote (held in May) went to Tom Reyes.",
                                  "Ana Ruiz (D-Ohio) won."])
def test_a_spaced_bracket_is_left_alone(text):
    assert repair(text)[0] == text
