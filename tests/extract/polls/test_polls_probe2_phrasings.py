"""find_polls on hand-made sentences for the phrasings the probe2 tuning set showed missing.

Names, pollsters and places are invented (none is from probe2); each text introduces its
people by full name first, as news does, so the parser knows them as people.
"""
from __future__ import annotations

from helpers.polls import polls_in, rows, shares

RACE = "Senator Joe Carter faces challenger Ned Lawson in November. "
INTRO = ("A Ridgeway College poll released Monday showed Carter leading Lawson 45 percent "
         "to 40 percent among likely voters. ")


def test_in_an_area_before_or_after_the_figures_is_a_subgroup(poll_nlp):
    text = RACE + INTRO + ("In northern Michigan, however, Lawson led 51 percent to 37 percent, the poll "
                           "found. Carter led 50 percent to 41 percent in Harlan County, home to a third "
                           "of the state's voters.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Ridgeway College", None, (("Carter", 45), ("Lawson", 40))),
        ("Ridgeway College", "northern Michigan", (("Lawson", 51), ("Carter", 37))),
        ("Ridgeway College", "Harlan County", (("Carter", 50), ("Lawson", 41))),
    ]


def test_in_a_bare_state_or_a_matchup_is_no_subgroup(poll_nlp):
    text = RACE + ("Carter leads Lawson 46 percent to 41 percent in Michigan, according to a Ridgeway "
                   "College poll. In a head-to-head matchup, Carter leads 48 percent to 43 percent.")
    assert [p.population for p in polls_in(poll_nlp, text)] == [None, None]


def test_in_households_with_a_pronoun_subject(poll_nlp):
    text = RACE + INTRO + "Carter does best in veteran households, where he leads 57 percent to 36 percent."
    assert rows(polls_in(poll_nlp, text))[1] == \
        ("Ridgeway College", "veteran households", (("Carter", 57), ("Lawson", 36)))


def test_voters_who_favor_a_candidate_are_the_subgroup(poll_nlp):
    text = RACE + INTRO + "Carter's edge rests on older voters, who favor him over Lawson 55 percent to 38 percent."
    assert rows(polls_in(poll_nlp, text))[1] == \
        ("Ridgeway College", "older voters", (("Carter", 55), ("Lawson", 38)))


def test_a_pronoun_subject_takes_a_pair_that_names_nobody(poll_nlp):
    text = ("Mayor Ellen Rourke faces Councilman Dario Venn. A Kestrel Analytics survey found Rourke "
            "ahead 47% to 44%. Rourke led 52% to 40% among women. She held a wide lead among Asian "
            "American voters, 58% to 30%, while Venn led among independents, 46% to 41%.")
    got = {p.population: tuple((r.candidate.split()[-1], r.share) for r in p.results)
           for p in polls_in(poll_nlp, text)}
    assert got["Asian American voters"] == (("Rourke", 58), ("Venn", 30))
    assert got["independents"] == (("Venn", 46), ("Rourke", 41))


def test_a_name_after_without_is_left_out_of_the_matchup(poll_nlp):
    text = (RACE + "Independent Maya Fenn is also on the ballot. " + INTRO.replace(" among likely voters", "")
            + "In a two-way race without independent Maya Fenn, Carter leads 47 percent to 44 percent.")
    assert rows(polls_in(poll_nlp, text))[-1] == \
        ("Ridgeway College", None, (("Carter", 47), ("Lawson", 44)))


def test_shares_of_a_candidates_supporters_are_no_results(poll_nlp):
    text = RACE + INTRO + ("Among voters backing Carter, 64 percent said taxes were their top issue, "
                           "compared with 52 percent of Lawson voters. Health care was named by 30 percent "
                           "of Carter supporters.")
    assert rows(polls_in(poll_nlp, text)) == [("Ridgeway College", None, (("Carter", 45), ("Lawson", 40)))]


def test_the_rest_undecided_leaves_the_last_figure_its_candidate(poll_nlp):
    text = (RACE + "Green Party candidate Ida Moss is running too. A Ridgeway College poll found Carter "
            "leading Lawson 46% to 45%, with Green Party candidate Ida Moss at 3% and the rest undecided.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 46, "Lawson": 45, "Moss": 3}


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


def test_its_previous_survey_is_an_older_poll_of_the_same_pollster(poll_nlp):
    text = RACE + INTRO + "Its previous survey had Lawson up 44 percent to 41 percent."
    assert rows(polls_in(poll_nlp, text))[1] == \
        ("Ridgeway College", None, (("Lawson", 44), ("Carter", 41)))


def test_an_area_phrase_ends_at_a_new_clause_and_those_backing_are_no_share(poll_nlp):
    text = RACE + ("A Ridgeway College poll found Carter ahead 45 percent to 40 percent in the suburbs "
                   "and trailing 38 percent to 50 percent in rural areas. Among those backing Carter, "
                   "60 percent are women.")
    assert [(p.population, len(p.results)) for p in polls_in(poll_nlp, text)] == \
        [("suburbs", 2), ("rural areas", 2)]
