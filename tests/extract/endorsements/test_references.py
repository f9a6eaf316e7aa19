"""Endorsers and candidates named by reference: "the union" in a later sentence, a
possessive candidacy, a body the lead describes before it names it ("a union of city
bus drivers ... Transit Workers Local 88"), pronouns ("it", "he", "her", a quoted "I")
and relative pronouns ("which", "who", "whom") that point back to a name.

Each case runs the whole pipeline (``endorsetrack.pipeline.extract_text``) on an invented
text and compares the full set of (endorser, candidate, stance, stage) facts, so a
spurious extra fact fails too.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of, only, run

from spacy.tokens import Doc

from endorsetrack.extract.mentions import Mention, SentenceContext, appositive_name

VEGA, REYES = "Maria Vega", "Tom Reyes"
HWU = "Harbor Workers Union"


# ---- the union, his candidacy ---------------------------------------------------------

def test_the_union_in_a_later_sentence_is_the_named_union(nlp):
    result = run(nlp, "The Harbor Workers Union met Monday. The union said it is backing Maria Vega.")
    e = only(result)
    assert (e.endorser, e.candidate, e.stance) == (HWU, VEGA, "endorses")
    assert e.endorser_type == "union"
    # The evidence is the sentence that states the stance, not the antecedent's.
    assert e.evidence.text == "The union said it is backing Maria Vega."


def test_the_union_after_a_headline(nlp):
    assert facts_of(nlp, "Vega Wins Support\n\nThe Harbor Workers Union met Monday. "
                         "The union said it is backing Maria Vega.") == {(HWU, VEGA, "endorses", None)}


@pytest.mark.parametrize("text,person", [
    ("Tom Reyes filed his papers on Monday. The Harbor Workers Union endorsed his candidacy on Tuesday.", REYES),
    ("Maria Vega announced her run for mayor in March. The Harbor Workers Union endorsed her candidacy "
     "on Tuesday.", VEGA),
])
def test_possessive_candidacy_is_the_person(nlp, text, person):
    assert facts_of(nlp, text) == {(HWU, person, "endorses", None)}


# ---- a described body and its name ----------------------------------------------------

DESCRIPTION_CASES = [
    pytest.param("A union of city bus drivers said Friday that it had voted to endorse Maria Vega for mayor.\n\n"
                 "The vote is notable because the union chapter, Transit Workers Local 88, broke with its "
                 "national leadership.",
                 {("Transit Workers Local 88", "Maria Vega", "endorses", None)}, id="described-then-named"),
    pytest.param("The union representing most city police officers withdrew its endorsement of Tom Reyes on "
                 "Tuesday.\n\nThe Fraternal Order of Police, Harbor Lodge 12, had endorsed Reyes in June.",
                 {("Fraternal Order of Police, Harbor Lodge 12", "Tom Reyes", "rescinds", None),
                  ("Fraternal Order of Police, Harbor Lodge 12", "Tom Reyes", "endorses", None)},
                 id="lead-description-named-next"),
    pytest.param("The Harbor Education Association, which represents 120,000 teachers, recommended Rachel "
                 "Dunmore over Republican Craig Ashby. The HEA met for two days. The HEA has 40 locals. "
                 "AFT Michigan, the state's other union, endorsed Dunmore in August.\n\nAshby won the union's "
                 "recommendation in 2016.",
                 {("Harbor Education Association", "Rachel Dunmore", "endorses", None),
                  ("AFT Michigan", "Rachel Dunmore", "endorses", None),
                  ("Harbor Education Association", "Craig Ashby", "endorses", None)}, id="the-union-is-the-salient-one"),
    pytest.param("Building trades back Sadowski; Teamsters line up behind Vance\n\nTeresa Vance has the endorsement "
                 "of Teamsters Local 986, which represents delivery drivers.",
                 {("Teamsters Local 986", "Teresa Vance", "endorses", None)}, id="headline-national-is-the-local"),
    pytest.param("Nevada's labor movement is divided, with the state's building trades council endorsing Ron Sadowski "
                 "on Wednesday.\n\nThe Southern Nevada Building and Construction Trades Council voted 14-3 to endorse "
                 "Sadowski.",
                 {("Southern Nevada Building and Construction Trades Council", "Ron Sadowski", "endorses", None)},
                 id="described-council-named-by-its-words"),
    pytest.param("Lucia Carvalho had the backing of the state teachers union, the Pennsylvania State Education "
                 "Association, which spent heavily. Joan Whitaker, who was endorsed by the teachers union in 2018, "
                 "lost.",
                 {("Pennsylvania State Education Association", "Lucia Carvalho", "endorses", None),
                  ("Pennsylvania State Education Association", "Joan Whitaker", "endorses", None)},
                 id="teachers-union-is-the-education-association"),
    pytest.param("Vinh Tran has won the backing of IBEW Local 1120, the electricians' union, which broke with the rest "
                 "of organized labor.",
                 {("IBEW Local 1120", "Vinh Tran", "endorses", None)}, id="description-after-a-name-is-that-name"),
    pytest.param("Dan Whitcomb has won the endorsement of a union which three years ago paid for a $250,000 push against "
                 "him.\n\nThe Allied Masonry Workers Union is the third union that backs Whitcomb "
                 "this season.",
                 {("Allied Masonry Workers Union", "Dan Whitcomb", "opposes", None),
                  ("Allied Masonry Workers Union", "Dan Whitcomb", "endorses", None)},
                 id="a-union-named-by-a-copula"),
    pytest.param("A group of local merchants said it would back Maria Vega for mayor.\n\n"
                 "The group, which meets monthly, has 40 members.",
                 set(), id="described-never-named"),
]


@pytest.mark.parametrize("text,expected", DESCRIPTION_CASES)
def test_a_description_stands_for_the_body_it_describes(nlp, text, expected):
    assert facts_of(nlp, text) == expected


# ---- pronouns and relative clauses ----------------------------------------------------

PRONOUN_CASES = [
    pytest.param("AFSCME Local 2890 pulled its support from Tom Gruber in July and campaigns for his opponent, "
                 "retired firefighter Angela Pruitt, whom the local has since endorsed.",
                 {("AFSCME Local 2890", "Tom Gruber", "rescinds", None),
                  ("AFSCME Local 2890", "Angela Pruitt", "endorses", None)}, id="whom-the-local-endorsed"),
    pytest.param("The Harbor Federation of Labor endorsed Carla Mendenhall. Hours later, United Steelworkers Local "
                 "1219, which represents 2,400 workers, said it would stick with Joseph Brannigan.",
                 {("Harbor Federation of Labor", "Carla Mendenhall", "endorses", None),
                  ("United Steelworkers Local 1219", "Joseph Brannigan", "endorses", None)}, id="it-is-the-subject-local"),
    pytest.param("Maria Ortiz is running for governor. Ray Kessler is her opponent. He also picked up the endorsement "
                 "of the Silver State Police Officers Association in August. Labor has otherwise lined up behind "
                 "Ortiz. The Nevada State AFL-CIO endorsed her in June.",
                 {("Silver State Police Officers Association", "Ray Kessler", "endorses", None),
                  ("Nevada State AFL-CIO", "Maria Ortiz", "endorses", None)}, id="her-is-not-the-man"),
    pytest.param("Greg Matusek lost the primary to Lucia Carvalho. Matusek conceded shortly after 10 p.m. and said he "
                 "would support Carvalho in November.",
                 {("Greg Matusek", "Lucia Carvalho", "endorses", "general")}, id="he-is-the-sentence-subject"),
    pytest.param("Carla Hollis beat former Mayor Brent Vogler. Vogler conceded before midnight. \"The voters have spoken, and I will "
                 "support Carla Hollis in November,\" he said.",
                 {("Brent Vogler", "Carla Hollis", "endorses", "general")}, id="quoted-i-is-the-speaker"),
    pytest.param("Sheriff Dana Whitcombe spoke at the rally in Pell County.\n\n\"She knows our towns,\" Whitcombe "
                 "said. \"I am endorsing Carla Hollis because our deputies need her.\"",
                 {("Dana Whitcombe", "Carla Hollis", "endorses", None)}, id="quoted-i-attributed-earlier-in-paragraph"),
    pytest.param("Pastor Lionel Abernathy spoke last.\n\n\"I will never support Brent Vogler. He has failed our "
                 "city,\" Abernathy wrote in a letter on Sunday. \"Our church owes him nothing.\"",
                 {("Lionel Abernathy", "Brent Vogler", "declines", None)}, id="quoted-i-attributed-later-in-paragraph"),
    pytest.param("Brent Vogler is running for the House.\n\nAt the diner, a lifelong Republican named Edna Pruitt "
                 "said she had known Vogler for 40 years.\n\n\"He sat with my husband the night he died,\" Pruitt "
                 "said. \"I'm probably still voting for Brent Vogler.\"",
                 set(), id="a-quoted-voters-ballot-is-no-endorsement"),
    pytest.param("\"We endorsed Carla Hollis in the spring,\" said Dale Hutchins, business agent of Painters Local 417.",
                 {("Painters Local 417", "Carla Hollis", "endorses", None)}, id="quoted-we-is-the-speakers-body"),
    pytest.param("Brent Vogler served two terms as governor of Westland. Last month, the former GOP governor threw his "
                 "support behind Carla Hollis.",
                 {("Brent Vogler", "Carla Hollis", "endorses", None)}, id="the-former-party-governor-is-the-person"),
    pytest.param("Last month, the former GOP governor threw his support behind Carla Hollis.",
                 set(), id="a-party-description-of-no-one-named"),
    pytest.param("A spokesman for Mayor Dennis Okoro of Harwich also said he has not yet endorsed Carla Hollis, and "
                 "would have backed Tom Reyes if the senator had entered the race.",
                 {("Dennis Okoro", "Carla Hollis", "undecided", None)}, id="a-name-after-a-verb-is-no-list-item"),
    pytest.param("\"We are proud to stand with Carla Hollis,\" said Dale Hutchins, who once worked for the Harbor "
                 "Workers Union.",
                 set(), id="quoted-we-not-a-body-named-in-a-clause-about-the-speaker"),
    pytest.param("The endorsement is a setback for Sen. Daniel Okafor, who courted the union and who picked up the "
                 "endorsement of the American Federation of Teachers in September.",
                 {("American Federation of Teachers", "Daniel Okafor", "endorses", None)}, id="second-who-clause"),
    pytest.param("SEIU Local 1310 said it would stay out of the primary. Irene Kowalczyk is expected to win the "
                 "backing of Women Lead PA, which interviews candidates this week and has said it will announce its "
                 "pick by May 1.",
                 {("SEIU Local 1310", None, "declines", "primary"),
                  ("Women Lead PA", "Irene Kowalczyk", "will_endorse", None),
                  ("Women Lead PA", None, "will_endorse", None)}, id="it-inside-which-clause"),
    pytest.param("The Riverbend Chamber of Commerce backs Brett Hallorann. The Riverbend Chamber of Commerce and the "
                 "Riverbend Chamber of Commerce PAC met. The state's largest newspaper, the Riverbend Courier, has said "
                 "it will not endorse in the governor's race this year.",
                 {("Riverbend Chamber of Commerce", "Brett Hallorann", "endorses", None),
                  ("Riverbend Courier", None, "declines", None)}, id="it-after-a-described-paper"),
    pytest.param("Brenton County Sheriff Dale Osgood praised Maria Vega on Monday.\n\n\"She is a proven leader,\" "
                 "Osgood's written comments read. \"She has always stood with deputies and that is why I support "
                 "Maria Vega.\"", {("Dale Osgood", VEGA, "endorses", None)},
                 id="quoted-i-after-a-statement-its-author-wrote"),
    pytest.param("Gov. Dale Osgood weighed in on Friday.\n\n\"Maria Vega is strong on jobs. I support Maria Vega!\" "
                 "Osgood tweeted on Friday.", {("Dale Osgood", VEGA, "endorses", None)},
                 id="quoted-i-attributed-after-the-closing-quote"),
    pytest.param("The Harbor Fair drew a crowd. Pop singer Ana Ruiz and her brother Tom Ruiz, a drummer, on Tuesday "
                 "made a video about the Harbor Fair and Ana said they would both be voting for Maria Vega.",
                 {("Ana Ruiz", VEGA, "endorses", None), ("Tom Ruiz", VEGA, "endorses", None)},
                 id="they-after-two-people-the-sentence-joins-is-both"),
    pytest.param("Maria Vega has won an endorsement from the Harbor Labor Federation's largest union, officials said "
                 "on Friday.", set(), id="a-descriptions-possessor-is-not-its-referent"),
    pytest.param("The Harbor Workers Union held a forum on Monday. Younger members are a small share of the crowd, "
                 "but they are the most united, with six-in-ten of them backing Maria Vega.",
                 set(), id="a-share-of-them-is-people-not-a-body"),
    pytest.param("The 12 unions that formed the Harbor Labor Alliance voted unanimously on Monday to get behind "
                 "Maria Vega.", {("Harbor Labor Alliance", VEGA, "endorses", None)},
                 id="the-unions-that-formed-a-body-are-that-body"),
    pytest.param("The groups that make up the Harbor Labor Alliance voted on Monday to endorse Maria Vega.",
                 {("Harbor Labor Alliance", VEGA, "endorses", None)}, id="the-groups-that-make-up-a-body"),
    pytest.param("The Harbor Workers Union met on Monday. Since then 14 councillors have announced they will be "
                 "backing Maria Vega.", set(), id="they-after-a-count-of-people-is-those-people"),
    pytest.param("The Harbor Workers Union met on Monday. Several delegates who said they opposed Tom Reyes left early.",
                 set(), id="they-in-a-clause-about-plural-people"),
]


@pytest.mark.parametrize("text,expected", PRONOUN_CASES)
def test_pronouns_and_relative_clauses_point_to_the_right_name(nlp, text, expected):
    assert facts_of(nlp, text) == expected


# ---- type checks: chambers, courts, titles are no referents --------------------------

TYPE_CHECK_CASES = [
    pytest.param('The "Fair Shift" coalition of four unions is announcing its picks, the coalition told the '
                 "Brookfield City Council on Friday. The group is backing Maria Vega for mayor.",
                 {("Fair Shift", VEGA, "endorses", None)}, id="quoted-name-of-a-coalition-not-the-council"),
    pytest.param('The "Fair Shift" coalition met on Monday. The coalition spoke to the press. The group said '
                 "the union would listen. They are backing Maria Vega.",
                 {("Fair Shift", VEGA, "endorses", None)}, id="a-chain-of-four-references"),
    pytest.param("The Millbrook Nurses' Association met on Monday.\n\nNurses' association backs Maria Vega\n\n"
                 "The nurses' association endorsed Maria Vega after interviews.",
                 {("Millbrook Nurses' Association", VEGA, "endorses", None)}, id="a-possessor-is-no-name"),
    pytest.param("On Friday, the former GOP governor threw his weight behind Maria Vega.", set(),
                 id="a-party-word-on-a-title-is-no-party"),
    pytest.param("Maria Vega was endorsed on Friday by Millbrook County Sheriff Dale Osgood.",
                 {("Dale Osgood", VEGA, "endorses", None)},
                 id="a-place-title-before-a-name-is-the-person"),
    pytest.param("Tom Reyes isn't the only Republican to support Maria Vega.", set(),
                 id="one-republican-is-no-party"),
    pytest.param("So far, 31 MPs and Senators have yet to endorse anyone.", set(),
                 id="plural-titles-are-people-not-a-body"),
    pytest.param("Republicans endorsed Maria Vega at their convention.",
                 {("Republican Party", VEGA, "endorses", None)}, id="the-party-in-the-plural-still-endorses"),
    pytest.param("The state Supreme Court sided with Tom Reyes on the ballot question.",
                 set(), id="a-court-is-no-endorser"),
    pytest.param("The Harbor Workers Union met City Council Budget Chair Ana Ruiz on Monday. The union endorsed "
                 "Maria Vega.", {(HWU, VEGA, "endorses", None)}, id="a-title-is-no-referent"),
]


@pytest.mark.parametrize("text,expected", TYPE_CHECK_CASES)
def test_places_courts_and_titles_are_never_endorsers(nlp, text, expected):
    assert facts_of(nlp, text) == expected


@pytest.mark.parametrize("words,follower", [
    (["Religious", "group", "Casa", "del", "Sol", "(", "CDS", ")", "has", "endorsed", "Carla", "Hollis", "."], "("),
    (["Support", "came", "from", "farm", "group", "Dunmore", "Growers", "Guild", "and", "two", "unions", "."], "and"),
])
def test_a_description_right_before_a_name_is_named_by_it(nlp, words, follower):
    """'religious group Casa del Sol (CDS)': the name set right after its description, as
    a title, names it by surface order alone, however the parser attached the two (a
    dateline's place often takes the description as its appositive)."""
    doc = Doc(nlp.vocab, words=words)  # no parse at all: only the surface order is left
    group = words.index("group")
    name_end = words.index(follower)
    described = Mention(group - 1, group + 1, " ".join(words[group - 1:group + 1]), "ref", "group")
    name = Mention(group + 1, name_end, " ".join(words[group + 1:name_end]), "org", "ORG")
    ctx = SentenceContext(doc[0:len(doc)], [described, name], [], set(), None)
    assert appositive_name(described, ctx) == name


# ---- a subject set off by a relative clause the parse hung elsewhere ----------------------

def test_a_name_before_a_relative_clause_aside_is_the_endorser(nlp):
    text = ('Aside from Maria Vega, the "Harbor Workers Union" which is known for its rallies, '
            'also endorsed the candidacy of Tom Reyes.')
    facts = facts_of(nlp, text)
    assert (HWU, REYES, "endorses", None) in {(e, c, s, g) for e, c, s, g in facts}
    assert not any(e == VEGA for e, *_ in facts)


# ---- a set of endorsements as a subject: "its endorsements include A and B" -------------------

def test_a_bodys_endorsements_include_its_candidates(nlp):
    text = ("The Harbor Workers Union announced its picks on Monday. "
            "The union's other endorsements include Maria Vega and Tom Reyes.")
    assert {(e, c, s) for e, c, s, _ in facts_of(nlp, text)} >= {(HWU, VEGA, "endorses"), (HWU, REYES, "endorses")}


def test_a_persons_endorsements_are_the_ones_she_received(nlp):
    text = "Maria Vega is running for mayor. Her endorsements include the Harbor Workers Union."
    assert {(e, c, s) for e, c, s, _ in facts_of(nlp, text)} == {(HWU, VEGA, "endorses")}


def test_endorsed_candidates_include_is_the_story_subjects_list(nlp):
    text = ("Harbor Workers Union Backs Slate\n\nThe Harbor Workers Union released its slate on Monday. "
            "The Harbor Workers Union has 4,000 members. The Harbor Workers Union met in Salem. "
            "Endorsed candidates for the council include Maria Vega and Tom Reyes.")
    facts = {(e, c, s) for e, c, s, _ in facts_of(nlp, text)}
    assert {(HWU, VEGA, "endorses"), (HWU, REYES, "endorses")} <= facts


# ---- no source at all: "X was endorsed", "Y received the endorsement" in a story about one body -------

PARK = "Lia Park"


def test_an_agentless_passive_is_the_latest_bodys_stance(nlp):
    text = ("The Harbor Workers Union endorsed Maria Vega for mayor on Monday. "
            "Tom Reyes and Lia Park were endorsed in the council races.")
    facts = {(e, c, s) for e, c, s, _ in facts_of(nlp, text)}
    assert {(HWU, VEGA, "endorses"), (HWU, REYES, "endorses"), (HWU, PARK, "endorses")} <= facts


def test_a_received_endorsement_without_a_source_is_the_latest_bodys(nlp):
    text = ("The Harbor Workers Union endorsed Maria Vega for mayor on Monday. "
            "Tom Reyes received the endorsement in District 1.")
    assert (HWU, REYES, "endorses") in {(e, c, s) for e, c, s, _ in facts_of(nlp, text)}


def test_an_agentless_passive_with_no_body_in_the_story_names_no_one(nlp):
    assert facts_of(nlp, "Maria Vega spoke on Monday. Tom Reyes was endorsed in the council race.") == set()


def test_an_indefinite_description_is_named_by_a_later_appositive(nlp):
    text = ("A small coastal workers group that backed Maria Vega last year is now endorsing Tom Reyes. "
            "A letter from the Harbor Workers Union, the largest such group in the state, said so.")
    facts = {(e, c, s) for e, c, s, _ in facts_of(nlp, text)}
    assert (HWU, REYES, "endorses") in facts


def test_a_percent_figure_in_the_candidates_relative_clause_is_no_poll(nlp):
    text = "The Harbor Workers Union also backed Maria Vega, who has a 95 percent lifetime score."
    assert (HWU, VEGA, "endorses") in {(e, c, s) for e, c, s, _ in facts_of(nlp, text)}


# ---- a description by what the body stands for, or by its size ----------------------------------

@pytest.mark.parametrize("text,body", [
    ("The Salem Taxpayers League met on Monday. The anti-tax organization endorsed Maria Vega for mayor.",
     "Salem Taxpayers League"),
    ("The Harbor Workers Union met on Monday in Salem. The 4,000-member union endorsed Maria Vega for mayor.", HWU),
])
def test_a_description_by_stance_or_size_is_the_body_named_before(nlp, text, body):
    assert {(e, c, s) for e, c, s, _ in facts_of(nlp, text)} == {(body, VEGA, "endorses")}


def test_a_description_by_trade_still_needs_a_name_with_its_words(nlp):
    text = "The Harbor Workers Union met on Monday in Salem. The teachers union endorsed Maria Vega for mayor."
    assert not any(e == HWU for e, *_ in facts_of(nlp, text))


# ---- a counted plural: "both unions", "the two unions" -------------------------------------------

TWO_BODIES = "The Harbor Workers Union and the Salem Teachers Association met on Monday to discuss the mayoral election. "


@pytest.mark.parametrize("text", [
    TWO_BODIES + "Both unions endorsed Maria Vega.",
    TWO_BODIES + "The two unions endorsed Maria Vega.",
    TWO_BODIES + "Maria Vega won the support of both unions.",
])
def test_a_counted_plural_is_each_body_named_before(nlp, text):
    assert {(e, c, s) for e, c, s, _ in facts_of(nlp, text)} == {
        (HWU, VEGA, "endorses"), ("Salem Teachers Association", VEGA, "endorses")}


def test_a_counted_plural_with_too_few_bodies_names_no_one(nlp):
    text = "The Harbor Workers Union met on Monday to discuss the mayoral election. Both unions endorsed Maria Vega."
    assert facts_of(nlp, text) == set()
