"""`ingest`: read -> normalize -> (skip what is stored) -> extract (in-process or a worker pool) -> write.

Each record is normalized exactly once, in the main process: the normalized text is
what tells whether the article is stored already, and the same Article then goes to
the pipeline (``process_articles``), so an HTML page goes through trafilatura once.
Workers each load the model once and only extract and resolve; the main process alone
writes, so one connection, one transaction stream, one place where articles become
atomic. Articles whose exact text is already current at their identity are skipped
before extraction: a rerun after an interruption resumes cheaply.
"""
from __future__ import annotations

import itertools
import multiprocessing
import sys
import time
from collections import deque
from typing import Callable, Iterable, Iterator, Optional, Sequence, TypeVar, Union

from spacy.language import Language

from ..errors import EndorsetrackError, error_line
from ..ingest import MetadataFile, known_article_count, load_metadata, read_records
from ..pipeline import DatingDefaults, normalize_record, process_articles
from ..settings import DEFAULT, Settings
from ..types import Article, ArticleResult, DocumentError
from .progress import Progress
from .summary import IngestSummary
from ..store import StoreWriter, article_identity, content_hash, open_store, resolve_url

Outcome = Union[ArticleResult, DocumentError]
ArticleOrError = Union[Article, DocumentError]
Item = TypeVar("Item")


def run_ingest(paths: Sequence[str], url: Optional[str] = None, *, workers: int = 1,
               published: Optional[str] = None, year: Optional[int] = None, quiet: bool = False,
               settings: Settings = DEFAULT, nlp: Optional[Language] = None,
               report: Optional[Callable[[str], None]] = None, metadata: Optional[str] = None) -> IngestSummary:
    """Ingest every article under ``paths`` into the database at ``url`` (created and migrated as needed).

    ``published`` dates articles that give no date; ``year`` dates references that give
    no year when nothing else does (both decided in the pipeline's resolve stage).
    ``metadata`` is a metadata file (ingest/sidecar.py) giving plain files their url, title
    and date: read before anything else (MetadataFileError when missing or malformed); each
    of its lines that named no input file is reported as a warning at the end.
    """
    report = report or (lambda msg: print(msg, file=sys.stderr, flush=True))
    meta = load_metadata(metadata) if metadata is not None else None
    try:
        return _ingest(paths, url, workers, published, year, quiet, settings, nlp, report, meta)
    finally:
        for line in meta.unused() if meta is not None else ():
            report(line)


def _ingest(paths: Sequence[str], url: Optional[str], workers: int, published: Optional[str], year: Optional[int],
            quiet: bool, settings: Settings, nlp: Optional[Language], report: Callable[[str], None],
            meta: Optional[MetadataFile]) -> IngestSummary:
    started = time.monotonic()
    summary = IngestSummary(resolve_url(url))
    articles = (normalize_record(record, settings) for record in read_records(paths, meta))
    failed_before_first = 0
    for first in articles:  # no database is created or touched before one input reads as an article
        if isinstance(first, Article):
            break
        report(error_line(first.doc, first.message))
        failed_before_first += 1
    else:
        summary.counts = {"failed": failed_before_first} if failed_before_first else {}
        summary.seconds = time.monotonic() - started
        return summary
    db = open_store(url, create=True, migrate_to_head=True)
    try:
        dating = DatingDefaults(published=published, year=year)
        with StoreWriter(db, settings) as writer, Progress(quiet, known_article_count(paths)) as progress:
            for _ in range(failed_before_first):
                writer.note_failure()
                progress.advance(failed=True)
            todo = _skip_stored(itertools.chain([first], articles), writer, progress)
            # Extract a batch with no transaction open, then write it and commit: a second
            # ingest or a review waits at most one batch's writing, never an extraction.
            for batch in _chunks(extract(todo, workers, settings, nlp, dating), settings.batch_size):
                for outcome in batch:
                    if isinstance(outcome, DocumentError):
                        writer.note_failure()
                        report(error_line(outcome.doc, outcome.message))
                        progress.advance(failed=True)
                        continue
                    try:
                        result = writer.write(outcome)
                    except EndorsetrackError as exc:
                        report(error_line(outcome.article.doc, str(exc)))
                        progress.advance(failed=True)
                        continue
                    except Exception as exc:  # a database error for one article: it was rolled back
                        report(error_line(outcome.article.doc, f"not stored: {type(exc).__name__}: {exc}"))
                        progress.advance(failed=True)
                        continue
                    summary.stances += result.stances
                    summary.polls += result.polls
                    progress.advance()
                writer.commit()
            summary.counts = dict(writer.counts)
    finally:
        db.close()
    summary.seconds = time.monotonic() - started
    return summary


def _skip_stored(articles: Iterable[ArticleOrError], writer: StoreWriter,
                 progress: Progress) -> Iterator[ArticleOrError]:
    """Drop articles whose normalised text is already the current version at their identity."""
    for article in articles:
        if isinstance(article, Article) and writer.is_stored(article_identity(article), content_hash(article.text)):
            writer.counts["unchanged"] += 1
            progress.advance()
            continue
        yield article  # a DocumentError goes on too: the loop reports it


def extract(articles: Iterable[ArticleOrError], workers: int, settings: Settings = DEFAULT,
            nlp: Optional[Language] = None, dating: DatingDefaults = DatingDefaults()) -> Iterator[Outcome]:
    """Pipeline outcomes for normalized articles, in input order: in-process for one worker,
    else a pool (one model per worker)."""
    if workers <= 1:
        yield from process_articles(articles, settings, nlp, dating)
        return
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings, dating)) as pool:
        in_flight: deque = deque()
        for chunk in _chunks(articles, settings.ingest_chunk_size):
            in_flight.append(pool.apply_async(_work, (chunk,)))
            while len(in_flight) >= 2 * workers:  # bounded: never read the whole input ahead
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


_WORKER_SETTINGS: Settings = DEFAULT
_WORKER_DATING: DatingDefaults = DatingDefaults()


def _init_worker(settings: Settings, dating: DatingDefaults) -> None:
    global _WORKER_SETTINGS, _WORKER_DATING
    _WORKER_SETTINGS = settings
    _WORKER_DATING = dating


def _work(chunk: list[ArticleOrError]) -> list[Outcome]:
    return list(process_articles(chunk, _WORKER_SETTINGS, dating=_WORKER_DATING))


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
