"""Plain text: paragraphs, repairs (mojibake, spaces, quotes), dates, and the whole normalize()."""
from __future__ import annotations

import pytest

from endorsetrack.errors import EmptyInputError
from endorsetrack.normalize import normalize, paragraph_spans
from endorsetrack.normalize.dates import leading_date, to_iso_date
from endorsetrack.normalize.edits import Edit, apply_edits
from endorsetrack.normalize.layout import plain_paragraphs
from endorsetrack.normalize.repair import repair
from endorsetrack.settings import DEFAULT
from endorsetrack.types import Record


def norm(content: str, **fields):
    return normalize(Record(doc="doc.txt", content=content, **fields))


def test_mojibake_is_fixed_and_quotes_straightened():
    a = norm("Connecticut\u00e2\u20ac\u2122s union said \u00e2\u20ac\u0153yes\u00e2\u20ac\u009d today.")
    assert a.text == "Connecticut's union said \"yes\" today."
    assert not a.was_html


def test_unicode_spaces_invisible_characters_and_space_runs():
    assert repair("One\u00a0two\u2009three\u200b four   five \t six , seven .")[0] == "One two three four five six, seven."


def test_single_newline_paragraphs_are_kept():
    text = "First paragraph ends here.\nSecond one follows.\n\n\nThird after blanks.  \n"
    a = norm(text)
    assert a.text == "First paragraph ends here.\n\nSecond one follows.\n\nThird after blanks."
    assert [a.text[s:e] for s, e in a.paragraphs] == [
        "First paragraph ends here.", "Second one follows.", "Third after blanks."]


WRAPPED = """The Carpenters union said on Monday that it would
endorse the mayor for a second term, citing his work on
the pension deal and on the stadium project in the
downtown district.
A second paragraph starts after a short line and runs
on for a while before ending in a pro-
labor way.

A third paragraph, after a blank line, is joined as
well."""


def test_hard_wrapped_prose_is_joined():
    assert plain_paragraphs(WRAPPED) == (
        "The Carpenters union said on Monday that it would endorse the mayor for a second term, citing "
        "his work on the pension deal and on the stadium project in the downtown district.\n\n"
        "A second paragraph starts after a short line and runs on for a while before ending in a "
        "pro-labor way.\n\nA third paragraph, after a blank line, is joined as well.")


def test_short_lines_are_not_mistaken_for_wrapping():
    text = "Headline Here\nBy A. Writer\nStaff writer\nThe article begins.\nIt goes on."
    assert plain_paragraphs(text).split("\n\n") == text.split("\n")


@pytest.mark.parametrize("value, iso", [
    ("2016-06-10", "2016-06-10"), ("2016-06-10T12:00:00Z", "2016-06-10"), ("2016-06-10 08:30:00+02:00", "2016-06-10"),
    ("June 10, 2016", "2016-06-10"), ("Jun. 10, 2016", "2016-06-10"), ("10 June 2016", "2016-06-10"),
    ("Friday, June 10, 2016", "2016-06-10"), ("06/10/2016", "2016-06-10"), ("25/12/2016", "2016-12-25"),
    ("20160610", "2016-06-10"), ("2016-02-30", None), ("June 2016", None), ("soon", None), (None, None),
])
def test_dates_to_iso(value, iso):
    assert to_iso_date(value) == iso


def test_published_from_record_is_normalized():
    assert norm("Text.", published="2016-06-10T12:00:00Z").published == "2016-06-10"


@pytest.mark.parametrize("value, kept", [("1996", "1996"), ("2014-08", "2014-08"), (" 2014-08 ", "2014-08"),
                                         ("2014-13", None), ("1996 or so", None), ("96", None)])
def test_a_record_s_year_or_year_month_is_kept_as_its_published_date(value, kept):
    assert norm("Text.", published=value).published == kept


@pytest.mark.parametrize("text, iso", [
    ("November 04, 2005\n\nPoll finds mayor's race tied", "2005-11-04"),
    (" date 2019-05-14 Governor's residence in Carverton. (Photo: www.heritage.westland.example)\n\nText.", "2019-05-14"),
    ("AP Source: Clinton expected to get endorsement\n\nJune 10, 2016\n\nWASHINGTON (AP) -- Text.", "2016-06-10"),
    ("The vote on November 04, 2005 was close.", None),
    ("It rained.\nNovember 04, 2005\n", None),
    ("03/04/2005\nText.", None),  # ambiguous numeric dates are not trusted in text
])
def test_leading_date(text, iso):
    assert leading_date(text) == iso


def test_leading_date_sets_published_only_when_missing_and_keeps_text():
    a = norm("November 04, 2005\n\nPoll finds mayor's race tied.")
    assert a.published == "2005-11-04"
    assert a.text.startswith("November 04, 2005\n\nPoll finds")
    assert norm("November 04, 2005\n\nText.", published="2005-11-05").published == "2005-11-05"


def test_long_text_is_kept_whole():
    text = "word " * (DEFAULT.max_article_chars // 5 + 100)
    assert len(norm(text).text) > DEFAULT.max_article_chars


def test_empty_plain_text_is_an_error():
    with pytest.raises(EmptyInputError, match="article text is empty"):
        norm(" \n\u200b\n ")


def test_paragraph_spans():
    assert paragraph_spans("a\n\nbc\nd\n\ne") == ((0, 1), (3, 7), (9, 10))


def test_edits_move_spans():
    text = "the  Service Employees is"  # span over "Service Employees"
    new, spans = apply_edits(text, [Edit(3, 5, " "), Edit(22, 22, "!")], [(5, 22)])
    assert new == "the Service Employees! is"
    assert new[spans[0][0]:spans[0][1]] == "Service Employees"
    new, spans = apply_edits("ab", [Edit(1, 1, " ")], [(1, 2), (0, 1)])
    assert new == "a b" and [new[s:e] for s, e in spans] == ["b", "a"]
