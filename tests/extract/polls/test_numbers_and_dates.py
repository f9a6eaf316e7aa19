"""The character-level scan for figures, dates, samples and margins (no model needed)."""
from __future__ import annotations

from endorsetrack.extract.polls.dates import find_dates
from endorsetrack.extract.polls.numbers import (find_margins, find_shares, has_share_cue,
                                               parse_margin_of_error, parse_sample, word_number)


def figures(text, **kw):
    return [(s.kind, s.values) for s in find_shares(text, **kw)]


def test_units_percent_sign_pct_and_per_cent():
    assert figures("Smith 45%, Jones 40 percent, Brown 9 pct. and Green 3 per cent") == [
        ("single", (45,)), ("single", (40,)), ("single", (9,)), ("single", (3,))]


def test_pairs_with_to_or_dash_are_one_group():
    assert figures("up 49 percent to 38 percent overall") == [("pair", (49, 38))]
    assert figures("a 44%-42% lead") == [("pair", (44, 42))]
    assert figures("led 44 to 42 percent") == [("pair", (44, 42))]


def test_numbers_in_words():
    assert figures("Brown took three percent") == [("single", (3,))]
    assert figures("at twenty-one percent") == [("single", (21,))]
    assert word_number("sixty") == 60 and word_number("44.5") == 44.5 and word_number("lots") is None


def test_a_list_of_figures_with_one_unit():
    assert figures("had 45 and 40 percent, respectively") == [("series", (45, 40))]


def test_points_are_margins_not_shares():
    text = "ahead by 1 percentage point, a 10-point lead and 5 points"
    assert figures(text) == []
    assert len(find_margins(text)) == 3


def test_decimals_and_offsets_are_absolute():
    [s] = find_shares("won 73.1 percent", offset=100)
    assert s.values == (73.1,) and (s.start, s.end) == (104, 116)


def test_bare_pairs_only_when_allowed_and_plausible():
    assert figures("Smith leads Jones 52-44") == []
    assert figures("Smith leads Jones 52-44", allow_bare=True) == [("pair", (52, 44))]
    assert figures("conducted Oct. 24-28", allow_bare=True) == []  # a date range
    assert figures("the council voted 7-2", allow_bare=True) == []
    assert has_share_cue("leads 52-44", allow_bare=True) and not has_share_cue("leads 52-44")


def test_an_age_range_is_not_a_unitless_pair():
    assert [s.values for s in find_shares("voters aged 18 to 34, led 51-40", allow_bare=True)] == [(51, 40)]
    assert [s.values for s in find_shares("those 35 to 44, led 51-40", allow_bare=True)] == [(35, 44), (51, 40)]


def test_a_unitless_figure_after_at_needs_other_figures_and_its_name_right_before():
    assert find_shares("the rally at 14 Main Street", allow_bare=True) == []
    assert find_shares("Moss at 14, and the polls close at 8", allow_bare=False) == []
    got = [(s.values, s.bare) for s in find_shares("Whitman at 36%, with Moss at 14.", allow_bare=True)]
    assert got == [((36,), False), ((14,), True)]


def test_dates_partial_without_year_and_ranges():
    iso = [d.iso for d in find_dates("An August 17 poll; released Aug. 22; back in December; "
                                     "done Oct. 14 and 15")]
    assert iso == ["--08-17", "--08-22", "--12", "--10-14/--10-15"]


def test_dates_take_the_year_from_the_text_or_an_earlier_publication_date():
    assert [d.iso for d in find_dates("on August 17, 2006")] == ["2006-08-17"]
    assert [d.iso for d in find_dates("released Aug. 22", published="2006-08-29")] == ["2006-08-22"]
    # After the publication date: the year is unsure, so it is left out.
    assert [d.iso for d in find_dates("released Dec. 2", published="2006-08-29")] == ["--12-02"]
    assert find_dates("voters may change their minds") == []


def test_sample_and_margin_of_error():
    size, universe, _ = parse_sample("The poll of 540 likely city voters, done for WQRS-TV")
    assert (size, universe) == (540, "likely voters")
    assert parse_sample("a survey of 1,204 registered voters")[:2] == (1204, "registered voters")
    assert parse_sample("no sample stated")[:2] == (None, None)
    assert parse_margin_of_error("The survey had a 5 percent margin of error.") == 5
    assert parse_margin_of_error("margin of error of plus or minus 3.5 percentage points") == 3.5
    assert parse_margin_of_error("no margin given") is None


def test_an_estimated_range_is_no_pair():
    assert find_shares("her crowd was about 60 to 70% of the hall") == []
    assert find_shares("turnout of roughly 30 to 35 percent") == []
    # a pair after a lead verb is still one
    assert [s.values for s in find_shares("Carter leads 45 to 40%")] == [(45, 40)]
