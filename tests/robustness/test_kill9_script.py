"""benchmarks/kill9.py keeps working: its input, its kill, its snapshot of the store's rows.

The full run (a reference ingest, then killed and re-run ingests) takes minutes; these
check its parts without loading the model.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from helpers.scripts import loaded_benchmark

from endorsetrack.resolve import DatingDefaults, date_article
from endorsetrack.store import StoreWriter, open_store
from endorsetrack.types import Article, ArticleResult, Endorsement, Evidence, RuleRef


@pytest.fixture(scope="module")
def kill9():
    with loaded_benchmark("kill9") as module:
        yield module


def _result(doc: str, endorser: str) -> ArticleResult:
    text = f"The {endorser} endorsed Ilse Varnholt for mayor."
    end = Endorsement(endorser=endorser, endorser_type="union", candidate="Ilse Varnholt", stance="endorses",
                      stage="general", evidence=Evidence(text, 0, len(text)), confidence=0.9,
                      rule=RuleRef("test.rule", 1), race="2025 mayor, Quillmoor")
    return date_article(ArticleResult(article=Article(doc=doc, text=text), endorsements=(end,)), DatingDefaults())


def _store(path: Path, *results: ArticleResult) -> None:
    db = open_store(str(path), create=True, migrate_to_head=True)
    try:
        with StoreWriter(db) as writer:
            for result in results:
                writer.write(result)
    finally:
        db.close()


def test_the_generated_input_is_one_record_per_line_with_its_own_id(kill9, tmp_path):
    kill9.generate(tmp_path / "feed.jsonl", 5)
    records = [json.loads(line) for line in (tmp_path / "feed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in records}) == 5 and all("endorsed" in r["text"] for r in records)


def test_a_snapshot_ignores_row_ids_and_order_but_not_rows(kill9, tmp_path):
    first, second = _result("a", "Quillmoor Bakers Union"), _result("b", "Tessick Glaziers Union")
    _store(tmp_path / "one.db", first, second)
    _store(tmp_path / "two.db", second, first)  # other ids, same rows
    _store(tmp_path / "three.db", first)
    assert kill9.snapshot(tmp_path / "one.db") == kill9.snapshot(tmp_path / "two.db")
    assert kill9.snapshot(tmp_path / "one.db") != kill9.snapshot(tmp_path / "three.db")
    assert kill9.integrity(tmp_path / "one.db") == "ok"
    assert kill9.article_count(tmp_path / "one.db") == 2 and kill9.article_count(tmp_path / "none.db") == 0


def test_a_run_is_killed_only_when_it_outlives_its_moment(kill9, tmp_path, monkeypatch):
    monkeypatch.setattr(kill9, "ingest_argv", lambda feed, db: [sys.executable, "-c", "import time; time.sleep(30)"])
    assert kill9.killed_run(tmp_path / "feed.jsonl", tmp_path / "x.db", 0.5) is True
    monkeypatch.setattr(kill9, "ingest_argv", lambda feed, db: [sys.executable, "-c", "pass"])
    assert kill9.killed_run(tmp_path / "feed.jsonl", tmp_path / "x.db", 30) is False
