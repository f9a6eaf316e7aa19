"""A read snapshot: a page's several queries see one moment, whatever a concurrent writer commits."""
from __future__ import annotations

from endorsetrack.store import open_store


def _count(db) -> int:
    return db.scalar("SELECT COUNT(*) FROM sources_probe")


def test_a_read_snapshot_does_not_see_rows_committed_meanwhile_and_the_next_read_does(db_url):
    writer = open_store(db_url, create=True, migrate_to_head=True)
    try:
        writer.execute("CREATE TABLE sources_probe (x INTEGER)")
        writer.execute("INSERT INTO sources_probe (x) VALUES (1)")
        writer.commit()
        reader = open_store(db_url)
        try:
            with reader.read_snapshot():
                assert _count(reader) == 1
                writer.begin()
                writer.execute("INSERT INTO sources_probe (x) VALUES (2)")
                writer.commit()  # a concurrent ingest commits while the page is being built
                assert _count(reader) == 1  # the same moment throughout
            assert not reader.in_transaction
            assert _count(reader) == 2  # the next page sees it
        finally:
            reader.close()
    finally:
        writer.close()
