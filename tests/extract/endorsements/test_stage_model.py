"""The learned stage for stances the stage cues leave open (extract/endorsements/stage_model.py)."""
from endorsetrack.extract.endorsements.stage_model import (
    FEATURE_BUCKETS, MIN_PROBABILITY, hashed, measure_stage, predicted_stage, season_stage, stage_features,
    stage_probabilities, story_stage)

CROWDED_FIELD = ("The state teachers union endorsed Dana Whitfield for governor on Thursday, giving her an edge "
                 "over the five other Democrats seeking the party nod. Voters pick the Democratic candidate in "
                 "June. Whitfield, a former state senator, faces two rivals from Detroit in the primary field.")
NOMINEE_VS_NOMINEE = ("With three weeks left before Election Day, the firefighters union endorsed Republican nominee "
                      "Tom Ardley over Democrat Lena Cruz in the race for governor. Ardley and Cruz meet in their "
                      "final debate next week before voters decide on Nov. 8.")


def test_a_crowded_same_party_field_in_spring_leans_primary():
    probs = stage_probabilities(CROWDED_FIELD, "Teachers back Whitfield", "2022-03-10",
                                "The state teachers union endorsed Dana Whitfield for governor on Thursday.",
                                "endorses")
    assert probs["primary"] > probs["general"]


def test_a_nominee_against_nominee_in_october_is_general():
    assert predicted_stage(NOMINEE_VS_NOMINEE, "Firefighters back Ardley", "2022-10-18",
                           "the firefighters union endorsed Republican nominee Tom Ardley over Democrat Lena Cruz",
                           "endorses") == "general"


def test_an_unsure_model_leaves_the_stage_to_the_election_calendar():
    probs = stage_probabilities("The club endorsed Ray Ostrow.", None, None, "The club endorsed Ray Ostrow.",
                                "endorses")
    if max(probs.values()) < MIN_PROBABILITY:
        assert predicted_stage("The club endorsed Ray Ostrow.", None, None, "The club endorsed Ray Ostrow.",
                               "endorses") is None
    assert abs(sum(probs.values()) - 1) < 1e-9


def test_the_election_calendar_speaks_only_for_party_races():
    city = "The firefighters endorsed Ana Pryce for mayor. The forum is on Oct. 9."
    assert predicted_stage(city, None, "2022-09-20", "The firefighters endorsed Ana Pryce for mayor.",
                           "endorses") is None or max(stage_probabilities(
                               city, None, "2022-09-20", "The firefighters endorsed Ana Pryce for mayor.",
                               "endorses").values()) >= MIN_PROBABILITY


def test_the_election_calendar_alone_gives_a_stage_only_in_an_even_year():
    assert season_stage("2022-01-20") == "primary"  # caucuses and most primaries ahead
    assert season_stage("2022-10-04") == "general"  # every nomination decided
    assert season_stage("2022-06") is None  # primary season: either
    assert season_stage("2023-10-04") is None  # an odd year: city and state races on their own calendars
    assert season_stage(None) is None


def test_the_published_month_is_read_against_the_election_year_parity():
    feats = stage_features("text", None, "2019-11-02", "evidence", "endorses")
    assert {"month:11", "parity:odd", "parity_half:odd:late", "cycle4:3"} <= set(feats)
    assert "month:none" in stage_features("text", None, None, "evidence", "endorses")


def test_features_hash_into_the_fixed_bucket_range_the_same_way_every_run():
    buckets = hashed({"a:primary": 1.0, "stance:endorses": 1.0})
    assert all(0 <= b < FEATURE_BUCKETS for b in buckets)
    assert buckets == hashed({"a:primary": 1.0, "stance:endorses": 1.0})


def test_what_the_stage_cues_say_is_no_feature_so_cue_edits_keep_the_weights_valid():
    feats = stage_features("Voters meet in the primary in June.", None, "2022-03-10",
                           "The guild endorsed Mara Quell in the primary.", "endorses")
    assert not [name for name in feats if name.startswith(("cue:", "context:", "cue_context:"))]


def test_a_city_runoff_gets_no_nomination_stage_from_the_model(monkeypatch):
    import endorsetrack.extract.endorsements.stage_model as module
    monkeypatch.setattr(module, "stage_probabilities", lambda *a: {"primary": 0.9, "general": 0.05, "none": 0.05})
    city = "The Harbor Point Democratic Socialists and a nurses' union back Ilse Varga in the mayoral runoff."
    assert predicted_stage(city, None, "2023-05-10", city, "endorses") is None
    party = "The nurses' union backs Ilse Varga, a Democrat, for governor in the runoff."
    assert predicted_stage(party, None, "2023-05-10", party, "endorses") == "primary"


def test_a_measure_is_general_in_the_fall_and_open_on_an_earlier_ballot():
    assert measure_stage(None, "2022-10-14") == "general"
    assert measure_stage(None, "2023-11-02") == "general"  # an odd year's November vote too
    assert measure_stage(None, "2022-03-01") is None  # a spring or primary ballot
    assert measure_stage(None, None) == "general"


def test_a_measure_takes_no_nomination_stage_from_its_story():
    assert measure_stage("primary", "2022-05-20") is None
    assert measure_stage("primary", "2022-10-20") == "general"
    assert measure_stage("general", "2022-05-20") == "general"  # "in the November election" said so


AFTER_THE_CONVENTIONS = ("The Harbor Workers Union endorsed Lena Cruz's presidential bid on Monday. Her win over primary "
                         "challenger Tom Ardley in the spring had kept the union waiting.")


def test_a_presidential_story_in_the_fall_of_a_presidential_year_is_past_its_nomination():
    assert story_stage(AFTER_THE_CONVENTIONS, "2028-09-12") == "general"
    assert story_stage(AFTER_THE_CONVENTIONS, "2028-04-12") == "primary"  # before the conventions
    assert story_stage(AFTER_THE_CONVENTIONS, "2026-09-12") == "primary"  # no presidential election that year


def test_the_fall_calendar_leaves_a_state_race_with_a_primary_ahead_alone():
    text = "The teachers union endorsed Tom Ardley for governor ahead of the June primary."
    assert story_stage(text, "2028-10-01") == "primary"


def test_the_fall_of_an_even_year_is_general_without_a_party_word_except_in_a_city_race(monkeypatch):
    import endorsetrack.extract.endorsements.stage_model as module
    monkeypatch.setattr(module, "stage_probabilities", lambda *a: {"primary": 0.3, "general": 0.4, "none": 0.3})
    national = "The Tollgate Courier endorsed Mira Senn for the Senate."
    assert predicted_stage(national, None, "2026-10-02", national, "endorses") == "general"
    assert predicted_stage(national, None, "2026-02-02", national, "endorses") is None  # no party: no primary
    city = "The Tollgate Courier endorsed Mira Senn in the mayoral race."
    assert predicted_stage(city, None, "2026-10-02", city, "endorses") is None


def test_a_presidential_story_in_the_year_before_the_election_is_about_the_nomination(monkeypatch):
    import endorsetrack.extract.endorsements.stage_model as module
    monkeypatch.setattr(module, "stage_probabilities", lambda *a: {"primary": 0.4, "general": 0.3, "none": 0.3})
    story = "The Harbor Workers Union endorsed Lena Cruz's presidential bid on Monday."
    assert predicted_stage(story, None, "2027-10-02", story, "endorses") == "primary"
    assert predicted_stage(story, None, "2025-10-02", story, "endorses") is None  # three years off: unsure
    governor = "The Harbor Workers Union endorsed Lena Cruz for governor on Monday."
    assert predicted_stage(governor, None, "2027-10-02", governor, "endorses") is None


def test_a_presidential_word_does_not_carry_a_state_race_with_a_primary_ahead_into_the_fall():
    text = ("The Harbor Workers Union endorsed Tom Ardley for governor ahead of the September primary. "
            "Ardley spoke at the Lena Cruz presidential library on Monday.")
    assert story_stage(text, "2028-09-02") == "primary"
    assert story_stage(text, "2028-09-02", presidential=True) == "general"  # told it is a presidential story


def test_a_potential_presidential_contender_in_an_odd_year_governor_race_is_no_nomination_story(monkeypatch):
    import endorsetrack.extract.endorsements.stage_model as module
    monkeypatch.setattr(module, "stage_probabilities", lambda *a: {"primary": 0.4, "general": 0.3, "none": 0.3})
    text = ("The Harbor Workers Union endorsed Tom Ardley for governor on Monday. Ardley, a potential "
            "presidential contender, faces Mira Senn for governor in November.")
    assert predicted_stage(text, None, "2027-10-02", text, "endorses") != "primary"
    assert predicted_stage(text, None, "2027-10-02", text, "endorses", presidential=True) == "primary"


def test_a_measure_published_in_december_or_summer_stays_open():
    # pins the documented rule: outside September-November a dated measure stance has no stage
    assert measure_stage(None, "2022-12-03") is None
    assert measure_stage(None, "2022-07-15") is None
    assert measure_stage(None, "2023-01-09") is None
