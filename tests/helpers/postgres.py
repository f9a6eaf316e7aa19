"""A fresh PostgreSQL schema per test, for every test folder that runs on both databases.

PostgreSQL tests run when ENDORSETRACK_TEST_PG_URL is set (e.g.
postgresql://endorsetrack:endorsetrack@127.0.0.1:5432/endorsetrack_test); each gets a
schema of its own, dropped afterwards. Without the URL they skip, except in CI (CI=true),
where a missing URL or a missing psycopg fails.
"""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator

import pytest

PG_ENV = "ENDORSETRACK_TEST_PG_URL"


def pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{PG_ENV} is not set in CI: .ci/run must start PostgreSQL and export it")
    pytest.skip(f"PostgreSQL tests skipped: set {PG_ENV}=postgresql://USER:PASS@HOST:PORT/DB to run them")


def schema_url(base: str, schema: str) -> str:
    """``base`` with its search path set to ``schema``."""
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@contextmanager
def fresh_schema_url(prefix: str = "t_") -> Iterator[str]:
    """A URL whose tables live in a new schema, dropped when the block ends."""
    base = pg_url_or_skip()
    try:
        import psycopg
    except ImportError:
        pytest.fail("psycopg is not installed: pip install -e '.[postgres]' (make test installs it)")
    schema = f"{prefix}{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield schema_url(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
