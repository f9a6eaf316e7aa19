"""resolve_article: names, types, parents and merges over one parsed article (resolve/__init__.py).

Facts are built by hand (as the extractor would give them) and resolved against the
parsed text, so each test checks the resolver alone; the pipeline tests at the end
check that extraction and resolution fit together.
"""
from __future__ import annotations

import pytest

from endorsetrack.nlp.build import build_nlp
from endorsetrack.pipeline import extract_text
from endorsetrack.resolve import resolve_article
from endorsetrack.types import Article, ArticleResult, Endorsement, Evidence, Link, RuleRef

IAM = "International Association of Machinists and Aerospace Workers"
SEIU = "Service Employees International Union"


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()  # cached per process: the same model as every other test module


def fact(endorser: str, candidate="Maria Vega", etype: str = "union", stance: str = "endorses",
         confidence: float = 0.9, start: int = 0) -> Endorsement:
    return Endorsement(endorser=endorser, endorser_type=etype, candidate=candidate, stance=stance, stage=None,
                       evidence=Evidence("...", start, start + 3), confidence=confidence,
                       rule=RuleRef("verb.endorse", 1))


def resolve(nlp, text: str, *facts: Endorsement, links=()) -> list[Endorsement]:
    article = Article(doc="t.txt", text=text, links=tuple(links))
    return list(resolve_article(ArticleResult(article=article, endorsements=facts), nlp(text)).endorsements)


def test_surname_candidate_becomes_the_full_name(nlp):
    [e] = resolve(nlp, "Maria Vega is running for mayor. The union endorsed Vega.", fact("Plumbers Union", "Vega"))
    assert e.candidate == "Maria Vega"


def test_acronym_endorser_resolves_to_its_expansion_in_parentheses(nlp):
    text = "Maria Vega met members of the Harbor Workers Union (HWU) on Monday. HWU endorsed Vega on Tuesday."
    [e] = resolve(nlp, text, fact("HWU", etype="organization"))
    assert e.endorser == "Harbor Workers Union"
    assert "HWU" in e.endorser_aliases


def test_sentence_initial_the_is_not_part_of_the_expansion(nlp):
    text = ("The Harbor Workers Union (HWU) represents 4,000 dock workers. "
            "HWU endorsed Maria Vega on Tuesday.")
    [e] = resolve(nlp, text, fact("HWU", etype="organization"))
    assert e.endorser == "Harbor Workers Union"


def test_link_href_is_evidence_for_an_acronym(nlp):
    text = "Members of the Dock and Harbor Workers met Monday. IDHW endorsed Maria Vega on Tuesday."
    start = text.index("Dock and Harbor Workers")
    link = Link(start, start + len("Dock and Harbor Workers"), "http://www.idhw.org/")
    assert text[link.start:link.end] == "Dock and Harbor Workers"
    [without] = resolve(nlp, text, fact("IDHW"))
    assert without.endorser == "IDHW"
    [e] = resolve(nlp, text, fact("IDHW"), links=[link])
    assert e.endorser == "Dock and Harbor Workers"
    assert "IDHW" in e.endorser_aliases


def test_gazetteer_short_name_becomes_canonical(nlp):
    [e] = resolve(nlp, "The Machinists endorsed Maria Vega on Tuesday.", fact("Machinists", etype="organization"))
    assert (e.endorser, e.endorser_type) == (IAM, "union")


@pytest.mark.parametrize("local,parent", [
    ("Pipefitters Local 12", "Pipefitters"),
    ("Machinists Local 44", IAM),
    ("SEA/SEIU", SEIU),
])
def test_parent_of_a_local(nlp, local, parent):
    [e] = resolve(nlp, f"{local} endorsed Maria Vega on Tuesday.", fact(local))
    assert e.endorser == local
    assert e.endorser_parent == parent


def test_national_body_has_no_parent(nlp):
    [e] = resolve(nlp, "The Harbor Workers Union endorsed Maria Vega.", fact("Harbor Workers Union"))
    assert e.endorser_parent is None


def test_facts_that_become_identical_merge_keeping_the_best_evidence(nlp):
    text = "Maria Vega is running for mayor. The Plumbers Union endorsed Vega. The union has backed Maria Vega."
    out = resolve(nlp, text, fact("Plumbers Union", "Vega", confidence=0.75, start=10),
                  fact("Plumbers Union", "Maria Vega", confidence=0.9, start=40))
    assert len(out) == 1
    assert (out[0].candidate, out[0].confidence, out[0].evidence.start) == ("Maria Vega", 0.9, 40)


def test_different_stances_do_not_merge(nlp):
    out = resolve(nlp, "The Plumbers Union endorsed Maria Vega.", fact("Plumbers Union"),
                  fact("Plumbers Union", stance="rescinds", start=5))
    assert sorted(e.stance for e in out) == ["endorses", "rescinds"]


def test_ballot_measure_candidate_is_kept(nlp):
    [e] = resolve(nlp, "The Plumbers Union endorsed Proposition 12.", fact("Plumbers Union", "Proposition 12"))
    assert e.candidate == "Proposition 12"


def test_contest_level_stance_keeps_no_candidate(nlp):
    [e] = resolve(nlp, "The Plumbers Union did not endorse a candidate.",
                  fact("Plumbers Union", None, stance="declines"))
    assert e.candidate is None


# ---- through the pipeline -------------------------------------------------------------

def endorsers(nlp, text: str) -> dict[str, tuple[str, str]]:
    """endorser -> (type, candidate) for each fact the pipeline finds."""
    return {e.endorser: (e.endorser_type, e.candidate) for e in extract_text(text, "t.txt", nlp).endorsements}


@pytest.mark.parametrize("text,endorser,etype", [
    pytest.param("The Plumbers Union endorsed Maria Vega for mayor on Tuesday.", "Plumbers Union", "union",
                 id="union"),
    pytest.param("The Riverside Gazette endorsed Maria Vega for mayor in an editorial on Sunday.",
                 "Riverside Gazette", "newspaper", id="newspaper"),
    pytest.param("Former Gov. Linda Okafor endorsed Maria Vega for mayor on Tuesday.", "Linda Okafor", "person",
                 id="person"),
    pytest.param("The Green Party endorsed Maria Vega for mayor on Tuesday.", "Green Party", "party", id="party"),
    pytest.param("The Riverside Business Alliance endorsed Maria Vega for mayor on Tuesday.",
                 "Riverside Business Alliance", "organization", id="organization"),
    pytest.param("The Sierra Club endorsed Maria Vega for mayor on Tuesday.", "Sierra Club", "organization",
                 id="gazetteer-organization"),
    pytest.param("The Teamsters endorsed Maria Vega for mayor on Tuesday.", "International Brotherhood of Teamsters",
                 "union", id="gazetteer-union"),
    pytest.param("The Riverside Gazette, the city's largest newspaper, endorsed Maria Vega on Sunday.",
                 "Riverside Gazette", "newspaper", id="newspaper-tagged-person"),
    pytest.param("The Millbrook Courier, the city's largest newspaper, endorsed Maria Vega on Sunday.",
                 "Millbrook Courier", "newspaper", id="newspaper-courier"),
    pytest.param("Maria Vega met members of the Harbor Workers Union (HWU) on Monday. HWU endorsed Maria Vega "
                 "on Tuesday.", "Harbor Workers Union", "union", id="acronym-union"),
    pytest.param("AFT Ohio endorsed Maria Vega for governor.", "AFT Ohio", "union", id="state-body-union"),
])
def test_endorser_types(nlp, text, endorser, etype):
    assert endorsers(nlp, text).get(endorser) == (etype, "Maria Vega")


def test_surname_endorsement_resolves_through_the_pipeline(nlp):
    found = endorsers(nlp, "Maria Vega is running for mayor. Vega has been endorsed by the Riverside "
                           "Teachers Association.")
    assert found == {"Riverside Teachers Association": ("union", "Maria Vega")}


def test_acronym_endorser_resolves_through_the_pipeline(nlp):
    found = endorsers(nlp, "Maria Vega met members of the Harbor Workers Union (HWU) on Monday. "
                           "HWU endorsed Maria Vega on Tuesday.")
    assert list(found) == ["Harbor Workers Union"]
    assert found["Harbor Workers Union"][1] == "Maria Vega"


def test_acronym_tagged_as_a_person_still_resolves(nlp):
    found = endorsers(nlp, "Maria Vega is running for mayor against Tom Reyes. She met members of the Harbor "
                           "Workers Union (HWU) on Monday. HWU endorsed Vega on Tuesday.")
    assert list(found) == ["Harbor Workers Union"]


def test_link_in_html_resolves_an_acronym_through_the_pipeline(nlp):
    html = ('<p>Members of the <a href="http://www.idhw.org/">Dock and Harbor Workers</a> met Monday.</p>\n'
            "<p>IDHW endorsed Maria Vega for mayor on Tuesday.</p>")
    result = extract_text(html, "t.html", nlp)
    assert [(e.endorser, e.candidate) for e in result.endorsements] == [("Dock and Harbor Workers", "Maria Vega")]


def test_state_body_names_its_parent(nlp):
    [e] = extract_text("AFT Ohio endorsed Maria Vega for governor.", "t.txt", nlp).endorsements
    assert e.endorser_parent == "American Federation of Teachers"


def test_a_headline_verb_the_body_writes_in_another_form_is_no_first_name(nlp):
    text = ("Dozen Papers Abandon Whitcomb for Ostrova\n\nThe Harbor Ledger is among a dozen newspapers that "
            "abandoned President Whitcomb this fall. The Ledger endorsed Whitcomb four years ago.")
    [e] = resolve(nlp, text, fact("Harbor Ledger", "Whitcomb", etype="newspaper"))
    assert e.candidate == "Whitcomb"
