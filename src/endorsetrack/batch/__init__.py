"""Batch: read -> skip what is stored -> pipeline (in-process, a worker pool, or Spark) -> store writer.

The orchestration of ``ingest``, of the Spark job (``spark``: the same pipeline over an
archive, written as Parquet tables) and of ``load`` (those tables into the store); the
store only stores, the pipeline only extracts. pyspark and pyarrow are imported only when
a Spark job or a load runs.
"""
from .ingest import IngestSummary, run_ingest
from .load import LoadSummary, run_load
from .progress import Progress
from .spark import INPUT_FORMATS, SparkSummary, java_available, run_spark, spark_session
from .tables import TABLES, UNKNOWN_MONTH, decode_result, encode_result, outcome_rows, publication_month

__all__ = ["IngestSummary", "Progress", "run_ingest", "LoadSummary", "run_load", "SparkSummary", "run_spark",
           "spark_session", "java_available", "INPUT_FORMATS", "TABLES", "UNKNOWN_MONTH", "decode_result",
           "encode_result", "outcome_rows", "publication_month"]
