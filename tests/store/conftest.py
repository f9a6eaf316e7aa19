"""Fixtures for the store's tests: one database per test, on SQLite and (when configured) PostgreSQL.

PostgreSQL tests run when ENDORSETRACK_TEST_PG_URL is set (e.g.
postgresql://endorsetrack:endorsetrack@127.0.0.1:5432/endorsetrack_test); each test
gets its own schema, dropped afterwards. In CI (CI=true) a missing URL fails.
"""
from __future__ import annotations

import os
import uuid
import pytest


PG_ENV = "ENDORSETRACK_TEST_PG_URL"


def pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{PG_ENV} is not set in CI: .ci/run must start PostgreSQL and export it")
    pytest.skip(f"PostgreSQL tests skipped: set {PG_ENV}=postgresql://USER:PASS@HOST:PORT/DB to run them")


def _schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A URL for a fresh, empty database of each kind."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    base = pg_url_or_skip()
    try:
        import psycopg
    except ImportError:
        pytest.fail("psycopg is not installed: pip install -e '.[postgres]' (make test installs it)")

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _schema_url(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def db(db_url):
    from endorsetrack.store import open_store

    handle = open_store(db_url, create=True, migrate_to_head=True)
    yield handle
    handle.close()
