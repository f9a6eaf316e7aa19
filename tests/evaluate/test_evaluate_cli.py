"""`endorsetrack eval`: figure and race lines as score.py, error listing, --json, --run, errors."""
import json

import pytest
from typer.testing import CliRunner

from endorsetrack.cli import eval_cmd, extract_cmd  # noqa: F401  (register the commands)
from endorsetrack.cli.app import app
from endorsetrack import pipeline

GOLD = [{"doc": "a.txt", "endorsements": [
            {"endorser": {"name": "United Auto Workers", "aliases": ["UAW"]},
             "candidate": {"name": "Ned Lamont", "aliases": ["Lamont"]},
             "stance": "endorses", "stage": "general", "race": "2006 U.S. Senate, Connecticut"},
            {"endorser": {"name": "AFL-CIO"}, "candidate": None, "stance": "declines",
             "stage": "primary"}],
         "polls": [{"pollster": {"name": "Quinnipiac University", "aliases": ["Quinnipiac"]},
                    "population": None,
                    "results": [{"candidate": {"name": "Ned Lamont"}, "share": 38}]}]},
        {"doc": "b.txt", "endorsements": [], "polls": []}]
PRED = [{"doc": "some/dir/a.txt", "endorsements": [
            {"endorser": "UAW", "candidate": "Lamont", "stance": "endorses", "stage": "primary",
             "race": "U.S. Senate, Connecticut"},
            {"endorser": "Teamsters", "candidate": "Lamont", "stance": "endorses", "stage": None}],
         "polls": [{"pollster": "Quinnipiac", "population": "likely voters",
                    "results": [{"candidate": "Lamont", "share": 39}]}]}]


@pytest.fixture
def files(write_jsonl):
    return write_jsonl("gold.jsonl", GOLD), write_jsonl("pred.jsonl", PRED)


def invoke(*args):
    return CliRunner().invoke(app, ["eval", *map(str, args)])


def test_prints_figures_docs_line_and_grouped_errors(files):
    result = invoke(*files)
    assert result.exit_code == 0, result.output
    assert result.stdout == "\n".join([
        "loose   P=0.500 R=0.500 F1=0.500 (tp=1 fp=1 fn=1)",
        "strict  P=0.000 R=0.000 F1=0.000 (tp=0 fp=2 fn=2)",
        "polls   P=0.000 R=0.000 F1=0.000 (tp=0 fp=1 fn=1)",
        "race    agreement=0.000 (0 of 1 loose matches name the gold race's year, office and place)",
        "docs=2 missing_from_predictions=1",
        "",
        "misses, false hits and race disagreements, by article:",
        "a.txt",
        '  race        United Auto Workers: predicted "U.S. Senate, Connecticut", '
        'gold "2006 U.S. Senate, Connecticut"',
        "  false hit   endorses: Teamsters -> Lamont",
        "  missed      declines: AFL-CIO -> (no candidate) [primary]",
        "  false poll  quinnipiac (likely voters): lamont 39",
        "  missed poll Quinnipiac University (whole sample): Ned Lamont 38",
        "b.txt  (no prediction for this article)",
    ]) + "\n"


def test_quiet_omits_the_error_list(files):
    result = invoke(*files, "--quiet")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "docs=2 missing_from_predictions=1"


def test_json_prints_only_the_score_py_json_line(files):
    result = invoke(*files, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["loose"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5,
                                                  "tp": 1, "fp": 1, "fn": 1}
    assert len(result.stdout.splitlines()) == 1


def test_figure_lines_equal_score_py_plain_output(files, official):
    ours = invoke(*files).stdout.splitlines()[:5]
    assert ours == official(*files)
    assert invoke(*files, "--json").stdout.strip() == official(*files, "--json")[0]


def test_json_line_carries_race_agreement(files):
    result = invoke(*files, "--json")
    assert json.loads(result.stdout)["race"] == {"agreement": 0.0, "agree": 0, "matched": 1}


def test_race_errors_show_dict_races_by_label_or_values_and_null_as_no_race(write_jsonl):
    senate = "2006 U.S. Senate, Connecticut"
    gold = [{"doc": "a.txt", "endorsements": [
        {"endorser": {"name": name}, "candidate": {"name": "Ned Lamont"}, "stance": "endorses",
         "stage": None, "race": senate} for name in ("UAW", "SEIU", "AFT", "CWA")]}]
    races = {"UAW": {"label": "2006 Governor, Connecticut"},
             "SEIU": {"year": 2006, "office": "Governor", "place": "Connecticut"},
             "AFT": None, "CWA": {"label": senate}}
    pred = [{"doc": "a.txt", "endorsements": [
        {"endorser": name, "candidate": "Ned Lamont", "stance": "endorses", "race": race}
        for name, race in races.items()]}]
    result = invoke(write_jsonl("gold.jsonl", gold), write_jsonl("pred.jsonl", pred))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[5:] == [
        "",
        "misses, false hits and race disagreements, by article:",
        "a.txt",
        f'  race        UAW: predicted "2006 Governor, Connecticut", gold "{senate}"',
        f'  race        SEIU: predicted "2006 Governor Connecticut", gold "{senate}"',
        f'  race        AFT: predicted no race, gold "{senate}"',
    ]


def test_no_errors_at_all_says_no_misses_and_no_false_hits(files):
    gold = files[0]
    assert invoke(gold, gold).stdout.splitlines()[-2:] == ["", "no misses and no false hits"]


def test_loose_clean_but_strict_misses_points_to_strict_figures(write_jsonl):
    """The listing holds loose errors only: with stages wrong it must not claim "no misses"."""
    gold = write_jsonl("gold.jsonl", GOLD)
    pred = [{"doc": "a.txt", "endorsements": [
                {"endorser": "UAW", "candidate": "Lamont", "stance": "endorses", "stage": "primary",
                 "race": "Connecticut's 2006 Senate race"},
                {"endorser": "AFL-CIO", "candidate": None, "stance": "declines", "stage": "primary"}],
             "polls": [{"pollster": "Quinnipiac", "population": None,
                        "results": [{"candidate": "Ned Lamont", "share": 38}]}]},
            {"doc": "b.txt"}]
    result = invoke(gold, write_jsonl("pred.jsonl", pred))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == "strict  P=0.500 R=0.500 F1=0.500 (tp=1 fp=1 fn=1)"
    assert lines[-2:] == ["", "loose scoring has no misses and no false hits; strict scoring "
                              "(stage too) has 1 miss and 1 false hit: see the strict line above"]
    assert "no misses and no false hits" not in lines


def test_missing_gold_file_is_one_line_and_exit_2(tmp_path, files):
    result = invoke(tmp_path / "nope.jsonl", files[1])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nope.jsonl'}: gold file not found\n"
    assert result.stdout == ""


def test_gold_that_is_not_json_lines_names_file_and_line(tmp_path, files):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a.txt"}\n\nnot json\n', encoding="utf-8")
    result = invoke(bad, files[1])
    assert result.exit_code == 2
    assert result.stderr == f"error: {bad}:3: gold file is not JSON Lines: Expecting value (column 1)\n"


def test_prediction_file_errors_name_file_and_line(tmp_path, files):
    bad = tmp_path / "pred.txt"
    bad.write_text('{"doc": "a.txt"', encoding="utf-8")
    result = invoke(files[0], bad)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {bad}:1: predictions file is not JSON Lines: "
                             "Expecting ',' delimiter (column 16)\n")
    missing = invoke(files[0], tmp_path / "none.jsonl")
    assert missing.exit_code == 2
    assert missing.stderr == f"error: {tmp_path / 'none.jsonl'}: predictions file not found\n"


@pytest.mark.parametrize("args", [["only-gold.jsonl"], ["g", "p", "extra"], ["g", "--run"]])
def test_wrong_number_of_paths_is_a_usage_error(args):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr == ("error: give GOLD and PRED, or GOLD --run PATH... "
                             "(see `endorsetrack eval --help`)\n")


@pytest.mark.slow
def test_run_scores_the_in_process_extraction_like_a_file(repo, tmp_path, monkeypatch):
    """--run gives what scoring an `extract` output file gives, and writes no file."""
    monkeypatch.chdir(tmp_path)  # a stray output file would land here
    samples = sorted(str(p) for p in (repo / "samples").iterdir())
    gold = repo / "tests" / "data" / "samples.gold.jsonl"
    out = tmp_path / "out.jsonl"
    extracted = CliRunner().invoke(app, ["extract", *samples, "-o", str(out), "--quiet"])
    assert extracted.exit_code == 0, extracted.output
    before = set(tmp_path.iterdir())
    run = invoke(gold, "--run", *samples)
    assert run.exit_code == 0, run.output
    assert run.stdout == invoke(gold, out).stdout
    assert "docs=3 missing_from_predictions=0" in run.stdout
    assert set(tmp_path.iterdir()) == before


def test_run_reports_failed_articles_scores_them_empty_and_exits_1(files, tmp_path, monkeypatch):
    from endorsetrack.types import DocumentError

    def failing(records):
        for record in records:
            yield DocumentError(record.doc, "extract.failed", "extraction failed: boom")
    monkeypatch.setattr(pipeline, "process_records", failing)  # eval_cmd imports it when it runs
    article = tmp_path / "a.txt"
    article.write_text("The UAW endorsed Lamont.", encoding="utf-8")
    result = invoke(files[0], "--run", article, "--quiet")
    assert result.exit_code == 1
    assert result.stderr == (f"error: {article}: extraction failed: boom\n"
                             "articles that failed to extract: 1 (scored as having no facts)\n")
    assert "docs=2 missing_from_predictions=2" in result.stdout
