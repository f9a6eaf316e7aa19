"""The same articles give the same bytes in every process, whatever Python's hash seed.

Python randomises str hashing per process, so anything that iterates a set of names can
change its choice between runs; the output must not. Run on the bundled samples and, when
../shared is present, on the dev corpus.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
HASH_SEEDS = ("0", "5", "11")


def extract_under_seed(paths: list[str], seed: str, out: Path) -> bytes:
    subprocess.run([sys.executable, "-m", "endorsetrack", "extract", *paths, "-q", "-o", str(out)],
                   env={**os.environ, "PYTHONHASHSEED": seed}, check=True, capture_output=True, timeout=600)
    return out.read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["samples", "dev"])
def test_extraction_is_identical_under_different_hash_seeds(corpus, tmp_path):
    if corpus == "samples":
        paths = sorted(str(p) for p in (ROOT / "samples").iterdir())
    else:
        if not DEV.is_dir():
            pytest.skip(f"{DEV} is absent")
        paths = sorted(str(p) for p in DEV.iterdir() if p.suffix == ".txt")
    outputs = {seed: extract_under_seed(paths, seed, tmp_path / f"{seed}.jsonl") for seed in HASH_SEEDS}
    assert outputs["0"], "the extraction wrote nothing"
    assert all(out == outputs["0"] for out in outputs.values())
