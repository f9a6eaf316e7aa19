"""Poll phrasings met in the probe4 tuning set, on invented sentences (one test per fix).

Names are invented; each text introduces its people by full name first, as news does.
"""
from __future__ import annotations

from helpers.polls import polls_in, rows, shares

RACE = "Senator Joe Carter faces challenger Ned Lawson in November. "


def test_whole_sample_phrase_does_not_run_into_the_next_name(poll_nlp):
    text = RACE + ("The Quinlan University survey found Carter with 46 percent support among likely "
                   "voters and Lawson with 43 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Quinlan University", None, (("Carter", 46), ("Lawson", 43)))]


def test_a_seasonal_older_survey_does_not_take_the_new_poll_s_figures(poll_nlp):
    text = RACE + ("Carter leads, according to a Quinlan University poll released Thursday, a reversal "
                   "from the university's summer survey.\n\nCarter had 44 percent support to Lawson's "
                   "40 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Quinlan University", None, (("Carter", 44), ("Lawson", 40)))]


def test_that_group_keeps_the_subgroup_of_the_sentence_before(poll_nlp):
    text = RACE + ("A new Quinlan University poll has the race close. Carter leads among Black voters "
                   "with 41 percent. Lawson is second with that group at 33 percent.")
    assert ("Quinlan University", "Black voters", (("Carter", 41), ("Lawson", 33))) in rows(polls_in(poll_nlp, text))


def test_on_the_west_side_is_a_subgroup_but_the_republican_side_is_not(poll_nlp):
    text = RACE + ("A new Quinlan University poll has the race close. Carter runs best on the west side, "
                   "where he has 39 percent to Lawson's 28 percent.")
    assert rows(polls_in(poll_nlp, text))[0][1] == "west side"
    text = RACE + ("On the Republican side, Carter led Lawson 31 percent to 24 percent in a Quinlan "
                   "University poll of likely Republican primary voters.")
    assert rows(polls_in(poll_nlp, text))[0][1] is None


def test_a_campaign_s_pollster_named_with_the_firm(poll_nlp):
    text = RACE + ("A memo from the Carter campaign's pollster, Greg Halvorsen of Northgate Research "
                   "Partners, says Carter leads Lawson 45 percent to 39 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Northgate Research Partners", None, (("Carter", 45), ("Lawson", 39)))]
    text = RACE + ("Carter leads Lawson 45 percent to 39 percent, said pollster Greg Halvorsen of "
                   "Northgate Research Partners.")
    assert polls_in(poll_nlp, text) == []  # a quoted pollster is no poll of his firm


def test_a_bare_list_after_a_named_figure_keeps_the_unit(poll_nlp):
    text = ("Former Mayor Celia Varga, Treasurer Ron Templeton and Sen. Irene Kowalczyk are running. "
            "A new Quinlan University poll shows a close race.\n\nVarga 22 percent, former state Treasurer "
            "Ron Templeton 18, state Sen. Irene Kowalczyk 11.")
    assert shares(polls_in(poll_nlp, text)) == {"Varga": 22, "Templeton": 18, "Kowalczyk": 11}
    text = ("Former Mayor Celia Varga is running. A new Quinlan University poll shows her at 22 percent, "
            "up in District 9, and 4 in Ward 12.")
    assert shares(polls_in(poll_nlp, text)) == {"Varga": 22}


def test_a_name_met_first_as_the_poll_s_is_the_sponsor_when_a_firm_did_it(poll_nlp):
    text = RACE + ("Carter leads, a new Susquehanna Ledger poll shows. The poll, conducted for the Ledger "
                   "by Allard Research Group, had Carter at 44 percent and Lawson at 40 percent.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls) == [("Allard Research Group", None, (("Carter", 44), ("Lawson", 40)))]


def test_parties_are_sides_in_westminster_style_polls_only(poll_nlp):
    text = ("Labour is on course to hold the seat in the by-election. The survey by Corvell Research puts "
            "Labour on 38 per cent, Reform UK on 27 per cent and the Greens on 6 per cent.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Corvell Research", None, (("Labour", 38), ("Reform UK", 27), ("Greens", 6)))]
    text = ("A Quinlan University poll shows Labour unions split: 38 percent of members back the "
            "Greens.")
    assert polls_in(poll_nlp, text) == []  # no Westminster wording: parties are no sides


def test_a_firm_at_work_names_the_poll_and_those_aged_is_a_subgroup(poll_nlp):
    text = ("Labour is on course to hold the seat in the by-election, a survey by Corvell Research "
            "finds.\n\nCorvell interviewed 651 adults in the constituency.\n\nThe figures are weighted.\n\n"
            "Labour's advantage is built on younger voters.\n\nIt was a wet spring.\n\n"
            "Among those aged 18 to 34, Labour has 49 per cent to Reform's 15 per cent.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Corvell Research", "those aged 18 to 34", (("Labour", 49), ("Reform", 15)))]


def test_names_with_bare_figures_in_a_poll_sentence(poll_nlp):
    text = RACE + ("A Fenwick University poll released Tuesday had Carter 48, Lawson 44.")
    assert rows(polls_in(poll_nlp, text)) == [("Fenwick University", None, (("Carter", 48), ("Lawson", 44)))]
    text = RACE + "Carter (R) 45, Lawson (D) 39 — Hollister Poll, 600 LV."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45, "Lawson": 39}
    text = RACE + "A Fenwick University poll of Districts 3, District 4 and Ward 12 had Carter ahead."
    assert polls_in(poll_nlp, text) == []


def test_an_appositive_after_the_poll_does_not_name_its_maker(poll_nlp):
    text = RACE + ("Carter leads Lawson 48-41 in a Cardinal Strategies poll for the Carter campaign, a "
                   "memo obtained by the Courier shows.")
    assert rows(polls_in(poll_nlp, text))[0][0] == "Cardinal Strategies"


def test_a_firm_polling_for_a_group_and_a_pro_candidate_label(poll_nlp):
    text = RACE + ("The Republican-aligned Tallis Group, polling for a pro-Lawson super PAC, had Lawson "
                   "up 47-43.")
    assert rows(polls_in(poll_nlp, text)) == [("Tallis Group", None, (("Lawson", 47), ("Joe Carter", 43)))]


def test_composition_figures_and_a_figure_after_the_poll_noun(poll_nlp):
    text = RACE + ("A new Quinlan University poll is out. Lawson has rebuilt support among Hispanic voters, "
                   "who make up about 30% of the electorate. He was backed by 52% of Hispanic respondents "
                   "in the poll, against 33% for Carter.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Quinlan University", "Hispanic respondents", (("Lawson", 52), ("Carter", 33)))]


def test_a_third_name_with_its_own_figure_is_not_the_pair_s_other_side(poll_nlp):
    text = RACE + ("Republican Jim Tasker is also running. A Quinlan University poll had shown Carter "
                   "ahead 44 percent to 41 percent, with Tasker at 5 percent.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 44, "Lawson": 41, "Tasker": 5}


def test_a_second_universe_is_a_subgroup_and_decided_voters_are_the_sample(poll_nlp):
    text = RACE + ("A new Quinlan University poll is out. Carter had 45% support among registered voters "
                   "and Lawson had 39%. Among likely voters, Carter's edge narrowed to 47% to 43%.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Quinlan University", None, (("Carter", 45), ("Lawson", 39))),
        ("Quinlan University", "likely voters", (("Carter", 47), ("Lawson", 43)))]
    text = RACE + "A Quinlan University poll found Carter at 37 per cent among decided voters, Lawson at 33 per cent."
    assert rows(polls_in(poll_nlp, text))[0][1] is None
