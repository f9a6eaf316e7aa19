"""The name rules of score.py: normalisation, aliases, token subsets with numbers."""
from endorsetrack.evaluate import name_matches, names_of, normalise, population_matches

IAFF = {"name": "International Association of Fire Fighters",
        "aliases": ["IAFF", "firefighters union"]}
LOCAL_43 = {"name": "Carpenters Local 43", "aliases": ["Local 43"]}
DEMOCRATS = {"name": "Democrats", "aliases": ["Democratic voters"]}


def test_normalise_folds_case_accents_punctuation_and_possessive():
    assert normalise("  The Café Workers’ Union's Board!  ") == "cafe workers union board"
    assert normalise("AT&T Workers") == "at and t workers"
    assert normalise("AFL-CIO") == "afl cio"


def test_normalise_drops_leading_the_and_trailing_union_only():
    assert normalise("The Teamsters Union") == "teamsters"
    assert normalise("Union of the Teachers") == "union of the teachers"
    assert normalise("the") == "the"  # nothing follows, so nothing to drop


def test_normalise_takes_the_name_of_an_object_and_stringifies_others():
    assert normalise({"name": "UAW", "aliases": ["x"]}) == "uaw"
    assert normalise({"aliases": ["x"]}) is None
    assert normalise(None) is None
    assert normalise(1199) == "1199"


def test_names_of_collects_name_and_aliases_without_empties():
    assert names_of(IAFF) == {"international association of fire fighters", "iaff", "firefighters"}
    assert names_of({"name": "!!", "aliases": []}) == set()
    assert names_of("!!") == {""}  # a plain string keeps an empty name, as in score.py
    assert names_of(None) is None


def test_alias_and_normalised_forms_match():
    assert name_matches("IAFF", names_of(IAFF))
    assert name_matches("the Firefighters Union", names_of(IAFF))
    assert not name_matches("Fire Fighters", names_of({"name": "Firefighters"}))


def test_token_subset_needs_two_tokens_and_equal_numbers():
    gold = names_of(LOCAL_43)
    assert name_matches("Local 43 of the Carpenters", gold)  # every gold token is present
    assert not name_matches("Carpenters Local", gold)  # the number is missing
    assert not name_matches("Carpenters Local 24", gold)  # another number
    assert not name_matches("Carpenters", names_of({"name": "Carpenters Local"}))  # 1 token
    assert name_matches("Association of Fire Fighters", names_of(IAFF))


def test_no_gold_entity_matches_only_an_empty_prediction():
    assert name_matches(None, None)
    assert name_matches("", None)
    assert name_matches("--", names_of({"name": "!!"}))  # normalises to ""
    assert not name_matches("Lamont", None)
    assert not name_matches("", names_of(IAFF))


def test_whole_sample_population_words_match_a_null_gold_population():
    for word in (None, "", "All", "all voters", "Overall", "registered voters", "Likely Voters"):
        assert population_matches(word, None), word
    assert not population_matches("Democrats", None)


def test_named_population_matches_by_alias_or_substring():
    assert population_matches("Democratic voters", DEMOCRATS)
    assert population_matches("registered Democrats", DEMOCRATS)  # contains "democrats"
    assert not population_matches("Republicans", DEMOCRATS)
    assert not population_matches(None, DEMOCRATS)
