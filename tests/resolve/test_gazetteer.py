"""The organisation lexicon (nlp/patterns/organizations.jsonl) as the store's gazetteer:
every spelling of a well-known organisation finds it, and bad data is an error."""
import pytest

from endorsetrack.errors import RuleFileError
from endorsetrack.resolve.gazetteer import PLACES_FILE, default_gazetteer, load_gazetteer


def test_required_unions_and_their_short_names():
    g = default_gazetteer()
    for name, gid in [("IAFF", "iaff"), ("International Association of Firefighters", "iaff"),
                      ("Service Employees", "seiu"), ("AFT", "aft"), ("AFSCME", "afscme"), ("UAW", "uaw"),
                      ("Machinists", "iam"), ("Teamsters", "ibt"), ("CWA", "cwa"), ("UNITE-HERE", "unitehere"),
                      ("AFL-CIO", "aflcio"), ("Change to Win", "ctw"), ("UFCW", "ufcw"), ("LIUNA", "liuna"),
                      ("Carpenters union", "ubc"), ("NEA", "nea"), ("FOP", "fop"), ("UFW", "ufw")]:
        assert g.lookup(name).id == gid, name


def test_a_party_and_its_national_committee_are_two_organisations():
    g = default_gazetteer()
    assert g.lookup("DNC").name == "Democratic National Committee"
    assert g.lookup("Democratic Party").id == "democratic-party"
    assert g.orgs["dnc"].parent == "democratic-party" and g.orgs["rnc"].parent == "republican-party"


def test_a_missing_key_names_file_and_line(tmp_path):
    orgs = tmp_path / "orgs.jsonl"
    orgs.write_text('{"id": "a", "version": 1, "name": "A Union", "type": "union"}\n'
                    '{"id": "b", "version": 1, "type": "union"}\n')
    with pytest.raises(RuleFileError, match=r"orgs.jsonl:2: .*missing key"):
        load_gazetteer(orgs, PLACES_FILE)
