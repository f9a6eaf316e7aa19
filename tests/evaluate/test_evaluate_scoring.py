"""Scoring semantics on small hand-made gold and predictions (no shared/ needed)."""
import json

from endorsetrack.evaluate import PRF, Report, match, score

UAW = {"name": "United Auto Workers", "aliases": ["UAW"]}
SEIU = {"name": "Service Employees International Union", "aliases": ["SEIU"]}
LAMONT = {"name": "Ned Lamont", "aliases": ["Lamont"]}
QU = {"name": "Quinnipiac University", "aliases": ["Quinnipiac"]}


def gold_end(endorser, candidate, stance="endorses", stage=None, optional=False):
    return {"endorser": endorser, "candidate": candidate, "stance": stance, "stage": stage,
            "optional": optional}


def pred_end(endorser, candidate, stance="endorses", stage=None):
    return {"endorser": endorser, "candidate": candidate, "stance": stance, "stage": stage}


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
        "docs": 1, "docs_missing_from_predictions": 1}
    assert report.to_json().startswith('{"loose": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0')
