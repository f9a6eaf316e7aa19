"""The stage model's trainer (train/stage.py) and the weights it ships."""
import json
from pathlib import Path

import numpy as np
import pytest

from endorsetrack.extract.endorsements import stage_model as model
from endorsetrack.train import stage as trainer

TRAIN_CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "train"


def _shipped_metadata() -> dict:
    return json.loads(str(np.load(model.MODEL_PATH)["meta"]))


def test_the_shipped_weights_record_the_settings_of_the_training_command():
    meta = _shipped_metadata()
    assert meta["l2"] == trainer.L2_PENALTY
    assert meta["iterations"] == trainer.ITERATIONS
    assert meta["step_size"] == trainer.STEP_SIZE
    assert meta["fold_seed"] == trainer.FOLD_SEED
    assert meta["buckets"] == model.FEATURE_BUCKETS == np.load(model.MODEL_PATH)["coef"].shape[1]


@pytest.mark.skipif(not TRAIN_CORPUS.is_dir(), reason="the train corpus lives in ../shared")
def test_the_training_command_sees_what_the_shipped_weights_were_fitted_on():
    # the fit is deterministic: the same design and settings give the shipped weights, so a
    # feature or corpus change that would make the command train other weights fails here
    matrix, labels, _, _ = trainer.examples(TRAIN_CORPUS)
    meta = _shipped_metadata()
    assert meta["examples"] == len(labels)
    assert meta["design_sha256"] == trainer.design_checksum(matrix, labels)


def test_the_fit_is_deterministic_and_learns_an_invented_separable_stage():
    matrix = np.zeros((6, 4))
    matrix[:3, 0] = 1.0  # an invented "nominee" word: general
    matrix[3:, 1] = 1.0  # an invented "caucus" word: primary
    labels = np.array([1, 1, 1, 0, 0, 0])
    first, second = trainer.fit(matrix, labels), trainer.fit(matrix, labels)
    assert np.array_equal(first[0], second[0]) and np.array_equal(first[1], second[1])
    scores = matrix @ first[0].T + first[1]
    assert list(scores.argmax(axis=1)) == list(labels)


def test_the_design_checksum_changes_with_a_label():
    matrix, labels = np.eye(3), np.array([0, 1, 2])
    assert trainer.design_checksum(matrix, labels) != trainer.design_checksum(matrix, np.array([0, 1, 1]))
