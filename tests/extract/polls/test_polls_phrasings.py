"""find_polls on hand-made articles: every phrasing the issue lists, and the non-polls.

Names are invented; each text introduces its people by full name first, as news does,
so the parser knows them as people.
"""
from __future__ import annotations

from helpers.polls import polls_in, rows, shares

RACE = "Senator Joe Carter faces challenger Ned Lawson in November. "


def test_up_and_losing_to_with_implied_opponent_and_subgroup(poll_nlp):
    text = RACE + ("An August 17 Quinlan University poll showed Carter up 49 percent to 38 percent "
                   "overall, and losing to Lawson 60 percent to 33 percent among Democrats.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls) == [
        ("Quinlan University", None, (("Carter", 49), ("Lawson", 38))),
        ("Quinlan University", "Democrats", (("Lawson", 60), ("Carter", 33))),
    ]
    assert {p.released for p in polls} == {"--08-17"}
    assert [p.rule.id for p in polls] == ["poll.frame.pair", "poll.frame.pair"]


def test_led_then_parenthesis_then_trailing_with_no_name(poll_nlp):
    text = RACE + ("Republican Alan Brewer is also running. In an American Survey Group poll released "
                   "Aug. 22, Carter led Lawson 44 percent to 42 percent among all the voters surveyed "
                   "(Republican candidate Alan Brewer took three percent), while trailing 65 percent "
                   "to 30 percent among Democrats.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls) == [
        ("American Survey Group", None, (("Carter", 44), ("Lawson", 42), ("Alan Brewer", 3))),
        ("American Survey Group", "Democrats", (("Lawson", 65), ("Carter", 30))),
    ]
    assert polls[0].released == "--08-22"


def test_leading_tied_apiece_and_a_continuing_sentence(poll_nlp):
    text = ("Donald Tramp, Ted Crews, Marco Rubin, Ben Carlson and Jeb Bosh are running. Back in "
            "December, according to the Daily Post, Tramp was leading the field in a poll conducted "
            "by Wetherby with 26 percent of the vote, and Crews was tied for second with Sen. Marco "
            "Rubin at 17 percent apiece. Dr. Ben Carlson was at 16 percent, and former Gov. Jeb Bosh "
            "was at six percent.")
    polls = polls_in(poll_nlp, text)
    assert [p.pollster for p in polls] == ["Wetherby"]
    assert shares(polls) == {"Tramp": 26, "Crews": 17, "Rubin": 17, "Carlson": 16, "Bosh": 6}
    assert polls[0].released == "--12"


def test_at_figures_skip_the_undecided(poll_nlp):
    text = ("Dan McCoy and Nellie Gordon want the nomination. Last month's 12 News/Roger Wells "
            "University poll showed McCoy and Gordon in a tight race, with McCoy at 25% and Gordon "
            "at 23%, but 37% of voters undecided.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("12 News/Roger Wells University", None, (("McCoy", 25), ("Gordon", 23)))]


def test_share_first_figures_with_pollster_sponsor_sample_and_margin(poll_nlp):
    text = ("Mayor Matt Driver faces Joan Maloney and Howie Hawk.\n\n"
            "The poll of 625 likely city voters, done for KXYZ-TV (Channel 5) by Dixon Polling and "
            "Research on Tuesday, shows Driver in front of Maloney by 1 percentage point.\n\n"
            "The survey found 44 percent of the people contacted said they would vote for Driver, "
            "43 percent said they would vote for Maloney and 5 percent would vote for Green Party "
            "candidate Howie Hawk.\n\nThe poll had a 4 percent margin of error.")
    [poll] = polls_in(poll_nlp, text)
    assert (poll.pollster, poll.sponsor) == ("Dixon Polling and Research", "KXYZ-TV")
    assert shares([poll]) == {"Driver": 44, "Maloney": 43, "Hawk": 5}
    assert (poll.sample_size, poll.sample_universe, poll.margin_of_error) == (625, "likely voters", 4)
    assert poll.rule.id == "poll.frame.share_first"


def test_each_had_of_a_subgroup_and_a_subgroup_from_the_survey_mention(poll_nlp):
    text = ("Ralph Norton, Tom Perry, Ed Gillis and Corey Stuart are running for governor. The Wilson "
            "Center for Public Policy found Gillis would beat Norton, 40 percent to 39 percent.\n\n"
            "On the Democratic side, the poll shows Norton and Perry in a tie. Norton and Perry each "
            "had 26 percent of Democrats or Independents leaning Democrat polled.\n\n"
            "The survey of Republicans and Independents leaning Republican showed that Gillis has a "
            "commanding lead. Gillis had the support of 38% of those polled, with his nearest "
            "competitor, County Chairman Corey Stuart, polling at 11 percent.")
    got = rows(polls_in(poll_nlp, text))
    assert got[0] == ("Wilson Center for Public Policy", None, (("Gillis", 40), ("Norton", 39)))
    assert got[1] == ("Wilson Center for Public Policy", "Democrats or Independents leaning Democrat",
                      (("Norton", 26), ("Perry", 26)))
    assert got[2] == ("Wilson Center for Public Policy", "Republicans and Independents leaning Republican",
                      (("Gillis", 38), ("Corey Stuart", 11)))


def test_tied_with_each_earning_and_undecided(poll_nlp):
    text = ("Paul Vance and Brandon Johnston meet in the runoff. Polling by Northfield University shows "
            "Vance and Johnston are tied with each candidate earning 44% of the overall vote with 12% "
            "undecided.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Northfield University", None, (("Vance", 44), ("Johnston", 44)))]


def test_trails_gives_the_larger_figure_to_the_other_side(poll_nlp):
    text = RACE + "In the new Suffolk University poll, Lawson trails Carter 40 percent to 48 percent."
    assert shares(polls_in(poll_nlp, text)) == {"Lawson": 40, "Carter": 48}


def test_unitless_pair_pct_and_per_cent(poll_nlp):
    text = RACE + "Carter leads Lawson 52-44 in the latest Monmouth University poll."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 52, "Lawson": 44}
    text = RACE + "A Gallup survey found Carter with 44 pct. and Lawson with 41 per cent."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 44, "Lawson": 41}


def test_subgroup_before_the_figures_and_a_group_as_subject(poll_nlp):
    text = RACE + "A Rasmussen Reports survey is out. Among women, Carter leads 55 percent to 38 percent."
    assert rows(polls_in(poll_nlp, text)) == [
        ("Rasmussen Reports", "women", (("Carter", 55), ("Ned Lawson", 38)))]
    text = RACE + "Independents favor Carter over Lawson 50 percent to 41 percent in the Gallup poll."
    assert rows(polls_in(poll_nlp, text))[0][1] == "Independents"


def test_two_matchups_are_two_items(poll_nlp):
    text = ("Joe Carter, Ned Lawson and Bob Brody are running. In the Marist poll, Carter leads Brody "
            "45 percent to 40 percent, while Lawson leads Brody 47 percent to 39 percent.")
    assert [r[2] for r in rows(polls_in(poll_nlp, text))] == [
        (("Carter", 45), ("Brody", 40)), (("Lawson", 47), ("Brody", 39))]


def test_a_table_flattened_into_lines(poll_nlp):
    text = RACE + "The latest Gallup poll:\nJoe Carter 45%\nNed Lawson 40%\nUndecided 15%"
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45, "Lawson": 40}


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


# ---- what is not a poll ---------------------------------------------------------------

def test_election_results_are_not_polls(poll_nlp):
    text = (RACE + "A Gallup poll had the race close. Carter was declared the winner with 73.1 "
            "percent of the vote to Lawson's 22.3 percent.")
    assert polls_in(poll_nlp, text) == []
    text = RACE + "In a poll, voters liked Lawson, who won 42 percent of the vote in the 2012 primary."
    assert polls_in(poll_nlp, text) == []


def test_delegate_votes_are_not_polls(poll_nlp):
    text = ("Dan McCoy and Nellie Gordon want the nomination. McCoy received 81 out of 162 votes from "
            "the delegates, giving him exactly 50% support. Seth Magnus, the frontrunner in polling, "
            "easily won the party endorsement with 83% support from delegates.")
    assert polls_in(poll_nlp, text) == []


def test_approval_ratings_are_not_candidate_shares(poll_nlp):
    text = (RACE + "The Gallup survey also asked about the president. His approval rating among voters "
            "is 37% with 59% disapproving. Carter's approval rating is 45 percent in the poll.")
    assert polls_in(poll_nlp, text) == []


def test_membership_and_turnout_are_not_polls(poll_nlp):
    text = ("The union endorsed Joe Carter. A poll is planned. 3,215 ballots had been cast, or about "
            "55 percent of the roughly 5,800 workers who were eligible to vote, Carter said.")
    assert polls_in(poll_nlp, text) == []


def test_a_later_paragraph_about_supporters_is_not_a_new_result(poll_nlp):
    text = (RACE + "A Gallup poll showed Carter up 49 percent to 38 percent.\n\n"
            "Carter knows he needs to keep those 30 percent (or so) of Democrats who support him.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 49, "Lawson": 38}


def test_no_pollster_named_anywhere_gives_no_poll(poll_nlp):
    text = RACE + "A poll shows Carter at 45 percent and Lawson at 40 percent."
    assert polls_in(poll_nlp, text) == []


def test_no_figure_or_no_poll_word_stops_at_the_cheap_gate(poll_nlp):
    assert polls_in(poll_nlp, RACE + "The Gallup poll shows a close race.") == []
    assert polls_in(poll_nlp, RACE + "Carter has 45 percent of the money raised.") == []


def test_compared_with_a_figure_for_someone(poll_nlp):
    text = RACE + "According to a new Siena College poll, Carter has 45 percent support, compared with 38 percent for Lawson."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45, "Lawson": 38}


def test_favourability_figures_are_not_shares(poll_nlp):
    text = RACE + ("According to a Gallup poll, 40 percent of voters said they had a favorable view of "
                   "Carter, compared with 35 percent for Lawson.")
    assert polls_in(poll_nlp, text) == []


def test_one_side_named_the_other_is_the_first_introduced_rival(poll_nlp):
    text = ("Democrat Joe Carter faces Republican Ned Lawson and independent Bob Brody. "
            "The Monmouth poll found Carter with a narrow lead, 46%-44%.")
    assert rows(polls_in(poll_nlp, text)) == [("Monmouth", None, (("Carter", 46), ("Ned Lawson", 44)))]


def test_a_pronoun_before_the_figure(poll_nlp):
    text = RACE + "In 2016, Carter received 42 percent of the vote. A Gallup poll shows him at 45 percent now."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45}


def test_released_by_a_union_and_a_subgroup_after_the_figures(poll_nlp):
    text = ("Barack Obama and John McCain are running for president. A poll released by the Ohio "
            "AFL-CIO showed Obama ahead of McCain, 51 percent to 39 percent, among union households.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Ohio AFL-CIO", "union households", (("Obama", 51), ("McCain", 39)))]


def test_parallel_figures_share_the_stated_subgroup(poll_nlp):
    text = ("Barack Obama and John McCain are running for president. A Pew Research Center survey "
            "found that 52 percent of union members favor Obama, while 38 percent favor McCain.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Pew Research Center", "union members", (("Obama", 52), ("McCain", 38)))]


def test_joint_pollster_names_and_a_past_figure(poll_nlp):
    text = ("Barack Obama and John McCain are running for president. McCain's support among "
            "independents fell to 38 percent in the CNN/Opinion Research poll, from 45 percent a "
            "month earlier.")
    assert rows(polls_in(poll_nlp, text)) == [("CNN/Opinion Research", "independents", (("McCain", 38),))]


def test_a_later_reference_by_the_sponsors_name(poll_nlp):
    text = RACE + ("A poll done for KXYZ-TV by Acme Research was released Monday.\n\n"
                   "The KXYZ poll found Carter at 45 percent and Lawson at 41 percent.")
    [poll] = polls_in(poll_nlp, text)
    assert (poll.pollster, poll.sponsor) == ("Acme Research", "KXYZ-TV")
    assert shares([poll]) == {"Carter": 45, "Lawson": 41}


def test_a_campaign_poll_keeps_its_candidate_a_person(poll_nlp):
    text = RACE + "An internal poll by the Carter campaign showed Carter ahead of Lawson 50 percent to 35 percent."
    assert rows(polls_in(poll_nlp, text)) == [("Carter campaign", None, (("Carter", 50), ("Lawson", 35)))]
