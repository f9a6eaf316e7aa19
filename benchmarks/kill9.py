"""kill -9 during `endorsetrack ingest` on SQLite: no damage, and a re-run converges.

    .venv/bin/python benchmarks/kill9.py --trials 10
    .venv/bin/python benchmarks/kill9.py --trials 10 --input feed.jsonl --kills-per-trial 3

A reference run ingests the input into a fresh database. Each trial starts the same
ingest into another fresh database and kills it (SIGKILL) at a random moment of a full
run's time, ``--kills-per-trial`` times in a row on the same database; after each kill it
checks ``PRAGMA integrity_check`` and counts the articles that survived. Then it runs the
ingest to the end, compares every table's rows (without row ids, run logs or clock times)
with the reference, and runs it once more, which must store nothing new (idempotence).
By default the input is generated: invented articles stating endorsements and a poll.
Not a test (tests/robustness keeps the script working on a tiny input).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
TOWNS = ("Quillmoor", "Averdale", "Tessick", "Brannock", "Ostervale", "Marrowgate")
TRADES = ("Bakers", "Glaziers", "Ferry Pilots", "Lamplighters", "Weavers", "Coopers", "Tanners")
CANDIDATES = ("Ilse Varnholt", "Tomas Reyk", "Ada Quillfeather", "Bram Oduya", "Nell Castaway")

# Rows compared between a killed-and-rerun database and the reference: ids replaced by
# the natural keys they point at, clock times and run logs left out.
SNAPSHOT_QUERIES = {
    "articles": "SELECT identity, content_hash, doc, url, title, published, date_basis, is_current FROM articles",
    "entities": "SELECT e.kind, e.name_key, e.name, e.entity_type, e.gazetteer_id, p.name_key FROM entities e"
                " LEFT JOIN entities p ON p.id = e.parent_id",
    "entity_names": "SELECT e.name_key, n.name, n.name_key, n.score, n.method FROM entity_names n"
                    " JOIN entities e ON e.id = n.entity_id",
    "races": "SELECT race_key, name, year FROM races",
    "stances": "SELECT e.name_key, c.name_key, s.stance, s.stage, r.race_key FROM stances s"  # fact_key holds ids
               " JOIN entities e ON e.id = s.endorser_id LEFT JOIN entities c ON c.id = s.candidate_id"
               " LEFT JOIN races r ON r.id = s.race_id",
    "stance_sources": "SELECT e.name_key, c.name_key, s.stance, s.stage, r.race_key, a.identity, x.evidence,"
                      " x.start_offset, x.end_offset, x.rule_id"
                      " FROM stance_sources x JOIN stances s ON s.id = x.stance_id"
                      " JOIN entities e ON e.id = s.endorser_id LEFT JOIN entities c ON c.id = s.candidate_id"
                      " LEFT JOIN races r ON r.id = s.race_id JOIN articles a ON a.id = x.article_id",
    "polls": "SELECT a.identity, e.name_key, p.population, p.released, r.race_key FROM polls p"
             " JOIN articles a ON a.id = p.article_id JOIN entities e ON e.id = p.pollster_id"
             " LEFT JOIN races r ON r.id = p.race_id",
    "poll_results": "SELECT a.identity, c.name_key, x.share FROM poll_results x JOIN polls p ON p.id = x.poll_id"
                    " JOIN articles a ON a.id = p.article_id JOIN entities c ON c.id = x.candidate_id",
}
STORED = re.compile(r"stored (\d+) article")


def generate(path: Path, count: int, seed: int = 9) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            town, trade = rng.choice(TOWNS), rng.choice(TRADES)
            first, second = rng.sample(CANDIDATES, 2)
            text = (f"The {town} {trade} Union endorsed {first} for mayor on Monday.\n\n"
                    f"Members voted at meeting number {n}, the union said. {second} did not win its backing.\n\n"
                    f"A poll by the {town} Courier found {first} at {rng.randint(30, 49)} percent and "
                    f"{second} at {rng.randint(20, 29)} percent.\n")
            out.write(json.dumps({"id": f"k9-{n:04d}", "text": text, "published": f"2025-0{1 + n % 9}-1{n % 10}"})
                      + "\n")


def snapshot(db: Path) -> dict[str, tuple[int, str]]:
    """Table -> (row count, digest of its sorted rows)."""
    with sqlite3.connect(db) as conn:
        out = {}
        for table, query in SNAPSHOT_QUERIES.items():
            rows = sorted(repr(row) for row in conn.execute(query))
            out[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16])
        return out


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def article_count(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:  # killed before the schema was made
            return 0


def ingest_argv(feed: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "endorsetrack", "ingest", str(feed), "--db", str(db)]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def run_ingest(feed: Path, db: Path) -> tuple[int, str, float]:
    started = time.monotonic()
    done = subprocess.run(ingest_argv(feed, db), capture_output=True, text=True, env=_env())
    return done.returncode, done.stderr, time.monotonic() - started


def killed_run(feed: Path, db: Path, after: float) -> bool:
    """Start an ingest and SIGKILL it ``after`` seconds in; False when it finished first."""
    proc = subprocess.Popen(ingest_argv(feed, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=_env())
    try:
        proc.wait(timeout=after)
        return False
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


@dataclass
class Figures:
    trials: int = 0
    kills: int = 0
    finished_before_kill: int = 0
    integrity_ok: int = 0
    converged: int = 0
    idempotent: int = 0
    survived: list[int] = field(default_factory=list)  # articles in the database after each kill
    problems: list[str] = field(default_factory=list)

    def as_dict(self, reference_articles: int, reference_seconds: float) -> dict:
        return {"trials": self.trials, "kills": self.kills, "finished_before_kill": self.finished_before_kill,
                "integrity_ok": self.integrity_ok, "converged": self.converged, "idempotent": self.idempotent,
                "articles": reference_articles, "full_run_s": round(reference_seconds, 1),
                "articles_after_kill_min": min(self.survived, default=0),
                "articles_after_kill_max": max(self.survived, default=0),
                "partial_kills": sum(1 for n in self.survived if 0 < n < reference_articles),
                "problems": self.problems}


def trial(feed: Path, db: Path, reference: dict, full_seconds: float, kills: int, rng: random.Random,
          figures: Figures) -> None:
    figures.trials += 1
    for _ in range(kills):
        if not killed_run(feed, db, rng.uniform(0.1, 0.9) * full_seconds):
            figures.finished_before_kill += 1
            continue
        figures.kills += 1
        figures.survived.append(article_count(db))
        if db.exists():
            check = integrity(db)
            if check == "ok":
                figures.integrity_ok += 1
            else:
                figures.problems.append(f"{db.name}: integrity_check {check!r}")
        else:
            figures.integrity_ok += 1  # killed before the file existed: nothing to damage
    status, stderr, _ = run_ingest(feed, db)
    if status != 0:
        figures.problems.append(f"{db.name}: re-run exit {status}: {stderr.strip()[-300:]}")
        return
    if snapshot(db) == reference:
        figures.converged += 1
    else:
        figures.problems.append(f"{db.name}: rows differ from the reference after the re-run")
    status, stderr, _ = run_ingest(feed, db)
    stored = STORED.search(stderr)
    if status == 0 and stored and stored.group(1) == "0":
        figures.idempotent += 1
    else:
        figures.problems.append(f"{db.name}: a second re-run stored something: {stderr.strip()[-200:]}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--kills-per-trial", type=int, default=1, help="kills on the same database before the re-run")
    parser.add_argument("--articles", type=int, default=60, help="generated articles (without --input)")
    parser.add_argument("--input", type=Path, help="a file to ingest instead of generated articles")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        feed = args.input or work / "feed.jsonl"
        if args.input is None:
            generate(feed, args.articles)
        status, stderr, full_seconds = run_ingest(feed, work / "reference.db")
        if status != 0:
            print(f"the reference run failed (exit {status}): {stderr.strip()[-300:]}", file=sys.stderr)
            return 1
        reference = snapshot(work / "reference.db")
        figures = Figures()
        for number in range(args.trials):
            trial(feed, work / f"trial{number}.db", reference, full_seconds, args.kills_per_trial, rng, figures)
        result = figures.as_dict(reference["articles"][0], full_seconds)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0 if not figures.problems else 1


if __name__ == "__main__":
    sys.exit(main())
