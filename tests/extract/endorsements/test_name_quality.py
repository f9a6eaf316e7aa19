"""Right fact, wrong name: the classes of naming error that turn one fact into a false hit
and a miss. A place before a description ("Xs largest labor union", "TX nurses union")
is where the body is, not the body; the description is resolved as one.

Invented sentences; the whole pipeline runs on each (helpers.extraction).
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of

VEGA = "Maria Vega"


@pytest.mark.parametrize("text,place", [
    pytest.param("MARLOW (AP) Calderias largest nurses union is endorsing Maria Vega for governor.",
                 "Calderias", id="place-without-apostrophe"),
    pytest.param("TX nurses union won't endorse in governor's race\n\nThe race is wide open.", "TX",
                 id="two-letter-place-code"),
    pytest.param("S.D. firefighters union not endorsing mayoral candidates\n\nThe race is wide open.", "S.D.",
                 id="abbreviated-place"),
])
def test_place_before_a_description_is_not_the_endorser(nlp, text, place):
    assert place not in {e for e, _, _, _ in facts_of(nlp, text)}


def test_place_before_a_description_takes_the_union_named_next(nlp):
    text = ("MARLOW (AP) Calderias largest nurses union is endorsing Maria Vega for governor.\n\n"
            "The Calderia Nurses Federation said its members backed her by a wide margin.")
    assert ("Calderia Nurses Federation", VEGA, "endorses") in {f[:3] for f in facts_of(nlp, text)}


@pytest.mark.parametrize("text,endorser", [
    pytest.param("The CNF health care union endorsed Maria Vega on Tuesday.", "CNF", id="acronym"),
    pytest.param("The Harbor Pilots union endorsed Maria Vega on Tuesday.", "Harbor Pilots", id="two-words"),
])
def test_a_body_named_inside_a_description_still_endorses(nlp, text, endorser):
    names = {e for e, _, _, _ in facts_of(nlp, text)}
    assert any(endorser.lower() in n.lower() for n in names), names


def test_a_wire_credit_before_the_lead_is_no_endorser(nlp):
    found = facts_of(nlp, "(WNN) - The Harbor Gazette endorsed Maria Vega for mayor on Saturday.")
    assert {e for e, _, _, _ in found} == {"Harbor Gazette"}


def test_a_capital_our_inside_a_sentence_opens_a_name(nlp):
    found = facts_of(nlp, "Vega has won several endorsements including from Sen. Ann Lee and Our Future Now.")
    endorsers = {e for e, _, _, _ in found}
    assert "Our Future Now" in endorsers and "editorial board" not in endorsers


def test_a_newspaper_in_a_photo_credit_is_not_the_union_described(nlp):
    text = ("Firefighters rallied downtown. (Jo Smith for The Harbor Gazette)\n\n"
            "While Tom Reyes won the backing of the main umbrella organization in the city, Maria Vega is set "
            "to pick up an endorsement from the union representing city firefighters.")
    assert not any("Gazette" in e for e, _, _, _ in facts_of(nlp, text))


def test_a_verb_capitalised_in_a_headline_is_no_first_name(nlp):
    text = ("Senator Plans to Endorse Vega\n\nSenator Linda Okafor will endorse Maria Vega on Monday. "
            "Her niece, Rosa Okafor, will also endorse Vega.")
    candidates = {c for _, c, _, _ in facts_of(nlp, text)}
    assert candidates == {VEGA}


def test_a_family_endorses_as_its_members(nlp):
    text = ("The Okafors endorsed Maria Vega for mayor on Monday. Former Governor Tom Okafor and former "
            "Senator Linda Okafor praised her record.")
    endorsers = {e for e, c, _, _ in facts_of(nlp, text) if c == VEGA}
    assert "Okafors" not in endorsers and {"Tom Okafor", "Linda Okafor"} <= endorsers


def test_a_particle_surname_candidate_takes_the_full_name(nlp):
    text = "Rosa van Dalen is running for mayor. The Harbor Workers Union endorsed van Dalen on Monday."
    assert ("Harbor Workers Union", "Rosa van Dalen", "endorses", None) in facts_of(nlp, text)


@pytest.mark.parametrize("text,generic", [
    pytest.param("Maria Vega has received the endorsements of 14 MPs so far.", "MPs", id="counted-members"),
    pytest.param("Powerful PAC gets behind Vega\n\nThe race is wide open.", "PAC", id="headline-generic"),
    pytest.param("Pastors and Rabbis met on Sunday and said they collectively support Maria Vega for mayor.",
                 "Pastors and Rabbis", id="clergy-group"),
    pytest.param("by Jo Smith – Gazette Staff Writer Union members who back Maria Vega held a rally on Monday.",
                 "Staff Writer Union", id="byline-run-on"),
])
def test_a_group_the_text_does_not_name_is_no_endorser(nlp, text, generic):
    assert generic not in {e for e, _, _, _ in facts_of(nlp, text)}


def test_the_newspaper_is_the_paper_an_appositive_calls_one(nlp):
    text = ("The Harbor County Union Leader, a conservative-leaning newspaper, has run for a century.\n\n"
            "In backing Maria Vega, the newspaper endorsed its first Democrat in a century.")
    endorsers = {e for e, c, _, _ in facts_of(nlp, text) if c == VEGA}
    assert "editorial board" not in endorsers
