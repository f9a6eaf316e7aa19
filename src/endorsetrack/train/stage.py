"""Train the stage model (extract/endorsements/stage_model.py) on the train corpus gold.

usage: python -m endorsetrack.train.stage [--corpus DIR] [--cv] [--out PATH]

Every non-optional gold endorsement of the train corpus (articles, gold.jsonl,
sources.jsonl for title and published date) is one example: its features are
those of the stance's gold evidence, its label the gold stage. Softmax
regression with an L2 penalty, fitted with Adam in numpy: no other dependency,
deterministic (zero start, full batches). --cv prints document-grouped 5-fold
accuracy (folds from a fixed seed) next to the stage cues' own accuracy.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Optional

import numpy as np

from ..extract.endorsements import RESULTS, article_stage, stage_in_text
from ..extract.endorsements import stage_model as model

DEFAULT_CORPUS = Path("../shared/corpus/train")  # from a checkout beside ../shared
#: L2 penalty: the best of 1e-3, 1e-2, 3e-2 in doc-grouped 5-fold CV on train (docs/stage-model.md).
L2_PENALTY = 0.03
#: Adam steps and step size; 300 full-batch steps reach a flat training loss at this size.
ITERATIONS = 300
STEP_SIZE = 0.05
FOLDS = 5
FOLD_SEED = 0


def examples(corpus: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(feature matrix, labels, document of each row, label the stage cues alone give)."""
    sources = {}
    for line in (corpus / "sources.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            sources[rec["doc"]] = rec
    rows, labels, docs, cue_labels = [], [], [], []
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        meta = sources.get(gold["doc"], {})
        text = (corpus / gold["doc"]).read_text(encoding="utf-8", errors="replace")
        published: Optional[str] = meta.get("published") or gold.get("published")
        for fact in gold.get("endorsements") or []:
            if fact.get("optional"):
                continue
            evidence = fact.get("evidence") or ""
            rows.append(model.hashed(model.stage_features(text, meta.get("title"), published, evidence,
                                                          fact["stance"])))
            labels.append(model.STAGE_CLASSES.index(fact.get("stage") or "none"))
            docs.append(gold["doc"])
            context = article_stage(text)
            cue = stage_in_text(evidence) or (None if context == RESULTS else context)
            cue_labels.append(model.STAGE_CLASSES.index(cue or "none"))
    matrix = np.zeros((len(rows), model.FEATURE_BUCKETS))
    for i, row in enumerate(rows):
        for bucket, value in row.items():
            matrix[i, bucket] = value
    return matrix, np.array(labels), np.array(docs), np.array(cue_labels)


def design_checksum(matrix: np.ndarray, labels: np.ndarray) -> str:
    """sha256 of what the fit sees (feature matrix and labels): equal checksums and equal
    settings give equal weights, as the fit is deterministic."""
    digest = hashlib.sha256(np.ascontiguousarray(matrix, dtype=np.float32).tobytes())
    digest.update(np.ascontiguousarray(labels, dtype=np.int64).tobytes())
    return digest.hexdigest()


def training_metadata(matrix: np.ndarray, labels: np.ndarray) -> dict[str, object]:
    """What the shipped weights were trained on and with (stored beside them, checked by a test)."""
    return {"design_sha256": design_checksum(matrix, labels), "examples": int(len(labels)),
            "l2": L2_PENALTY, "iterations": ITERATIONS, "step_size": STEP_SIZE,
            "buckets": model.FEATURE_BUCKETS, "fold_seed": FOLD_SEED}


def fit(matrix: np.ndarray, labels: np.ndarray, l2: float = L2_PENALTY) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression weights (classes x buckets) and intercepts."""
    n, width = matrix.shape
    k = len(model.STAGE_CLASSES)
    coef, intercept = np.zeros((k, width)), np.zeros(k)
    target = np.eye(k)[labels]
    moments = [(np.zeros_like(coef), np.zeros_like(coef)), (np.zeros(k), np.zeros(k))]
    for step in range(1, ITERATIONS + 1):
        scores = matrix @ coef.T + intercept
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        grad = (probs - target) / n
        for param, g, (m, v) in ((coef, grad.T @ matrix + l2 * coef, moments[0]),
                                 (intercept, grad.sum(axis=0), moments[1])):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            param -= STEP_SIZE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return coef, intercept


def cross_validate(matrix: np.ndarray, labels: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """Out-of-fold class probabilities of every example."""
    names = np.array(sorted(set(docs)))
    np.random.default_rng(FOLD_SEED).shuffle(names)
    fold_of = {d: i % FOLDS for i, d in enumerate(names)}
    folds = np.array([fold_of[d] for d in docs])
    probs = np.zeros((len(labels), len(model.STAGE_CLASSES)))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        coef, intercept = fit(matrix[train], labels[train])
        scores = matrix[test] @ coef.T + intercept
        scores -= scores.max(axis=1, keepdims=True)
        probs[test] = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    return probs


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=model.MODEL_PATH)
    parser.add_argument("--cv", action="store_true")
    args = parser.parse_args(argv)
    matrix, labels, docs, cue_labels = examples(args.corpus)
    print(f"{len(labels)} gold stances from {len(set(docs))} articles; "
          f"stage cues alone agree on {(cue_labels == labels).mean():.3f}", file=sys.stderr)
    if args.cv:
        probs = cross_validate(matrix, labels, docs)
        none = model.STAGE_CLASSES.index("none")
        print(f"doc-grouped {FOLDS}-fold CV accuracy: {(probs.argmax(axis=1) == labels).mean():.3f}", file=sys.stderr)
        for floor in (0.4, 0.5, 0.6, 0.7, 0.8):
            sure = probs.max(axis=1) >= floor
            guess = np.where(sure, probs.argmax(axis=1), none)
            print(f"  stage only when p >= {floor}: accuracy {(guess == labels).mean():.3f}, "
                  f"{sure.mean():.2f} of stances staged, precision {(guess == labels)[sure].mean():.3f}",
                  file=sys.stderr)
    coef, intercept = fit(matrix, labels)
    np.savez_compressed(args.out, coef=coef.astype(np.float16), intercept=intercept.astype(np.float32),
                        meta=np.array(json.dumps(training_metadata(matrix, labels), sort_keys=True)))
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
