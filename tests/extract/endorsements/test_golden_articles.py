"""Golden files for the bundled samples and the real seeds.

golden/<article>.endorsements.json hold the sorted (endorser, candidate, stance, stage)
facts that the pipeline produces for each bundled sample in samples/ (fictional, written
for this repository) and for each real seed in ../shared/corpus/seeds (skipped when
../shared is absent; the golden files hold names and stances only, never article text).
A change in extraction shows up as a readable diff. After an intended change, rewrite them with

    ENDORSETRACK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/extract/endorsements/test_golden_articles.py

and review the diff of the golden files before committing.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers.extraction import facts, sorted_facts

from endorsetrack.ingest import read_records
from endorsetrack.pipeline import process_records
from endorsetrack.types import DocumentError

REPO = Path(__file__).resolve().parents[3]
SAMPLES = sorted((REPO / "samples").iterdir())
SEEDS_DIR = REPO / ".." / "shared" / "corpus" / "seeds"
SEEDS = sorted(SEEDS_DIR.glob("*.txt"))
GOLDEN_DIR = Path(__file__).with_name("golden")
UPDATE_GOLDEN = os.environ.get("ENDORSETRACK_UPDATE_GOLDEN") == "1"


def _golden_text(rows: list[list]) -> str:
    """One fact per line, so a changed fact is a one-line diff in review."""
    return "[\n" + ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n"


@pytest.mark.slow
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_endorsements_match_golden(nlp, sample):
    assert_matches_golden(nlp, sample)


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS, reason=f"{SEEDS_DIR} is absent (the real seeds live in ../shared only)")
@pytest.mark.parametrize("seed", SEEDS or [None], ids=lambda p: p.stem if p else "no-seeds")
def test_seed_endorsements_match_golden(nlp, seed):
    assert_matches_golden(nlp, seed)


def test_samples_are_bundled():
    assert len(SAMPLES) >= 3


def assert_matches_golden(nlp, sample: Path) -> None:
    outcome = next(process_records(read_records([str(sample)]), nlp=nlp))
    assert not isinstance(outcome, DocumentError), outcome
    got = sorted_facts(facts(outcome))
    path = GOLDEN_DIR / f"{sample.stem}.endorsements.json"
    if UPDATE_GOLDEN:
        GOLDEN_DIR.mkdir(exist_ok=True)
        path.write_text(_golden_text(got), encoding="utf-8")
    if not path.exists():
        pytest.fail(f"no golden file {path.name}; create it with ENDORSETRACK_UPDATE_GOLDEN=1")
    want = json.loads(path.read_text(encoding="utf-8"))
    if got != want:
        lines = [f"{sample.name}: endorsements differ from {path.name} "
                 "(if intended, rewrite with ENDORSETRACK_UPDATE_GOLDEN=1):"]
        lines += [f"  - {tuple(f)}   (golden, now missing)" for f in want if f not in got]
        lines += [f"  + {tuple(f)}   (new)" for f in got if f not in want]
        pytest.fail("\n".join(lines), pytrace=False)
