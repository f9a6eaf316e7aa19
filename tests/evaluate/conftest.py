"""Fixtures for the evaluate tests: paths, a JSONL writer, and the official scorer."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
SCORE_PY = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def samples_gold() -> Path:
    """The gold of the bundled fictional samples (samples/; always present)."""
    return REPO / "tests" / "data" / "samples.gold.jsonl"


@pytest.fixture(scope="session")
def seeds_gold() -> Path:
    """shared/corpus/seeds/gold.jsonl: the real seeds' gold stays in ../shared."""
    path = SHARED / "corpus" / "seeds" / "gold.jsonl"
    if not path.is_file():
        pytest.skip("shared/corpus/seeds is not beside the repo")
    return path


@pytest.fixture(scope="session")
def dev_gold() -> Path:
    path = SHARED / "corpus" / "dev" / "gold.jsonl"
    if not path.is_file():
        pytest.skip("shared/corpus/dev is not beside the repo")
    return path


@pytest.fixture
def write_jsonl(tmp_path):
    """write_jsonl(name, records) -> path of a JSON Lines file in tmp_path."""
    def write(name: str, records: list) -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return path
    return write


@pytest.fixture(scope="session")
def official():
    """official(gold, pred, *flags) -> stdout lines of shared/eval/score.py."""
    if not SCORE_PY.is_file():
        pytest.skip("shared/eval/score.py is not beside the repo")

    def run(gold: Path, pred: Path, *flags: str) -> list[str]:
        proc = subprocess.run([sys.executable, str(SCORE_PY), str(gold), str(pred), *flags],
                              capture_output=True, text=True, timeout=60, check=True)
        return proc.stdout.splitlines()
    return run


@pytest.fixture(scope="session")
def official_module():
    """shared/eval/score.py imported as a module, to compare single functions."""
    if not SCORE_PY.is_file():
        pytest.skip("shared/eval/score.py is not beside the repo")
    spec = importlib.util.spec_from_file_location("official_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
