"""No article text in the repository overlaps the hidden evaluation set.

../shared/eval/contamination.py compares salted fingerprints (URLs and 8-word
shingles) of every corpus it is given with the hidden articles that judge each
review. Every corpus the repository bundles (the sample articles and the
synthetic regression sets under tests/data) must report 0 overlaps; the check
skips when ../shared is absent (a clone outside the workspace).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHECKER = REPO.parent / "shared" / "eval" / "contamination.py"


def repository_corpora() -> list[Path]:
    """Every folder of articles the repository ships: samples/ and each tests/data set."""
    data = REPO / "tests" / "data"
    folders = [REPO / "samples", *sorted(p for p in data.iterdir() if p.is_dir())]
    return [f for f in folders if any(f.glob("*.txt")) or any(f.glob("*.html"))
            or any(f.glob("*.jsonl"))]


def test_repository_has_corpora_to_check() -> None:
    assert REPO / "samples" in repository_corpora()
    assert len(repository_corpora()) >= 5


@pytest.mark.skipif(not CHECKER.is_file(), reason=f"{CHECKER} is absent")
@pytest.mark.parametrize("corpus", repository_corpora(), ids=lambda p: p.name)
def test_corpus_has_no_overlap_with_hidden_articles(corpus: Path) -> None:
    done = subprocess.run([sys.executable, str(CHECKER), str(corpus)],
                          capture_output=True, text=True, timeout=300)
    assert "contamination check: 0 overlapping item(s)" in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0
