"""In-article name resolution without a model (resolve/names.py).

NameIndex holds the names one article gives; person() and org() map a short form
to the fullest one (surname -> full name, acronym -> expansion by initials or by a
link's host, gazetteer short name -> canonical name) and keep every candidate.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from endorsetrack.resolve.names import NameIndex, family, initials, strip_title

IAM = "International Association of Machinists and Aerospace Workers"


def test_two_people_of_one_surname_and_length_resolve_to_the_one_named_first():
    # The index keeps the article's order among names of one length, so a lone surname
    # resolves the same way in every process (a set's order follows the hash seed).
    assert NameIndex(["Mara Quill", "Tess Quill"], []).person("Quill").name == "Mara Quill"
    assert NameIndex(["Tess Quill", "Mara Quill"], []).person("Quill").name == "Tess Quill"


def test_a_lone_surname_resolves_the_same_under_every_hash_seed():
    script = ("from endorsetrack.resolve.names import NameIndex; "
              "print(NameIndex(['Ada Fenwick', 'Bea Fenwick', 'Cal Fenwick', 'Dot Fenwick', 'Eli Fenwick'], [])"
              ".person('Fenwick').name)")
    answers = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip()
               for seed in range(6)}
    assert answers == {"Ada Fenwick"}



# ---- people ---------------------------------------------------------------------------

def test_surname_resolves_to_the_full_name_in_the_article():
    index = NameIndex(["Maria Vega", "Tom Reyes"], [])
    res = index.person("Vega")
    assert res.name == "Maria Vega" and res.entity_type == "person"
    assert ("Maria Vega", 0.9) in res.candidates


def test_title_is_dropped_before_matching():
    index = NameIndex(["Gov. Linda Okafor"], [])
    assert index.person("Gov. Okafor").name == "Linda Okafor"
    assert index.person("Linda Okafor").name == "Linda Okafor"


def test_a_different_first_name_is_another_person():
    index = NameIndex(["Anna Vega"], [])
    assert index.person("Maria Vega").name == "Maria Vega"


def test_unknown_person_keeps_the_given_name():
    res = NameIndex(["Maria Vega"], []).person("Tom Reyes")
    assert res.name == "Tom Reyes" and res.candidates == (("Tom Reyes", 1.0),)


# ---- organisations: acronyms --------------------------------------------------------

@pytest.mark.parametrize("given", ["HWU", "the HWU"])
def test_acronym_resolves_to_an_expansion_by_initials(given):
    index = NameIndex([], ["Harbor Workers Union", "Riverside Teachers Association"])
    res = index.org(given)
    assert res.name == "Harbor Workers Union"
    assert ("Harbor Workers Union", 0.95) in res.candidates


def test_initials_skip_function_words():
    assert initials("Federation of Dock and Harbor Workers") == "FDHW"
    assert initials("Harbor-Workers Union") == "HWU"
    index = NameIndex([], ["Federation of Dock and Harbor Workers"])
    assert index.org("FDHW").name == "Federation of Dock and Harbor Workers"


def test_acronym_without_expansion_stays():
    res = NameIndex([], ["Harbor Workers Union"]).org("RTA")
    assert res.name == "RTA" and res.candidates == (("RTA", 1.0),)


def test_ambiguous_acronym_keeps_every_candidate():
    res = NameIndex([], ["Harbor Workers Union", "Hotel Workers Union"]).org("HWU")
    assert {"Harbor Workers Union", "Hotel Workers Union"} <= {name for name, _ in res.candidates}


def test_link_host_expands_an_acronym_whose_initials_differ():
    # initials("Dock and Harbor Workers") is DHW; only the link to idhw.org ties it to IDHW.
    without = NameIndex([], ["Dock and Harbor Workers"])
    assert without.org("IDHW").name == "IDHW"
    index = NameIndex([], ["Dock and Harbor Workers"], links=[("Dock and Harbor Workers", "http://www.idhw.org/")])
    res = index.org("IDHW")
    assert res.name == "Dock and Harbor Workers"
    assert ("Dock and Harbor Workers", 0.9) in res.candidates


def test_link_to_another_host_is_no_evidence():
    index = NameIndex([], [], links=[("Dock and Harbor Workers", "https://example.org/idhw")])
    assert index.org("IDHW").name == "IDHW"


# ---- organisations: gazetteer ---------------------------------------------------------

@pytest.mark.parametrize("given", ["the Machinists", "Machinists", "IAM"])
def test_gazetteer_short_name_becomes_canonical_without_a_longer_form(given):
    res = NameIndex([], []).org(given)
    assert res.name == IAM
    assert res.gazetteer_id == "iam" and res.entity_type == "union"


def test_longer_form_in_the_article_wins_over_the_canonical_name():
    res = NameIndex([], ["International Association of Machinists"]).org("the Machinists")
    assert res.name == "International Association of Machinists"
    assert res.gazetteer_id == "iam"


def test_gazetteer_types():
    index = NameIndex([], [])
    assert index.org("SEIU").entity_type == "union"
    assert index.org("Sierra Club").entity_type == "organization"
    assert index.org("Sierra Club").name == "Sierra Club"


def test_numbered_local_is_not_replaced_by_its_national_body():
    assert NameIndex([], []).org("Machinists Local 44").name == "Machinists Local 44"


def test_unknown_organisation_keeps_its_name_without_type():
    res = NameIndex([], []).org("the Riverside Business Alliance")
    assert res.name == "Riverside Business Alliance"
    assert res.gazetteer_id is None and res.entity_type is None


# ---- helpers --------------------------------------------------------------------------

@pytest.mark.parametrize("given,expected", [
    ("Sen. Maria Vega", "Maria Vega"), ("former Gov. Linda Okafor", "Linda Okafor"),
    ("Mayor Tom Reyes", "Tom Reyes"), ("Maria Vega", "Maria Vega"), ("Senate", "Senate"),
])
def test_strip_title(given, expected):
    assert strip_title(given) == expected


def test_a_surname_with_its_particle_resolves_to_the_full_name():
    index = NameIndex(["Rosa van Dalen", "Tom Reyes"], [])
    assert index.person("van Dalen").name == "Rosa van Dalen"


def test_a_possessive_name_is_indexed_without_its_s():
    index = NameIndex(["Maria Vega's"], [])
    assert index.person("Vega").name == "Maria Vega"


def test_a_plural_surname_is_the_family_the_article_names():
    index = NameIndex(["Tom Okafor", "Linda Okafor", "Okafors", "Maria Vega"], [])
    assert family("Okafors", index) == ["Linda Okafor", "Tom Okafor"]
    assert family("Vegas", index) == []  # one person of that name is no family


def test_a_short_name_resolves_the_same_every_time_it_is_asked():
    """The lookups are built once per article; asking again must not use them up."""
    index = NameIndex([], ["Marlow Valley Courier", "Harbor Glaziers and Lamplighters Union"])
    assert [index.org("the Courier").name for _ in range(3)] == ["Marlow Valley Courier"] * 3
    assert [index.org("the lamplighters").name for _ in range(3)] == ["Harbor Glaziers and Lamplighters Union"] * 3


def test_a_head_before_of_names_the_one_body_it_heads():
    """'the Chamber' after 'the Calder Chamber of Commerce'; two chambers leave it unresolved."""
    index = NameIndex([], ["Calder Chamber of Commerce"])
    assert index.org("Chamber").name == "Calder Chamber of Commerce"
    both = NameIndex([], ["Calder Chamber of Commerce", "Harlow Chamber of Commerce"])
    assert both.org("Chamber").name == "Chamber"
