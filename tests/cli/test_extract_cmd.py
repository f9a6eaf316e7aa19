"""`endorsetrack extract` end to end (cli/extract_cmd.py): JSON Lines out, errors per file.

Runs in-process with Typer's CliRunner (the model is built once per process and
shared with the other test modules); one test runs the installed console script.
The ingest stage's messages are being reworded, so the error tests assert the exit
code and that the message names the file, not the exact wording.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endorsetrack.cli.app import _register_commands, app

ENDORSING = "The Plumbers Union endorsed Maria Vega for mayor on Tuesday.\n"
DECLINING = ("Union Stays Out\n\nThe Greenfield Federation of Labor did not endorse a candidate "
             "in the primary, its president said.\n")
SCRIPT = Path(sys.executable).with_name("endorsetrack")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


@pytest.fixture
def articles(tmp_path, monkeypatch):
    """Two articles in a temporary working directory (relative paths stay short)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vega.txt").write_text(ENDORSING, encoding="utf-8")
    (tmp_path / "labor.txt").write_text(DECLINING, encoding="utf-8")
    return tmp_path


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def test_one_json_object_per_file_with_doc_as_given(runner, articles):
    absolute = str(articles / "labor.txt")
    result = runner.invoke(app, ["extract", "vega.txt", absolute, "-q"])
    assert result.exit_code == 0, result.output
    objs = json_lines(result.stdout)
    assert [o["doc"] for o in objs] == ["vega.txt", absolute]
    vega, labor = objs
    assert [(e["endorser"], e["endorser_type"], e["candidate"], e["stance"]) for e in vega["endorsements"]] == [
        ("Plumbers Union", "union", "Maria Vega", "endorses")]
    assert [(e["endorser"], e["candidate"], e["stance"], e["stage"]) for e in labor["endorsements"]] == [
        ("Greenfield Federation of Labor", None, "declines", "primary")]
    for obj in objs:
        assert {"doc", "published", "endorsements", "polls"} <= set(obj)
        assert "text" not in obj
        for e in obj["endorsements"]:
            assert {"text", "start", "end"} == set(e["evidence"])
            assert e["rule"]["id"] and isinstance(e["rule"]["version"], int)


def test_output_option_writes_the_file_not_stdout(runner, articles):
    result = runner.invoke(app, ["extract", "vega.txt", "labor.txt", "-o", "out.jsonl", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == ""
    objs = json_lines((articles / "out.jsonl").read_text(encoding="utf-8"))
    assert [o["doc"] for o in objs] == ["vega.txt", "labor.txt"]


def test_published_and_year_options_date_articles_as_ingest_does(runner, articles):
    result = runner.invoke(app, ["extract", "vega.txt", "-q", "--published", "2030-10-04", "--year", "2030"])
    assert result.exit_code == 0, result.output
    [vega] = json_lines(result.stdout)
    assert (vega["published"], vega["published_date"]) == ("2030-10-04", "2030-10-04")
    assert vega["date_window"]["basis"] == "published"
    [e] = vega["endorsements"]
    assert (e["effective_date"], e["date_basis"]) == ("2030-10-04", "published")
    undated = json_lines(runner.invoke(app, ["extract", "vega.txt", "-q"]).stdout)[0]
    assert undated["published_date"] is None and undated["endorsements"][0]["date_basis"] == "unknown"


def test_a_malformed_published_date_is_a_usage_error(runner, articles):
    result = runner.invoke(app, ["extract", "vega.txt", "-q", "--published", "Oct 4"])
    assert result.exit_code == 2
    assert "--published" in result.stderr


def test_with_text_includes_the_text_that_offsets_index(runner, articles):
    result = runner.invoke(app, ["extract", "labor.txt", "vega.txt", "--with-text", "-q"])
    assert result.exit_code == 0, result.output
    objs = json_lines(result.stdout)
    assert len(objs) == 2 and sum(len(o["endorsements"]) for o in objs) == 2
    for obj in objs:
        text = obj["text"]
        assert "endorse" in text
        for e in obj["endorsements"]:
            ev = e["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_bad_inputs_are_reported_and_the_rest_written(runner, articles):
    (articles / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", "vega.txt", "missing.txt", "empty.txt", "labor.txt", "-q"])
    assert result.exit_code == 1
    assert [o["doc"] for o in json_lines(result.stdout)] == ["vega.txt", "labor.txt"]
    errors = error_lines(result.stderr)
    assert len(errors) == 2, result.stderr
    assert len([line for line in errors if "missing.txt" in line]) == 1
    assert len([line for line in errors if "empty.txt" in line]) == 1


def test_output_file_keeps_the_good_articles_when_one_fails(runner, articles):
    result = runner.invoke(app, ["extract", "missing.txt", "vega.txt", "-o", "out.jsonl", "-q"])
    assert result.exit_code == 1
    assert [o["doc"] for o in json_lines((articles / "out.jsonl").read_text(encoding="utf-8"))] == ["vega.txt"]
    assert any("missing.txt" in line for line in error_lines(result.stderr))


def test_no_input_at_all_is_a_usage_error(runner, articles):
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 2
    assert "Missing argument" in result.output
    assert not any(line.lstrip().startswith("{") for line in result.stdout.splitlines())


def test_console_script_end_to_end(articles):
    if not SCRIPT.exists():
        pytest.skip(f"{SCRIPT} is not installed")
    proc = subprocess.run([str(SCRIPT), "extract", "vega.txt", "nope.txt", "-q"], cwd=articles,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert [o["doc"] for o in json_lines(proc.stdout)] == ["vega.txt"]
    assert [line for line in error_lines(proc.stderr) if "nope.txt" in line]
    usage = subprocess.run([str(SCRIPT), "extract"], cwd=articles, capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2 and usage.stdout == ""


def test_every_input_bad_exits_2_with_each_named(runner, articles):
    (articles / "empty.txt").write_text("")
    r = runner.invoke(app, ["extract", "empty.txt", "missing.txt"])
    assert r.exit_code == 2
    assert r.stderr.splitlines() == ["error: empty.txt: file is empty", "error: missing.txt: no such file or directory",
                                     "error: no articles found in the given paths"]


def test_show_prints_article_text_literally_not_as_rich_markup(runner, articles):
    fact = {"endorser": "Union [/url] of [i]Rivers", "stance": "endorses", "candidate": "Kim\x1b[31m Lee",
            "confidence": 0.9}
    (articles / "out.jsonl").write_text(json.dumps({"doc": "a", "endorsements": [fact], "polls": []}) + "\n")
    r = runner.invoke(app, ["show", "out.jsonl"], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "Union [/url] of [i]Rivers" in r.stdout and "\x1b" not in r.stdout


def test_show_renders_a_gold_style_file_with_race_and_evidence(runner, articles):
    gold = {"doc": "g.txt", "endorsements": [{
        "endorser": {"name": "Riverside Democratic Committee of Greater Marlow County", "type": "party"},
        "candidate": {"name": "Ines Okafor-Whitlock"}, "stance": "endorses", "stage": "general",
        "race": "2030 Mayor, Marlow", "evidence": "the committee voted to back Okafor-Whitlock"}],
        "polls": [{"pollster": {"name": "Marlow Civic Poll"}, "results": [{"candidate": {"name": "Ines Okafor-Whitlock"},
                                                                           "share": 41}]}]}
    (articles / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    r = runner.invoke(app, ["show", "gold.jsonl"])
    assert r.exit_code == 0, r.output
    assert "Riverside Democratic Committee of Greater Marlow County" in r.stdout  # not cut when piped
    assert "…" not in r.stdout
    assert "2030 Mayor, Marlow" in r.stdout and "the committee voted to back Okafor-Whitlock" in r.stdout
    assert "Marlow Civic Poll" in r.stdout and "Ines Okafor-Whitlock 41%" in r.stdout


def test_show_a_record_without_stance_shows_a_dash(runner, articles):
    (articles / "out.jsonl").write_text(json.dumps({"doc": "a", "endorsements": [{"endorser": "Harbor Guild"}]}) + "\n")
    r = runner.invoke(app, ["show", "out.jsonl"])
    assert r.exit_code == 0, r.output
    assert "Harbor Guild" in r.stdout


def test_show_of_a_file_that_is_not_extract_output_is_one_line_exit_2(runner, articles):
    (articles / "list.jsonl").write_text("[1, 2]\n")
    r = runner.invoke(app, ["show", "list.jsonl"])
    assert r.exit_code == 2
    assert r.stderr.splitlines() == ["error: list.jsonl:1: not `endorsetrack extract` output (expected an object "
                                     "with 'endorsements' and 'polls' lists)"]


def test_extract_progress_knows_the_total_of_a_list_of_files(runner, articles, monkeypatch):
    import endorsetrack.batch as batch

    seen: list[tuple] = []

    class Recorder(batch.Progress):
        def __init__(self, quiet, total=None, console=None, verb="ingesting"):
            super().__init__(quiet, total, console, verb)
            seen.append((total, verb))

        def advance(self, failed: bool = False) -> None:
            super().advance(failed)
            seen.append(("advance", failed))

    monkeypatch.setattr(batch, "Progress", Recorder)
    (articles / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", "vega.txt", "labor.txt", "empty.txt"])
    assert result.exit_code == 1, result.output  # one input failed, the others were written
    assert seen[0] == (3, "extracting")  # three one-article files: done/total and time left on a terminal
    assert sorted(seen[1:]) == [("advance", False), ("advance", False), ("advance", True)]


def test_metadata_option_gives_plain_files_their_url_and_date(runner, articles):
    (articles / "meta.csv").write_text("doc,url,published\nvega.txt,https://paper.example/vega,2023-05-02\n"
                                       "gone.txt,https://paper.example/gone,2023-05-03\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "vega.txt", "--metadata", "meta.csv", "-q"])
    assert result.exit_code == 0, result.output
    [obj] = json_lines(result.stdout)
    assert (obj["url"], obj["published"]) == ("https://paper.example/vega", "2023-05-02")
    assert result.stderr.splitlines() == ["warning: meta.csv:3: 'gone.txt' names no input file; its metadata was not used"]


def test_a_malformed_metadata_file_exits_2_before_reading_anything(runner, articles):
    (articles / "meta.jsonl").write_text('{"doc": "vega.txt"}\n[1, 2]\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", "vega.txt", "--metadata", "meta.jsonl", "-q"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: meta.jsonl:2: not a JSON object; --metadata wants JSON Lines naming a file (doc or file) with url, "
        "title, published"]
