"""Batch ingest: each record is normalized once, and the store holds what `extract` shows.

Invented articles, the real model; normalize calls are counted in a file so that calls
made in worker processes would count too.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from spacy.language import Language

import endorsetrack.batch.ingest  # noqa: F401  (loaded before the stage function is patched everywhere)
import endorsetrack.normalize as normalize_stage
from endorsetrack.batch import run_ingest
from endorsetrack.ingest import read_records
from endorsetrack.nlp.build import build_nlp
from endorsetrack.pipeline import DatingDefaults, process_records
from endorsetrack.store import open_store, queries
from endorsetrack.types import ArticleResult, Record

ENDORSING_TEXT = ("Riverside Nurses Union endorsed Maria Vega for mayor on Tuesday. "
                  "Members are pledging to vote for Vega on Nov. 7.")
NO_CUES_TEXT = "The city council met on Monday to discuss the new library hours and a parking plan."
HTML_PAGE = ("<html><head><title>Nurses back Vega</title></head><body><nav>Home | News</nav><article>"
             "<p>The Harbor Teachers Association endorsed Maria Vega for mayor, its president said.</p>"
             "<p>Vega thanked the teachers at the Sept. 3 rally.</p></article><footer>Contact us</footer>"
             "</body></html>")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "endorsing.txt").write_text(ENDORSING_TEXT)
    (folder / "quiet.txt").write_text(NO_CUES_TEXT)
    (folder / "page.html").write_text(HTML_PAGE)
    return folder


@pytest.fixture
def normalize_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file with one line per call of the normalize stage, naming the record."""
    log = tmp_path / "normalize_calls.log"
    log.write_text("")
    real = normalize_stage.normalize

    def counting(record: Record):
        with open(log, "a", encoding="utf-8") as f:
            f.write(Path(record.doc).name + "\n")
        return real(record)

    for module in list(sys.modules.values()):  # wherever the stage function is bound (pipeline, batch, ...)
        if getattr(module, "__name__", "").startswith("endorsetrack") and getattr(module, "normalize", None) is real:
            monkeypatch.setattr(module, "normalize", counting)
    return log


def _calls(log: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in log.read_text().split():
        counts[name] = counts.get(name, 0) + 1
    return counts


@pytest.mark.parametrize("workers", [1, 2])
def test_each_record_is_normalized_once_per_ingest(articles, normalize_calls, tmp_path, nlp, workers):
    db = str(tmp_path / "t.db")
    summary = run_ingest([str(articles)], db, workers=workers, quiet=True, nlp=nlp, report=lambda msg: None)
    assert summary.failed == 0
    assert _calls(normalize_calls) == {"endorsing.txt": 1, "quiet.txt": 1, "page.html": 1}
    normalize_calls.write_text("")
    again = run_ingest([str(articles)], db, workers=workers, quiet=True, nlp=nlp, report=lambda msg: None)
    assert again.counts["unchanged"] == 3  # skipped as stored, after one normalize each
    assert _calls(normalize_calls) == {"endorsing.txt": 1, "quiet.txt": 1, "page.html": 1}


def test_the_store_holds_the_dates_and_races_that_extract_shows(articles, tmp_path, nlp):
    dating = DatingDefaults(year=2030)
    shown = {Path(r.article.doc).name: r for r in process_records(read_records([str(articles)]), nlp=nlp,
                                                                   dating=dating) if isinstance(r, ArticleResult)}
    db_url = str(tmp_path / "t.db")
    run_ingest([str(articles)], db_url, year=2030, quiet=True, nlp=nlp, report=lambda msg: None)
    db = open_store(db_url)
    try:
        stored = {Path(r["doc"]).name: r for r in db.query(
            "SELECT doc, published, date_window_start, date_window_end, date_basis FROM articles")}
        rows = queries.export_rows(db)
    finally:
        db.close()
    for name, result in shown.items():
        window = result.date_window
        assert (stored[name]["date_window_start"], stored[name]["date_window_end"], stored[name]["date_basis"],
                stored[name]["published"]) == (window.start, window.end, window.basis, result.published_date)
    extracted = sorted((e.endorser, e.effective_date, e.date_basis, e.resolved_race)
                       for r in shown.values() for e in r.endorsements)
    assert extracted == sorted((r["endorser_as_written"], r["date"], r["date_basis"], r["race"]) for r in rows)
    assert len(extracted) == 2
    assert shown["endorsing.txt"].date_window.end == "2030-11-07"  # --year dated the yearless reference


def test_no_write_transaction_is_open_while_the_next_batch_is_extracted(tmp_path: Path, nlp: Language,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses
    import sqlite3

    from endorsetrack.batch import ingest as batch_ingest
    from endorsetrack.settings import DEFAULT

    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(5):
        (folder / f"a{k}.txt").write_text(f"Story {k}. " + ENDORSING_TEXT)
    db_path = tmp_path / "w.db"
    real = batch_ingest.process_articles
    lock_free: list[bool] = []

    def extract_and_probe(articles, settings=DEFAULT, nlp=None, dating=DatingDefaults()):
        for n, outcome in enumerate(real(articles, settings, nlp, dating)):
            if n in (2, 4):  # extraction of the second and third batches (batch size 2)
                other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
                try:
                    other.execute("BEGIN IMMEDIATE")  # fails at once if ingest holds the write lock
                    other.execute("ROLLBACK")
                    lock_free.append(True)
                except sqlite3.OperationalError:
                    lock_free.append(False)
                finally:
                    other.close()
            yield outcome

    monkeypatch.setattr(batch_ingest, "process_articles", extract_and_probe)
    settings = dataclasses.replace(DEFAULT, batch_size=2)
    summary = run_ingest([str(folder)], str(db_path), quiet=True, nlp=nlp, settings=settings,
                         report=lambda _: None)
    assert summary.counts["stored"] == 5
    assert lock_free == [True, True]


def _progress_text(total, advances):
    import io

    from rich.console import Console

    from endorsetrack.batch import Progress
    console = Console(file=io.StringIO(), force_terminal=True, width=160, record=True)
    with Progress(quiet=False, total=total, console=console) as progress:
        for _ in range(advances):
            progress.advance()
        progress._p.refresh()
        return console.export_text()


def test_progress_shows_done_of_total_and_time_left_when_the_total_is_known():
    text = _progress_text(total=4, advances=2)
    assert "2/4" in text and "articles/s" in text
    assert "-:--:--" in text or "0:00:0" in text  # the remaining-time column


def test_progress_stays_a_counter_when_the_total_is_unknown_or_outgrown():
    assert "2 articles" in _progress_text(total=None, advances=2)
    assert "3/?" in _progress_text(total=2, advances=3)  # a file held several articles: no false 150 %
