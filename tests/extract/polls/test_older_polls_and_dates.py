"""Older polls and dates: a pollster's earlier poll is its own poll with its own date, a
dated reference to the poll just reported is that poll, a span of days is the field
period, and a poll still to come has no release date.

One test per general fix, with the negative case the fix must leave alone where there is
one. Names are invented; each text introduces its people by full name first, as news does.
"""
from __future__ import annotations

from helpers.polls import INTRO, RACE, polls_in, rows


def test_the_pollsters_older_poll_is_its_own_poll_and_the_poll_is_the_new_one(poll_nlp):
    text = (RACE + "Carter leads Lawson 46 percent to 43 percent, according to a new Ridgeway College "
            "poll released Sept. 15. The result reverses the college's March poll, in which Lawson led 44 percent to "
            "41 percent.\n\n\"It moved fast,\" said Ada Bell, director of the poll.\n\n"
            "The gender gap is wide. Carter leads 52 percent to 38 percent among women.")
    polls = polls_in(poll_nlp, text, published="2026-09-17")
    assert rows(polls) == [
        ("Ridgeway College", None, (("Carter", 46), ("Lawson", 43))),
        ("Ridgeway College", None, (("Lawson", 44), ("Carter", 41))),
        ("Ridgeway College", "women", (("Carter", 52), ("Lawson", 38))),
    ]
    assert polls[1].released == "2026-03" and polls[2].released == "2026-09-15"


def test_its_previous_survey_is_an_older_poll_of_the_same_pollster(poll_nlp):
    text = RACE + INTRO + "Its previous survey had Lawson up 44 percent to 41 percent."
    assert rows(polls_in(poll_nlp, text))[1] == \
        ("Ridgeway College", None, (("Lawson", 44), ("Carter", 41)))


def test_a_seasonal_older_survey_does_not_take_the_new_poll_s_figures(poll_nlp):
    text = RACE + ("Carter leads, according to a Quinlan University poll released Thursday, a reversal "
                   "from the university's summer survey.\n\nCarter had 44 percent support to Lawson's "
                   "40 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Quinlan University", None, (("Carter", 44), ("Lawson", 40)))]


def test_a_dated_reference_to_an_undated_poll_is_the_same_poll(poll_nlp):
    text = (RACE + "Carter leads Lawson 46 percent to 43 percent, according to a new Ridgeway College "
            "poll. The March poll also found Carter ahead 50 percent to 35 percent among women.")
    polls = polls_in(poll_nlp, text)
    assert [p.pollster for p in polls] == ["Ridgeway College"] * 2
    assert len({p.released for p in polls}) == 1  # one poll: its facts are shared


def test_a_span_of_days_is_the_field_period_and_the_next_poll_no_release(poll_nlp):
    text = (RACE + INTRO + "The poll surveyed 700 likely voters by phone from Sept. 8 to 14. "
            "The next Ridgeway College poll will be released in October.")
    [poll] = polls_in(poll_nlp, text)
    assert poll.field_dates == "--09-08/--09-14"
    assert poll.released is None


def test_a_dated_poll_without_a_name_is_an_older_poll_of_the_pollster_named_before(poll_nlp):
    text = RACE + INTRO + ("A September poll showed Lawson leading Carter 44 percent to 41 percent.\n\n"
                           "\"The race is close,\" poll director Ada Bell said.\n\n"
                           "The poll shows Lawson with 47 percent, compared to Carter with 43 percent.")
    assert rows(polls_in(poll_nlp, text))[1:] == [
        ("Ridgeway College", None, (("Lawson", 44), ("Carter", 41))),
        ("Ridgeway College", None, (("Lawson", 47), ("Carter", 43)))]
    # With no poll named before, a dated poll still waits for a name given soon after it.
    text = RACE + "A September poll showed Lawson leading Carter 44 percent to 41 percent, Acme Research found."
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Acme Research"]
