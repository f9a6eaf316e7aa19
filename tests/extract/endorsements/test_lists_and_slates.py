"""Several endorsers or candidates in one statement: coordinated names ("the Bakers Union,
the Nurses Alliance and Pipefitters Local 12 and 14"), "and by" lists, a dual
endorsement, "among them", a body that "followed" another, a list after a colon, and a
slate (extract/endorsements/slates.py): the candidates listed line by line under the
sentence that announces them.

Each case runs the whole pipeline (``endorsetrack.pipeline.extract_text``) on an invented
text and compares the full set of (endorser, candidate, stance, stage) facts, so a
spurious extra fact fails too.
"""
from __future__ import annotations

import pytest
from helpers.extraction import facts, facts_of, run

VEGA = "Maria Vega"


# ---- lists in a sentence --------------------------------------------------------------

def test_list_of_endorsers_with_numbered_locals(nlp):
    result = run(nlp, "The Bakers Union, the Nurses Alliance and Pipefitters Local 12 and 14 "
                      "have endorsed Maria Vega.")
    assert facts(result) == {(name, VEGA, "endorses", None) for name in
                             ("Bakers Union", "Nurses Alliance", "Pipefitters Local 12", "Pipefitters Local 14")}
    parents = {e.endorser: e.endorser_parent for e in result.endorsements}
    assert parents["Pipefitters Local 12"] == parents["Pipefitters Local 14"] == "Pipefitters"


LIST_CASES = [
    pytest.param("The Harbor Workers Union endorsed three candidates for council: Coun. Maria Fontes, former "
                 "school trustee Dev Grewal and community advocate Alison Tremblay.",
                 {("Harbor Workers Union", "Maria Fontes", "endorses", None),
                  ("Harbor Workers Union", "Dev Grewal", "endorses", None),
                  ("Harbor Workers Union", "Alison Tremblay", "endorses", None)}, id="colon-list-described-names"),
    pytest.param("The Harbor Nurses Association issued a dual endorsement of Maria Vega and Salem City Councilor "
                 "Tom Reyes.",
                 {("Harbor Nurses Association", "Maria Vega", "endorses", None),
                  ("Harbor Nurses Association", "Tom Reyes", "endorses", None)}, id="dual-endorsement-titled"),
    pytest.param("Dev Chaudhry is backed by 58 MPs, among them the former shadow chancellor Ruth Ellingham.",
                 {("Ruth Ellingham", "Dev Chaudhry", "endorses", None)}, id="among-them-names-the-endorser"),
    pytest.param("The Harbor Federation of Labor endorsed Ron Templeton in March, and the Keystone Building Trades "
                 "Council followed two weeks later.",
                 {("Harbor Federation of Labor", "Ron Templeton", "endorses", None),
                  ("Keystone Building Trades Council", "Ron Templeton", "endorses", None)}, id="followed-later"),
    pytest.param("Measure A would raise the sales tax. The measure is also backed by Laborers' Local 220 and by Mayor "
                 "Ines Farago.",
                 {("Laborers' Local 220", "Measure A", "endorses", "general"),
                  ("Ines Farago", "Measure A", "endorses", "general")}, id="and-by-list"),
    pytest.param("Carla Hollis was backed in the primary by the Kansas Farm Families Alliance and by Sen. Roger Pell.",
                 {("Kansas Farm Families Alliance", "Carla Hollis", "endorses", "primary"),
                  ("Roger Pell", "Carla Hollis", "endorses", "primary")}, id="passive-by-hung-on-a-noun"),
    pytest.param("Brent Vogler had the support of the Meriden City Fraternal Order of Police Lodge 18 and the anti-tax "
                 "group Kansans for Limited Government.",
                 {("Meriden City Fraternal Order of Police Lodge 18", "Brent Vogler", "endorses", None),
                  ("Kansans for Limited Government", "Brent Vogler", "endorses", None)}, id="list-with-described-org"),
]


@pytest.mark.parametrize("text,expected", LIST_CASES)
def test_every_name_of_a_list_gets_its_fact(nlp, text, expected):
    assert facts_of(nlp, text) == expected


# ---- slates ---------------------------------------------------------------------------

SLATE_CASES = [
    pytest.param("The Harbor Workers Union endorsed the following candidates:\n\n"
                 "- Attorney General: state Sen. Liam Hurley\n- Treasurer: Angela Ruiz\n\nThe union meets again in May.",
                 {("Harbor Workers Union", "Liam Hurley", "endorses", None),
                  ("Harbor Workers Union", "Angela Ruiz", "endorses", None)}, id="slate-list"),
]


@pytest.mark.parametrize("text,expected", SLATE_CASES)
def test_every_line_of_a_slate_is_endorsed(nlp, text, expected):
    assert facts_of(nlp, text) == expected
