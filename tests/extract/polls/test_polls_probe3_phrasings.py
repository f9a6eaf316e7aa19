"""find_polls on phrasings first met in the probe3 set, rewritten with invented names.

One test per general fix, with the negative case that the fix must leave alone.
"""
from __future__ import annotations

from helpers.polls import polls_in, rows, shares

RACE = "Senator Joe Carter faces challenger Ned Lawson in November. "


def test_description_before_the_pollster_name_is_skipped(poll_nlp):
    for desc in ("the Denver-based firm", "the Republican firm", "the Denver-based"):
        text = RACE + f"A poll conducted by {desc} Pinecrest Analytics showed Carter up 49 percent to 38 percent."
        assert rows(polls_in(poll_nlp, text)) == [
            ("Pinecrest Analytics", None, (("Carter", 49), ("Ned Lawson", 38)))], desc
    text = RACE + "A survey by Democratic pollster Hal Voss had Lawson ahead 47% to 44%."
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Hal Voss"]


def test_plain_pollster_and_sponsor_runs_are_unchanged(poll_nlp):
    text = RACE + ("A poll done for the Carter campaign by Pinecrest Analytics showed Carter up "
                   "49 percent to 38 percent.")
    polls = polls_in(poll_nlp, text)
    assert [(p.pollster, p.sponsor) for p in polls] == [("Pinecrest Analytics", "Carter campaign")]


def test_cue_word_inside_a_pollster_name_is_no_cue(poll_nlp):
    text = RACE + "A September survey by Northfield Opinion Research had Carter up 46% to 42%."
    assert rows(polls_in(poll_nlp, text)) == [
        ("Northfield Opinion Research", None, (("Carter", 46), ("Ned Lawson", 42)))]
    # The same word as a plain noun still marks an attitude question, not a vote share.
    text = RACE + "In a Northfield Research poll, Carter's favorable opinion rating stood at 46%."
    assert polls_in(poll_nlp, text) == []


def test_possessive_full_name_gives_the_surname(poll_nlp):
    text = ("Helen Marchmont's bid for the deputy post got a boost on Thursday. Rival Dev Chowdry "
            "is backed by 58 MPs. A survey of Labour members by Castlemoor Research put Marchmont "
            "on 41% and Chowdry on 33%, with the rest undecided.")
    assert shares(polls_in(poll_nlp, text)) == {"Marchmont": 41, "Chowdry": 33}


def test_year_inside_a_who_clause_stays_in_the_subgroup(poll_nlp):
    text = ("Helen Marchmont and Dev Chowdry are running. A survey of Labour members by Castlemoor "
            "Research put Marchmont on 41% and Chowdry on 33%. Among members who joined the party "
            "since 2020, Chowdry led with 39% to Marchmont's 37%.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls)[1] == ("Castlemoor Research", "members who joined the party since 2020",
                              (("Chowdry", 39), ("Marchmont", 37)))


def test_ranking_a_candidate_first_is_a_share(poll_nlp):
    text = ("Vic Tarrant and Rena Whitby are running. The survey, conducted by Bayview Research, "
            "found 36% of likely voters ranking Tarrant as their first choice and 33% picking Whitby.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Bayview Research", None, (("Tarrant", 36), ("Whitby", 33)))]


def test_voters_backing_a_candidate_still_label_the_voters(poll_nlp):
    text = RACE + ("A new Quinlan University poll found 52 percent of voters backing Carter said "
                   "they were enthusiastic.")
    assert polls_in(poll_nlp, text) == []


def test_subject_group_that_leans_toward_a_candidate(poll_nlp):
    text = ("Republican Mitch Calder and Democrat Elaine Forsyth are running, with Libertarian "
            "Shane Dobbins. A new Catwell University poll had Calder at 45% and Forsyth at 44%. "
            "Unaffiliated voters, who now make up the largest bloc in the state, leaned slightly "
            "toward Forsyth, 41% to 37%, with 11% saying they would vote for Dobbins.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls)[1][1] == "Unaffiliated voters"
    assert {r.candidate.split()[-1]: r.share for r in polls[1].results} == {
        "Forsyth": 41, "Calder": 37, "Dobbins": 11}


def test_name_after_a_later_figure_is_not_the_pair_s_other_side(poll_nlp):
    # Without a later figure the nearest name in the sentence is still the other side.
    text = RACE + ("An August 17 Quinlan University poll showed Carter up 49 percent to 38 percent "
                   "overall, and losing to Lawson 60 percent to 33 percent among Democrats.")
    assert rows(polls_in(poll_nlp, text))[0] == ("Quinlan University", None, (("Carter", 49), ("Lawson", 38)))


def test_subgroup_after_an_edge(poll_nlp):
    text = RACE + ("A new Quinlan University poll found Carter led among women 52% to 38%, while "
                   "Lawson held a 53% to 35% edge among men.")
    assert [p.population for p in polls_in(poll_nlp, text)] == ["women", "men"]
