"""Who made the poll and for whom: pollster and sponsor runs ("done for KXYZ-TV by Dixon
Polling"), descriptions before the name, joint names, a campaign's pollster, and the poll
named again across sentences and paragraphs (by its sponsor's name, by the firm at work).

One test per general fix, with the negative case the fix must leave alone where there is
one. Names are invented; each text introduces its people by full name first, as news does.
"""
from __future__ import annotations

from helpers.polls import INTRO, RACE, polls_in, rows, shares


# ---- pollster and sponsor names -------------------------------------------------------

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


def test_joint_pollster_names_and_a_past_figure(poll_nlp):
    text = ("Ann Rourke and Peter Vasko are running for president. Vasko's support among "
            "independents fell to 36 percent in the KTVX/Halden Research poll, from 44 percent a "
            "month earlier.")
    assert rows(polls_in(poll_nlp, text)) == [("KTVX/Halden Research", "independents", (("Vasko", 36),))]


def test_released_by_a_union_and_a_subgroup_after_the_figures(poll_nlp):
    text = ("Ann Rourke and Peter Vasko are running for president. A poll released by the Ohio "
            "AFL-CIO showed Rourke ahead of Vasko, 53 percent to 37 percent, among union households.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Ohio AFL-CIO", "union households", (("Rourke", 53), ("Vasko", 37)))]


def test_a_campaign_s_pollster_named_with_the_firm(poll_nlp):
    text = RACE + ("A memo from the Carter campaign's pollster, Greg Halvorsen of Northgate Research "
                   "Partners, says Carter leads Lawson 45 percent to 39 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Northgate Research Partners", None, (("Carter", 45), ("Lawson", 39)))]
    text = RACE + ("Carter leads Lawson 45 percent to 39 percent, said pollster Greg Halvorsen of "
                   "Northgate Research Partners.")
    assert polls_in(poll_nlp, text) == []  # a quoted pollster is no poll of his firm


def test_a_name_met_first_as_the_poll_s_is_the_sponsor_when_a_firm_did_it(poll_nlp):
    text = RACE + ("Carter leads, a new Susquehanna Ledger poll shows. The poll, conducted for the Ledger "
                   "by Allard Research Group, had Carter at 44 percent and Lawson at 40 percent.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls) == [("Allard Research Group", None, (("Carter", 44), ("Lawson", 40)))]


def test_an_appositive_after_the_poll_does_not_name_its_maker(poll_nlp):
    text = RACE + ("Carter leads Lawson 48-41 in a Cardinal Strategies poll for the Carter campaign, a "
                   "memo obtained by the Courier shows.")
    assert rows(polls_in(poll_nlp, text))[0][0] == "Cardinal Strategies"


def test_a_firm_polling_for_a_group_and_a_pro_candidate_label(poll_nlp):
    text = RACE + ("The Republican-aligned Tallis Group, polling for a pro-Lawson super PAC, had Lawson "
                   "up 47-43.")
    assert rows(polls_in(poll_nlp, text)) == [("Tallis Group", None, (("Lawson", 47), ("Joe Carter", 43)))]


# ---- the poll across sentences and paragraphs -----------------------------------------

def test_a_later_reference_by_the_sponsors_name(poll_nlp):
    text = RACE + ("A poll done for KXYZ-TV by Acme Research was released Monday.\n\n"
                   "The KXYZ poll found Carter at 45 percent and Lawson at 41 percent.")
    [poll] = polls_in(poll_nlp, text)
    assert (poll.pollster, poll.sponsor) == ("Acme Research", "KXYZ-TV")
    assert shares([poll]) == {"Carter": 45, "Lawson": 41}


def test_a_firm_at_work_names_the_poll_and_those_aged_is_a_subgroup(poll_nlp):
    text = ("Labour is on course to hold the seat in the by-election, a survey by Corvell Research "
            "finds.\n\nCorvell interviewed 651 adults in the constituency.\n\nThe figures are weighted.\n\n"
            "Labour's advantage is built on younger voters.\n\nIt was a wet spring.\n\n"
            "Among those aged 18 to 34, Labour has 49 per cent to Reform's 15 per cent.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Corvell Research", "those aged 18 to 34", (("Labour", 49), ("Reform", 15)))]


def test_a_quoted_saying_about_polls_does_not_take_the_next_figures(poll_nlp):
    text = RACE + ("A new Quinlan University poll shows Carter leading Lawson 49 percent to 41 percent.\n\n"
                   "\"There is only one poll that matters,\" said campaign adviser Tom Reyes.\n\n"
                   "But Lawson still holds an edge among older voters: among voters 65 and older, "
                   "Lawson leads 50 percent to 44 percent.")
    got = rows(polls_in(poll_nlp, text))
    assert ("Quinlan University", "voters 65 and older", (("Lawson", 50), ("Carter", 44))) in got


def test_a_place_or_race_before_the_poll_noun_is_not_its_maker(poll_nlp):
    text = RACE + ("Pinecrest Analytics released new numbers on Monday. Pinecrest's new Nevada poll "
                   "finds Carter ahead of Lawson 49 percent to 38 percent.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Pinecrest Analytics", None, (("Carter", 49), ("Lawson", 38)))]
    text = RACE + ("A new Nevada Senate poll by Pinecrest Analytics finds Carter ahead of Lawson "
                   "49 percent to 38 percent.")
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Pinecrest Analytics"]
    text = RACE + "The Mesa Ridge College poll finds Carter ahead of Lawson 49 percent to 38 percent."
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Mesa Ridge College"]


def test_today_s_survey_is_the_poll_being_reported(poll_nlp):
    text = RACE + ("Carter leads Lawson 51 - 45 percent, according to a Ridgeway College poll released today. "
                   "In today's survey, Lawson leads 91 - 9 percent among Republicans.")
    assert rows(polls_in(poll_nlp, text))[1] == ("Ridgeway College", "Republicans", (("Lawson", 91), ("Carter", 9)))


def test_a_possessor_far_before_the_poll_noun_names_the_poll(poll_nlp):
    text = RACE + ("Carter leads Lawson 52 - 44 percent, according to a Ridgeway College poll released today.\n"
                   "It is the nonpartisan Ridgeway College's second statewide likely voter survey of the "
                   "year.\nIn today's survey, Carter leads 85 - 11 percent among Democrats.")
    assert rows(polls_in(poll_nlp, text))[1] == ("Ridgeway College", "Democrats", (("Carter", 85), ("Lawson", 11)))


MAYOR = "Mayor Tom Garvey faces challenger Nina Oduya in the race. "


def test_a_place_with_its_state_before_the_firm_is_a_description(poll_nlp):
    text = RACE + ("The survey, done for the Lawson team by Portland, Ore.-based research firm "
                   "Pinecrest Analytics, had Carter ahead 45 percent to 40 percent.")
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Pinecrest Analytics"]


def test_polling_places_and_polling_companies_are_no_poll(poll_nlp):
    text = RACE + ('A Ridgeway College poll found Carter ahead 45 percent to 40 percent. "Traditional polling '
                   'companies always miss," Lawson said. Turnout was 61 percent at city polling places.')
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Ridgeway College"]


def test_the_agent_of_another_verb_after_the_poll_is_no_pollster(poll_nlp):
    text = ("Senator Joe Carter faces challenger Ned Lawson and Amy Rhodes in November. A Ridgeway College "
            "poll found Carter ahead 45 percent to 40 percent. While Rhodes registered only three percent in "
            "the latest Ridgeway poll, her supporters are being wooed by Carter and Lawson.")
    assert {p.pollster for p in polls_in(poll_nlp, text)} == {"Ridgeway College"}


def test_a_candidate_who_polled_a_share_is_no_pollster_and_the_sponsor_s_firm_ran_the_earlier_poll(poll_nlp):
    text = ("Senator Joe Carter faces challenger Ned Lawson and Amy Rhodes in November. Carter got 45 percent "
            "in the new Ledger poll, conducted by Ridgeway College among 822 registered voters. In a May "
            "survey for the Ledger, Carter polled 49 percent, Lawson 32 percent and Rhodes 11 percent.")
    assert rows(polls_in(poll_nlp, text))[-1] == (
        "Ridgeway College", None, (("Carter", 49), ("Lawson", 32), ("Rhodes", 11)))


def test_a_poll_named_only_by_its_sponsor_goes_by_the_sponsor(poll_nlp):
    text = ("Senator Joe Carter faces challenger Ned Lawson and Amy Rhodes in November. A national poll "
            "sponsored by the Ledger, the online daily, puts Carter first at 20%, followed by Lawson at 19%.")
    assert rows(polls_in(poll_nlp, text)) == [("Ledger", None, (("Carter", 20), ("Lawson", 19)))]


def test_the_firm_that_conducted_the_survey_ran_the_poll_named_for_its_sponsor(poll_nlp):
    text = MAYOR + ("Garvey leads with 25 percent according to a Ledger Poll. Oduya had 14 percent in the "
                    'telephone survey. "It is still open," said Jo Roe, president of Acme Polling Inc., the '
                    "firm that conducted the survey.")
    polls = polls_in(poll_nlp, text)
    assert rows(polls) == [("Acme Polling Inc", None, (("Garvey", 25), ("Oduya", 14)))]
    assert polls[0].sponsor == "Ledger"


def test_a_firm_described_as_a_pollster_names_the_unnamed_poll_before_it(poll_nlp):
    text = MAYOR + ("That is the finding of a poll of 600 likely voters conducted this month for the Teachers "
                    "Federation. In May, Pinecrest Research, a leading pollster for Democrats, took a snapshot "
                    "of the race. Garvey came out on top with 21 percent, and Oduya had 16 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Pinecrest Research", None, (("Garvey", 21), ("Oduya", 16)))]


def test_the_firm_which_sponsored_the_poll_names_it(poll_nlp):
    text = MAYOR + ('"No one is ahead," said Jo Roe, the founder of Acme Advisors, which sponsored the poll. '
                    "The poll did show some leaders. Garvey was at 16 percent, and Oduya at 10 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Acme Advisors", None, (("Garvey", 16), ("Oduya", 10)))]


def test_an_unnamed_poll_is_not_named_by_a_poll_released_another_day(poll_nlp):
    text = ("Senator Joe Carter faces challenger Ned Lawson in the caucus. Carter is ahead of Lawson, a state "
            "poll released Monday shows. Carter has 49% while Lawson has 46%.\nThat differs from the Ledger "
            "poll released Saturday, which had Lawson up 45% to 42%.\n\"Turnout decides it,\" said Jo Roe, "
            "deputy director of the Ridgeway University Poll.")
    got = rows(polls_in(poll_nlp, text, published="2016-02-01"))
    assert got[0] == ("Ridgeway University", None, (("Carter", 49), ("Lawson", 46)))
    assert got[1] == ("Ledger", None, (("Lawson", 45), ("Carter", 42)))


def test_the_pollster_s_chart_that_shows_the_figures_names_the_pollster(poll_nlp):
    text = RACE + "The Ridgeway Institute graphic shows Carter leading Lawson 52% to 41% in the poll."
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Ridgeway Institute"]


# ---- one-word pollster names built on "poll" ------------------------------------------

def test_one_word_name_ending_in_poll_is_the_pollster(poll_nlp):
    for name in ("Briarpoll", "BriarPoll"):
        text = RACE + f"The latest {name} survey put Carter on 47 percent and Lawson on 41 percent."
        assert [p.pollster for p in polls_in(poll_nlp, text)] == [name], name
        text = RACE + f"Carter leads Lawson 47 percent to 41 percent in a new poll, according to {name}."
        assert [p.pollster for p in polls_in(poll_nlp, text)] == [name], name



# ---- a pollster named without a poll word ---------------------------------------------

def test_a_sentence_naming_only_a_poll_compound_pollster_announces_the_poll(poll_nlp):
    text = RACE + ("In the latest Harbourpoll, published by the Ledger, both men gained ground.\n\n"
                   "Carter kept his lead over Lawson, at 53 to 47 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Harbourpoll", None, (("Carter", 53), ("Lawson", 47)))]


def test_a_headline_naming_the_pollster_leaves_the_poll_of_the_next_sentence_named(poll_nlp):
    text = RACE + ("Latest Harbourpoll voting intention figures\n\n"
                   "The latest Harbourpoll/Ledger voting intention poll has Carter on 45% while Lawson is on 40%.")
    assert rows(polls_in(poll_nlp, text)) == [("Harbourpoll", None, (("Carter", 45), ("Lawson", 40)))]
    # A poll noun in the sentence that names another poll's release date stays its own poll.
    text = RACE + "A Ridgeway College poll showed Carter at 45%. A poll released in May had Lawson at 41%."
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Ridgeway College"]


def test_its_own_polling_belongs_to_the_campaign_or_organisation_that_released_it(poll_nlp):
    text = RACE + ("The Acme Research poll had Carter up 48% to 40%. A week earlier the Lawson campaign "
                   "released its own internal polling that had Carter at 35% and Lawson at 31%.")
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Acme Research", "Lawson campaign"]
    # A candidate releasing "his own poll" stays a side of it, not its pollster.
    text = RACE + "The Acme Research poll came out Monday. Lawson released his own poll that had Lawson at 44%."
    assert shares(polls_in(poll_nlp, text)) == {"Lawson": 44}


def test_figures_attributed_to_an_organisation_are_its_poll(poll_nlp):
    text = "Carter Pulls Ahead in New Poll\n\n" + RACE + "Carter leads Lawson 45% to 40%, according to Acme Research."
    assert rows(polls_in(poll_nlp, text)) == [("Acme Research", None, (("Carter", 45), ("Lawson", 40)))]
    # A person the figures are attributed to is a source quoted, not a pollster.
    text = "Carter Pulls Ahead in New Poll\n\n" + RACE + "Carter leads Lawson 45% to 40%, according to Mia Sorel."
    assert [p.pollster for p in polls_in(poll_nlp, text)] == []
    # An outlet reporting a poll that the sentence says another firm conducted is no pollster.
    text = RACE + ("In May, according to the Harbor Daily News, Carter led in a poll conducted by Acme "
                   "Research with 45 percent.")
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Acme Research"]


# ---- an unnamed poll in an article about one pollster's poll ----------------------------

def test_an_unnamed_poll_after_the_only_pollster_named_is_that_pollsters(poll_nlp):
    text = RACE + INTRO + "In a poll two weeks ago, Carter had 41 percent and Lawson had 39 percent."
    got = {(p.pollster, r.candidate, r.share) for p in polls_in(poll_nlp, text) for r in p.results}
    assert {("Ridgeway College", "Carter", 41), ("Ridgeway College", "Lawson", 39)} <= got


def test_an_unnamed_poll_set_apart_or_among_several_pollsters_stays_unnamed(poll_nlp):
    # "new independent": another poll than the one named
    text = RACE + INTRO + "A new independent poll had Carter at 41 percent and Lawson at 39 percent."
    assert {r.share for p in polls_in(poll_nlp, text) for r in p.results} == {45, 40}
    # a person given the pollster's role ran the unnamed poll, not the firm named before
    text = RACE + INTRO + ("Carter leads Lawson 47 percent to 38 percent, said Dana Pruitt, a Republican "
                           "pollster who asked about the race in a broader survey of the state.")
    assert {r.share for p in polls_in(poll_nlp, text) for r in p.results} == {45, 40}
    # two pollsters named: the unnamed poll could be either
    text = (RACE + INTRO + "A Fenwick University poll showed Carter at 44 percent. "
            "In a poll two weeks ago, Carter had 41 percent and Lawson had 39 percent.")
    assert not {r.share for p in polls_in(poll_nlp, text) for r in p.results} & {41, 39}


def test_a_lowercase_compound_between_the_name_and_the_poll_noun_is_a_modifier(poll_nlp):
    text = RACE + "The Pinecrest face-to-face poll has Carter at 46 percent and Lawson at 41 percent."
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Pinecrest"]


def test_a_poll_named_by_its_sponsor_is_not_the_next_sentences_named_poll(poll_nlp):
    text = RACE + ("A national poll sponsored by the Harbor Ledger puts Carter at 44% and Lawson at 39%. "
                   "A Ridgeway College poll of Ohio has Carter at 41% and Lawson at 40%.")
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Harbor Ledger", "Ridgeway College"]


def test_a_pollster_name_does_not_grow_across_a_sentence_end_after_an_abbreviation(poll_nlp):
    text = RACE + ("A Pinecrest poll has Carter at 41% and Lawson at 37%. It was run by Pinecrest, a firm based "
                   "in Washington, D.C. Pinecrest teamed up with a Denver consultancy for it.")
    assert {p.pollster for p in polls_in(poll_nlp, text)} == {"Pinecrest"}


# ---- pollsters the article itself establishes ------------------------------------------

def test_a_firm_named_by_a_construction_is_a_pollster_later_by_name_alone(poll_nlp):
    text = RACE + ("Carter has climbed in polls conducted by Tillbrook University this spring. "
                   "Tillbrook University now has Carter at 44 percent and Lawson at 39 percent.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Tillbrook University", None, (("Carter", 44), ("Lawson", 39)))]


def test_a_person_named_like_a_firm_is_not_learned_as_a_pollster(poll_nlp):
    # a first poll, so that a poll credited to "Carter" would show as a row of its own
    text = RACE + INTRO + ("A Carter campaign poll showed Carter up 45 percent to 40 percent. "
                           "Carter said Lawson was at 40 percent.")
    assert rows(polls_in(poll_nlp, text)) == [("Ridgeway College", None, (("Carter", 45), ("Lawson", 40)))]


def test_a_count_after_of_is_a_sample_not_a_subgroup(poll_nlp):
    text = RACE + ("A poll of more than 1,500 people conducted by Marlow Research showed Carter with "
                   "44 percent of the vote and Lawson with 41 percent.")
    assert [p.population for p in polls_in(poll_nlp, text)] == [None]


def test_a_firm_shaped_name_in_a_poll_sentence_is_the_pollster(poll_nlp):
    text = RACE + ("In the latest Brindle Strategies numbers, a poll of 600 voters, Carter leads "
                   "Lawson 47 percent to 41 percent.")
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Brindle Strategies"]


def test_a_name_parted_from_the_poll_noun_by_topic_words_is_the_pollster(poll_nlp):
    text = RACE + "The latest Quarrystone members' poll put Carter on 44 percent and Lawson on 39 percent."
    assert [p.pollster for p in polls_in(poll_nlp, text)] == ["Quarrystone"]
    text = RACE + "The Democratic primary poll put Carter on 44 percent and Lawson on 39 percent."
    assert [p.pollster for p in polls_in(poll_nlp, text)] in ([], [None])
    text = RACE + "A Lawson campaign poll released in May put Lawson on 44 percent and Carter on 39 percent."
    assert all(p.pollster != "Lawson" for p in polls_in(poll_nlp, text))
