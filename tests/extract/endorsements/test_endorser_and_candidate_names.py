"""How endorsers and candidates are named: an appositive names the endorser, a title is
no part of a person's name, local bodies keep their full name ("Boston Fraternal Order of
Police", "Port Aldane and District Labour Council"), a dateline is no part of it, a name
the tagger takes for a person or an organisation still names what it names, and a bill, a
speaker or "the rest of us" is neither endorser nor candidate.

Each case runs the whole pipeline (``endorsetrack.pipeline.extract_text``) on an invented
text and compares the full set of (endorser, candidate, stance, stage) facts, so a
spurious extra fact fails too.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of, only, run

VEGA, HWU = "Maria Vega", "Harbor Workers Union"


@pytest.mark.parametrize("text,endorser,etype", [
    pytest.param("The largest union in the city, the Harbor Workers Union, endorsed Maria Vega on Tuesday.", HWU,
                 "union", id="org"),
    pytest.param("Linda Okafor, the former governor, endorsed Maria Vega on Tuesday.", "Linda Okafor", "person",
                 id="person"),
    pytest.param("The Pipefitters union has 3,000 members in the county. Its largest local, "
                 "Pipefitters Local 12, endorsed Maria Vega on Tuesday.", "Pipefitters Local 12", "union",
                 id="its-largest-local"),
])
def test_appositive_names_the_endorser(nlp, text, endorser, etype):
    e = only(run(nlp, text))
    assert (e.endorser, e.endorser_type, e.candidate, e.stance) == (endorser, etype, VEGA, "endorses")


def test_title_is_not_part_of_the_person_endorser(nlp):
    assert facts_of(nlp, "Former Gov. Linda Okafor endorsed Maria Vega on Tuesday.") == {
        ("Linda Okafor", VEGA, "endorses", None)}


@pytest.mark.parametrize("text,expected", [
    pytest.param("The Riverside Chamber of Commerce endorsed Maria Vega for mayor on Tuesday.",
                 {("Riverside Chamber of Commerce", VEGA, "endorses", None)}, id="local-chamber"),
    pytest.param("Citizens for a Greener Riverside endorsed Maria Vega for mayor on Tuesday.",
                 {("Citizens for a Greener Riverside", VEGA, "endorses", None)}, id="name-with-article"),
    pytest.param("The Greenfield Chapter of the Sierra Club endorsed Maria Vega for mayor.",
                 {("Greenfield Chapter of the Sierra Club", VEGA, "endorses", None)}, id="chapter-of"),
    pytest.param("The Ohio AFL-CIO endorsed Maria Vega for governor.",
                 {("Ohio AFL-CIO", VEGA, "endorses", None)}, id="state-federation"),
    pytest.param("The Boston Fraternal Order of Police endorsed Maria Vega for mayor.",
                 {("Boston Fraternal Order of Police", VEGA, "endorses", None)}, id="city-lodge"),
])
def test_local_bodies_keep_their_full_name(nlp, text, expected):
    assert facts_of(nlp, text) == expected


NAME_CASES = [
    pytest.param("The Port Aldane and District Labour Council has endorsed Coun. Navdeep Sidhu for mayor.",
                 {("Port Aldane and District Labour Council", "Navdeep Sidhu", "endorses", None)},
                 id="and-district-council-titled-name"),
    pytest.param("In the sheriff's race, the Harbor County Deputy Sheriffs' Association endorsed Sheriff Wade Pruitt.",
                 {("Harbor County Deputy Sheriffs' Association", "Wade Pruitt", "endorses", None)},
                 id="county-body-and-titled-candidate"),
    pytest.param("Liberal Greg Lavoie is seeking a third term. Lavoie won the backing of the Harbor Carpenters "
                 "District Council last week.",
                 {("Harbor Carpenters District Council", "Greg Lavoie", "endorses", None)}, id="surname-of-an-org-tagged-name"),
    pytest.param("Aslef, the train drivers' union, nominated Owen Pryce in the Labour selection on Wednesday.",
                 {("Aslef", "Owen Pryce", "endorses", "primary")}, id="person-tagged-union-by-appositive"),
    pytest.param("Unite's executive council voted to back Helen Marchbank in the Labour selection, overruling "
                 "Unite Scotland, the union's Scottish region, which had voted last month to back Dev Chaudhry.",
                 {("Unite", "Helen Marchbank", "endorses", "primary"),
                  ("Unite Scotland", "Dev Chaudhry", "endorses", "primary")}, id="owners-council-and-appositive-region"),
    pytest.param("PITTSBURGH, April 2, 2026 (Reuters) - The Harbor Federation of Labor gave the nod to Carla Mendenhall "
                 "on Thursday in the Democratic primary.",
                 {("Harbor Federation of Labor", "Carla Mendenhall", "endorses", "primary")}, id="reuters-dateline"),
    pytest.param("The Harbor Federation of Labor endorsed Carla Mendenhall. The national United Steelworkers union "
                 "does not plan to endorse in the race.",
                 {("Harbor Federation of Labor", "Carla Mendenhall", "endorses", None),
                  ("United Steelworkers", None, "declines", None)}, id="named-union-phrase"),
    pytest.param("The Kestrel Bay & District Chamber of Commerce does not endorse candidates.",
                 {("Kestrel Bay & District Chamber of Commerce", None, "declines", None)}, id="ampersand-district"),
    pytest.param("CARSON CITY, Nev. (AP) — The union representing 3,000 firefighters across the state, the Harbor "
                 "Fire Fighters of Nevada, threw its support behind Maria Ortiz on Tuesday.",
                 {("Harbor Fire Fighters of Nevada", "Maria Ortiz", "endorses", None)}, id="dateline-then-described-union"),
]


@pytest.mark.parametrize("text,expected", NAME_CASES)
def test_full_names_of_endorsers_and_candidates(nlp, text, expected):
    assert facts_of(nlp, text) == expected


NO_NAME_CASES = [
    pytest.param("The Harbor Teachers Union backed the measure. Proposition 40 is unopposed now by the same people who "
                 "once wanted the rest of us to oppose the measure.",
                 set(), id="rest-of-us-is-no-endorser"),
    pytest.param("The Harbor Education Association has also thrown its weight behind House Bill 4410, which "
                 "would cap class sizes.", set(), id="a-bill-is-no-candidate"),
    pytest.param("The Harbor Federation of Labour does not endorse individual candidates in byelections, president "
                 "Laura Kinney said.", {("Harbor Federation of Labour", None, "declines", None)},
                 id="speaker-after-generic-is-no-candidate"),
]


@pytest.mark.parametrize("text,expected", NO_NAME_CASES)
def test_words_that_name_no_endorser_or_candidate(nlp, text, expected):
    assert facts_of(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Alderman Tom Reyes, a Vega supporter, spoke after the debate.",
                 {("Tom Reyes", VEGA, "endorses", None)}, id="appositive"),
    pytest.param("Tom Reyes spoke after the debate. He had been a strong Vega backer since the spring.",
                 {("Tom Reyes", VEGA, "endorses", None)}, id="said-of-the-subject"),
    pytest.param("The rally drew Vega supporter Tom Reyes and two dozen others.",
                 {("Tom Reyes", VEGA, "endorses", None)}, id="title-before-the-name"),
    pytest.param("Dozens of Vega supporters rallied outside city hall on Tuesday.", set(), id="supporters-are-voters"),
    pytest.param("Tom Reyes, who was one of Vega's earliest supporters, spoke on Tuesday.",
                 {("Tom Reyes", VEGA, "endorses", None)}, id="one-of-her-supporters"),
    pytest.param("Former Vega supporter Tom Reyes endorsed Ana Ruiz on Tuesday.",
                 {("Tom Reyes", VEGA, "endorses", None), ("Tom Reyes", VEGA, "rescinds", None),
                  ("Tom Reyes", "Ana Ruiz", "endorses", None)}, id="a-former-supporter-rescinds"),
    pytest.param("\"She listens,\" said Alderman Tom Reyes, her top Pennsylvania backer.",
                 {("Tom Reyes", VEGA, "endorses", None)}, id="her-backer-with-a-place-compound"),
])
def test_a_person_described_as_a_candidates_supporter_endorses_the_candidate(nlp, text, expected):
    assert facts_of(nlp, "Maria Vega is running for mayor.\n\n" + text) == expected
