"""The Spark job's Python daemon: pyspark's own, with endorsetrack and the model loaded first.

In local mode (and on executors) pyspark starts one daemon process per executor, which
forks a Python worker per task slot. Stock, each worker imports spaCy and endorsetrack and
loads the model in its first task: at ``local[2]`` the second worker did that (2-3 s) while
the first was already extracting, on the job's critical path. Run as the daemon
(``spark.python.daemon.module``, set by ``spark_session``), this module loads them once
before the daemon forks, so every worker starts warm and shares the model's pages with
the daemon (copy-on-write). If the preload fails, the daemon still starts; the workers
then load the model in their first task as before (and report any error there).
"""
from __future__ import annotations


def preload() -> None:
    """Import the pipeline and load the default model (``Settings.model``) into this process;
    a job with another model loads it in each worker. Errors are left to the workers, which
    repeat the load and fail the task with the message."""
    try:
        from ..pipeline import load_model

        load_model()
    except Exception:
        pass


if __name__ == "__main__":  # pragma: no cover - run by Spark as `python -m endorsetrack.batch.daemon`
    preload()
    from pyspark.daemon import manager

    manager()
