"""Fuzz `extract` and `ingest` with generated hostile inputs beside good articles (issue 15).

usage: benchmarks/fuzz.py [--count N] [--batch B] [--good-every K] [--seed S] [--timeout T]
                          [--commands extract,ingest] [--json FILE]

Each batch is a fresh directory of B hostile inputs (tests/helpers/malformed.py: every kind
in turn, sizes drawn from the seed) with a good invented article after every K of them,
plus three inputs sized past the default byte budget (Settings.max_input_bytes): a .gz
and a gzip-encoded WARC body that inflate past it, and a gzipped JSON Lines file whose one
line is longer than it -- all a few hundred KB on disk. Each command runs over each batch
as its own process with a timeout, and the run counts:

- crashes: a process that printed a traceback, died of a signal or exited outside 0-2;
- hangs: a process still running at the timeout (killed);
- peak RSS: the largest maximum resident set of one process (os.wait4), over all runs;
- good inputs lost: good articles missing from the output (extract) or the database
  (ingest), or stored without the endorsement they state;
- bad inputs silent: hostile inputs of a must-fail kind with no `error:` line naming them.

Prints a table and writes the figures as JSON. `make fuzz` runs the default (2,000
hostile inputs); a smaller --count gives a quick look.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from helpers import malformed  # noqa: E402  (the generators live beside the tests that use them)
from helpers.malformed import EITHER, ERROR, GENERATORS, GoodArticle, Malformed, good_article  # noqa: E402

DEFAULT_COUNT = 2_000
DEFAULT_BATCH = 100
DEFAULT_GOOD_EVERY = 5
# Seconds one command may take over one batch (model load included, ~125 inputs). A batch
# takes 20-60 s on a loaded 2-core machine; a hang is anything far past that.
DEFAULT_TIMEOUT = 300.0
# The default byte budget, which the over-budget inputs must pass.
BUDGET_BYTES = 50_000_000
OVER_BUDGET_BYTES = BUDGET_BYTES + 1_000_000
# Sizes of the long unpunctuated paragraphs, characters (longer ones only meet the time budget, Settings.max_article_seconds).
PARAGRAPH_CHARS = (4_000, 20_000)
# Kinds whose default size is under the default budget (they test a reduced budget in
# tests/robustness): in the rotation they may be read; over_budget_inputs() must fail.
SIZED_FOR_SMALL_BUDGET = frozenset({"gzip_bomb", "warc_gzip_body_bomb", "jsonl_line_over_budget"})
PEAK_RSS_LIMIT_MB = 1_024


@dataclass
class Figures:
    command: str
    runs: int = 0
    inputs: int = 0
    bad_inputs: int = 0
    good_inputs: int = 0
    crashes: int = 0
    hangs: int = 0
    peak_rss_mb: float = 0.0
    good_lost: int = 0
    bad_silent: int = 0
    error_lines: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def run_process(argv: list[str], cwd: Path, timeout: float, env: dict[str, str]) -> tuple[Optional[int], str, str, float]:
    """(exit status or None on timeout, stdout, stderr, peak RSS in MB) of one process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                start_new_session=True)
        deadline = time.monotonic() + timeout
        status: Optional[int] = None
        while True:
            pid, raw, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(raw)
                break
            if time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                _, _, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.1)
        proc.returncode = status if status is not None else -9  # already reaped: keep Popen quiet
        out.seek(0)
        err.seek(0)
        return (status, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                usage.ru_maxrss / 1024)


def over_budget_inputs() -> list[Malformed]:
    """The three inputs past the default byte budget, built once (a few hundred KB each on disk)."""
    rng = random.Random("over-budget")
    gz_line = malformed.jsonl_line_over_budget(rng, line_bytes=OVER_BUDGET_BYTES)
    return [malformed.gzip_bomb(rng, inflated_bytes=OVER_BUDGET_BYTES),
            malformed.warc_gzip_body_bomb(rng, inflated_bytes=OVER_BUDGET_BYTES),
            Malformed("jsonl_line_over_budget", "jsonl_line_over_budget.jsonl.gz",
                      gzip.compress(gz_line.data, compresslevel=9), ERROR)]


def generator_for(kind: str, rng: random.Random) -> Callable[[random.Random], Malformed]:
    if kind == "long_unpunctuated_paragraph":
        return partial(malformed.long_unpunctuated_paragraph, chars=rng.choice(PARAGRAPH_CHARS))
    return GENERATORS[kind]


def build_batch(directory: Path, number: int, size: int, good_every: int, seed: int,
                big: list[Malformed]) -> tuple[list[Malformed], list[GoodArticle]]:
    rng = random.Random(f"{seed}:batch:{number}")
    kinds = sorted(GENERATORS)
    bads: list[Malformed] = []
    goods: list[GoodArticle] = []
    for i in range(size):
        index = number * size + i
        kind = kinds[index % len(kinds)]
        case = generator_for(kind, rng)(random.Random(f"{seed}:{kind}:{index}"))
        if kind in SIZED_FOR_SMALL_BUDGET:
            case = Malformed(case.kind, case.name, case.data, EITHER, case.marker, case.fifo)
        bads.append(_renamed(case, f"{index:06d}-"))
        if (i + 1) % good_every == 0:
            goods.append(good_article(rng, index))
    bads += [_renamed(case, f"b{number:04d}-") for case in big]
    for bad in bads:
        bad.write(directory)
    for good in goods:
        (directory / good.name).write_text(good.text, encoding="utf-8")
    return bads, goods


def _renamed(case: Malformed, prefix: str) -> Malformed:
    name = prefix + case.name if isinstance(case.name, str) else prefix.encode() + case.name
    marker = case.marker or (prefix + case.kind)
    # A WARC response's error names its target URI: make it unique too (the URI is in the
    # record header, outside what Content-Length counts).
    data = case.data.replace(b"://news.example/", b"://news.example/" + prefix.encode())
    return Malformed(case.kind, name, data, case.expect, marker, case.fifo)


def stored_facts(db: Path) -> dict[str, set[tuple[str, Optional[str]]]]:
    """doc -> {(endorser text, candidate text)} of the current articles in an ingest database."""
    facts: dict[str, set[tuple[str, Optional[str]]]] = {}
    if not db.exists():
        return facts
    with sqlite3.connect(db) as conn:
        for doc, in conn.execute("SELECT doc FROM articles WHERE is_current = 1"):
            facts.setdefault(doc, set())
        for doc, endorser, candidate in conn.execute(
                "SELECT a.doc, s.endorser_text, s.candidate_text FROM stance_sources s "
                "JOIN articles a ON a.id = s.article_id WHERE a.is_current = 1"):
            facts.setdefault(doc, set()).add((endorser, candidate))
    return facts


def extracted_facts(stdout: str) -> dict[str, set[tuple[str, Optional[str]]]]:
    facts: dict[str, set[tuple[str, Optional[str]]]] = {}
    for line in stdout.splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        facts[obj["doc"]] = {(e["endorser"], e["candidate"]) for e in obj["endorsements"]}
    return facts


def check_run(fig: Figures, label: str, status: Optional[int], stderr: str, rss: float,
              facts: dict[str, set[tuple[str, Optional[str]]]], directory: Path,
              bads: list[Malformed], goods: list[GoodArticle]) -> None:
    fig.runs += 1
    fig.inputs += len(bads) + len(goods)
    fig.bad_inputs += len(bads)
    fig.good_inputs += len(goods)
    fig.peak_rss_mb = max(fig.peak_rss_mb, rss)
    if status is None:
        fig.hangs += 1
        fig.problems.append(f"{label}: no exit after the timeout")
    elif "Traceback" in stderr or status < 0 or status > 2:
        fig.crashes += 1
        fig.problems.append(f"{label}: exit {status}: {stderr.strip().splitlines()[-1:] }")
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    fig.error_lines += len(errors)
    for bad in bads:
        if bad.expect == ERROR and not any(bad.expected_marker in line for line in errors):
            fig.bad_silent += 1
            fig.problems.append(f"{label}: no error line for {bad.kind} ({bad.expected_marker})")
    for good in goods:
        if (good.endorser, good.candidate) not in facts.get(str(directory / good.name), set()):
            fig.good_lost += 1
            fig.problems.append(f"{label}: good article lost: {good.name}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="hostile inputs in all (default 2000)")
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="hostile inputs per run (default 100)")
    parser.add_argument("--good-every", type=int, default=DEFAULT_GOOD_EVERY,
                        help="a good article after every K hostile inputs (default 5)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per run (default 300)")
    parser.add_argument("--commands", default="extract,ingest")
    parser.add_argument("--json", type=Path, default=Path("fuzz-results.json"), help="where to write the figures")
    args = parser.parse_args(argv)

    executable = Path(sys.executable).with_name("endorsetrack")
    command = [str(executable)] if executable.exists() else [sys.executable, "-c",
                                                             "from endorsetrack.cli.app import main; main()"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")])))
    commands = [c.strip() for c in args.commands.split(",") if c.strip()]
    figures = {name: Figures(name) for name in commands}
    big = over_budget_inputs()
    batches = max(1, -(-args.count // args.batch))
    started = time.monotonic()
    for number in range(batches):
        size = min(args.batch, args.count - number * args.batch)
        with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
            inputs = Path(tmp) / "in"
            inputs.mkdir()
            bads, goods = build_batch(inputs, number, size, args.good_every, args.seed, big)
            for name in commands:
                t0 = time.monotonic()
                if name == "extract":
                    status, out, err, rss = run_process(command + ["extract", str(inputs), "-q"], Path(tmp),
                                                        args.timeout, env)
                    facts = extracted_facts(out)
                else:
                    db = Path(tmp) / "fuzz.db"
                    status, out, err, rss = run_process(command + ["ingest", str(inputs), "--db", str(db), "-q"],
                                                        Path(tmp), args.timeout, env)
                    facts = stored_facts(db)
                figures[name].seconds += time.monotonic() - t0
                check_run(figures[name], f"{name} batch {number}", status, err, rss, facts, inputs, bads, goods)
        print(f"batch {number + 1}/{batches} done ({time.monotonic() - started:.0f} s)", file=sys.stderr)

    report = {
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "commit": _commit(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "seed": args.seed, "batch": args.batch, "good_every": args.good_every, "timeout_s": args.timeout,
        "kinds": sorted(GENERATORS),
        "results": [vars(fig) for fig in figures.values()],
    }
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(report))
    failed = any(f.crashes or f.hangs or f.good_lost or f.peak_rss_mb > PEAK_RSS_LIMIT_MB
                 for f in figures.values())
    return 1 if failed else 0


def table(report: dict) -> str:
    head = ("command", "runs", "inputs", "bad", "good", "crashes", "hangs", "peak RSS MB", "good lost",
            "bad silent", "seconds")
    rows = [head] + [(r["command"], r["runs"], r["inputs"], r["bad_inputs"], r["good_inputs"], r["crashes"], r["hangs"],
                      f"{r['peak_rss_mb']:.0f}", r["good_lost"], r["bad_silent"], f"{r['seconds']:.0f}")
                     for r in report["results"]]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(head))]
    lines = ["  ".join(str(v).rjust(w) for v, w in zip(row, widths)) for row in rows]
    problems = [p for r in report["results"] for p in r["problems"]]
    lines += [f"problem: {p}" for p in problems[:30]]
    lines.append(f"{report['date']} commit {report['commit']} on {report['machine']}")
    return "\n".join(lines)


def _commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
