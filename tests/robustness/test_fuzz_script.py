"""benchmarks/fuzz.py (`make fuzz`) keeps working: batches, the process runner and the counts.

The full run takes minutes; these check its parts on a handful of inputs and on
trivial processes, without loading the model.
"""
from __future__ import annotations

import sys

import pytest

from helpers.scripts import loaded_benchmark
from helpers.malformed import ERROR


@pytest.fixture(scope="module")
def fuzz():
    with loaded_benchmark("fuzz") as module:
        yield module


def test_a_batch_writes_every_input_with_a_good_article_after_every_k(fuzz, tmp_path):
    bads, goods = fuzz.build_batch(tmp_path, number=0, size=10, good_every=5, seed=1, big=[])
    assert len(bads) == 10 and len(goods) == 2
    assert len(list(tmp_path.iterdir())) == 12
    assert len({bad.expected_marker for bad in bads}) == 10  # every input can be told apart


def test_the_runner_reports_exit_status_peak_memory_and_a_timeout(fuzz, tmp_path):
    status, out, err, rss = fuzz.run_process([sys.executable, "-c", "print('ok')"], tmp_path, 30, {})
    assert (status, out.strip()) == (0, "ok") and rss > 0
    status, _, _, _ = fuzz.run_process([sys.executable, "-c", "import time; time.sleep(30)"], tmp_path, 0.5, {})
    assert status is None


def test_a_run_counts_crashes_lost_good_articles_and_silent_bad_inputs(fuzz, tmp_path):
    bads, goods = fuzz.build_batch(tmp_path, number=0, size=5, good_every=5, seed=1, big=[])
    figures = fuzz.Figures("extract")
    kept = {str(tmp_path / g.name): {(g.endorser, g.candidate)} for g in goods}
    fuzz.check_run(figures, "run", 1, "Traceback (most recent call last):\n", 100.0, kept, tmp_path, bads, goods)
    fuzz.check_run(figures, "run", 1, "", 50.0, {}, tmp_path, bads, goods)
    assert (figures.runs, figures.crashes, figures.hangs, figures.peak_rss_mb) == (2, 1, 0, 100.0)
    assert figures.good_lost == len(goods)
    assert figures.bad_silent == 2 * sum(1 for b in bads if b.expect == ERROR)
