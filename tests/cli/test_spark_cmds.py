"""`spark` and `load` on the command line: errors as one line with the right exit code (no Spark job runs here)."""
from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from endorsetrack.cli import spark_cmds  # noqa: F401  (registers spark and load)
from endorsetrack.cli.app import app
from endorsetrack.errors import OptionalDependencyError

runner = CliRunner()


def test_load_of_a_missing_directory_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["load", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "nowhere: no such file or directory" in result.output
    assert not (tmp_path / "x.db").exists()


def test_load_of_a_folder_that_is_no_job_output_says_so(tmp_path):
    (tmp_path / "misc").mkdir()
    result = runner.invoke(app, ["load", str(tmp_path / "misc"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "not the output of `endorsetrack spark` (no articles/ table in it)" in result.output


def test_spark_help_lists_its_options():
    result = runner.invoke(app, ["spark", "--help"])
    assert result.exit_code == 0
    for option in ("--master", "--partitions", "--input-format", "--published", "--year"):
        assert option in result.output


def test_without_pyspark_the_spark_command_says_what_to_install(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now fails, as when it is not installed
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    result = runner.invoke(app, ["spark", str(tmp_path), str(tmp_path / "out")])
    assert result.exit_code == OptionalDependencyError.exit_code == 3
    assert "the Spark job needs pyspark: pip install 'endorsetrack[spark]'" in result.output
