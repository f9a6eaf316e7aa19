"""Property: the scorer port (evaluate/scoring.py) gives figures in [0, 1] for any
well-formed gold and predictions -- the shapes load_gold and load_predictions accept."""
from __future__ import annotations

from hypothesis import given, strategies as st

from endorsetrack.evaluate import score

NAMES = ("Ada Quill", "Quill", "Bram Osei", "Osei", "Harbor Nurses Union", "HNU", "the union", "", " ")
STANCES = ("endorses", "declines", "withdraws", "opposes")
STAGES = (None, "", "primary", "general", "runoff")
RACES = (None, "", "2030 mayor of Quillan Bay", "mayor", {"year": 2030, "office": "mayor", "place": "Quillan Bay"},
         {"office": None}, "2031 city council")

name = st.one_of(st.sampled_from(NAMES), st.text(max_size=15))
entity = st.one_of(name, st.fixed_dictionaries({"name": name}, optional={"aliases": st.lists(name, max_size=3)}))
share = st.one_of(st.integers(-5, 120), st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(["49", "x", ""]),
                  st.none())


def _endorsement(gold: bool) -> st.SearchStrategy[dict]:
    required = {"endorser": entity, "stance": st.sampled_from(STANCES)}
    optional = {"candidate": st.one_of(st.none(), entity), "stage": st.sampled_from(STAGES),
                "race": st.sampled_from(RACES)}
    if gold:
        optional["optional"] = st.booleans()
        return st.fixed_dictionaries(required, optional=optional)
    return st.fixed_dictionaries({}, optional={**required, **optional})


def _poll(gold: bool) -> st.SearchStrategy[dict]:
    result = st.fixed_dictionaries({"candidate": entity, "share": share})
    fields = {"pollster": entity, "population": st.one_of(st.none(), entity), "results": st.lists(result, max_size=3)}
    if gold:
        return st.fixed_dictionaries(fields, optional={"optional": st.booleans()})
    return st.fixed_dictionaries({}, optional=fields)


def _records(gold: bool) -> st.SearchStrategy[dict]:
    record = st.fixed_dictionaries({}, optional={"endorsements": st.lists(_endorsement(gold), max_size=4),
                                                 "polls": st.lists(_poll(gold), max_size=2)})
    return st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), record, max_size=4)


@given(gold=_records(True), pred=_records(False))
def test_scores_are_fractions_for_any_well_formed_gold_and_predictions(gold, pred):
    report = score(gold, pred)
    for prf in (report.loose, report.strict, report.polls):
        assert all(0.0 <= figure <= 1.0 for figure in (prf.precision, prf.recall, prf.f1))
        assert min(prf.tp, prf.fp, prf.fn) >= 0
    assert 0.0 <= report.race.agreement <= 1.0
    assert report.docs == len(gold)

