"""`load`: a Spark job's Parquet tables -> the store, through the writer ``ingest`` uses.

Each row of the ``articles`` table carries its whole pipeline result (tables.py), so
loading writes exactly what ``ingest`` would have written for the same article:
idempotently (an article whose text is stored already is counted unchanged), an edited
article superseding its earlier version. Read with pyarrow, a batch at a time, so memory
stays bounded whatever the size of the archive; commits as ``ingest`` does.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from ..errors import EndorsetrackError, InputError, MissingInputError, OptionalDependencyError, error_line
from ..settings import DEFAULT, Settings
from ..store import StoreWriter, open_store, redact_url, resolve_url
from .summary import IngestSummary
from .tables import ARTICLES, ERRORS, decode_result

__all__ = ["LoadSummary", "run_load"]

NO_PYARROW = "load needs pyarrow to read Parquet: pip install 'endorsetrack[spark]'"
NOT_A_JOB_OUTPUT = "not the output of `endorsetrack spark` (no articles/ table in it)"
# Rows read from Parquet at a time: one writer commit's worth (Settings.store_commit_every
# is the commit size; this only bounds what is held in memory at once).
READ_BATCH_ROWS = 256


@dataclass
class LoadSummary(IngestSummary):
    """An ingest's summary, plus the rows of the job's errors table (inputs the job could not process)."""
    job_errors: int = 0

    def line(self) -> str:
        c = self.counts
        stored = c.get("stored", 0) + c.get("superseded", 0) + c.get("restored", 0)
        return (f"loaded {stored} article(s) ({self.stances} stance reports, {self.polls} polls; "
                f"{c.get('superseded', 0)} superseded an earlier version), {c.get('unchanged', 0)} unchanged, "
                f"{self.failed} failed; the job's errors table has {self.job_errors} row(s); "
                f"in {self.seconds:.1f} s -> {redact_url(self.url)}")


def run_load(directory: str, url: Optional[str] = None, *, settings: Settings = DEFAULT,
             report: Optional[Callable[[str], None]] = None) -> LoadSummary:
    """Store every article of the Spark job output at ``directory`` in the database at ``url``."""
    report = report or (lambda msg: print(msg, file=sys.stderr, flush=True))
    started = time.monotonic()
    articles_dir = os.path.join(directory, ARTICLES)
    if not os.path.exists(directory):
        raise MissingInputError("no such file or directory", path=directory)
    if not os.path.isdir(articles_dir):
        raise InputError(NOT_A_JOB_OUTPUT, path=directory)
    summary = LoadSummary(resolve_url(url))
    summary.job_errors = _count_rows(os.path.join(directory, ERRORS))
    db = open_store(url, create=True, migrate_to_head=True)
    try:
        with StoreWriter(db, settings, command="load") as writer:
            for batch in _results(articles_dir):
                for doc, encoded in batch:
                    try:
                        outcome = writer.write(decode_result(encoded))
                    except EndorsetrackError as exc:
                        report(error_line(doc, str(exc)))
                        continue
                    except Exception as exc:  # a database error for one article: it was rolled back
                        report(error_line(doc, f"not stored: {type(exc).__name__}: {exc}"))
                        continue
                    summary.stances += outcome.stances
                    summary.polls += outcome.polls
                writer.commit()
            summary.counts = dict(writer.counts)
    finally:
        db.close()
    summary.seconds = time.monotonic() - started
    return summary


def _dataset(path: str):  # -> pyarrow.dataset.Dataset
    try:
        import pyarrow.dataset as ds
    except ImportError as exc:
        raise OptionalDependencyError(NO_PYARROW) from exc
    return ds.dataset(path, format="parquet", partitioning="hive")


def _results(articles_dir: str) -> Iterator[list[tuple[str, str]]]:
    """(doc, encoded result) pairs, a batch at a time."""
    for batch in _dataset(articles_dir).to_batches(columns=["doc", "result"], batch_size=READ_BATCH_ROWS):
        columns = batch.to_pydict()
        yield list(zip(columns["doc"], columns["result"]))


def _count_rows(path: str) -> int:
    if not os.path.isdir(path):
        return 0
    return int(_dataset(path).count_rows())
