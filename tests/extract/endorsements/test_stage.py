"""The stage of a fact, primary or general (extract/endorsements/stage.py).

The stage regexes are pure text functions and need no model; the other tests check the
stage through the whole pipeline, including the article-level default (a primary still
ahead makes a story's stances primary, one already decided makes them general).
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of

from endorsetrack.extract.endorsements.stage import article_stage, stage_in_text
from endorsetrack.pipeline import process_records
from endorsetrack.types import Record

VEGA, REYES = "Maria Vega", "Tom Reyes"
HWU = "Harbor Workers Union"


# ---- stage cues in text (no model) ----------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("backed Vega in the primary", "primary"),
    ("ahead of the Democratic primaries", "primary"),
    ("won the most delegates in the Iowa caucuses", "primary"),
    ("for the Democratic nomination", "primary"),
    ("at its state convention", "primary"),
    ("endorsed Vega for the general election", "general"),
    ("is running as an independent", "general"),
    ("in the November election", "general"),
    ("the presumptive nominee", "general"),
    ("the Democratic nominee", "general"),
    ("rescinded its support for Vega in her November bid for sheriff", "general"),
    ("will not endorse anyone until after the state's primary", "primary"),  # neutral through the primary
    ("endorsed Vega the week after the primary", "general"),
    ("a primary care clinic", None),
    ("endorsed Vega on Tuesday", None),
])
def test_stage_in_text(text, expected):
    assert stage_in_text(text) == expected


def test_stage_nearest_the_anchor_wins_when_both_are_named():
    text = "in the primary it backed Reyes; for the general election it endorsed Vega"
    assert stage_in_text(text, anchor=text.index("backed")) == "primary"
    assert stage_in_text(text, anchor=text.index("endorsed")) == "general"


@pytest.mark.parametrize("text,expected", [
    ("Maria Vega faces Tom Reyes in the Sept. 12 Democratic primary.", "primary"),
    ("Tom Reyes, a primary challenger to the mayor, opened an office.", "primary"),
    ("Maria Vega won the Democratic primary in August.", "general"),
    ("Tom Reyes lost the primary and is now running as an independent.", "general"),
    ("Maria Vega, the presumptive Democratic nominee, toured the harbor.", "general"),
    ("Maria Vega won the primary. Ahead of the primary, she had raised $2 million.", "general"),
    ("The city council approved the harbor budget.", None),
    # a partisan story that names a nomination contest and nothing after it
    ("Republican Maria Vega courts delegates. The caucuses decide who carries the party.", "primary"),
    ("Republican Maria Vega has campaigned hard since the primary.", None),
    ("The caucus of the harbor commission met.", None),  # no party: a nonpartisan story stays open
    # a party leadership contest is a nomination contest
    ("Backers of the candidates for the Conservative leadership lined up on Friday.", "primary"),
    ("Two MPs launched a Labour leadership bid.", "primary"),
    ("The union backed Ana Pryce for Labour deputy leader.", "primary"),
    ("The race to succeed the premier as leader of the Liberal Party narrowed.", "primary"),
    ("The branch preselection went to Ana Pryce by 40 votes.", "primary"),
    # a parliamentary or party-list election has no primary
    ("The Tories lead in the marginals, a new survey finds.", "general"),
    ("The church backed twelve senatorial candidates and a party-list group.", "general"),
    ("The council met to discuss the marginal budget of the Tory club.", None),  # no seats, no party
    ("The NDP surged in Quebec as the Tories held the west.", "general"),
    ("A former NDP legislator endorsed Ana Pryce in the mayoral race and in Ward 3.", None),  # a city race
    # the midterms are a general election whatever party words the story uses
    ("Democrats hope to hold the House in the midterms; the union backed Maria Vega.", "general"),
])
def test_article_stage_default(text, expected):
    assert article_stage(text) == expected


# ---- stage through the pipeline -------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    pytest.param("The Harbor Workers Union endorsed Maria Vega in the Democratic primary.",
                 {(HWU, VEGA, "endorses", "primary")}, id="in-the-primary"),
    pytest.param("The Harbor Workers Union endorsed Maria Vega in the general election.",
                 {(HWU, VEGA, "endorses", "general")}, id="general-election"),
    pytest.param("The Harbor Workers Union endorsed Maria Vega, who is running as an independent.",
                 {(HWU, VEGA, "endorses", "general")}, id="as-an-independent"),
    pytest.param("The Harbor Workers Union endorsed Maria Vega for the November election.",
                 {(HWU, VEGA, "endorses", "general")}, id="november"),
    pytest.param("The Harbor Workers Union endorsed Maria Vega for mayor in the caucuses.",
                 {(HWU, VEGA, "endorses", "primary")}, id="caucuses"),
    pytest.param("The Harbor Workers Union backed Tom Reyes in the primary but endorsed Maria Vega for the "
                 "general election.",
                 {(HWU, REYES, "endorses", "primary"), (HWU, VEGA, "endorses", "general")}, id="both-stages"),
    pytest.param("The Harbor Workers Union endorsed Maria Vega for mayor on Tuesday.",
                 {(HWU, VEGA, "endorses", None)}, id="no-stage-cue"),
    pytest.param("Maria Vega faces Tom Reyes in the Sept. 12 Democratic primary.\n\n"
                 "The Harbor Workers Union endorsed Vega on Tuesday, and the Riverside Gazette endorsed Reyes.",
                 {(HWU, VEGA, "endorses", "primary"), ("Riverside Gazette", REYES, "endorses", "primary")},
                 id="default-primary-upcoming"),
    pytest.param("Maria Vega won the Democratic primary in August and now faces Republican Tom Reyes.\n\n"
                 "The Harbor Workers Union endorsed Vega on Tuesday.",
                 {(HWU, VEGA, "endorses", "general")}, id="default-primary-won"),
    pytest.param("Tom Reyes lost the primary to Maria Vega and is now running as an independent.\n\n"
                 "The Harbor Workers Union endorsed Reyes on Tuesday.",
                 {(HWU, REYES, "endorses", "general")}, id="default-independent-after-primary"),
])
def test_stage_of_facts(nlp, text, expected):
    assert facts_of(nlp, text) == expected


def test_stage_of_a_relative_clause_is_not_the_main_clause_stage(nlp):
    found = facts_of(nlp, "The Harbor Workers Union, which backed Tom Reyes in the primary, endorsed "
                          "Maria Vega on Tuesday.")
    assert (HWU, REYES, "endorses", "primary") in found
    vega = [f for f in found if f[1] == VEGA]
    assert vega and all(stage != "primary" for *_, stage in vega), found


STORY_STAGE_CASES = [
    pytest.param("Tom Reyes won the Democratic nomination Tuesday with 54% of the vote, with 96 precincts reporting. "
                 "The Harbor Workers Union endorsed Reyes in March. Maria Vega conceded and said she would support "
                 "Reyes.",
                 {("Harbor Workers Union", "Tom Reyes", "endorses", "primary"),
                  ("Maria Vega", "Tom Reyes", "endorses", "general")}, id="results-story-tense"),
    pytest.param("Rep. Maria Vega faces her Republican challenger, Tom Reyes, on the Nov. 3 ballot. "
                 "The Harbor Workers Union endorsed Vega.",
                 {("Harbor Workers Union", "Maria Vega", "endorses", "general")}, id="november-ballot-general"),
    pytest.param("Rep. Maria Vega faces a Republican challenger, Tom Reyes. The Harbor Workers Union endorsed Vega.",
                 {("Harbor Workers Union", "Maria Vega", "endorses", "general")}, id="party-rival-alone-general"),
    pytest.param("Rep. Maria Vega faces three Republican challengers. The Harbor Workers Union endorsed Vega.",
                 {("Harbor Workers Union", "Maria Vega", "endorses", "primary")}, id="party-rivals-field-primary"),
]


@pytest.mark.parametrize("text,expected", STORY_STAGE_CASES)
def test_stage_from_the_story_around_the_fact(nlp, text, expected):
    assert facts_of(nlp, text) == expected


def test_a_general_cue_in_the_nominating_season_is_for_the_primary(nlp):
    text = ("Election news.\n\nThe Harbor Workers Union endorsed Maria Vega for governor of Ohio on Tuesday, "
            "saying she would win the November election.")
    early, late = (next(process_records([Record(doc="t.txt", content=text, published=day)], nlp=nlp))
                   for day in ("2022-01-11", "2022-09-13"))
    assert {e.stage for e in early.endorsements} == {"primary"}
    assert {e.stage for e in late.endorsements} == {"general"}


def test_a_socialist_club_named_democratic_does_not_make_a_city_race_partisan():
    from endorsetrack.extract.endorsements.stage import partisan
    assert not partisan("The Harbor Point Democratic Socialists endorsed Ilse Varga for mayor.")
    assert partisan("Ilse Varga, a Democrat, won the Democratic nod.")


def test_a_presidential_race_is_a_party_race_without_a_party_word():
    from endorsetrack.extract.endorsements.stage import partisan
    assert partisan("The Tollgate Courier endorsed Mira Senn in the presidential race.")
    assert not partisan("The union's president endorsed Mira Senn for mayor.")


@pytest.mark.parametrize("text", [
    "Senators stay out of the fight to win the party's presidential nomination. Vega backs Reyes.",
    "Most voters wanted Reyes to win the nomination, the poll found. The Harbor Workers Union endorsed Reyes.",
])
def test_a_nomination_still_to_win_does_not_make_a_story_general(text):
    assert article_stage(text) != "general"


def test_a_nomination_won_last_week_makes_a_story_general():
    text = "Reyes topped a four-person field last week to win the Democratic nomination. The union endorsed him."
    assert article_stage(text) == "general"


@pytest.mark.parametrize("text", [
    "After a victory in the Oregon primary, Reyes leads the presidential race. Vega endorsed Reyes.",
    "Reyes won the Republican primary in Utah and more presidential primaries are ahead. Vega backs him.",
    "Reyes racked up nine wins in primary contests in the presidential race. Vega endorsed Reyes.",
])
def test_one_state_round_of_a_presidential_contest_does_not_end_it(text):
    assert article_stage(text) != "general"


def test_a_state_primary_won_in_a_state_race_still_ends_it():
    text = "Reyes won the Oregon Democratic primary for governor. The union endorsed Reyes on Friday."
    assert article_stage(text) == "general"


@pytest.mark.parametrize("text, expected", [
    ("Four retired mayors are backing the Democrat for governor. They praised Lena Cruz.", "general"),
    ("The union is endorsing the Republican in the Senate race, Tom Ardley.", "general"),
    ("The Democrat who raised the most money, Lena Cruz, won the union's backing.", None),
    ("The Republican governors met on Friday and endorsed Tom Ardley.", None),
])
def test_a_party_word_standing_for_one_candidate_is_that_partys_nominee(text, expected):
    assert article_stage(text) == expected


@pytest.mark.parametrize("text", [
    "The mayor endorsed Lena Cruz following the Aug. 21 primary.",
    "The union has yet to back Cruz, who clinched the nomination last week.",
    "Ardley secured the Republican nomination, and the sheriffs now back him.",
])
def test_a_dated_primary_or_a_nomination_already_clinched_dates_a_general_stance(text):
    assert stage_in_text(text) == "general"


def test_a_state_named_after_an_upset_victory_does_not_make_it_one_states_round():
    text = ("Reyes's upset victory, the Oregon Ledger reported, reshapes the presidential race. "
            "Vega endorsed Reyes on Friday.")
    assert article_stage(text) == "general"


def test_a_presidential_word_in_a_governor_story_does_not_make_its_state_primary_a_round():
    text = ("Reyes won the Republican primary in Utah for governor. Reyes once toured a presidential "
            "library. The union endorsed Reyes on Friday.")
    assert article_stage(text) == "general"
