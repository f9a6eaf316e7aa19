"""Memory of `ingest` over a long generated input: does resident memory stay flat as articles stream by?

Generates N invented articles as JSON Lines (a news mix: about 5% political stories with an
endorsement and a poll, the rest sport, weather and business), writes them to a temporary
file, runs ``endorsetrack ingest FILE --workers W`` as a process and samples the resident
memory (VmRSS from /proc, Linux only) of the main process and of each worker every half
second. Prints, as JSON: articles, seconds, articles/s, peak RSS per process, and the
total RSS at each tenth of the run, so a growth shows as a rising series.

    .venv/bin/python benchmarks/memory.py --articles 100000 --workers 2

The text is written here from templates and invented names (no real article text).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

FIRST = ("Maren", "Tobias", "Ilse", "Dario", "Wren", "Odile", "Caspar", "Nell", "Ravi", "Signe")
LAST = ("Quillfeather", "Ambrose", "Tarrant", "Okafor", "Lindqvist", "Morrow", "Castellane", "Hale", "Voss", "Penhallow")
GROUPS = ("Riverton Nurses Association", "Harbor Pipefitters Local 88", "Eastvale Teachers Union",
          "Coastal Grocers Council", "Millbrook Firefighters Local 12")
OFFICES = ("mayor", "governor", "state senate", "county executive")
FILLER = ("The forecast calls for light rain through the weekend, with temperatures near {n} degrees.",
          "The home side won {n} to {m} after a late goal in the second half.",
          "Shares of the regional bank rose {n} percent in early trading on Tuesday.",
          "The council approved a {n} million dollar budget for road repairs.",
          "Organisers expect {n} thousand visitors at the harvest fair this year.")
POLITICAL_SHARE = 0.05  # about one story in twenty is political, as in a general news feed


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def articles(count: int, seed: int = 7) -> Iterator[dict]:
    """``count`` invented articles, deterministic for a seed; every ~20th is political."""
    rng = random.Random(seed)
    for i in range(count):
        body = [rng.choice(FILLER).format(n=rng.randint(2, 90), m=rng.randint(0, 9)) for _ in range(rng.randint(4, 12))]
        if rng.random() < POLITICAL_SHARE:
            a, b = _name(rng), _name(rng)
            office = rng.choice(OFFICES)
            body.insert(1, f"The {rng.choice(GROUPS)} endorsed {a} for {office} on Monday, citing her record.")
            body.insert(2, f"A poll by the Brackwater Institute found {a} at {rng.randint(35, 55)} percent and "
                           f"{b} at {rng.randint(20, 40)} percent among likely voters.")
        year = 2020 + i % 6
        yield {"id": f"gen-{i:07d}", "url": f"https://news.example/{year}/{1 + i % 12:02d}/{i}",
               "title": f"Story {i}", "published": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
               "text": "\n\n".join(body)}


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--interval", type=float, default=0.5, help="seconds between memory samples")
    args = ap.parse_args(argv)
    exe = Path(sys.executable).with_name("endorsetrack")
    with tempfile.TemporaryDirectory(prefix="endorsetrack-memory-") as tmp:
        feed = Path(tmp) / "feed.jsonl"
        with feed.open("w", encoding="utf-8") as out:
            for art in articles(args.articles):
                out.write(json.dumps(art) + "\n")
        started = time.monotonic()
        proc = subprocess.Popen([str(exe), "ingest", str(feed), "--db", str(Path(tmp) / "m.db"),
                                 "--workers", str(args.workers), "-q"], stderr=subprocess.PIPE, text=True)
        samples: list[tuple[float, int]] = []
        peak: dict[str, int] = {"main": 0, "worker": 0}
        while proc.poll() is None:
            main_kb = rss_kb(proc.pid)
            worker_kbs = [rss_kb(c) for c in children(proc.pid)]
            peak["main"] = max(peak["main"], main_kb)
            peak["worker"] = max([peak["worker"], *worker_kbs])
            samples.append((time.monotonic() - started, main_kb + sum(worker_kbs)))
            time.sleep(args.interval)
        seconds = time.monotonic() - started
        summary_line = (proc.stderr.read() if proc.stderr else "").strip().splitlines()[-1:]
    tenths = [max((kb for t, kb in samples if k * seconds / 10 <= t < (k + 1) * seconds / 10), default=0) // 1024
              for k in range(10)]
    print(json.dumps({"articles": args.articles, "workers": args.workers, "exit": proc.returncode,
                      "seconds": round(seconds, 1), "articles_per_s": round(args.articles / seconds, 1),
                      "peak_rss_mb": {k: v // 1024 for k, v in peak.items()},
                      "total_rss_mb_by_tenth_of_run": tenths, "summary": summary_line,
                      "machine": f"{os.cpu_count()} cores"}, indent=2))
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
