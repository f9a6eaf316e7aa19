"""The one month table and date grammar (normalize/dates.py) that page dates, an
article's dated references (resolve/dates.py) and poll dates (extract/polls/dates.py) share."""
from __future__ import annotations

import pytest

from endorsetrack.extract.polls import dates as poll_dates
from endorsetrack.extract.polls.dates import find_dates
from endorsetrack.normalize.dates import (ISO_DATE_RE, MONTH_PHRASE_RE, MONTHS, PROSE_DAY_MONTH_RE, PROSE_MONTH_DAY_RE,
                                          month_number, partial_iso)
from endorsetrack.resolve.dates import find_dated_references, parse_date


def test_every_month_has_its_full_name_and_abbreviations_in_one_table():
    assert sorted(set(MONTHS.values())) == list(range(1, 13))
    assert MONTHS["sept"] == MONTHS["sep"] == MONTHS["september"] == 9
    assert poll_dates.MONTHS is MONTHS  # the poll extractor reads the same table


@pytest.mark.parametrize("word, number", [("Aug.", 8), ("august", 8), ("SEPT", 9), ("Sept.", 9), ("May", 5)])
def test_month_number_reads_any_form(word, number):
    assert month_number(word) == number


@pytest.mark.parametrize("text, found", [
    ("the Aug. 8 primary", "Aug. 8"),
    ("on Sept. 3, 2006, the rally", "Sept. 3, 2006"),
    ("by November 7th", "November 7th"),
    ("in June 12", "June 12"),
    ("in Jun. 12", None),  # running text is read without a period after Jun and Jul
    ("the aug. 8 primary", None),  # running-text months are capitalised
])
def test_prose_month_day(text, found):
    m = PROSE_MONTH_DAY_RE.search(text)
    assert (m.group(0) if m else None) == found


def test_prose_day_month_and_iso_dates():
    assert PROSE_DAY_MONTH_RE.search("on 17 August 2006 it").group(0) == "17 August 2006"
    assert ISO_DATE_RE.search("filed 2006-08-17.").group(0) == "2006-08-17"
    assert ISO_DATE_RE.search("ref 12006-08-17") is None


@pytest.mark.parametrize("text, found", [
    ("An August 17 poll", "August 17"),
    ("conducted Oct. 14 and 15", "Oct. 14 and 15"),
    ("in mid-August", "August"),
    ("back in DECEMBER", "DECEMBER"),
    ("the May 2006 survey", "May 2006"),
])
def test_month_phrases_in_any_case(text, found):
    assert MONTH_PHRASE_RE.search(text).group(0) == found


@pytest.mark.parametrize("parts, iso", [
    ((2006, 8, 17), "2006-08-17"),
    ((None, 8, 17), "--08-17"),
    ((2006, 8, None), "2006-08"),
    ((None, 8, None), "--08"),
    ((None, 2, 29), "--02-29"),  # a yearless Feb. 29 may exist
    ((2006, 2, 29), None),
])
def test_partial_iso(parts, iso):
    assert partial_iso(*parts) == iso


def test_partial_iso_without_the_calendar_writes_the_numbers():
    assert partial_iso(None, 2, 30, calendar=False) == "--02-30"


def test_the_callers_keep_their_own_decisions():
    # dated references: a yearless date takes the year the article's full dates name most
    refs = find_dated_references("The Aug. 8, 2006 primary was won. The rally on Sept. 3 was held.")
    assert [r.date for r in refs] == ["2006-08-08", "2006-09-03"]
    assert parse_date("Tue, 17 August 2006") == "2006-08-17"
    # poll dates: the year comes from the publication date only when the day falls before it
    assert [h.iso for h in find_dates("An August 17 poll", published="2006-09-01")] == ["2006-08-17"]
    assert [h.iso for h in find_dates("An October 17 poll", published="2006-09-01")] == ["--10-17"]
    assert find_dates("Voters may decide") == []
