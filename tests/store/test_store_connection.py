"""Opening SQLite files: a new file is switched to WAL even while other connections hold its lock."""
from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time

from endorsetrack.store import connect, open_store

# Processes opening one new file at once, and how many rounds of that.
OPENERS = 6
ROUNDS = 3


def test_a_new_file_is_opened_while_another_connection_writes_in_rollback_mode(tmp_path):
    """The WAL switch of a rollback-mode file meets a held write lock: SQLite answers
    'database is locked' at once instead of waiting, so connect retries it."""
    path = str(tmp_path / "new.db")
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE t (x)")
    released = threading.Timer(0.3, holder.commit)
    released.start()
    started = time.monotonic()
    try:
        db = connect(path, create=True)
    finally:
        released.join()
        holder.close()
    try:
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert time.monotonic() - started >= 0.2  # it waited for the writer, it did not skip the switch
    finally:
        db.close()


def _open_and_migrate(path: str, start: "multiprocessing.synchronize.Event", results: "multiprocessing.Queue") -> None:
    start.wait()
    try:
        db = open_store(path, create=True, migrate_to_head=True)
        try:
            results.put(db.scalar("PRAGMA journal_mode"))
        finally:
            db.close()
    except BaseException as exc:  # reported to the test, which names it
        results.put(f"{type(exc).__name__}: {exc}")


def test_processes_opening_one_new_file_at_once_all_succeed(tmp_path):
    """Several ingests started together on a database that does not exist yet (processes,
    released at once) each open it, switch it to WAL and migrate it, none 'locked'."""
    context = multiprocessing.get_context("spawn")
    outcomes: list[str] = []
    for round_ in range(ROUNDS):
        path = str(tmp_path / f"fresh{round_}.db")
        start, results = context.Event(), context.Queue()
        workers = [context.Process(target=_open_and_migrate, args=(path, start, results)) for _ in range(OPENERS)]
        for worker in workers:
            worker.start()
        time.sleep(0.5)  # let the spawned interpreters reach the start line
        start.set()
        outcomes += [results.get(timeout=120) for _ in workers]
        for worker in workers:
            worker.join(timeout=60)
    assert outcomes == ["wal"] * (OPENERS * ROUNDS)
