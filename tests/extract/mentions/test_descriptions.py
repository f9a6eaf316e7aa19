"""extract/mentions/descriptions.py: a person given by description is the one person it fits."""
from __future__ import annotations

from endorsetrack.extract.mentions import build_profiles, describe, resolve_description
from endorsetrack.extract.mentions.descriptions import _near_words
from endorsetrack.nlp.build import build_nlp


def _people(doc):
    return [(e[-1].lower_, e.text, e.start, e.end - 1) for e in doc.ents if e.label_ == "PERSON"]


def _resolve(text: str, phrase: str):
    doc = build_nlp()(text)
    start = text.rindex(phrase)
    span = doc.char_span(start, start + len(phrase))
    found = describe(list(span))
    person = resolve_description(found, build_profiles(doc, _people(doc))) if found else None
    return person.name if person else None


def test_party_and_role_pick_the_one_person_they_fit():
    text = ("Former Republican governor Tobias Marlowe backs Democratic Gov. Celia Brandt. "
            "Marlowe praised the Democratic incumbent on Monday.")
    assert _resolve(text, "the Democratic incumbent") == "Celia Brandt"


def test_a_party_said_of_no_one_chooses_no_one():
    text = "Tobias Marlowe met Celia Brandt. Both praised the Democratic incumbent on Monday."
    assert _resolve(text, "the Democratic incumbent") is None


def test_a_role_the_article_gives_one_person_is_that_person():
    text = "Transport Minister Odile Varga trails Hugo Pellerin, and the transport minister has 31 per cent."
    assert _resolve(text, "the transport minister") == "Odile Varga"


def test_a_party_tag_gives_the_party():
    text = "Sen. Rowan Ashby (D-Ore.) and Sen. Mira Kettle (R-Ore.) spoke. Voters like the Republican senator."
    assert _resolve(text, "the Republican senator") == "Mira Kettle"


def test_a_description_rules_out_people_of_another_party():
    from endorsetrack.extract.mentions.descriptions import contradicts
    doc = build_nlp()("Republican Tobias Marlowe spoke. The Democratic nominee did not.")
    profiles = build_profiles(doc, _people(doc))
    start = doc.text.index("The Democratic nominee")
    found = describe(list(doc.char_span(start, start + len("The Democratic nominee"))))
    assert found is not None and [p.name for p in profiles if contradicts(found, p)] == ["Tobias Marlowe"]


def test_a_long_appositive_keeps_its_head_and_the_modifiers_nearest_it():
    # as many tokens as before a name (PROFILE_WINDOW): the head and the words nearest it, not the first ones
    doc = build_nlp()("Odile Varga, the popular longtime former Republican state transport minister, spoke on Monday.")
    words = {t.lower_ for t in _near_words(doc, 0, 1)}
    assert {"minister", "transport", "longtime"} <= words and "popular" not in words


def test_a_candidate_noun_of_the_race_lexicon_alone_chooses_no_one():
    # "the contender", like "the candidate", may be said of any candidate: it needs another attribute
    for noun in ("hopeful", "contender"):
        text = f"Tobias Marlowe, a mayoral {noun}, met Celia Brandt. Voters praised the {noun} on Monday."
        assert _resolve(text, f"the {noun}") is None
