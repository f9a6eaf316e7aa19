"""Photo captions inside paragraphs are moved to paragraphs of their own (never deleted)."""
from __future__ import annotations

import pytest

from endorsetrack.normalize.captions import is_caption, looks_like_name_description
from endorsetrack.normalize.repair import repair


def fix(text: str) -> str:
    return repair(text)[0]


def test_marked_caption_glued_between_sentences():
    raw = ("The union has a solid reputation for doorknocking during elections.The gang\u2019s all here (l-r): "
           "Lt. Gov. Kevin Sullivan, Mayor Eddie Perez and U.S. Sen. Chris Dodd.Then the rally began.")
    assert fix(raw) == ("The union has a solid reputation for doorknocking during elections.\n\n"
                        "The gang's all here (l-r): Lt. Gov. Kevin Sullivan, Mayor Eddie Perez and U.S. Sen. Chris Dodd."
                        "\n\nThen the rally began.")


def test_photo_credit_sentence_even_when_spaced():
    raw = "The mayor spoke on Monday. Mayor Ann Lee at City Hall (Photo: John Doe/AP) The vote is next week."
    out = fix(raw)
    assert out == ("The mayor spoke on Monday.\n\nMayor Ann Lee at City Hall (Photo: John Doe/AP)"
                   "\n\nThe vote is next week.")
    assert out.replace("\n\n", " ") == raw  # moved, not deleted


def test_unmarked_name_description_caption_needs_glue():
    raw = "\u201cWe will stick with Joe,\u201d Swan said. Ned Lamont, the senator\u2019s primary challenger.Another union waits."
    assert fix(raw) == ("\"We will stick with Joe,\" Swan said.\n\nNed Lamont, the senator's primary challenger."
                        "\n\nAnother union waits.")
    spaced = "Swan said. Ned Lamont, the senator's primary challenger. Another union waits."
    assert fix(spaced) == spaced  # no glue: no evidence of a pasted caption


def test_name_colon_caption_between_glued_sentences():
    raw = "\u201cWe don\u2019t forget.\u201dUNITE-HERE\u2019s Robert Proto: Friendship is stronger than war.For now, labor waits."
    assert fix(raw) == ("\"We don't forget.\"\n\nUNITE-HERE's Robert Proto: Friendship is stronger than war."
                        "\n\nFor now, labor waits.")


@pytest.mark.parametrize("sentence", [
    "Ned Lamont, Lieberman\u2019s primary challenger.",
    "Jane Smith, left, and her running mate.",
    "UNITE-HERE\u2019s Robert Proto: Friendship is stronger than war.",
])
def test_caption_shapes(sentence):
    assert looks_like_name_description(sentence)


@pytest.mark.parametrize("sentence", [
    "Ned Lamont, the challenger, won the primary.",
    "John Smith, who backed the mayor.",  # has a verb
    "In Hartford, the mayor's aides.",  # starts with a function word, not a name
    "Lamont, the challenger.",  # one-word name: too weak a signal
    "Smith Jones, \u201cwe will win\u201d today.",
])
def test_not_caption_shapes(sentence):
    assert not looks_like_name_description(sentence)


def test_long_sentence_with_marker_is_not_a_caption():
    sentence = "The company " + "said many things about the market " * 10 + "to Getty Images."
    assert not is_caption(sentence, glued=True)


def test_bare_credit_takes_the_sentence_before_it_along():
    raw = "The mayor spoke on Monday. Mayor Ann Lee at City Hall. (Photo: John Doe/AP) The vote is next week."
    assert fix(raw) == ("The mayor spoke on Monday.\n\nMayor Ann Lee at City Hall. (Photo: John Doe/AP)"
                        "\n\nThe vote is next week.")
    first_line = "date 2017-03-29 Governor's mansion in Richmond, Virginia. (Photo: www.dhr.virginia.gov)"
    assert fix(first_line + "\n\nNext.") == first_line + "\n\nNext."
