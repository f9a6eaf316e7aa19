"""Scoring semantics on small hand-made gold and predictions (no shared/ needed)."""
import json

import pytest

from endorsetrack.evaluate import (PRF, RaceAgreement, Report, match, race_agrees, race_parts,
                                   race_text, score)

UAW = {"name": "United Auto Workers", "aliases": ["UAW"]}
SEIU = {"name": "Service Employees International Union", "aliases": ["SEIU"]}
LAMONT = {"name": "Ned Lamont", "aliases": ["Lamont"]}
QU = {"name": "Quinnipiac University", "aliases": ["Quinnipiac"]}


SENATE_2006 = "2006 U.S. Senate, Connecticut"


def gold_end(endorser, candidate, stance="endorses", stage=None, optional=False, race=None):
    return {"endorser": endorser, "candidate": candidate, "stance": stance, "stage": stage,
            "optional": optional, "race": race}


def pred_end(endorser, candidate, stance="endorses", stage=None, race=None):
    return {"endorser": endorser, "candidate": candidate, "stance": stance, "stage": stage,
            "race": race}


def one_doc(endorsements=(), polls=()):
    return {"a.txt": {"doc": "a.txt", "endorsements": list(endorsements), "polls": list(polls)}}


def test_prf_rounds_and_handles_empty_sides():
    assert PRF.from_counts(2, 1, 0) == PRF(2, 1, 0, 0.6667, 1.0, 0.8)
    assert PRF.from_counts(0, 0, 0) == PRF(0, 0, 0, 1.0, 1.0, 1.0)
    assert PRF.from_counts(0, 0, 3) == PRF(0, 0, 3, 0.0, 0.0, 0.0)
    assert PRF.from_counts(0, 2, 0) == PRF(0, 2, 0, 0.0, 1.0, 0.0)


def test_line_has_score_py_format():
    assert PRF.from_counts(9, 1, 1).line("loose") == \
        "loose   P=0.900 R=0.900 F1=0.900 (tp=9 fp=1 fn=1)"


def test_loose_ignores_stage_and_strict_requires_it():
    gold = one_doc([gold_end(UAW, LAMONT, stage="general"), gold_end(UAW, LAMONT, stage="primary")])
    pred = one_doc([pred_end("UAW", "Lamont", stage="general")])
    report = score(gold, pred)
    assert (report.loose.tp, report.loose.fp, report.loose.fn) == (1, 0, 0)
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (1, 0, 1)


def test_empty_stage_equals_null_in_matching_but_not_in_dedup():
    gold = one_doc([gold_end(UAW, LAMONT, stage=None)])
    pred = one_doc([pred_end("UAW", "Lamont", stage=""), pred_end("UAW", "Lamont", stage=None)])
    report = score(gold, pred)
    assert (report.strict.tp, report.strict.fp) == (1, 1)
    assert (report.loose.tp, report.loose.fp) == (1, 0)


def test_optional_gold_is_neither_rewarded_nor_penalised():
    gold = one_doc([gold_end(SEIU, None, "declines", optional=True), gold_end(UAW, LAMONT)])
    hit_optional = score(gold, one_doc([pred_end("SEIU", None, "declines")]))
    assert (hit_optional.loose.tp, hit_optional.loose.fp, hit_optional.loose.fn) == (0, 0, 1)
    assert [e.kind for e in hit_optional.errors] == ["FN"]


def test_required_gold_picks_before_optional_gold():
    gold = one_doc([gold_end(UAW, LAMONT, optional=True), gold_end(UAW, LAMONT, stage="general")])
    report = score(gold, one_doc([pred_end("UAW", "Lamont", stage="general")]))
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (1, 0, 0)


def test_duplicate_predictions_count_once_but_alias_duplicates_do_not():
    gold = one_doc([gold_end(UAW, LAMONT)])
    same = score(gold, one_doc([pred_end("UAW", "Lamont"), pred_end("the UAW", "lamont")]))
    assert (same.loose.tp, same.loose.fp) == (1, 0)
    aliased = score(gold, one_doc([pred_end("UAW", "Lamont"), pred_end("United Auto Workers", "Lamont")]))
    assert (aliased.loose.tp, aliased.loose.fp) == (1, 1)


def test_matching_is_greedy_in_file_order():
    golds = [{"n": "ab"}, {"n": "b"}]
    preds = [{"n": "b"}, {"n": "a"}]
    tp, unmatched, missed = match(preds, golds, lambda p, g: p["n"] in g["n"])
    # "ab" takes the first prediction ("b") although "a" would have left "b" for gold 2.
    assert tp == 1 and unmatched == [{"n": "a"}] and missed == [{"n": "b"}]


def test_errors_name_doc_kind_and_item():
    gold = one_doc([gold_end(UAW, LAMONT, stage="general")])
    report = score(gold, one_doc([pred_end("SEIU", {"name": "Lamont"}, "opposes")]))
    assert [(e.doc, e.kind, e.item) for e in report.errors] == [
        ("a.txt", "FP", {"endorser": "SEIU", "candidate": {"name": "Lamont"},
                         "stance": "opposes", "stage": None}),
        ("a.txt", "FN", {"endorser": "United Auto Workers", "candidate": "Ned Lamont",
                         "stance": "endorses", "stage": "general"}),
    ]


def test_polls_score_each_result_with_population_and_share():
    gold = one_doc(polls=[{"pollster": QU, "population": None,
                           "results": [{"candidate": LAMONT, "share": 49}]},
                          {"pollster": QU, "population": {"name": "Democrats"},
                           "results": [{"candidate": LAMONT, "share": 60}]}])
    pred = one_doc(polls=[{"pollster": "Quinnipiac", "population": "likely voters",
                           "results": [{"candidate": "Lamont", "share": "49"}]},
                          {"pollster": "Quinnipiac", "population": "Republicans",
                           "results": [{"candidate": "Lamont", "share": 60.0}]}])
    report = score(gold, pred)
    assert (report.polls.tp, report.polls.fp, report.polls.fn) == (1, 1, 1)
    assert [e.kind for e in report.errors] == ["poll FP", "poll FN"]
    assert report.errors[0].item == {"pollster": "quinnipiac", "population": "republicans",
                                     "candidate": "lamont", "share": 60.0}
    assert report.errors[1].item == {"pollster": "Quinnipiac University", "population": "Democrats",
                                     "candidate": "Ned Lamont", "share": 60}


def test_missing_docs_are_counted_and_extra_docs_ignored():
    gold = one_doc([gold_end(UAW, LAMONT)])
    gold["b.txt"] = {"doc": "b.txt", "endorsements": [], "polls": []}
    pred = {"a.txt": gold["a.txt"], "zzz.txt": {"endorsements": [pred_end("X Y", "Z W")]}}
    report = score(gold, pred)
    assert report.missing_docs == ("b.txt",) and report.docs == 2
    assert report.loose.fp == 0


def test_to_json_is_score_py_json_line():
    report = score(one_doc([gold_end(UAW, LAMONT)]), {})
    assert isinstance(report, Report)
    assert json.loads(report.to_json()) == {
        "loose": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1},
        "strict": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1},
        "polls": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 0, "fp": 0, "fn": 0},
        "race": {"agreement": 1.0, "agree": 0, "matched": 0},
        "docs": 1, "docs_missing_from_predictions": 1}
    assert report.to_json().startswith('{"loose": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0')
    assert list(json.loads(report.to_json())) == ["loose", "strict", "polls", "race", "docs",
                                                  "docs_missing_from_predictions"]
    assert report.to_json().endswith(', "race": {"agreement": 1.0, "agree": 0, "matched": 0}, '
                                     '"docs": 1, "docs_missing_from_predictions": 1}')


# --- race agreement ----------------------------------------------------------------


def test_race_parts_read_year_office_class_and_capitalised_place_words():
    assert race_parts(SENATE_2006) == ("2006", "senate", {"connecticut"})
    assert race_parts("2023 Chicago mayoral election (runoff)") == ("2023", "mayor", {"chicago"})
    assert race_parts("2019 San Francisco district attorney election") == \
        ("2019", "district attorney", {"san", "francisco"})
    assert race_parts(None) == race_parts("") == (None, None, set())


def test_race_place_words_skip_lower_case_stop_short_and_parenthesised_words():
    assert race_parts("2006 u.s. senate, connecticut") == ("2006", "senate", set())
    assert race_parts("2022 New York City mayoral race, NY")[2] == {"york"}
    assert race_parts("2024 Toronto (Ontario) mayoral by-election") == ("2024", "mayor", {"toronto"})
    assert race_parts("2021 Montréal mayor")[2] == set()  # the accent-folded word is not in the text


def test_race_year_is_the_first_whole_word_year():
    assert race_parts("Senate 2006, re-run 2008")[0] == "2006"
    assert race_parts("Senate 12006")[0] is None
    assert race_parts(2006) == ("2006", None, set())  # a number is read as text


@pytest.mark.parametrize("label, office", [
    ("2012 California Proposition 30", "measure"),
    ("Prop. 8 on the governor's ballot", "measure"),  # the measure class is tried first
    ("2018 Ballot Question 2, Massachusetts", "measure"),
    ("2008 Lieutenant Governor of Texas", "lieutenant governor"),
    ("Lt. Gov., Texas 2008", "lieutenant governor"),
    ("2014 Maryland gubernatorial election", "governor"),
    ("2020 Texas 23rd District", "house"),
    ("Texas's 23rd congressional district, 2020", "house"),
    ("2022 House District 12, Ohio", "house"),
    ("2016 U.S. presidential election", "president"),
    ("2019 Ontario general election", "national election"),
    ("2021 Cook County Sheriff", "sheriff"),
    ("NY-12 primary", None),
])
def test_first_office_class_that_matches_wins(label, office):
    assert race_parts(label)[1] == office


def test_dict_race_gives_its_label_or_its_values_joined():
    assert race_text({"label": "2006 Governor, Connecticut", "year": 1999}) == "2006 Governor, Connecticut"
    assert race_text({"year": 2006, "office": "Governor", "place": "Connecticut", "x": None}) == \
        "2006 Governor Connecticut"
    assert race_text({"label": "", "year": 2006}) == "2006"
    assert race_parts({"year": 2006, "office": "Governor", "place": "Connecticut"}) == \
        ("2006", "governor", {"connecticut"})


@pytest.mark.parametrize("pred, agrees", [
    (SENATE_2006, True),
    ("Connecticut Senate race of 2006", True),  # order and extra words do not matter
    ({"label": SENATE_2006}, True),
    ({"year": 2006, "office": "U.S. Senate", "state": "Connecticut"}, True),
    ("U.S. Senate, Connecticut", False),  # year missing
    ("2008 U.S. Senate, Connecticut", False),  # year wrong
    ("2006 Governor, Connecticut", False),  # office wrong
    ("2006 Connecticut", False),  # office missing
    ("2006 U.S. Senate, Conn.", False),  # no gold place word
    ("2006 U.S. Senate, connecticut", False),  # a lower-case place is no place
    (None, False),
])
def test_race_needs_the_gold_year_office_and_a_place_word(pred, agrees):
    assert race_agrees(pred, SENATE_2006) is agrees


def test_race_checks_only_the_parts_the_gold_race_gives():
    assert race_agrees(None, None) and race_agrees("2010 Mayor of Boston", None)
    assert race_agrees("2006 Senate", "2006 u.s. senate, connecticut")  # gold gives no place
    assert race_agrees("Senate, Connecticut 2006", "U.S. Senate, Connecticut")  # gold gives no year
    assert not race_agrees("2008 Governor, Texas", "2008 Lieutenant Governor of Texas")
    assert race_agrees("San Diego, 2019 DA", "2019 San Francisco district attorney election")


def test_race_agreement_rounds_and_is_one_when_nothing_matched():
    assert RaceAgreement.from_counts(2, 3) == RaceAgreement(2, 3, 0.6667)
    assert RaceAgreement.from_counts(0, 0) == RaceAgreement(0, 0, 1.0)
    assert RaceAgreement.from_counts(0, 4).to_dict() == {"agreement": 0.0, "agree": 0, "matched": 4}


def test_race_line_has_score_py_format():
    assert RaceAgreement.from_counts(10, 60).line() == (
        "race    agreement=0.167 (10 of 60 loose matches name the gold race's year, office and place)")
    report = score(one_doc([gold_end(UAW, LAMONT, race=SENATE_2006)]),
                   one_doc([pred_end("UAW", "Lamont", race=SENATE_2006)]))
    assert report.summary_lines()[3:] == [
        "race    agreement=1.000 (1 of 1 loose matches name the gold race's year, office and place)",
        "docs=1 missing_from_predictions=0"]


def test_race_agreement_counts_loose_matches_of_required_gold_only():
    gold = one_doc([gold_end(UAW, LAMONT, stage="general", race=SENATE_2006),
                    gold_end(SEIU, LAMONT, race=SENATE_2006, optional=True),
                    gold_end(SEIU, None, "declines", race=SENATE_2006)])
    pred = one_doc([pred_end("UAW", "Lamont", stage="primary", race=SENATE_2006),  # strict miss
                    pred_end("SEIU", "Lamont", race="2010 Governor"),  # optional: not checked
                    pred_end("X Y", "Lamont", race="2010 Governor")])  # false hit: not checked
    report = score(gold, pred)
    assert report.race == RaceAgreement(1, 1, 1.0)
    assert report.strict.tp == 0


def test_race_of_a_later_duplicate_prediction_is_ignored():
    gold = one_doc([gold_end(UAW, LAMONT, race=SENATE_2006)])
    first_wrong = score(gold, one_doc([pred_end("UAW", "Lamont", race="2006 Governor"),
                                       pred_end("UAW", "Lamont", race=SENATE_2006)]))
    assert first_wrong.race == RaceAgreement(0, 1, 0.0)
    assert (first_wrong.loose.tp, first_wrong.loose.fp) == (1, 0)


def test_race_errors_come_before_false_hits_and_misses_of_their_article():
    gold = one_doc([gold_end(UAW, LAMONT, race=SENATE_2006), gold_end(SEIU, LAMONT, race=SENATE_2006),
                    gold_end(SEIU, None, "declines", race=SENATE_2006)],
                   polls=[{"pollster": QU, "population": None,
                           "results": [{"candidate": LAMONT, "share": 49}]}])
    gold["b.txt"] = {"doc": "b.txt", "endorsements": [gold_end(UAW, LAMONT, race=SENATE_2006)]}
    pred = one_doc([pred_end("X Y", "Lamont"),
                    pred_end("SEIU", "Lamont", race={"label": "2006 Governor, Connecticut"}),
                    pred_end("UAW", "Lamont", race="U.S. Senate, Connecticut")])
    pred["b.txt"] = {"doc": "b.txt", "endorsements": [pred_end("UAW", "Lamont")]}
    report = score(gold, pred)
    assert [(e.doc, e.kind) for e in report.errors] == [
        ("a.txt", "race"), ("a.txt", "race"), ("a.txt", "FP"), ("a.txt", "FN"),
        ("a.txt", "poll FN"), ("b.txt", "race")]
    assert [e.item for e in report.errors if e.kind == "race"] == [
        {"endorser": "United Auto Workers", "gold": SENATE_2006, "predicted": "U.S. Senate, Connecticut"},
        {"endorser": "Service Employees International Union", "gold": SENATE_2006,
         "predicted": {"label": "2006 Governor, Connecticut"}},
        {"endorser": "United Auto Workers", "gold": SENATE_2006, "predicted": None}]
    assert report.race == RaceAgreement(0, 3, 0.0)


def test_match_can_return_matched_pairs_of_required_items_in_gold_order():
    golds = [{"n": "b", "optional": True}, {"n": "c"}, {"n": "a"}]
    preds = [{"n": "a"}, {"n": "b"}, {"n": "c"}]
    pairs = []
    tp, unmatched, missed = match(preds, golds, lambda p, g: p["n"] == g["n"], pairs)
    assert (tp, unmatched, missed) == (2, [], [])
    assert pairs == [({"n": "c"}, {"n": "c"}), ({"n": "a"}, {"n": "a"})]
    assert match(preds, golds, lambda p, g: p["n"] == g["n"]) == (2, [], [])
