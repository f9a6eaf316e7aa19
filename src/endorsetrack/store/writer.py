"""Idempotent, atomic writes of pipeline results.

The writer writes what the pipeline decided: dates, date windows and the race each
fact is filed under come on the result (resolve/dating.py); the store adds only what
needs the database: canonical entities across articles, their parents, race rows.
A person's entity corrections hold: mentions follow them while writing, and the
whole correction log is replayed when a run finishes (store/entity_corrections.py).

Each article is written inside a savepoint: its row, its stance reports and its
polls land together or not at all, and the article row is the "done" mark.
Commits are batched (Settings.store_commit_every / store_commit_seconds); a
kill -9 loses at most the uncommitted batch, never half an article, and a rerun
skips every article already stored with the same content hash.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from .. import __version__
from ..resolve import entity_kind
from ..resolve import race_key
from ..settings import DEFAULT, Settings
from ..types import Article, ArticleResult, DateWindow, Endorsement, Poll
from .connection import Database
from .entity_corrections import reapply_corrections
from .entity_store import EntityStore
from .schema import fact_key
from .race_records import race_columns

# Test hook for the interruption test: the writer stops (sleeps) in the middle of
# the N-th article of this process, after part of its rows are written, so that
# a test can kill -9 it there. Unset in normal use.
PAUSE_ENV = "ENDORSETRACK_TEST_PAUSE_AT_ARTICLE"


@dataclass(frozen=True)
class WriteOutcome:
    status: str  # stored | superseded | restored | unchanged
    article_id: int
    stances: int = 0
    polls: int = 0


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    """Hash of the normalised text: whitespace and Unicode form do not make a new version."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def article_identity(article: Article) -> str:
    """The article's URL when known, else its doc id (a file's absolute path when it is a file)."""
    if article.url and article.url.strip():
        return article.url.strip().split("#", 1)[0]
    doc = article.doc
    try:
        if doc and Path(doc).is_file():
            return str(Path(doc).resolve())
    except OSError:
        pass
    return doc


class StoreWriter:
    """Writes ArticleResults into an open, migrated database; use as a context manager."""

    def __init__(self, db: Database, settings: Settings = DEFAULT, command: str = "ingest"):
        self.db = db
        self.settings = settings
        self.entities = EntityStore(db, settings)
        self._pending = 0
        self._last_commit = time.monotonic()
        self._written = 0
        self._pause_at = int(os.environ.get(PAUSE_ENV, "0") or 0)
        self.counts = {"stored": 0, "superseded": 0, "restored": 0, "unchanged": 0, "failed": 0}
        db.begin()
        self.run_id = db.insert_id("INSERT INTO runs (started_at, tool_version, command) VALUES (?, ?, ?)",
                                   [_now(), __version__, command])
        db.commit()

    def __enter__(self) -> "StoreWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        """Keep every whole article written so far, also on Ctrl-C (a half article was rolled back)."""
        try:
            self.finish()
        except Exception:
            self.db.rollback()
            if exc_type is None:
                raise

    def is_stored(self, identity: str, digest: str) -> bool:
        """True when this exact text is the current version at this identity (resume skips it)."""
        return self.db.scalar("SELECT 1 FROM articles WHERE identity = ? AND content_hash = ? AND is_current = 1",
                              [identity, digest]) == 1

    def write(self, result: ArticleResult) -> WriteOutcome:
        """Store one article and its facts atomically; unchanged articles write nothing.

        The result must have been dated by the resolve stage (``resolve.date_article``).
        """
        if result.date_window is None:
            raise ValueError(f"{result.article.doc}: not dated: the resolve stage (date_article) did not run")
        self.db.begin()
        self.db.savepoint("article")
        try:
            outcome = self._write(result, result.date_window)
            self.db.release("article")
        except BaseException:
            self.db.rollback_to("article")
            self.entities.reset()
            self.counts["failed"] += 1
            raise
        self.counts[outcome.status] += 1
        if outcome.status != "unchanged":
            self._pending += 1
        if (self._pending >= self.settings.store_commit_every
                or time.monotonic() - self._last_commit >= self.settings.store_commit_seconds):
            self.commit()
        return outcome

    def commit(self) -> None:
        self.db.commit()
        self._pending = 0
        self._last_commit = time.monotonic()

    def finish(self) -> None:
        """Close the run: replay the entity corrections (what re-extraction undid is corrected again)."""
        self.db.begin()
        if reapply_corrections(self.db):
            self.entities.reset()
        self.db.execute("UPDATE runs SET finished_at = ?, articles_stored = ?, articles_unchanged = ?, failures = ?"
                        " WHERE id = ?", [_now(), self.counts["stored"] + self.counts["superseded"]
                                          + self.counts["restored"], self.counts["unchanged"],
                                          self.counts["failed"], self.run_id])
        self.commit()

    def note_failure(self) -> None:
        """A document the pipeline could not process (counted in the run row)."""
        self.counts["failed"] += 1

    # --- one article ------------------------------------------------------
    def _write(self, result: ArticleResult, window: DateWindow) -> WriteOutcome:
        art = result.article
        identity, digest = article_identity(art), content_hash(art.text)
        rows = self.db.query("SELECT id, content_hash, is_current FROM articles WHERE identity = ?", [identity])
        current = next((r for r in rows if r["is_current"]), None)
        if current and current["content_hash"] == digest:
            return WriteOutcome("unchanged", current["id"])
        same = next((r for r in rows if r["content_hash"] == digest), None)
        if same:  # the text went back to a version stored before: that version is current again
            self.db.execute("UPDATE articles SET is_current = 0, superseded_by = ?, superseded_at = ?"
                            " WHERE identity = ? AND is_current = 1", [same["id"], _now(), identity])
            self.db.execute("UPDATE articles SET is_current = 1, superseded_by = NULL, superseded_at = NULL"
                            " WHERE id = ?", [same["id"]])
            return WriteOutcome("restored", same["id"])
        inserted = self.db.execute(
            "INSERT INTO articles (identity, content_hash, doc, url, title, published, date_window_start,"
            " date_window_end, date_basis, date_evidence, text, run_id, ingested_at, is_current)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
            " ON CONFLICT (identity, content_hash) DO NOTHING RETURNING id",
            [identity, digest, art.doc, art.url, art.title, result.published_date, window.start, window.end,
             window.basis, json.dumps([r.__dict__ for r in window.evidence]) if window.evidence else None,
             art.text, self.run_id, _now()]).fetchone()
        if inserted is None:  # a concurrent run stored this very text at this identity first
            stored = self.db.scalar("SELECT id FROM articles WHERE identity = ? AND content_hash = ?",
                                    [identity, digest])
            return WriteOutcome("unchanged", stored)
        article_id = inserted[0]
        if current:
            self.db.execute("UPDATE articles SET is_current = 0, superseded_by = ?, superseded_at = ? WHERE id = ?",
                            [article_id, _now(), current["id"]])
        for e in result.endorsements:
            self._write_stance(e, article_id, window)
            self._maybe_pause()
        for p in result.polls:
            self._write_poll(p, article_id)
        return WriteOutcome("superseded" if current else "stored", article_id,
                            len(result.endorsements), len(result.polls))

    def _maybe_pause(self) -> None:
        if self._pause_at and self.counts["stored"] + self.counts["superseded"] + 1 == self._pause_at:
            print("endorsetrack-test: paused inside an article", file=sys.stderr, flush=True)
            time.sleep(3600)

    def _race_id(self, text: Optional[str]) -> Optional[int]:
        key = race_key(text)
        if not key or text is None:
            return None
        return self.db.get_or_create("races", {"race_key": key}, {"name": text.strip(), **race_columns(text)})

    def _write_stance(self, e: Endorsement, article_id: int, window: DateWindow) -> None:
        kind = entity_kind(e.endorser_type, e.endorser)
        endorser = self.entities.resolve(e.endorser, kind, e.endorser_type, article_id, e.endorser_aliases)
        if kind == "organization":
            self.entities.link_parent(endorser, e.endorser, e.endorser_parent, e.endorser_type, article_id)
        candidate = None
        if e.candidate:
            ckind = entity_kind(None, e.candidate)
            candidate = self.entities.resolve(e.candidate, ckind, None, article_id, e.candidate_aliases)
        race = self._race_id(e.resolved_race)
        if candidate is not None and race is not None:
            self.db.execute("INSERT INTO candidate_races (candidate_id, race_id) VALUES (?, ?)"
                            " ON CONFLICT (candidate_id, race_id) DO NOTHING", [candidate, race])
        stance_id = self.db.get_or_create("stances", {"fact_key": fact_key(endorser, candidate, e.stance, e.stage, race)},
                                          {"endorser_id": endorser, "candidate_id": candidate,
                                           "stance": e.stance, "stage": e.stage, "race_id": race})
        self.db.execute(
            "INSERT INTO stance_sources (stance_id, article_id, endorser_text, candidate_text, race_text, race_basis,"
            " evidence, start_offset, end_offset, rule_id, rule_version, run_id, confidence, effective_date,"
            " date_basis, date_window_start, date_window_end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (stance_id, article_id, start_offset, end_offset) DO NOTHING",
            [stance_id, article_id, e.endorser, e.candidate, e.resolved_race, e.race_basis, e.evidence.text,
             e.evidence.start, e.evidence.end, e.rule.id, e.rule.version, self.run_id, float(e.confidence),
             e.effective_date, e.date_basis, window.start, window.end])

    def _write_poll(self, p: Poll, article_id: int) -> None:
        pollster = self.entities.resolve(p.pollster, "organization", "organization", article_id, p.pollster_aliases)
        poll_id = self.db.execute(
            "INSERT INTO polls (article_id, pollster_id, pollster_text, population, released, field_dates, sponsor,"
            " sample_size, sample_universe, margin_of_error, race_id, race_text, evidence, start_offset, end_offset,"
            " rule_id, rule_version, run_id, effective_date, date_basis)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (article_id, start_offset, end_offset, population) DO NOTHING RETURNING id",
            [article_id, pollster, p.pollster, p.population, p.resolved_released, p.field_dates, p.sponsor,
             p.sample_size, p.sample_universe, p.margin_of_error, self._race_id(p.resolved_race), p.resolved_race,
             p.evidence.text, p.evidence.start, p.evidence.end, p.rule.id, p.rule.version, self.run_id,
             p.effective_date, p.date_basis]).fetchone()
        if poll_id is None:
            return
        for r in p.results:
            cand = self.entities.resolve(r.candidate, entity_kind(None, r.candidate), None, article_id)
            self.db.execute("INSERT INTO poll_results (poll_id, candidate_id, candidate_text, share)"
                            " VALUES (?, ?, ?, ?) ON CONFLICT (poll_id, candidate_id) DO NOTHING",
                            [poll_id[0], cand, r.candidate, float(r.share)])

