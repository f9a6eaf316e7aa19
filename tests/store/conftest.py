"""Fixtures for the store's tests: one database per test, on SQLite and (when configured) PostgreSQL.

PostgreSQL tests run when ENDORSETRACK_TEST_PG_URL is set (e.g.
postgresql://endorsetrack:endorsetrack@127.0.0.1:5432/endorsetrack_test); each test
gets its own schema, dropped afterwards. In CI (CI=true) a missing URL fails.
"""
from __future__ import annotations

import pytest

from helpers.postgres import fresh_schema_url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A URL for a fresh, empty database of each kind."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    with fresh_schema_url("t_") as url:
        yield url


@pytest.fixture
def db(db_url):
    from endorsetrack.store import open_store

    handle = open_store(db_url, create=True, migrate_to_head=True)
    yield handle
    handle.close()
