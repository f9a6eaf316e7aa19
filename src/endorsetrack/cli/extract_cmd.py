"""`endorsetrack extract` (stateless JSON Lines) and `endorsetrack show` (a readable table)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from ..errors import EndorsetrackError, InputError, error_line
from ..types import DocumentError
from .app import EXIT_PARTIAL, NOTHING_READABLE, app, fail, plain
from .options import dating_defaults, metadata_option, published_option, year_option


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive), globs, or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON Lines here instead of stdout."),
    with_text: bool = typer.Option(False, "--with-text",
                                   help="Include the normalized text that evidence offsets index."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar."),
    published: Optional[str] = published_option,
    year: Optional[int] = year_option,
    metadata: Optional[str] = metadata_option,
) -> None:
    """Extract endorsements and polls: one JSON object per article (no database needed).

    Each object holds the dates and races that `ingest` would store, with the same
    --published and --year.
    """
    try:
        dating = dating_defaults(published, year)
        from ..ingest import load_metadata
        meta = load_metadata(metadata) if metadata is not None else None
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    failures = 0
    done = 0
    try:
        from ..batch import Progress  # spaCy loads only when a command extracts
        from ..ingest import known_article_count, read_records
        from ..pipeline import process_records
        records = read_records(paths, meta)
        with Progress(quiet, known_article_count(paths), verb="extracting") as progress:
            for outcome in process_records(records, dating=dating):
                if isinstance(outcome, DocumentError):
                    failures += 1
                    typer.echo(error_line(outcome.doc, outcome.message), err=True)
                else:
                    out.write(json.dumps(outcome.to_json(with_text=with_text), ensure_ascii=False) + "\n")
                    done += 1
                progress.advance(failed=isinstance(outcome, DocumentError))
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    finally:
        if output:
            out.close()
        for line in meta.unused() if meta is not None else ():
            typer.echo(line, err=True)
    if done == 0:
        raise fail(InputError(NOTHING_READABLE))
    if failures:
        typer.echo(f"{failures} of {failures + done} inputs failed; the others were written.", err=True)
        raise typer.Exit(EXIT_PARTIAL)


NOT_EXTRACT_OUTPUT = "not `endorsetrack extract` output"
ENDORSEMENT_COLUMNS = ("article", "endorser", "type", "stance", "candidate", "stage", "race", "evidence", "conf.")
FOLDED_COLUMNS = ("endorser", "candidate", "race", "evidence", "pollster", "population", "results")
EVIDENCE_WIDTH = 50  # characters; long quotes fold onto more lines instead of pushing other columns off
PIPED_WIDTH = 200  # a pipe has no terminal width: wide enough that names are not cut


@app.command()
def show(
    path: Path = typer.Argument(..., help="A JSON Lines file written by `endorsetrack extract` "
                                          "(gold files in the same shape are shown too)."),
) -> None:
    """Print an extract output as readable tables: endorsements, then polls."""
    if not path.exists():
        raise fail(InputError("no such file", path=str(path)))
    probe = Console()
    console = probe if probe.is_terminal else Console(width=PIPED_WIDTH)
    ends = _table("Endorsements", ENDORSEMENT_COLUMNS)
    polls = _table("Polls", ("article", "pollster", "released", "population", "results"))
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise fail(InputError(f"not JSON: {exc.msg}", path=str(path), line=n)) from exc
            try:
                _add_record(obj, ends, polls)
            except (AttributeError, KeyError, TypeError, ValueError) as exc:
                raise fail(InputError(f"{NOT_EXTRACT_OUTPUT} (expected an object with "
                                      f"'endorsements' and 'polls' lists)", path=str(path), line=n)) from exc
    console.print(ends)
    console.print(polls)


def _table(title: str, columns: tuple[str, ...]) -> Table:
    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold", no_wrap=col not in FOLDED_COLUMNS,
                         max_width=EVIDENCE_WIDTH if col == "evidence" else None)
    return table


def _add_record(obj: dict, ends: Table, polls: Table) -> None:
    """One record's rows. Entities may be names or gold-style objects ({"name": ...});
    fields a record lacks show as "-" (a gold file has no confidence)."""
    if not isinstance(obj, dict):
        raise TypeError("record is not an object")
    doc = Path(str(obj.get("doc", ""))).name
    for e in obj.get("endorsements") or []:
        endorser = e["endorser"]
        kind = e.get("endorser_type") or (endorser.get("type") if isinstance(endorser, dict) else None)
        confidence = e.get("confidence")
        ends.add_row(*(plain(v) for v in (doc, _text(endorser), _text(kind), _text(e.get("stance")),
                                          _text(e.get("candidate")), _text(e.get("stage")), _text(e.get("race")),
                                          _text(e.get("evidence")),
                                          "-" if confidence is None else f"{float(confidence):.2f}")))
    for p in obj.get("polls") or []:
        res = ", ".join(f"{_text(r['candidate'])} {float(r['share']):g}%" for r in p.get("results") or [])
        polls.add_row(*(plain(v) for v in (doc, _text(p["pollster"]), _text(p.get("released")),
                                           _text(p.get("population"), missing="all"), res)))


def _text(value: object, missing: str = "-") -> str:
    """A cell: a name, an entity's or race's "name"/"label", evidence's "text", a list joined."""
    if value is None or value == "":
        return missing
    if isinstance(value, dict):
        for key in ("name", "label", "text"):
            if value.get(key):
                return str(value[key])
        return ", ".join(str(v) for v in value.values() if v not in (None, ""))
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return str(value)
