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


def test_stage_times_come_from_the_completed_stages_of_the_event_log(bench, tmp_path):
    stage = {"Stage Name": "parquet at NativeMethodAccessorImpl.java:0", "Number of Tasks": 2,
             "Submission Time": 1_000, "Completion Time": 3_500}
    lines = [{"Event": "SparkListenerStageSubmitted", "Stage Info": {"Stage Name": "collect at x.py:1"}},
             {"Event": "SparkListenerStageCompleted", "Stage Info": stage}]
    (tmp_path / "app-1").write_text("\n".join(json.dumps(e) for e in lines) + "\n", encoding="utf-8")
    assert bench.stage_seconds(tmp_path) == [["parquet", 2, 2.5]]


def test_the_java_options_reach_the_measuring_child(bench):
    args = bench.build_parser().parse_args(["--java-options=-XX:+UseSerialGC"])
    assert args.java_options == "-XX:+UseSerialGC"


def test_cpu_seconds_count_this_process(bench):
    import os

    if not os.path.isdir("/proc"):
        pytest.skip("needs Linux /proc")
    assert bench.tree_cpu_seconds() > 0
    assert "python" in bench.tree_cpu_by_program()


def test_cpu_seconds_count_the_children_already_reaped(bench):
    import os
    import resource
    import subprocess
    import sys

    if not os.path.isdir("/proc"):
        pytest.skip("needs Linux /proc")
    before, reaped = bench.tree_cpu_seconds(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", "sum(range(20_000_000))"], check=True)  # gone before the second reading
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent = now.ru_utime + now.ru_stime - reaped.ru_utime - reaped.ru_stime
    assert spent > 0.05
    assert bench.tree_cpu_seconds() - before >= spent - 0.02  # clock ticks are 10 ms
