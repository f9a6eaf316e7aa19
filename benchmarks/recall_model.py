"""EXPERIMENT, NOT USED BY THE PIPELINE: a statistical recall layer over the rules (issue 10).

usage:
  python benchmarks/recall_model.py pairs IN.jsonl GOLD.jsonl CACHE.json   # parse, run the rules, list pairs
  python benchmarks/recall_model.py cv CACHE.json                          # doc-grouped 5-fold CV on one set
  python benchmarks/recall_model.py holdout TRAIN_CACHE.json TEST_CACHE.json  # fit on one set, score another
  options: --l2 X (penalty), --lexical (word features; give it to `pairs`), --pool rulecand|linked (cv/holdout)

Candidate pairs: in every sentence holding a trigger lemma (nlp/patterns/triggers.jsonl,
via extract.endorsements.frames.trigger_index), each (endorser-like mention: org / person /
party, candidate-like mention: person / measure) from extract.mentions.find_mentions that
the rules did not already output as a fact. The stance is the trigger rule's. Features
(hashed like the stage model's): cue lemma and kind, shortened dependency paths mention ->
cue, token distances, order, mention kinds and labels, endorser as subject of the cue,
negation (stance_cues.jsonl negation words) near the cue, quotes, list position, sentence
position in the article, whether the candidate is a candidate of a rule fact in the article.
Labels: the pair loosely matches a gold fact (evaluate.names, the port of score.py).
Model: L2 logistic regression, full-batch Adam in numpy (as train/stage.py), zero start.
The threshold is chosen on the training folds only. Figures: docs/recall-model.md.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from endorsetrack.evaluate import load_gold, name_matches, names_of, normalise, score
from endorsetrack.evaluate.loading import predictions_from_outcomes
from endorsetrack.extract.endorsements.stage_model import hashed as stage_hashed

FEATURE_BUCKETS = 2 ** 14
#: L2 penalty (per mean example loss): 1e-3 and 1e-4 tried (docs/recall-model.md); 1e-2 put every
#: pair below p = 0.3. Set with --l2.
L2_PENALTY = 0.001
ITERATIONS = 300
STEP_SIZE = 0.05
FOLDS = 5
FOLD_SEED = 0
QUOTES = ('"', '\u201c', '\u201d')
MAX_PATH = 4  # dependency path labels kept per side
LEXICAL = False  # --lexical (at `pairs`): words between, governors, name counts
POOL = ""  # --pool rulecand | linked: a narrower candidate pool (see _load)
THRESHOLDS = tuple(round(0.1 + 0.05 * i, 2) for i in range(17))  # 0.10 .. 0.90


def _path_up(tok, stop_ids: set[int]) -> list:
    out = [tok]
    while tok.head.i != tok.i and tok.i not in stop_ids:
        tok = tok.head
        out.append(tok)
    return out


def dep_path(a, b) -> str:
    """Dependency labels from token a up to the lowest common ancestor and down to b, shortened."""
    up_a = _path_up(a, set())
    ids_a = [t.i for t in up_a]
    up_b = _path_up(b, set())
    ids_b = [t.i for t in up_b]
    common = next((i for i in ids_a if i in ids_b), None)
    if common is None:
        return "none"
    left = [t.dep_ for t in up_a[:ids_a.index(common)]][:MAX_PATH]
    right = [t.dep_ for t in up_b[:ids_b.index(common)]][:MAX_PATH]
    return "^".join(left) + "|" + "v".join(reversed(right))


def pair_features(sent, cue, rule: dict, e, c, k: int, n_sents: int, rule_cands: set,
                  neg_words: frozenset, counts: dict[str, int]) -> dict[str, float]:
    doc = sent.doc
    e_head, c_head = doc[e.start:e.end].root, doc[c.start:c.end].root
    f: dict[str, float] = {"bias": 1.0}
    lemma, kind = cue.lemma_.lower(), rule["kind"]
    f[f"cue:{lemma}"] = 1
    f[f"kind:{kind}"] = 1
    f[f"rule:{rule['id']}"] = 1
    f[f"ekind:{e.kind}:{e.label}"] = 1
    f[f"ckind:{c.kind}:{c.label}"] = 1
    f[f"pair:{e.kind}>{c.kind}"] = 1
    pe, pc = dep_path(e_head, cue), dep_path(c_head, cue)
    f[f"epath:{pe}"] = 1
    f[f"cpath:{pc}"] = 1
    f[f"epath_k:{kind}:{pe}"] = 1
    f[f"cpath_k:{kind}:{pc}"] = 1
    f[f"edep:{e_head.dep_}"] = 1
    f[f"cdep:{c_head.dep_}"] = 1
    f[f"ec_path:{dep_path(e_head, c_head)}"] = 1
    de, dc = cue.i - e_head.i, c_head.i - cue.i
    bucket = lambda d: "0" if d == 0 else ("+" if d > 0 else "-") + str(min(4, int(np.log2(abs(d) + 1))))  # noqa: E731
    f[f"de:{bucket(de)}"] = 1
    f[f"dc:{bucket(dc)}"] = 1
    f[f"dec:{bucket(c.start - e.start)}"] = 1
    order = "".join(x for _, x in sorted([(e.start, "E"), (cue.i, "V"), (c.start, "C")]))
    f[f"order:{order}"] = 1
    f[f"order_k:{kind}:{order}"] = 1
    subj = e_head.head.i == cue.i and e_head.dep_ in ("nsubj", "nsubjpass")
    f[f"esubj:{subj}"] = 1
    obj = c_head.head.i == cue.i and c_head.dep_ in ("dobj", "pobj", "obj")
    f[f"cobj:{obj}"] = 1
    near = doc[max(sent.start, cue.i - 4):min(sent.end, cue.i + 2)]
    f[f"neg:{any(t.lower_ in neg_words for t in near)}"] = 1
    text = sent.text
    quoted = any(q in text for q in QUOTES)
    f[f"quote:{quoted}"] = 1
    f[f"list:{sum(1 for t in doc[sent.start:c.start] if t.text == ',') >= 2}"] = 1
    f[f"sentpos:{min(3, int(4 * k / max(1, n_sents)))}"] = 1
    f[f"first:{k < 3}"] = 1
    f[f"rulecand:{normalise(c.text) in rule_cands or normalise(c.text.split()[-1]) in rule_cands}"] = 1
    f[f"rulecand_k:{kind}:{normalise(c.text) in rule_cands}"] = 1
    f[f"sentlen:{min(4, len(sent) // 15)}"] = 1
    f[f"stance:{rule['stance']}"] = 1
    if LEXICAL:
        lo, hi = min(e.end, c.end, cue.i), max(e.start, c.start, cue.i)
        for t in doc[lo:hi]:
            if t.is_alpha and not t.is_stop:
                f[f"between:{t.lemma_.lower()}"] = 1
        f[f"cue_head:{cue.head.lemma_.lower()}"] = 1
        f[f"e_gov:{e_head.head.lemma_.lower()}"] = 1
        f[f"c_gov:{c_head.head.lemma_.lower()}"] = 1
        f[f"e_word:{e_head.lower_}"] = 1
        f[f"c_count:{min(3, counts.get(c.text.split()[-1], 0))}"] = 1
        f[f"e_count:{min(3, counts.get(e.text.split()[-1], 0))}"] = 1
    return f


def hashed(feats: dict[str, float]) -> dict[int, float]:
    """The stage model's feature hashing, into this experiment's wider table."""
    return stage_hashed(feats, FEATURE_BUCKETS)


def _full_name(text: str, people: list[str]) -> str:
    """A lone surname takes the longest person name of the article that ends with it."""
    if " " in text:
        return text
    longer = [p for p in people if p.split()[-1] == text and " " in p]
    return max(longer, key=len) if longer else text


def build_pairs(in_path: Path, gold_path: Path, out: Path) -> None:
    from endorsetrack.extract.endorsements.frames import trigger_index
    from endorsetrack.extract.mentions import find_mentions
    from endorsetrack.nlp.build import build_nlp
    from endorsetrack.nlp.rules import packaged_rules
    from endorsetrack.pipeline import normalize_record
    from endorsetrack.pipeline import _safe_extract  # type: ignore[attr-defined]
    from endorsetrack.resolve import NO_DEFAULTS
    from endorsetrack.scan import has_cues, text_for_parse
    from endorsetrack.settings import DEFAULT
    from endorsetrack.types import Article, Record

    gold = load_gold(gold_path)
    neg_words = frozenset(w for r in packaged_rules("stance_cues", ("group",)) if r["group"] == "negation"
                          for w in r["words"])
    lemma_rule: dict[str, dict] = {}
    for (_, lemma), rule in trigger_index().items():
        lemma_rule.setdefault(lemma, rule)
    nlp = build_nlp(DEFAULT.model)
    docs_out: list[dict[str, Any]] = []
    for line in in_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        art = normalize_record(Record(doc=r["id"], content=r["text"], url=r.get("url"), title=r.get("title"),
                                      published=r.get("published")))
        if not isinstance(art, Article):
            continue
        entry: dict[str, Any] = {"doc": art.doc, "rules": [], "pairs": []}
        docs_out.append(entry)
        if not has_cues(art.text):
            continue
        doc = nlp(text_for_parse(art, DEFAULT)[:DEFAULT.max_article_chars])
        preds, _ = predictions_from_outcomes([_safe_extract(art, doc, DEFAULT, NO_DEFAULTS)])
        rules = (preds.get(art.doc) or {}).get("endorsements") or []
        entry["rules"] = rules
        rule_keys = {(normalise(x.get("endorser")), normalise(x.get("candidate"))) for x in rules}
        rule_cands = {normalise(x.get("candidate")) for x in rules} | {
            normalise((x.get("candidate") or "").split()[-1]) for x in rules if x.get("candidate")}
        # a pair is worth adding only for a required gold fact no rule fact already finds
        golds = [g for g in (gold.get(art.doc) or {}).get("endorsements") or [] if not g.get("optional")
                 and not any(x.get("stance") == g["stance"] and name_matches(x.get("endorser"), names_of(g["endorser"]))
                             and name_matches(x.get("candidate"), names_of(g.get("candidate"))) for x in rules)]
        sents = list(doc.sents)
        people = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
        counts: dict[str, int] = {}
        for t in doc:
            if t.is_title:
                counts[t.text] = counts.get(t.text, 0) + 1
        seen: set = set()
        for k, sent in enumerate(sents):
            cues = [(t, lemma_rule[t.lemma_.lower()]) for t in sent if t.lemma_.lower() in lemma_rule
                    and lemma_rule[t.lemma_.lower()]["kind"] not in ("state", "list", "roundup", "headline")]
            if not cues:
                continue
            ments = find_mentions(sent)
            ends = [m for m in ments if m.kind in ("org", "person", "party")]
            cands = [m for m in ments if m.kind in ("person", "measure")]
            for e in ends:
                for c in cands:
                    if c.start == e.start:
                        continue
                    cue, rule = min(cues, key=lambda cr: abs(cr[0].i - e.start) + abs(cr[0].i - c.start))
                    etext = _full_name(e.text, people) if e.kind == "person" else e.text
                    ctext = _full_name(c.text, people) if c.kind == "person" else c.text
                    key = (normalise(etext), normalise(ctext), rule["stance"])
                    if key in seen or (key[0], key[1]) in rule_keys or key[0] == key[1]:
                        continue
                    if any(name_matches(etext, names_of(x.get("endorser") or ""))
                           and name_matches(ctext, names_of(x.get("candidate") or "")) for x in rules):
                        continue
                    seen.add(key)
                    label = any(g["stance"] == rule["stance"] and name_matches(etext, names_of(g["endorser"]))
                                and name_matches(ctext, names_of(g.get("candidate"))) for g in golds)
                    feats = pair_features(sent, cue, rule, e, c, k, len(sents), rule_cands, neg_words, counts)
                    entry["pairs"].append({"endorser": etext, "candidate": ctext, "stance": rule["stance"],
                                           "label": label, "feats": hashed(feats),
                                           "rulecand": normalise(ctext) in rule_cands
                                           or normalise(ctext.split()[-1]) in rule_cands,
                                           "linked": dep_path(doc[e.start:e.end].root, cue).count("^") <= 1
                                           and dep_path(doc[c.start:c.end].root, cue).count("v") <= 2})
        print(art.doc, len(entry["pairs"]), sum(p["label"] for p in entry["pairs"]), file=sys.stderr)
    out.write_text(json.dumps({"gold": str(gold_path), "docs": docs_out}), encoding="utf-8")


class Sparse:
    """Rows of hashed features as coordinate arrays (numpy only: no scipy in the venv)."""

    def __init__(self, pairs: list[dict]) -> None:
        rows, cols, vals = [], [], []
        for i, p in enumerate(pairs):
            for b, v in p["feats"].items():
                rows.append(i)
                cols.append(int(b))
                vals.append(v)
        self.n = len(pairs)
        self.rows, self.cols, self.vals = np.array(rows, dtype=int), np.array(cols, dtype=int), np.array(vals)

    def dot(self, coef: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, weights=self.vals * coef[self.cols], minlength=self.n)

    def tdot(self, r: np.ndarray) -> np.ndarray:
        return np.bincount(self.cols, weights=self.vals * r[self.rows], minlength=FEATURE_BUCKETS)


def _matrix(pairs: list[dict]) -> tuple[Sparse, np.ndarray]:
    return Sparse(pairs), np.array([1.0 if p["label"] else 0.0 for p in pairs])


def fit(x: Sparse, y: np.ndarray, l2: float | None = None) -> tuple[np.ndarray, float]:
    """L2 logistic regression, full-batch Adam from zero (deterministic)."""
    l2 = L2_PENALTY if l2 is None else l2
    n, w = x.n, FEATURE_BUCKETS
    coef, b = np.zeros(w), 0.0
    m1, v1, m2, v2 = np.zeros(w), np.zeros(w), 0.0, 0.0
    for step in range(1, ITERATIONS + 1):
        p = 1 / (1 + np.exp(-(x.dot(coef) + b)))
        g = x.tdot(p - y) / n + l2 * coef
        gb = float((p - y).mean())
        m1 = 0.9 * m1 + 0.1 * g
        v1 = 0.999 * v1 + 0.001 * g * g
        m2 = 0.9 * m2 + 0.1 * gb
        v2 = 0.999 * v2 + 0.001 * gb * gb
        coef -= STEP_SIZE * (m1 / (1 - 0.9 ** step)) / (np.sqrt(v1 / (1 - 0.999 ** step)) + 1e-8)
        b -= STEP_SIZE * (m2 / (1 - 0.9 ** step)) / (np.sqrt(v2 / (1 - 0.999 ** step)) + 1e-8)
    return coef, b


def _predict(docs: list[dict], model: tuple[np.ndarray, float]) -> list[np.ndarray]:
    coef, b = model
    out = []
    for d in docs:
        if not d["pairs"]:
            out.append(np.zeros(0))
            continue
        x, _ = _matrix(d["pairs"])
        out.append(1 / (1 + np.exp(-(x.dot(coef) + b))))
    return out


def _score(gold: dict, docs: list[dict], probs: list[np.ndarray] | None, thr: float) -> tuple[float, float, float]:
    pred = {}
    for i, d in enumerate(docs):
        facts = list(d["rules"])
        if probs is not None:
            facts += [{"endorser": p["endorser"], "candidate": p["candidate"], "stance": p["stance"]}
                      for p, pr in zip(d["pairs"], probs[i]) if pr >= thr]
        pred[d["doc"]] = {"doc": d["doc"], "endorsements": facts}
    sub = {d["doc"]: gold[d["doc"]] for d in docs if d["doc"] in gold}
    r = score(sub, pred).loose
    return r.precision, r.recall, r.f1


def _best_threshold(gold: dict, docs: list[dict], probs: list[np.ndarray]) -> float:
    return max(THRESHOLDS, key=lambda t: (_score(gold, docs, probs, t)[2], t))


def _inner_probs(docs: list[dict]) -> list[np.ndarray]:
    """Out-of-fold probabilities inside a training set (so its threshold is not fitted in-sample)."""
    names = sorted(d["doc"] for d in docs)
    rng = np.random.default_rng(FOLD_SEED + 1)
    rng.shuffle(names)
    fold = {n: i % FOLDS for i, n in enumerate(names)}
    probs: list[np.ndarray] = [np.zeros(0)] * len(docs)
    for k in range(FOLDS):
        tr = [p for d in docs if fold[d["doc"]] != k for p in d["pairs"]]
        model = fit(*_matrix(tr))
        idx = [i for i, d in enumerate(docs) if fold[d["doc"]] == k]
        for i, pr in zip(idx, _predict([docs[i] for i in idx], model)):
            probs[i] = pr
    return probs


def _load(cache: Path) -> dict:
    """The cached pairs; POOL=rulecand keeps pairs whose candidate a rule fact names,
    POOL=linked pairs close to the cue in the parse (both mentions within two arcs)."""
    data = json.loads(cache.read_text(encoding="utf-8"))
    pool = POOL
    if pool:
        for d in data["docs"]:
            d["pairs"] = [p for p in d["pairs"] if p.get(pool)]
    return data


def cross_validate(cache: Path) -> None:
    data = _load(cache)
    gold, docs = load_gold(data["gold"]), data["docs"]
    pairs = [p for d in docs for p in d["pairs"]]
    print(f"{len(docs)} articles, {len(pairs)} candidate pairs, {sum(p['label'] for p in pairs)} positive")
    names = sorted(d["doc"] for d in docs)
    np.random.default_rng(FOLD_SEED).shuffle(names)
    fold = {n: i % FOLDS for i, n in enumerate(names)}
    probs: list[np.ndarray] = [np.zeros(0)] * len(docs)
    chosen: dict[int, float] = {}
    for k in range(FOLDS):
        tr_docs = [d for d in docs if fold[d["doc"]] != k]
        chosen[k] = _best_threshold(gold, tr_docs, _inner_probs(tr_docs))
        model = fit(*_matrix([p for d in tr_docs for p in d["pairs"]]))
        idx = [i for i, d in enumerate(docs) if fold[d["doc"]] == k]
        for i, pr in zip(idx, _predict([docs[i] for i in idx], model)):
            probs[i] = pr
        print(f"fold {k}: threshold {chosen[k]}", file=sys.stderr)
    base = _score(gold, docs, None, 1.0)
    print("rules alone        P/R/F1 %.3f/%.3f/%.3f" % base)
    # each fold's documents take its own threshold
    pred_docs = []
    for i, d in enumerate(docs):
        t = chosen[fold[d["doc"]]]
        pred_docs.append(dict(d, rules=d["rules"] + [
            {"endorser": p["endorser"], "candidate": p["candidate"], "stance": p["stance"]}
            for p, pr in zip(d["pairs"], probs[i]) if pr >= t]))
    print("rules + model (CV) P/R/F1 %.3f/%.3f/%.3f  thresholds %s" % (
        _score(gold, pred_docs, None, 1.0) + (sorted(chosen.values()),)))
    y = np.array([p["label"] for d in docs for p in d["pairs"]], dtype=float)
    allp = np.concatenate([pr for pr in probs if len(pr)])
    order = np.argsort(-allp)
    for top in (25, 50, 100, 200):
        print(f"  top {top} pairs by out-of-fold p: {int(y[order[:top]].sum())} gold (p >= {allp[order[top - 1]]:.2f})")
    for t in THRESHOLDS[::2]:
        print("  fixed threshold %.2f: P/R/F1 %.3f/%.3f/%.3f" % ((t,) + _score(gold, docs, probs, t)))


def holdout(train_cache: Path, test_cache: Path) -> None:
    tr, te = _load(train_cache), _load(test_cache)
    thr = _best_threshold(load_gold(tr["gold"]), tr["docs"], _inner_probs(tr["docs"]))
    model = fit(*_matrix([p for d in tr["docs"] for p in d["pairs"]]))
    gold = load_gold(te["gold"])
    print("threshold (from train CV) %.2f" % thr)
    print("rules alone    P/R/F1 %.3f/%.3f/%.3f" % _score(gold, te["docs"], None, 1.0))
    print("rules + model  P/R/F1 %.3f/%.3f/%.3f" % _score(gold, te["docs"], _predict(te["docs"], model), thr))


def main(argv: list[str] | None = None) -> None:
    global L2_PENALTY, LEXICAL, POOL
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("pairs", "cv", "holdout"))
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--l2", type=float, default=L2_PENALTY)
    parser.add_argument("--lexical", action="store_true")
    parser.add_argument("--pool", choices=("", "rulecand", "linked"), default="")
    args = parser.parse_args(argv)
    L2_PENALTY, LEXICAL, POOL = args.l2, args.lexical, args.pool
    if args.command == "pairs":
        build_pairs(*args.paths)
    elif args.command == "cv":
        cross_validate(*args.paths)
    else:
        holdout(*args.paths)


if __name__ == "__main__":
    main()
