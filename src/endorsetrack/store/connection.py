"""One database handle over sqlite3 or psycopg 3, behind a small dialect layer.

SQL in the store is written once, with ``?`` placeholders and the syntax both
databases share (ON CONFLICT ... DO NOTHING, RETURNING, SAVEPOINT). The dialect
swaps placeholders and the few DDL words that differ (autoincrement keys, float
and big-integer types). DESIGN.md: SQLAlchemy Core cost ~2x over sqlite3, so
neither database goes through an ORM.
"""
from __future__ import annotations

import os
import re
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

from ..errors import DatabaseConnectError, DatabaseNotFoundError
from ..settings import DEFAULT

DEFAULT_DB = "endorsetrack.db"
ENV_DB = "ENDORSETRACK_DB"
# Pause between attempts to switch a new SQLite file to WAL while another connection
# holds its lock (switch_to_wal). A switch takes a few milliseconds; 20 ms keeps the
# retries cheap and the wait short.
WAL_RETRY_PAUSE_SECONDS = 0.02


@dataclass(frozen=True)
class Dialect:
    name: str  # sqlite | postgresql
    pk: str  # an auto-incrementing primary key column type
    bigint: str
    real: str

    def sql(self, statement: str) -> str:
        """Statement as this driver wants it: psycopg uses %s and needs literal % doubled."""
        if self.name == "sqlite":
            return statement
        return statement.replace("%", "%%").replace("?", "%s")

    def ddl(self, statement: str) -> str:
        return statement.format(pk=self.pk, bigint=self.bigint, real=self.real)


SQLITE = Dialect("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER", "REAL")
POSTGRES = Dialect("postgresql", "BIGSERIAL PRIMARY KEY", "BIGINT", "DOUBLE PRECISION")


def resolve_url(url: Optional[str]) -> str:
    """--db, else $ENDORSETRACK_DB, else endorsetrack.db in the working directory."""
    return url or os.environ.get(ENV_DB) or DEFAULT_DB


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def sqlite_path(url: str) -> str:
    """'sqlite:///rel.db', 'sqlite:////abs.db' or a plain path -> the file path."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):]
    if url.startswith("sqlite://"):
        return url[len("sqlite://"):] or ":memory:"
    return url


class Database:
    """A connection with one dialect; transactions are explicit (begin/commit/rollback)."""

    def __init__(self, conn: Any, dialect: Dialect, url: str):
        self.conn = conn
        self.dialect = dialect
        self.url = url
        self.in_transaction = False

    # --- statements -------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self.dialect.sql(sql), tuple(params))
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            self.conn.cursor().executemany(self.dialect.sql(sql), rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        cur = self.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    def insert_id(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run an INSERT ... RETURNING id and give the new id."""
        return self.execute(sql + " RETURNING id", params).fetchone()[0]

    def get_or_create(self, table: str, key_cols: dict[str, Any], extra: Optional[dict[str, Any]] = None) -> int:
        """The id of the row with these unique key values, inserting it if absent (race-safe)."""
        cols = {**key_cols, **(extra or {})}
        where = " AND ".join(f"{c} = ?" for c in key_cols)
        found = self.scalar(f"SELECT id FROM {table} WHERE {where}", list(key_cols.values()))
        if found is not None:
            return found
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        conflict = ", ".join(key_cols)
        row = self.execute(f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT ({conflict}) DO NOTHING"
                           " RETURNING id", list(cols.values())).fetchone()
        if row is not None:
            return row[0]
        return self.scalar(f"SELECT id FROM {table} WHERE {where}", list(key_cols.values()))

    # --- transactions -----------------------------------------------------
    def begin(self) -> None:
        if not self.in_transaction:
            if self.dialect.name == "sqlite":
                self.conn.execute("BEGIN IMMEDIATE")
            self.in_transaction = True

    @contextmanager
    def read_snapshot(self) -> Iterator["Database"]:
        """Every query inside sees the database as of one moment, so a page built from several
        queries never mixes rows from before and after a concurrent ingest's commit (an entity
        id in ``stances`` that the entity query did not see). SQLite: a deferred read
        transaction (in WAL mode a reader never blocks the writer, nor waits for it);
        PostgreSQL: REPEATABLE READ, READ ONLY. Ends with a rollback: nothing is written."""
        if self.in_transaction:
            yield self
            return
        if self.dialect.name == "sqlite":
            self.conn.execute("BEGIN")
        else:
            self.conn.rollback()  # the open-time checks ran in an implicit transaction
            self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        self.in_transaction = True
        try:
            yield self
        finally:
            self.rollback()

    def commit(self) -> None:
        if self.in_transaction or self.dialect.name != "sqlite":
            self.conn.commit()
        self.in_transaction = False

    def rollback(self) -> None:
        self.conn.rollback()
        self.in_transaction = False

    def savepoint(self, name: str) -> None:
        self.execute(f"SAVEPOINT {name}")

    def release(self, name: str) -> None:
        self.execute(f"RELEASE SAVEPOINT {name}")

    def rollback_to(self, name: str) -> None:
        self.execute(f"ROLLBACK TO SAVEPOINT {name}")
        self.execute(f"RELEASE SAVEPOINT {name}")

    def table_exists(self, table: str) -> bool:
        if self.dialect.name == "sqlite":
            return self.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]) == 1
        return self.scalar("SELECT to_regclass(?) IS NOT NULL", [table]) is True

    def close(self) -> None:
        try:
            if self.in_transaction:
                self.conn.rollback()
        finally:
            self.conn.close()


def connect(url: Optional[str] = None, *, create: bool = False) -> Database:
    """Open the database at ``url``; a missing SQLite file is an error unless ``create``."""
    url = resolve_url(url)
    if is_postgres(url):
        return _connect_postgres(url)
    path = sqlite_path(url)
    if path != ":memory:" and not create and not Path(path).exists():
        raise DatabaseNotFoundError(
            "no such database; run `endorsetrack ingest PATH...` first, or pass --db / set ENDORSETRACK_DB",
            path=path)
    try:
        conn = _open_sqlite(path, DEFAULT.sqlite_busy_timeout_seconds)
    except sqlite3.Error as exc:
        raise DatabaseConnectError(f"cannot open the SQLite database: {exc}", path=path) from exc
    return Database(conn, SQLITE, url)


def _open_sqlite(path: str, busy_timeout: float) -> sqlite3.Connection:
    """A connection in WAL mode that waits ``busy_timeout`` seconds for other connections' locks."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout)  # the busy timeout, set first
    try:
        switch_to_wal(conn, busy_timeout)
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()
        raise
    return conn


def switch_to_wal(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """PRAGMA journal_mode=WAL, retried while another connection holds the file's lock.

    On a file still in rollback mode (a new database) the switch upgrades a read lock
    to a write lock, and SQLite answers "database is locked" at once, without waiting
    out the busy timeout, when another connection holds the write lock (it is switching
    the same new file, or writing): waiting could deadlock. So several processes or
    threads opening one new file at once retry here, until the busy timeout. Once the
    file is in WAL mode the pragma is a no-op that takes no write lock.
    """
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(WAL_RETRY_PAUSE_SECONDS)


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text


def _connect_postgres(url: str) -> Database:
    try:
        import psycopg
    except ImportError as exc:
        raise DatabaseConnectError(
            "PostgreSQL needs the psycopg driver: pip install 'endorsetrack[postgres]'") from exc
    try:
        conn = psycopg.connect(url, autocommit=False)
    except psycopg.Error as exc:
        raise DatabaseConnectError(f"cannot connect to PostgreSQL at {redact_url(url)}: "
                                   f"{str(exc).strip().splitlines()[0]}") from exc
    return Database(conn, POSTGRES, url)


def redact_url(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
