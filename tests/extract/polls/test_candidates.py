"""Which candidate each figure belongs to: sides named by surname, pronoun or possessive,
the rival that a one-sided figure implies, third names with their own figures, titled and
hyphenated names, and parties as the sides of Westminster-style polls.

One test per general fix, with the negative case the fix must leave alone where there is
one. Names are invented; each text introduces its people by full name first, as news does.
"""
from __future__ import annotations

from endorsetrack.extract.polls.people import _titled_names
from endorsetrack.extract.polls.rules import get_poll_rules

from helpers.polls import INTRO, MAYORAL_POLL, MAYORAL_RACE, RACE, polls_in, rows, shares


# ---- sides of a pair ------------------------------------------------------------------

def test_one_side_named_the_other_is_the_first_introduced_rival(poll_nlp):
    text = ("Democrat Joe Carter faces Republican Ned Lawson and independent Bob Brody. "
            "The Monmouth poll found Carter with a narrow lead, 46%-44%.")
    assert rows(polls_in(poll_nlp, text)) == [("Monmouth", None, (("Carter", 46), ("Ned Lawson", 44)))]


def test_a_pronoun_before_the_figure(poll_nlp):
    text = RACE + "In 2016, Carter received 42 percent of the vote. A Gallup poll shows him at 45 percent now."
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 45}


def test_a_pronoun_subject_takes_a_pair_that_names_nobody(poll_nlp):
    text = ("Mayor Ellen Rourke faces Councilman Dario Venn. A Kestrel Analytics survey found Rourke "
            "ahead 47% to 44%. Rourke led 52% to 40% among women. She held a wide lead among Asian "
            "American voters, 58% to 30%, while Venn led among independents, 46% to 41%.")
    got = {p.population: tuple((r.candidate.split()[-1], r.share) for r in p.results)
           for p in polls_in(poll_nlp, text)}
    assert got["Asian American voters"] == (("Rourke", 58), ("Venn", 30))
    assert got["independents"] == (("Venn", 46), ("Rourke", 41))


def test_against_the_object_the_possessor_leads(poll_nlp):
    text = MAYORAL_RACE + MAYORAL_POLL + "Against Pelt, Garvey's lead grows to 47% to 36%."
    assert rows(polls_in(poll_nlp, text))[1] == ("Acme Research", None, (("Garvey", 47), ("Pelt", 36)))


def test_name_after_a_later_figure_is_not_the_pair_s_other_side(poll_nlp):
    # Without a later figure the nearest name in the sentence is still the other side.
    text = RACE + ("An August 17 Quinlan University poll showed Carter up 51 percent to 37 percent "
                   "overall, and losing to Lawson 58 percent to 34 percent among Democrats.")
    assert rows(polls_in(poll_nlp, text))[0] == ("Quinlan University", None, (("Carter", 51), ("Lawson", 37)))


def test_a_third_name_with_its_own_figure_is_not_the_pair_s_other_side(poll_nlp):
    text = RACE + ("Republican Jim Tasker is also running. A Quinlan University poll had shown Carter "
                   "ahead 44 percent to 41 percent, with Tasker at 5 percent.")
    assert shares(polls_in(poll_nlp, text)) == {"Carter": 44, "Lawson": 41, "Tasker": 5}


def test_a_name_after_without_is_left_out_of_the_matchup(poll_nlp):
    text = (RACE + "Independent Maya Fenn is also on the ballot. " + INTRO.replace(" among likely voters", "")
            + "In a two-way race without independent Maya Fenn, Carter leads 47 percent to 44 percent.")
    assert rows(polls_in(poll_nlp, text))[-1] == \
        ("Ridgeway College", None, (("Carter", 47), ("Lawson", 44)))


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


# ---- candidate names ------------------------------------------------------------------

def test_possessive_full_name_gives_the_surname(poll_nlp):
    text = ("Helen Marchmont's bid for the deputy post got a boost on Thursday. Rival Dev Chowdry "
            "is backed by 58 MPs. A survey of Labour members by Castlemoor Research put Marchmont "
            "on 41% and Chowdry on 33%, with the rest undecided.")
    assert shares(polls_in(poll_nlp, text)) == {"Marchmont": 41, "Chowdry": 33}


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


def test_a_title_introduces_a_person_but_not_an_organisation(poll_nlp):
    doc = poll_nlp("Republican Bert Hallam spoke to the Republican National Committee and Mayor Lee.")
    names = [doc[a:b + 1].text for a, b in _titled_names(doc, get_poll_rules(), [])]
    assert names == ["Bert Hallam"]


def test_a_campaign_poll_keeps_its_candidate_a_person(poll_nlp):
    text = RACE + "An internal poll by the Carter campaign showed Carter ahead of Lawson 50 percent to 35 percent."
    assert rows(polls_in(poll_nlp, text)) == [("Carter campaign", None, (("Carter", 50), ("Lawson", 35)))]


# ---- parties --------------------------------------------------------------------------

def test_parties_are_sides_in_westminster_style_polls_only(poll_nlp):
    text = ("Labour is on course to hold the seat in the by-election. The survey by Corvell Research puts "
            "Labour on 38 per cent, Reform UK on 27 per cent and the Greens on 6 per cent.")
    assert rows(polls_in(poll_nlp, text)) == [
        ("Corvell Research", None, (("Labour", 38), ("Reform UK", 27), ("Greens", 6)))]
    text = ("A Quinlan University poll shows Labour unions split: 38 percent of members back the "
            "Greens.")
    assert polls_in(poll_nlp, text) == []  # no Westminster wording: parties are no sides


def test_a_name_after_a_matchup_verb_is_a_person(poll_nlp):
    text = ("Jim Hale is the early favorite in the race for governor. In the new Ridgeway College poll, "
            "Hale leads Bill Orcutt 41-35 for the general election, while Dana Pike trails Orcutt 39/33 "
            "at this point.")
    assert [r[2] for r in rows(polls_in(poll_nlp, text))] == [
        (("Hale", 41), ("Bill Orcutt", 35)), (("Orcutt", 39), ("Dana Pike", 33))]


def test_a_two_word_name_the_model_takes_for_an_organisation_is_a_person_called_by_surname(poll_nlp):
    # The small model labels "Ulla Quenmore" ORG; the article then calls her "Quenmore" alone.
    text = ("If the mayoral election was held today, Ulla Quenmore and Susana Mendez would make the runoff. "
            "Quenmore has led all year.\n\nIn the Acme Research poll, Quenmore came out on top with 21 percent. "
            "Mendez was second with 16 percent.")
    assert shares(polls_in(poll_nlp, text)) == {"Quenmore": 21, "Mendez": 16}
    # An organisation whose first word stands alone is no person.
    text = ("Ulla Quenmore sponsored the poll. Ulla said so, and Quenmore paid. Quenmore is a firm. "
            "Susana Mendez leads in the Acme Research poll with 21 percent.")
    assert shares(polls_in(poll_nlp, text)) == {"Mendez": 21}


def test_a_role_the_article_gave_a_person_names_that_person(poll_nlp):
    text = ("Transport Minister Jane Roe and former treasurer Sam Fry are vying for the party leadership. In a "
            "Pinecrest Analytics survey of 500 members, the transport minister has 57% and the former "
            "treasurer has 43%.")
    assert rows(polls_in(poll_nlp, text)) == [("Pinecrest Analytics", None, (("Jane Roe", 57), ("Sam Fry", 43)))]
    # a role two people share names neither
    text = ("Former Mayor Jane Roe and former Mayor Sam Fry are running. A Pinecrest Analytics poll has "
            "the former mayor at 41%.")
    assert polls_in(poll_nlp, text) == []


def test_a_surname_that_is_also_a_title_word_names_its_person(poll_nlp):
    text = ("Tom Justice and Ada Pruitt are running for governor. A Ridgeway College poll finds Justice leads "
            "Pruitt 44-38.")
    assert shares(polls_in(poll_nlp, text)) == {"Justice": 44, "Pruitt": 38}
