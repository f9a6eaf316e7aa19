"""Lists whose items are interrupted (extract/mentions/coordination.py): a party/state
tag, a home ("of Ohio"), an appositive description, semicolons; each fact on such a list
names the coordination rule after its trigger's rule.

Each case runs the whole pipeline on an invented text and compares the full set of
(endorser, candidate, stance, stage) facts, so a spurious extra fact fails too.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts, run

VEGA = "Maria Vega"

INTERRUPTED_LISTS = [
    pytest.param("Maria Vega has been endorsed by three former governors, including Tom Ardell of Ohio, "
                 "Rick Sandow of Michigan and Paul Rensick of Oregon.",
                 {"Tom Ardell", "Rick Sandow", "Paul Rensick"}, "coord.place", id="home-after-each-name"),
    pytest.param("Maria Vega was endorsed by Sens. Susan Marlowe (R-Maine), Orrin Tabbert (R-Utah), and "
                 "Dean Hollick (R-Nev.).",
                 {"Susan Marlowe", "Orrin Tabbert", "Dean Hollick"}, "coord.tag", id="party-state-tags"),
    pytest.param("Maria Vega was endorsed by Lindsay Orrell, the deputy speaker of the assembly, and Ian Pruett, "
                 "the shadow secretary for housing.",
                 {"Lindsay Orrell", "Ian Pruett"}, "coord.appositive", id="appositive-descriptions"),
    pytest.param("Lindsay Orrell, the deputy speaker of the assembly, and Ian Pruett endorsed Maria Vega.",
                 {"Lindsay Orrell", "Ian Pruett"}, "coord.appositive", id="appositive-in-subject"),
    pytest.param("Maria Vega had been endorsed by several unions, including Bakers Local 8, representing hotel "
                 "and restaurant workers; the Harbor Building Trades Council, representing 19 affiliated unions; "
                 "and Pipefitters Local 12.",
                 {"Bakers Local 8", "Harbor Building Trades Council", "Pipefitters Local 12"}, "coord.appositive",
                 id="semicolons-with-descriptions"),
    pytest.param("Maria Vega had been endorsed by several unions, including Bakers Local 8, representing hotel "
                 "workers; Professional and Clerical Employees 31, the biggest local speaking for the City of "
                 "Dunmore clerks; Painters 242, representing sign painters; and Harbor Pipe Fitters 412.",
                 {"Bakers Local 8", "Professional and Clerical Employees 31", "Painters 242", "Harbor Pipe Fitters 412"},
                 "coord.appositive", id="numbered-locals-with-a-name-inside-a-description"),
]


@pytest.mark.parametrize("text,endorsers,coordination", INTERRUPTED_LISTS)
def test_every_item_of_an_interrupted_list_endorses(nlp, text, endorsers, coordination):
    result = run(nlp, text)
    # the stage is not this module's business: party tags may read as a primary
    assert {fact[:3] for fact in facts(result)} == {(name, VEGA, "endorses") for name in endorsers}
    assert {e.rule.id.split("+")[1] for e in result.endorsements} == {coordination}


def test_a_plain_list_records_no_coordination_rule(nlp):
    result = run(nlp, "The Bakers Union, the Nurses Alliance and the Harbor Workers Union endorsed Maria Vega.")
    assert len(result.endorsements) == 3
    assert all("+" not in e.rule.id for e in result.endorsements)


def test_a_name_in_another_clause_is_no_list_item(nlp):
    # "who was elected with the help of": a finite verb between two names ends the list
    result = run(nlp, "Sen. Paul Rensick, who was elected with the help of Mayor Ana Ruiz and Sen. Tom Ardell, "
                      "endorsed Maria Vega.")
    assert {e.endorser for e in result.endorsements} == {"Paul Rensick"}


COPULA_LISTS = [
    pytest.param("Also endorsing Maria Vega last week were: the Bakers Union, the Nurses Alliance and the Harbor "
                 "Workers Union.", id="gerund-subject-then-copula"),
    pytest.param("The other unions that have endorsed Maria Vega are the Bakers Union, the Nurses Alliance and the "
                 "Harbor Workers Union.", id="relative-clause-subject-then-copula"),
    pytest.param("Among the groups that endorsed Maria Vega are the Bakers Union, the Nurses Alliance and the "
                 "Harbor Workers Union.", id="among-inverted"),
]


@pytest.mark.parametrize("text", COPULA_LISTS)
def test_names_after_a_copula_are_the_endorsers(nlp, text):
    result = run(nlp, text)
    assert {fact[:3] for fact in facts(result)} == {
        (name, VEGA, "endorses") for name in ("Bakers Union", "Nurses Alliance", "Harbor Workers Union")}
    assert all(e.rule.id.endswith("+coord.copula") for e in result.endorsements)


def test_names_after_as_do_take_the_stance(nlp):
    result = run(nlp, "Mayor Tom Ardell favors Maria Vega, as do other mayors such as Newark's Rick Sandow and "
                      "Youngstown's Paul Rensick.")
    assert facts(result) == {(name, VEGA, "endorses", None) for name in ("Tom Ardell", "Rick Sandow", "Paul Rensick")}
    assert {e.rule.id for e in result.endorsements if e.endorser != "Tom Ardell"} == {"verb.back+coord.as_do"}


def test_as_did_after_a_neutral_stance(nlp):
    result = run(nlp, "The union's president, Tom Ardell, stayed out of the race, as did Rick Sandow, the deputy "
                      "speaker, and Paul Rensick.")
    assert {(e.endorser, e.stance) for e in result.endorsements} == {
        (name, "declines") for name in ("Tom Ardell", "Rick Sandow", "Paul Rensick")}


def test_the_one_joined_in_endorsing_endorses_too(nlp):
    result = run(nlp, "Tom Ardell joins his former running mate, Rick Sandow, in endorsing Maria Vega.")
    assert facts(result) == {("Tom Ardell", VEGA, "endorses", None), ("Rick Sandow", VEGA, "endorses", None)}


def test_one_item_of_an_endorsed_list_does_not_endorse_another(nlp):
    result = run(nlp, "Council members Rick Sandow and Paul Rensick were endorsed by the Harbor Workers Union.")
    assert facts(result) == {("Harbor Workers Union", name, "endorses", None) for name in ("Rick Sandow", "Paul Rensick")}


def test_a_group_named_after_a_colon_endorses_by_its_members(nlp):
    result = run(nlp, "Maria Vega is running for mayor. More support arrived on Tuesday, when she won the "
                      "backing of six elected officials: Mayor Rick Sandow, Democratic nominee for Harbor "
                      "Borough President Paul Rensick and Assemblywoman Lee Park.")
    assert {fact[:3] for fact in facts(result)} == {
        (name, VEGA, "endorses") for name in ("Rick Sandow", "Paul Rensick", "Lee Park")}
    assert all("+coord." in e.rule.id for e in result.endorsements)


def test_endorsements_including_from_a_tagged_list(nlp):
    result = run(nlp, "Maria Vega has won several endorsements including from U.S. Sens. Tom Ardell (D-N.J.) and "
                      "Rick Sandow (D-Calif.).")
    assert {fact[:3] for fact in facts(result)} == {(name, VEGA, "endorses") for name in ("Tom Ardell", "Rick Sandow")}


PIKE_OKAFOR_DELGADO = {"Lorna Pike", "Ted Okafor", "Rosa Delgado"}


def test_names_after_a_copula_may_follow_their_places_and_titles(nlp):
    # "are Eastport, Maine, Mayor A, former Harrisburg Mayor B and former San Diego Mayor C"
    result = run(nlp, "Among the other mayors to endorse Maria Vega are Eastport, Maine, Mayor Lorna Pike, former "
                      "Harrisburg Mayor Ted Okafor and former San Diego Mayor Rosa Delgado.")
    assert {fact[:3] for fact in facts(result)} == {(name, VEGA, "endorses") for name in PIKE_OKAFOR_DELGADO}


def test_a_group_subject_is_the_list_after_the_colon_that_ends_its_clause(nlp):
    result = run(nlp, "Governors from three of the largest states have thrown their support behind Sen. Maria Vega: "
                      "California Gov. Lorna Pike, Texas Gov. Ted Okafor and Florida Gov. Rosa Delgado.")
    assert {fact[:3] for fact in facts(result)} == {(name, VEGA, "endorses") for name in PIKE_OKAFOR_DELGADO}
    assert all(e.rule.id.endswith("+coord.appositive") or e.rule.id.endswith("+coord.colon")
               for e in result.endorsements)


def test_a_colon_after_a_clause_with_one_name_is_no_list(nlp):
    # a single name after a late colon is a quote's speaker or an aside, not the group
    result = run(nlp, "Governors from three states have thrown their support behind Sen. Maria Vega: Lorna Pike "
                      "said so on Monday.")
    assert "Lorna Pike" not in {e.endorser for e in result.endorsements}


def test_a_group_of_candidates_named_after_a_dash(nlp):
    result = run(nlp, "Sen. Tom Ardell also endorsed four Democratic House hopefuls in close races — Lorna Pike (Pa.), "
                      "Ted Okafor (N.H.), Rosa Delgado (Ohio) and Ian Pruett (Nev.) — on Monday.")
    assert {fact[:3] for fact in facts(result)} == {
        ("Tom Ardell", name, "endorses") for name in PIKE_OKAFOR_DELGADO | {"Ian Pruett"}}


def test_names_joined_by_as_do_to_a_vague_subject_take_its_stance(nlp):
    result = run(nlp, "A few MPs from the north remain uncommitted, as do Lorna Pike and Ted Okafor.")
    assert {(e.endorser, e.candidate, e.stance) for e in result.endorsements} == {
        ("Lorna Pike", None, "undecided"), ("Ted Okafor", None, "undecided")}


def test_a_capitalised_office_of_a_place_between_names_keeps_the_list(nlp):
    result = run(nlp, "A few MPs from the north remain uncommitted, as do Lorna Pike, Premier of Eastvale, "
                      "Ted Okafor, Mayor of Port Hollis, and Dana Whitcombe.")
    assert {(e.endorser, e.candidate, e.stance) for e in result.endorsements} == {
        (name, None, "undecided") for name in ("Lorna Pike", "Ted Okafor", "Dana Whitcombe")}


def test_titles_with_names_in_apposition_are_those_people(nlp):
    result = run(nlp, "The Chief Whip, Lorna Pike, and the chair of the caucus, Ted Okafor, stayed out of the race.")
    assert {(e.endorser, e.candidate, e.stance) for e in result.endorsements} == {
        ("Lorna Pike", None, "declines"), ("Ted Okafor", None, "declines")}


def test_a_candidate_named_in_addition_to_a_slate_endorses_nobody(nlp):
    # "in addition to X for mayor": X is another candidate of the endorser, not a second endorser
    result = run(nlp, "In addition to Maria Vega for mayor, the Harbor Workers Union endorsed Lorna Pike and Ted "
                      "Okafor for the council.")
    assert {fact[:3] for fact in facts(result)} == {
        ("Harbor Workers Union", name, "endorses") for name in ("Lorna Pike", "Ted Okafor")}


def test_first_names_before_a_surname_the_article_knows_join_it(nlp):
    # the tagger misses "Lorna Todd Pike" here but knows "Pike" from the first sentence
    result = run(nlp, "Gov. Lorna Pike spoke on Monday. The other former governors who have endorsed Maria Vega "
                      "are Lorna Todd Pike of New Jersey, Ted Okafor of Montana and Rosa Delgado of Illinois.")
    assert {fact[:3] for fact in facts(result)} >= {
        (name, VEGA, "endorses") for name in ("Ted Okafor", "Rosa Delgado")}
    assert not any(e.endorser == "Lorna Todd" for e in result.endorsements)


def test_a_counted_group_whose_members_the_next_sentence_lists_endorses_by_its_members(nlp):
    result = run(nlp, "Dalton Pryce entered the leadership race on Monday with a rally in his home town. "
                      "By Friday, Pryce had won the endorsements of 7 MPs.\n\n"
                      "They include four MPs from Eastvale (Hugo Mercer, Petra Lindahl, Oren Tascott and Nina "
                      "Corrigan), two from Northmoor (Ivo Brandt and Lena Oakes) and one from Westport (Rafael "
                      "Quint).")
    members = ("Hugo Mercer", "Petra Lindahl", "Oren Tascott", "Nina Corrigan", "Ivo Brandt", "Lena Oakes",
               "Rafael Quint")
    assert {fact[:3] for fact in facts(result)} == {(name, "Dalton Pryce", "endorses") for name in members}
    assert all(e.rule.id.endswith("+coord.members") for e in result.endorsements)


def test_a_list_after_include_that_follows_no_counted_group_lends_no_stance(nlp):
    result = run(nlp, "Dalton Pryce has been endorsed by the Eastvale Teachers Union. The union's "
                      "leaders include Hugo Mercer and Petra Lindahl.")
    assert {fact[:3] for fact in facts(result)} == {("Eastvale Teachers Union", "Dalton Pryce", "endorses")}
