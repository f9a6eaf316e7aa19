#!/usr/bin/env python3
"""Throughput of the Spark job (``endorsetrack spark``) on local[1] against local[2].

Each master runs in a fresh process (its own JVM and Python workers): the corpus folder is
turned into one JSON Lines feed (../shared/eval/corpus_jsonl.py, as the quality figures are
measured), optionally mixed with generated non-political news (benchmarks/throughput.py's
generator, --mix-ratio per article), and the job writes its Parquet tables to a temporary
folder. Articles/s counts the job only (from submitting it to the last table written,
the spaCy model loading in each worker included); starting the session is shown apart.
Both masters get the same number of partitions. Needs the spark extra and Java.

usage: benchmarks/spark_throughput.py [--corpus DIR] [--masters M...] [--partitions N]
                                      [--mix-ratio R] [--json]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRAIN_DIR = REPO / ".." / "shared" / "corpus" / "train"
CORPUS_JSONL = REPO / ".." / "shared" / "eval" / "corpus_jsonl.py"
DEFAULT_MASTERS = ("local[1]", "local[2]")
#: The same task count for every master (4 per core of the largest, the job's own default
#: on 2 cores), so that only the cores differ between runs.
DEFAULT_PARTITIONS = 8
SEED = 20240601


def write_feed(corpus: Path, mix_ratio: int, out: Path) -> int:
    """The corpus as JSON Lines (plus generated news); returns the number of articles."""
    made = subprocess.run([sys.executable, str(CORPUS_JSONL), str(corpus)], check=True, capture_output=True,
                          text=True).stdout.splitlines()
    lines = [line for line in made if line.strip()]
    if mix_ratio:
        spec = importlib.util.spec_from_file_location("throughput", REPO / "benchmarks" / "throughput.py")
        assert spec and spec.loader
        throughput = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(throughput)
        rng = random.Random(SEED)
        lines += [json.dumps({"id": f"news-{i:06d}", "text": throughput.news_article(rng)})
                  for i in range(len(lines) * mix_ratio)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def measure(master: str, feed: str, partitions: int, java_options: str = "") -> dict:
    """One job in this process: session start, then the job, timed apart; the CPU seconds
    of the job (this process, the JVM, pyspark's daemon and workers) and the wall time of
    each of its stages (from Spark's event log)."""
    from endorsetrack.batch import run_spark, spark_session

    with tempfile.TemporaryDirectory() as logs:
        os.environ["PYSPARK_SUBMIT_ARGS"] = (f"--conf spark.eventLog.enabled=true --conf spark.eventLog.dir={logs} "
                                             "--conf spark.eventLog.compress=false --conf spark.eventLog.rolling.enabled=false "
                                             + (f"--driver-java-options {shlex.quote(java_options)} " if java_options else "")
                                             + "pyspark-shell")
        started = time.monotonic()
        session = spark_session(master, app_name="endorsetrack-bench")
        session_seconds = time.monotonic() - started
        cpu_before = tree_cpu_by_program()
        with tempfile.TemporaryDirectory() as out:
            summary = run_spark(feed, os.path.join(out, "tables"), partitions=partitions, spark=session)
        cpu_by_program = {name: round(seconds - cpu_before.get(name, 0.0), 1)
                          for name, seconds in tree_cpu_by_program().items()}
        cpu = sum(cpu_by_program.values())
        rss = worker_peak_rss_mb(session, partitions)
        session.stop()
        stages = stage_seconds(Path(logs))
    return {"master": master, "articles": summary.articles, "errors": summary.failed, "rows": summary.rows,
            "partitions": summary.partitions, "job_seconds": round(summary.seconds, 2),
            "job_cpu_seconds": round(cpu, 1), "job_cpu_seconds_by_program": cpu_by_program,
            "session_seconds": round(session_seconds, 2),
            "articles_per_s": round(summary.articles / summary.seconds, 2) if summary.seconds else 0.0,
            "worker_peak_rss_mb": rss, "stages": stages}


def tree_cpu_seconds() -> float:
    """User + system CPU seconds of this process and all its descendants alive now, with the
    children they have reaped (Linux /proc; 0 elsewhere): the JVM, pyspark's daemon and its
    workers are all below it."""
    return sum(tree_cpu_by_program().values())


def tree_cpu_by_program() -> dict[str, float]:
    """``tree_cpu_seconds`` by program name (``java``, ``python``, ...)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return {}
    parent: dict[int, int] = {}
    ticks: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        command, rest = stat.split("(", 1)[1].rsplit(")", 1)
        fields = rest.split()
        names[int(entry.name)] = "python" if "python" in command else command
        parent[int(entry.name)] = int(fields[1])  # ppid (field 4 of stat)
        # utime, stime (fields 14, 15) and the reaped children's cutime, cstime (16, 17): the JVM
        # forks a `chmod` per file it creates (Hadoop without its native library), gone by now
        ticks[int(entry.name)] = sum(int(fields[i]) for i in (11, 12, 13, 14))
    ours, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        pid = frontier.pop()
        children = [child for child, ppid in parent.items() if ppid == pid and child not in ours]
        ours.update(children)
        frontier.extend(children)
    by_name: dict[str, float] = {}
    for pid in ours:
        by_name[names[pid]] = by_name.get(names[pid], 0.0) + ticks.get(pid, 0) / os.sysconf("SC_CLK_TCK")
    return by_name


def stage_seconds(logs: Path) -> list[list]:
    """[stage name, tasks, seconds] of each completed stage, in order, from the event log."""
    stages = []
    for log in sorted(p for p in logs.rglob("*") if p.is_file()):
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if '"SparkListenerStageCompleted"' not in line:
                continue
            info = json.loads(line)["Stage Info"]
            if "Submission Time" in info and "Completion Time" in info:
                stages.append([info["Stage Name"].split(" at ")[0], info["Number of Tasks"],
                               round((info["Completion Time"] - info["Submission Time"]) / 1000, 2)])
    return stages


def worker_peak_rss_mb(session, tasks: int) -> dict[str, float]:
    """Peak RSS of each Python worker, read in a small job after the real one: Spark reuses its
    workers, so the ones that ran the extraction answer (by process id)."""
    import resource

    def peak(_: object) -> tuple[int, float]:
        return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    pairs = session.sparkContext.parallelize(range(tasks * 4), tasks * 4).map(peak).collect()
    return {str(pid): round(mb, 1) for pid, mb in sorted(set(pairs))}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=TRAIN_DIR, help="a corpus folder (default ../shared/corpus/train)")
    parser.add_argument("--masters", nargs="+", default=list(DEFAULT_MASTERS))
    parser.add_argument("--partitions", type=int, default=DEFAULT_PARTITIONS)
    parser.add_argument("--mix-ratio", type=int, default=0,
                        help="generated non-political articles per corpus article (19: a ~5%% political news mix)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--java-options", default="", help="extra options of the driver JVM (local mode: the whole job's JVM)")
    parser.add_argument("--measure", nargs=3, metavar=("MASTER", "FEED", "PARTITIONS"), help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.measure:
        master, feed, partitions = args.measure
        print(json.dumps(measure(master, feed, int(partitions), args.java_options)))
        return 0
    if not args.corpus.is_dir() or not CORPUS_JSONL.is_file():
        print(f"error: {args.corpus} or {CORPUS_JSONL} is missing (../shared beside the repository)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        count = write_feed(args.corpus, args.mix_ratio, feed)
        runs = []
        for master in args.masters:
            out = subprocess.run([sys.executable, __file__, "--measure", master, str(feed), str(args.partitions),
                                  f"--java-options={args.java_options}"],
                                 check=True, capture_output=True, text=True).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
    base = runs[0]["articles_per_s"] or 1.0
    report = {"corpus": str(args.corpus.resolve()), "articles": count, "mix_ratio": args.mix_ratio,
              "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                          "load_average": [round(x, 1) for x in os.getloadavg()]},
              "runs": runs, "speedup": {r["master"]: round(r["articles_per_s"] / base, 2) for r in runs}}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{count} articles ({args.corpus.name}, mix ratio {args.mix_ratio}), {args.partitions} partitions")
        print(f"{'master':<10} {'articles/s':>10} {'job s':>8} {'job CPU s':>9} {'session s':>10} {'speedup':>8}"
              "  peak RSS per worker MB")
        for r in runs:
            print(f"{r['master']:<10} {r['articles_per_s']:>10.2f} {r['job_seconds']:>8.1f} {r['job_cpu_seconds']:>9.1f} "
                  f"{r['session_seconds']:>10.1f} {report['speedup'][r['master']]:>8.2f}  "
                  f"{', '.join(f'{mb:.0f}' for mb in r['worker_peak_rss_mb'].values())}")
        for r in runs:
            print(f"{r['master']} stages (name, tasks, s): "
                  + "; ".join(f"{name} {tasks} {sec:.1f}" for name, tasks, sec in r["stages"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
