"""Photo captions inside paragraphs are moved to paragraphs of their own (never deleted)."""
from __future__ import annotations

import pytest

from endorsetrack.normalize.captions import is_caption, looks_like_name_description
from endorsetrack.normalize.repair import repair


def fix(text: str) -> str:
    return repair(text)[0]


def test_marked_caption_glued_between_sentences():
    raw = ("The local is known for its phone banks in every campaign.On the stage (l-r): "
           "Lt. Gov. Ada Ruiz, Mayor Tom Ferris and U.S. Sen. Mark Hollis.Then the rally began.")
    assert fix(raw) == ("The local is known for its phone banks in every campaign.\n\n"
                        "On the stage (l-r): Lt. Gov. Ada Ruiz, Mayor Tom Ferris and U.S. Sen. Mark Hollis."
                        "\n\nThen the rally began.")


def test_photo_credit_sentence_even_when_spaced():
    raw = "The mayor spoke on Monday. Mayor Ann Lee at City Hall (Photo: John Doe/AP) The vote is next week."
    out = fix(raw)
    assert out == ("The mayor spoke on Monday.\n\nMayor Ann Lee at City Hall (Photo: John Doe/AP)"
                   "\n\nThe vote is next week.")
    assert out.replace("\n\n", " ") == raw  # moved, not deleted


def test_unmarked_name_description_caption_needs_glue():
    raw = "\u201cWe will stick with Ruth,\u201d Swan said. Dana Pruett, the mayor\u2019s primary challenger.Another union waits."
    assert fix(raw) == ("\"We will stick with Ruth,\" Swan said.\n\nDana Pruett, the mayor's primary challenger."
                        "\n\nAnother union waits.")
    spaced = "Swan said. Dana Pruett, the mayor's primary challenger. Another union waits."
    assert fix(spaced) == spaced  # no glue: no evidence of a pasted caption


def test_name_colon_caption_between_glued_sentences():
    raw = "\u201cWe keep our word.\u201dLocal 88\u2019s Rosa Imbert: Our members come first.For now, labor waits."
    assert fix(raw) == ("\"We keep our word.\"\n\nLocal 88's Rosa Imbert: Our members come first."
                        "\n\nFor now, labor waits.")


@pytest.mark.parametrize("sentence", [
    "Dana Pruett, Ruiz\u2019s primary challenger.",
    "Jane Smith, left, and her running mate.",
    "Local 88\u2019s Rosa Imbert: Our members come first.",
])
def test_caption_shapes(sentence):
    assert looks_like_name_description(sentence)


@pytest.mark.parametrize("sentence", [
    "Dana Pruett, the challenger, won the primary.",
    "John Smith, who backed the mayor.",  # has a verb
    "In Millport, the mayor's aides.",  # starts with a function word, not a name
    "Pruett, the challenger.",  # one-word name: too weak a signal
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
    first_line = "date 2019-05-14 Governor's residence in Carverton, Westland. (Photo: www.heritage.westland.example)"
    assert fix(first_line + "\n\nNext.") == first_line + "\n\nNext."
