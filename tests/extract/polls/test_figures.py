"""How a poll's figures become candidate shares: pairs ("up 49 percent to 38 percent",
"leads 52-44", "trails"), lists and tables, single shares ("at 25%", "with 44 pct."),
figure-first clauses ("44 percent said they would vote for"), figures in words, and the
evidence each result keeps. The character-level scan itself is pinned in
test_numbers_and_dates.py.

One test per general fix, with the negative case the fix must leave alone where there is
one. Names are invented; each text introduces its people by full name first, as news does.
"""
from __future__ import annotations

from helpers.polls import MAYORAL_POLL, MAYORAL_RACE, RACE, polls_in, rows, shares


# ---- pairs ----------------------------------------------------------------------------

def test_up_and_losing_to_with_implied_opponent_and_subgroup(poll_nlp):
    text = RACE + ("An August 17 Quinlan University poll showed Carter up 51 percent to 37 percent "
                   "overall, and losing to Lawson 58 percent to 34 percent among Democrats.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls) == [
        ("Quinlan University", None, (("Carter", 51), ("Lawson", 37))),
        ("Quinlan University", "Democrats", (("Lawson", 58), ("Carter", 34))),
    ]
    assert {p.released for p in polls} == {"--08-17"}
    assert [p.rule.id for p in polls] == ["poll.frame.pair", "poll.frame.pair"]


def test_led_then_parenthesis_then_trailing_with_no_name(poll_nlp):
    text = RACE + ("Republican Alan Brewer is also running. In an American Survey Group poll released "
                   "Aug. 22, Carter led Lawson 46 percent to 41 percent among all the voters questioned "
                   "(Republican candidate Alan Brewer took four percent), while trailing 62 percent "
                   "to 31 percent among Democrats.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls) == [
        ("American Survey Group", None, (("Carter", 46), ("Lawson", 41), ("Alan Brewer", 4))),
        ("American Survey Group", "Democrats", (("Lawson", 62), ("Carter", 31))),
    ]
    assert polls[0].released == "--08-22"


def test_trails_gives_the_larger_figure_to_the_other_side(poll_nlp):
    text = RACE + "In the new Suffolk University poll, Lawson trails Carter 40 percent to 48 percent."
    assert shares(polls_in(poll_nlp, text)) == {"Lawson": 40, "Carter": 48}


def test_unitless_pair_pct_and_per_cent(poll_nlp):
    text = RACE + "Carter leads Lawson 52-44 in the latest Monmouth University poll."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 52, "Lawson": 44}
    text = RACE + "A Gallup survey found Carter with 44 pct. and Lawson with 41 per cent."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 44, "Lawson": 41}


def test_two_matchups_are_two_items(poll_nlp):
    text = ("Joe Carter, Ned Lawson and Bob Brody are running. In the Marist poll, Carter leads Brody "
            "45 percent to 40 percent, while Lawson leads Brody 47 percent to 39 percent.")
    assert [r[2] for r in rows(polls_in(poll_nlp, text))] == [
        (("Carter", 45), ("Brody", 40)), (("Lawson", 47), ("Brody", 39))]


def test_a_unitless_matchup_in_the_next_sentence_is_the_same_poll(poll_nlp):
    text = MAYORAL_RACE + MAYORAL_POLL + "In a head-to-head matchup, Garvey leads Oduya 48-41."
    assert rows(polls_in(poll_nlp, text))[1] == ("Acme Research", None, (("Garvey", 48), ("Oduya", 41)))


def test_names_with_bare_figures_in_a_poll_sentence(poll_nlp):
    text = RACE + ("A Fenwick University poll released Tuesday had Carter 48, Lawson 44.")
    assert rows(polls_in(poll_nlp, text)) == [("Fenwick University", None, (("Carter", 48), ("Lawson", 44)))]
    text = RACE + "Carter (R) 45, Lawson (D) 39 — Hollister Poll, 600 LV."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45, "Lawson": 39}
    text = RACE + "A Fenwick University poll of Districts 3, District 4 and Ward 12 had Carter ahead."
    assert polls_in(poll_nlp, text) == []


def test_a_small_first_number_with_one_digit_is_no_bare_pair(poll_nlp):
    text = RACE + "A new Quinlan University poll has Carter ahead. Democrats back Lawson 12-6 on the issue."
    assert rows(polls_in(poll_nlp, text)) == []


# ---- lists and single shares ----------------------------------------------------------

def test_leading_tied_apiece_and_a_continuing_sentence(poll_nlp):
    text = ("Walt Pryor, Ed Munson, Carla Ruiz, Ben Oakes and Jay Brandt are running. Back in "
            "January, according to the Evening Ledger, Pryor was leading the field in a poll conducted "
            "by Westmark with 28 percent of the vote, and Munson was tied for second with Sen. Carla "
            "Ruiz at 15 percent apiece. Dr. Ben Oakes was at 13 percent, and former Gov. Jay Brandt "
            "was at five percent.")
    polls = polls_in(poll_nlp, text)
    assert [p.pollster for p in polls] == ["Westmark"]
    assert shares(polls) == {"Pryor": 28, "Munson": 15, "Ruiz": 15, "Oakes": 13, "Brandt": 5}
    assert polls[0].released == "--01"


def test_at_figures_skip_the_undecided(poll_nlp):
    text = ("Dan McCoy and Nellie Gordon want the nomination. Last month's 7 News/Edith Lowe "
            "University poll showed McCoy and Gordon in a close race, with McCoy at 27% and Gordon "
            "at 22%, but 39% of voters undecided.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("7 News/Edith Lowe University", None, (("McCoy", 27), ("Gordon", 22)))]


def test_tied_with_each_earning_and_undecided(poll_nlp):
    text = ("Paul Vance and Brandon Johnston meet in the runoff. Polling by Northfield University shows "
            "Vance and Johnston are tied with each candidate earning 43% of the overall vote with 14% "
            "undecided.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Northfield University", None, (("Vance", 43), ("Johnston", 43)))]


def test_a_table_flattened_into_lines(poll_nlp):
    text = RACE + "The latest Gallup poll:\nJoe Carter 45%\nNed Lawson 40%\nUndecided 15%"
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45, "Lawson": 40}


def test_compared_with_a_figure_for_someone(poll_nlp):
    text = RACE + "According to a new Siena College poll, Carter has 45 percent support, compared with 38 percent for Lawson."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45, "Lawson": 38}


def test_the_rest_undecided_leaves_the_last_figure_its_candidate(poll_nlp):
    text = (RACE + "Green Party candidate Ida Moss is running too. A Ridgeway College poll found Carter "
            "leading Lawson 46% to 45%, with Green Party candidate Ida Moss at 3% and the rest undecided.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 46, "Lawson": 45, "Moss": 3}


def test_a_bare_list_after_a_named_figure_keeps_the_unit(poll_nlp):
    text = ("Former Mayor Celia Varga, Treasurer Ron Templeton and Sen. Irene Kowalczyk are running. "
            "A new Quinlan University poll shows a close race.\n\nVarga 22 percent, former state Treasurer "
            "Ron Templeton 18, state Sen. Irene Kowalczyk 11.")
    assert shares(polls_in(poll_nlp, text)) == {"Varga": 22, "Templeton": 18, "Kowalczyk": 11}
    text = ("Former Mayor Celia Varga is running. A new Quinlan University poll shows her at 22 percent, "
            "up in District 9, and 4 in Ward 12.")
    assert shares(polls_in(poll_nlp, text)) == {"Varga": 22}


def test_ranking_a_candidate_first_is_a_share(poll_nlp):
    text = ("Vic Tarrant and Rena Whitby are running. The survey, conducted by Bayview Research, "
            "found 36% of likely voters ranking Tarrant as their first choice and 33% picking Whitby.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Bayview Research", None, (("Tarrant", 36), ("Whitby", 33)))]


# ---- figure-first clauses -------------------------------------------------------------

def test_share_first_figures_with_pollster_sponsor_sample_and_margin(poll_nlp):
    text = ("Mayor Lena Brisk faces Omar Tully and Greta Pine.\n\n"
            "The poll of 540 likely city voters, done for WQRS-TV (Channel 9) by Halvorsen Polling and "
            "Research on Monday, shows Brisk ahead of Tully by 2 percentage points.\n\n"
            "The survey found 41 percent of the people interviewed said they would vote for Brisk, "
            "39 percent said they would vote for Tully and 7 percent would vote for Green Party "
            "candidate Greta Pine.\n\nThe survey had a 5 percent margin of error.")
    [poll] = polls_in(poll_nlp, text)
    assert (poll.pollster, poll.sponsor) == ("Halvorsen Polling and Research", "WQRS-TV")
    assert shares([poll]) == {"Brisk": 41, "Tully": 39, "Pine": 7}
    assert (poll.sample_size, poll.sample_universe, poll.margin_of_error) == (540, "likely voters", 5)
    assert poll.rule.id == "poll.frame.share_first"


def test_figure_first_clauses_with_a_verb_the_tagger_misses(poll_nlp):
    text = ("Democrat Rosa Vidal and Republican Bert Hallam are tied. Forty-four percent of likely "
            "voters back Vidal and 42 percent back Hallam in the survey by Acme Research, with 11 "
            "percent undecided.")
    assert rows(polls_in(poll_nlp, text)) == [("Acme Research", None, (("Vidal", 44), ("Hallam", 42)))]


# ---- each figure once, with its evidence ----------------------------------------------

def test_a_figure_opening_a_clause_of_preference_goes_to_the_name_after_it(poll_nlp):
    text = RACE + ("In the Acme Research poll, asked about Lawson taking over, 63% of voters said they "
                   "would prefer Carter to stay.")
    assert rows(polls_in(poll_nlp, text)) == [("Acme Research", None, (("Carter", 63),))]
    # A name that governs the figure keeps it: "Carter, at 45%, leads".
    text = RACE + "In the Acme Research poll, Carter has 45% while 40% said they would back Lawson."
    assert rows(polls_in(poll_nlp, text)) == [("Acme Research", None, (("Carter", 45), ("Lawson", 40)))]


def test_a_figure_repeated_in_a_headline_is_kept_once(poll_nlp):
    text = ("Poll finds race tied\n\nResults - 44% Carter, 43% Lawson - are a dead heat.\n\n"
            + RACE + "\n\nThe poll of 600 voters by Acme Research found Carter at 44 percent and "
            "Lawson at 43 percent.")
    polls = polls_in(poll_nlp, text)
    assert sorted((r.candidate.split()[-1], r.share) for p in polls for r in p.results) == [
        ("Carter", 44), ("Lawson", 43)]
    assert {p.pollster for p in polls} == {"Acme Research"}


def test_evidence_offsets_point_into_the_text(poll_nlp):
    text = RACE + "A Gallup poll found Carter leading Lawson 48 percent to 41 percent among likely voters."
    [poll] = polls_in(poll_nlp, text)
    ev = poll.evidence
    assert text[ev.start:ev.end] == ev.text and "48 percent to 41 percent" in ev.text
    assert poll.population is None and poll.sample_universe == "likely voters"


def test_a_matchup_list_after_a_lead_verb_keeps_the_subject(poll_nlp):
    text = ("Senator Joe Carter, Ned Lawson, Ann Roe and Mike Duval are running. The Acme poll was "
            "released Monday. Carter ties Lawson 43 - 43 percent and beats former Nevada Gov. Ann Roe "
            "45 - 37 percent and Duval 46 - 36 percent.")
    got = [tuple((r.candidate.split()[-1], r.share) for r in p.results) for p in polls_in(poll_nlp, text)]
    assert got == [(("Carter", 43), ("Lawson", 43)), (("Carter", 45), ("Roe", 37)), (("Carter", 46), ("Duval", 36))]


def test_a_matchup_sentence_without_a_verb_of_leading_follows_the_poll(poll_nlp):
    text = (RACE + "Ann Roe is also running.\n\nThe Acme poll was released Monday. Carter leads Lawson "
            "45 - 40 percent.\n\nRoe gets 43 percent to Lawson's 42 percent.")
    got = {(p.pollster, r.candidate, r.share) for p in polls_in(poll_nlp, text) for r in p.results}
    assert {("Acme", "Roe", 43), ("Acme", "Lawson", 42)} <= got


def test_the_current_survey_refers_to_the_poll_reported(poll_nlp):
    text = (RACE + "Ann Roe is also running. The Acme poll was released Monday. In other matchups in "
            "the current survey:\n  • Carter leads Roe 46 - 41 percent;")
    assert rows(polls_in(poll_nlp, text)) == [("Acme", None, (("Carter", 46), ("Roe", 41)))]


def test_a_lead_owned_by_a_name_after_the_figures_and_a_cue_after_both_names(poll_nlp):
    text = (RACE + "The Acme poll was released Monday. Carter ties Lawson 44 - 44 percent, erasing "
            "a 47 - 41 percent Lawson lead in August.")
    assert rows(polls_in(poll_nlp, text))[-1][2] == (("Lawson", 47), ("Carter", 41))
    text = (RACE + "The Acme poll was released Monday. Carter's lead reverses a 46 - 43 percent Lawson "
            "lead in June, but Carter was up 49 - 40 percent in May.")
    got = [r for p in polls_in(poll_nlp, text) for r in p.results]
    assert [(r.candidate, r.share) for r in got][-2:] == [("Carter", 49), ("Lawson", 40)]


def test_bulleted_lines_after_the_poll_are_its_figures(poll_nlp):
    text = ("A new poll by Acme Research shows the Liberals with a lead in the race.\n"
            "Respondents were asked which party they would support if voting took place this week.\n"
            "- Figures published on Oct. 5:\n"
            "- The Liberals stand at 35.6 per cent across the country\n"
            "- The Conservatives stand at 31.0 per cent\n"
            "- The NDP is at 22.8 per cent support")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Acme Research", None, (("Liberals", 35.6), ("Conservatives", 31), ("NDP", 22.8)))]



# ---- who is the other side of a pair ---------------------------------------------------

def test_a_list_of_objects_with_descriptions_keeps_the_subject(poll_nlp):
    text = ("Governor Mia Dorsey, Senator Paul Fenwick and Mayor Lou Brandt are in the race. "
            "In the Harbor State poll, Dorsey leads former state Sen. Paul Fenwick 47 - 40 percent "
            "and former Gov. Lou Brandt 50 - 36 percent.")
    assert [r[2] for r in rows(polls_in(poll_nlp, text))] == [
        (("Dorsey", 47), ("Paul Fenwick", 40)), (("Dorsey", 50), ("Lou Brandt", 36))]


def test_ahead_of_and_behind_make_the_name_the_other_side(poll_nlp):
    text = RACE + "A Ridgeway College poll found the senator ahead of Lawson by 8 points, 51% to 43%."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 51, "Lawson": 43}
    text = RACE + "A Ridgeway College poll found the challenger behind Carter, 39 percent to 47 percent."
    assert shares(polls_in(poll_nlp, text)) == {"Lawson": 39, "Carter": 47}


def test_a_pronoun_subject_has_the_edge_over_the_name(poll_nlp):
    text = ("Senator Joe Carter faces challengers Ned Lawson and Amy Brook. A Ridgeway College poll "
            "was released Monday. Carter does well in it. He holds a four-point edge over Lawson "
            "(48% to 44%) and a seven-point edge over Brook (51% to 44%).")
    assert [r[2] for r in rows(polls_in(poll_nlp, text))] == [
        (("Carter", 48), ("Lawson", 44)), (("Carter", 51), ("Brook", 44))]


def test_closing_to_within_makes_the_subject_the_trailing_side(poll_nlp):
    text = RACE + ("In the latest Ridgeway College poll, Lawson has closed to within 15 percentage points, "
                   "55 percent to 40 percent.")
    assert shares(polls_in(poll_nlp, text)) == {"Lawson": 40, "Carter": 55}


# ---- changes, trends and "respectively" ------------------------------------------------

PARTY_RACE = "The federal election is near. "


def test_a_change_then_the_value_it_came_to_is_one_share(poll_nlp):
    text = PARTY_RACE + ("In the latest Harbour Research poll, Labor holds firm at 33.5%, while the "
                         "Coalition has slipped down 1.5% to 40.5% and the Greens went up by three to 12.5%.")
    assert shares(polls_in(poll_nlp, text)) == {"Labor": 33.5, "Coalition": 40.5, "Greens": 12.5}


def test_a_trend_from_one_figure_to_another_is_one_side_now(poll_nlp):
    text = PARTY_RACE + ("In the latest Harbour Research poll, the Coalition climbed from 34 to 35 per cent, "
                         "while One Nation dropped from 12 per cent to 8.")
    assert shares(polls_in(poll_nlp, text)) == {"Coalition": 35, "Nation": 8}


def test_figures_with_their_units_respectively(poll_nlp):
    text = PARTY_RACE + ("The latest Harbour Research poll has Labor on 35%. The Greens and One Nation "
                         "held where they were, on 8% and 5% respectively.")
    assert shares(polls_in(poll_nlp, text)) == {"Labor": 35, "Greens": 8, "Nation": 5}


def test_a_tracking_poll_is_a_poll_and_tracking_as_a_verb_is_not(poll_nlp):
    text = PARTY_RACE + ("The latest nightly tracking by Harbour Research shows the Liberals ahead. Out "
                         "west the Liberals are tracking at 36.2 per cent, and the NDP sits at 29.0 per cent.")
    assert rows(polls_in(poll_nlp, text)) == [("Harbour Research", None, (("Liberals", 36.2), ("NDP", 29)))]


def test_against_a_described_name_makes_it_the_other_side(poll_nlp):
    text = ("Senator Joe Carter faces challengers Ned Lawson and Amy Brook. In the Ridgeway College poll, "
            "Carter runs strongly against the lesser-known Lawson (53% to 40%) and Brook (54% to 38%).")
    assert [r[2] for r in rows(polls_in(poll_nlp, text))] == [
        (("Carter", 53), ("Lawson", 40)), (("Carter", 54), ("Brook", 38))]


# ---- tables flattened into lines -------------------------------------------------------

THREE_WAY = "Senator Joe Carter faces challengers Ned Lawson and Amy Brook in the primary. "


def test_rows_of_a_name_and_a_figure_are_the_polls_figures(poll_nlp):
    text = THREE_WAY + ("A Ridgeway College poll released Monday shows Carter ahead.\n\nAmong likely primary "
                        "voters\n\nCarter 41%\n\nLawson 30\n\nBrook 12\n\nUndecided 17\n")
    assert rows(polls_in(poll_nlp, text)) == [("Ridgeway College", None, (("Carter", 41), ("Lawson", 30),
                                                                         ("Brook", 12)))]


def test_rows_with_cell_bars_and_bullets(poll_nlp):
    text = THREE_WAY + "The Ridgeway College poll has these figures:\nCarter | 44% |\nLawson | 38 |\nBrook | 9 |\n"
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 44, "Lawson": 38, "Brook": 9}
    text = THREE_WAY + "The Ridgeway College poll first choices were:\n- Carter 44%\n- Lawson-Hart 38%\n- Brook 9%\n"
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 44, "Lawson-Hart": 38, "Brook": 9}


def test_rows_with_an_earlier_figure_in_brackets_keep_the_current_one(poll_nlp):
    text = THREE_WAY + ("A Ridgeway College poll came out on Monday.\nCarter – 35 percent (39)\n"
                        "Lawson – 27 percent (22)\nBrook – 8 percent (10)\nUndecided – 30 percent (29)\n")
    assert rows(polls_in(poll_nlp, text)) == [("Ridgeway College", None, (("Carter", 35), ("Lawson", 27),
                                                                         ("Brook", 8)))]


def test_a_rows_first_line_naming_a_subgroup_gives_the_run_its_population(poll_nlp):
    text = THREE_WAY + ("The Ridgeway College poll split out the answers of young voters.\n"
                        "Carter – 29 percent with young voters (36 percent overall)\n"
                        "Lawson – 33 percent (25)\nBrook – 11 percent (9)\n")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Ridgeway College", "young voters", (("Carter", 29), ("Lawson", 33), ("Brook", 11))),
        # The bracket the first row calls the whole sample is that sample's column (population null).
        ("Ridgeway College", None, (("Carter", 36), ("Lawson", 25), ("Brook", 9)))]


def test_a_table_s_later_cell_column_is_a_poll_of_its_own(poll_nlp):
    text = THREE_WAY + ("The Ridgeway College poll has these figures:\nRidgeway | May 20 | May 6 |\n---|---|---|\n"
                        "CARTER | 44% | 41% |\nLAWSON | 38% | 40% |\nBROOK | 9% | 12% |\n")
    assert [r[2] for r in rows(polls_in(poll_nlp, text))] == [
        (("CARTER", 44), ("LAWSON", 38), ("BROOK", 9)), (("CARTER", 41), ("LAWSON", 40), ("BROOK", 12))]


def test_a_table_whose_every_cell_is_a_line_gives_one_poll_per_column(poll_nlp):
    text = THREE_WAY + ("The Ridgeway College poll, with a margin of error of 4 percent, found Carter ahead.\n\nRidgeway College Polls\n\nCurrent Poll\n\n"
                        "Prior Poll\n\n%\n\n%\n\nCarter\n\n44\n\n41\n\nLawson\n\n38\n\n40\n\nBrook\n\n9\n\n9\n")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Ridgeway College", None, (("Carter", 44), ("Lawson", 38), ("Brook", 9))),
        ("Ridgeway College", None, (("Carter", 41), ("Lawson", 40), ("Brook", 9)))]
    # Name and number lines without a unit line or poll word above them are no table.
    text = THREE_WAY + "The debate, with a margin of error of 4 percent, went on.\n\nScores\n\nRound\n\nCarter\n\n4\n\n1\n\nLawson\n\n3\n\n2\n\nBrook\n\n2\n\n2\n"
    assert polls_in(poll_nlp, text) == []


def test_rows_of_bare_numbers_alone_are_no_table(poll_nlp):
    text = THREE_WAY + ("A Ridgeway College poll came out on Monday. The debates:\n\nOctober 12\n\nNovember 3\n\n"
                        "Ward 7\n\nPrecinct 9\n")
    assert polls_in(poll_nlp, text) == []


def test_slash_and_dash_to_dash_pairs(poll_nlp):
    text = ("Senator Joe Carter faces challengers Ned Lawson and Amy Brook. In the Ridgeway College poll, "
            "Carter routed Lawson by a 54-to-31 percent margin, and Brook trails Carter 42/36 for now.")
    assert [r[2] for r in rows(polls_in(poll_nlp, text))] == [
        (("Carter", 54), ("Lawson", 31)), (("Carter", 42), ("Brook", 36))]


def test_slashed_dates_are_no_pairs(poll_nlp):
    text = RACE + "The Ridgeway College poll was in the field from 10/28 to 11/30 with Carter ahead."
    assert polls_in(poll_nlp, text) == []


def test_support_from_a_share_of_voters_is_the_sides_share(poll_nlp):
    text = THREE_WAY + ("In the Ridgeway College poll, Carter had support from 27 percent of likely voters. "
                        "Lawson drew support from 15 percent, and Brook had 11 percent.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 27, "Lawson": 15, "Brook": 11}
    text = RACE + "The Ridgeway College poll has Carter at 44 percent, up from 39 percent in March."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 44}


def test_a_place_in_the_order_in_the_next_paragraph_reports_the_poll(poll_nlp):
    text = THREE_WAY + ("A Ridgeway College poll, released Friday, said 55 percent of likely voters back Carter.\n\n"
                        "Lawson was next at 18 percent.\n\nBrook and a write-in hopeful were both at 3 percent.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 55, "Lawson": 18, "Brook": 3}


def test_behind_a_name_and_tenths_in_words_are_shares(poll_nlp):
    text = THREE_WAY + ("In the Ridgeway College poll, 43 percent of voters back Carter, 28 percent are firmly "
                        "behind Lawson and 11 percent are behind Brook.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 43, "Lawson": 28, "Brook": 11}
    text = THREE_WAY + ("In the Ridgeway College poll, 52 percent of likely voters say they back Carter, with "
                        "four in ten supporting Lawson.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 52, "Lawson": 40}


def test_a_figure_met_again_in_another_matchup_is_kept(poll_nlp):
    # One poll, several questions: Carter's 46 against Lawson and, in its own matchup, against Roe.
    text = (RACE + "Ann Roe is also running. The Acme poll was released Monday. Carter leads Lawson "
            "46 - 41 percent.\n\nIn another matchup, Carter leads Roe 46 - 38 percent.")
    got = [tuple((r.candidate.split()[-1], r.share) for r in p.results) for p in polls_in(poll_nlp, text)]
    assert got == [(("Carter", 46), ("Lawson", 41)), (("Carter", 46), ("Roe", 38))]


def test_a_figure_repeated_with_the_same_opponent_is_kept_once(poll_nlp):
    text = (RACE + "The Acme poll was released Monday. Carter leads Lawson 46 - 41 percent.\n\n"
            "Again, Carter leads Lawson 46 percent to 41 percent in the Acme poll.")
    got = [(r.candidate.split()[-1], r.share) for p in polls_in(poll_nlp, text) for r in p.results]
    assert got == [("Carter", 46), ("Lawson", 41)]


def test_a_later_matchup_told_in_the_present_with_of_the_vote_is_the_polls(poll_nlp):
    text = (RACE + "Ann Roe is also running. The Acme poll was released Monday. Carter leads Lawson "
            "45 - 40 percent.\n\nIn a matchup with Ann Roe, Carter gets 44 percent of the vote, compared "
            "to 41 percent for Roe.")
    got = {(p.pollster, r.candidate.split()[-1], r.share) for p in polls_in(poll_nlp, text) for r in p.results}
    assert {("Acme", "Carter", 44), ("Acme", "Roe", 41)} <= got
    # told in the past, the same shape is a return and is left out
    text = (RACE + "Ann Roe is also running. The Acme poll was released Monday. Carter leads Lawson "
            "45 - 40 percent.\n\nIn the 2018 primary, Carter took 44 percent of the vote, compared "
            "to 41 percent for Roe.")
    assert {r.share for p in polls_in(poll_nlp, text) for r in p.results} == {45, 40}


def test_a_relative_clause_after_a_name_does_not_hide_its_figure(poll_nlp):
    text = RACE + ("A Ridgeway College poll found Carter at 45 percent. Lawson, who is expected to announce a "
                   "new platform soon, received 38 percent.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45, "Lawson": 38}


def test_a_figure_followed_by_who_wanted_a_name_is_that_names_share(poll_nlp):
    text = RACE + ("A Ridgeway College poll found 51 percent of voters wanted Carter to win the seat, compared "
                   "to 37 percent who said they wanted Lawson to take it.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 51, "Lawson": 37}


def test_a_bare_figure_in_words_after_on_takes_the_sentences_unit(poll_nlp):
    text = ("Senator Joe Carter faces challenger Ned Lawson and Mayor Ann Fry in November. A Ridgeway College "
            "poll put Carter on 34 per cent, Lawson on 32 and Fry on nine.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 34, "Lawson": 32, "Fry": 9}


def test_bare_list_rows_under_a_header_that_names_the_unit_are_shares(poll_nlp):
    text = ("Senator Joe Carter faces challenger Ned Lawson. A Ridgeway College poll was released on Monday. "
            "The college gave the results in percent:\n\n[bullet]Lawson, 36\n\n[bullet]Undecided, 30\n\n"
            "[bullet]Carter, 34\n\nThe poll was taken last week.")
    assert shares(polls_in(poll_nlp, text)) == {"Lawson": 36, "Carter": 34}
