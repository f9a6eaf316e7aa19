"""Mentions of possible endorsers and candidates in one parsed sentence (extract/mentions.py).

find_mentions must find union names that the small model's NER misses or splits
(numbered locals, gazetteer short names, glued names), reference phrases that point
back to an earlier name, and never return overlapping spans.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from endorsetrack.extract.mentions import Mention, as_place, place_of_person
from endorsetrack.extract.mentions.detect import GENERIC_CANDIDATE_RE, find_mentions, gazetteer


def sentence_mentions(nlp, text: str, which: int = 0) -> list[tuple[str, str, str]]:
    """(text, kind, label) of each mention in sentence ``which`` of ``text``."""
    sent = list(nlp(text).sents)[which]
    return [(m.text, m.kind, m.label) for m in find_mentions(sent)]


def by_text(nlp, text: str, which: int = 0) -> dict[str, tuple[str, str]]:
    return {t: (kind, label) for t, kind, label in sentence_mentions(nlp, text, which)}


def test_numbered_locals_are_one_mention(nlp):
    found = by_text(nlp, "The Bakers Union, the Nurses Alliance and Pipefitters Local 12 and 14 have endorsed "
                         "Maria Vega.")
    assert found["Pipefitters Local 12 and 14"] == ("org", "local")
    assert found["Maria Vega"][0] == "person"
    assert found["Bakers Union"][0] == "org" and found["Nurses Alliance"][0] == "org"


def test_glued_name_with_local_number_is_one_local(nlp):
    assert by_text(nlp, "SEA/SEIU Local 1984 endorsed Maria Vega.")["SEA/SEIU Local 1984"] == ("org", "local")


def test_gazetteer_short_names_carry_the_rule_id(nlp):
    found = by_text(nlp, "Members of the Machinists union and the SEIU endorsed Maria Vega.")
    assert found["Machinists union"] == ("org", "org.iam")
    assert found["SEIU"] == ("org", "org.seiu")


def test_unnamed_member_body_is_a_description(nlp):
    found = by_text(nlp, "The SEIU and a Teamsters local endorsed Maria Vega.")
    assert found["Teamsters local"] == ("desc", "local")


def test_state_suffix_stays_with_an_acronym(nlp):
    assert by_text(nlp, "AFT Ohio endorsed Maria Vega.")["AFT Ohio"] == ("org", "org.aft")


def test_city_prefix_makes_a_local_body(nlp):
    found = by_text(nlp, "The Boston Fraternal Order of Police endorsed Maria Vega.")
    assert found.get("Boston Fraternal Order of Police") == ("org", "local")


def test_ballot_measure(nlp):
    assert by_text(nlp, "Voters will decide Proposition 12 in November.")["Proposition 12"] == ("measure", "")


def test_references_and_pronouns(nlp):
    found = by_text(nlp, "The union said it would back Gov. Linda Okafor.")
    assert found["union"] == ("ref", "union")
    assert found["it"] == ("ref", "it")
    # the title is trimmed from a person's mention
    assert found["Linda Okafor"] == ("person", "PERSON")


def test_plural_quantified_groups_are_not_references(nlp):
    assert sentence_mentions(nlp, "Other unions have not weighed in on the race.") == []
    assert [m for m in sentence_mentions(nlp, "Several unions endorsed Maria Vega.") if m[1] == "ref"] == []


def test_group_noun_after_the_is_a_description(nlp):
    assert by_text(nlp, "The aerospace workers endorsed Maria Vega.")["aerospace workers"] == ("desc", "group")


def test_short_sentence_with_a_name_is_not_a_headline(nlp):
    found = by_text(nlp, "Vega Wins Support\n\nThe Harbor Workers Union met Monday. The union said it is "
                         "backing Maria Vega.", which=1)
    assert found.get("Harbor Workers Union", ("", ""))[0] == "org"


@pytest.mark.parametrize("text", [
    "The Bakers Union, the Nurses Alliance and Pipefitters Local 12 and 14 have endorsed Maria Vega.",
    "The Harbor Workers Union's endorsement of Maria Vega, the former city clerk, came on Tuesday.",
    "Its largest local, Pipefitters Local 12, endorsed Gov. Linda Okafor and Proposition 12.",
])
def test_mentions_are_ordered_and_do_not_overlap(nlp, text):
    for sent in nlp(text).sents:
        found = find_mentions(sent)
        assert [m.start for m in found] == sorted(m.start for m in found)
        for a, b in zip(found, found[1:]):
            assert a.end <= b.start, (a, b)
        for m in found:
            assert sent.start <= m.start < m.end <= sent.end
            assert m.text == sent.doc[m.start:m.end].text and m.text == m.text.strip()


def test_gazetteer_forms_are_lower_case_and_longest_first():
    forms = [form for form, _ in gazetteer()]
    assert forms and all(f == f.lower() for f in forms)
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)
    assert "machinists" in forms and "seiu" in forms


@pytest.mark.parametrize("phrase,generic", [
    ("a candidate", True), ("either candidate", True), ("any of the candidates", True),
    ("the Democratic nominee", True), ("anyone", True), ("Maria Vega", False), ("the mayor", False),
])
def test_generic_candidate_phrases(phrase, generic):
    assert bool(GENERIC_CANDIDATE_RE.match(phrase)) is generic


@pytest.mark.parametrize("text,name", [
    ("SEIU 775 endorsed Maria Vega.", "SEIU 775"),
    ("UNITE HERE 8 endorsed Maria Vega.", "UNITE HERE 8"),
    ("Yesterday 32BJ SEIU endorsed Maria Vega.", "32BJ SEIU"),
    ("The UAW Region 9 council endorsed Maria Vega.", "UAW Region 9"),
    ("Yesterday DC 37 endorsed Maria Vega.", "DC 37"),
])
def test_a_union_name_with_its_number_is_one_local(nlp, text, name):
    assert by_text(nlp, text)[name] == ("org", "local")


@pytest.mark.parametrize("text,name", [
    ("The UAW 400,000 members voted.", "UAW"),
    ("In the SEIU 2024 platform, nurses come first.", "SEIU"),
])
def test_a_count_or_a_year_after_a_union_is_no_local(nlp, text, name):
    assert by_text(nlp, text)[name][1].startswith("org.")


LONG_LOCAL_NAMES = [
    pytest.param("The Tamarack Falls council heard from the International Union of Glaziers and Allied Glassworkers "
                 "Local 14 on Monday.", "International Union of Glaziers and Allied Glassworkers Local 14",
                 id="and-inside-an-of-phrase"),
    pytest.param("The Tamarack Falls council heard from the Amalgamated Roofers' & Slate Layers' Association Local 88 "
                 "on Monday.", "Amalgamated Roofers' & Slate Layers' Association Local 88", id="ampersand-and-possessives"),
    pytest.param("The Tamarack Falls council heard from the Brotherhood of Quarry, Kiln and Furnace Workers Local 301 "
                 "on Monday.", "Brotherhood of Quarry, Kiln and Furnace Workers Local 301", id="comma-inside-an-of-phrase"),
]


@pytest.mark.parametrize("text,name", LONG_LOCAL_NAMES)
def test_a_local_keeps_the_joiners_of_its_union_name(nlp, text, name):
    assert by_text(nlp, text)[name] == ("org", "local")


def test_a_list_of_unions_before_a_local_stays_a_list(nlp):
    found = by_text(nlp, "The Bakers Union, Teamsters and Roofers Local 5 backed Maria Vega.")
    assert "Roofers Local 5" in found
    assert not any(name.endswith("Roofers Local 5") and name != "Roofers Local 5" for name in found)


@pytest.mark.parametrize("text,name", [
    pytest.param("Maria Vega thanked Professional and Clerical Employees 31 for its support.",
                 "Professional and Clerical Employees 31", id="employees"),
    pytest.param("Maria Vega thanked the Harbor Pipe Fitters 412 for its support.", "Harbor Pipe Fitters 412",
                 id="fitters"),
])
def test_a_bare_number_after_a_trade_name_is_its_local(nlp, text, name):
    assert by_text(nlp, text)[name] == ("org", "local")


def test_a_count_after_a_trade_name_is_no_local(nlp):
    found = by_text(nlp, "Maria Vega thanked the Harbor Pipe Fitters 4,000 members for their support.")
    assert not any("4,000" in name for name in found)


def test_two_places_glued_by_a_slash_name_one_body(nlp):
    found = by_text(nlp, "Maria Vega won the backing of the Dunmore/Hale County Building & Construction Trades "
                         "Council on Monday.")
    assert any(name.startswith("Dunmore/Hale County") and name.endswith("Trades Council") for name in found)


def test_an_untagged_name_before_of_and_a_place_in_a_list_is_a_person(nlp):
    found = by_text(nlp, "The other former governors who have endorsed Maria Vega are Lorna Todd Pike of New Jersey, "
                         "Ted Okafor of Montana and Rosa Delgado of Illinois.")
    assert found["Lorna Todd Pike"][0] == "person"


def test_a_body_named_for_its_place_stays_one_organisation(nlp):
    found = by_text(nlp, "The mayor thanked the Tidewater Savings Bank of Omaha and its staff.")
    assert not any(kind == "person" for kind, _ in found.values())


@pytest.mark.parametrize("words,ents,expected", [
    (["Mayor", "Dennis", "Okoro", "of", "Harwich", "spoke", "."],
     ["O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "O"], True),
    (["The", "wife", "of", "Okoro", "spoke", "."], ["O", "O", "O", "B-PERSON", "O", "O"], False),
    (["Dennis", "Okoro", "of", "Carla", "Hollis", "'s", "staff"],
     ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"], False),
])
def test_a_one_word_name_after_a_persons_of_is_a_place(nlp, words, ents, expected):
    """'Mayor Dennis Okoro of Harwich': NER's PERSON after a person's 'of' is where the person
    is of; 'the wife of Okoro' and a full name after 'of' stay people."""
    doc = Doc(nlp.vocab, words=words, ents=ents)
    last = doc.ents[-1]
    m = Mention(last.start, last.end, last.text, "person", "PERSON")
    assert place_of_person(m, doc) is expected
    assert (as_place(m, {last.text}).kind == "org") is (expected or " " not in last.text)
