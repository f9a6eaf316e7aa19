"""Races as records: the columns of each part of a race (migration 0006_race_records) and
their values for a race text.

A race row keeps its key (its identity: facts and reviews name it) and the text it was
first stored under (``name``); the migration adds one column per part (year was one
already) and the label built from them, and fills them for every stored race by reading
its stored text with ``resolve.parse_race``, as far as that text allows (a race stored
as "mayor, Baltimore" has no year to give). The writer fills them the same way for every
new race. A later, better reading of old texts is a later migration.
"""
from __future__ import annotations

from typing import Optional

from ..resolve import RACE_PARTS, parse_race
from .connection import Database

#: The part columns the migration adds (``year`` is in 0001_core), then the label.
ADDED_COLUMNS = tuple(p for p in RACE_PARTS if p != "year") + ("label",)


def race_columns(text: Optional[str]) -> dict:
    """Every part column and the label for a race text (all None when it names no race)."""
    record = parse_race(text)
    if record is None:
        return {**{p: None for p in RACE_PARTS}, "label": None}
    return {**record.parts(), "label": record.label}


def apply_race_records(db: Database) -> None:
    """Migration 0006_race_records: a column per race part, filled from each stored race's text."""
    for col in ADDED_COLUMNS:
        db.execute(f"ALTER TABLE races ADD COLUMN {col} TEXT")
    db.execute("CREATE INDEX races_year ON races (year)")
    for row in db.query("SELECT id, name FROM races ORDER BY id"):
        cols = race_columns(row["name"])
        if cols["label"] is None:  # a name that names no race keeps it as its label
            cols = {**cols, "label": row["name"]}
        names = list(cols)
        db.execute(f"UPDATE races SET {', '.join(f'{c} = ?' for c in names)} WHERE id = ?",
                   [*(cols[c] for c in names), row["id"]])
