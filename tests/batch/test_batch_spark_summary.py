"""The Spark job's summary: what the command prints (no Spark needed)."""
from __future__ import annotations

from endorsetrack.batch import SparkSummary


def test_the_first_errors_are_printed_and_the_rest_counted_with_where_they_are():
    summary = SparkSummary(output="s3a://desk/tables/", rows={"articles": 10, "errors": 3},
                           first_errors=[("feed.jsonl:3", "not JSON"), ("crawl.warc.gz", "WARC record is truncated")])
    assert summary.error_lines() == ["error: feed.jsonl:3: not JSON", "error: crawl.warc.gz: WARC record is truncated",
                                     "... and 1 more error(s) in s3a://desk/tables/errors"]


def test_no_errors_no_error_lines_and_a_rate_in_the_summary():
    summary = SparkSummary(output="out", rows={"articles": 40, "endorsements": 7, "polls": 2, "errors": 0},
                           partitions=8, seconds=10.0)
    assert summary.error_lines() == []
    assert summary.line() == ("wrote 40 article(s) (7 stance reports, 2 polls), 0 error(s), 8 partitions, "
                              "in 10.0 s (4.0 articles/s) -> out")


def test_a_failed_job_is_reported_by_the_python_workers_exception_not_the_java_stack():
    from endorsetrack.batch.spark import failure_line

    failure = RuntimeError("An error occurred while calling o92.collect.\n"
                           ": org.apache.spark.SparkException: Job aborted due to stage failure: Task 0 failed\n"
                           "org.apache.spark.api.python.PythonException: [PYTHON_EXCEPTION] An exception was thrown "
                           "from the Python worker: Traceback (most recent call last):\n"
                           '  File "worker.py", line 4197, in invoke_udf\n'
                           "ModuleNotFoundError: No module named 'spacy'\n"
                           "\tat org.apache.spark.api.python.BasePythonRunner.handlePythonException(PythonRunner.scala:640)")
    assert failure_line(failure) == "ModuleNotFoundError: No module named 'spacy'"
    assert failure_line(RuntimeError("java.io.IOException: disk full\n\tat x")) == "java.io.IOException: disk full"
