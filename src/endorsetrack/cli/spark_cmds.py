"""Archive scale: `spark` (the pipeline as a Spark job, Parquet tables out) and `load` (those tables into the store).

Thin: arguments -> endorsetrack.batch -> one summary line. pyspark, pyarrow and spaCy
load only when the command runs, so `--help` stays quick.
"""
from __future__ import annotations

from typing import Optional

import typer

from ..errors import EndorsetrackError
from .app import EXIT_PARTIAL, app, fail
from .options import InputFormat, choice_value, dating_defaults, published_option, year_option
from .store_cmds import db_option


@app.command()
def spark(
    source: str = typer.Argument(..., metavar="INPUT",
                                 help="A file, directory, glob or Hadoop URL (hdfs://, s3a://) of JSON Lines, WARC, "
                                      "CSV, text or HTML files (.gz too), or a Parquet dataset."),
    output: str = typer.Argument(..., help="Directory or Hadoop URL for the Parquet tables (replaced)."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master URL (default local[*]: all cores)."),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1,
                                             help="Tasks to split the articles into (default 4 per core)."),
    input_format: InputFormat = typer.Option(InputFormat.auto.value, "--input-format",
                                             help="auto: Parquet when INPUT ends in .parquet, else files."),
    published: Optional[str] = published_option,
    year: Optional[int] = year_option,
) -> None:
    """Run the extraction as a Spark job: Parquet tables articles, endorsements, polls and errors, by month."""
    try:
        dating = dating_defaults(published, year)
        from ..batch import run_spark  # pyspark and spaCy load only here
        summary = run_spark(source, output, master=master, partitions=partitions,
                            input_format=str(choice_value(input_format)), published=dating.published,
                            year=dating.year)
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    for line in summary.error_lines():
        typer.echo(line, err=True)
    typer.echo(summary.line(), err=True)
    if summary.failed:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def load(
    directory: str = typer.Argument(..., metavar="PARQUET_DIR", help="The OUTPUT of `endorsetrack spark`."),
    db: Optional[str] = db_option,
) -> None:
    """Store a Spark job's tables in the database; loading twice changes nothing, as with ingest."""
    try:
        from ..batch import run_load
        summary = run_load(directory, db)
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    typer.echo(summary.line(), err=True)
    if summary.failed:
        raise typer.Exit(EXIT_PARTIAL)
