"""One organisation lexicon for extraction, in-article resolution and the store
(nlp/organizations.py): the same canonical name everywhere, its data checked on load."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from endorsetrack.resolve import DatingDefaults, date_article
from endorsetrack.errors import RuleFileError
from endorsetrack.extract.mentions.detect import gazetteer as extraction_forms
from endorsetrack.nlp.organizations import ORGANIZATIONS_FILE, known_organizations, read_organizations
from endorsetrack.resolve import EntityIndex, NameIndex, default_gazetteer, name_key
from endorsetrack.settings import DEFAULT
from endorsetrack.store import StoreWriter, connect, migrate
from endorsetrack.types import Article, ArticleResult, Endorsement, Evidence, RuleRef

REPO = Path(__file__).resolve().parents[2]
POLLSTERS = REPO / "src" / "endorsetrack" / "nlp" / "patterns" / "poll_pollsters.jsonl"


def _write(tmp_path: Path, *rules: dict) -> Path:
    path = tmp_path / "organizations.jsonl"
    path.write_text("// a comment line\n" + "".join(json.dumps(r) + "\n" for r in rules), encoding="utf-8")
    return path


def _org(id_: str, **keys) -> dict:
    return {"id": id_, "version": 1, "name": f"{id_.title()} Workers Union", "type": "union", **keys}


# ---- one lexicon ------------------------------------------------------------------------

def test_there_is_one_organisation_file():
    assert ORGANIZATIONS_FILE.exists()
    assert not (REPO / "src" / "endorsetrack" / "resolve" / "data" / "organizations.jsonl").exists()


@pytest.mark.parametrize("spelling", ["UFCW", "United Food and Commercial Workers", "UFW", "United Farm Workers",
                                      "Teamsters", "IAFF", "DNC", "Service Employees"])
def test_an_organisation_has_the_same_canonical_name_in_extract_output_and_in_the_store(spelling):
    in_article = NameIndex([], []).org(spelling)
    across_articles = EntityIndex(default_gazetteer(), DEFAULT.entity_match_threshold).resolve(spelling,
                                                                                              "organization")
    assert in_article.name == across_articles.new_name
    assert in_article.gazetteer_id == across_articles.gazetteer_id


def test_a_stored_organisation_keeps_the_canonical_name_the_extract_output_gives_it(tmp_path):
    extracted = NameIndex([], []).org("the UFCW")  # what the resolve stage puts in extract output
    fact = Endorsement(endorser=extracted.name, endorser_type="union", candidate="Jane Roe", stance="endorses",
                       stage=None, evidence=Evidence("quote", 0, 5), confidence=0.9, rule=RuleRef("test.rule", 1),
                       endorser_aliases=("UFCW",))
    db = connect(str(tmp_path / "t.db"), create=True)
    try:
        migrate(db)
        with StoreWriter(db) as w:
            w.write(date_article(ArticleResult(article=Article(doc="a.txt", text="text"), endorsements=(fact,)),
                                 DatingDefaults()))
        stored = db.query("SELECT e.name, e.gazetteer_id FROM stances s JOIN entities e ON e.id = s.endorser_id")
        assert stored == [{"name": extracted.name, "gazetteer_id": "ufcw"}]
        assert extracted.name == "United Food and Commercial Workers International Union"
    finally:
        db.close()


def test_extraction_looks_for_every_spelling_of_every_organisation_found_in_text():
    forms = {form for form, _ in extraction_forms()}
    for org in known_organizations():
        spelt = {n.lower() for n in org.names}
        assert (spelt <= forms) == org.in_text, org.id


def test_no_spelling_names_two_organisations():
    owner: dict[str, str] = {}
    for org in known_organizations():
        for n in org.names:
            assert owner.setdefault(name_key(n), org.id) == org.id, (n, owner[name_key(n)], org.id)


def test_pollsters_are_left_to_the_pollster_gazetteer():
    pollsters = {json.loads(line)["name"] for line in POLLSTERS.read_text().splitlines() if line.startswith("{")}
    names = {n for org in known_organizations() for n in org.names}
    assert not names & pollsters
    assert default_gazetteer().lookup("Quinnipiac University") is None


# ---- checked on load --------------------------------------------------------------------

def test_unknown_key_in_the_gazetteer_is_an_error_naming_the_line(tmp_path):
    path = _write(tmp_path, _org("alpha"), _org("beta", tpyo=["x"]))
    with pytest.raises(RuleFileError) as info:
        read_organizations(path)
    assert str(info.value) == f"{path}:3: rule 'beta' has unknown key(s): tpyo"
    assert info.value.exit_code == 3


@pytest.mark.parametrize("bad,message", [
    ({"type": "club"}, "unknown type 'club'"),
    ({"aliases": "Alpha"}, "'aliases' must be a list of names"),
    ({"acronyms": [""]}, "'acronyms' must be a list of names"),
    ({"parent": "nobody"}, "parent 'nobody' is no other organisation"),
    ({"in_text": "no"}, "'in_text' must be true or false"),
    ({"aliases": ["Alpha Workers Union"]}, "already a spelling of 'alpha'"),
])
def test_a_bad_entry_is_an_error_naming_the_line(tmp_path, bad, message):
    path = _write(tmp_path, _org("alpha"), {**_org("beta"), **bad})
    with pytest.raises(RuleFileError, match=f"organizations.jsonl:3: .*{message}"):
        read_organizations(path)


def test_a_parent_is_another_entry_of_the_file(tmp_path):
    path = _write(tmp_path, _org("alpha"), _org("beta", parent="alpha"))
    assert [o.parent for o in read_organizations(path)] == [None, "alpha"]
