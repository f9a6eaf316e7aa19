"""Query rows as CSV, JSON or JSON Lines (the table format is the CLI's, with Rich).

CSV has one flat row per record: lists become "a; b", poll results
"Ana Ruiz 60; Ted Okafor 33" and an entity's names "IAFF (1); Fire Fighters (0.9)",
so a spreadsheet opens it as is.
"""
from __future__ import annotations

import csv
import json
from typing import IO, Optional, Sequence

FORMATS = ("table", "csv", "json")
EXPORT_FORMATS = ("csv", "json", "jsonl")


def flat(value) -> object:
    """One CSV cell: lists joined, result dicts as 'name share', stored names as
    'name (score)', other objects as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(flat(v)) for v in value)
    if isinstance(value, dict) and "candidate" in value and "share" in value:
        return f"{value['candidate']} {value['share']:g}"
    if isinstance(value, dict) and "name" in value:
        score = value.get("score")
        return f"{value['name']} ({score:g})" if isinstance(score, (int, float)) else str(value["name"])
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_rows(rows: Sequence[dict], fmt: str, out: IO[str], columns: Optional[Sequence[str]] = None) -> None:
    """Write rows in csv, json or jsonl; csv keeps ``columns`` order (default: the first row's keys)."""
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        cols = list(columns or (rows[0].keys() if rows else []))
        w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: flat(r.get(c)) for c in cols})
    else:
        raise ValueError(f"unknown format {fmt}")
