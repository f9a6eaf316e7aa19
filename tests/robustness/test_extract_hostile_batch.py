"""`endorsetrack extract` over every kind of generated hostile input, interleaved with good
articles (issue 15): each bad input costs one sanitised error line, never the others.

Runs in-process through the CLI (as tests/cli/test_extract_cmd.py does), with the byte
budget cut to helpers.malformed.SMALL_BUDGET_BYTES so the bombs and over-long lines stay
small. The full run over thousands of inputs is `make fuzz` (benchmarks/fuzz.py).
"""
from __future__ import annotations

import dataclasses
import json
import random
import re

import pytest
from typer.testing import CliRunner

from endorsetrack.cli.app import _register_commands, app
from endorsetrack.ingest import readers, warc
from endorsetrack.settings import DEFAULT
from helpers.malformed import ERROR, GENERATORS, SMALL_BUDGET_BYTES, generate, good_article

SEED = 15
# What an error line must never hold: controls (a newline forges a line, ESC drives the
# terminal) and bidi overrides/isolates.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


@pytest.fixture
def small_budget(monkeypatch):
    budget = dataclasses.replace(DEFAULT, max_input_bytes=SMALL_BUDGET_BYTES)
    monkeypatch.setattr(readers, "DEFAULT", budget)
    monkeypatch.setattr(warc, "DEFAULT", budget)


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def test_every_bad_input_is_one_clean_error_line_and_every_good_article_is_kept(runner, tmp_path, small_budget):
    rng = random.Random(SEED)
    goods, bads = [], []
    for number, kind in enumerate(sorted(GENERATORS)):  # a good article after every bad input
        bads.append(generate(kind, SEED, number + 1))
        bads[-1].write(tmp_path)
        goods.append(good_article(rng, number))
        (tmp_path / goods[-1].name).write_text(goods[-1].text, encoding="utf-8")

    result = runner.invoke(app, ["extract", str(tmp_path), "-q"])

    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = _error_lines(result.stderr)
    assert [line for line in errors if UNSAFE.search(line)] == []
    assert len(errors) <= len(bads)
    for bad in bads:
        naming = [line for line in errors if bad.expected_marker in line]
        if bad.expect == ERROR:
            assert len(naming) == 1, (bad.kind, naming)
        else:
            assert len(naming) <= 1, (bad.kind, naming)
    found = {}
    for line in result.stdout.splitlines():
        obj = json.loads(line)
        found[obj["doc"]] = {(e["endorser"], e["candidate"]) for e in obj["endorsements"]}
    for good in goods:
        assert (good.endorser, good.candidate) in found.get(str(tmp_path / good.name), set()), good.name


def test_a_run_of_bad_inputs_only_exits_2_with_one_line_each(runner, tmp_path, small_budget):
    bads = [generate(kind, SEED) for kind in ("json_nested_deep", "warc_negative_length", "csv_header_only",
                                               "control_chars_in_file_name", "gzip_bomb", "fifo")]
    for bad in bads:
        bad.write(tmp_path)
    result = runner.invoke(app, ["extract", str(tmp_path), "-q"])
    assert result.exit_code == 2, result.stderr
    errors = _error_lines(result.stderr)
    assert len(errors) == len(bads) + 1  # one per input and the closing "nothing readable"
    assert [line for line in errors if UNSAFE.search(line)] == []


# Standard input has no file name to tell its kind, so each of these is told by content.
@pytest.mark.parametrize("kind", ["random_bytes", "warc_negative_length", "warc_corrupt_gzip_body", "gzip_bomb"])
def test_hostile_standard_input_is_an_error_line_not_a_traceback(runner, small_budget, kind):
    result = runner.invoke(app, ["extract", "-", "-q"], input=generate(kind, SEED).data)
    assert result.exit_code in (1, 2), result.stderr
    assert "Traceback" not in result.stderr
    assert _error_lines(result.stderr)
