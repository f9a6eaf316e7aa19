"""Poll phrasings met in the probe5 tuning set, on invented sentences (one test per fix).

Names are invented; each text introduces its people by full name first, as news does.
"""
from __future__ import annotations

from helpers.polls import polls_in, rows, shares

RACE = "Senator Joe Carter faces challenger Ned Lawson in November. "


def test_hyphenated_names_keep_both_halves(poll_nlp):
    text = ("Businesswoman Rosalind Okoye-Bright faces state Rep. Jean-Paul Marchand in the primary. "
            "A new Quinlan University poll shows Okoye-Bright with 41 percent and Marchand with 35 percent.")
    got = rows(polls_in(poll_nlp, text))
    assert got and dict(got[0][2]) == {"Okoye-Bright": 41, "Marchand": 35}


def test_a_hyphen_between_lowercase_words_is_no_name(poll_nlp):
    text = RACE + "A new Quinlan University poll shows a two-way race, with Carter at 44 percent and Lawson at 40 percent."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 44, "Lawson": 40}


def test_attorney_general_title_introduces_a_person(poll_nlp):
    text = ("Former Attorney General Harlan Pruitt leads the field. A Quinlan University poll found "
            "Pruitt led with 28 percent, followed by Mona Vail at 22 percent.")
    assert shares(polls_in(poll_nlp, text)) == {"Pruitt": 28, "Vail": 22}


def test_finished_first_with_a_share_of_the_vote_is_a_return(poll_nlp):
    text = RACE + ("A new Quinlan University poll shows Carter up 48-42. The survey found the race has "
                   "tightened since the first round, when Carter finished first with 38 percent of the vote "
                   "to Lawson's 31 percent.")
    got = rows(polls_in(poll_nlp, text))
    assert len(got) == 1 and shares(polls_in(poll_nlp, text)) == {"Carter": 48, "Lawson": 42}
    # a poll share with "of the vote" and no return cue is still read
    text = RACE + "A new Quinlan University poll gives Carter 48 percent of the vote to Lawson's 42 percent."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 48, "Lawson": 42}


def test_a_separate_survey_of_all_voters_last_month_is_the_whole_sample(poll_nlp):
    text = RACE + ("A Quinlan University poll shows Carter at 40 percent. In a separate Quinlan survey "
                   "of all registered voters last month, Carter and Lawson were tied at 43 percent.")
    assert all(pop is None for _, pop, _ in rows(polls_in(poll_nlp, text)))


def test_group_subjects_with_lopsided_bare_pairs_are_subgroups(poll_nlp):
    text = RACE + ("A new Quinlan University poll has Carter at 46 percent and Lawson at 44 percent.\n\n"
                   "Among independents, Carter leads 45-38. Democrats back Lawson 88-6, while "
                   "Republicans favor Carter 90-5.")
    got = rows(polls_in(poll_nlp, text))
    assert ("Quinlan University", "Democrats", (("Lawson", 88), ("Carter", 6))) in got
    assert ("Quinlan University", "Republicans", (("Carter", 90), ("Lawson", 5))) in got


def test_a_small_first_number_with_one_digit_is_no_bare_pair(poll_nlp):
    text = RACE + "A new Quinlan University poll has Carter ahead. Democrats back Lawson 12-6 on the issue."
    assert rows(polls_in(poll_nlp, text)) == []


def test_a_quoted_saying_about_polls_does_not_take_the_next_figures(poll_nlp):
    text = RACE + ("A new Quinlan University poll shows Carter leading Lawson 49 percent to 41 percent.\n\n"
                   "\"There is only one poll that matters,\" said campaign adviser Tom Reyes.\n\n"
                   "But Lawson still holds an edge among older voters: among voters 65 and older, "
                   "Lawson leads 50 percent to 44 percent.")
    got = rows(polls_in(poll_nlp, text))
    assert ("Quinlan University", "voters 65 and older", (("Lawson", 50), ("Carter", 44))) in got


def test_a_plain_age_number_is_not_an_open_ended_bound(poll_nlp):
    text = RACE + ("A new Quinlan University poll shows Carter leading among voters, 45 percent to "
                   "41 percent, and Lawson with 30 percent among 65 other respondents.")
    assert all(pop is None or "65" not in pop for _, pop, _ in rows(polls_in(poll_nlp, text)))


def test_those_who_backed_a_third_candidate_is_a_subgroup_not_a_side(poll_nlp):
    text = ("Mayor Ann Ross faces former chief Tom Malloy in the runoff. Councilman Felix Ortiz finished third. "
            "A new Quinlan University poll shows Ross up 48-42.\n\nOrtiz endorsed Malloy on Monday. "
            "Ortiz's voters are split, however: among those who said they backed Ortiz in the first round, "
            "Malloy leads 47 to 39.")
    got = rows(polls_in(poll_nlp, text))
    sub = [r for r in got if r[1] and "Ortiz" in r[1]]
    assert sub and sub[0][1] == "those who said they backed Ortiz in the first round"
    assert {c.split()[-1]: v for c, v in sub[0][2]} == {"Malloy": 47, "Ross": 39}


def test_a_name_after_a_backing_verb_without_who_is_still_a_side(poll_nlp):
    text = RACE + "A new Quinlan University poll shows voters backed Carter 47 percent to 39 percent."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 47, "Lawson": 39}


def test_lowercase_affiliation_introduces_a_third_candidate(poll_nlp):
    text = RACE + ("A new Quinlan University poll shows Carter ahead of Lawson, 45 percent to 41 percent, "
                   "with independent Nate Corrow drawing 4 percent.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45, "Lawson": 41, "Corrow": 4}
    text = RACE + ("A new Quinlan University poll shows Carter ahead of Lawson, 45 percent to 41 percent, "
                   "with independent voters split.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45, "Lawson": 41}
