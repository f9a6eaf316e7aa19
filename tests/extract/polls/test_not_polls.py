"""Figures that are no poll result: election returns and delegate votes, approval and
favourability ratings, membership, turnout and money, shares of a candidate's supporters,
a matchup far from any poll, and a poll whose maker is never named.

One test per general fix, with the negative case the fix must leave alone where there is
one. Names are invented; each text introduces its people by full name first, as news does.
"""
from __future__ import annotations

from helpers.polls import INTRO, MAYORAL_POLL, MAYORAL_RACE, RACE, polls_in, rows, shares


# ---- election returns -----------------------------------------------------------------

def test_election_results_are_not_polls(poll_nlp):
    text = (RACE + "A Gallup poll had the race close. Carter was declared the winner with 61.4 "
            "percent of the vote to Lawson's 35.2 percent.")
    assert polls_in(poll_nlp, text) == []
    text = RACE + "In a poll, voters praised Lawson, who won 57 percent of the vote in the 2010 primary."
    assert polls_in(poll_nlp, text) == []


def test_delegate_votes_are_not_polls(poll_nlp):
    text = ("Dan McCoy and Nellie Gordon want the nomination. McCoy received 74 out of 148 votes from "
            "the delegates, giving him exactly 50% support. Seth Magnus, who leads in polling, "
            "comfortably won the party endorsement with 79% support from delegates.")
    assert polls_in(poll_nlp, text) == []


def test_election_returns_after_a_poll_are_not_poll_figures(poll_nlp):
    text = MAYORAL_RACE + MAYORAL_POLL + ("In March, Oduya led the field with 37 percent of the vote to "
                                          "Garvey's 29 percent. Pelt won the 2019 primary with 51 percent.")
    assert len(polls_in(poll_nlp, text)) == 1


def test_finished_first_with_a_share_of_the_vote_is_a_return(poll_nlp):
    text = RACE + ("A new Quinlan University poll shows Carter up 48-42. The survey found the race has "
                   "tightened since the first round, when Carter finished first with 38 percent of the vote "
                   "to Lawson's 31 percent.")
    got = rows(polls_in(poll_nlp, text))
    assert len(got) == 1 and shares(polls_in(poll_nlp, text)) == {"Carter": 48, "Lawson": 42}
    # a poll share with "of the vote" and no return cue is still read
    text = RACE + "A new Quinlan University poll gives Carter 48 percent of the vote to Lawson's 42 percent."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 48, "Lawson": 42}


# ---- figures that are no candidate's share --------------------------------------------

def test_approval_ratings_are_not_candidate_shares(poll_nlp):
    text = (RACE + "The Gallup survey also asked about the president. His approval rating among voters "
            "is 37% with 59% disapproving. Carter's approval rating is 45 percent in the poll.")
    assert polls_in(poll_nlp, text) == []


def test_favourability_figures_are_not_shares(poll_nlp):
    text = RACE + ("According to a Gallup poll, 40 percent of voters said they had a favorable view of "
                   "Carter, compared with 35 percent for Lawson.")
    assert polls_in(poll_nlp, text) == []


def test_membership_and_turnout_are_not_polls(poll_nlp):
    text = ("The union endorsed Joe Carter. A poll is planned. 2,140 ballots had been cast, or nearly "
            "61 percent of the roughly 3,500 members who were eligible to vote, Carter said.")
    assert polls_in(poll_nlp, text) == []


def test_no_figure_or_no_poll_word_stops_at_the_cheap_gate(poll_nlp):
    assert polls_in(poll_nlp, RACE + "The Gallup poll shows a close race.") == []
    assert polls_in(poll_nlp, RACE + "Carter has 45 percent of the money raised.") == []


def test_a_later_paragraph_about_supporters_is_not_a_new_result(poll_nlp):
    text = (RACE + "A Gallup poll showed Carter up 49 percent to 38 percent.\n\n"
            "Carter has to hang on to the 27 percent (or so) of Democrats who support him.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 49, "Lawson": 38}


def test_shares_of_a_candidates_supporters_are_no_results(poll_nlp):
    text = RACE + INTRO + ("Among voters backing Carter, 64 percent said taxes were their top issue, "
                           "compared with 52 percent of Lawson voters. Health care was named by 30 percent "
                           "of Carter supporters.")
    assert rows(polls_in(poll_nlp, text)) == [("Ridgeway College", None, (("Carter", 45), ("Lawson", 40)))]


def test_voters_backing_a_candidate_still_label_the_voters(poll_nlp):
    text = RACE + ("A new Quinlan University poll found 52 percent of voters backing Carter said "
                   "they were enthusiastic.")
    assert polls_in(poll_nlp, text) == []


# ---- no poll to give the figures to ---------------------------------------------------

def test_no_pollster_named_anywhere_gives_no_poll(poll_nlp):
    text = RACE + "A poll shows Carter at 45 percent and Lawson at 40 percent."
    assert polls_in(poll_nlp, text) == []


def test_a_matchup_far_from_any_poll_is_not_read(poll_nlp):
    filler = "The council met on Tuesday. It discussed parking. Residents spoke. The meeting ran late. "
    text = MAYORAL_RACE + MAYORAL_POLL + filler + "Garvey leads Oduya 48-41 in yard signs, his aides say."
    assert len(polls_in(poll_nlp, text)) == 1


def test_questions_that_are_not_a_vote_give_no_shares(poll_nlp):
    text = ("The federal election is near. In the Harbour Research poll, the Liberals have 38 per cent "
            "support. Asked about each party, 52 per cent of voters say they would consider voting Liberal, "
            "while 41 per cent would consider voting Conservative.")
    assert rows(polls_in(poll_nlp, text)) == [("Harbour Research", None, (("Liberals", 38),))]
    text = ("The federal election is near. In the Harbour Research poll, Labour is on 38 per cent. Some 44 "
            "per cent believe Ann Marsh has the qualities of a good leader, and 31 per cent think Tom Vale "
            "is doing a good job.")
    assert rows(polls_in(poll_nlp, text)) == [("Harbour Research", None, (("Labour", 38),))]


def test_a_view_of_a_record_after_a_comma_is_no_matchup(poll_nlp):
    text = RACE + ("In the Ridgeway College poll, Carter leads Lawson 48 percent to 41 percent. Voters "
                   "disapprove of Carter's handling of the budget, 58 percent to 33 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Ridgeway College", None, (("Carter", 48), ("Lawson", 41)))]


def test_a_lead_in_percent_is_a_margin(poll_nlp):
    text = RACE + "The Ridgeway College poll suggests Carter has built up a 9 per cent lead over Lawson."
    assert polls_in(poll_nlp, text) == []
    text = RACE + ("The Ridgeway College poll found Carter with a nearly 12 percent point lead over Lawson, "
                   "47 percent to 35 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Ridgeway College", None, (("Carter", 47), ("Lawson", 35)))]


def test_who_voters_would_consider_is_no_share(poll_nlp):
    text = RACE + INTRO + ("One in three (33%) would consider voting for Lawson, while 25 per cent would "
                           "consider voting for Carter.")
    assert {r.share for p in polls_in(poll_nlp, text) for r in p.results} == {45, 40}
    text = RACE + INTRO + "One in three (33%) would vote for Lawson."
    assert 33 in {r.share for p in polls_in(poll_nlp, text) for r in p.results}


def test_a_question_other_than_the_vote_turns_the_rest_of_the_sentence_to_it(poll_nlp):
    text = RACE + ("A Gallup poll found that 47 percent of voters say Carter does a bad job as senator, against "
                   "33 percent who rate his work well.")
    assert polls_in(poll_nlp, text) == []
    text = RACE + ("In a Gallup poll, 36 percent say Carter has the qualities of a good senator, while "
                   "31 percent believe the same about Lawson.")
    assert polls_in(poll_nlp, text) == []
    # a vote question before it is still read
    text = RACE + "A Gallup poll has Carter at 48 percent and Lawson at 41 percent."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 48, "Lawson": 41}


def test_a_view_question_before_a_figure_or_after_its_bracket_is_no_vote(poll_nlp):
    text = RACE + ("In a Gallup poll, two in five (41%) say Carter has the qualities of a good senator, while "
                   "33 percent believe the same about Lawson.")
    assert polls_in(poll_nlp, text) == []


def test_sentences_running_on_from_a_views_figures_are_views_too(poll_nlp):
    text = RACE + ("In a Gallup poll, Carter was rated the most favourable (54%). In this measure, Lawson would "
                   "come in second place (45%).")
    assert polls_in(poll_nlp, text) == []
    # a matchup after it says who leads, and is read
    text = RACE + "In a Gallup poll, Carter's approval rating is 54%. Carter leads Lawson 45% to 40%."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45, "Lawson": 40}
