"""Named schema migrations, applied in order, each in its own transaction.

``schema_migrations`` records every applied name with its time. Opening a
database for reading checks that it is at head (MigrationNeededError otherwise,
telling the user to run ``endorsetrack migrate``); ``ingest`` migrates by itself.
A new schema change is a new function appended to MIGRATIONS, never an edit of an
applied one.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Optional

from ..errors import MigrationFailedError, MigrationNeededError
from . import schema
from .connection import Database
from .entity_corrections import ENTITY_CORRECTIONS_DDL
from .lexicon_migration import apply_organization_lexicon
from .race_records import apply_race_records
from .review import REVIEWS_DDL
from .views import VIEWS_DDL

# Any constant: PostgreSQL advisory-lock id so that two ingests migrating at once serialise.
PG_MIGRATION_LOCK = 7_406_311


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[Database], None]


def _run_all(statements: list[str]) -> Callable[[Database], None]:
    def apply(db: Database) -> None:
        for stmt in statements:
            db.execute(db.dialect.ddl(stmt))
    return apply


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_core", _run_all(schema.CORE)),
    Migration("0002_polls", _run_all(schema.POLLS)),
    Migration("0003_query_indexes", _run_all(schema.QUERY_INDEXES)),
    Migration("0004_reviews", _run_all(REVIEWS_DDL)),  # human reviews of facts (store/review.py)
    # stored organisations renamed to the one organisation lexicon's form (store/lexicon_migration.py)
    Migration("0005_organization_lexicon", apply_organization_lexicon),
    # a column per race part (year, office, place, district, party, stage) and a label (store/race_records.py)
    Migration("0006_race_records", apply_race_records),
    # a person's merges, renames and retypes of entities, and a review's endorser (store/entity_corrections.py)
    Migration("0007_entity_corrections", _run_all(ENTITY_CORRECTIONS_DDL)),
    # v_endorsements and v_polls: one row per fact / poll result, names in, for Datasette (store/views.py)
    Migration("0008_views", _run_all(VIEWS_DDL)),
)
HEAD = MIGRATIONS[-1].name


def _ensure_table(db: Database) -> None:
    if not db.table_exists("schema_migrations"):
        db.begin()
        try:
            _lock_migrations(db)  # two first runs at once: the second waits and finds the table
            db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            db.commit()
        except BaseException:
            db.rollback()
            raise


def _lock_migrations(db: Database) -> None:
    """On PostgreSQL, hold the migration lock until the transaction ends (SQLite's
    BEGIN IMMEDIATE already serialises writers)."""
    if db.dialect.name == "postgresql":
        db.execute("SELECT pg_advisory_xact_lock(?)", [PG_MIGRATION_LOCK])


def applied(db: Database) -> list[str]:
    """Names of the applied migrations, in the order they were applied."""
    if not db.table_exists("schema_migrations"):
        return []
    return [r["name"] for r in db.query("SELECT name FROM schema_migrations ORDER BY applied_at, name")]


def pending(db: Database) -> list[str]:
    done = set(applied(db))
    return [m.name for m in MIGRATIONS if m.name not in done]


def migrate(db: Database, target: Optional[str] = None) -> list[str]:
    """Apply every pending migration up to ``target`` (default: head); returns the names applied."""
    names = [m.name for m in MIGRATIONS]
    if target is not None and target not in names:
        raise MigrationFailedError(f"unknown migration '{target}'; known: {', '.join(names)}")
    _ensure_table(db)
    done_now = []
    for m in MIGRATIONS:
        db.begin()
        try:
            _lock_migrations(db)
            if db.scalar("SELECT 1 FROM schema_migrations WHERE name = ?", [m.name]) is None:
                m.apply(db)
                db.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                           [m.name, datetime.now(timezone.utc).isoformat(timespec="microseconds")])
                done_now.append(m.name)
            db.commit()
        except MigrationFailedError:
            db.rollback()
            raise
        except Exception as exc:
            db.rollback()
            raise MigrationFailedError(f"migration {m.name} failed and was rolled back: {exc}") from exc
        if m.name == target:
            break
    return done_now


def check_current(db: Database) -> None:
    """Raise MigrationNeededError unless the database is exactly at this version's head."""
    done = applied(db)
    if not done:
        raise MigrationNeededError("the database has no endorsetrack tables; run `endorsetrack ingest` or "
                                   "`endorsetrack migrate` first")
    unknown = [n for n in done if n not in {m.name for m in MIGRATIONS}]
    if unknown:
        raise MigrationNeededError(f"the database was written by a newer endorsetrack (migration {unknown[-1]}); "
                                   "upgrade endorsetrack to read it")
    todo = pending(db)
    if todo:
        raise MigrationNeededError(f"the database needs {len(todo)} migration(s) ({', '.join(todo)}); "
                                   "run `endorsetrack migrate`")
