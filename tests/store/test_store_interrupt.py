"""kill -9 in the middle of an article: no half-stored article, and a rerun completes the job."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from endorsetrack.store import open_store
from endorsetrack.store.writer import PAUSE_ENV
from store_builders import counts

N_ARTICLES = 30
PER_ARTICLE = 3

# Writes N articles of 3 stances each, committing every 5 articles; skips what is stored.
SCRIPT = textwrap.dedent(f"""
    import sys
    from endorsetrack.settings import Settings
    from endorsetrack.resolve import date_article
    from endorsetrack.store import StoreWriter, open_store
    from endorsetrack.types import Article, ArticleResult, Endorsement, Evidence, RuleRef

    def result(i):
        ends = tuple(Endorsement(f"Union {{i}} Local {{j}}", "union", f"Candidate {{j}} Person", "endorses",
                                 "general", Evidence("q", j * 10, j * 10 + 1), 0.9, RuleRef("r", 1),
                                 race="2030 Mayor, Springfield") for j in range({PER_ARTICLE}))
        return date_article(ArticleResult(Article(doc=f"doc-{{i}}", text=f"article {{i}} text"), ends))

    db = open_store(sys.argv[1], create=True, migrate_to_head=True)
    with StoreWriter(db, Settings(store_commit_every=5, store_commit_seconds=3600)) as w:
        for i in range({N_ARTICLES}):
            if not w.is_stored(f"doc-{{i}}", __import__("endorsetrack.store", fromlist=["x"]).content_hash(
                    f"article {{i}} text")):
                w.write(result(i))
    db.close()
""")


def run(url, pause_at=None, timeout=60):
    env = dict(os.environ)
    env.pop(PAUSE_ENV, None)
    if pause_at:
        env[PAUSE_ENV] = str(pause_at)
    return subprocess.Popen([sys.executable, "-c", SCRIPT, url], env=env, stderr=subprocess.PIPE, text=True)


def per_article_sources(url):
    db = open_store(url)
    try:
        rows = db.query("SELECT a.doc, count(ss.id) AS n FROM articles a LEFT JOIN stance_sources ss"
                        " ON ss.article_id = a.id GROUP BY a.doc")
        return {r["doc"]: r["n"] for r in rows}, counts(db)
    finally:
        db.close()


def test_kill_9_mid_article_leaves_no_half_article_and_rerun_completes(db_url, tmp_path):
    proc = run(db_url, pause_at=13)
    deadline = time.monotonic() + 60
    line = ""
    while time.monotonic() < deadline and "paused" not in line:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            break
    assert "paused inside an article" in line, f"writer did not reach the pause hook: {line!r}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()

    stored, _ = per_article_sources(db_url)
    assert len(stored) == 10  # two committed batches of 5; articles 11-13 were in the lost batch
    assert set(stored.values()) == {PER_ARTICLE}  # every stored article is whole

    rerun = run(db_url)
    assert rerun.wait(timeout=120) == 0, rerun.stderr.read()
    rerun.stderr.close()
    resumed, resumed_counts = per_article_sources(db_url)

    clean_url = str(tmp_path / "clean.db")
    clean = run(clean_url)
    assert clean.wait(timeout=120) == 0
    clean.stderr.close()
    expected, expected_counts = per_article_sources(clean_url)
    assert resumed == expected and len(resumed) == N_ARTICLES
    assert resumed_counts == expected_counts
