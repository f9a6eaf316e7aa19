"""`ingest`: read -> (skip what is stored) -> extract (in-process or a worker pool) -> write.

Workers each load the model once and only extract; the main process alone writes,
so one connection, one transaction stream, one place where articles become
atomic. Articles whose exact text is already current at their identity are
skipped before extraction: a rerun after an interruption resumes cheaply.
"""
from __future__ import annotations

import multiprocessing
import sys
import time
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

from ..errors import EndorsetrackError
from ..ingest import read_records
from ..normalize import normalize
from ..pipeline import process_records
from ..settings import DEFAULT, Settings
from ..types import ArticleResult, DocumentError, Record
from ..store import open_store
from ..store.connection import resolve_url
from ..store.writer import StoreWriter, article_identity, content_hash

Outcome = Union[ArticleResult, DocumentError]


@dataclass
class IngestSummary:
    url: str
    counts: dict = field(default_factory=dict)
    stances: int = 0
    polls: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return self.counts.get("failed", 0)

    def line(self) -> str:
        c = self.counts
        stored = c.get("stored", 0) + c.get("superseded", 0) + c.get("restored", 0)
        return (f"stored {stored} article(s) ({self.stances} stance reports, {self.polls} polls; "
                f"{c.get('superseded', 0)} superseded an earlier version), {c.get('unchanged', 0)} unchanged, "
                f"{self.failed} failed, in {self.seconds:.1f} s -> {_redacted(self.url)}")


def _redacted(url: str) -> str:
    from ..store.connection import _redact
    return _redact(url)


def run_ingest(paths: Sequence[str], url: Optional[str] = None, *, workers: int = 1,
               published: Optional[str] = None, year: Optional[int] = None, quiet: bool = False,
               settings: Settings = DEFAULT,
               nlp=None, report: Optional[Callable[[str], None]] = None) -> IngestSummary:
    """Ingest every article under ``paths`` into the database at ``url`` (created and migrated as needed)."""
    report = report or (lambda msg: print(msg, file=sys.stderr, flush=True))
    started = time.monotonic()
    summary = IngestSummary(resolve_url(url))
    db = open_store(url, create=True, migrate_to_head=True)
    try:
        with StoreWriter(db, settings, default_year=year) as writer, _Progress(quiet) as progress:
            todo = _skip_stored(read_records(paths), writer, progress)
            for outcome in extract(todo, workers, settings, nlp):
                if isinstance(outcome, DocumentError):
                    writer.note_failure()
                    report(f"error: {outcome.doc}: {outcome.message}")
                    progress.advance(failed=True)
                    continue
                if published and not outcome.article.published:
                    outcome = replace(outcome, article=replace(outcome.article, published=published))
                try:
                    result = writer.write(outcome)
                except EndorsetrackError as exc:
                    report(f"error: {outcome.article.doc}: {exc}")
                    progress.advance(failed=True)
                    continue
                except Exception as exc:  # a database error for one article: it was rolled back
                    report(f"error: {outcome.article.doc}: not stored: {type(exc).__name__}: {exc}")
                    progress.advance(failed=True)
                    continue
                summary.stances += result.stances
                summary.polls += result.polls
                progress.advance()
            summary.counts = dict(writer.counts)
    finally:
        db.close()
    summary.seconds = time.monotonic() - started
    return summary


def _skip_stored(records: Iterable[Union[Record, DocumentError]], writer: StoreWriter,
                 progress: "_Progress") -> Iterator[Union[Record, DocumentError]]:
    """Drop records whose normalised text is already the current version at their identity."""
    for rec in records:
        if isinstance(rec, Record):
            try:
                art = normalize(rec)
            except EndorsetrackError:
                yield rec  # the pipeline reports it
                continue
            if writer.is_stored(article_identity(art), content_hash(art.text)):
                writer.counts["unchanged"] += 1
                progress.advance()
                continue
        yield rec


def extract(records: Iterable[Union[Record, DocumentError]], workers: int, settings: Settings = DEFAULT,
            nlp=None) -> Iterator[Outcome]:
    """Pipeline outcomes in input order: in-process for one worker, else a pool (one model per worker)."""
    if workers <= 1:
        yield from process_records(records, settings, nlp)
        return
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        in_flight: deque = deque()
        for chunk in _chunks(records, settings.ingest_chunk_size):
            in_flight.append(pool.apply_async(_work, (chunk,)))
            while len(in_flight) >= 2 * workers:  # bounded: never read the whole input ahead
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


_WORKER_SETTINGS: Settings = DEFAULT


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _work(chunk: list) -> list[Outcome]:
    return list(process_records(chunk, _WORKER_SETTINGS))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Progress:
    """A Rich progress line on stderr (articles, articles/s, failures), only on a terminal."""

    def __init__(self, quiet: bool):
        from rich.console import Console
        self.console = Console(stderr=True)
        self.enabled = not quiet and self.console.is_terminal
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
            self._p = Progress(SpinnerColumn(), TextColumn("ingesting"), TextColumn("{task.completed} articles"),
                               TextColumn("{task.fields[rate]:.1f} articles/s"),
                               TextColumn("[red]{task.fields[failed]} failed"), TimeElapsedColumn(),
                               console=self.console, transient=True)
            self._p.__enter__()
            self._task = self._p.add_task("ingest", total=None, rate=0.0, failed=0)
        return self

    def advance(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += int(failed)
        if self.enabled:
            rate = self.done / max(time.monotonic() - self.started, 1e-6)
            self._p.update(self._task, advance=1, rate=rate, failed=self.failed)

    def __exit__(self, *exc) -> bool:
        if self.enabled:
            self._p.__exit__(*exc)
        return False
