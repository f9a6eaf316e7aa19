"""benchmarks/spark_throughput.py must keep working: options and the feed it builds (no Spark job runs here)."""
import json

import pytest

from helpers.scripts import loaded_benchmark


@pytest.fixture(scope="module")
def bench():
    with loaded_benchmark("spark_throughput") as module:
        yield module


def test_parser_defaults_compare_one_core_with_two_on_the_same_partitions(bench):
    args = bench.build_parser().parse_args([])
    assert (args.masters, args.partitions, args.mix_ratio) == (["local[1]", "local[2]"], 8, 0)
    assert bench.build_parser().parse_args(["--mix-ratio", "19", "--json"]).mix_ratio == 19


def test_the_feed_holds_the_corpus_then_the_generated_news(bench, tmp_path):
    if not bench.CORPUS_JSONL.is_file():
        pytest.skip("../shared/eval/corpus_jsonl.py is absent")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text("The Fenwick Glaziers Union endorsed Ada Brill for mayor.", encoding="utf-8")
    count = bench.write_feed(corpus, 2, tmp_path / "feed.jsonl")
    records = [json.loads(line) for line in (tmp_path / "feed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert count == len(records) == 2 + 2 * 2
    assert [r["id"] for r in records[:2]] == ["a.txt", "b.txt"]
    assert all(r["id"].startswith("news-") and r["text"] for r in records[2:])
