"""Scored cross-article matching: exact, gazetteer, acronym, token subset; never a silent pick."""
from endorsetrack.resolve.entities import EntityIndex, useful_aliases
from endorsetrack.resolve.gazetteer import default_gazetteer


def index_with(*entities):
    idx = EntityIndex(default_gazetteer(), threshold=0.8)
    for eid, kind, names, gid in entities:
        idx.add_entity(eid, kind, gid)
        for n in names:
            idx.add_name(eid, n)
    return idx


def test_gazetteer_spellings_join_one_entity():
    idx = index_with((1, "organization", ["international association of fire fighters"], "iaff"))
    for mention in ("IAFF", "International Association of Firefighters", "the International Association of "
                    "Fire Fighters union"):
        res = idx.resolve(mention, "organization")
        assert (res.entity_id, res.method) == (1, "gazetteer"), mention


def test_new_gazetteer_mention_gets_canonical_key_and_name():
    res = index_with().resolve("Service Employees", "organization")
    assert res.entity_id is None and res.gazetteer_id == "seiu"
    assert res.new_name == "Service Employees International Union"


def test_acronym_and_token_subset_scores():
    idx = index_with((1, "organization", ["citizens for responsible energy"], None))
    assert idx.resolve("CFRE", "organization").method == "acronym"
    res = idx.resolve("Citizens for Responsible Energy Now", "organization")
    assert (res.entity_id, res.score, res.method) == (1, 0.8, "token_subset")


def test_ties_below_exact_are_not_picked_but_kept():
    idx = index_with((1, "organization", ["river valley workers alliance"], None),
                     (2, "organization", ["river valley workers guild"], None))
    res = idx.resolve("River Valley Workers", "organization")
    assert res.entity_id is None
    assert {m.entity_id for m in res.candidates} == {1, 2}


def test_sub_bodies_and_persons_stay_apart():
    idx = index_with((1, "organization", ["citizen action network"], None),
                     (2, "person", ["joe lieberman"], None))
    assert idx.resolve("Ohio Citizen Action Network", "organization").entity_id is None
    assert idx.resolve("Citizen Action Network Local 5", "organization").entity_id is None
    assert idx.resolve("Sen. Joe Lieberman", "person").entity_id == 2
    assert idx.resolve("Lieberman", "person").entity_id is None  # a surname alone is ambiguous
    assert idx.resolve("Hadassah Lieberman", "person").entity_id is None


def test_useful_aliases_keep_names_not_descriptions():
    assert useful_aliases(["IAFF", "the union", "firefighters union", "Fire Fighters"], "organization") == [
        "IAFF", "Fire Fighters"]
    assert useful_aliases(["Lieberman", "Sen. Joe Lieberman"], "person") == ["Sen. Joe Lieberman"]
