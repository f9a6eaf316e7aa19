"""benchmarks/recall_model.py (an experiment, not used by the pipeline) must keep working:
its features, its deterministic fit, and how it scores rule facts plus model additions.
Sentences and names are invented."""

import pytest

from helpers.scripts import loaded_benchmark

from endorsetrack.nlp.build import build_nlp


@pytest.fixture(scope="module")
def recall():
    with loaded_benchmark("recall_model") as module:
        yield module


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def _mention(doc, text, kind):
    from endorsetrack.extract.mentions import Mention
    words = text.split()
    start = next(t.i for t in doc if t.text == words[0])
    return Mention(start, start + len(words), text, kind, "")


def test_features_say_the_endorser_is_the_cue_verbs_subject(recall, nlp):
    doc = nlp("The Marrowfield Nurses Guild endorsed Odile Brannock on Tuesday.")
    sent = next(iter(doc.sents))
    cue = next(t for t in doc if t.lemma_ == "endorse")
    rule = {"id": "verb.endorse", "kind": "verb", "stance": "endorses"}
    e = _mention(doc, "Marrowfield Nurses Guild", "org")
    c = _mention(doc, "Odile Brannock", "person")
    feats = recall.pair_features(sent, cue, rule, e, c, 0, 1, set(), frozenset({"not"}), {})
    assert feats["esubj:True"] == 1 and feats["cobj:True"] == 1
    assert feats["order:EVC"] == 1 and feats["neg:False"] == 1
    assert feats["epath:nsubj|"] == 1 and feats["cpath:dobj|"] == 1


def test_fit_is_deterministic_and_ranks_the_positive_feature_first(recall):
    pairs = [{"feats": {"1": 1.0, "7": 1.0}, "label": True}] * 5 + [{"feats": {"2": 1.0, "7": 1.0}, "label": False}] * 20
    x, y = recall._matrix(pairs)
    first, again = recall.fit(x, y), recall.fit(x, y)
    assert (first[0] == again[0]).all() and first[1] == again[1]
    probs = recall._predict([{"pairs": pairs}], first)[0]
    assert probs[0] > 0.5 > probs[-1]


def test_additions_above_the_threshold_join_the_rule_facts_in_the_score(recall):
    gold = {"a": {"doc": "a", "endorsements": [
        {"endorser": {"name": "Tarn Valley Teachers"}, "candidate": {"name": "Ines Falkirk"}, "stance": "endorses"},
        {"endorser": {"name": "Orrin Pell"}, "candidate": {"name": "Ines Falkirk"}, "stance": "endorses"}]}}
    docs = [{"doc": "a", "rules": [{"endorser": "Tarn Valley Teachers", "candidate": "Ines Falkirk",
                                    "stance": "endorses"}],
             "pairs": [{"endorser": "Orrin Pell", "candidate": "Ines Falkirk", "stance": "endorses"}]}]
    assert recall._score(gold, docs, None, 1.0)[1] == 0.5
    probs = [recall.np.array([0.7])]
    assert recall._score(gold, docs, probs, 0.6)[1] == 1.0
    assert recall._score(gold, docs, probs, 0.8)[1] == 0.5
