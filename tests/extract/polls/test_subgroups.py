"""The population of each result: subgroups before or after the figures ("among women",
"in northern Michigan", "voters aged 18 to 34", relative clauses), groups as subjects
("Independents favor Carter"), subgroups that carry over to the next sentence, and the
whole sample ("likely voters", a primary poll's voters), which is no subgroup.

One test per general fix, with the negative case the fix must leave alone where there is
one. Names are invented; each text introduces its people by full name first, as news does.
"""
from __future__ import annotations

from helpers.polls import INTRO, MAYORAL_POLL, MAYORAL_RACE, RACE, polls_in, rows


# ---- subgroups in the sentence --------------------------------------------------------

def test_subgroup_before_the_figures_and_a_group_as_subject(poll_nlp):
    text = RACE + "A Rasmussen Reports survey is out. Among women, Carter leads 55 percent to 38 percent."
    assert rows(polls_in(poll_nlp, text)) == [
        ("Rasmussen Reports", "women", (("Carter", 55), ("Ned Lawson", 38)))]
    text = RACE + "Independents favor Carter over Lawson 50 percent to 41 percent in the Gallup poll."
    assert rows(polls_in(poll_nlp, text))[0][1] == "Independents"


def test_each_had_of_a_subgroup_and_a_subgroup_from_the_survey_mention(poll_nlp):
    text = ("Ralph Norton, Tom Perry, Ed Gillis and Corey Stuart are running for governor. The Wilson "
            "Center for Public Policy found Gillis would beat Norton, 40 percent to 39 percent.\n\n"
            "Among Democrats, the poll puts Norton and Perry level. Norton and Perry each "
            "had 24 percent of Democrats or Independents leaning Democrat surveyed.\n\n"
            "The poll of Republicans and Independents leaning Republican found that Gillis holds a "
            "wide lead. Gillis had the support of 41% of those polled, with his closest "
            "rival, County Chairman Corey Stuart, polling at 9 percent.")
    got = rows(polls_in(poll_nlp, text))
    assert got[0] == ("Wilson Center for Public Policy", None, (("Gillis", 40), ("Norton", 39)))
    assert got[1] == ("Wilson Center for Public Policy", "Democrats or Independents leaning Democrat",
                      (("Norton", 24), ("Perry", 24)))
    assert got[2] == ("Wilson Center for Public Policy", "Republicans and Independents leaning Republican",
                      (("Gillis", 41), ("Corey Stuart", 9)))


def test_parallel_figures_share_the_stated_subgroup(poll_nlp):
    text = ("Ann Rourke and Peter Vasko are running for president. A Halden Research Center survey "
            "found that 54 percent of union members favor Rourke, while 36 percent favor Vasko.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Halden Research Center", "union members", (("Rourke", 54), ("Vasko", 36)))]


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


def test_an_area_phrase_ends_at_a_new_clause_and_those_backing_are_no_share(poll_nlp):
    text = RACE + ("A Ridgeway College poll found Carter ahead 45 percent to 40 percent in the suburbs "
                   "and trailing 38 percent to 50 percent in rural areas. Among those backing Carter, "
                   "60 percent are women.")
    assert [(p.population, len(p.results)) for p in polls_in(poll_nlp, text)] == \
        [("suburbs", 2), ("rural areas", 2)]


def test_on_the_west_side_is_a_subgroup_but_the_republican_side_is_not(poll_nlp):
    text = RACE + ("A new Quinlan University poll has the race close. Carter runs best on the west side, "
                   "where he has 39 percent to Lawson's 28 percent.")
    assert rows(polls_in(poll_nlp, text))[0][1] == "west side"
    text = RACE + ("On the Republican side, Carter led Lawson 31 percent to 24 percent in a Quinlan "
                   "University poll of likely Republican primary voters.")
    assert rows(polls_in(poll_nlp, text))[0][1] is None


def test_subgroup_after_an_edge(poll_nlp):
    text = RACE + ("A new Quinlan University poll found Carter led among women 52% to 38%, while "
                   "Lawson held a 53% to 35% edge among men.")
    assert [p.population for p in polls_in(poll_nlp, text)] == ["women", "men"]


def test_year_inside_a_who_clause_stays_in_the_subgroup(poll_nlp):
    text = ("Helen Marchmont and Dev Chowdry are running. A survey of Labour members by Castlemoor "
            "Research put Marchmont on 41% and Chowdry on 33%. Among members who joined the party "
            "since 2020, Chowdry led with 39% to Marchmont's 37%.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls)[1] == ("Castlemoor Research", "members who joined the party since 2020",
                              (("Chowdry", 39), ("Marchmont", 37)))


def test_subject_group_that_leans_toward_a_candidate(poll_nlp):
    text = ("Republican Mitch Calder and Democrat Elaine Forsyth are running, with Libertarian "
            "Shane Dobbins. A new Catwell University poll had Calder at 45% and Forsyth at 44%. "
            "Unaffiliated voters, who now make up the largest bloc in the state, leaned slightly "
            "toward Forsyth, 41% to 37%, with 11% saying they would vote for Dobbins.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls)[1][1] == "Unaffiliated voters"
    assert {r.candidate.split()[-1]: r.share for r in polls[1].results} == {
        "Forsyth": 41, "Calder": 37, "Dobbins": 11}


def test_group_subjects_with_lopsided_bare_pairs_are_subgroups(poll_nlp):
    text = RACE + ("A new Quinlan University poll has Carter at 46 percent and Lawson at 44 percent.\n\n"
                   "Among independents, Carter leads 45-38. Democrats back Lawson 88-6, while "
                   "Republicans favor Carter 90-5.")
    got = rows(polls_in(poll_nlp, text))
    assert ("Quinlan University", "Democrats", (("Lawson", 88), ("Carter", 6))) in got
    assert ("Quinlan University", "Republicans", (("Carter", 90), ("Lawson", 5))) in got


def test_those_who_backed_a_third_candidate_is_a_subgroup_not_a_side(poll_nlp):
    text = ("Mayor Ann Ross faces former chief Tom Malloy in the runoff. Councilman Felix Ortiz finished third. "
            "A new Quinlan University poll shows Ross up 48-42.\n\nOrtiz endorsed Malloy on Monday. "
            "Ortiz's voters are split, however: among those who said they backed Ortiz in the first round, "
            "Malloy leads 47 to 39.")
    got = rows(polls_in(poll_nlp, text))
    sub = [r for r in got if r[1] and "Ortiz" in r[1]]
    assert sub and sub[0][1] == "those who said they backed Ortiz in the first round"
    assert {c.split()[-1]: v for c, v in sub[0][2]} == {"Malloy": 47, "Ross": 39}


def test_age_bands_stay_whole(poll_nlp):
    text = MAYORAL_RACE + MAYORAL_POLL + ("Among voters aged 18 to 34, Oduya had 41 percent support to "
                                          "Garvey's 22 percent. Among voters under 45, Oduya led Garvey, "
                                          "38% to 27%.")
    pops = [p.population for p in polls_in(poll_nlp, text)]
    assert pops == [None, "voters aged 18 to 34", "voters under 45"]


def test_a_plain_age_number_is_not_an_open_ended_bound(poll_nlp):
    text = RACE + ("A new Quinlan University poll shows Carter leading among voters, 45 percent to "
                   "41 percent, and Lawson with 30 percent among 65 other respondents.")
    assert all(pop is None or "65" not in pop for _, pop, _ in rows(polls_in(poll_nlp, text)))


def test_a_subgroup_before_a_figure_that_is_nobodys_share(poll_nlp):
    text = MAYORAL_RACE + ("An internal poll by Acme Research found Garvey at 44 percent and Oduya at 40 "
                           "percent. Among Hispanic voters, who make up roughly 60 percent of the electorate, "
                           "Oduya led 51 percent to 35 percent.")
    assert rows(polls_in(poll_nlp, text))[1] == ("Acme Research", "Hispanic voters",
                                                 (("Oduya", 51), ("Garvey", 35)))


def test_composition_figures_and_a_figure_after_the_poll_noun(poll_nlp):
    text = RACE + ("A new Quinlan University poll is out. Lawson has rebuilt support among Hispanic voters, "
                   "who make up about 30% of the electorate. He was backed by 52% of Hispanic respondents "
                   "in the poll, against 33% for Carter.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Quinlan University", "Hispanic respondents", (("Lawson", 52), ("Carter", 33)))]


# ---- subgroups carried to the next sentence -------------------------------------------

def test_subgroup_sentences_chain_on_after_a_sentence_without_figures(poll_nlp):
    text = MAYORAL_RACE + MAYORAL_POLL + ("The matchup splits sharply by gender. Other numbers were flat. "
                                          "Among women, Oduya leads Garvey 50% to 40%. "
                                          "Among voters who call themselves independents, Garvey leads "
                                          "Oduya 49% to 37%.")
    got = rows(polls_in(poll_nlp, text))
    assert ("Acme Research", "women", (("Oduya", 50), ("Garvey", 40))) in got
    assert ("Acme Research", "voters who call themselves independents",
            (("Garvey", 49), ("Oduya", 37))) in got


def test_that_group_keeps_the_subgroup_of_the_sentence_before(poll_nlp):
    text = RACE + ("A new Quinlan University poll has the race close. Carter leads among Black voters "
                   "with 41 percent. Lawson is second with that group at 33 percent.")
    assert ("Quinlan University", "Black voters", (("Carter", 41), ("Lawson", 33))) in rows(polls_in(poll_nlp, text))


# ---- the whole sample is no subgroup --------------------------------------------------

def test_the_sample_of_a_poll_met_for_the_first_time_is_the_whole_sample(poll_nlp):
    text = ("Senator Ana Ruiz and Governor Pete Hale are running for president. A national "
            "Zenith Poll of Democratic primary voters showed Ruiz at 34% and Hale at 29%.")
    assert rows(polls_in(poll_nlp, text)) == [("Zenith", None, (("Ruiz", 34), ("Hale", 29)))]


def test_registered_party_voters_are_a_subgroup_likely_voters_are_not(poll_nlp):
    text = ("Caleb Whitman and Lucy Dorn are running. A Zenith College poll released Tuesday showed "
            "Whitman leading Dorn 36-28 among likely primary voters, with businessman Grant Moss at 14. "
            "Registered Republicans back Whitman 41 percent to 25 percent.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Zenith College", None, (("Whitman", 36), ("Dorn", 28), ("Grant Moss", 14))),
        ("Zenith College", "Registered Republicans", (("Whitman", 41), ("Dorn", 25))),
    ]


def test_whole_sample_phrase_does_not_run_into_the_next_name(poll_nlp):
    text = RACE + ("The Quinlan University survey found Carter with 46 percent support among likely "
                   "voters and Lawson with 43 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Quinlan University", None, (("Carter", 46), ("Lawson", 43)))]


def test_a_second_universe_is_a_subgroup_and_decided_voters_are_the_sample(poll_nlp):
    text = RACE + ("A new Quinlan University poll is out. Carter had 45% support among registered voters "
                   "and Lawson had 39%. Among likely voters, Carter's edge narrowed to 47% to 43%.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Quinlan University", None, (("Carter", 45), ("Lawson", 39))),
        ("Quinlan University", "likely voters", (("Carter", 47), ("Lawson", 43)))]
    text = RACE + "A Quinlan University poll found Carter at 37 per cent among decided voters, Lawson at 33 per cent."
    assert rows(polls_in(poll_nlp, text))[0][1] is None


def test_a_separate_survey_of_all_voters_last_month_is_the_whole_sample(poll_nlp):
    text = RACE + ("A Quinlan University poll shows Carter at 40 percent. In a separate Quinlan survey "
                   "of all registered voters last month, Carter and Lawson were tied at 43 percent.")
    assert all(pop is None for _, pop, _ in rows(polls_in(poll_nlp, text)))


def test_a_group_opening_the_sentence_is_the_subgroup_of_its_figures(poll_nlp):
    text = (RACE + "Ann Roe is also running. The Acme poll is out. Black voters, who make up a third of "
            "the electorate, back Carter (45%) by a wide margin over Lawson (17%) and Roe (13%). "
            "White voters are more divided, with Carter (26%) followed by Lawson (17%).")
    got = rows(polls_in(poll_nlp, text))
    assert got[0] == ("Acme", "Black voters", (("Carter", 45), ("Lawson", 17), ("Roe", 13)))
    assert got[1] == ("Acme", "White voters", (("Carter", 26), ("Lawson", 17)))


def test_a_primary_s_own_voters_opening_the_sentence_are_the_whole_sample(poll_nlp):
    text = ("Senator Joe Carter faces Ned Lawson in the Democratic primary. The Acme poll is out. "
            "Democratic primary voters back Carter 45 percent to 38 percent.")
    assert rows(polls_in(poll_nlp, text))[0][1] is None


def test_a_group_opening_a_later_clause_is_the_subgroup_of_its_figures(poll_nlp):
    text = RACE + INTRO + "Women favor Carter 58 - 37 percent in this poll, while men are split 44 - 45 percent."
    got = rows(polls_in(poll_nlp, text))
    assert got[1] == ("Ridgeway College", "Women", (("Carter", 58), ("Lawson", 37)))
    assert got[2] == ("Ridgeway College", "men", (("Carter", 44), ("Lawson", 45)))


def test_a_figure_after_an_of_group_figure_shares_that_group(poll_nlp):
    text = RACE + INTRO + ("Carter is ahead 83 - 12 percent among Democrats and takes 44 percent of the "
                           "independent voters to Lawson's 43 percent.")
    got = rows(polls_in(poll_nlp, text))
    assert ("Ridgeway College", "independent voters", (("Lawson", 43),)) in got


def test_the_next_sentence_goes_on_with_the_subgroup_s_ranking(poll_nlp):
    text = ("Senator Joe Carter faces challenger Ned Lawson and Mayor Amy Rhodes in November. A Ridgeway "
            "College poll released Monday has Carter at 40%, Lawson at 30% and Rhodes at 12%.\n\n"
            "Among black voters, Carter leads with 46%. Lawson is second with 20%, and Rhodes is third with 8%.")
    assert rows(polls_in(poll_nlp, text))[1] == (
        "Ridgeway College", "black voters", (("Carter", 46), ("Lawson", 20), ("Rhodes", 8)))


def test_a_name_met_again_after_a_subgroup_starts_a_new_matchup(poll_nlp):
    text = ("Senator Joe Carter faces challenger Ned Lawson in November. A Ridgeway College poll released "
            "Monday has Carter at 40% and Lawson at 30%.\n\nAmong black voters, Carter leads with 46%. "
            "Carter is at 38% among white voters.")
    got = rows(polls_in(poll_nlp, text))
    assert got[-1] == ("Ridgeway College", "white voters", (("Carter", 38),))


def test_a_long_relative_clause_after_voters_names_the_subgroup(poll_nlp):
    text = RACE + INTRO + ("Carter holds a 66%-15% advantage among voters who are members of the Reformed "
                           "Church of the Holy Rood in Greater Ashton.")
    assert rows(polls_in(poll_nlp, text))[1][1] == (
        "voters who are members of the Reformed Church of the Holy Rood in Greater Ashton")
    text = RACE + INTRO + "Carter leads 61%-22% among voters who belong to the Latter-Rain Fellowship."
    assert rows(polls_in(poll_nlp, text))[1][1] == "voters who belong to the Latter-Rain Fellowship"


def test_very_likely_voters_in_quotes_are_a_part_of_the_sample(poll_nlp):
    text = RACE + INTRO + 'Among "very likely voters," Carter\'s lead grows: 47 percent to Lawson\'s 39 percent.'
    assert rows(polls_in(poll_nlp, text))[1] == ("Ridgeway College", "very likely voters", (("Carter", 47), ("Lawson", 39)))
    text = RACE + INTRO + "Among likely voters in the poll, Carter leads 46 percent to 41 percent."
    assert all(pop is None for _, pop, _ in rows(polls_in(poll_nlp, text)))


def test_places_of_a_regional_breakdown_are_subgroups_and_one_place_is_not(poll_nlp):
    text = RACE + INTRO + ("Carter leads in Ohio with 48 percent to Lawson's 41 percent. In Texas, Lawson is "
                           "ahead with 51 percent to Carter's 40 percent. Carter has 46 percent in Florida, "
                           "while Lawson has 44 percent.")
    assert [r[1] for r in rows(polls_in(poll_nlp, text))] == [None, "Ohio", "Texas", "Florida"]
    # one place only: the poll's own state, so the whole sample
    text = RACE + INTRO + "Carter leads in Ohio with 48 percent to Lawson's 41 percent."
    assert [r[1] for r in rows(polls_in(poll_nlp, text))] == [None, None]


PRIMARY = "Senator Joe Carter faces challenger Ned Lawson in the Democratic primary. "


def test_the_party_of_a_primary_poll_after_of_is_its_whole_sample(poll_nlp):
    text = PRIMARY + ("A Ridgeway College poll found that 41 percent of registered Democrats would vote "
                      "for Carter, while 37 percent of them back Lawson.")
    assert rows(polls_in(poll_nlp, text)) == [("Ridgeway College", None, (("Carter", 41), ("Lawson", 37)))]
    # "among" sets a part apart: a subgroup even in a primary poll
    text = PRIMARY + ("A Ridgeway College poll showed Carter up 51 percent to 37 percent overall, and "
                      "losing to Lawson 58 percent to 34 percent among Democrats.")
    assert [r[1] for r in rows(polls_in(poll_nlp, text))] == [None, "Democrats"]
    # no contest word: each party's voters are a part of a general-election sample
    text = (RACE + "A Ridgeway College poll found that 80 percent of Republicans back Carter, "
            "while Lawson has 75 percent of Democrats.")
    assert [r[1] for r in rows(polls_in(poll_nlp, text))] == ["Republicans", "Democrats"]


def test_among_after_a_bracketed_figure_names_its_subgroup(poll_nlp):
    text = ("Senator Joe Carter faces challenger Ned Lawson. A Ridgeway College poll had Carter at 40 percent "
            "overall. Lawson is trailing in the poll, partly due to weak support (2 percent in the poll) among "
            "Baptists.")
    assert ("Ridgeway College", "Baptists", (("Lawson", 2),)) in rows(polls_in(poll_nlp, text))


def test_a_subgroup_matchup_far_after_the_articles_only_poll_is_that_polls(poll_nlp):
    filler = " ".join(f"Voters in ward {n} spoke about roads and schools at length." for n in range(1, 9))
    text = (RACE + INTRO + filler + " Among registered independents, Lawson leads Carter 44 percent to 30 percent."
            " Among all voters, Carter leads Lawson 47 percent to 41 percent.")
    got = rows(polls_in(poll_nlp, text))
    assert ("Ridgeway College", "registered independents", (("Lawson", 44), ("Carter", 30))) in got
    assert not any(r[2] == (("Carter", 47), ("Lawson", 41)) for r in got)  # no subgroup: too far to tell


def test_a_group_with_a_preference_participle_is_the_figures_subgroup(poll_nlp):
    text = RACE + "Last month's Ridgeway College poll had evangelicals preferring Carter to Lawson by 29 percent to 23 percent."
    assert rows(polls_in(poll_nlp, text)) == [("Ridgeway College", "evangelicals", (("Carter", 29), ("Lawson", 23)))]
    # the whole sample stays whole
    text = RACE + "Last month's Ridgeway College poll had voters preferring Carter to Lawson by 29 percent to 23 percent."
    assert rows(polls_in(poll_nlp, text)) == [("Ridgeway College", None, (("Carter", 29), ("Lawson", 23)))]


def test_with_and_a_group_of_voters_names_a_subgroup(poll_nlp):
    text = RACE + ("A Ridgeway College poll found Carter at 45 percent. Carter is the favourite "
                   "with women, Lawson does better with men, where 24 per cent say they back him.")
    assert ("Ridgeway College", "men", (("Lawson", 24),)) in rows(polls_in(poll_nlp, text))


def test_those_who_as_the_subject_of_a_group_verb_is_the_subgroup(poll_nlp):
    text = RACE + INTRO + ("Democrats back Carter (61%), while those who are independent or vote with "
                           "a minor party are divided among Carter (31%) and Lawson (29%).")
    assert ("Ridgeway College", "those who are independent or vote with a minor party",
            (("Carter", 31), ("Lawson", 29))) in rows(polls_in(poll_nlp, text))


def test_poll_respondents_are_the_whole_sample(poll_nlp):
    text = RACE + ("A Ridgeway College poll released Monday gave Carter the support of 41% of poll "
                   "respondents, ahead of Lawson at 37%.")
    assert {p.population for p in polls_in(poll_nlp, text)} == {None}


def test_a_party_group_judged_likely_to_vote_is_a_subgroup(poll_nlp):
    text = RACE + INTRO + ("Among Republicans judged likely to vote, Lawson has closed to within 9 points, "
                           "48 percent to 39 percent.")
    assert ("Ridgeway College", "Republicans judged likely to vote", (("Lawson", 48), ("Carter", 39))) \
        in rows(polls_in(poll_nlp, text)) or ("Ridgeway College", "Republicans judged likely to vote",
                                             (("Carter", 48), ("Lawson", 39))) in rows(polls_in(poll_nlp, text))
