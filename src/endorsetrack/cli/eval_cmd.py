"""`endorsetrack eval`: score predictions (a file, or a fresh in-process run) against gold.

The figures are those of shared/eval/score.py (the port in ``endorsetrack.evaluate``
is tested against it); the figure lines are printed in its format so the two can be
compared line by line.
"""
from __future__ import annotations

from itertools import groupby

import typer

from ..errors import EndorsetrackError, InputError
from ..evaluate import (Report, ScoreError, display_name, load_gold, load_predictions,
                        predictions_from_outcomes, score)
from ..ingest import read_records
from ..pipeline import process_records
from .app import EXIT_PARTIAL, app, fail

USAGE = "give GOLD and PRED, or GOLD --run PATH... (see `endorsetrack eval --help`)"
LABELS = {"FN": "missed", "FP": "false hit", "poll FN": "missed poll", "poll FP": "false poll"}


@app.command("eval")
def eval_command(
    files: list[str] = typer.Argument(..., metavar="GOLD [PRED | PATH...]",
                                      help="The gold JSON Lines file, then a predictions file "
                                           "(or, with --run, the articles to extract)."),
    run: bool = typer.Option(False, "--run", help="Extract the PATHs in-process and score that "
                                                  "output; nothing is written."),
    as_json: bool = typer.Option(False, "--json", help="Print only score.py's --json line."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Omit the list of misses and false hits."),
) -> None:
    """Score endorsements and polls against gold: loose, strict and poll P/R/F1."""
    if (run and len(files) < 2) or (not run and len(files) != 2):
        raise fail(InputError(USAGE))
    failures = 0
    try:
        gold = load_gold(files[0])
        if run:
            pred, failed = predictions_from_outcomes(process_records(read_records(files[1:])))
            for f in failed:
                typer.echo(f"error: {f.doc}: {f.message}", err=True)
            failures = len(failed)
        else:
            pred = load_predictions(files[1])
    except EndorsetrackError as exc:
        raise fail(exc)
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
    """Misses and false hits grouped by article, plus articles with no prediction."""
    if not report.errors and not report.missing_docs:
        return ["", "no misses and no false hits"]
    lines = ["", "misses and false hits, by article:"]
    missing = set(report.missing_docs)
    listed = set()
    for doc, errs in groupby(report.errors, key=lambda e: e.doc):
        lines.append(doc + ("  (no prediction for this article)" if doc in missing else ""))
        lines += [f"  {LABELS.get(e.kind, e.kind):11s} {_describe(e)}" for e in errs]
        listed.add(doc)
    lines += [f"{doc}  (no prediction for this article)" for doc in report.missing_docs
              if doc not in listed]
    return lines


def _describe(error: ScoreError) -> str:
    item = error.item
    if error.kind.startswith("poll"):
        population = display_name(item.get("population")) or "whole sample"
        return (f"{display_name(item.get('pollster'))} ({population}): "
                f"{display_name(item.get('candidate'))} {item.get('share')}")
    stage = f" [{item['stage']}]" if item.get("stage") else ""
    candidate = display_name(item.get("candidate")) or "(no candidate)"
    return f"{item.get('stance')}: {display_name(item.get('endorser'))} -> {candidate}{stage}"
