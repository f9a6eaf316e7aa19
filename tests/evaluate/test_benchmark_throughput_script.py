"""benchmarks/throughput.py must keep working: options, the news generator, a tiny run.

No test measures speed; this only keeps the script from rotting (~6 s: four child
processes each load the model once).
"""
import json
import random
import subprocess
import sys

import pytest

from helpers.scripts import loaded_benchmark


@pytest.fixture(scope="module")
def throughput():
    with loaded_benchmark("throughput") as module:
        yield module


def test_parser_options_and_defaults(throughput):
    args = throughput.build_parser().parse_args(["--repeat", "2", "--batch-size", "8", "--json"])
    assert (args.repeat, args.batch_size, args.json) == (2, 8, True)
    defaults = throughput.build_parser().parse_args([])
    assert defaults.mix_ratio == 19 and defaults.batch_size is None and defaults.articles is None


def test_news_articles_are_deterministic_paragraphed_text(throughput):
    first = [throughput.news_article(random.Random(7)) for _ in range(2)]
    assert first[0] == first[1]
    article = first[0]
    assert "{" not in article and article.count("\n\n") >= 2
    assert all(p[0].isupper() for p in article.split("\n\n"))


def test_workloads_repeat_dev_and_mix_news_once(throughput, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text("The union endorsed Roe.", encoding="utf-8")
    loads = throughput.write_workloads(sorted(src.glob("*.txt")), 3, 4, tmp_path / "out")
    assert len(loads["dev"]) == 6 and len(set(loads["dev"])) == 6
    assert len(loads["mix"]) == 2 + 2 * 4
    assert sum("news_" in p for p in loads["mix"]) == 8


@pytest.mark.slow
def test_tiny_run_reports_every_measurement(repo, tmp_path):
    articles = []
    for name, text in (("a.txt", "The Springfield Teachers Union endorsed Jane Roe for mayor."),
                       ("b.txt", "A poll showed Roe ahead 48 percent to 41 percent.")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        articles.append(str(tmp_path / name))
    proc = subprocess.run([sys.executable, str(repo / "benchmarks" / "throughput.py"),
                           "--repeat", "1", "--mix-ratio", "1", "--json", "--articles", *articles],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert [r["run"] for r in report["runs"]] == ["endorsetrack/dev", "spacy/dev",
                                                  "endorsetrack/mix", "spacy/mix"]
    assert [r["articles"] for r in report["runs"]] == [2, 2, 4, 4]
    for run in report["runs"]:
        assert run["peak_rss_mb"] >= run["rss_after_model_load_mb"] > 50
        assert run["failed"] == 0


@pytest.mark.slow
def test_alternate_run_compares_both_sides_in_one_process(repo, tmp_path):
    (tmp_path / "a.txt").write_text("The Springfield Teachers Union endorsed Jane Roe for mayor.\n\n"
                                    "A poll showed Roe ahead 48 percent to 41 percent.", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(repo / "benchmarks" / "throughput.py"), "--alternate", "2",
                           "--json", "--articles", str(tmp_path / "a.txt")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["articles"] == 1 and result["rounds"] == 2
    assert [len(result["cpu_seconds"][side]) for side in ("endorsetrack", "spacy")] == [2, 2]
    assert result["speed_vs_spacy"] > 0 and result["peer_tokens"] > 10
