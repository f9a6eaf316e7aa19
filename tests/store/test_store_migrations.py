"""Named migrations: empty -> head, rerun is a no-op, an old database upgrades, failures roll back."""
from __future__ import annotations

import pytest

from endorsetrack.errors import DatabaseNotFoundError, MigrationFailedError, MigrationNeededError
from endorsetrack.store import HEAD, MIGRATIONS, StoreWriter, connect, migrate, open_store
from endorsetrack.store import migrations as mig
from store_builders import article, counts, end, poll, run_at_once


def test_empty_database_migrates_to_head_and_rerun_is_noop(db_url):
    db = connect(db_url, create=True)
    try:
        done = migrate(db)
        assert done == [m.name for m in MIGRATIONS]
        assert mig.applied(db) == done and mig.pending(db) == []
        assert migrate(db) == []  # rerun: nothing to do
        mig.check_current(db)
        assert db.scalar("SELECT count(*) FROM schema_migrations") == len(MIGRATIONS)
    finally:
        db.close()


def test_old_version_database_upgrades_and_keeps_its_data(db_url):
    db = connect(db_url, create=True)
    try:
        assert migrate(db, target="0001_core") == ["0001_core"]
        assert not db.table_exists("polls")
        later = [m.name for m in mig.MIGRATIONS[1:]]
        with pytest.raises(MigrationNeededError, match=f"needs {len(later)} migration"):
            mig.check_current(db)
        with StoreWriter(db) as w:  # an old-version writer stores facts without polls (and, here, without
            # a race: today's writer fills race columns that 0001 lacks; test_store_race_records covers old races)
            w.write(article("old.txt", "text", end("IAFF", "Joe Lieberman", race=None)))
        assert migrate(db) == later
        mig.check_current(db)
        assert db.table_exists("polls")
        assert counts(db)["stance_sources"] == 1
        with StoreWriter(db) as w:
            w.write(article("new.txt", "other", polls=(poll("Quinnipiac", [("Ned Lamont", 60)]),)))
        assert counts(db)["polls"] == 1
    finally:
        db.close()


def test_reader_refuses_a_database_that_needs_migration(db_url):
    db = connect(db_url, create=True)
    migrate(db, target="0002_polls")
    db.close()
    with pytest.raises(MigrationNeededError, match="endorsetrack migrate"):
        open_store(db_url)
    open_store(db_url, migrate_to_head=True).close()
    open_store(db_url).close()  # now at head


def test_database_from_a_newer_version_is_refused(db_url):
    db = open_store(db_url, create=True, migrate_to_head=True)
    db.begin()
    db.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", ["9999_future", "2100-01-01"])
    db.commit()
    db.close()
    with pytest.raises(MigrationNeededError, match="newer endorsetrack"):
        open_store(db_url)


def test_failed_migration_rolls_back_and_names_itself(db_url, monkeypatch):
    def broken(db):
        db.execute("CREATE TABLE half_done (x INTEGER)")
        db.execute("THIS IS NOT SQL")

    monkeypatch.setattr(mig, "MIGRATIONS", MIGRATIONS + (mig.Migration("0004_broken", broken),))
    db = connect(db_url, create=True)
    try:
        with pytest.raises(MigrationFailedError, match="0004_broken"):
            migrate(db)
        assert mig.applied(db) == [m.name for m in MIGRATIONS]  # the good ones stay applied
        assert not db.table_exists("half_done")  # the broken one left nothing
    finally:
        db.close()


def test_missing_sqlite_file_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseNotFoundError, match="no such database"):
        open_store(str(tmp_path / "nope.db"))
    assert not (tmp_path / "nope.db").exists()


def test_unknown_target_is_refused(db_url):
    db = connect(db_url, create=True)
    try:
        with pytest.raises(MigrationFailedError, match="unknown migration"):
            migrate(db, target="0042_nothing")
    finally:
        db.close()
    assert HEAD == MIGRATIONS[-1].name


def test_first_runs_at_once_on_a_fresh_database_all_succeed(db_url):
    """Concurrent first migrations (two ingests on a new database) serialise on the lock:
    the schema table is created once, inside it, and every run ends at head."""
    assert run_at_once(lambda: connect(db_url, create=True), migrate, 4) == []
    db = connect(db_url)
    try:
        assert mig.applied(db)[-1] == HEAD
    finally:
        db.close()
