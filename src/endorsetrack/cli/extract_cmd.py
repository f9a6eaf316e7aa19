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
from .options import dating_defaults, published_option, year_option


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive), globs, or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON Lines here instead of stdout."),
    with_text: bool = typer.Option(False, "--with-text",
                                   help="Include the normalized text that evidence offsets index."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar."),
    published: Optional[str] = published_option,
    year: Optional[int] = year_option,
) -> None:
    """Extract endorsements and polls: one JSON object per article (no database needed).

    Each object holds the dates and races that `ingest` would store, with the same
    --published and --year.
    """
    try:
        dating = dating_defaults(published, year)
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    failures = 0
    done = 0
    err = Console(stderr=True)
    show_progress = not quiet and err.is_terminal
    try:
        from ..ingest import read_records  # spaCy loads only when a command extracts
        from ..pipeline import process_records
        records = read_records(paths)
        with _progress(err, show_progress) as bump:
            for outcome in process_records(records, dating=dating):
                if isinstance(outcome, DocumentError):
                    failures += 1
                    typer.echo(error_line(outcome.doc, outcome.message), err=True)
                else:
                    out.write(json.dumps(outcome.to_json(with_text=with_text), ensure_ascii=False) + "\n")
                    done += 1
                bump()
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    finally:
        if output:
            out.close()
    if done == 0:
        raise fail(InputError(NOTHING_READABLE))
    if failures:
        typer.echo(f"{failures} of {failures + done} inputs failed; the others were written.", err=True)
        raise typer.Exit(EXIT_PARTIAL)


class _progress:
    """A Rich progress counter on stderr, only when stderr is a terminal."""

    def __init__(self, console: Console, enabled: bool):
        self.enabled = enabled
        self.console = console

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._p = Progress(SpinnerColumn(), TextColumn("extracting"), MofNCompleteColumn(),
                           TimeElapsedColumn(), console=self.console, transient=True)
        self._p.__enter__()
        task = self._p.add_task("extract", total=None)
        return lambda: self._p.advance(task)

    def __exit__(self, *exc):
        if self.enabled:
            self._p.__exit__(*exc)
        return False


@app.command()
def show(
    path: Path = typer.Argument(..., help="A JSON Lines file written by `endorsetrack extract`."),
) -> None:
    """Print an extract output as readable tables: endorsements, then polls."""
    if not path.exists():
        raise fail(InputError("no such file", path=str(path)))
    console = Console()
    ends = Table(title="Endorsements", show_lines=False)
    for col in ("article", "endorser", "type", "stance", "candidate", "stage", "conf."):
        ends.add_column(col)
    polls = Table(title="Polls")
    for col in ("article", "pollster", "released", "population", "results"):
        polls.add_column(col)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise fail(InputError(f"not JSON: {exc.msg}", path=str(path), line=n)) from exc
            doc = Path(str(obj.get("doc", ""))).name
            for e in obj.get("endorsements", []):
                ends.add_row(*(plain(str(v)) for v in (doc, e["endorser"], e.get("endorser_type") or "", e["stance"],
                             e.get("candidate") or "-", e.get("stage") or "-", f"{e.get('confidence', 0):.2f}")))
            for p in obj.get("polls", []):
                res = ", ".join(f"{r['candidate']} {r['share']:g}%" for r in p.get("results", []))
                polls.add_row(*(plain(str(v)) for v in (doc, p["pollster"], p.get("released") or "-",
                                                        p.get("population") or "all", res)))
    console.print(ends)
    console.print(polls)
