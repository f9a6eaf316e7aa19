"""The gazetteer and data files load with key checks."""
import pytest

from endorsetrack.resolve.gazetteer import default_gazetteer, load_gazetteer
from endorsetrack.errors import RuleFileError


def test_required_unions_and_their_short_names():
    g = default_gazetteer()
    for name, gid in [("IAFF", "iaff"), ("International Association of Firefighters", "iaff"),
                      ("Service Employees", "seiu"), ("AFT", "aft"), ("AFSCME", "afscme"), ("UAW", "uaw"),
                      ("Machinists", "iam"), ("Teamsters", "ibt"), ("CWA", "cwa"), ("UNITE-HERE", "unitehere"),
                      ("AFL-CIO", "aflcio"), ("Change to Win", "ctw"), ("UFCW", "ufcw"), ("LIUNA", "liuna"),
                      ("Carpenters", "ubc"), ("NEA", "nea"), ("FOP", "fop"), ("UFW", "ufw")]:
        assert g.lookup(name).id == gid, name


def test_bad_rule_file_names_file_and_line(tmp_path):
    orgs = tmp_path / "orgs.jsonl"
    orgs.write_text('{"id": "a", "version": 1, "name": "A Union", "type": "union"}\n'
                    '{"id": "b", "version": 1, "type": "union"}\n')
    places = tmp_path / "places.jsonl"
    places.write_text('{"id": "p", "version": 1, "name": "Ohio"}\n')
    with pytest.raises(RuleFileError, match=r"orgs.jsonl:2: .*missing key"):
        load_gazetteer(orgs, places)
