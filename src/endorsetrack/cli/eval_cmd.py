"""`endorsetrack eval`: score predictions (a file, or a fresh in-process run) against gold.

The figures are those of shared/eval/score.py (the port in ``endorsetrack.evaluate``
is tested against it); the figure and race lines are printed in its format so the two
can be compared line by line. The listing that follows (loose misses, false hits and
race disagreements, by article) is meant for reading, not for parsing.
"""
from __future__ import annotations

from itertools import groupby

import typer

from ..errors import EndorsetrackError, InputError, error_line
from ..evaluate import (Report, ScoreError, display_name, load_gold, load_predictions,
                        predictions_from_outcomes, race_text, score)
from .app import EXIT_PARTIAL, app, fail

USAGE = "give GOLD and PRED, or GOLD --run PATH... (see `endorsetrack eval --help`)"
LABELS = {"FN": "missed", "FP": "false hit", "race": "race", "poll FN": "missed poll",
          "poll FP": "false poll"}


@app.command("eval")
def eval_command(
    files: list[str] = typer.Argument(..., metavar="GOLD [PRED | PATH...]",
                                      help="The gold JSON Lines file, then a predictions file "
                                           "(or, with --run, the articles to extract)."),
    run: bool = typer.Option(False, "--run", help="Extract the PATHs in-process and score that "
                                                  "output; nothing is written."),
    as_json: bool = typer.Option(False, "--json", help="Print only score.py's --json line."),
    quiet: bool = typer.Option(False, "-q", "--quiet",
                               help="Omit the list of misses, false hits and race disagreements."),
) -> None:
    """Score endorsements and polls against gold: loose, strict and poll P/R/F1, race agreement."""
    if (run and len(files) < 2) or (not run and len(files) != 2):
        raise fail(InputError(USAGE))
    failures = 0
    try:
        gold = load_gold(files[0])
        if run:
            from ..ingest import read_records  # spaCy loads only when a command extracts
            from ..pipeline import process_records
            pred, failed = predictions_from_outcomes(process_records(read_records(files[1:])))
            for f in failed:
                typer.echo(error_line(f.doc, f.message), err=True)
            failures = len(failed)
        else:
            pred = load_predictions(files[1])
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    report = score(gold, pred)
    if as_json:
        typer.echo(report.to_json())
    else:
        typer.echo("\n".join(report.summary_lines()))
        if not quiet:
            typer.echo("\n".join(error_listing(report)))
    if failures:
        typer.echo(f"articles that failed to extract: {failures} (scored as having no facts)", err=True)
        raise typer.Exit(EXIT_PARTIAL)


def error_listing(report: Report) -> list[str]:
    """Loose misses, false hits and race disagreements grouped by article, plus articles
    with no prediction. The listing holds loose errors only, so when it is empty but
    strict scoring still has misses or false hits (a stage, or a gold item written
    twice), it says so instead of claiming there are none."""
    if not report.errors and not report.missing_docs:
        return ["", _no_errors(report)]
    races = any(e.kind == "race" for e in report.errors)
    lines = ["", ("misses, false hits and race disagreements" if races
                  else "misses and false hits") + ", by article:"]
    missing = set(report.missing_docs)
    listed = set()
    for doc, errs in groupby(report.errors, key=lambda e: e.doc):
        lines.append(doc + ("  (no prediction for this article)" if doc in missing else ""))
        lines += [f"  {LABELS.get(e.kind, e.kind):11s} {_describe(e)}" for e in errs]
        listed.add(doc)
    lines += [f"{doc}  (no prediction for this article)" for doc in report.missing_docs
              if doc not in listed]
    return lines


def _no_errors(report: Report) -> str:
    strict = report.strict
    if not strict.fp and not strict.fn:
        return "no misses and no false hits"
    return (f"loose scoring has no misses and no false hits; strict scoring (stage too) has "
            f"{_plural(strict.fn, 'miss', 'misses')} and "
            f"{_plural(strict.fp, 'false hit', 'false hits')}: see the strict line above")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _describe(error: ScoreError) -> str:
    item = error.item
    if error.kind == "race":
        return (f"{display_name(item.get('endorser'))}: predicted {_race(item.get('predicted'))}, "
                f"gold {_race(item.get('gold'))}")
    if error.kind.startswith("poll"):
        population = display_name(item.get("population")) or "whole sample"
        return (f"{display_name(item.get('pollster'))} ({population}): "
                f"{display_name(item.get('candidate'))} {item.get('share')}")
    stage = f" [{item['stage']}]" if item.get("stage") else ""
    candidate = display_name(item.get("candidate")) or "(no candidate)"
    return f"{item.get('stance')}: {display_name(item.get('endorser'))} -> {candidate}{stage}"


def _race(race) -> str:
    """A race for reading: its text in quotes (a dict race shows its "label", else its
    values joined, as score.py reads it), or "no race"."""
    text = race_text(race)
    return f'"{text}"' if text else "no race"
