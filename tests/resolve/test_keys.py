"""Name keys, acronyms, person titles, token-subset matching."""
from endorsetrack.resolve.keys import acronym, entity_kind, looks_like_acronym, name_key, person_key, token_subset


def test_name_key_follows_the_scorer():
    assert name_key("The Teamsters Union") == "teamsters"
    assert name_key("Laborers\u2019 International Union") == "laborers international"
    assert name_key("AFL-CIO") == "afl cio"
    assert name_key("United Food & Commercial Workers") == "united food and commercial workers"
    assert name_key(None) == ""


def test_person_key_drops_titles_not_names():
    assert person_key("Sen. Joe Lieberman") == "joe lieberman"
    assert person_key("former Lt. Gov. Kevin Sullivan") == "kevin sullivan"
    assert person_key("Martin Luther King Jr.") == "martin luther king"
    assert person_key("Gov") == "gov"  # a title alone stays


def test_acronyms():
    assert acronym("International Association of Fire Fighters") == "iaff"
    assert acronym("Service Employees International Union") == "seiu"
    assert acronym("American Federation of State, County and Municipal Employees") == "afscme"
    assert looks_like_acronym("IAFF") and looks_like_acronym("AFL-CIO")
    assert not looks_like_acronym("Teamsters") and not looks_like_acronym("A")


def test_token_subset_needs_same_numbers_and_two_words():
    assert token_subset("service employees", "service employees international")
    assert not token_subset("carpenters local", "carpenters local 43")
    assert not token_subset("carpenters local 24", "carpenters local 43")
    assert not token_subset("teamsters", "international brotherhood teamsters")


def test_entity_kind():
    assert entity_kind("person", "Joe") == "person"
    assert entity_kind("union", "UAW") == "organization"
    assert entity_kind(None, "Proposition 27") == "measure"
    assert entity_kind(None, "Liberal Party") == "organization"
    assert entity_kind(None, "Ned Lamont") == "person"
