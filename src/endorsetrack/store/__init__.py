"""The store: one SQLite file by default, PostgreSQL through a URL; same code for both.

    db = open_store(url, create=True, migrate_to_head=True)   # ingest
    with StoreWriter(db) as w: w.write(result)                  # idempotent, atomic per article
    db = open_store(url)                                        # readers: must exist and be at head
    queries.endorsements(db, candidate="Lamont", as_of="2006-09-01")

Everything outside the store imports it from here (tests/test_layering.py checks it):
the read modules ``queries``, ``web_queries`` and ``review``, the corrections of entities
``entity_corrections`` (merge, rename, retype) and the names below.
"""
from __future__ import annotations

from typing import Optional

from . import entity_corrections, queries, review, web_queries
from .conflicts import conflicts as find_conflicts
from .connection import Database, connect, redact_url, resolve_url
from .formats import EXPORT_FORMATS, FORMATS, write_rows
from .migrations import HEAD, MIGRATIONS, applied, check_current, migrate
from .writer import StoreWriter, WriteOutcome, article_identity, content_hash


def open_store(url: Optional[str] = None, *, create: bool = False, migrate_to_head: bool = False) -> Database:
    """Open a database; readers get MigrationNeededError unless it is at head, writers migrate it."""
    db = connect(url, create=create)
    try:
        if migrate_to_head:
            migrate(db)
        else:
            check_current(db)
    except Exception:
        db.close()
        raise
    return db


__all__ = ["Database", "StoreWriter", "WriteOutcome", "open_store", "connect", "resolve_url", "redact_url", "migrate",
           "check_current", "applied", "HEAD", "MIGRATIONS", "article_identity", "content_hash", "queries", "review",
           "web_queries", "entity_corrections", "find_conflicts", "EXPORT_FORMATS", "FORMATS", "write_rows"]
