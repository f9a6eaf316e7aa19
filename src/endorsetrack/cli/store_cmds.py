"""Commands on the store: ingest, migrate, endorsements, races, status, timeline, conflicts, export, polls,
entities (list, merge, rename, retype, log).

Thin: arguments -> a named query in endorsetrack.store -> table (Rich), CSV or
JSON. Every failure is one line on stderr and a nonzero exit code.
"""
from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from ..errors import AmbiguousRaceError, EndorsetrackError, InputError, printable
from ..store import migrate as run_migrations
from ..store import applied, connect, find_conflicts, open_store, queries, resolve_url
from ..store import entity_corrections as ec
from ..resolve import RACE_PARTS, race_place
from ..store import write_rows
from .app import EXIT_PARTIAL, NOTHING_READABLE, app, fail, plain
from .options import (EntityTypeChoice, ExportFormat, ExportPreset, ExportWhat, OutputFormat, StageChoice,
                      StanceChoice, choice_value, dating_defaults, metadata_option, published_option, year_option)

DB_HELP = "Database: a SQLite file or postgresql:// URL (default: $ENDORSETRACK_DB, else ./endorsetrack.db)."
FORMAT_HELP = "Output format."

db_option = typer.Option(None, "--db", help=DB_HELP)
format_option = typer.Option(OutputFormat.table.value, "--format", "-f", help=FORMAT_HELP)
rollup_option = typer.Option(False, "--rollup", help="Show locals under their national body (and match them).")

TABLES = {
    "endorsements": ("endorser", "stance", "candidate", "stage", "race", "first_reported", "reports", "confidence"),
    "timeline": ("date", "endorser", "stance", "candidate", "was", "stage", "race", "evidence", "source"),
    "conflicts": ("kind", "race", "endorser_a", "stance_a", "candidate_a", "date_a", "endorser_b", "stance_b",
                  "candidate_b", "date_b"),
    "polls": ("poll", "date", "pollster", "population", "results", "race", "reports", "source"),
    "entities": ("id", "name", "type", "parent", "names"),
    "corrections": ("id", "created_at", "action", "entity_ref", "other_ref", "old_value", "new_value", "reviewer",
                    "note"),
    "races": ("id", "label", "year", "office", "place", "district", "endorsements", "polls", "endorsers",
              "candidates"),
}


def _run(query, *args, **kwargs):
    """Open the store, run a named query (or one correction), map typed errors to one line."""
    db = None
    try:
        db = open_store(kwargs.pop("db", None))
        return query(db, *args, **kwargs)
    except AmbiguousRaceError as exc:
        raise _ambiguous(exc) from exc
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    finally:
        if db is not None:
            db.close()


def _ambiguous(exc: AmbiguousRaceError) -> typer.Exit:
    """The races a query fits, one a line on stderr, then the error: which one to name."""
    typer.echo(f"'{printable(exc.query)}' matches {len(exc.choices)} races:", err=True)
    for rid, label in exc.choices:
        typer.echo(f"  #{rid:<5} {printable(label)}", err=True)
    typer.echo("error: more than one race matches; give one race by its full label or its #id, "
               "e.g. --race '#" + str(exc.choices[0][0]) + "'", err=True)
    return typer.Exit(exc.exit_code)


WIDE = ("evidence", "names", "endorser", "candidate", "race", "label", "place", "source", "endorser_a", "endorser_b",
        "candidate_a", "candidate_b", "results", "pollster", "name", "parent", "endorsers", "entity_ref",
        "other_ref", "old_value", "new_value", "note", "action", "created_at")


def _console() -> Console:
    """Rich console for tables; wide when piped (no terminal width to respect)."""
    probe = Console()
    return probe if probe.is_terminal else Console(width=160)


def _add_columns(t: Table, cols) -> None:
    for c in cols:
        t.add_column(c.replace("_", " "), overflow="fold", no_wrap=c not in WIDE,
                     max_width=60 if c in ("evidence", "names") else None)


def _emit(rows: list[dict], fmt: OutputFormat, table: str, title: str = "") -> None:
    if fmt is not OutputFormat.table:
        write_rows(rows, fmt.value, sys.stdout)
        return
    console = _console()
    if not rows:
        console.print(f"[dim]{escape(printable(title)) + ': ' if title else ''}nothing found[/dim]")
        return
    t = Table(title=Text(printable(title)) if title else None, show_lines=False)
    cols = TABLES[table]
    _add_columns(t, cols)
    for r in rows:
        t.add_row(*(plain(_cell(r.get(c))) for c in cols))
    console.print(t)


def undated_note(count: int, as_of: str, included: bool = False) -> str:
    """What ``--as-of`` did with reports that have no known date (empty when there are none)."""
    if not count:
        return ""
    if included:
        return f"{count} report(s) have no known date; listed as well (--include-undated), with no date."
    return f"{count} report(s) have no known date and are not placed as of {as_of}."


def _say_undated(count: int, as_of: str, fmt: OutputFormat, included: bool = False) -> None:
    """The undated count: under the table, or on stderr as "note: ..." so that JSON/CSV on stdout stay data."""
    note = undated_note(count, as_of, included)
    if not note:
        return
    if fmt is OutputFormat.table:
        _console().print(f"[dim]{escape(note)}[/dim]")
    else:
        typer.echo(f"note: {note}", err=True)


def _cell(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, list):
        return ", ".join(_cell(x) if not isinstance(x, dict) else
                         (f"{x['candidate']} {x['share']:g}%" if "share" in x else f"{x['name']} ({x['score']:g})")
                         for x in v)
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive), globs, or - for stdin."),
    db: Optional[str] = db_option,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes (one model each)."),
    published: Optional[str] = published_option,
    year: Optional[int] = year_option,
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar."),
    metadata: Optional[str] = metadata_option,
) -> None:
    """Extract and store articles; re-ingesting changes nothing, an edited article supersedes its old facts."""
    try:
        dating = dating_defaults(published, year)
        from ..batch import run_ingest  # spaCy loads only when a command extracts
        summary = run_ingest(paths, db, workers=workers, published=dating.published, year=dating.year, quiet=quiet,
                             metadata=metadata)
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    if not summary.read:
        raise fail(InputError(NOTHING_READABLE))
    typer.echo(summary.line(), err=True)
    if summary.failed:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def migrate(db: Optional[str] = db_option) -> None:
    """Create the database or bring its schema to this version (named migrations)."""
    try:
        store = connect(db, create=True)
        try:
            done = run_migrations(store)
            names = applied(store)
        finally:
            store.close()
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    where = resolve_url(db)
    typer.echo(f"applied {len(done)} migration(s){': ' + ', '.join(done) if done else ''}; "
               f"{where} is at {names[-1]}", err=True)


@app.command()
def endorsements(
    candidate: Optional[str] = typer.Option(None, "--candidate", help="Candidate name (any spelling or surname)."),
    endorser: Optional[str] = typer.Option(None, "--endorser", help="Endorser name, acronym or alias."),
    race: Optional[str] = typer.Option(None, "--race", help="Race words, e.g. 'Connecticut Senate 2006'."),
    stance: Optional[StanceChoice] = typer.Option(None, "--stance", help="Only this stance."),
    stage: Optional[StageChoice] = typer.Option(None, "--stage", help="Only this stage."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Only what was reported by this date (YYYY-MM-DD)."),
    include_undated: bool = typer.Option(False, "--include-undated",
                                         help="With --as-of: list reports with no known date too."),
    rollup: bool = rollup_option,
    fmt: OutputFormat = format_option,
    db: Optional[str] = db_option,
) -> None:
    """Stance facts, one row each, with first report date and number of reporting articles."""
    rows = _run(queries.endorsements, db=db, candidate=candidate, endorser=endorser, race=race,
                stance=choice_value(stance), stage=choice_value(stage), as_of=as_of, rollup=rollup,
                include_undated=include_undated)
    _emit(rows, fmt, "endorsements", f"Endorsements{' as of ' + as_of if as_of else ''}")
    if as_of:
        undated = _run(queries.undated_reports, db=db, candidate=candidate, endorser=endorser, race=race,
                       stance=choice_value(stance), stage=choice_value(stage), rollup=rollup)
        _say_undated(undated, as_of, fmt, included=include_undated)


@app.command()
def status(
    race: str = typer.Option(..., "--race", help="Race words, e.g. 'Connecticut Senate'."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="The state of the race on this date (YYYY-MM-DD)."),
    rollup: bool = rollup_option,
    fmt: OutputFormat = format_option,
    db: Optional[str] = db_option,
) -> None:
    """Who backs whom in one race, per stage; undecided and declined endorsers too.

    A query that fits several races lists them and exits 2: name one by its label or #id."""
    found = _run(queries.race_record, race, db=db)
    one = f"#{found['id']}"
    rows = _run(queries.race_status, one, db=db, as_of=as_of, rollup=rollup)
    if fmt is not OutputFormat.table:
        write_rows(rows, fmt.value, sys.stdout)
        if as_of:
            _say_undated(_run(queries.undated_reports, db=db, race=one), as_of, fmt)
        return
    console = _console()
    heading = escape(printable(found["label"] or race))
    console.print(f"[bold]{heading}[/bold]" + (f" as of {as_of}" if as_of else " (all reports)"))
    parts = [f"{p}: {found[p]}" for p in RACE_PARTS if p != "year" and found[p]]  # the year is in the label
    if parts:
        console.print(f"[dim]{escape(printable('; '.join(parts)))}[/dim]")
    if not rows:
        console.print("[dim]no stances found[/dim]")
    for stage in ("primary", "general", None):
        part = [r for r in rows if r["stage"] == stage]
        if not part:
            continue
        t = Table(title=f"{stage or 'stage not stated'}", title_justify="left")
        _add_columns(t, ("stance", "candidate", "endorsers"))
        groups: dict[tuple, list[str]] = {}
        for r in part:
            label = r["endorser"] + (f" (via {r['via_local']})" if r.get("via_local") else "")
            groups.setdefault((r["stance"], r["candidate"] or "-"), []).append(label)
        for (st, cand), names in groups.items():
            t.add_row(plain(st), plain(cand), plain(", ".join(sorted(set(names)))))
        console.print(t)
    if as_of:
        _say_undated(_run(queries.undated_reports, db=db, race=one), as_of, fmt)


@app.command()
def races(
    year: Optional[int] = typer.Option(None, "--year", min=1800, max=2200, help="Only races of this election year."),
    office: Optional[str] = typer.Option(None, "--office", help="Only races for this office, e.g. 'mayor'."),
    place: Optional[str] = typer.Option(None, "--place",
                                        help="Only races in this city, county, state or country."),
    fmt: OutputFormat = format_option,
    db: Optional[str] = db_option,
) -> None:
    """Every race as a record (year, office, place, district, party, stage) with its counts of
    endorsements, polls, endorsers and candidates; `status --race '#ID'` shows one."""
    rows = _run(queries.race_rows, db=db, year=year, office=office, place=place)
    if fmt is not OutputFormat.table:
        write_rows(rows, fmt.value, sys.stdout, columns=queries.RACE_COLUMNS)
        return
    rows = [{**r, "place": race_place(r)} for r in rows]
    _emit(rows, fmt, "races", "Races")


@app.command()
def timeline(
    name: str = typer.Argument(..., help="An endorser or a candidate."),
    rollup: bool = typer.Option(False, "--rollup", help="Include the endorser's locals."),
    history: bool = typer.Option(False, "--history", help="Include reports from superseded article versions."),
    fmt: OutputFormat = format_option,
    db: Optional[str] = db_option,
) -> None:
    """An endorser's or a candidate's stances in date order, each with its evidence and source."""
    rows = _run(queries.timeline, name, db=db, rollup=rollup, history=history)
    _emit(rows, fmt, "timeline", f"Timeline: {name}")


@app.command()
def conflicts(fmt: OutputFormat = format_option, db: Optional[str] = db_option) -> None:
    """Where sources disagree: two candidates at once, a stance and its opposite, a local against its national."""
    rows = _run(find_conflicts, db=db)
    _emit(rows, fmt, "conflicts", "Conflicts")


@app.command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.csv.value, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    history: bool = typer.Option(False, "--history", help="Include reports from superseded article versions."),
    preset: Optional[ExportPreset] = typer.Option(
        None, "--preset", help="538: FiveThirtyEight's endorsement shape, one row per report of an endorsement "
                               "(endorses or will_endorse)."),
    what: ExportWhat = typer.Option(
        ExportWhat.stances.value, "--what", help="stances: one row per report of a stance; polls: one row per "
                                                 "(poll, question, population, candidate, share), as `polls "
                                                 "--format csv` gives."),
    db: Optional[str] = db_option,
) -> None:
    """The full record: one row per report of a stance, with date, parties, source and evidence
    (`--what polls`: the polls instead)."""
    if what is ExportWhat.polls:
        if preset is not None:
            raise fail(InputError(f"--preset {preset.value} shapes stance rows; it cannot be used with "
                                  "--what polls"))
        rows = _run(queries.poll_share_rows, db=db, history=history)
        cols: Optional[list[str]] = list(queries.POLL_SHARE_COLUMNS)
    elif preset is not None:
        query, columns = queries.PRESETS[preset.value]
        rows = _run(query, db=db, history=history)
        cols = list(columns)
    else:
        rows = _run(queries.export_rows, db=db, history=history)
        cols = _export_columns(rows)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            write_rows(rows, fmt.value, out, columns=cols)
        typer.echo(f"wrote {len(rows)} rows to {output}", err=True)
    else:
        write_rows(rows, fmt.value, sys.stdout, columns=cols)


def _export_columns(rows: list[dict]) -> Optional[list[str]]:
    return list(rows[0].keys()) if rows else list(queries.EXPORT_COLUMNS)


@app.command()
def polls(
    race: Optional[str] = typer.Option(None, "--race", help="Race words."),
    fmt: OutputFormat = format_option,
    db: Optional[str] = db_option,
) -> None:
    """Polls the articles report. The table shows one line per matchup (poll #id and question number,
    date, pollster, population, shares); CSV and JSON give one row per (poll, question, population,
    candidate, share) with pollster, sponsor, field dates, release date (ISO, or empty with the partial
    form in released_partial), sample size, universe, margin of error, race and source."""
    if fmt is not OutputFormat.table:
        write_rows(_run(queries.poll_share_rows, db=db, race=race), fmt.value, sys.stdout,
                   columns=queries.POLL_SHARE_COLUMNS)
        return
    rows = _run(queries.poll_rows, db=db, race=race)
    _emit([{**r, "poll": f"#{r['poll_id']} q{r['question']}"} for r in rows], fmt, "polls", "Polls")


class _EntitiesGroup(TyperGroup):
    """``entities [NAME]`` lists (the ``list`` command is the default); ``entities merge|rename|retype|log``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # ctx: typer's (vendored) click Context
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["list", *args]
        return super().parse_args(ctx, args)


entities_app = typer.Typer(cls=_EntitiesGroup, no_args_is_help=False,
                           help="Canonical entities: `entities [NAME]` lists them; merge, rename and retype correct them "
                                "(corrections hold when articles are re-ingested); log shows every correction.")
app.add_typer(entities_app, name="entities")

ENTITY_HELP = "An entity: its name or one of its spellings, or its id as #ID (see `endorsetrack entities`)."
reviewer_option = typer.Option(None, "--reviewer", help="Who makes the correction (default: your login name).")
note_option = typer.Option(None, "--note", help="Why (kept in the log).")


@entities_app.command("list")
def entities_list(
    name: Optional[str] = typer.Argument(None, help="Only entities this name could mean."),
    fmt: OutputFormat = format_option,
    db: Optional[str] = db_option,
) -> None:
    """Canonical entities with all their names, match scores and parent organisation."""
    rows = _run(queries.entity_rows, name, db=db)
    _emit(rows, fmt, "entities", "Entities")


def _who(reviewer: Optional[str]) -> Optional[str]:
    if reviewer is not None:
        return reviewer
    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment: the log says nobody
        return None


def _moved(moved: dict[str, int]) -> str:
    return ", ".join(f"{n} {what}" for what, n in moved.items())


@entities_app.command("merge")
def entities_merge(
    keep: str = typer.Argument(..., help="The entity that stays. " + ENTITY_HELP),
    fold: str = typer.Argument(..., help="The entity folded into it; its names become the first one's aliases."),
    reviewer: Optional[str] = reviewer_option,
    note: Optional[str] = note_option,
    db: Optional[str] = db_option,
) -> None:
    """Make two entities one: FOLD's facts, polls and names move to KEEP (holds when articles are re-ingested)."""
    def work(store) -> str:
        a = ec.find_entity(store, keep, "entity")
        b = ec.find_entity(store, fold, "entity")
        gone = ec.entity_label(store, b)
        out = ec.merge_entities(store, a, b, reviewer=_who(reviewer), note=note)
        return f"merged {gone} into #{out.entity_id} {out.name}: moved {_moved(out.moved)}"
    typer.echo(printable(_run(work, db=db)))


@entities_app.command("rename")
def entities_rename(
    entity: str = typer.Argument(..., help=ENTITY_HELP),
    new_name: str = typer.Argument(..., help="The name to show; the old one stays a spelling of the entity."),
    reviewer: Optional[str] = reviewer_option,
    note: Optional[str] = note_option,
    db: Optional[str] = db_option,
) -> None:
    """Give an entity its right name (holds when articles are re-ingested)."""
    def work(store) -> str:
        eid = ec.find_entity(store, entity, "entity")
        out = ec.rename_entity(store, eid, new_name, reviewer=_who(reviewer), note=note)
        return f"renamed #{eid} '{out.correction.old_value}' to '{out.name}'"
    typer.echo(printable(_run(work, db=db)))


@entities_app.command("retype")
def entities_retype(
    entity: str = typer.Argument(..., help=ENTITY_HELP),
    new_type: EntityTypeChoice = typer.Argument(..., metavar="TYPE", help="The entity's type."),
    reviewer: Optional[str] = reviewer_option,
    note: Optional[str] = note_option,
    db: Optional[str] = db_option,
) -> None:
    """Set an entity's type (holds when articles are re-ingested)."""
    def work(store) -> str:
        eid = ec.find_entity(store, entity, "entity")
        out = ec.retype_entity(store, eid, new_type.value, reviewer=_who(reviewer), note=note)
        return f"retyped #{eid} {out.name} from {out.correction.old_value or 'no type'} to {new_type.value}"
    typer.echo(printable(_run(work, db=db)))


@entities_app.command("log")
def entities_log(fmt: OutputFormat = format_option, db: Optional[str] = db_option) -> None:
    """Every merge, rename, retype (and entity a review named): when, who, what and why."""
    rows = _run(ec.correction_rows, db=db)
    _emit(rows, fmt, "corrections", "Entity corrections")
