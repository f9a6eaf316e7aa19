"""`serve` on SQLite while `ingest` writes the same database (issue 15): concurrent readers
and reviewers get answers, never a 5xx, none waits past the busy timeout, and the ingest
(a separate process, as on a real machine) completes with every article stored."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import endorsetrack
from endorsetrack.settings import DEFAULT
from endorsetrack.store import open_store
from web_builders import ids as known_ids, serving

# Articles the ingest stores: enough for it to commit several times (every
# Settings.store_commit_seconds) while the readers run.
ARTICLES = 80
READERS = 8
TOWNS = ("Quillmoor", "Averdale", "Tessick", "Brannock", "Ostervale")
TRADES = ("Bakers", "Glaziers", "Ferry Pilots", "Lamplighters", "Weavers", "Coopers")


def _articles(path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for n in range(ARTICLES):
            town, trade = TOWNS[n % len(TOWNS)], TRADES[n % len(TRADES)]
            text = (f"The {town} {trade} Union endorsed Ilse Varnholt-{n} for mayor on Monday.\n\n"
                    f"Members voted at meeting number {n} in {town}, the union said.\n")
            out.write(json.dumps({"id": f"load-{n:03d}", "text": text}) + "\n")


def _timed(request: "str | urllib.request.Request") -> tuple[int, float]:
    """Status and seconds of one request; a dropped connection or a timeout is status 0 (a failure)."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, OSError):
        status = 0
    return status, time.monotonic() - started


def _post_review(url: str, base: str) -> tuple[int, float]:
    body = json.dumps({"action": "confirm", "reviewer": "load test"}).encode()
    return _timed(urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": "application/json", "Origin": base}))


def test_reads_and_reviews_while_an_ingest_writes_get_answers_and_the_ingest_completes(sqlite_url, tmp_path):
    feed = tmp_path / "feed.jsonl"
    _articles(feed)
    with sqlite3.connect(sqlite_url) as conn:
        before = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    db = open_store(sqlite_url)
    try:
        known = known_ids(db)
    finally:
        db.close()
    race_id = next(iter(known["races"].values()))
    fact_id = next(iter(known["facts"].values()))

    env = {**os.environ, "PYTHONPATH": str(Path(endorsetrack.__file__).resolve().parents[1])}
    with serving(sqlite_url) as base, open(tmp_path / "ingest.err", "wb") as err:
        ingest = subprocess.Popen([sys.executable, "-m", "endorsetrack", "ingest", str(feed), "--db", sqlite_url],
                                  stdout=subprocess.DEVNULL, stderr=err, env=env)
        paths = ["/", f"/race/{race_id}", "/api/races", f"/api/races/{race_id}", "/api/recent",
                 "/api/search?q=union", f"/fact/{fact_id}"]
        outcomes: list[tuple[str, int, float]] = []
        lock = threading.Lock()

        def reader(number: int) -> None:
            k = number
            while ingest.poll() is None:
                if number == 0 and k % 5 == 0:  # one reader also reviews: a write against the ingest's
                    status, seconds = _post_review(f"{base}/api/facts/{fact_id}/reviews", base)
                    name = "review"
                else:
                    name = paths[k % len(paths)]
                    status, seconds = _timed(base + name)
                with lock:
                    outcomes.append((name, status, seconds))
                k += 1

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
        for t in threads:
            t.start()
        try:
            status = ingest.wait(timeout=600)
        finally:
            for t in threads:
                t.join(timeout=180)

    stderr = (tmp_path / "ingest.err").read_text(encoding="utf-8")
    assert status == 0, stderr
    failed = [(name, code) for name, code, _ in outcomes if code >= 500 or code not in (200, 201)]
    assert outcomes and not failed, failed[:10]
    assert any(name == "review" for name, _, _ in outcomes)
    assert max(seconds for _, _, seconds in outcomes) < DEFAULT.sqlite_busy_timeout_seconds
    with sqlite3.connect(sqlite_url) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == before + ARTICLES
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
