"""batch/daemon.py: the Spark workers' daemon loads the model before it forks them."""
from __future__ import annotations

import pytest

from endorsetrack import pipeline
from endorsetrack.batch import daemon


def test_preload_loads_the_default_model_once_for_the_daemon(monkeypatch: pytest.MonkeyPatch):
    loaded: list[str] = []
    monkeypatch.setattr(pipeline, "load_model", lambda model=pipeline.DEFAULT.model: loaded.append(model))
    daemon.preload()
    assert loaded == [pipeline.DEFAULT.model]


def test_a_failing_preload_leaves_the_load_to_the_workers(monkeypatch: pytest.MonkeyPatch):
    def broken(model: str = "") -> None:
        raise OSError("no model here")
    monkeypatch.setattr(pipeline, "load_model", broken)
    daemon.preload()  # no exception: the daemon still starts


def test_the_session_runs_workers_from_the_preloading_daemon(spark):
    assert spark.sparkContext.getConf().get("spark.python.daemon.module") == "endorsetrack.batch.daemon"


def test_a_local_session_runs_a_lean_jvm(spark):
    from endorsetrack.batch.spark import LOCAL_JVM_OPTIONS

    assert LOCAL_JVM_OPTIONS in spark.sparkContext.getConf().get("spark.driver.extraJavaOptions")
