"""The Spark job: the pipeline over an archive, written as Parquet tables.

    files (path, glob, any Hadoop URL) --binaryFiles--> ingest readers (JSON Lines, WARC, CSV, text, HTML, .gz)
    Parquet rows (text or html, id, url, title, published) -> the same record builder
      -> repartition -> mapPartitions(normalize + pipeline.process_articles) -> tables.outcome_rows
      -> OUTPUT/{articles,endorsements,polls,errors}/month=YYYY-MM|unknown/*.parquet

Nothing here extracts: each task runs the very code ``extract`` and ``ingest`` run
(``pipeline.normalize_record`` and ``process_articles``, cue scan before the parse), and the
spaCy model loads once per Python worker (``build_nlp`` is cached per process and Spark reuses
its workers). A bad input file or record, or an article whose extraction fails, is a row of
the errors table; the job fails only for what is no record's fault (a missing INPUT, a broken
installation). pyspark is imported only when a job runs (``pip install 'endorsetrack[spark]'``).
"""
from __future__ import annotations

import os
import re
import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Optional, Union

from ..errors import (EndorsetrackError, InputError, MissingInputError, OptionalDependencyError, SparkJobError,
                      error_line)
from ..ingest import read_blob, record_or_error
from ..pipeline import DatingDefaults, normalize_record, process_articles
from ..settings import DEFAULT, Settings
from ..types import DocumentError, Record
from .tables import COLUMNS, ERRORS, TABLES, outcome_rows, row_values

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

__all__ = ["SparkSummary", "run_spark", "spark_session", "java_available", "INPUT_FORMATS"]

INPUT_FORMATS = ("auto", "files", "parquet")
# Partitions per core when --partitions is not given: political articles cost ~10x the
# others (they are parsed), so several tasks per core keep both cores busy to the end.
# Chosen, not measured finely: 4 per core gave local[2] the same time as 8 on the dev set.
PARTITIONS_PER_CORE = 4
# Columns of a Parquet input that become a Record (ingest's JSON Lines fields).
PARQUET_FIELDS = ("id", "url", "title", "published", "text", "html")
NO_PYSPARK = ("the Spark job needs pyspark: pip install 'endorsetrack[spark]' "
              "(and a Java runtime, e.g. Debian's default-jre-headless)")
NO_PARQUET_TEXT = 'Parquet input has no "text" or "html" column'
LOCAL_FILE = "file:"
# A Python exception's last traceback line ("ModuleNotFoundError: No module named 'spacy'").
_PYTHON_ERROR = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt): ")
# Errors printed by the command (as `ingest` prints each); the rest are only in the errors table.
ERRORS_SHOWN = 20
# The JVM of a local job (the driver is the whole job): the client compiler only and the serial
# collector. Its JIT and GC threads otherwise took as much CPU as the Python workers' extraction
# (train, 8 partitions, on 2 busy cores: 26-29 s of the JVM against 25-26 s of Python), which at
# local[2] competes with the workers; with these 12.5-13.5 s, and the Parquet writes 29 -> 12 s.
# A cluster's JVMs keep their own settings.
LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# The file system of a local session's file: paths: Hadoop's raw local one, not its default
# checksummed one. Without Hadoop's native library (pyspark ships none) every file Hadoop
# creates is made readable by a `chmod` process forked from the JVM, and the checksummed file
# system creates two files per file (the data and a hidden .crc beside it), so two forks per
# Parquet file; the writes were mostly that (~20 ms a file; 258 files on train). The .crc files
# only served Hadoop's own readers: Parquet pages carry their own CRC, and `load` (pyarrow)
# and Spark skip hidden files. A cluster's file systems are not affected.
LOCAL_FILE_SYSTEM = ("spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem")
# pyspark's daemon with the model loaded before it forks the workers (batch/daemon.py).
DAEMON_MODULE = "endorsetrack.batch.daemon"
# The wide frame's column naming each row's table (no table has a column of this name).
TABLE_COLUMN = "_table"


@dataclass
class SparkSummary:
    output: str
    rows: dict[str, int] = field(default_factory=dict)
    partitions: int = 0
    seconds: float = 0.0
    first_errors: list[tuple[str, str]] = field(default_factory=list)  # (doc, message), the first ERRORS_SHOWN

    def error_lines(self) -> list[str]:
        """``error: DOC: MESSAGE`` for the first errors, and where the rest are."""
        lines = [error_line(doc, message) for doc, message in self.first_errors]
        if self.failed > len(self.first_errors):
            lines.append(f"... and {self.failed - len(self.first_errors)} more error(s) in "
                         f"{self.output.rstrip('/')}/{ERRORS}")
        return lines

    @property
    def articles(self) -> int:
        return self.rows.get("articles", 0)

    @property
    def failed(self) -> int:
        return self.rows.get("errors", 0)

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"wrote {self.articles} article(s) ({self.rows.get('endorsements', 0)} stance reports, "
                f"{self.rows.get('polls', 0)} polls), {self.failed} error(s), {self.partitions} partitions, "
                f"in {self.seconds:.1f} s ({rate:.1f} articles/s) -> {self.output}")


def spark_session(master: Optional[str] = None, app_name: str = "endorsetrack") -> "SparkSession":
    """A SparkSession (the active one, else a new one on ``master``, default local[*]).

    In local mode the Python workers run this interpreter, so they import the same
    endorsetrack; on a cluster endorsetrack must be installed on the executors."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise OptionalDependencyError(NO_PYSPARK) from exc
    # Spark's own WARN lines (native Hadoop libraries, ...) say nothing to a user; a failure
    # still reaches them, as this package's one-line error.
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false") \
                                  .config("spark.log.level", "ERROR") \
                                  .config("spark.python.daemon.module", DAEMON_MODULE)
    master = master or "local[*]"
    builder = builder.master(master)
    if master.startswith("local"):  # the workers are this machine's: this interpreter, with endorsetrack in it
        builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JVM_OPTIONS).config(*LOCAL_FILE_SYSTEM)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # nothing to reach from other hosts
    try:
        return builder.getOrCreate()
    except Exception as exc:  # no Java, a bad master URL: the JVM gateway did not start
        raise OptionalDependencyError(f"cannot start Spark ({master}): {failure_line(exc)}; "
                                      "is a Java runtime installed (java -version)?") from exc


def run_spark(source: str, output: str, *, master: Optional[str] = None, partitions: Optional[int] = None,
              input_format: str = "auto", published: Optional[str] = None, year: Optional[int] = None,
              settings: Settings = DEFAULT, spark: Optional["SparkSession"] = None) -> SparkSummary:
    """Extract every article under ``source`` and write the four tables under ``output`` (replaced)."""
    if input_format not in INPUT_FORMATS:
        raise InputError(f"unknown input format {input_format!r} (choose from {', '.join(INPUT_FORMATS)})")
    started = time.monotonic()
    session = spark or spark_session(master)
    _check_exists(session, source)
    try:
        records = _parquet_records(session, source) if _is_parquet(source, input_format) \
            else _file_records(session, source)
        count = partitions or max(records.getNumPartitions(), session.sparkContext.defaultParallelism
                                  * PARTITIONS_PER_CORE)
        dating = DatingDefaults(published=published, year=year)
        rows = records.repartition(count).mapPartitions(_extractor(settings, dating))
        # One wide DataFrame (the table's name, then one struct column per table, the row's
        # own filled), cached in the JVM: the Python rows are converted once, in the
        # extraction stage, and the count, the errors shown and the four writes read the
        # columnar cache (filtering Python rows per table re-read every row four times).
        frame = session.createDataFrame(rows.map(_wide_row), schema=_wide_ddl())
        # Rows of one table and month gathered in one partition (by hash, a shuffle of the
        # extracted rows), so each write is one file per month: writing ``partitionBy("month")``
        # straight from the extraction partitions wrote a file per month per task (~20 ms
        # each, the job's main overhead, and more partitions meant more files).
        from pyspark.sql import functions as F
        month = F.coalesce(*(frame[f"{t}.month"] for t in TABLES))
        frame = frame.repartition(session.sparkContext.defaultParallelism, frame[TABLE_COLUMN], month)
        from pyspark import StorageLevel
        frame.persist(StorageLevel.MEMORY_AND_DISK)  # extract once, write four tables
        try:
            # The count is the job that extracts and fills the cache; the writes then read it.
            counts = {row[TABLE_COLUMN]: row["count"] for row in frame.groupBy(TABLE_COLUMN).count().collect()}
            shown = [(row["doc"], row["message"]) for row in frame.filter(frame[TABLE_COLUMN] == ERRORS)
                     .select(f"{ERRORS}.doc", f"{ERRORS}.message").take(ERRORS_SHOWN)] \
                if counts.get(ERRORS) else []
            _write_tables(frame, output.rstrip("/"))
        finally:
            frame.unpersist()
    except EndorsetrackError:
        raise
    except Exception as exc:
        raise SparkJobError(f"the Spark job failed: {failure_line(exc)}") from exc
    return SparkSummary(output=output, rows={t: int(counts.get(t, 0)) for t in TABLES}, partitions=count,
                        seconds=time.monotonic() - started, first_errors=shown)


def _write_tables(frame: Any, base: str) -> None:
    """Write the four tables of the cached wide ``frame`` under ``base``, each by month, at once.

    The four writes are four Spark jobs submitted from four driver threads (Spark schedules
    the jobs of several threads together): their tasks share the cores, and one write's
    planning and commit in the driver overlap another's tasks, where in turn each waited for
    the one before. The articles' thread starts first (the scheduler serves jobs in the order
    they come, and theirs is the longest). The cache is filled before (by the count), so no
    write waits for the extraction."""
    from pyspark import InheritableThread

    failures: list[BaseException] = []

    def write(table: str) -> None:
        try:
            frame.filter(frame[TABLE_COLUMN] == table).select(f"{table}.*") \
                 .write.mode("overwrite").partitionBy("month").parquet(f"{base}/{table}")
        except BaseException as exc:  # raised again in the calling thread
            failures.append(exc)

    threads = [InheritableThread(write, args=(table,)) for table in TABLES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


# --- inputs ----------------------------------------------------------------

def _is_parquet(source: str, input_format: str) -> bool:
    if input_format != "auto":
        return input_format == "parquet"
    return source.rstrip("/").lower().endswith(".parquet")


def _check_exists(session: "SparkSession", source: str) -> None:
    """A missing path or a glob that matches nothing is the user's error, said plainly."""
    jvm: Any = session.sparkContext._jvm
    conf = session.sparkContext._jsc.hadoopConfiguration()
    try:
        path = jvm.org.apache.hadoop.fs.Path(source)
        matches = path.getFileSystem(conf).globStatus(path)
    except Exception as exc:
        raise InputError(f"cannot read: {failure_line(exc)}", path=source) from exc
    if not matches:
        raise MissingInputError("no such file or directory, or no file matches this pattern", path=source)


def _file_records(session: "SparkSession", source: str) -> "RDD":
    """Records from input files, each read whole by the ingest readers (every kind ingest reads)."""
    sc = session.sparkContext
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    return sc.binaryFiles(source).flatMap(_read_input_file)


def _read_input_file(item: tuple[str, bytes]) -> Iterator[Union[Record, DocumentError]]:
    path, data = item
    return read_blob(data, _display_path(path))


def _display_path(uri: str) -> str:
    """A local file's name as a path (what ``ingest`` names it, given an absolute path); other URLs as they are."""
    if uri.startswith(LOCAL_FILE):
        return "/" + uri[len(LOCAL_FILE):].lstrip("/")
    return uri


def _parquet_records(session: "SparkSession", source: str) -> "RDD":
    """Records from Parquet rows with ingest's JSON Lines fields; ``doc`` is ``id``, else file:row."""
    frame = session.read.parquet(source)
    present = [c for c in PARQUET_FIELDS if c in frame.columns]
    if not {"text", "html"} & set(present):
        raise InputError(NO_PARQUET_TEXT, path=source)
    from pyspark.sql import functions as F
    frame = frame.select(*present, F.col("_metadata.file_path").alias("_file"),
                         F.col("_metadata.row_index").alias("_row"))
    return frame.rdd.map(_record_from_row)


def _record_from_row(row: Any) -> Union[Record, DocumentError]:
    fields = row.asDict()
    path = _display_path(fields.pop("_file"))
    return record_or_error(fields, path, int(fields.pop("_row")) + 1)


# --- the work of a task -----------------------------------------------------

def _extractor(settings: Settings, dating: DatingDefaults) -> Callable[[Iterable[Any]], Iterator[tuple[str, tuple]]]:
    def extract_partition(records: Iterable[Union[Record, DocumentError]]) -> Iterator[tuple[str, tuple]]:
        articles = (normalize_record(r, settings) for r in records)
        for outcome in process_articles(articles, settings, dating=dating):
            for table, row in outcome_rows(outcome):
                yield table, row_values(table, row)
    return extract_partition


def _wide_row(item: tuple[str, tuple]) -> tuple:
    """``(table, values)`` as a row of the wide frame: the table, then its values in its own column."""
    table, values = item
    return (table, *(values if name == table else None for name in TABLES))


def _wide_ddl() -> str:
    return ", ".join([f"`{TABLE_COLUMN}` string"] + [f"`{t}` struct<{_ddl(t)}>" for t in TABLES])


def _ddl(table: str) -> str:
    return ", ".join(f"`{name}`: {kind}" for name, kind in COLUMNS[table])


def failure_line(exc: BaseException) -> str:
    """The useful line of a Spark failure: the Python worker's exception when there is one
    (its last ``XError: ...`` line), else the Java cause, else the first line."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    python = [ln for ln in lines if _PYTHON_ERROR.match(ln)]
    if python:
        return python[-1][:400]
    for ln in lines:
        if ln.startswith(("Caused by:", "org.apache", "java.", "py4j")) and "Exception" in ln:
            return ln[:400]
    return (lines[0] if lines else type(exc).__name__)[:400]


def java_available() -> bool:
    """Whether a Java runtime is on PATH or JAVA_HOME (what pyspark needs to start)."""
    import shutil
    home = os.environ.get("JAVA_HOME")
    return bool(shutil.which("java") or (home and os.path.exists(os.path.join(home, "bin", "java"))))
