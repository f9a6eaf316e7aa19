"""Batch: read -> skip what is stored -> pipeline (in-process or a worker pool) -> store writer.

The orchestration of ``ingest``; the store only stores, the pipeline only extracts.
"""
from .ingest import IngestSummary, run_ingest
from .progress import Progress

__all__ = ["IngestSummary", "Progress", "run_ingest"]
