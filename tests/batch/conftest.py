"""One local Spark session for the whole test run (starting a JVM costs seconds).

The Spark tests skip with a reason when pyspark or a Java runtime is missing, except in CI
(CI=true), where `make test` installs the spark extra and .ci/run installs Java: there a
missing one fails, as the PostgreSQL and browser tests do.
"""
from __future__ import annotations

import importlib.util
import os

import pytest

from helpers.postgres import fresh_schema_url

IN_CI = os.environ.get("CI", "").lower() == "true"
# Two cores, as the machines that run the suite have; few tasks, so a small input stays quick.
TEST_MASTER = "local[2]"


def _spark_missing() -> str:
    from endorsetrack.batch import java_available

    missing = []
    if importlib.util.find_spec("pyspark") is None or importlib.util.find_spec("pyarrow") is None:
        missing.append("pyspark and pyarrow (pip install -e '.[spark]')")
    if not java_available():
        missing.append("a Java runtime (apt-get install default-jre-headless)")
    return " and ".join(missing)


def spark_or_skip() -> None:
    missing = _spark_missing()
    if missing:
        message = f"Spark tests need {missing}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def spark():
    spark_or_skip()
    from endorsetrack.batch import spark_session

    session = spark_session(TEST_MASTER, app_name="endorsetrack-tests")
    yield session
    session.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh database of each kind, as tests/store's db_url: PostgreSQL (a schema of its own,
    dropped afterwards) when ENDORSETRACK_TEST_PG_URL is set; skipped without it, failed in CI."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    with fresh_schema_url("t_") as url:
        yield url
