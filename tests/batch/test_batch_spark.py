"""The Spark job gives the facts single-machine extraction gives, and `load` stores what `ingest` stores.

Local mode, one session for the run (conftest.py); an invented archive (tests/helpers/archive.py)
always, the real dev set when ../shared is beside the repository.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from endorsetrack.batch import UNKNOWN_MONTH, decode_result, run_ingest, run_load, run_spark
from endorsetrack.errors import InputError, MissingInputError
from endorsetrack.ingest import read_records
from endorsetrack.pipeline import process_records
from endorsetrack.store import open_store, queries
from endorsetrack.types import DocumentError
from helpers.archive import FEED, PAGE_URL, write_archive

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
CORPUS_JSONL = REPO / ".." / "shared" / "eval" / "corpus_jsonl.py"
DEV = REPO / ".." / "shared" / "corpus" / "dev"
TEST_PARTITIONS = 4


def _parquet_rows(table_dir: Path) -> list[dict[str, Any]]:
    import pyarrow.dataset as ds

    return ds.dataset(str(table_dir), format="parquet", partitioning="hive").to_table().to_pylist()


def _job_facts(output: Path) -> tuple[dict[str, dict], set[tuple[str, str, str]]]:
    """What the job wrote: each article's extract output by doc, and the errors (doc, code, message)."""
    facts = {row["doc"]: decode_result(row["result"]).to_json() for row in _parquet_rows(output / "articles")}
    errors = {(row["doc"], row["code"], row["message"]) for row in _parquet_rows(output / "errors")}
    return facts, errors


def _single_machine_facts(paths: list[str]) -> tuple[dict[str, dict], set[tuple[str, str, str]]]:
    facts, errors = {}, set()
    for outcome in process_records(read_records(paths)):
        if isinstance(outcome, DocumentError):
            errors.add((outcome.doc, outcome.code, outcome.message))
        else:
            facts[outcome.article.doc] = outcome.to_json()
    return facts, errors


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_archive(tmp_path_factory.mktemp("archive") / "in")


@pytest.fixture(scope="module")
def job(spark, archive: Path, tmp_path_factory: pytest.TempPathFactory):
    output = tmp_path_factory.mktemp("job") / "out"
    summary = run_spark(str(archive), str(output), partitions=TEST_PARTITIONS, spark=spark)
    return summary, output


def test_the_job_gives_the_facts_of_single_machine_extraction(job, archive: Path):
    summary, output = job
    facts, errors = _job_facts(output)
    expected_facts, expected_errors = _single_machine_facts([str(archive)])
    assert facts == expected_facts
    assert errors == expected_errors
    assert len(facts) == len(FEED) + 2  # the feed's good records, the crawled page, the letter
    assert any(f["endorsements"] for f in facts.values()) and any(f["polls"] for f in facts.values())
    assert summary.articles == len(facts) and summary.failed == len(errors) == 2


def test_a_bad_record_is_a_row_of_the_errors_table_naming_its_line(job, archive: Path):
    summary, output = job
    rows = _parquet_rows(output / "errors")
    feed = str(archive / "feed.jsonl")
    assert sorted((r["doc"], r["path"], r["line"], r["month"]) for r in rows) == [
        (f"{feed}:3", feed, 3, UNKNOWN_MONTH), (f"{feed}:4", feed, 4, UNKNOWN_MONTH)]
    assert {r["code"] for r in rows} == {"input.record"}
    assert sorted(summary.error_lines()) == [f"error: {feed}:3: \"text\" must be a string, not a number",
                                             f"error: {feed}:4: not JSON: Expecting value (column 1)"]


def test_tables_are_partitioned_by_publication_month(job):
    _, output = job
    months = {p.name for p in (output / "articles").iterdir() if p.is_dir()}
    # the feed's dated records, the crawled page dated by its url, and 'unknown' for the undated
    assert months == {"month=2024-03", "month=2024-04", "month=2024-05", "month=2024-06", f"month={UNKNOWN_MONTH}"}
    stances = _parquet_rows(output / "endorsements")
    by_doc = {r["doc"]: r for r in stances}
    assert by_doc["vale-nurses"]["month"] == "2024-03"
    assert by_doc["vale-nurses"]["endorser"] and by_doc["vale-nurses"]["stance"] == "endorses"
    assert PAGE_URL in by_doc and by_doc[PAGE_URL]["month"] == "2024-06"
    polls = _parquet_rows(output / "polls")
    assert [(p["doc"], p["month"]) for p in polls][:1] == [("vale-poll", "2024-04")]
    assert {"candidate": "Dolores Quint", "share": 48.0} in polls[0]["results"]


def test_each_table_month_is_one_parquet_file_and_a_local_job_writes_no_checksum_files(job):
    _, output = job
    for table in ("articles", "endorsements", "polls"):
        for month in (p for p in (output / table).iterdir() if p.is_dir()):
            assert len(list(month.glob("*.parquet"))) == 1, month
    assert not list(output.rglob("*.crc"))  # the raw local file system: no hidden .crc beside each file


def test_load_stores_what_ingest_stores_and_a_second_load_changes_nothing(job, archive: Path, tmp_path: Path,
                                                                        store_url: str):
    _, output = job
    loaded, ingested = store_url, tmp_path / "ingested.db"
    first = run_load(str(output), str(loaded), report=lambda msg: None)
    run_ingest([str(archive)], str(ingested), quiet=True, report=lambda msg: None)
    assert first.counts["stored"] == len(FEED) + 2 and first.job_errors == 2
    again = run_load(str(output), str(loaded), report=lambda msg: None)
    assert again.counts["stored"] == 0 and again.counts["unchanged"] == len(FEED) + 2

    def stored(url: object) -> tuple[list, list]:
        db = open_store(str(url))
        try:
            def facts(rows: list[dict]) -> list[dict]:  # row ids (fact_id, race_id, candidate_ids) follow write order
                kept = [{k: v for k, v in r.items() if k != "id" and not k.endswith(("_id", "_ids")) and k != "ingested_at"}
                        for r in rows]
                return sorted(kept, key=lambda r: json.dumps(r, sort_keys=True, default=str))
            return facts(queries.export_rows(db)), facts(queries.poll_rows(db))
        finally:
            db.close()

    assert stored(loaded) == stored(ingested)


def test_parquet_input_gives_the_same_facts_as_the_feed(spark, tmp_path: Path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    feed = tmp_path / "feed.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": r["id"], "url": r.get("url"), "published": r.get("published"),
                                          "text": r["text"]} for r in FEED]), str(feed))
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in FEED), encoding="utf-8")
    run_spark(str(feed), str(tmp_path / "out"), partitions=2, spark=spark)
    facts, errors = _job_facts(tmp_path / "out")
    expected, _ = _single_machine_facts([str(jsonl)])
    for doc in expected:  # a feed without titles: the Parquet rows had a null title column too
        expected[doc]["title"] = None
    assert facts == expected and not errors


def test_parquet_without_a_text_column_is_an_input_error(spark, tmp_path: Path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "ids.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": "a", "body": "words"}]), str(path))
    with pytest.raises(InputError, match='no "text" or "html" column'):
        run_spark(str(path), str(tmp_path / "out"), spark=spark)


def test_a_missing_input_is_reported_before_any_job_runs(spark, tmp_path: Path):
    with pytest.raises(MissingInputError, match="no such file"):
        run_spark(str(tmp_path / "nowhere" / "*.jsonl"), str(tmp_path / "out"), spark=spark)
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not DEV.is_dir() or not CORPUS_JSONL.is_file(), reason="../shared/corpus/dev is absent")
def test_the_job_and_single_machine_agree_on_the_dev_set(spark, tmp_path: Path):
    feed = tmp_path / "dev.jsonl"
    with open(feed, "w", encoding="utf-8") as out:
        subprocess.run([sys.executable, str(CORPUS_JSONL), str(DEV)], stdout=out, check=True)
    run_spark(str(feed), str(tmp_path / "out"), partitions=TEST_PARTITIONS, spark=spark)
    facts, errors = _job_facts(tmp_path / "out")
    expected, expected_errors = _single_machine_facts([str(feed)])
    assert len(facts) == len(expected) > 0
    assert facts == expected and errors == expected_errors
